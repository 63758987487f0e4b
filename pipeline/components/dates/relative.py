"""Values of a word with a relative determiner: "last week", "this year", "next Friday",
"the following Monday", "that month", "the past year", "the quarter", "the weekend".

The determiner (``rel``) gives a direction (``offset``: last -1, next +1) and says
whether the phrase counts from the publication date (deictic: "last year"), from the
last date the text mentioned (anaphoric: "the following year", "that month") or is
a stretch of time (durative: "the past decade"). The word's kind then picks the
handler: a weekday, a month, a season, a part of the day, a quarter or period, a
weekend, or a calendar unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from ...lang.calendar import month_number
from .anchoring import UNIT_GRANULARITY, Context, Timex, date_timex, last_mention
from .calendar import (
    SEASON_START,
    day_value,
    quarter_ending,
    shift,
    truncate,
    undefined,
    value_date,
    week_value,
)
from .durations import duration_value
from .extents import TimexCandidate
from .lexicon import Lexicon, lower_words
from .quarters import last_quarter, year_ago_quarter
from .tense import closest_year, weekday_date

_DURATIVE = ("the past", "the last", "the entire", "the whole")
#: Determiners that pick one unit out of a sequence ("the first day of the tour").
_ORDINAL = ("the first", "the final")
_ANAPHORIC = ("that", "the same", "the following", "the previous", "the prior", "the preceding")
_BACK = ("last", "past", "previous", "the previous", "the prior", "the preceding")
_AHEAD = ("next", "coming", "the following")
_STRETCH_UNITS = ("year", "month", "week", "day", "decade", "quarter", "century", "weekend")
#: A weekday's determiner -> ``weekday_date``'s direction.
_WEEKDAY_REL = {
    "last": "last",
    "past": "last",
    "this past": "last",
    "next": "next",
    "coming": "next",
    "this coming": "next",
    "this": "this",
}
#: Determiners of the reported quarter in financial mode ("the latest period").
_REPORTED = ("the latest", "the most recent", "the", "the current", "current", "this", "the same")
#: Determiners of the reported quarter a year back ("the year-earlier quarter").
_YEAR_EARLIER = (
    "the year-earlier",
    "the year-ago",
    "the year earlier",
    "the corresponding",
    "the comparable",
)
#: A calendar unit word -> its TimeML unit letter.
_UNIT_CODE = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "quarter": "Q",
    "decade": "10Y",
    "century": "100Y",
    "half": "H",
}


@dataclass(frozen=True)
class Phrase:
    """A relative phrase read: its determiner, word and what the determiner says."""

    rel: str
    word: str
    offset: int  # -1 back, +1 ahead, 0 this one
    anaphoric: bool  # counts from the last date the text mentioned


def relative(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """A ``relative`` ("last week") or ``the_unit`` ("the year") candidate's value."""
    g, ref = cand.groups, ctx.ref
    rel = lower_words(g.get("rel")) if cand.family == "relative" else "the"
    word = lower_words(g["word"])
    if cand.extra.get("year"):  # "in 2010, the year the court ruled" (``extents``)
        return date_timex(cand.extra["year"], "")
    if cand.extra.get("unit_shift") and word in _NEXT_UNITS:
        return _next_unit(_NEXT_UNITS[word], cand.extra["unit_shift"], ctx)
    if cand.family == "the_unit" and g.get("ended") is not None and word.endswith("year"):
        # "the year ended Sept. 30": the twelve months up to that day. A TIMEX3 value names
        # calendar periods only, so a year that is no calendar year is written by its
        # length (TimeML anchors it with endPoint); "1989" would name another period.
        # This reads the phrase, in any domain: not only earnings reports say it.
        return {"type": "DURATION", "value": "P1Y"}
    if word == "quarter" and g.get("endmonth") and ref:
        return date_timex(quarter_ending(ref, month_number(g["endmonth"])), "")
    if word.startswith("fiscal "):
        word = word.split()[1]
    if word == "year" and rel in ("the latest", "the most recent") and ref:
        # "sales in the latest fiscal year": the last completed one, as "the latest quarter".
        return date_timex(str(ref.year - 1), "")
    # "the next day", "the next morning" are anaphoric like "the following day"; "the
    # coming year" is the next one.
    if rel == "the next" and (
        word == "day" or word in ctx.lexicon["part"] or (ctx.tense == "past" and ctx.mentions)
    ):
        # A past narrative's "the next year" is the year after the one it is at, too.
        rel = "the following"
    elif rel in ("the next", "the coming"):
        rel = "next"
    durative = rel in _DURATIVE
    offset = -1 if rel in _BACK else 1 if rel in _AHEAD else 0
    if rel == "the full":
        rel = "the"
    if rel in _ORDINAL and word in _STRETCH_UNITS:
        # "the first day of a bus tour", "the final year of his term": one unit of a
        # sequence, a DATE (not a length); the stage does not date the sequence.
        return date_timex(None, "XXXX-WXX-WE" if word == "weekend" else undefined(_UNIT_CODE[word]))
    if durative and word in _STRETCH_UNITS:
        return _stretch(word, ctx)
    # "the month" is the month the story is at ("October's gain made the month's data
    # encouraging"), as "that month" is.
    anaphoric = rel in _ANAPHORIC or (cand.family == "the_unit" and word == "month")
    phrase = Phrase(rel, word, offset, anaphoric)
    return _BY_KIND.get(_kind(word, ctx.lexicon), _unit)(phrase, ctx)


