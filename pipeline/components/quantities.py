"""The quantities stage: numbers with their unit, bound or change, rate and counted object.

Assigns ``doc._.newsclaims_quantities``: one dict per quantity,
``{"start", "end", "value", "low", "high", "change", "unit", "unit_text", "per",
"object": {"start", "end"} | None, "normalized_unit"}``, character offsets into
``doc.text``. The span covers the quantity expression: its bound or
approximation words ("upwards of", "nearly"), currency mark, number, scale,
unit and rate ("above 500,000 barrels a year"); the counted noun is ``object``
("oil" in "44,655 barrels of oil", "cases" in "1 million cases").
``normalized_unit`` is the NewsQuant convention (``percentage``, ``dollar``,
``year of age``, ``X per Y``, the counted noun's lemmas for counts, ``-`` for
bare numbers), used by ``pipeline.evaluate.quantities``.

Deliberate choices: "one of the best ..." is not a quantity (issue 4), though
NewsQuant counts it as 1; a number after a name ("FTSE 100", "iPhone 11") or
before an address or model ("49 Zorro Ranch Road", "787 Dreamliner") is a
label; a bare whole number between commas after a name ("Maddon, 66,") is an
age (unit ``year of age``).

Requires the model's tokens, POS tags, dependency parse and entities (DATE and
TIME entities exclude dates and clock times).

How it works, in one pass per document and no per-pattern passes:

1. digit numbers are found with one compiled regex over ``doc.text``
   ("44,655", "5.5bn", "US$58.24", "Y=28,030", "640bhp"); number words
   ("three", "a dozen", "one and a half", "tens of thousands", "two-thirds")
   are read from the tokens;
2. around each number, compiled regexes anchored at its offsets read the
   currency mark and modifier before it and the scale, unit and rate after it
   (lexicons in ``pipeline/resources/quantities_*``);
3. tokens give the change verb ("rose", "fell by"), the counted noun (the
   number's ``nummod`` head, or the noun phrase after "of") and the filters
   (years, dates, clock times, ordinals, names like "Game 7", "one of");
4. neighbouring numbers joined by "to", "-", "between ... and", "from ... to"
   become one range (``value`` None, ``low``/``high`` set).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .._extensions import get_list
from ..lexicons import ResourceError, resource_lines, resource_rows
from ..guard import guarded

STAGE = "newsclaims_quantities"

#: Parts of speech that can be the counted noun of a number.
NOUN_POS = frozenset({"NOUN", "PROPN"})
#: Tokens skipped when looking back from an amount for its change verb ("rose by just 3%").
CHANGE_GAP_WORDS = frozenset(
    {
        "by",
        "just",
        "only",
        "another",
        "further",
        "slightly",
        "sharply",
        "more",
        "some",
        "over",
        "nearly",
        "about",
        "almost",
        "roughly",
        "around",
        "marginally",
        "$",
    }
)
#: Words that make the amount after them a level, not a change ("rose to $7.36 billion").
LEVEL_WORDS = frozenset({"to", "at", "from", "of", "with", "on", "in", "for"})
#: A number that is not a quantity when followed by one of these (clock times).
TIME_WORDS = frozenset(
    {
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "a.m",
        "p.m",
        "gmt",
        "bst",
        "et",
        "edt",
        "est",
        "pt",
        "pdt",
        "pst",
        "cet",
        "utc",
        "o'clock",
        "hrs",
    }
)
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "jan.",
        "feb",
        "feb.",
        "mar",
        "mar.",
        "apr",
        "apr.",
        "jun",
        "jun.",
        "jul",
        "jul.",
        "aug",
        "aug.",
        "sep",
        "sep.",
        "sept",
        "sept.",
        "oct",
        "oct.",
        "nov",
        "nov.",
        "dec",
        "dec.",
    ]
)
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
#: Plural scale words used vaguely ("dozens of people", "tens of thousands"): (low, high).
VAGUE_PLURALS = {
    "dozens": (12.0, 120.0),
    "tens": (10.0, 100.0),
    "hundreds": (100.0, 1000.0),
    "thousands": (1000.0, 10000.0),
    "millions": (1e6, 1e7),
    "billions": (1e9, 1e10),
}
#: Rate denominators accepted after "a"/"an" ("500,000 barrels a year", "$1,271 an ounce").
A_RATE_WORDS = frozenset(
    [
        "year",
        "month",
        "week",
        "day",
        "hour",
        "minute",
        "second",
        "night",
        "ounce",
        "barrel",
        "gallon",
        "litre",
        "liter",
        "share",
        "head",
        "person",
        "piece",
        "pound",
        "kilo",
        "kilogram",
        "ton",
        "tonne",
        "century",
        "decade",
    ]
)
#: Units that are currencies (a currency word after "$" replaces the dollar).
CURRENCY_UNITS = frozenset(
    {
        "euro",
        "japanese yen",
        "chinese yuan",
        "indian rupee",
        "shekel",
        "danish krone",
        "swedish krona",
        "malaysian ringgit",
        "pound sterling",
        "croatian kuna",
        "australian dollar",
        "canadian dollar",
        "hong kong dollar",
        "new zealand dollar",
    }
)
#: Words that are never counted objects (pronouns etc. after "of").
OBJECT_SKIP_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "PART", "SCONJ", "AUX"})
NOT_OBJECT_POS = frozenset({"PRON", "DET", "PUNCT", "NUM", "ADP", "CCONJ", "SCONJ", "AUX", "VERB"})


# --------------------------------------------------------------------------- resources


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


@dataclass(frozen=True)
class Lexicons:
    """Every lexicon of the stage, read and compiled once (``load_lexicons``)."""

    units: dict[str, tuple[str, str]]  # lower-cased (or exact, cs) surface -> (unit, newsquant)
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
    number_words: dict[str, tuple[float, str]]
    label_words: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """Read and validate ``pipeline/resources/quantities_*`` once.

    Raises ``ResourceError`` naming the file and line of a malformed entry.
    """
    name = "quantities_units.tsv"
    units: dict[str, tuple[str, str]] = {}
    units_cs: dict[str, tuple[str, str]] = {}
    for number, fields in resource_rows(name, (3, 4)):
        surface, unit, newsquant = fields[:3]
        if unit != unit.lower():
            raise ResourceError(name, number, f"unit {unit!r} must be lower case")
        entry = (unit, unit if newsquant == "=" else newsquant)
        if _flag(name, number, fields, 3):
            units_cs[surface] = entry
        else:
            units[surface.lower()] = entry
    # A unit ends at a word boundary; a space or hyphen may separate it from the number.
    tail = r"(?![A-Za-z0-9])"
    unit_re = re.compile(
        r"[ \u00a0]?(?:-[ \u00a0]?)?(?P<unit>" + _alternation(list(units)) + ")" + tail, re.I
    )
    unit_cs_re = re.compile(
        r"[ \u00a0]?(?:-[ \u00a0]?)?(?P<unit>" + _alternation(list(units_cs)) + ")" + tail
    )

    name = "quantities_currency_prefixes.tsv"
    prefixes = {}
    for _number, fields in resource_rows(name, (3, 3)):
        surface, unit, newsquant = fields
        prefixes[surface.replace(" ", "")] = (unit, unit if newsquant == "=" else newsquant)
    # Matched at the end of the text before the number; spaces inside are optional.
    alternation = "|".join(
        r"[ \u00a0]?".join(re.escape(ch) for ch in p)
        for p in sorted(prefixes, key=len, reverse=True)
    )
    prefix_re = re.compile(r"(?:^|(?<=[^A-Za-z]))(?P<prefix>" + alternation + r")[ \u00a0]?$")

    name = "quantities_scales.tsv"
    scales: dict[str, float] = {}
    scales_ci, scales_cs = [], []
    for number, fields in resource_rows(name, (2, 3)):
        surface = fields[0]
        scales[surface if _flag(name, number, fields, 2) else surface.lower()] = _float(
            name, number, fields[1]
        )
        (scales_cs if _flag(name, number, fields, 2) else scales_ci).append(surface)
    scale_re = re.compile(
        r"[ \u00a0]?(?:-[ \u00a0]?)?(?P<scale>" + _alternation(scales_ci) + r")(?![A-Za-z0-9])",
        re.I,
    )
    # Abbreviations ("m", "bn" is case-insensitive above) only glued or after one space.
    scale_cs_re = re.compile(
        r"[ \u00a0]?(?P<scale>" + _alternation(scales_cs) + r")(?![A-Za-z0-9])"
    )

    name = "quantities_modifiers.tsv"
    modifiers: dict[str, str] = {}
    for number, fields in resource_rows(name, (2, 2)):
        phrase, change = fields
        if change not in ("~", ">", "<", ">=", "<="):
            raise ResourceError(name, number, f"unknown change {change!r}")
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

    name = "quantities_change_verbs.tsv"
    change_lemmas: dict[str, str] = {}
    for number, fields in resource_rows(name, (2, 2)):
        if fields[1] not in ("up", "down"):
            raise ResourceError(name, number, f"expected up or down, got {fields[1]!r}")
        change_lemmas[fields[0].lower()] = fields[1]

    name = "quantities_number_words.tsv"
    number_words: dict[str, tuple[float, str]] = {}
    for number, fields in resource_rows(name, (3, 3)):
        word, value, kind = fields
        if kind not in ("unit", "ten", "scale", "dozen", "fraction", "fold"):
            raise ResourceError(name, number, f"unknown kind {kind!r}")
        number_words[word.lower()] = (_float(name, number, value), kind)

    label_words = frozenset(
        line.strip().lower() for _, line in resource_lines("quantities_label_words.txt")
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
        number_words=number_words,
        label_words=label_words,
    )


# --------------------------------------------------------------------------- patterns

#: A written number: "44,655", "5.5", ".001", "1/16", "1.99×10−30".
DIGITS_RE = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:[/⁄](?P<den>\d+)(?![\d,.]*\d))?"
    r"(?:[×x]10(?P<exp>[-−]?\d+))?"
)
#: Clock times and ordinals at a number's offset.
CLOCK_RE = re.compile(r"\d{1,2}(?:[:.]\d{2})?[ \u00a0]?(?:[ap]\.?m\b\.?)|\d{1,2}:\d{2}\b", re.I)
ORDINAL_TAIL_RE = re.compile(r"(?:st|nd|rd|th|s|′s|'s|’s)\b")
#: What may stand between "from X" and "to Y": a short aside without a clause break.
FROM_TO_GAP_RE = re.compile(r"^[^.;:!?()]{0,40}?\bto[ \u00a0]*$", re.I)
RATIO_RE = re.compile(r"\d+:\d+")
FRACTION_USE_RE = re.compile(r"[ \u00a0]+of\b", re.I)
LIST_NUMBER_RE = re.compile(r"\d{1,2}[.)][ \t]+\S")
PHONE_RE = re.compile(r"\(?\d{3}\)?[-. ]\d{3}[-.]\d{4}\b|\(?0\d{1,4}\)?[ .-]\d{3,4}[ .-]?\d{3,4}\b")
#: Prefixes glued with a hyphen that keep the number ("minus-5", "sub-7", "to-260,000").
HYPHEN_PREFIX_RE = re.compile(
    r"(?:^|(?<=[^A-Za-z]))(?P<word>minus|sub|to|now)[-‐][ \u00a0]?$", re.I
)
MINUS_RE = re.compile(r"(?:^|(?<=[^A-Za-z]))(?P<word>minus)[ \u00a0]$", re.I)
#: What may join two numbers into a range.
CONNECTOR_RE = re.compile(r"^[ \u00a0]*(?P<c>-|–|—|to-?|and|or|through|in|out of)[ \u00a0]*$", re.I)
#: Rate after a unit: "a year", "per day", "/h", "-a-day".
PER_RE = re.compile(r"[ \u00a0]?-?(?P<w>per|an|a|/)(?:[ \u00a0]+|-|(?<=/))(?=[A-Za-z])", re.I)
CONVERSION_GAP_RE = re.compile(r"[ \u00a0]*(?:\(|/)[ \u00a0]*$")
NOT_RATE_AFTER_RE = re.compile(r"[ \u00a0]+(?:earlier|ago|before|later|after|on|into|from)\b", re.I)
WORD_RE = re.compile(r"[A-Za-z]+")


# --------------------------------------------------------------------------- extraction


@dataclass
class Atom:
    """One number before ranges are joined."""

    start: int  # first character (currency mark or number)
    end: int  # last character + 1 (unit, rate)
    value: float
    number_end: int  # end of the number and scale
    mod_start: int | None = None
    change: str = "="
    unit: str | None = None
    unit_text: str | None = None
    newsquant: str | None = None
    currency: bool = False
    scaled: bool = False
    per: str | None = None
    obj: tuple[int, int] | None = None
    obj_norm: str | None = None
    words: bool = False  # written in words
    low: float | None = None
    high: float | None = None
    fraction: bool = False
    tokens: tuple[int, int] = (0, 0)  # token range [first, last]
    multiplier: float = 1.0  # the scale written after the number ("billion": 1e9)
    keep_bare: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def span_start(self) -> int:
        return self.mod_start if self.mod_start is not None else self.start


class _Finder:
    def __init__(self, doc: Doc, lex: Lexicons) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.starts = [t.idx for t in doc]
        self._ents: tuple[Span, ...] | None = None  # doc.ents is rebuilt on every access
        self.used = [False] * len(doc)

    @property
    def ents(self) -> tuple[Span, ...]:
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return self._ents

    # -- token helpers
    def token_at(self, char: int) -> Token | None:
        if not len(self.doc):
            return None
        i = bisect_right(self.starts, char) - 1
        return self.doc[max(i, 0)]

    def tokens_between(self, start: int, end: int) -> range:
        first = self.token_at(start)
        last = self.token_at(max(end - 1, start))
        if first is None or last is None:
            return range(0)
        return range(first.i, last.i + 1)

    # -- the number's surroundings
    def currency_before(self, start: int) -> tuple[int, str, str] | None:
        window = self.text[max(0, start - 6) : start]
        match = self.lex.prefix_re.search(window)
        if not match:
            return None
        key = re.sub(r"[ \u00a0]", "", match.group("prefix"))
        unit, newsquant = self.lex.prefixes[key]
        return start - (len(window) - match.start("prefix")), unit, newsquant

    def modifier_before(self, start: int) -> tuple[int, str] | None:
        window = self.text[max(0, start - 24) : start]
        match = self.lex.modifier_re.search(window)
        if not match:
            return None
        group = "word" if match.group("word") else "glued"
        phrase = re.sub(r"[ \u00a0]+", " ", match.group(group).lower())
        change = self.lex.modifiers.get(phrase)
        if change is None:
            return None
        return start - (len(window) - match.start(group)), change

    def unit_at(self, pos: int) -> tuple[int, str, str, str] | None:
        """(end, unit, newsquant, unit_text) of the longest unit starting at ``pos``."""
        best = None
        for regex, table, fold in (
            (self.lex.unit_re, self.lex.units, True),
            (self.lex.unit_cs_re, self.lex.units_cs, False),
        ):
            match = regex.match(self.text, pos)
            if match and (best is None or match.end() > best[0]):
                surface = match.group("unit")
                key = re.sub(r"[ \u00a0]+", " ", surface.lower() if fold else surface)
                entry = table.get(key) or table.get(surface)
                if entry:
                    best = (match.end(), entry[0], entry[1], surface, match.start("unit"))
        if best is None:
            return None
        return best[0], best[1], best[2], best[3]

    def scale_at(self, pos: int, *, currency: bool) -> tuple[int, float] | None:
        match = self.lex.scale_re.match(self.text, pos)
        if match:
            return match.end(), self.lex.scales[match.group("scale").lower()]
        match = self.lex.scale_cs_re.match(self.text, pos)
        if match:
            surface = match.group("scale")
            # "37m" is a length, "$13.6m" and "4.3M" are millions.
            if surface == "m" and not currency and not self.counted_after(match.end()):
                return None  # "37m", "the 100m sprint": metres; "1.5m people": millions
            if surface in ("b", "B") and not currency:
                return None
            return match.end(), self.lex.scales[surface]
        return None

    def counted_after(self, pos: int) -> bool:
        """Whether a plural noun or "of" follows ``pos`` ("1.5m people", "3m of them")."""
        token = self.token_at(pos)
        if token is None or token.idx < pos:
            token = token.nbor() if token is not None and token.i + 1 < len(self.doc) else None
        return token is not None and (token.tag_ in ("NNS", "NNPS") or token.lower_ == "of")

    def per_at(self, pos: int) -> tuple[int, str] | None:
        match = PER_RE.match(self.text, pos)
        if not match:
            return None
        word_start = match.end()
        unit = self.unit_at(word_start)
        if unit and not unit[1].endswith(("of age",)):
            end, name = unit[0], unit[1]
            if NOT_RATE_AFTER_RE.match(self.text, end):
                return None
            if match.group("w").lower() in ("a", "an") and name not in A_RATE_WORDS:
                return None
            return end, name
        word = WORD_RE.match(self.text, word_start)
        if not word:
            return None
        token = self.token_at(word_start)
        lemma = (
            token.lemma_.lower()
            if token is not None and token.idx == word_start
            else word.group().lower()
        )
        if match.group("w").lower() in ("a", "an") and lemma not in A_RATE_WORDS:
            return None
        if NOT_RATE_AFTER_RE.match(self.text, word.end()):
            return None  # "a year earlier", "a year ago"
        if token is not None and token.pos_ not in NOUN_POS and lemma not in A_RATE_WORDS:
            return None
        return word.end(), lemma

    # -- counted noun
    def object_after(self, last: Token, *, measured: bool) -> tuple[int, int, str] | None:
        """The counted noun: the number's noun head after it, or the noun phrase after "of"."""
        doc = self.doc
        nxt = last.i + 1
        while nxt < len(doc) and doc[nxt].text in ("-", "‐"):
            nxt += 1
        if nxt >= len(doc):
            return None
        if doc[nxt].lower_ == "of" or (measured and doc[nxt].lower_ in ("of",)):
            return self.phrase_from(nxt + 1)
        if measured:
            return None
        head = last.head
        if (
            last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod")
            and head.i > last.i
            and head.pos_ in NOUN_POS
        ):
            between = doc[last.i + 1 : head.i + 1]
            if (
                head.i - last.i <= 5
                and "," not in between.text
                and doc[nxt].tag_ != "CD"
                and not any(t.ent_type_ in ("DATE", "TIME") for t in between)
                and all(_modifies_noun(t) for t in between[:-1])
            ):
                return self.object_span(nxt, head.i)
        if (
            doc[nxt].pos_ in NOUN_POS
            and doc[nxt].tag_ in ("NNS", "NNPS")
            and doc[nxt].ent_type_ != "DATE"
        ):
            return self.object_span(nxt, nxt)
        return None

    def unit_of_head(self, obj: tuple[int, int, str]) -> tuple[str, str, str] | None:
        """(unit, newsquant, text) when the object's head noun is a unit of the lexicon."""
        head = self.token_at(obj[1] - 1)
        if head is None or head.pos_ not in NOUN_POS:
            return None
        entry = self.lex.units.get(head.lower_)
        if entry is None or entry[0] in ("times", "point", "penny"):
            return None
        return entry[0], entry[1], head.text

    def phrase_from(self, i: int) -> tuple[int, int, str] | None:
        doc = self.doc
        while i < len(doc) and doc[i].pos_ == "DET":
            i += 1
        if i >= len(doc) or doc[i].pos_ in NOT_OBJECT_POS or doc[i].like_num:
            return None
        j = i
        while (
            j < len(doc)
            and (doc[j].pos_ in ("ADJ", "NOUN", "PROPN") or doc[j].text in ("-",))
            and not doc[j].like_num
        ):
            if doc[j].pos_ in NOUN_POS and (j + 1 >= len(doc) or doc[j + 1].pos_ not in NOUN_POS):
                return self.object_span(i, j)
            j += 1
        return None

    def object_span(self, first: int, last: int) -> tuple[int, int, str]:
        span = self.doc[first : last + 1]
        return span.start_char, span.end_char, object_lemmas(span)

    # -- change verb
    def change_before(self, start: int) -> str | None:
        token = self.token_at(start)
        if token is None:
            return None
        i = token.i - 1 if token.idx >= start else token.i
        steps = 0
        while i >= 0 and steps < 4:
            t = self.doc[i]
            lower = t.lower_
            if lower in LEVEL_WORDS:
                return None
            if lower == "by" and t.head.i < t.i and t.head.pos_ == "VERB":
                # "grow sales by 35%": the verb "by" belongs to, wherever it is
                return self.lex.change_lemmas.get(t.head.lemma_.lower())
            direction = self.lex.change_lemmas.get(t.lemma_.lower()) or self.lex.change_lemmas.get(
                lower
            )
            if direction and t.pos_ in ("VERB", "ADV", "ADP", "NOUN", "ADJ", "PART"):
                return direction
            if lower not in CHANGE_GAP_WORDS and not t.is_punct or lower in (",", ";", ".", ":"):
                return None
            i -= 1
            steps += 1
        return None

    def after_by(self, start: int) -> bool:
        """ "decrease by 1": an amount right after "by" is a change even without a unit."""
        return self.text[max(0, start - 3) : start].lower() == "by "

    # -- filters
    def is_date_or_label(self, token: Token, atom: Atom) -> bool:
        doc = self.doc
        prev = doc[token.i - 1] if token.i > 0 else None
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.ent_type_ in ("DATE", "TIME"):
            ent = next((e for e in self.ents if e.start <= token.i < e.end), None)
            if ent is not None and any(t.lower_ in MONTHS or t.lower_ in WEEKDAYS for t in ent):
                return True
        if prev is not None and (prev.lower_ in MONTHS and prev.text[0].isupper()):
            return True
        if nxt is not None and nxt.lower_ in MONTHS and nxt.text[0].isupper() and atom.unit is None:
            return True
        if nxt is not None and nxt.lower_ in TIME_WORDS:
            return True
        if atom.currency or atom.unit is not None or atom.scaled:
            return False
        if prev is not None and not token.is_sent_start:
            if prev.lower_ in self.lex.label_words or prev.text in ("#", "No", "No."):
                return True  # "Game 7", "Channel 5", "No. 3"
            if (
                (prev.pos_ == "PROPN" or prev.text[:1].isupper())
                and prev.text[:1].isalpha()
                and prev.lower_ not in self.lex.modifiers
                and prev.lower_ not in MONTHS
                and not prev.is_sent_start
                and prev.text not in ("US", "U.S.")
            ):
                return True  # a name or model: "FTSE 100", "iPhone 11", "Big 12"
        following = nxt
        while following is not None and (following.text in "-–" or following.tag_ == "CD"):
            following = doc[following.i + 1] if following.i + 1 < len(doc) else None
        if (
            following is not None
            and following.text[:1].isupper()
            and following.pos_ == "PROPN"
            and atom.low is None
            and (atom.obj is None or self.doc[self.token_at(atom.obj[1] - 1).i].tag_ == "NNP")
        ):
            return True  # an address or a model: "49 Zorro Ranch Road", "787 Dreamliner"
        # list numbering
        return token.is_sent_start and nxt is not None and nxt.text in (".", ")", ":")

    def age_apposition(self, token: Token, atom: Atom) -> bool:
        """ "Maddon, 66, has ...": a bare whole number between commas after a name is an age."""
        doc = self.doc
        i = token.i
        if atom.unit or atom.currency or atom.obj or atom.words or not 0 < atom.value < 120:
            return False
        if atom.value != int(atom.value) or i < 2 or i + 1 >= len(doc):
            return False
        return doc[i - 1].text == "," and doc[i + 1].text == "," and doc[i - 2].pos_ == "PROPN"


