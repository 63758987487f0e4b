"""TempEval-3's notational habits, applied to our dates when scoring against it.

Our records carry what a news reader would want; the gold of TimeBank and AQUAINT
writes some of the same dates its own way. ``timebank_spellings`` rewrites a copy of
our items in the gold's notation before they are compared, so that the score
measures what the stage finds, not which notation it writes. Each habit is one
small function, named for what the annotators did:

- ``unanchored_week``: a bare "the week" ("shares fell 2% for the week") is the week
  the story is about; our record names it ("1989-W44"), TimeBank writes "1989-WXX".
- ``past_unit_as_calendar_unit``: "the past year", "the last week", "the last decade"
  are a stretch of time up to publication, a DURATION ("P1Y") as "the past two years"
  is; both TimeBank and AQUAINT write the calendar unit the stretch mostly covers (the
  year or decade before, the month or week around its midpoint: "1997", "2000-W15").
- ``time_on_named_day_as_date`` (AQUAINT only): a time of day on a day the text names,
  "(early) Friday morning", "9 a.m. Tuesday", "tonight", "the next morning", is a TIME
  ("2000-01-28TMO") as TimeML says and TimeBank writes it; AQUAINT types it DATE (and a
  clock time alone, "10:35 a.m.", "4 in the morning", TIME as TimeBank does).

Nothing here is used when the pipeline writes records.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..components.dates.calendar import week_value
from ..lang.calendar import weekdays
from ..lexicons import alternation

Item = dict[str, Any]
#: A habit: (the item's text, the item, the document's creation date) -> the item as the
#: gold writes it.
Habit = Callable[[str, Item, date | None], Item]

_THE_WEEK = re.compile(r"the\s+week", re.I)
_WEEK = re.compile(r"^(\d{4})-W\d\d$")
_PARTS = r"(?:morning|afternoon|evening|night)"


def unanchored_week(text: str, item: Item, dct: date | None = None) -> Item:
    """ "the week" as TimeBank writes it: the year's unspecified week ("1989-WXX")."""
    week = _WEEK.match(item.get("value") or "")
    if week and _THE_WEEK.fullmatch(text):
        return {**item, "value": f"{week[1]}-WXX"}
    return item


def past_unit_as_calendar_unit(text: str, item: Item, dct: date | None = None) -> Item:
    """ "the past year" (P1Y) as TempEval-3 writes it: the year before the document's date."""
    unit = _PAST_UNIT.fullmatch(text)
    if dct is None or unit is None or item.get("value") not in _ONE_UNIT:
        return item
    word = (unit[1] or unit[2]).lower()
    if word == "decade":
        value = str(dct.year // 10 - 1)
    elif word == "year":
        value = str(dct.year - 1)
    elif word == "month":
        value = (dct - timedelta(days=15)).strftime("%Y-%m")
    else:
        value = week_value(dct - timedelta(days=3))
    return {**item, "type": "DATE", "value": value}


_PAST_UNIT = re.compile(r"the\s+(?:past\s+|last\s+)(year|month|week)|the\s+last\s+(decade)", re.I)
_ONE_UNIT = ("P1Y", "P1M", "P1W", "P10Y")


def time_on_named_day_as_date(text: str, item: Item, dct: date | None = None) -> Item:
    """ "Friday morning", "9 a.m. Tuesday", "tonight" typed as AQUAINT types them: a DATE."""
    if item.get("type") == "TIME" and _named_day().search(text):
        return {**item, "type": "DATE"}
    return item


@lru_cache(maxsize=1)
def _named_day() -> re.Pattern:
    """A weekday, a deictic day or a day counted from the last ("the next morning")."""
    return re.compile(
        rf"\b(?:{alternation(weekdays())}|today|tonight|tomorrow|yesterday|"
        rf"(?:next|following|previous|same)\s+{_PARTS})\b",
        re.I,
    )


#: The habits of every TempEval-3 corpus, and those of one sub-corpus (its folder name).
HABITS: tuple[Habit, ...] = (unanchored_week, past_unit_as_calendar_unit)
CORPUS_HABITS: dict[str, tuple[Habit, ...]] = {"AQUAINT": (time_on_named_day_as_date,)}


def timebank_spellings(
    text: str, items: list[Item], corpus: str | None = None, dct: str | None = None
) -> list[Item]:
    """Copies of our date ``items`` of ``text`` in the notation of TempEval-3's gold (of
    the sub-corpus ``corpus``, e.g. "AQUAINT", when given; ``dct`` the document's creation
    date, ISO)."""
    habits = HABITS + CORPUS_HABITS.get(corpus or "", ())
    created = _iso_date(dct)
    spelled = []
    for item in items:
        span = text[item["start"] : item["end"]]
        for habit in habits:
            item = habit(span, item, created)
        spelled.append(item)
    return spelled


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
