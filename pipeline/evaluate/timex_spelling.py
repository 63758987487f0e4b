"""Spellings of one TIMEX3 value that TempEval-3's annotators wrote in several ways.

TimeBank and AQUAINT were annotated over years, partly from TIMEX2 data, and write
some values in older or shorter notations that name the same time as ours: a week
number without its zero ("2000-W7"), TIMEX2's decade and century ("199X", "19XX"
for "199", "19"), unknown trailing fields after a known year or month ("1948-XX",
"1994-XX-XX", "1998-10-XX"), a clock hour without minutes ("T17" for "T17:00"), a
length in quarters, decades or millennia ("P3Q", "P1E", "P2L") as the months or
years it holds ("P9M", "P10Y", "P2000Y"; "PXQ" as "PXM", "PXE" as "PXY").
``timeml_value`` writes each in the TIMEX3 form our records use, and the dates
scorer compares values through it when it reads TimeML gold. The records are never
changed: this is the benchmark's notation, applied when scoring against it.
"""

from __future__ import annotations

import re

_REWRITES = (
    (re.compile(r"-W(\d)(?=-|$)"), r"-W0\1"),  # "2000-W7" -> "2000-W07"
    (re.compile(r"^(\d{3})X$"), r"\1"),  # TIMEX2 decade "199X" -> "199"
    (re.compile(r"^(\d\d)XX$"), r"\1"),  # TIMEX2 century "19XX" -> "19"
    (re.compile(r"^(\d{4}(?:-\d\d)?)(?:-XX)+$"), r"\1"),  # "1948-XX" -> "1948"
    (re.compile(r"T(\d\d)$"), r"T\1:00"),  # "1989-11-06T17" -> "1989-11-06T17:00"
)


#: A length in a unit that holds a whole number of a smaller one: its letter -> (how many,
#: the smaller unit's letter).
_MULTIPLES = {"Q": (3, "M"), "E": (10, "Y"), "L": (1000, "Y")}
_LENGTH = re.compile(r"^P(\d+|X)([QEL])$")


def timeml_value(value: str | None) -> str | None:
    """``value`` in the one spelling the scorer compares (None stays None)."""
    if not value:
        return value
    for pattern, replacement in _REWRITES:
        value = pattern.sub(replacement, value)
    length = _LENGTH.match(value)
    if length:
        factor, unit = _MULTIPLES[length[2]]
        count = "X" if length[1] == "X" else str(int(length[1]) * factor)
        value = f"P{count}{unit}"
    return value
