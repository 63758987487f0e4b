"""The one number-word parser, shared by every stage, and its table.

The table (``lang/data/number_words.tsv``) maps a lower-case word or phrase to
its value and kind; ``read_number`` reads a run of words ("three hundred",
"twenty-five", "a dozen", "one and a half", "two-thirds", "sixfold") starting
at a position in a list of words, as the quantities stage reads tokens;
``parse_number`` reads a whole text ("5 1/2", "a couple of", "two hundred"),
as the dates stage reads the count of a duration. ``ordinal_words`` is the table of
ordinals (``lang/data/ordinal_words.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import ResourceError, resource_rows

RESOURCE = "lang/data/number_words.tsv"
#: Ordinal words ("first" .. "twenty-first"), a table of their own.
ORDINALS = "lang/data/ordinal_words.tsv"

#: Kinds the parser combines: one..nineteen, twenty..ninety, hundred..trillion, dozen,
#: fractions ("half", "thirds") and multiples ("sixfold").
PARSER_KINDS = ("unit", "ten", "scale", "dozen", "fraction", "fold")
#: Kinds read only as a whole word or phrase: vague plural scales ("dozens"), the article
#: counting one ("a day"), fixed phrases ("a couple of") and counts with no value ("several").
OTHER_KINDS = ("plural", "article", "phrase", "vague")
#: Fractions that are ordinals when they stand alone ("the third", "fifth place").
ORDINAL_FRACTIONS = frozenset(
    {"third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"}
)

#: ``{word: (value, kind)}``; the value is None for a vague count ("several").
NumberTable = Mapping[str, tuple[float | None, str]]


@dataclass(frozen=True)
class NumberReading:
    """What ``read_number`` read: ``kind`` is "cardinal", "fraction" or "fold"."""

    value: float
    kind: str
    last: int  # index of the last word read
    scaled: bool  # a scale word of a thousand or more was read ("three million")


def load_number_words(*, text: str | None = None) -> dict[str, tuple[float | None, str]]:
    """The whole table ``{word: (value, kind)}``; ``text`` replaces the shipped file."""
    if text is None:
        return dict(_shipped())
    return _read(text)


@lru_cache(maxsize=1)
def _shipped() -> dict[str, tuple[float | None, str]]:
    return _read(None)


def _read(text: str | None) -> dict[str, tuple[float | None, str]]:
    table: dict[str, tuple[float | None, str]] = {}
    for number, (word, value, kind) in resource_rows(RESOURCE, (3, 3), text=text):
        if kind not in PARSER_KINDS and kind not in OTHER_KINDS:
            raise ResourceError(RESOURCE, number, f"unknown kind {kind!r}")
        if value == "-" and kind == "vague":
            table[word.lower()] = (None, kind)
            continue
        try:
            table[word.lower()] = (float(value), kind)
        except ValueError:
            raise ResourceError(RESOURCE, number, f"{value!r} is not a number") from None
    return table


@lru_cache(maxsize=1)
def ordinal_words() -> dict[str, int]:
    """Ordinal words -> their number: ``{"first": 1, ..., "twentieth": 20, "twenty-first": 21}``."""
    table = {}
    for number, (word, value) in resource_rows(ORDINALS, (2, 2)):
        if not value.isdigit():
            raise ResourceError(ORDINALS, number, f"{value!r} is not a whole number")
        table[word.lower()] = int(value)
    return table


def words_of_kinds(
    kinds: Sequence[str], table: NumberTable | None = None
) -> dict[str, tuple[float, str]]:
    """The entries of ``kinds`` (all have a value): ``words_of_kinds(PARSER_KINDS)`` is the
    parser's own table."""
    table = _shipped() if table is None else table
    return {w: (v, k) for w, (v, k) in table.items() if k in kinds and v is not None}


def vague_plurals(table: NumberTable | None = None) -> dict[str, tuple[float, float]]:
    """Plural scale words used vaguely: ``{"dozens": (12, 120), "tens": (10, 100), ...}``."""
    return {w: (v, 10 * v) for w, (v, _k) in words_of_kinds(("plural",), table).items()}


def count_words(table: NumberTable | None = None) -> dict[str, float | None]:
    """Words and phrases that count a unit of time ("a day", "two weeks", "several years"):
    the cardinals one to ninety, "hundred", the articles, the fixed phrases and the vague
    counts (value None)."""
    table = _shipped() if table is None else table
    counts: dict[str, float | None] = {}
    for kinds in (("article",), ("unit", "ten"), ("scale",), ("phrase",), ("vague",)):
        for word, (value, kind) in table.items():
            if kind not in kinds:
                continue
            if kind in ("unit", "ten") and (value is None or value < 1):
                continue  # "zero" counts nothing
            if kind == "scale" and value != 100:
                continue  # "thousand" and up follow a count ("two thousand years")
            counts[word] = value
    return counts