def _modifies_noun(token: Token) -> bool:
    """A word inside a counted noun phrase: "recorded" songs, "first-team" players."""
    if token.pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "PUNCT", "ADV", "PART"):
        return token.pos_ != "PUNCT" or token.text in "-‐"
    return token.pos_ == "VERB" and token.dep_ in ("amod", "compound")


def object_lemmas(span: Any) -> str:
    """The counted noun as NewsQuant writes it: content words, plural nouns singular, lower case."""
    parts: list[str] = []
    for token in span:
        if token.pos_ in OBJECT_SKIP_POS:
            continue
        word = token.lower_
        if token.tag_ == "NNS":
            word = token.lemma_.lower()
        elif token.tag_ == "NNPS" and word.endswith("s"):
            word = word[:-1]
        if parts and (token.text in "-‐" or span.doc[token.i - 1].text in "-‐"):
            parts[-1] += word
        else:
            parts.append(word)
    return " ".join(parts)


def _number_value(match: re.Match) -> float:
    value = float(match.group("num").replace(",", ""))
    if match.group("den"):
        den = float(match.group("den"))
        value = value / den if den else value
    if match.group("exp"):
        value *= 10.0 ** int(match.group("exp").replace("−", "-"))
    return value


def _is_year(text: str, value: float) -> bool:
    # Up to 2199: forecasts ("by 2120") are years too.
    return len(text) == 4 and text.isdigit() and 1000 <= value < 2200


