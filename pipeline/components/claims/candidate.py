"""A ``Candidate``: one attribution found in the parse, before it becomes a claim.

The cue finders (``verb_cues``, ``nominal_cues``, ``layout``) give candidates
with character spans; ``attach`` and ``layout`` adjust them; ``find`` turns
them into claim dicts. The helpers here turn token ranges into those spans.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...intervals import SpanIndex

#: Tokens left out at either end of a content span.
PUNCT_EDGE = frozenset({",", ".", ";", ":", "—", "–", "-", "(", ")", "…"})


@dataclass
class Candidate:
    """Character spans of cue, content and addressee; the source as its head token
    (``source_span`` when the source is not the head's phrase)."""

    cue: tuple[int, int]  # character span
    content: list[tuple[int, int]]  # character spans, sorted
    stance: str = "assert"
    kind: str = "indirect"
    source_head: Token | None = None
    addressee: tuple[int, int] | None = None
    cue_token: int | None = None
    source_span: tuple[int, int] | None = None  # token range, when not the subject's phrase
    cue_phrase: tuple[int, int] | None = None  # the verb group ("has not said")
    cue_score: float | None = None  # the cue model's probability, for verbs it scored
    continuation: bool = False  # the quotation after "“A,” Kim continued. …", cut off its claim


def content_index(candidates: Iterable[Candidate]) -> SpanIndex[tuple[int, int]]:
    """The content spans of ``candidates`` as they are now, for overlap questions."""
    return SpanIndex((span for c in candidates for span in c.content), lambda span: span)


#: Sentence-opening conjunctions left out of a content.
LEADING_CONJUNCTIONS = frozenset({"but", "and", "so", "yet", "or"})


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Character span of tokens [start, end) without punctuation at its ends, nor a
    sentence-opening conjunction ("But the goal is not revenue", PolNeAR leaves it out)."""
    tokens = _trimmed(doc, start, end)
    if tokens is None:
        return None
    start, end = tokens
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The tokens of ``char_span``'s span: [start, end) without those left out at its ends."""
    while start < end and (
        doc[start].text in PUNCT_EDGE
        or doc[start].is_space
        or (
            doc[start].dep_ == "cc"
            and doc[start].is_sent_start
            and doc[start].lower_ in LEADING_CONJUNCTIONS
        )
    ):
        start += 1
    while end > start and (doc[end - 1].text in PUNCT_EDGE or doc[end - 1].is_space):
        end -= 1
    return (start, end) if start < end else None


def subtree_bounds(token: Token) -> tuple[int, int]:
    """The token range of the token's subtree."""
    return token.left_edge.i, token.right_edge.i + 1


def char_spans(doc: Doc, parts: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``char_span`` of each token range, leaving out those with nothing in them.
    Token ranges that touch or overlap are one range, and spans with only spaces
    between them one span (the subtrees of a clause's subject and of the rest of
    it make one stretch of text, not two)."""
    ranges: list[tuple[int, int]] = []
    for start, end in parts:
        if ranges and ranges[-1][0] <= start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))
    kept: list[tuple[int, int]] = []
    for tokens in (_trimmed(doc, start, end) for start, end in ranges):
        if tokens is None:
            continue
        if (
            kept
            and kept[-1][1] <= tokens[0]
            and all(t.is_space for t in doc[kept[-1][1] : tokens[0]])
        ):
            kept[-1] = (kept[-1][0], tokens[1])
        else:
            kept.append(tokens)
    return [(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)) for start, end in kept]


def exclude(bounds: tuple[int, int], cut: tuple[int, int]) -> list[tuple[int, int]]:
    """Token range ``bounds`` minus ``cut``."""
    start, end = bounds
    parts = []
    if start < cut[0]:
        parts.append((start, min(end, cut[0])))
    if cut[1] < end:
        parts.append((max(start, cut[1]), end))
    return parts
