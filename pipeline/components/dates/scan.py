"""Where a family's pattern can match: cheap scans that spare most of its runs.

A family's pattern is case-insensitive and begins with a look-behind, so Python's
``re`` tries it at every position of the text. Two scans of the lower-cased text,
with case-sensitive literal patterns ``re`` finds quickly, narrow that down:

- an *anchor* (``anchor_patterns``): what any match of the family holds ("twice a",
  "times per"); a text without it skips the family;
- *starts* (``start_patterns``): where a match can begin (the first letters of a month
  name, a digit); the family's pattern is tried only there (``matches``), which gives
  exactly the matches of ``pattern.finditer``, as no pattern matches the empty string.

Lower-casing keeps each character in place except for the few letters that change
length or that ``re.IGNORECASE`` folds differently ("İ", "ı", "ſ", the Kelvin sign);
a text with one of them is read with the family patterns alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ...lang.calendar import day_offsets
from .numbers import CENTURY_WORDS, DECADE_WORDS, cardinal_words

if TYPE_CHECKING:
    from .lexicon import Lexicon

#: Letters whose lower case is not what ``re.IGNORECASE`` matches them with.
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def scannable(text: str, lower: str) -> bool:
    """Whether ``lower`` (``text.lower()``) stands for ``text`` in the scans."""
    return len(lower) == len(text) and not _FOLDS.search(text)


def start_positions(starts: re.Pattern, lower: str) -> list[int]:
    """The positions of ``lower`` that begin a word and a match of ``starts``."""
    # " " before the text: a start pattern begins with the character before the word.
    return [match.start() for match in starts.finditer(" " + lower)]


def matches(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text)``, trying ``pattern`` only at ``starts``
    (ascending positions, among them every position a match can begin at)."""
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match:
            yield match
            end = match.end()


def prefixes(words: Iterable[str], size: int = 3) -> str:
    """An alternation of the first ``size`` word characters of each of ``words``."""
    heads = {re.match(r"\w*", word.lower()).group(0)[:size] for word in words}
    if "" in heads:
        raise ValueError(f"a start word must begin with a word character: {sorted(words)}")
    return "|".join(sorted(heads))


def start_patterns(lex: Lexicon) -> dict[str, re.Pattern]:
    """``{family: pattern}``: where in the lower-cased text, after a space, a match of the
    family can begin: a character that is no word's, before the first letters of a word
    the family's pattern may begin with, or digits (``start_positions``). Each scan
    match is that one character, so no start hides inside another's match."""
    # A count: digits, "twenty-five", the count words ("a few", "several", "three").
    count = rf"\d|{prefixes(list(lex['number']) + cardinal_words(20, 90))}"
    # "noon", "midnight", "five" (in the morning), or the digits of a clock time.
    clock = prefixes([w for w in lex["partofday"] if w not in lex["part"]] + cardinal_words(1, 12))
    # The words a family's pattern may begin with, before its numbers (digits: ``\d+``).
    words = {
        "date_mdy": [*lex["month"], *lex["weekday"]],
        "date_dmy": ["the"],
        "date_my": lex["month"],
        "date_month_words": lex["month"],
        "date_month_rel": lex["month"],
        "date_month": lex["month"],
        "month_span": ["the", *lex["month"]],
        "year": ["the", "fiscal", "calendar"],
        "quarter_code": ["q1", "q2", "q3", "q4", "h1", "h2", "fy"],
        "quarter": [
            *["the", "its", "their", "a", "this", "last", "next", "year", "comparable"],
            *["fiscal", "calendar", *lex["ordinal"]],
        ],
        "relative": [
            "this",
            "last",
            "next",
            "past",
            "previous",
            "coming",
            "current",
            "that",
            "the",
        ],
        "the_unit": ["the"],
        "year_ago_adj": ["the", "year"],
        "period_year_ago": ["the", "last"],
        "year_end": ["the", "fiscal", "year"],
        "part_of_day": ["this", "last", "tomorrow", "yesterday", "that", "the"],
        "deictic": ["right", "more", "then", *lex["deictic"]],
        "weekday": lex["weekday"],
        "season": ["the", "this", "last", "next", "that", "past", *lex["season"]],
        "set_rate": ["a"],
        "duration_bare": [
            *["the", "recent", "past", "coming", "future"],
            *["year", "month", "week", "day", "decade", "hour", "minute", "centurie", "quarter"],
        ],
        "duration_long": [
            *["near", "nearly", "almost"],
            *["year", "month", "week", "day", "decade", "hour", "minute", "century"],
        ],
        "set_word": lex["set"],
        "holiday": ["last", "this", "next", *lex["holiday"], "thanksgiving", "easter", "election"],
        "year_words": ["the", "nineteen", "two"],
        "decade": ["the", "early", "mid", "late", *DECADE_WORDS],
        "century": ["the", *CENTURY_WORDS],
        "deictic_day": day_offsets(),
        "mid_part": ["mid"],
        "set_freq": ["once", "twice", "thrice", "several", "a", "many"],
        "set_every": ["every", "each", "per"],
    }
    spec = {family: prefixes(first) for family, first in words.items()}
    for family in ("date_dmy", "year", "quarter", "decade", "century"):
        spec[family] = rf"\d|{spec[family]}"
    spec["decade"] += "|'"  # "the '90s"
    spec["set_freq"] += f"|{count}"
    spec["date_numeric"] = spec["date_iso"] = r"\d"
    # A duration's determiner: "the past", "another", "an additional", "last", "recent".
    determiner = prefixes(["the", "another", "an", "past", "last", "next", "first", "recent"])
    spec["duration"] = rf"{count}|{determiner}"
    spec["time"] = rf"\d|{clock}"
    return {family: re.compile(rf"\W(?={regex})") for family, regex in spec.items()}


def anchor_patterns(lex: Lexicon) -> dict[str, re.Pattern]:
    """``{family: pattern}``: what every match of the family holds, in the lower-cased text."""
    spec = {
        # "twice a year", "three times per week".
        "set_freq": r"(?:once|twice|thrice|times)\s+(?:an?|per|every|each)\s",
    }
    return {family: re.compile(regex) for family, regex in spec.items()}