def find_quantities(doc: Doc, lexicons: Lexicons | None = None) -> list[dict[str, Any]]:
    """Every quantity in ``doc`` as a plain dict (see the module docstring)."""
    lex = lexicons or load_lexicons()
    finder = _Finder(doc, lex)
    atoms = _digit_atoms(finder) + _word_atoms(finder)
    atoms.sort(key=lambda a: a.start)
    return [_to_dict(a) for a in _join_ranges(finder, atoms)]


def _finish(finder: _Finder, atom: Atom, *, first_token: Token) -> Atom | None:
    """Modifier, change verb, unit's rate and counted object of an atom whose number is read."""
    pos = atom.number_end
    unit = finder.unit_at(pos)
    if unit is not None:
        end, name, newsquant, surface = unit
        if name in ("dollar",) and surface in ("US", "U.S.") and not atom.currency:
            unit = None
        elif atom.currency and name in ("dollar",) and surface in ("US", "U.S.", "USD"):
            atom.end = end  # "$76 US": the currency was already read
            unit = None
        elif atom.currency and name in CURRENCY_UNITS:
            atom.currency = False  # "$1.25 sterling", "$1.1396 EUR": the word names the currency
        elif atom.currency:
            unit = None  # "$5 million shares": the rest is not the unit
    if unit is not None and not atom.currency:
        end, name, newsquant, surface = unit
        atom.unit, atom.newsquant, atom.unit_text, atom.end = name, newsquant, surface, end
    elif unit is not None:
        atom.end = unit[0]
    per = finder.per_at(atom.end) if (atom.unit or atom.currency) else None
    if per is not None:
        atom.per = per[1]
        atom.end = per[0]
    modifier = finder.modifier_before(atom.start)
    if modifier is not None:
        atom.mod_start, atom.change = modifier
    elif atom.change == "=":
        direction = finder.change_before(atom.start)
        # "add ten users", "gave up 517 yards": only amounts with a unit rise or fall.
        if direction is not None and (atom.unit or atom.currency or finder.after_by(atom.start)):
            atom.change = direction
    last = finder.token_at(atom.end - 1)
    if last is not None and not atom.currency:
        obj = finder.object_after(last, measured=atom.unit is not None)
        head_unit = finder.unit_of_head(obj) if obj is not None and atom.unit is None else None
        if head_unit is not None:
            # "517 rushing yards", "1/16 of a US pint": the counted noun is a unit.
            atom.unit, atom.newsquant, atom.unit_text = head_unit
        elif obj is not None:
            atom.obj, atom.obj_norm = (obj[0], obj[1]), obj[2]
            if atom.unit is None and atom.per is None:
                per = finder.per_at(obj[1])  # "3,000 tests per day"
                if per is not None:
                    atom.per = per[1]
    if (
        atom.obj is not None
        and (atom.mod_start is not None or first_token.ent_type_ != "DATE")
        and finder.doc[finder.token_at(atom.obj[1] - 1).i].tag_ == "NNS"
    ):
        atom.extra["counted_year"] = True  # "more than 1000 customers" is no year
    if finder.age_apposition(first_token, atom):
        atom.unit, atom.newsquant, atom.unit_text = "year of age", "year of age", None
        return atom
    if finder.is_date_or_label(first_token, atom):
        return None
    return atom


