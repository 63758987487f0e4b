"""Values of durations and sets: "two years", "about two hours", "a minute and a half",
"recent weeks", "weekly", "every year", "500,000 barrels a year"; and of a counted
shift: "two years ago", "a year earlier", "three weeks from now".

A shift counts from the publication date ("ago", "from now") or from the last date
the text mentioned ("earlier", "later"); in financial mode "a year earlier" is the
reported quarter a year back.
"""

from __future__ import annotations

import re

from ...lang.calendar import month_number
from ...lang.numbers import parse_number
from .anchoring import UNIT_GRANULARITY, Context, Timex, date_timex, last_mention
from .calendar import shift, truncate, undefined
from .extents import TimexCandidate
from .lexicon import lower_words
from .numbers import format_number
from .quarters import last_quarter

#: A unit -> (how many of the next smaller unit it holds, that unit), for "2 1/2 years".
_SMALLER = {
    "Y": (12, "M"),
    "M": (30, "D"),
    "W": (7, "D"),
    "D": (24, "TH"),
    "TH": (60, "TM"),
    "TM": (60, "TS"),
}
#: The units a date can be shifted by.
_SHIFT_UNITS = ("Y", "M", "W", "D", "10Y", "100Y", "Q")
_BACKWARD = ("ago", "earlier", "before")


def duration_value(n: float | None, code: str) -> str:
    """TimeML's value for ``n`` (None: unknown) of the unit ``code``: "P2Y", "PT1H30M", "PXM"."""
    if code == "WE":
        return f"P{format_number(2 * n)}D" if n else "PXD"
    if code == "100Y" and n is None:
        return "PXC"  # "for centuries": TimeBank's spelling, the century unit C
    mult = 1
    m = re.match(r"^(\d+)(\w+)$", code)
    if m:
        mult, code = int(m[1]), m[2]
    if n is not None and n * mult != int(n * mult) and code in _SMALLER:
        # "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M.
        whole = int(n * mult)
        factor, smaller = _SMALLER[code]
        rest = round((n * mult - whole) * factor)
        if code.startswith("T") or smaller.startswith("T"):
            head = f"P{whole}D" if code == "D" else "P"
            body = (f"{whole}{code[1:]}" if code.startswith("T") else "") + f"{rest}{smaller[1:]}"
            return f"{head}T{body}" if code == "D" else f"PT{body}"
        return f"P{whole}{code}{rest}{smaller}"
    count = format_number(n * mult) if n is not None else "X"
    if code.startswith("T"):
        return f"PT{count}{code[1:]}"
    return f"P{count}{code}"


