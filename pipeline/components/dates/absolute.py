"""Values of dates named by their parts: "March 12, 1998", "August 2020", "6/13/23",
"the 1990s", "the 20th century", "nineteen eighty-seven", "Christmas Eve".

A month (and day) without a year takes the year the clause's tense puts it in
(``tense.closest_year``); the rest needs no reference date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...lang.calendar import month_number
from ...lang.numbers import parse_number
from .anchoring import Context, Timex, date_timex
from .calendar import RELATIVE_OFFSET, movable_holiday, safe_day, value_date, week_value
from .extents import TimexCandidate
from .lexicon import lower_words
from .modifiers import POSITION_MOD
from .numbers import CENTURY_WORDS, DECADE_WORDS
from .quarters import last_quarter
from .tense import closest_year


def month_day(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "March 12(, 1998)", "the 12th of March", "June 16 of last year"; "the week of March
    6" is that day's week."""
    if cand.extra.get("week_of"):
        day = value_date(_month_day(cand, ctx)["value"])
        return date_timex(week_value(day) if day else None, "XXXX-WXX")
    return _month_day(cand, ctx)


def _month_day(cand: TimexCandidate, ctx: Context) -> Timex:
    g, ref = cand.groups, ctx.ref
    month = month_number(g["month"])
    day = int(re.match(r"\d+", g["day"]).group())
    if g.get("year"):
        value = safe_day(int(g["year"]), month, day)
        if value:
            ctx.dated.append(value)
        return date_timex(value, f"{g['year']}-{month:02d}-XX")
    if ref is None:
        return date_timex(None, f"XXXX-{month:02d}-{day:02d}")
    if g.get("yrel"):  # "June 16 of last year"
        year = ref.year + RELATIVE_OFFSET[g["yrel"].lower()]
        return date_timex(safe_day(year, month, day), f"XXXX-{month:02d}-{day:02d}")
    named = _named_before(ctx, month, day)
    if named:  # "the Sept. 11, 2012, attack ... the September 11 attack": the same day
        return date_timex(named, "")
    return date_timex(
        safe_day(closest_year(ref, month, day, ctx.tense), month, day),
        f"XXXX-{month:02d}-{day:02d}",
    )


def _named_before(ctx: Context, month: int, day: int) -> str | None:
    """The day the text named earlier with its year, if it named this month and day so."""
    suffix = f"-{month:02d}-{day:02d}"
    for value in reversed(ctx.dated):
        if value.endswith(suffix):
            return value
    return None