def _sign_and_currency(
    finder: _Finder, start: int
) -> tuple[int, bool, tuple[int, str, str] | None] | None:
    """(expression start, negative, currency) of the number at ``start``; None when it is
    glued to a word ("V10", "TA-35", "COVID-19") rather than a sign or currency mark."""
    text = finder.text
    before = text[start - 1] if start else " "
    window = text[max(0, start - 8) : start]
    currency = finder.currency_before(start)
    if currency is None and before in "-−" and start > 1:
        currency = finder.currency_before(start - 1)  # "$-50.8bn"
    qstart, negative = start, False
    if before.isalpha() and currency is None and not HYPHEN_PREFIX_RE.search(window):
        return None
    if before in "-−‐":
        prev = text[start - 2] if start > 1 else " "
        if prev.isalpha():
            glued = HYPHEN_PREFIX_RE.search(window)
            if glued is None:
                return None
            if glued.group("word").lower() == "minus":  # "minus-5 yards"
                negative, qstart = True, start - len(glued.group())
        elif not prev.isdigit():  # "-5", "$-50.8bn"; "5-6" is a range
            negative, qstart = True, start - 1
    minus = MINUS_RE.search(window)
    if minus and not negative:  # "minus 387 Fahrenheit"
        negative, qstart = True, start - (len(window) - minus.start())
    if before == "+":
        qstart = start - 1
    if currency is not None:
        qstart = min(qstart, currency[0])
    return qstart, negative, currency