def read_number(
    words: Sequence[str], i: int, table: NumberTable | None = None
) -> NumberReading | None:
    """The number written in ``words`` (lower case) from index ``i``, or None.

    "three hundred and five", "twenty-five" (the hyphen a word of its own), "a dozen",
    "a third", "one and a half", "two-thirds", "sixfold". A fraction alone that is also
    an ordinal ("third", "quarter") is no number; "a third" and "two-thirds" are.
    """
    table = words_of_kinds(PARSER_KINDS) if table is None else table
    n = len(words)
    first = words[i]
    total = 0.0
    current = 0.0
    j = i
    seen = False
    fraction = None
    fold = None
    if first in ("a", "an"):
        following = table.get(words[i + 1]) if i + 1 < n else None
        if following is not None and following[1] in ("scale", "dozen", "fraction"):
            current = 1.0
            j = i + 1
        else:
            return None
    last = j
    while j < n:
        word = words[j]
        if word in ("-", "‐") and seen and j + 1 < n and words[j + 1] in table:
            j += 1
            continue
        if word == "and" and seen and j + 1 < n and (words[j + 1] in table or words[j + 1] == "a"):
            if words[j + 1] == "a" and j + 2 < n and words[j + 2] in ("half", "quarter"):
                current += table[words[j + 2]][0]
                last = j + 2
                break
            j += 1
            continue
        if word not in table:
            break
        value, kind = table[word]
        if kind in ("unit", "ten"):
            if seen and current % 10 == 0 and current >= 20 and kind == "unit" and value < 10:
                current += value  # "twenty five"
            elif seen and (
                kind == "unit"
                and current % 100 != 0
                and current % 1000 != 0
                and current % 10 != 0
                or kind == "ten"
                and current % 100 != 0
            ):
                break  # "five six", "twenty thirty": two numbers, not one
            else:
                current += value
        elif kind == "scale":
            if value == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * value
                current = 0.0
        elif kind == "dozen":
            current = (current or 1.0) * 12
        elif kind == "fraction":
            if word in ORDINAL_FRACTIONS and not seen and first not in ("a", "an"):
                break
            fraction = (current or 1.0) * value
            seen = True
            last = j
            break
        elif kind == "fold":
            if seen:
                break
            fold = value
            seen = True
            last = j
            break
        seen = True
        last = j
        j += 1
    if not seen:
        return None
    if fold is not None:
        return NumberReading(fold, "fold", last, False)
    if fraction is not None:
        return NumberReading(fraction, "fraction", last, False)
    scaled = any(
        words[k] in table and table[words[k]][1] == "scale" and table[words[k]][0] >= 1000
        for k in range(i, last + 1)
    )
    return NumberReading(total + current, "cardinal", last, scaled)


def parse_number(text: str, table: NumberTable | None = None) -> float | None:
    """A count written as digits or words ("12", "5 1/2", "a couple of", "two hundred",
    "twenty-five thousand"); the first of "three or four"; None when it has no value
    ("several") or is not a count."""
    table = _shipped() if table is None else table
    t = re.sub(r"\s+", " ", text.strip().lower()).replace(",", "")
    t = re.split(r"\s+(?:to|or)\s+", t)[0]  # "three or four": the first
    digits = _float(t.removesuffix(" 1/2"))
    if digits is not None:
        return digits + (0.5 if t.endswith(" 1/2") else 0.0)  # "5 1/2"
    counts = count_words(table)
    if t in counts:
        return counts[t]
    parts = re.split(r"[\s-]+", t)
    # A count of time units goes up to the thousands ("two hundred", "ten thousand years").
    scales = {w: v for w, (v, _k) in words_of_kinds(("scale",), table).items() if v <= 1000}
    cardinals = {w: e for w, e in words_of_kinds(("unit", "ten"), table).items() if e[0] >= 1}
    value = _float(parts[0])  # "2.5 thousand"
    rest = parts[1:]
    if value is None:
        words = {**cardinals, **{w: (v, "scale") for w, v in scales.items()}}
        reading = read_number(parts, 0, words)
        if reading is None:
            return None
        value, rest = reading.value, parts[reading.last + 1 :]
    for part in rest:
        if part not in scales:
            return None
        value = (value or 1.0) * scales[part]  # a scale multiplies what precedes, or one
    return value or None


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
