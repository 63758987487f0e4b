"""Counts in TimeML values. Reading a count ("three", "2 1/2", "two hundred") is
``pipeline.lang.numbers.parse_number``, the number-word parser every stage shares."""

from __future__ import annotations


def format_number(n: float) -> str:
    """``n`` as TimeML writes a count: "3", "1.5"."""
    return str(int(n)) if n == int(n) else f"{n:g}"