def _digit_atoms(finder: _Finder) -> list[Atom]:
    text = finder.text
    atoms: list[Atom] = []
    skip_until = 0
    for match in DIGITS_RE.finditer(text):
        start, end = match.span()
        if start < skip_until:
            continue
        before = text[start - 1] if start else " "
        if (
            before.isdigit()
            or before in ".,:/@#_"
            or (before == "." and start > 1 and text[start - 2].isdigit())
        ):
            continue
        clock = CLOCK_RE.match(text, start)
        if clock and (":" in clock.group() or re.search(r"[ap]\.?m", clock.group(), re.I)):
            skip_until = clock.end()
            continue
        if (
            LIST_NUMBER_RE.match(text, start)
            and text[text.rfind("\n", 0, start) + 1 : start].strip() == ""
        ):
            continue  # "1. Open the box." at the start of a line
        ratio = RATIO_RE.match(text, start)
        if ratio:
            skip_until = ratio.end()
            continue  # "3:1", "2:1 majority"
        phone = PHONE_RE.match(text, start)
        if phone:
            skip_until = phone.end()
            continue
        if match.group("den") and not FRACTION_USE_RE.match(text, end) and not finder.unit_at(end):
            skip_until = end
            continue  # "9/11", "24/7": a date or a phrase, not a fraction
        prefix = _sign_and_currency(finder, start)
        if prefix is None:
            continue  # glued to a word: "V10", "TA-35", "COVID-19"
        qstart, negative, currency = prefix
        value = -_number_value(match) if negative else _number_value(match)
        pos = end
        # Ordinals and decades: "96th", "1990s", "2022’s".
        if ORDINAL_TAIL_RE.match(text, pos) and not finder.unit_at(pos):
            continue
        scaled = False
        multiplier = 1.0
        while True:
            scale = finder.scale_at(pos, currency=currency is not None)
            if scale is None:
                break
            pos, factor = scale
            value *= factor
            multiplier *= factor
            scaled = True
        # Glued letters that are neither scale nor unit make a code, not a number: "9AB8", "3D".
        if pos < len(text) and text[pos].isalpha() and not finder.unit_at(pos):
            continue
        atom = Atom(
            start=qstart, end=pos, value=value, number_end=pos, scaled=scaled, multiplier=multiplier
        )
        if currency is not None:
            atom.currency = True
            atom.unit, atom.newsquant = currency[1], currency[2]
            atom.unit_text = (
                text[currency[0] : start].strip().rstrip("-−") or text[currency[0] : start]
            )
        if before == "+":
            atom.change = "up"  # "Dow +0.2%"
        first = finder.token_at(start)
        if first is None:
            continue
        finished = _finish(finder, atom, first_token=first)
        if finished is None:
            continue
        atoms.append(finished)
        for i in finder.tokens_between(finished.span_start, finished.end):
            finder.used[i] = True
        skip_until = finished.end
    return atoms


