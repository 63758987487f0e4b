"""What a value is placed against: the publication date and the dates the text has named.

Deictic expressions ("Tuesday", "last year") count from the publication date;
anaphoric ones ("that month", "the following year", "a year earlier") from the
last date the text mentioned at the right granularity. Without a publication date
relative values stay underspecified ("XXXX-01", "XXXX-WXX-2"): nothing reads the clock.

``Context`` is the per-document state that ``find_dates`` creates for each text and
updates as it goes (the mentions so far, the quarter an earnings report is about).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .calendar import day_value
from .lexicon import Lexicon

#: A timex before its extent is known: ``{"type", "value"[, "mod"]}``.
Timex = dict[str, Any]


@dataclass
class Context:
    """What a value depends on besides the words: reference date, tense, earlier mentions."""

    ref: date | None
    lexicon: Lexicon
    tense: str | None = None  # "past", "future", "modal" (would, should, ...), "present" or None
    mentions: list[str] = field(default_factory=list)  # earlier DATE/TIME values, in order
    dated: list[str] = field(default_factory=list)  # earlier days written with their year
    # The sentence (any news: quarters.reports_quarter) or the whole text (the earnings
    # domain: quarters.financial_mode) reports a quarter's results.
    financial: bool = False
    game: bool = False  # the sentence reports a game: its quarters are not the calendar's
    multi_quarter: bool = False  # the sentence reports "the nine months", "the first half"
    reported: str | None = None  # the quarter the report is about, once the text names it
    # The candidate is alone on its line: a live report's time stamp ("9:34 p.m." over a
    # paragraph) is on the publication date, not on the day the text last mentioned.
    alone: bool = False


def date_timex(value: str | None, undefined: str) -> Timex:
    """A DATE with ``value``, or ``undefined`` when it could not be placed (None)."""
    return {"type": "DATE", "value": value or undefined}


_GRANULARITY = {
    "year": r"^\d{4}",
    "quarter": r"^\d{4}-(?:Q[1-4]|\d\d)",
    "month": r"^\d{4}-\d\d",
    "week": r"^\d{4}-(?:W\d\d|\d\d-\d\d)",
    "day": r"^\d{4}-\d\d-\d\d",
}
#: The granularity of a TimeML unit letter's anchor.
UNIT_GRANULARITY = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter"}


def last_mention(ctx: Context, granularity: str) -> str | None:
    """The most recent earlier value with at least ``granularity`` (year/quarter/month/week/day)."""
    pattern = _GRANULARITY[granularity]
    for value in reversed(ctx.mentions):
        if re.match(pattern, value):
            return value
    return None


def current_day(ctx: Context) -> str | None:
    """The day the text is at: the last day it mentioned, else the publication date."""
    anchor = last_mention(ctx, "day")
    if anchor:
        return anchor[:10]
    return day_value(ctx.ref) if ctx.ref else None
