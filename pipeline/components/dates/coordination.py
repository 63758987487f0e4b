"""Timexes a coordination makes of its neighbours: "April 24 and [25]", "the [second] and
fourth quarters", and the range of "between December 2022 and April 2023".
"""

from __future__ import annotations

import re
from datetime import date

from .calendar import interval
from .lexicon import Lexicon

#: A bare day after a day of the month: "[April 24] and 25", "[May 3]-4", followed by
#: punctuation (a dash too: "May 13-22 — and"), the end or a preposition ("Feb. 15-17
#: among 1,031 adults", "via landlines"; not "March 3 and 4 others were hurt").
_ELIDED_DAY = re.compile(
    r"\s*(?:-|–|and|or|to|through)\s*((3[01]|[12]\d|[1-9])(?:st|nd|rd|th)?)"
    r"(?=\s*(?:[.,;:)—–]|$)|\s+(?:in|at|on|when|with|for|and|to|among|via|by|during|from)\b)"
)
#: An ordinal coordinated with the next one: "[second] and fourth quarters".
_ELIDED_ORDINAL = re.compile(
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s*(?:,|and|or|,\s+and)\s+$", re.I
)
_RANGE_GAP = re.compile(r"^\s*(?:and|to|through|until|till|-|–)\s*$", re.I)
_RANGE_OPEN = re.compile(r"(?:between|from)\s+$", re.I)


def date_item(start: int, end: int, type_: str, value: str) -> dict:
    """A stage item without a mod: ``{"start", "end", "type", "value", "mod", "interval"}``."""
    return {
        "start": start,
        "end": end,
        "type": type_,
        "value": value,
        "mod": None,
        "interval": interval(value) if type_ == "DATE" else None,
    }


def with_elided(text: str, items: list[dict], lexicon: Lexicon) -> list[dict]:
    """``items`` plus the timexes a coordination leaves bare: the day after a day of the
    month ("April 24 and 25", "May 3-4") and the ordinal before quarters or halves ("the
    second and fourth quarters"), each a timex of its own as TimeML annotates them."""
    extra = [
        e for i in items for e in (_elided_day(text, i), _elided_ordinal(text, i, lexicon)) if e
    ]
    if not extra:
        return items
    taken = [(i["start"], i["end"]) for i in items]
    extra = [e for e in extra if not any(s < e["end"] and e["start"] < t for s, t in taken)]
    return sorted(items + extra, key=lambda item: (item["start"], item["end"]))


def _elided_day(text: str, item: dict) -> dict | None:
    """The bare day after ``item`` when it is a day of the month ("April 24 and [25]")."""
    day = _ELIDED_DAY.match(text, item["end"]) if item["type"] == "DATE" else None
    if day is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", item["value"]):
        return None
    try:
        value = date.fromisoformat(item["value"]).replace(day=int(day.group(2))).isoformat()
    except ValueError:
        return None
    if value <= item["value"]:
        return None
    return date_item(*day.span(1), "DATE", value)


def _elided_ordinal(text: str, item: dict, lexicon: Lexicon) -> dict | None:
    """The bare ordinal before ``item`` when it is an ordinal quarter or half ("the [second]
    and fourth quarters"): the same year (or set) with that number."""
    letter = re.search(r"-([QH])[1-4]$", item["value"])
    ordinals = lexicon["ordinal"]
    words = text[item["start"] : item["end"]].split(None, 1)
    if letter is None or not words or words[0].lower() not in ordinals:
        return None
    before = _ELIDED_ORDINAL.search(text[max(0, item["start"] - 30) : item["start"]])
    if before is None:
        return None
    n = ordinals[before.group(1).lower()]
    if not n.isdigit() or (letter.group(1) == "H" and int(n) > 2):
        return None
    start = item["start"] - len(before.group(0))
    return date_item(start, start + len(before.group(1)), item["type"], item["value"][:-1] + n)


def mark_ranges(text: str, items: list[dict]) -> None:
    """'between December 2022 and April 2023': both items get the range they bound."""
    for first, second in zip(items, items[1:], strict=False):
        if (
            first["interval"]
            and second["interval"]
            and _RANGE_GAP.match(text[first["end"] : second["start"]])
            and _RANGE_OPEN.search(text[max(0, first["start"] - 10) : first["start"]])
        ):
            rng = {"start": first["interval"]["start"], "end": second["interval"]["end"]}
            first["range"] = dict(rng)
            second["range"] = dict(rng)
