"""Compact absolute dates the patterns leave to dateparser: "13.06.2023", "2023/06/13",
"4-Nov-2019".

Only with a four-digit year, so that no value ever comes from today's clock;
dateparser is not used for relative expressions (it reads "Tuesday" on a Tuesday
as a week ago and "January" as a day).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .coordination import date_item

#: Day-month-year or year-month-day with dots, slashes or hyphens, and "4-Nov-2019".
_COMPACT_DATE = re.compile(
    r"(?<![\w./-])(?:\d{1,2}[./-]\d{1,2}[./-][12]\d{3}|[12]\d{3}[./-]\d{1,2}[./-]\d{1,2}"
    r"|\d{1,2}-[A-Za-z]{3,9}\.?-[12]\d{3})(?![\w/-]|\.\d)"
)


@lru_cache(maxsize=1)
def _date_parser() -> Any:
    """One dateparser, configured for English, per process (its first use loads its data)."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]},
    )


def with_compact_dates(text: str, items: list[dict]) -> list[dict]:
    """``items`` plus the compact absolute dates dateparser reads ("13.06.2023"), in order.

    A compact date replaces the pieces the patterns made of it ("2023" of "2023/06/13").
    """
    for match in _COMPACT_DATE.finditer(text):
        start, end = match.span()
        if any(i["start"] == start and i["end"] == end for i in items):
            continue
        parsed = _date_parser().get_date_data(match.group())
        if parsed is None or parsed.date_obj is None or parsed.period != "day":
            continue
        value = parsed.date_obj.date().isoformat()
        items = [i for i in items if i["end"] <= start or end <= i["start"]]
        items.append(date_item(start, end, "DATE", value))
    return sorted(items, key=lambda item: (item["start"], item["end"]))
