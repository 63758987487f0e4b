"""What the claims stage reads of one document, computed once and passed along.

``Token.sent``, ``doc.text`` and ``doc.ents`` are rebuilt from the tokens on
every access (``Token.sent`` walks the sentence annotation, O(n)), which made
the stage quadratic on long articles. A ``DocView`` holds them for one doc:
the stage builds it once (``find_claims``) and hands it to the functions that
need them.
"""

from __future__ import annotations

from functools import cached_property

from spacy.tokens import Doc, Span, Token

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

    @cached_property
    def quoted_sentences(self) -> frozenset[int]:
        """Start indices of the sentences that hold a quote mark."""
        return frozenset(
            self.sentence(token).start for token in self.doc if token.text in QUOTE_TOKENS
        )
