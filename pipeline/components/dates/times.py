"""Values of times of day: "10:35 a.m.", "noon", "0600 GMT", "4 in the morning", "this morning",
"mid-afternoon", "overnight".

A clock time alone is on the day the text is at (the last day it mentioned, else
the publication date), one alone on its line (a live report's time stamp) on the
publication date; ``normalise`` passes the day when one is said with it
("10 a.m. Friday").
"""

from __future__ import annotations

from datetime import timedelta

from ...lang.calendar import day_offsets
from ...lang.numbers import parse_number
from .anchoring import Context, Timex, current_day, last_mention
from .calendar import RELATIVE_OFFSET, day_value, value_date
from .extents import TimexCandidate
from .lexicon import lower_words

#: The word before (or after) a part of the day -> its day, in days from the publication
#: date: "this", "last" ("last night"), a day word ("tomorrow evening"), none ("mid-afternoon").
_DAY_OFFSET = {"": 0} | RELATIVE_OFFSET | day_offsets()


def clock_time(cand: TimexCandidate, ctx: Context, day: str | None) -> Timex:
    """``day`` (or the day the text is at) at the candidate's clock time: "2023-06-13T22:00"."""
    g = cand.groups
    if g.get("noon"):
        hhmm = ctx.lexicon["partofday"][g["noon"].lower()]  # "noon": "12:00"
    else:
        hour_text = g.get("hour") or g.get("hour2") or g.get("hour3") or g.get("hour4")
        hour = int(hour_text) if hour_text.isdigit() else int(parse_number(hour_text))
        minute = g.get("minute") or g.get("minute2") or g.get("minute4")
        ampm = lower_words(g.get("ampm")).replace(".", "")
        part = lower_words(g.get("part") or g.get("part3"))
        if (
            ampm.startswith("p") or part in ("afternoon", "evening", "night") and hour < 12
        ) and hour < 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
        hhmm = f"{hour:02d}:{minute}" if minute else f"{hour:02d}:00"
    if day is None and ctx.alone and ctx.ref:
        # A live report's time stamp, alone on its line: the publication date's.
        day = day_value(ctx.ref)
    elif day is None:
        # "shot on Oct. 23 ... at 10 p.m.": the day the text is at.
        day = current_day(ctx) or "XXXX-XX-XX"
    return {"type": "TIME", "value": f"{day}T{hhmm}"}


def part_of_day(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "this morning", "last night", "tomorrow evening"; "that night" and "the evening"
    are on the day the text is at."""
    g, ref = cand.groups, ctx.ref
    rel = g["rel"].lower()
    code = ctx.lexicon["part"][g["part"].lower()]
    if rel in ("that", "the"):
        day = current_day(ctx)
    else:
        day = day_value(ref + timedelta(days=_DAY_OFFSET[rel])) if ref else None
    return {"type": "TIME", "value": f"{day or 'XXXX-XX-XX'}T{code}"}


def mid_part(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "mid-afternoon", "mid morning yesterday": the middle of a part of day (mod MID)."""
    g, ref = cand.groups, ctx.ref
    offset = _DAY_OFFSET[lower_words(g.get("word"))]
    day = day_value(ref + timedelta(days=offset)) if ref else "XXXX-XX-XX"
    code = ctx.lexicon["part"][g["part"].lower()]
    return {"type": "TIME", "value": f"{day}T{code}", "mod": "MID"}


def overnight(ctx: Context) -> str:
    """The night "overnight" names: the one before the day the text is at, the last day it
    mentioned, else the publication date ("shares fell Friday on losses overnight in Tokyo"
    are Thursday night's losses)."""
    anchor = last_mention(ctx, "day")
    day = value_date(anchor) if anchor else ctx.ref
    return day_value(day - timedelta(days=1)) if day else "XXXX-XX-XX"
