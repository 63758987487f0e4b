"""One number and its surroundings before ranges are joined (``Atom``), and the
per-document state the finders share (``Finder``: the ``Doc``, its text, the
lexicons, token offsets and the tokens already used by a quantity)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import US_DOLLAR, QuantitiesLexicons


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
    dimension: str | None = None
    currency: bool = False
    scaled: bool = False
    per: str | None = None
    obj: tuple[int, int] | None = None
    words: bool = False  # written in words
    low: float | None = None
    high: float | None = None
    fraction: bool = False
    multiplier: float = 1.0  # the scale written after the number ("billion": 1e9)
    keep_bare: bool = True
    counted: bool = False  # counts a plural noun, so a four-digit number is no year

    @property
    def span_start(self) -> int:
        return self.mod_start if self.mod_start is not None else self.start


class Finder:
    """The state of one document's search: passed to every ``find_*``/helper function."""

    def __init__(self, doc: Doc, lex: QuantitiesLexicons) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.starts = [t.idx for t in doc]
        # What the number-word parser reads: a hanging hyphen is no part of the word
        # ("four-" in "four-, five- and six-cylinder").
        self.lowers = [t.lower_ for t in doc]
        for i, lower in enumerate(self.lowers):
            if lower[-1:] in ("-", "‐") and len(lower) > 1:
                self.lowers[i] = lower.rstrip("-‐") or lower
        self._ents: tuple[Span, ...] | None = None  # doc.ents is rebuilt on every access
        self._ent_index: list[int] | None = None  # token -> its entity's number in ents, or -1
        self.used = [False] * len(doc)
        self._article_dollar: str | None = None
        self._dollars_read = False  # whether the text was searched for named dollars
        self._parsed: bool | None = None  # whether the doc has sentences, once asked

    @property
    def article_dollar(self) -> str | None:
        """The one dollar other than the US dollar that the article names ("A$", "Canadian
        dollars"), when it names no US dollar; a bare "$" is then that dollar."""
        if not self._dollars_read:
            self._dollars_read = True
            lex, named = self.lex, set()
            for match in lex.dollar_re.finditer(self.text):
                surface = re.sub(r"[ \u00a0]+", " ", match.group())
                unit = lex.units_cs.get(surface) or lex.units.get(surface.lower())
                named.add(unit[0] if unit else None)
            others = named - {US_DOLLAR, None}
            if len(others) == 1 and US_DOLLAR not in named:
                self._article_dollar = others.pop()
        return self._article_dollar

    @property
    def parsed(self) -> bool:
        """Whether the doc has sentences (asked once)."""
        if self._parsed is None:
            self._parsed = self.doc.has_annotation("SENT_START")
        return self._parsed

    def sentence_text(self, char: int) -> str:
        """The text of the sentence holding character ``char`` (the whole text if unparsed)."""
        token = self.token_at(max(char - 1, 0))
        if token is None or not self.parsed:
            return self.text
        return token.sent.text

    @property
    def ents(self) -> tuple[Span, ...]:
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return self._ents

    def ent_at(self, i: int) -> Span | None:
        """The named entity holding token ``i``, if any (spaCy's are disjoint and sorted)."""
        if self._ent_index is None:
            self._ent_index = [-1] * len(self.doc)
            for number, ent in enumerate(self.ents):
                for j in range(ent.start, ent.end):
                    self._ent_index[j] = number
        number = self._ent_index[i]
        return self.ents[number] if number >= 0 else None

    def token_at(self, char: int) -> Token | None:
        """The token that contains character ``char`` (or the last one starting before it)."""
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

    def use(self, atom: Atom) -> None:
        """Mark the tokens of ``atom``'s span as used: no other number is read there."""
        for i in self.tokens_between(atom.span_start, atom.end):
            self.used[i] = True
