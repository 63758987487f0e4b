"""The stage's lexicons (``components/quantities/data/``), read, validated and compiled.

``read_lexicons(texts)`` builds the regexes and tables once; the component
keeps the result, and ``texts`` (``{name: text}``, the component's
``StageData``) lets a pipeline saved with ``to_disk`` use its own copies. The
number words are the package-wide table of ``pipeline.lang.numbers``, which the
stage reads but does not own (it is not one of ``DATA_FILES``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from ...lang.numbers import PARSER_KINDS, load_number_words, vague_plurals, words_of_kinds
from ...lexicons import ResourceError, alternation, resource_rows, word_list

DATA = "components/quantities/data"
UNITS = f"{DATA}/units.tsv"
PREFIXES = f"{DATA}/currency_prefixes.tsv"
SCALES = f"{DATA}/scales.tsv"
MODIFIERS = f"{DATA}/modifiers.tsv"
CHANGE_VERBS = f"{DATA}/change_verbs.tsv"
LABEL_WORDS = f"{DATA}/label_words.txt"
RATE_WORDS = f"{DATA}/rate_words.txt"
TIME_WORDS = f"{DATA}/time_words.txt"
CHANGE_GAP_WORDS = f"{DATA}/change_gap_words.txt"
LEVEL_WORDS = f"{DATA}/level_words.txt"
NOT_RATE_AFTER = f"{DATA}/not_rate_after.txt"
#: The stage's data files (names for ``pipeline.lexicons``), as ``to_disk`` saves them.
DATA_FILES = (
    UNITS,
    PREFIXES,
    SCALES,
    MODIFIERS,
    CHANGE_VERBS,
    LABEL_WORDS,
    RATE_WORDS,
    TIME_WORDS,
    CHANGE_GAP_WORDS,
    LEVEL_WORDS,
    NOT_RATE_AFTER,
)
#: Optional spaces inside a lexicon phrase ("per cent", "HK $").
SPACE = r"[ \u00a0]?"
#: The flags of units.tsv's fourth column (its header says what they do).
UNIT_FLAGS = ("cs", "currency")


@dataclass(frozen=True)
class QuantitiesLexicons:
    """Every lexicon of the stage, read and compiled once (``read_lexicons``)."""

    units: dict[str, tuple[str, str]]  # lower-cased surface -> (unit, newsquant)
    unit_re: re.Pattern  # case-insensitive surfaces, anchored after a number
    unit_cs_re: re.Pattern  # case-sensitive surfaces
    units_cs: dict[str, tuple[str, str]]
    prefix_re: re.Pattern  # currency mark at the end of the text before a number
    prefixes: dict[str, tuple[str, str]]
    scale_re: re.Pattern
    scale_cs_re: re.Pattern
    scales: dict[str, float]
    modifier_re: re.Pattern
    modifiers: dict[str, str]
    change_lemmas: dict[str, str]
    number_words: dict[str, tuple[float, str]]  # the parser's kinds of the shared table
    vague_plurals: dict[str, tuple[float, float]]  # "dozens" -> (12, 120)
    label_words: frozenset[str]
    currency_units: frozenset[str]  # units flagged "currency" ("euro", "pound sterling")
    rate_words: frozenset[str]  # denominators after "a"/"an" ("a year", "an ounce")
    time_words: frozenset[str]  # clock-time words after a number ("am", "GMT")
    change_gap_words: frozenset[str]  # skipped before a change verb ("by just")
    level_words: frozenset[str]  # make the amount after them a level ("to", "at")
    not_rate_after_re: re.Pattern  # a word after a rate's noun that makes it a time ("ago")


def _float(name: str, number: int, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise ResourceError(name, number, f"{value!r} is not a number") from None


def _flags(
    name: str, number: int, fields: list[str], index: int, allowed: tuple[str, ...]
) -> frozenset[str]:
    """The space-separated flags in ``fields[index]`` (none when the column is absent)."""
    flags = frozenset(fields[index].split()) if len(fields) > index else frozenset()
    for flag in sorted(flags - set(allowed)):
        raise ResourceError(name, number, f"unknown flag {flag!r} (only {', '.join(allowed)})")
    return flags


@lru_cache(maxsize=1)
def load_lexicons() -> QuantitiesLexicons:
    """The shipped lexicons, compiled once."""
    return read_lexicons()


def read_lexicons(texts: Mapping[str, str] | None = None) -> QuantitiesLexicons:
    """Read and validate the lexicons (``texts[name]`` where given, else the shipped file).

    Raises ``ResourceError`` naming the file and line of a malformed entry.
    """
    texts = texts or {}
    units, units_cs, currency_units = _units(texts.get(UNITS))
    # A unit or scale ends at a word boundary; a space or hyphen may separate it from the number.
    tail = r"(?![A-Za-z0-9])"
    unit_re = re.compile(
        r"[ \u00a0]?(?:-[ \u00a0]?)?(?P<unit>" + alternation(units, space=SPACE) + ")" + tail, re.I
    )
    unit_cs_re = re.compile(
        r"[ \u00a0]?(?:-[ \u00a0]?)?(?P<unit>" + alternation(units_cs, space=SPACE) + ")" + tail
    )

    prefixes = {}
    for _number, fields in resource_rows(PREFIXES, (3, 3), text=texts.get(PREFIXES)):
        surface, unit, newsquant = fields
        prefixes[surface.replace(" ", "")] = (unit, unit if newsquant == "=" else newsquant)
    # Matched at the end of the text before the number; spaces inside are optional.
    marks = "|".join(
        SPACE.join(re.escape(ch) for ch in p) for p in sorted(prefixes, key=len, reverse=True)
    )
    prefix_re = re.compile(r"(?:^|(?<=[^A-Za-z]))(?P<prefix>" + marks + r")[ \u00a0]?$")

    scales: dict[str, float] = {}
    scales_ci, scales_cs = [], []
    for number, fields in resource_rows(SCALES, (2, 3), text=texts.get(SCALES)):
        surface = fields[0]
        case_sensitive = "cs" in _flags(SCALES, number, fields, 2, ("cs",))
        scales[surface if case_sensitive else surface.lower()] = _float(SCALES, number, fields[1])
        (scales_cs if case_sensitive else scales_ci).append(surface)
    scale_re = re.compile(
        r"[ \u00a0]?(?:-[ \u00a0]?)?(?P<scale>" + alternation(scales_ci, space=SPACE) + ")" + tail,
        re.I,
    )
    # Abbreviations ("m", "bn" is case-insensitive above) only glued or after one space.
    scale_cs_re = re.compile(
        r"[ \u00a0]?(?P<scale>" + alternation(scales_cs, space=SPACE) + ")" + tail
    )

    modifiers: dict[str, str] = {}
    for number, fields in resource_rows(MODIFIERS, (2, 2), text=texts.get(MODIFIERS)):
        phrase, change = fields
        if change not in ("~", ">", "<", ">=", "<="):
            raise ResourceError(MODIFIERS, number, f"unknown change {change!r}")
        modifiers[phrase.lower()] = change
    words = [m for m in modifiers if m[-1].isalpha()]
    glued = [m for m in modifiers if not m[-1].isalpha()]
    modifier_re = re.compile(
        r"(?:^|(?<=[^A-Za-z]))(?:(?P<word>"
        + alternation(words, space=SPACE)
        + r")[ \u00a0]+|(?P<glued>"
        + alternation(glued, space=SPACE)
        + r")[ \u00a0]?)$",
        re.I,
    )

    change_lemmas: dict[str, str] = {}
    for number, fields in resource_rows(CHANGE_VERBS, (2, 2), text=texts.get(CHANGE_VERBS)):
        if fields[1] not in ("up", "down"):
            raise ResourceError(CHANGE_VERBS, number, f"expected up or down, got {fields[1]!r}")
        change_lemmas[fields[0].lower()] = fields[1]

    table = load_number_words()
    return QuantitiesLexicons(
        units=units,
        unit_re=unit_re,
        unit_cs_re=unit_cs_re,
        units_cs=units_cs,
        prefix_re=prefix_re,
        prefixes=prefixes,
        scale_re=scale_re,
        scale_cs_re=scale_cs_re,
        scales=scales,
        modifier_re=modifier_re,
        modifiers=modifiers,
        change_lemmas=change_lemmas,
        number_words=words_of_kinds(PARSER_KINDS, table),
        vague_plurals=vague_plurals(table),
        label_words=word_list(LABEL_WORDS, text=texts.get(LABEL_WORDS)),
        currency_units=currency_units,
        rate_words=word_list(RATE_WORDS, text=texts.get(RATE_WORDS)),
        time_words=word_list(TIME_WORDS, text=texts.get(TIME_WORDS)),
        change_gap_words=word_list(CHANGE_GAP_WORDS, text=texts.get(CHANGE_GAP_WORDS)),
        level_words=word_list(LEVEL_WORDS, text=texts.get(LEVEL_WORDS)),
        not_rate_after_re=re.compile(
            r"[ \u00a0]+(?:"
            + alternation(sorted(word_list(NOT_RATE_AFTER, text=texts.get(NOT_RATE_AFTER))))
            + r")\b",
            re.I,
        ),
    )


def _units(
    text: str | None,
) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], frozenset[str]]:
    """``(units, units_cs, currency_units)``: surface -> (unit, NewsQuant name), ignoring
    case or not, and the units flagged "currency" (on every row of the unit)."""
    units: dict[str, tuple[str, str]] = {}
    units_cs: dict[str, tuple[str, str]] = {}
    currency: dict[str, bool] = {}
    for number, fields in resource_rows(UNITS, (3, 4), text=text):
        surface, unit, newsquant = fields[:3]
        if unit != unit.lower():
            raise ResourceError(UNITS, number, f"unit {unit!r} must be lower case")
        flags = _flags(UNITS, number, fields, 3, UNIT_FLAGS)
        if currency.setdefault(unit, "currency" in flags) != ("currency" in flags):
            problem = f"unit {unit!r} is flagged currency on some rows only"
            raise ResourceError(UNITS, number, problem)
        entry = (unit, unit if newsquant == "=" else newsquant)
        if "cs" in flags:
            units_cs[surface] = entry
        else:
            units[surface.lower()] = entry
    return units, units_cs, frozenset(unit for unit, flag in currency.items() if flag)
