"""What the claims stage reads of one document, computed once and passed along.

``Token.sent``, ``doc.text`` and ``doc.ents`` are rebuilt from the tokens on
every access (``Token.sent`` walks the sentence annotation, O(n)), which made
the stage quadratic on long articles. A ``DocView`` holds them for one doc:
the stage builds it once (``find_claims``) and hands it to the functions that
need them.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...intervals import SpanIndex
from ..entities import entity_at
from .quotes import QUOTE_TOKENS


class DocView:
    """A parsed doc's text, named entities and the sentence of each token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        bounds: list[tuple[int, int]] = [(0, len(doc))] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                bounds[i] = (sent.start, sent.end)
        self._bounds = bounds

    def sentence(self, token: Token) -> Span:
        """The token's sentence."""
        start, end = self._bounds[token.i]
        return self.doc[start:end]

    def span(self, start: int, end: int) -> Span | None:
        """The tokens over characters ``[start, end)``, grown to whole tokens; None
        when there are none."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """The token range of token ``i``'s sentence."""
        return self._bounds[i]

    def ent_at(self, i: int) -> Span | None:
        """The named entity (``doc.ents``) holding token ``i``, if any."""
        index = self._ent_index[i]
        return self.ents[index] if index >= 0 else None

    def ents_within(self, start: int, end: int) -> tuple[Span, ...]:
        """The named entities inside tokens ``[start, end)``, in order."""
        low = bisect_left(self._ent_starts, start)
        high = low
        while high < len(self.ents) and self.ents[high].end <= end:
            high += 1
        return self.ents[low:high]

    @cached_property
    def _ent_starts(self) -> list[int]:
        return [ent.start for ent in self.ents]

    @cached_property
    def _ent_index(self) -> list[int]:
        # spaCy's entities are disjoint and sorted: a token is in one at most.
        index = [-1] * len(self.doc)
        for number, ent in enumerate(self.ents):
            for i in range(ent.start, ent.end):
                index[i] = number
        return index

    @cached_property
    def entities(self) -> SpanIndex[dict[str, Any]]:
        """The entities stage's mentions (``doc._.newsclaims_entities``), indexed."""
        return SpanIndex(
            self.doc._.newsclaims_entities or [],
            lambda entity: (entity.get("start", 0), entity.get("end", 0)),
        )

    def entity_at(self, start: int, end: int) -> dict[str, Any] | None:
        """The entities stage's mention standing for ``text[start:end]`` (``entity_at``,
        asked of the mentions overlapping the range, not of all of them)."""
        entities = self.entities.overlapping(start, end)
        return entity_at(self.doc, start, end, text=self.text, entities=entities)

    @cached_property
    def _nouns_by_lemma(self) -> dict[str, list[int]]:
        nouns: dict[str, list[int]] = {}
        for token in self.doc:
            if token.pos_ == "NOUN":
                nouns.setdefault(token.lemma_, []).append(token.i)
        return nouns

    def last_noun_before(self, lemma: str, i: int) -> int | None:
        """The index of the last NOUN with ``lemma`` before token ``i``, if any."""
        found = self._nouns_by_lemma.get(lemma, [])
        index = bisect_left(found, i)
        return found[index - 1] if index else None

    @cached_property
    def _people_by_surname(self) -> dict[str, dict[int, list[tuple[int, str]]]]:
        """PERSON entities by last word, then by number of words: (start offset, text)."""
        people: dict[str, dict[int, list[tuple[int, str]]]] = {}
        for ent in self.ents:
            if ent.label_ == "PERSON":
                parts = ent.text.split()
                if parts:
                    by_length = people.setdefault(parts[-1], {})
                    by_length.setdefault(len(parts), []).append((ent.start_char, ent.text))
        return people

    def last_person_ending_with(self, last: str, *, longer_than: int, before: int) -> str | None:
        """The text of the last PERSON entity starting before offset ``before`` whose
        last word is ``last`` and which has more than ``longer_than`` words."""
        best: tuple[int, str] | None = None
        for words, found in self._people_by_surname.get(last, {}).items():
            if words <= longer_than:
                continue
            index = bisect_left(found, (before, ""))
            if index and (best is None or found[index - 1][0] > best[0]):
                best = found[index - 1]
        return best[1] if best is not None else None

    @cached_property
    def quoted_sentences(self) -> frozenset[int]:
        """Start indices of the sentences that hold a quote mark."""
        return frozenset(
            self.sentence(token).start for token in self.doc if token.text in QUOTE_TOKENS
        )
