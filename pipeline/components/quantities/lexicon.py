"""The stage's lexicons (``components/quantities/data/``), read, validated and compiled.

``compile_lexicons(texts)`` builds the regexes and tables once; the component
keeps the result, and ``texts`` (``{name: text}``) lets a pipeline saved with
``to_disk`` use its own copies. The number words are the shared table of
``pipeline.lang.numbers``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from ...lang.numbers import PARSER_KINDS, load_number_words, vague_plurals, words_of_kinds
from ...lang.numbers import RESOURCE as NUMBER_WORDS
from ...lexicons import ResourceError, resource_lines, resource_rows

DATA = "components/quantities/data"
UNITS = f"{DATA}/units.tsv"
PREFIXES = f"{DATA}/currency_prefixes.tsv"
SCALES = f"{DATA}/scales.tsv"
MODIFIERS = f"{DATA}/modifiers.tsv"
CHANGE_VERBS = f"{DATA}/change_verbs.tsv"
LABEL_WORDS = f"{DATA}/label_words.txt"
#: Every lexicon the stage reads, as ``to_disk`` saves them.
RESOURCES = (UNITS, PREFIXES, SCALES, MODIFIERS, CHANGE_VERBS, LABEL_WORDS, NUMBER_WORDS)


@dataclass(frozen=True)
class Lexicons:
    """Every lexicon of the stage, read and compiled once (``compile_lexicons``)."""

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


def _float(name: str, number: int, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise ResourceError(name, number, f"{value!r} is not a number") from None


def _flag(name: str, number: int, fields: list[str], index: int) -> bool:
    if len(fields) <= index:
        return False
    if fields[index] != "cs":
        raise ResourceError(name, number, f"unknown flag {fields[index]!r} (only 'cs')")
    return True


def _alternation(surfaces: list[str]) -> str:
    return "|".join(
        re.escape(s).replace(r"\ ", r"[ \u00a0]?")
        for s in sorted(set(surfaces), key=len, reverse=True)
    )


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """The shipped lexicons, compiled once."""
    return compile_lexicons({})


def compile_lexicons(texts: Mapping[str, str]) -> Lexicons:
    """Read and validate the lexicons (``texts[name]`` where given, else the shipped file).

    Raises ``ResourceError`` naming the file and line of a malformed entry.
    """
    units, units_cs = _units(texts.get(UNITS))
    # A unit ends at a word boundary; a space or hyphen may separate it from the number.
    tail = r"(?![A-Za-z0-9])"
    unit_re = re.compile(
        r"[ \u00a0]?(?:-[ \u00a0]?)?(?P<unit>" + _alternation(list(units)) + ")" + tail, re.I
    )
    unit_cs_re = re.compile(
        r"[ \u00a0]?(?:-[ \u00a0]?)?(?P<unit>" + _alternation(list(units_cs)) + ")" + tail
    )

    prefixes = {}
    for _number, fields in resource_rows(PREFIXES, (3, 3), text=texts.get(PREFIXES)):
        surface, unit, newsquant = fields
        prefixes[surface.replace(" ", "")] = (unit, unit if newsquant == "=" else newsquant)
    # Matched at the end of the text before the number; spaces inside are optional.
    alternation = "|".join(
        r"[ \u00a0]?".join(re.escape(ch) for ch in p)
        for p in sorted(prefixes, key=len, reverse=True)
    )
    prefix_re = re.compile(r"(?:^|(?<=[^A-Za-z]))(?P<prefix>" + alternation + r")[ \u00a0]?$")

    scales: dict[str, float] = {}
    scales_ci, scales_cs = [], []
    for number, fields in resource_rows(SCALES, (2, 3), text=texts.get(SCALES)):
        surface = fields[0]
        case_sensitive = _flag(SCALES, number, fields, 2)
        scales[surface if case_sensitive else surface.lower()] = _float(SCALES, number, fields[1])
        (scales_cs if case_sensitive else scales_ci).append(surface)
    scale_re = re.compile(
        r"[ \u00a0]?(?:-[ \u00a0]?)?(?P<scale>" + _alternation(scales_ci) + r")(?![A-Za-z0-9])",
        re.I,
    )
    # Abbreviations ("m", "bn" is case-insensitive above) only glued or after one space.
    scale_cs_re = re.compile(
        r"[ \u00a0]?(?P<scale>" + _alternation(scales_cs) + r")(?![A-Za-z0-9])"
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
        + _alternation(words)
        + r")[ \u00a0]+|(?P<glued>"
        + _alternation(glued)
        + r")[ \u00a0]?)$",
        re.I,
    )

    change_lemmas: dict[str, str] = {}
    for number, fields in resource_rows(CHANGE_VERBS, (2, 2), text=texts.get(CHANGE_VERBS)):
        if fields[1] not in ("up", "down"):
            raise ResourceError(CHANGE_VERBS, number, f"expected up or down, got {fields[1]!r}")
        change_lemmas[fields[0].lower()] = fields[1]

    table = load_number_words(text=texts.get(NUMBER_WORDS))
    label_words = frozenset(
        line.strip().lower() for _, line in resource_lines(LABEL_WORDS, text=texts.get(LABEL_WORDS))
    )
    return Lexicons(
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
        label_words=label_words,
    )


def _units(
    text: str | None,
) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """``(units, units_cs)``: surface -> (unit, NewsQuant name), ignoring case or not."""
    units: dict[str, tuple[str, str]] = {}
    units_cs: dict[str, tuple[str, str]] = {}
    for number, fields in resource_rows(UNITS, (3, 4), text=text):
        surface, unit, newsquant = fields[:3]
        if unit != unit.lower():
            raise ResourceError(UNITS, number, f"unit {unit!r} must be lower case")
        entry = (unit, unit if newsquant == "=" else newsquant)
        if _flag(UNITS, number, fields, 3):
            units_cs[surface] = entry
        else:
            units[surface.lower()] = entry
    return units, units_cs