def _year_like(atom: Atom, text: str) -> bool:
    raw = text[atom.start : atom.number_end]
    return _is_year(raw, atom.value) and not atom.currency and atom.unit is None and not atom.scaled


def _word_atoms(finder: _Finder) -> list[Atom]:
    """Numbers in words: "three", "a dozen", "one and a half", "tens of thousands", "two-thirds"."""
    doc, lex = finder.doc, finder.lex
    words = lex.number_words
    atoms: list[Atom] = []
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        lower = token.lower_
        if finder.used[i] or (
            lower not in words and lower not in VAGUE_PLURALS and lower not in ("a", "an")
        ):
            i += 1
            continue
        atom, last = _read_words(finder, i)
        if (
            atom is not None
            and last + 1 < n
            and doc[last + 1].lower_ == "of"
            and lower == "one"
            and last == i
        ):
            atom = None  # "one of Russia's closest allies" picks one out, it does not count
        if atom is None:
            i += 1
            continue
        first = doc[i]
        finished = _finish(finder, atom, first_token=first)
        if finished is not None:
            # A bare number word ("three") is kept only with a unit or counted noun, or as
            # a range bound ("three or four years"); see ``_join_ranges``.
            finished.keep_bare = bool(
                finished.unit
                or finished.obj
                or finished.fraction
                or finished.low is not None
                or finished.scaled
            )
            atoms.append(finished)
            for k in finder.tokens_between(finished.span_start, finished.end):
                finder.used[k] = True
        i = last + 1
    return atoms


