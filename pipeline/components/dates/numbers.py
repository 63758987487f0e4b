"""Number words as the dates stage writes them into patterns and values, from the shared
tables of ``pipeline.lang.numbers`` (which also reads a count: ``parse_number``)."""

from __future__ import annotations

from ...lang.numbers import ordinal_words, words_of_kinds

#: The ordinals of a century: ``{"first": 1, ..., "twenty-first": 21}``.
CENTURY_WORDS = ordinal_words()
#: A decade in words -> its tens digit: "twenty" -> ``{"twenties": 2}``, ..., "nineties": 9.
DECADE_WORDS = {
    f"{word[:-1]}ies": int(value) // 10 for word, (value, _kind) in words_of_kinds(("ten",)).items()
}


def cardinal_words(low: int, high: int) -> list[str]:
    """The number words from ``low`` to ``high`` (one word each: "one", "twenty"), in
    the table's order."""
    table = words_of_kinds(("unit", "ten"))
    return [word for word, (value, _kind) in table.items() if low <= value <= high]


def format_number(n: float) -> str:
    """``n`` as TimeML writes a count: "3", "1.5"."""
    return str(int(n)) if n == int(n) else f"{n:g}"