def _kind(word: str, lexicon: Lexicon) -> str:
    """What the phrase's word names ("a weekday", "a month", ...), or the word itself
    ("quarter", "year")."""
    if word in lexicon["weekday"]:
        return "a weekday"
    if word in lexicon["month"] or word.rstrip(".") + "." in lexicon["month"]:
        return "a month"
    if word in lexicon["season"]:
        return "a season"
    if word in lexicon["part"]:
        return "a part of day"
    return word


#: The units of "the year before", "the month after" -> their TimeML unit letter.
_NEXT_UNITS = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "day": "D", "decade": "10Y"}


def _next_unit(code: str, step: int, ctx: Context) -> Timex:
    """ "the year before", "the month after": the unit before (after) the one the text is
    at, its last mention of that granularity, else the publication date's ("Profit fell
    last year, after rising the year before": the year before last)."""
    anchor = last_mention(ctx, UNIT_GRANULARITY.get(code, "year"))
    if anchor is not None:
        anchor = truncate(anchor, code) if code != "10Y" else anchor[:3]
    if anchor is None and ctx.ref is None:
        return date_timex(None, undefined(code))
    if code == "10Y":
        decade = int(anchor) if anchor else ctx.ref.year // 10
        return date_timex(str(decade + step), "")
    return date_timex(shift(anchor, ctx.ref, step, code), undefined(code))


def _stretch(word: str, ctx: Context) -> Timex:
    """ "the past year", "the last decade", "the entire week": a DURATION of one unit, the
    stretch of time up to the publication date (or the whole unit). TempEval-3's
    annotators write "the past year" as the calendar year before; that is applied when
    scoring against it (``pipeline/evaluate/timebank.py``), as "the past two years" is a
    DURATION in both."""
    return {"type": "DURATION", "value": duration_value(1, ctx.lexicon["unit"][word])}


def _weekday(p: Phrase, ctx: Context) -> Timex:
    """ "next Friday", "this past Sunday"; "the previous Friday", "the following Monday"
    count from the day the text is at."""
    ref = ctx.ref
    wd = int(ctx.lexicon["weekday"][p.word])
    if ref is None:
        return date_timex(None, f"XXXX-WXX-{wd}")
    if p.anaphoric and p.rel != "that" and p.rel != "the same":
        # "down 4% from the previous Friday", "the following Monday": the weekday before
        # (after) the day the text is at, or the publication date.
        anchor = last_mention(ctx, "day")
        base = value_date(anchor) if anchor else ref
        base = base or ref
        if p.offset < 0:
            return date_timex(
                day_value(base - timedelta(days=(base.isoweekday() - wd) % 7 or 7)), ""
            )
        return date_timex(day_value(base + timedelta(days=(wd - base.isoweekday()) % 7 or 7)), "")
    return date_timex(day_value(weekday_date(ref, wd, ctx.tense, _WEEKDAY_REL.get(p.rel))), "")


def _month(p: Phrase, ctx: Context) -> Timex:
    """ "last March", "next June", "this May"; "the following January", "that March" from
    the month the text is at; otherwise placed by the clause's tense."""
    ref = ctx.ref
    month = month_number(p.word)
    anchor = last_mention(ctx, "month") if p.anaphoric else None
    if anchor:
        # "elected in November 2016, he took office the following January": the month
        # after (before) the month the text is at; "that March" is in its year.
        year, at = int(anchor[:4]), int(anchor[5:7])
        if p.offset > 0:
            year += month <= at
        elif p.offset < 0:
            year -= month >= at
        return date_timex(f"{year}-{month:02d}", "")
    if ref is None:
        return date_timex(None, f"XXXX-{month:02d}")
    if p.rel in ("last", "past"):
        # "last February" said in March is a year back: the month just gone is "last
        # month", so a named one is this year's only two months back or more.
        y = ref.year if month < ref.month - 1 else ref.year - 1
    elif p.rel in ("next", "coming"):
        y = ref.year if month > ref.month + 1 else ref.year + 1
    elif p.rel == "this":
        y = ref.year
    else:
        y = closest_year(ref, month, None, ctx.tense)
    return date_timex(f"{y}-{month:02d}", "")


