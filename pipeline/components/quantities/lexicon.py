"""The stage's lexicons (``components/quantities/data/``), read, validated and compiled.

``read_lexicons(texts)`` builds the regexes and tables once; the component
keeps the result, and ``texts`` (``{name: text}``, the component's
``StageData``) lets a pipeline saved with ``to_disk`` use its own copies. The
number words are the package-wide table of ``pipeline.lang.numbers``, which the
stage reads but does not own (it is not one of ``DATA_FILES``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ...lang.numbers import PARSER_KINDS, load_number_words, vague_plurals, words_of_kinds
from ...lexicons import ResourceError, alternation, resource_rows, word_list

DATA = "components/quantities/data"
REGISTRY_UNITS = f"{DATA}/registry_units.tsv"
UNITS = f"{DATA}/units.tsv"
SCALES = f"{DATA}/scales.tsv"
MODIFIERS = f"{DATA}/modifiers.tsv"
CHANGE_VERBS = f"{DATA}/change_verbs.tsv"
LABEL_WORDS = f"{DATA}/label_words.txt"
STREET_WORDS = f"{DATA}/street_words.txt"
TENOR_WORDS = f"{DATA}/tenor_words.txt"
PERSON_WORDS = f"{DATA}/person_words.txt"
RATE_WORDS = f"{DATA}/rate_words.txt"
TIME_WORDS = f"{DATA}/time_words.txt"
CHANGE_GAP_WORDS = f"{DATA}/change_gap_words.txt"
LEVEL_WORDS = f"{DATA}/level_words.txt"
PARTICLE_VERBS = f"{DATA}/particle_verbs.txt"
NOT_RATE_AFTER = f"{DATA}/not_rate_after.txt"
TEMPERATURE_WORDS = f"{DATA}/temperature_words.txt"
STERLING_WORDS = f"{DATA}/sterling_words.txt"
PRICE_WORDS = f"{DATA}/price_words.txt"
WEIGHT_WORDS = f"{DATA}/weight_words.txt"
ELECTRIC_WORDS = f"{DATA}/electric_words.txt"
CAPITAL_CODES = f"{DATA}/capital_codes.txt"
#: The stage's data files (names for ``pipeline.lexicons``), as ``to_disk`` saves them.
DATA_FILES = (
    REGISTRY_UNITS,
    UNITS,
    SCALES,
    MODIFIERS,
    CHANGE_VERBS,
    LABEL_WORDS,
    STREET_WORDS,
    TENOR_WORDS,
    PERSON_WORDS,
    RATE_WORDS,
    TIME_WORDS,
    CHANGE_GAP_WORDS,
    LEVEL_WORDS,
    PARTICLE_VERBS,
    NOT_RATE_AFTER,
    TEMPERATURE_WORDS,
    STERLING_WORDS,
    PRICE_WORDS,
    WEIGHT_WORDS,
    ELECTRIC_WORDS,
    CAPITAL_CODES,
)
#: Optional spaces inside a lexicon phrase ("per cent", "HK $").
SPACE = r"[ \u00a0]?"
#: The same inside a unit's name, which a compound may hyphenate ("5-percentage-point").
UNIT_SPACE = r"[ \u00a0-]?"
#: The flags of the unit files' fourth column (their headers say what they do).
UNIT_FLAGS = ("cs", "before")
#: The canonical name of the US dollar, the default of "$" and "dollars".
US_DOLLAR = "dollar"
#: A unit as the stage writes it: (canonical name, dimension).
Unit = tuple[str, str]


@dataclass(frozen=True)
class QuantitiesLexicons:
    """Every lexicon of the stage, read and compiled once (``read_lexicons``)."""

    units: dict[str, Unit]  # lower-cased surface -> (unit, dimension)
    unit_re: re.Pattern  # case-insensitive surfaces, anchored after a number
    unit_cs_re: re.Pattern  # case-sensitive surfaces
    units_cs: dict[str, Unit]
    prefix_re: re.Pattern  # currency mark at the end of the text before a number
    prefixes: dict[str, Unit]  # currency mark, spaces removed -> (unit, "currency"); "a$" too
    dollar_re: re.Pattern  # a dollar named with its country anywhere ("A$", "US dollars")
    scale_re: re.Pattern
    scale_cs_re: re.Pattern
    scales: dict[str, float]
    modifier_re: re.Pattern
    modifiers: dict[str, str]
    post_modifier_re: re.Pattern  # a bound after the number ("-plus", "or more"), anchored
    post_modifiers: dict[str, str]
    change_lemmas: dict[str, str]
    by_change_lemmas: dict[str, str]  # the above and verbs that change only "by" an amount
    margin_lemmas: frozenset[str]  # verbs whose "by" amount is a margin ("lost by 13 points")
    of_change_lemmas: dict[str, str]  # nouns of a change "of" an amount ("a drop of 15%")
    number_words: dict[str, tuple[float, str]]  # the parser's kinds of the shared table
    vague_plurals: dict[str, tuple[float, float]]  # "dozens" -> (12, 120)
    label_words: frozenset[str]
    street_words: frozenset[str]  # end an address after its number ("49 Zorro Ranch Road")
    tenor_words: frozenset[str]  # debts a term names ("the 10-year yield")
    person_words: frozenset[str]  # nouns of one person, whose bare number is an age
    rate_words: frozenset[str]  # denominators after "a"/"an" ("a year", "an ounce")
    time_words: frozenset[str]  # clock-time words after a number ("am", "GMT")
    change_gap_words: frozenset[str]  # skipped before a change verb ("by just")
    level_words: frozenset[str]  # make the amount after them a level ("to", "at")
    particle_verbs: frozenset[str]  # their "up"/"down" is no change ("made up 45 percent")
    not_rate_after_re: re.Pattern  # a word after a rate's noun that makes it a time ("ago")
    temperature_re: re.Pattern  # a word that makes "degrees" a temperature ("weather")
    sterling_re: re.Pattern  # a word or mark that makes "pounds" money ("£", "pence")
    price_re: re.Pattern  # a word that makes "pounds" money when no weight word is there
    weight_re: re.Pattern  # a word that keeps "pounds" a mass ("weighs", "lost")
    electric_re: re.Pattern  # a word that makes "C"/"F" a coulomb/farad ("capacitor")


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
    units, units_cs, marks_written = _units(texts.get(REGISTRY_UNITS), texts.get(UNITS))
    # A currency code after a number is read in lower case too ("110 jpy", "5m usd"), but
    # for the codes that are words in lower case.
    capital_codes = word_list(CAPITAL_CODES, text=texts.get(CAPITAL_CODES))
    for code, unit in marks_written.items():
        if _is_code(code) and code.lower() not in capital_codes:
            units.setdefault(code.lower(), unit)
    prefixes = {mark.replace(" ", ""): unit for mark, unit in marks_written.items()}
    # A unit or scale ends at a word boundary; a space or hyphen may separate it from the number.
    # The units are thousands: a trie of them, so that a match tries one branch per character.
    tail = r"(?![A-Za-z0-9])"
    # A unit's words may be hyphenated in a compound ("a 50-basis-point cut").
    unit_re = re.compile(
        r"[ \u00a0]?(?:-[ \u00a0]?)?(?P<unit>" + _trie(units, space=UNIT_SPACE) + ")" + tail, re.I
    )
    unit_cs_re = re.compile(
        r"[ \u00a0]?(?:-[ \u00a0]?)?(?P<unit>" + _trie(units_cs, space=UNIT_SPACE) + ")" + tail
    )

    # Matched at the end of the text before the number, with a space inside only where the
    # lexicon writes one ("HK $", not "A $": "a $10 fee"). A mark with a sign ("A$"), of
    # letters in mixed case ("Ksh") or without the "cs" flag ("Rs") is matched ignoring
    # case ("a$10", "ksh 500", "rs 500" in lower-cased text); so is a code ("EUR", "usd
    # 5m"), but one that is a word in lower case (``capital_codes.txt``: "RUB") only as
    # written, or in any case glued ("rub10").
    any_case = {
        mark
        for mark in marks_written
        if _is_symbol_mark(mark)
        or _is_abbreviation_mark(mark)
        or mark not in units_cs
        or (_is_code(mark) and mark.lower() not in capital_codes)
    }
    marks = "|".join(
        _mark_pattern(p, any_case=p in any_case)
        for p in sorted(marks_written, key=len, reverse=True)
    )
    folded = {mark.replace(" ", "") for mark in any_case}
    prefixes.update({p.lower(): u for p, u in list(prefixes.items()) if p in folded or _is_code(p)})
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
    post_modifiers: dict[str, str] = {}
    for number, fields in resource_rows(MODIFIERS, (2, 3), text=texts.get(MODIFIERS)):
        phrase, change = fields[:2]
        if change not in ("~", ">", "<", ">=", "<="):
            raise ResourceError(MODIFIERS, number, f"unknown change {change!r}")
        if fields[2:] not in ([], ["after"]):
            raise ResourceError(MODIFIERS, number, f"unknown flag {fields[2]!r}")
        (post_modifiers if fields[2:] else modifiers)[phrase.lower()] = change
    # After the amount: "100,000-plus" (glued), "20 or so", "5% or more" (spaced).
    post_modifier_re = re.compile(
        r"(?:[ \u00a0]+|(?=-))(?P<word>" + alternation(list(post_modifiers), space=SPACE) + r")\b",
        re.I,
    )
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
    by_change_lemmas: dict[str, str] = {}
    margin_lemmas: set[str] = set()
    of_change_lemmas: dict[str, str] = {}
    for number, fields in resource_rows(CHANGE_VERBS, (2, 3), text=texts.get(CHANGE_VERBS)):
        if fields[1] not in ("up", "down"):
            raise ResourceError(CHANGE_VERBS, number, f"expected up or down, got {fields[1]!r}")
        flags = _flags(CHANGE_VERBS, number, fields, 2, ("by", "of", "margin"))
        lemma = fields[0].lower()
        (by_change_lemmas if "by" in flags else change_lemmas)[lemma] = fields[1]
        if "margin" in flags:
            margin_lemmas.add(lemma)
        if "of" in flags:
            of_change_lemmas[lemma] = fields[1]

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
        post_modifier_re=post_modifier_re,
        post_modifiers=post_modifiers,
        change_lemmas=change_lemmas,
        by_change_lemmas={**change_lemmas, **by_change_lemmas},
        margin_lemmas=frozenset(margin_lemmas),
        of_change_lemmas=of_change_lemmas,
        number_words=words_of_kinds(PARSER_KINDS, table),
        vague_plurals=vague_plurals(table),
        label_words=word_list(LABEL_WORDS, text=texts.get(LABEL_WORDS)),
        street_words=word_list(STREET_WORDS, text=texts.get(STREET_WORDS)),
        tenor_words=word_list(TENOR_WORDS, text=texts.get(TENOR_WORDS)),
        person_words=word_list(PERSON_WORDS, text=texts.get(PERSON_WORDS)),
        dollar_re=_dollar_re(units, units_cs),
        rate_words=word_list(RATE_WORDS, text=texts.get(RATE_WORDS)),
        time_words=word_list(TIME_WORDS, text=texts.get(TIME_WORDS)),
        change_gap_words=word_list(CHANGE_GAP_WORDS, text=texts.get(CHANGE_GAP_WORDS)),
        level_words=word_list(LEVEL_WORDS, text=texts.get(LEVEL_WORDS)),
        particle_verbs=word_list(PARTICLE_VERBS, text=texts.get(PARTICLE_VERBS)),
        not_rate_after_re=re.compile(
            r"[ \u00a0]+(?:"
            + alternation(sorted(word_list(NOT_RATE_AFTER, text=texts.get(NOT_RATE_AFTER))))
            + r")\b",
            re.I,
        ),
        temperature_re=_words_re(word_list(TEMPERATURE_WORDS, text=texts.get(TEMPERATURE_WORDS))),
        sterling_re=_words_re(word_list(STERLING_WORDS, text=texts.get(STERLING_WORDS))),
        price_re=_words_re(word_list(PRICE_WORDS, text=texts.get(PRICE_WORDS))),
        weight_re=_words_re(word_list(WEIGHT_WORDS, text=texts.get(WEIGHT_WORDS))),
        electric_re=_words_re(word_list(ELECTRIC_WORDS, text=texts.get(ELECTRIC_WORDS))),
    )


def _mark_pattern(mark: str, *, any_case: bool) -> str:
    """The regex of a currency mark before a number (see ``read_lexicons``)."""
    written = alternation([mark], space=SPACE)
    if any_case:
        return f"(?i:{written})"
    if _is_code(mark):
        return f"{written}|(?i:{written})(?![ \u00a0])"
    return written


def _is_code(mark: str) -> bool:
    """A currency code ("EUR", "USD"), three capitals."""
    return len(mark) == 3 and mark.isalpha() and mark.isupper()


def _is_symbol_mark(mark: str) -> bool:
    """A currency mark of letters and a sign ("A$", "HK$", "Rs."), not a code ("EUR")."""
    return any(c.isalpha() for c in mark) and not mark.isalpha()


def _is_abbreviation_mark(mark: str) -> bool:
    """A currency mark of letters in mixed case ("Ksh", "Rp", "Tk"): no word or code, so
    read in any case ("ksh 500" in lower-cased text)."""
    return mark.isalpha() and not mark.isupper() and not mark.islower()


def _words_re(words: frozenset[str]) -> re.Pattern:
    """Any of ``words`` as a whole word (or mark), ignoring case."""
    return re.compile(r"(?<![A-Za-z])(?:" + alternation(sorted(words)) + r")(?![A-Za-z])", re.I)


def _units(
    registry: str | None, news: str | None
) -> tuple[dict[str, Unit], dict[str, Unit], dict[str, Unit]]:
    """``(units, units_cs, prefixes)``: surface -> (unit, dimension), ignoring case or not,
    and the currency marks that may precede a number (as written). The registry's
    rows come first; a row of ``units.tsv`` replaces one with the same surface (where a
    surface matches both ignoring case and not, ``units.unit_at`` prefers the first)."""
    units: dict[str, Unit] = {}
    units_cs: dict[str, Unit] = {}
    prefixes: dict[str, Unit] = {}
    for name, text in ((REGISTRY_UNITS, registry), (UNITS, news)):
        for number, fields in resource_rows(name, (3, 4), text=text):
            surface, unit, dimension = fields[:3]
            if unit != unit.lower() or dimension != dimension.lower():
                raise ResourceError(name, number, f"unit {unit!r} and dimension must be lower case")
            flags = _flags(name, number, fields, 3, UNIT_FLAGS)
            if "before" in flags:
                if dimension != "currency":
                    raise ResourceError(name, number, "only a currency may stand before a number")
                prefixes[surface] = (unit, dimension)
            if "cs" in flags:
                units_cs[surface] = (unit, dimension)
            else:
                units[surface.lower()] = (unit, dimension)
    return units, units_cs, prefixes


def _dollar_re(units: dict[str, Unit], units_cs: dict[str, Unit]) -> re.Pattern:
    """Any surface of a dollar currency that names its country ("A$", "Canadian dollars",
    "US$", "USD"): the bare "$" and "dollars" are left out."""
    bare = ("$", "dollar", "dollars", "bucks")

    def is_named(surface: str, unit: str) -> bool:
        is_dollar = unit == US_DOLLAR or unit.endswith(" dollar")
        return is_dollar and surface.lower() not in bare

    named = [s for s, (unit, _) in units.items() if is_named(s, unit)]
    marks = [s for s, (unit, _) in units_cs.items() if is_named(s, unit)]
    return re.compile(
        r"(?<![A-Za-z])(?:(?i:" + _trie(named) + ")|" + _trie(marks) + r")(?![A-Za-z])"
    )


def _trie(words: Iterable[str], *, space: str = SPACE) -> str:
    """A regex matching the same strings as ``alternation(words, space=space)``, factored
    by common prefixes so that a search tries one branch per character, not one per word.
    A space, which ``space`` makes optional, is tried last: "percent-owned" before "per
    cent"."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [
            (space if char == " " else re.escape(char)) + pattern(child)
            for char, child in sorted(node.items(), key=lambda item: (item[0] == " ", item[0]))
            if char
        ]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")

    return pattern(root)