def _read_words(finder: _Finder, i: int) -> tuple[Atom | None, int]:
    doc, words = finder.doc, finder.lex.number_words
    n = len(doc)
    token = doc[i]
    lower = token.lower_
    # Vague plurals: "dozens of people", "tens of thousands of students", "hundreds of miles".
    if lower in VAGUE_PLURALS:
        low, high = VAGUE_PLURALS[lower]
        j = i
        if (
            j + 2 < n
            and doc[j + 1].lower_ == "of"
            and doc[j + 2].lower_ in VAGUE_PLURALS
            and lower == "tens"
        ):
            inner = VAGUE_PLURALS[doc[j + 2].lower_][0]
            low, high = 10 * inner, 100 * inner
            j += 2
        if j + 1 < n and doc[j + 1].lower_ == "of":
            atom = Atom(
                start=token.idx,
                end=doc[j].idx + len(doc[j]),
                value=math.nan,
                number_end=doc[j].idx + len(doc[j]),
                words=True,
                low=low,
                high=high,
            )
            atom.tokens = (i, j)
            return atom, j
        return None, i
    # "one in three", "one out of three": a proportion.
    if lower == "one" and i + 2 < n:
        k = i + 1
        if doc[k].lower_ == "in":
            k += 1
        elif doc[k].lower_ == "out" and i + 3 < n and doc[k + 1].lower_ == "of":
            k += 2
        else:
            k = -1
        if (
            k > 0
            and k < n
            and doc[k].lower_ in words
            and words[doc[k].lower_][1] in ("unit", "ten")
        ):
            den = words[doc[k].lower_][0]
            atom = Atom(
                start=token.idx,
                end=doc[k].idx + len(doc[k]),
                value=1 / den,
                number_end=doc[k].idx + len(doc[k]),
                words=True,
                fraction=True,
            )
            return atom, k
    # Fractions: "a third of", "two-thirds of", "half of".
    total = 0.0
    current = 0.0
    j = i
    seen = False
    fraction = None
    fold = None
    if lower in ("a", "an"):
        if (
            i + 1 < n
            and doc[i + 1].lower_ in words
            and words[doc[i + 1].lower_][1] in ("scale", "dozen", "fraction")
        ):
            current = 1.0
            j = i + 1
        else:
            return None, i
    last = j
    while j < n:
        word = doc[j].lower_
        if word in ("-", "‐") and seen and j + 1 < n and doc[j + 1].lower_ in words:
            j += 1
            continue
        if (
            word == "and"
            and seen
            and j + 1 < n
            and (doc[j + 1].lower_ in words or doc[j + 1].lower_ == "a")
        ):
            if doc[j + 1].lower_ == "a" and j + 2 < n and doc[j + 2].lower_ in ("half", "quarter"):
                current += words[doc[j + 2].lower_][0]
                last = j + 2
                j += 3
                break
            j += 1
            continue
        if word not in words:
            break
        value, kind = words[word]
        if kind in ("unit", "ten"):
            if seen and current % 10 == 0 and current >= 20 and kind == "unit" and value < 10:
                current += value
            elif seen and (
                kind == "unit"
                and current % 100 != 0
                and current % 1000 != 0
                and current % 10 != 0
                or kind == "ten"
                and current % 100 != 0
            ):
                break
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
            if (
                word
                in ("third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths")
                and not seen
                and lower not in ("a", "an")
            ):
                break  # "third" alone is an ordinal
            fraction = (current or 1.0) * value
            seen = True
            last = j
            j += 1
            break
        elif kind == "fold":
            if seen:
                break
            fold = value
            seen = True
            last = j
            j += 1
            break
        seen = True
        last = j
        j += 1
    if not seen:
        return None, i
    start = doc[i].idx
    end = doc[last].idx + len(doc[last])
    if fold is not None:
        atom = Atom(start=start, end=end, value=fold, number_end=end, words=True)
        atom.unit, atom.newsquant, atom.unit_text = "times", "count", doc[last].text
        return atom, last
    if fraction is not None:
        after_by = i > 0 and doc[i - 1].lower_ == "by"  # "widened by a third"
        if not after_by and (last + 1 >= n or doc[last + 1].lower_ != "of"):
            return None, i  # "a third-party", "this half": not a proportion
        atom = Atom(start=start, end=end, value=fraction, number_end=end, words=True, fraction=True)
        return atom, last
    value = total + current
    atom = Atom(
        start=start,
        end=end,
        value=value,
        number_end=end,
        words=True,
        scaled=any(
            words.get(doc[k].lower_, (0, ""))[1] == "scale" and words[doc[k].lower_][0] >= 1000
            for k in range(i, last + 1)
        ),
    )
    return atom, last


def _join_pairs(atoms: list[Atom], join: Callable[[Atom, Atom], Atom | str | None]) -> list[Atom]:
    """Walk ``atoms``, replacing each neighbouring pair of single values that ``join``
    joins (a range ``Atom``, or ``"drop"`` for neither) and keeping the rest."""
    result: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms) and a.low is None and atoms[i + 1].low is None:
            joined = join(a, atoms[i + 1])
            if joined is not None:
                if joined != "drop":
                    result.append(joined)
                i += 2
                continue
        result.append(a)
        i += 1
    return result


def _join_ranges(finder: _Finder, atoms: list[Atom]) -> list[Atom]:
    """Join "5 to 6%", "between 5% and 6%", "from $420,000 to $3.5 million" into ranges."""
    text = finder.text
    result = _join_pairs(atoms, lambda a, b: _range(finder, a, b, text[a.end : b.span_start]))
    for previous, atom in zip(result, result[1:], strict=False):
        # A conversion in brackets shares the bound: "under 180 hp (134 kW / 182 PS)".
        if (
            atom.change == "="
            and atom.mod_start is None
            and CONVERSION_GAP_RE.match(text, previous.end, atom.start)
        ):
            atom.change = previous.change
    result = [a for a in result if a.keep_bare]
    objects = [a.obj for a in result if a.obj]
    kept = [
        a
        for a in result
        if not (a.low is None and _year_like(a, text) and not a.extra.get("counted_year"))
        and not any(o[0] <= a.start < o[1] for o in objects)  # "two new 737 Max jets"
        and not (
            a.fraction is False and a.words and a.value == 1 and a.obj is None and a.unit is None
        )
    ]
    return _join_from_to(finder, kept)