def _season(p: Phrase, ctx: Context) -> Timex:
    """ "last summer", "next spring", "this winter"."""
    ref = ctx.ref
    code = ctx.lexicon["season"][p.word]
    if ref is None:
        return date_timex(None, f"XXXX-{code}")
    start = SEASON_START[code]
    anchor = last_mention(ctx, "year") if p.anaphoric else None
    if anchor:
        # "the spring of 2019 ... that summer", "the following winter": from the year the
        # text is at (a winter counts as the year it starts in).
        at = int(anchor[:4])
        month = (
            int(anchor[5:7]) if re.match(r"^\d{4}-\d\d", anchor) else SEASON_START.get(anchor[5:7])
        )
        y = at
        if p.offset > 0 and (month is None or start <= month):
            y = at + 1
        elif p.offset < 0 and (month is None or start >= month):
            y = at - 1
        return date_timex(f"{y}-{code}", "")
    y = ref.year
    if p.offset < 0:
        y = ref.year - 1 if start >= ref.month else ref.year
    elif p.offset > 0:
        y = ref.year + 1 if start <= ref.month else ref.year
    return date_timex(f"{y}-{code}", "")


def _part_of_day(p: Phrase, ctx: Context) -> Timex:
    """ "last night", "this morning"; "that evening" on the day the text is at, "the
    following (next) morning" on the day after it, "the previous night" the day before."""
    ref = ctx.ref
    code = ctx.lexicon["part"][p.word]
    if p.anaphoric:
        anchor = last_mention(ctx, "day")
        base = value_date(anchor[:10]) if anchor else ref
        day = day_value(base + timedelta(days=p.offset)) if base else None
    else:
        day = day_value(ref + timedelta(days=min(p.offset, 0))) if ref else None
    return {"type": "TIME", "value": f"{day or 'XXXX-XX-XX'}T{code}"}


def _quarter(p: Phrase, ctx: Context) -> Timex | None:
    """ "this quarter", "the current quarter"; then as any period, else as a calendar unit.
    A game's quarter ("led by 10 points after the quarter") is no date."""
    if ctx.game:
        return None
    if p.rel == "this" and ctx.reported and ctx.tense not in ("future", "modal"):
        # "This quarter's loss includes ..." in a report on its named quarter is that one;
        # "expects a profit this quarter" the current one.
        return date_timex(ctx.reported, "")
    if p.rel in ("the current", "current", "this") and ctx.ref:
        return date_timex(shift(None, ctx.ref, 0, "Q"), "")
    return _period(p, ctx) if p.rel in _REPORTED + _YEAR_EARLIER else _unit(p, ctx)


def _period(p: Phrase, ctx: Context) -> Timex | None:
    """ "the latest period", "the year-earlier period": the reported quarter (financial
    mode) or that quarter a year back; any other period names no date."""
    if p.rel in _REPORTED:
        return date_timex(last_quarter(ctx), "XXXX-QX")
    if p.rel in _YEAR_EARLIER:
        return date_timex(year_ago_quarter(ctx), "XXXX-QX")
    return None


def _weekend(p: Phrase, ctx: Context) -> Timex:
    """ "last weekend", "this weekend"; "the weekend" in a past or present clause is the
    last one before a weekday."""
    ref = ctx.ref
    if ref is None:
        return date_timex(None, "XXXX-WXX-WE")
    offset = p.offset
    if offset == 0 and p.rel == "the" and ctx.tense != "future":
        offset = -1 if ref.isoweekday() < 6 else 0
    return date_timex(week_value(ref + timedelta(weeks=offset)) + "-WE", "")


def _unit(p: Phrase, ctx: Context) -> Timex | None:
    """ "last year", "next month", "the following week", "that day", "the first half"."""
    ref = ctx.ref
    unit = _UNIT_CODE.get(p.word)
    if unit is None:
        return None
    if unit == "H":
        if ref is None:
            return date_timex(None, "XXXX-HX")
        h = 1 if ref.month <= 6 else 2
        k = ref.year * 2 + h - 1 + p.offset
        return date_timex(f"{k // 2}-H{k % 2 + 1}", "")
    if p.anaphoric:
        anchor = last_mention(ctx, UNIT_GRANULARITY.get(unit, "year"))
        if anchor:
            base = truncate(anchor, unit)
            if base is not None:
                return date_timex(shift(base, ref, p.offset, unit) if p.offset else base, "")
        elif p.rel in ("that", "the same") and last_mention(ctx, "year"):
            # "In 1998 ... that month": the text is at a year, not at a month of it; the
            # publication date's month would be a guess.
            return date_timex(None, undefined(unit))
    if ref is None:
        return date_timex(None, undefined(unit))
    if unit == "Q" and p.rel == "the":
        return date_timex(last_quarter(ctx), "XXXX-QX")
    if unit == "W" and p.rel == "the":
        # A bare "the week" ("shares fell 2% for the week") is the week the story is about:
        # the publication date's (TimeBank writes "1989-WXX": pipeline/evaluate/timebank.py).
        return date_timex(week_value(ref), "")
    return date_timex(shift(None, ref, p.offset, unit), undefined(unit))


#: The handler of each kind of word (``_kind``); calendar units and others go to ``_unit``.
_BY_KIND: dict[str, Callable[[Phrase, Context], Timex | None]] = {
    "a weekday": _weekday,
    "a month": _month,
    "a season": _season,
    "a part of day": _part_of_day,
    "quarter": _quarter,
    "period": _period,
    "weekend": _weekend,
}
