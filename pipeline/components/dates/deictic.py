"""Values of words placed against the publication date: "today", "yesterday", "tonight",
"now", "recently", "soon", "overnight", a weekday alone ("on Monday"), a season
alone ("in the spring") and a day named as what it is ("today is the eighth day of the
strike", "it was a great day").

A weekday takes the direction of its clause's tense (``tense.weekday_date``); a
season the one its determiner and tense give.
"""

from __future__ import annotations

from datetime import timedelta

from ...lang.calendar import day_offsets
from ...lang.numbers import parse_number
from .anchoring import Context, Timex, current_day, date_timex
from .calendar import SEASON_START, day_value
from .extents import TimexCandidate
from .lexicon import lower_words
from .tense import weekday_date
from .times import overnight


def deictic_day(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "today", "yesterday", "tomorrow"; "tonight" and "yesterday morning" are TIMEs;
    "today's" before a generic noun ("today's youth") is the present (PRESENT_REF)."""
    g, ref = cand.groups, ctx.ref
    word = g["word"].lower()
    day = day_value(ref + timedelta(days=day_offsets()[word])) if ref else None
    part = g.get("part")
    if word == "tonight" or part:
        code = "NI" if word == "tonight" else ctx.lexicon["part"][part.lower()]
        return {"type": "TIME", "value": f"{day or 'XXXX-XX-XX'}T{code}"}
    if word == "today" and (
        ref is None or (g.get("owned") or "").lower() in ctx.lexicon["generic"]
    ):
        # "today's youth", "today's world": the present, not the day ("today's vote").
        return date_timex(None, "PRESENT_REF")
    return date_timex(day, "XXXX-XX-XX")


def day_predicate(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "today is the eighth day of the strike", "it's a sad day", "it was a great day": the
    day the subject names, else the publication day (present) or the day the text is at."""
    g, ref = cand.groups, ctx.ref
    subject, verb = g["subj"].lower(), g["verb"].lower()
    if subject in day_offsets():
        day = day_value(ref + timedelta(days=day_offsets()[subject])) if ref else None
    elif verb == "was":
        day = current_day(ctx)
    else:
        day = day_value(ref) if ref else None
    return date_timex(day, "XXXX-XX-XX")


def deictic(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """ "now", "recently", "the near term" (the lexicon's ``deictic`` value), "overnight"."""
    g = cand.groups
    word = lower_words(g["word"])
    if word == "overnight":
        return {"type": "TIME", "value": f"{overnight(ctx)}TNI"}
    if g.get("then") and word in ("current", "currently"):
        return date_timex("PAST_REF", "")  # "the then current price": current at a past time
    if word == "soon" and ctx.tense == "past":
        return None  # "was soon released": how quickly, not a time ahead
    value = ctx.lexicon["deictic"].get(word)
    return date_timex(value, "PRESENT_REF") if value else None


def weekday(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "Monday" placed by the clause's tense; "Mondays", "Tuesday nights" are a SET.

    A weekday with a part of day ("Friday morning") is a TIME, as TimeML has it (AQUAINT
    types it DATE: ``pipeline/evaluate/timebank.py``)."""
    g, ref = cand.groups, ctx.ref
    wd = int(ctx.lexicon["weekday"][g["weekday"].lower()])
    part = g.get("part")
    if g.get("plural") or g.get("partplural"):
        return {
            "type": "SET",
            "value": f"XXXX-WXX-{wd}" + (f"T{ctx.lexicon['part'][part.lower()]}" if part else ""),
        }
    day = day_value(weekday_date(ref, wd, ctx.tense)) if ref else f"XXXX-WXX-{wd}"
    if part:
        return {"type": "TIME", "value": f"{day}T{ctx.lexicon['part'][part.lower()]}"}
    return date_timex(day, "")


def season(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "the summer of 2013", "the winter of nineteen eighty-seven", "last spring", "in the
    fall" (placed by the clause's tense)."""
    g, ref, tense = cand.groups, ctx.ref, ctx.tense
    code = ctx.lexicon["season"][g["season"].lower()]
    det = lower_words(g.get("det"))
    if g.get("year") or g.get("ystart"):
        return date_timex(f"{g.get('year') or g['ystart']}-{code}", "")
    if g.get("y19") and parse_number(g["y19"]):
        return date_timex(f"{1900 + int(parse_number(g['y19']))}-{code}", "")
    if ref is None:
        return date_timex(None, f"XXXX-{code}")
    start = SEASON_START[code]
    y = ref.year
    if det == "last" or (det in ("", "the", "that") and tense == "past" and start > ref.month):
        y = ref.year - 1 if start >= ref.month else ref.year
    elif det == "next" or (det in ("", "the") and tense == "future" and start < ref.month):
        y = ref.year + 1 if start <= ref.month else ref.year
    return date_timex(f"{y}-{code}", "")