def _join_from_to(finder: _Finder, atoms: list[Atom]) -> list[Atom]:
    """Join "from $2,410 on Monday to $2,288" across a short aside."""
    text = finder.text

    def join(a: Atom, b: Atom) -> Atom | None:
        before_a = text[max(0, a.span_start - 6) : a.span_start].lower()
        if (
            re.search(r"\bfrom[ \u00a0]+$", before_a)
            and FROM_TO_GAP_RE.match(text[a.end : b.span_start])
            and not (a.unit and b.unit and a.unit != b.unit)
            and b.mod_start is None
        ):
            return _range_atom(a, b, low=a.value, change=a.change)
        return None

    return _join_pairs(atoms, join)


def _range(finder: _Finder, a: Atom, b: Atom, between: str) -> Atom | str | None:
    match = CONNECTOR_RE.match(between)
    if not match or b.mod_start is not None and b.mod_start < b.start and b.change not in ("~",):
        return None
    connector = match.group("c").lower()
    text = finder.text
    before_a = text[max(0, a.span_start - 9) : a.span_start].lower()
    between_word = re.search(r"\bbetween[ \u00a0]+$", before_a) is not None
    from_word = re.search(r"\bfrom[ \u00a0]+$", before_a) is not None
    if connector in ("in", "out of"):
        # "1 in 4 adults": a proportion, counted by what follows.
        if (
            a.value == 1
            and not a.unit
            and not b.unit
            and not a.obj
            and b.value > 1
            and b.low is None
        ):
            return Atom(
                start=a.start,
                end=b.end,
                value=1 / b.value,
                number_end=b.number_end,
                mod_start=a.mod_start,
                change=a.change,
                fraction=True,
                obj=b.obj,
                obj_norm=b.obj_norm,
            )
        return None
    if connector == "and" and not between_word:
        return None
    if connector == "or" and (a.unit or not (a.words and b.words)):
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None
    if (
        connector.startswith("to")
        and a.change in ("up", "down")
        and (a.unit or a.currency)
        and not from_word
    ):
        return None
    if (
        connector in ("-", "–", "—")
        and not a.words
        and not b.words
        and not a.unit
        and not b.unit
        and a.value == int(a.value)
        and b.value == int(b.value)
        and b.value <= a.value
        and not a.scaled
        and not b.scaled
    ):
        return "drop"  # a score ("2-0", "89-89"), not a range
    if _year_like(a, text) and _year_like(b, text):
        return "drop"  # "between 2014 and 2017", "1600 and 1900"
    if _year_like(a, text):
        return None  # "from 20 mpg in 2008 to 29 mpg": the year is not a bound
    by_word = re.search(r"\bby[ \u00a0]+$", before_a) is not None
    if by_word and connector.startswith("to") and b.value > 2 * a.value:
        return None  # "rose by 1,200 to 5,400": a change, then the level it reached
    low = a.value
    if not a.scaled and b.scaled and a.value * b.multiplier <= b.value * 1.000001:
        low = a.value * b.multiplier  # "3 to 4 thousand fans", "US $40 to $45 billion"
    change = a.change if a.change != "=" else ("~" if b.change == "~" else "=")
    if change == "=" and (b.unit or b.currency):
        change = finder.change_before(a.start) or "="  # "dropped by 1 to 1.5 degrees"
    return _range_atom(a, b, low=low, change=change)


def _range_atom(a: Atom, b: Atom, *, low: float, change: str) -> Atom:
    return Atom(
        start=a.start,
        end=b.end,
        value=math.nan,
        number_end=b.number_end,
        mod_start=a.mod_start,
        change=change,
        unit=b.unit or a.unit,
        unit_text=b.unit_text or a.unit_text,
        newsquant=b.newsquant or a.newsquant,
        currency=a.currency or b.currency,
        scaled=a.scaled or b.scaled,
        per=b.per or a.per,
        obj=b.obj or a.obj,
        obj_norm=b.obj_norm if b.obj else a.obj_norm,
        low=low,
        high=b.value,
    )


def _to_dict(atom: Atom) -> dict[str, Any]:
    is_range = atom.low is not None
    value = None if is_range else _clean(atom.value)
    if atom.fraction:
        newsquant = "% " + atom.obj_norm if atom.obj_norm else "% -"
    elif atom.newsquant:
        newsquant = atom.newsquant
    elif atom.obj_norm:
        newsquant = atom.obj_norm
    else:
        newsquant = "-"
    if atom.per and (atom.newsquant or atom.obj_norm):
        newsquant = f"{newsquant} per {atom.per}"
    return {
        "start": atom.span_start,
        "end": atom.end,
        "value": value,
        "low": _clean(atom.low) if is_range else None,
        "high": _clean(atom.high) if is_range else None,
        "change": atom.change,
        "unit": atom.unit,
        "unit_text": atom.unit_text,
        "per": atom.per,
        "object": {"start": atom.obj[0], "end": atom.obj[1]} if atom.obj else None,
        "normalized_unit": newsquant,
    }


def _clean(value: float | None) -> float | int | None:
    if value is None or math.isnan(value):
        return None
    if value == int(value) and abs(value) < 1e15:
        return int(value)
    return round(value, 10)


# --------------------------------------------------------------------------- component


class QuantitiesStage:
    """Writes ``find_quantities(doc)`` to ``doc._.newsclaims_quantities``; never raises."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicons = load_lexicons()

    @guarded("newsclaims_quantities")
    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "newsclaims_quantities").extend(find_quantities(doc, self.lexicons))
        return doc


@Language.factory(
    "newsclaims_quantities",
    assigns=["doc._.newsclaims_quantities"],
    requires=["token.pos", "token.dep", "token.lemma", "doc.ents"],
)
def make_quantities(nlp: Language, name: str) -> QuantitiesStage:
    return QuantitiesStage(nlp, name)
