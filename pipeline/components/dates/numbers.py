"""Counts written in digits or words: "3", "2 1/2", "three", "twenty-five", "two hundred".

The one place the dates stage reads number words (the lexicon's ``number`` rows,
``X`` for a count it cannot tell, as "several"); a number-word parser shared by
every stage is to replace ``number_value``.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon, lower_words


def number_value(text: str, lexicon: Lexicon) -> float | None:
    """The count ``text`` writes ("3 or 4" is 3); None when unknown ("several")."""
    words = lexicon["number"]
    t = lower_words(text).replace(",", "")
    t = re.split(r"\s+(?:to|or)\s+", t)[0]
    half = 0.5 if t.endswith(" 1/2") else 0.0
    t = t[:-4] if half else t
    try:
        return float(t) + half
    except ValueError:
        pass
    if t in words:
        v = words[t]
        return None if v == "X" else float(v)
    total = 0.0
    for part in re.split(r"[\s-]+", t):
        if part in ("hundred", "thousand"):
            total = (total or 1) * (100 if part == "hundred" else 1000)
        elif part in words and words[part] != "X":
            total += float(words[part])
        else:
            try:
                total += float(part)
            except ValueError:
                return None
    return total or None


def format_number(n: float) -> str:
    """``n`` as TimeML writes a count: "3", "1.5"."""
    return str(int(n)) if n == int(n) else f"{n:g}"