def month_year(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "August 2020", "May of 1999"."""
    g = cand.groups
    return date_timex(f"{int(g['year'])}-{month_number(g['month']):02d}", "")


def month_year_words(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """ "May nineteen ninety"."""
    g = cand.groups
    n = parse_number(g["y19"])
    if not n:
        return None
    return date_timex(f"{1900 + int(n)}-{month_number(g['month']):02d}", "")


def month_relative_year(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "March last year", "June of next year"."""
    g = cand.groups
    month = month_number(g["month"])
    rel = (g.get("rel") or g.get("rel2")).lower()
    if ctx.ref is None:
        return date_timex(None, f"XXXX-{month:02d}")
    return date_timex(f"{ctx.ref.year + RELATIVE_OFFSET[rel]}-{month:02d}", "")


def bare_month(cand: TimexCandidate, ctx: Context) -> Timex:
    """A month name alone: the year the clause's tense puts it in."""
    month = month_number(cand.groups["month"])
    if ctx.ref is None:
        return date_timex(None, f"XXXX-{month:02d}")
    return date_timex(f"{closest_year(ctx.ref, month, None, ctx.tense)}-{month:02d}", "")


def year_words(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """ "nineteen eighty-seven", "two thousand and one"."""
    g = cand.groups
    if g.get("y2000"):
        n = parse_number(g["y20"]) if g.get("y20") else 0
        return date_timex(f"{2000 + int(n or 0)}", "")
    n = parse_number(g["y19"])
    return date_timex(f"{1900 + int(n)}", "") if n else None


def numeric(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "6/13/2023", "6/13/23" (month first; a two-digit year above 30 is the 1900s)."""
    g = cand.groups
    y = int(g["y"])
    y = y if y > 99 else (1900 + y if y > 30 else 2000 + y)
    return date_timex(safe_day(y, int(g["m"]), int(g["d"])), "")


def iso(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "2023-06-13"."""
    g = cand.groups
    return date_timex(safe_day(int(g["y"]), int(g["m"]), int(g["d"])), "")


def year(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "1998", "fiscal 1989"; "the 1988 period" in financial mode is that year's reporting
    quarter."""
    g = cand.groups
    if (g.get("suffix") or "").lower() in ("period", "quarter") and ctx.financial and ctx.ref:
        q = last_quarter(ctx)
        return date_timex(f"{g['year']}-{q[5:]}", "")
    return date_timex(g["year"], "")


def decade(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "the 1990s", "the '80s", "the early sixties" (mod START); "the 1800s", "the early
    1900s" are centuries ("18", "19"), "the 2000s" the decade news mostly means."""
    g = cand.groups
    if g["dec4"] and g["dec4"].endswith("00") and not g["dec4"].startswith("20"):
        value = g["dec4"][:2]
    elif g["dec4"]:
        value = g["dec4"][:3]
    elif g["dec2"]:
        value = "19" + g["dec2"][0]
    else:
        value = f"19{DECADE_WORDS[g['decw'].lower()]}"
    result = date_timex(value, "")
    if g.get("early"):
        result["mod"] = POSITION_MOD[g["early"].lower()]
    return result


def century(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """ "the 20th century", "the nineteenth century"."""
    o = cand.groups["ord"].lower()
    n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else CENTURY_WORDS.get(o)
    return date_timex(f"{n - 1:02d}", "") if n else None


def holiday(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """A fixed holiday (the lexicon's month and day) in the year the tense puts it in, or
    a movable one ("Easter", the lexicon's rules: "Labor Day" is the first Monday of
    September) computed for the year; "last"/"next" set the direction. "Easter week",
    "Thanksgiving weekend" are the week or the weekend of the holiday."""
    word = lower_words(cand.groups["word"])
    rel = lower_words(cand.groups.get("rel"))
    span = lower_words(cand.groups.get("span"))
    tense = ("past" if rel == "last" else "future") if rel in ("last", "next") else ctx.tense
    rule = ctx.lexicon["holiday"].get(word)
    fixed = rule if rule and re.fullmatch(r"\d\d-\d\d", rule) else None
    ref = ctx.ref
    if ref is None:
        undefined = f"XXXX-{fixed}" if fixed else "XXXX-XX-XX"
        return date_timex(None, {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE"}.get(span, undefined))
    if fixed:
        month, day = (int(x) for x in fixed.split("-"))
        d = date(closest_year(ref, month, day, tense), month, day)
    else:
        d = movable_holiday(word, ref.year, rule)
        # Within a week of publication it is this year's, whatever the tense ("as Easter
        # week began"), as a date is (``tense.closest_year``).
        if abs((d - ref).days) > 7 and tense == "past" and d > ref:
            d = movable_holiday(word, ref.year - 1, rule)
        elif abs((d - ref).days) > 7 and tense == "future" and d < ref:
            d = movable_holiday(word, ref.year + 1, rule)
    if span == "week":
        return date_timex(week_value(d), "")
    if span == "weekend":
        return date_timex(week_value(_weekend_of(d)) + "-WE", "")
    return date_timex(d.isoformat(), "")


def _weekend_of(day: date) -> date:
    """A day of the weekend nearest ``day``: the one before a Monday to Wednesday
    ("Labor Day weekend"), the one after a Thursday ("Thanksgiving weekend")."""
    if day.isoweekday() <= 3:
        return day - timedelta(days=day.isoweekday())
    return day
