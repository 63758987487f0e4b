"""Sentence bounds by token and named entities, computed once per doc.

``Token.sent`` checks the whole doc's sentence annotation on every call (O(n)),
which made the claims stage quadratic on long articles. ``sentence_bounds``
keeps one (start, end) per token for the doc being processed; the claims stage
opens it with ``indexed(doc)`` and the helpers below use it when present.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.tokens import Doc, Span, Token

_BOUNDS: dict[int, list[tuple[int, int]]] = {}
_ENTS: dict[int, tuple[Span, ...]] = {}
_TEXT: dict[int, str] = {}


@contextmanager
def indexed(doc: Doc) -> Iterator[None]:
    """Index ``doc``'s sentences for the duration of the block."""
    bounds: list[tuple[int, int]] = [(0, len(doc))] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            bounds[i] = (sent.start, sent.end)
    _BOUNDS[id(doc)] = bounds
    _ENTS[id(doc)] = tuple(doc.ents)
    _TEXT[id(doc)] = doc.text
    try:
        yield
    finally:
        _BOUNDS.pop(id(doc), None)
        _ENTS.pop(id(doc), None)
        _TEXT.pop(id(doc), None)


def text_of(doc: Doc) -> str:
    """``doc.text`` (rebuilt from the tokens on every access) from the index when present."""
    text = _TEXT.get(id(doc))
    return doc.text if text is None else text


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents`` (rebuilt from the tokens on every access) from the index when present."""
    ents = _ENTS.get(id(doc))
    return tuple(doc.ents) if ents is None else ents


def sentence_of(token: Token) -> Span:
    """The token's sentence (from the index when the doc is indexed)."""
    bounds = _BOUNDS.get(id(token.doc))
    if bounds is None or len(bounds) != len(token.doc):
        return token.sent
    start, end = bounds[token.i]
    return token.doc[start:end]
