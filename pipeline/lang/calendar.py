"""The one calendar lexicon, shared by every stage: month, weekday, season and day words.

Read from ``lang/data/calendar.tsv`` (``kind<TAB>word<TAB>value[<TAB>rare]``):
months and their abbreviations -> month number, weekdays -> ISO weekday
(Monday 1), seasons -> TIMEX3 season code, day words ("today", "yesterday",
"tonight") and days ahead ("tomorrow") -> days from the text's own day, month
names that are also ordinary words ("may", "march") -> month number. Words are
lower case.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicons import ResourceError, resource_rows

RESOURCE = "lang/data/calendar.tsv"
KINDS = ("month", "weekday", "season", "day", "day_ahead", "homonym")


@lru_cache(maxsize=1)
def _shipped() -> dict[str, list[tuple[str, str, bool]]]:
    return read_calendar()


def read_calendar(*, text: str | None = None) -> dict[str, list[tuple[str, str, bool]]]:
    """``{kind: [(word, value, rare), ...]}`` in file order; ``text`` replaces the file."""
    table: dict[str, list[tuple[str, str, bool]]] = {kind: [] for kind in KINDS}
    for number, fields in resource_rows(RESOURCE, (3, 4), text=text):
        kind, word, value = fields[:3]
        if kind not in KINDS:
            raise ResourceError(RESOURCE, number, f"unknown kind {kind!r}")
        if len(fields) == 4 and fields[3] != "rare":
            raise ResourceError(RESOURCE, number, f"unknown flag {fields[3]!r} (only 'rare')")
        if kind != "season" and not value.lstrip("-").isdigit():
            raise ResourceError(RESOURCE, number, f"{value!r} is not a whole number")
        table[kind].append((word.lower(), value, len(fields) == 4))
    return table


@lru_cache(maxsize=2)
def months(*, rare: bool = True) -> dict[str, int]:
    """Month names and abbreviations -> 1..12 ("march", "mar.", "sept"); with
    ``rare=False`` without the undotted abbreviations that are ordinary words ("mar")."""
    return {w: int(v) for w, v, is_rare in _shipped()["month"] if rare or not is_rare}


def month_number(word: str) -> int | None:
    """The month ``word`` names, with or without its period ("Sept", "sept.", "mar"), or None."""
    table = months()
    w = word.lower()
    return table.get(w) or table.get(w.rstrip(".")) or table.get(w + ".")


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    """Weekday names -> ISO weekday: ``{"monday": 1, ..., "sunday": 7}``."""
    return {w: int(v) for w, v, _rare in _shipped()["weekday"]}


@lru_cache(maxsize=1)
def seasons() -> dict[str, str]:
    """Season names -> TIMEX3 season code: ``{"spring": "SP", "fall": "FA", ...}``."""
    return {w: v for w, v, _rare in _shipped()["season"]}


@lru_cache(maxsize=1)
def day_words() -> dict[str, int]:
    """Words naming a day relative to the text's own: ``{"today": 0, "yesterday": -1, ...}``."""
    return {w: int(v) for w, v, _rare in _shipped()["day"]}


@lru_cache(maxsize=1)
def day_offsets() -> dict[str, int]:
    """Every word naming a day relative to the text's own, ahead too: ``day_words()`` and
    ``{"tomorrow": 1}``."""
    return day_words() | {w: int(v) for w, v, _rare in _shipped()["day_ahead"]}


@lru_cache(maxsize=1)
def month_homonyms() -> frozenset[str]:
    """Month names that are also ordinary words: ``{"may", "march"}``."""
    return frozenset(w for w, _v, _rare in _shipped()["homonym"])