def duration(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """A counted unit: a DURATION ("two years"), or a DATE when a direction follows
    ("two years ago")."""
    if cand.extra.get("some_day"):
        return date_timex("FUTURE_REF", "")  # "will one day be": some day ahead
    g = cand.groups
    unit_word = g["unit"].lower()
    if unit_word == "centuries":
        unit_word = "century"
    code = ctx.lexicon["unit"][unit_word]
    n = parse_number(g["num"])
    if n is not None and g.get("half"):
        n += 0.5  # "a minute and a half": PT1M30S
    direction = lower_words(g.get("dir"))
    if direction:
        return _shifted(n, code, direction, ctx)
    if (
        g.get("within") is not None
        and not g.get("det")
        and ctx.tense in ("future", "modal")
        and code in _SHIFT_UNITS
    ):
        # "The stock would be redeemed in five years": the time that far ahead, a DATE
        # (TimeML); "letters in two weeks" in a past clause stays a length. "In a year or
        # two" is some time ahead.
        if g.get("alt"):
            return date_timex("FUTURE_REF", "")
        return _shifted(n, code, "from now", ctx)
    return {"type": "DURATION", "value": duration_value(n, code)}


def _shifted(n: float | None, code: str, direction: str, ctx: Context) -> Timex | None:
    """The date ``n`` units of ``code`` before or after the anchor: "two years ago"."""
    step = code if code in _SHIFT_UNITS else None
    backward = direction in _BACKWARD
    if step is None:
        if code in ("TH", "TM", "TS"):
            return {"type": "TIME", "value": "PAST_REF" if backward else "FUTURE_REF"}
        return None
    if n is None or n != int(n):
        return date_timex("PAST_REF" if backward else "FUTURE_REF", "")
    sign = -1 if backward else 1
    anchor = None
    if (
        step == "Y"
        and n == 1
        and ctx.financial
        and not ctx.multi_quarter
        and direction
        in (
            "ago",
            "earlier",
        )
    ):
        # Financial mode: earnings reports compare with the year-ago quarter ("from $1.2
        # billion a year earlier").
        q = last_quarter(ctx)
        if q and not q.startswith("X"):
            anchor = q
    elif ctx.multi_quarter and step == "Y" and n == 1:
        anchor = None  # "the nine months ... a year earlier": last year's, by the year
    elif direction not in ("ago", "from now", "hence"):
        anchor = last_mention(ctx, UNIT_GRANULARITY.get(step, "year"))
        if anchor and step != "Y":
            anchor = truncate(anchor, step)
        elif anchor and not re.match(r"^\d{4}-Q", anchor):
            anchor = anchor[:4]
    if anchor is None and ctx.ref is None:
        return date_timex(None, undefined(step))
    if step in ("10Y", "100Y"):
        step, n = "Y", n * (10 if step == "10Y" else 100)
    return date_timex(shift(anchor, ctx.ref, sign * int(n), step), undefined(step))


def unit_plural(cand: TimexCandidate, ctx: Context) -> Timex:
    """A unit without a count: "recent weeks", "months ago", "for centuries".

    TimeBank's spellings: an unspecified number of the unit is a DURATION ("PXM");
    "recent years" and "years ago" are PAST_REF, "coming months" FUTURE_REF."""
    g = cand.groups
    code = ctx.lexicon["unit"][g["unit"].lower()]
    if g.get("the") is not None and g.get("event") is not None:
        return _around_event(code, ctx)
    direction = lower_words(g.get("dir"))
    det = lower_words(g.get("det"))
    if (direction == "ago" or det == "recent") and code.endswith("Y"):
        return date_timex("PAST_REF", "")
    if det in ("coming", "future"):
        return date_timex("FUTURE_REF", "")
    return {"type": "DURATION", "value": duration_value(None, code)}


def unit_long(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "day-long" (one day, P1D), "decades-long" (an unspecified number, PXY);
    "near-decade-long" about one (APPROX)."""
    g = cand.groups
    unit = g["unit"].lower()
    code = ctx.lexicon["unit"]["century" if unit.startswith("centur") else unit]
    value = duration_value(None if g.get("plural") else 1, code)
    return {"type": "DURATION", "value": value, "mod": "APPROX" if g.get("near") else None}


def _around_event(code: str, ctx: Context) -> Timex:
    """ "(in) the weeks before the shooting", "the days after the vote": not a length of
    time but the stretch of time next to an event, a DATE. The stage does not date
    events, so the stretch stays unplaced: a month for days and weeks ("XXXX-XX"), a
    year for months and years ("XXXX")."""
    return date_timex(None, undefined("M" if code in ("D", "W", "TH", "TM") else "Y"))


def set_word(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "weekly", "annually": the lexicon's ``set`` value."""
    return {"type": "SET", "value": ctx.lexicon["set"][cand.groups["word"].lower()]}


def set_rate(cand: TimexCandidate, ctx: Context) -> Timex:
    """A rate's "a year" ("500,000 barrels a year"), a frequency's ("twice a year"): the
    unit it repeats in."""
    code = ctx.lexicon["unit"][cand.groups["word"].lower()]
    return {"type": "SET", "value": duration_value(1, code)}


def set_every(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """ "every year", "each Monday", "every other week", "per day"; "every four years"
    (P4Y), "every few months" (PXM)."""
    g = cand.groups
    lex = ctx.lexicon
    if g.get("units"):
        n = parse_number(g["num"]) if g["num"].lower() not in ("few", "several") else None
        return {"type": "SET", "value": duration_value(n, lex["unit"][g["units"].lower()])}
    word = lower_words(g["word"])
    k = 2 if g.get("other") else 1
    if word in lex["weekday"]:
        return {"type": "SET", "value": f"XXXX-WXX-{lex['weekday'][word]}"}
    if word in lex["season"]:
        return {"type": "SET", "value": f"XXXX-{lex['season'][word]}"}
    if word in lex["part"]:
        return {"type": "SET", "value": f"XXXX-XX-XXT{lex['part'][word]}"}
    if word.rstrip(".") + "." in lex["month"] or word in lex["month"]:
        return {"type": "SET", "value": f"XXXX-{month_number(word):02d}"}
    w = word[:-1] if word.endswith("s") and word[:-1] in lex["unit"] else word
    if w in lex["unit"]:
        return {"type": "SET", "value": duration_value(k, lex["unit"][w])}
    return None
