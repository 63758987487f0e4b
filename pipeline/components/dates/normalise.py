"""TIMEX3 type, value and mod of one candidate extent: a handler for each pattern family.

``HANDLERS`` maps a family to the function that reads its groups (in ``absolute``,
``deictic``, ``relative``, ``quarters``, ``durations``, ``times``); ``normalise``
runs it, shifts "the day before/after" a day, and adds the mod of the folded-in
modifiers. Values are relative to the ``Context`` (publication date, clause tense,
earlier mentions); without a publication date they stay underspecified.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from . import absolute, deictic, durations, quarters, relative, times
from .anchoring import Context, Timex
from .calendar import day_value, value_date
from .extents import TimexCandidate
from .modifiers import with_mod

Handler = Callable[[TimexCandidate, Context], Timex | None]


def normalise(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """``{"type", "value", "mod"}`` of a candidate, or None when it is not a timex after all."""
    result = _value(cand, ctx)
    if result is None:
        return None
    shift = cand.extra.get("day_shift")
    if shift:
        day = value_date(result["value"]) if result["type"] == "DATE" else None
        if day is None or len(result["value"]) != 10:
            return None  # "the day before last week": not a day to count from
        result["value"] = day_value(day + timedelta(days=shift))
    result.setdefault("mod", None)
    return with_mod(result, cand, ctx.lexicon)


def _value(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """The family handler's reading of ``cand`` (None for a family without one)."""
    handler = HANDLERS.get(cand.family)
    return handler(cand, ctx) if handler else None


def _clock_time(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "10:35 a.m.", with the day of a date after an aside ("9:20 a.m. (0620 GMT) Friday")."""
    day = None
    if cand.extra.get("date") is not None:
        inner = _value(cand.extra["date"], ctx)
        if inner and re.match(r"^\d{4}-\d\d-\d\d", inner["value"]):
            day = inner["value"][:10]
    return times.clock_time(cand, ctx, day)


def _time_and_date(cand: TimexCandidate, ctx: Context) -> Timex:
    """ "10 a.m. Friday", "noon Thursday": the clock time on that day."""
    inner = normalise(cand.extra["date"], ctx)
    day = inner["value"][:10] if inner and re.match(r"^(\d{4}|XXXX)-", inner["value"]) else None
    return times.clock_time(cand.extra["time"], ctx, day)


#: Pattern family (``patterns.py``) -> the handler that reads its groups.
HANDLERS: dict[str, Handler] = {
    # Dates named by their parts.
    "date_mdy": absolute.month_day,
    "date_dmy": absolute.month_day,
    "date_my": absolute.month_year,
    "date_month_words": absolute.month_year_words,
    "date_month_rel": absolute.month_relative_year,
    "year_words": absolute.year_words,
    "date_month": absolute.bare_month,
    "date_numeric": absolute.numeric,
    "date_iso": absolute.iso,
    "year": absolute.year,
    "decade": absolute.decade,
    "century": absolute.century,
    "holiday": absolute.holiday,
    # Quarters and halves, and financial mode.
    "quarter": quarters.ordinal_quarter,
    "quarter_code": quarters.quarter_code,
    "month_span": quarters.month_span,
    "year_ago_adj": quarters.year_ago,
    "period_year_ago": quarters.year_ago,
    "year_end": quarters.year_end,
    # Relative to the publication date or the last date mentioned.
    "relative": relative.relative,
    "the_unit": relative.relative,
    "deictic_day": deictic.deictic_day,
    "day_predicate": deictic.day_predicate,
    "deictic": deictic.deictic,
    "weekday": deictic.weekday,
    "season": deictic.season,
    # Times of day.
    "time": _clock_time,
    "time_date": _time_and_date,
    "part_of_day": times.part_of_day,
    "mid_part": times.mid_part,
    # Durations and sets.
    "duration": durations.duration,
    "duration_bare": durations.unit_plural,
    "duration_long": durations.unit_long,
    "set_word": durations.set_word,
    "set_rate": durations.set_rate,
    "set_freq": durations.set_rate,
    "set_every": durations.set_every,
}
