"""Lookup: which entity of the entities stage stands for a stretch of text.

``entity_at`` is the stage's public API for other stages: the claims stage
resolves a speaker ("former CIA analyst Soo Kim") to its entity with it. It
reads only ``doc._.newsclaims_entities``, so it works on any doc the stage has
run on, including one restored from a ``DocBin``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.tokens import Doc

from .names import POSSESSIVE

#: Speaker spans: which entity stands for "former CIA analyst Soo Kim" (PERSON first).
SPEAKER_LABEL_RANK = {"PERSON": 0, "ORG": 1, "NORP": 3, "GPE": 3}


def _head_offsets(doc: Doc, start: int, end: int) -> list[tuple[int, int]] | None:
    """Character offsets of the syntactic head of ``doc.text[start:end]`` and its
    appositions ("the outlet the Korean Central News Agency (KCNA)": outlet, Agency,
    KCNA), or None when the doc has no dependency parse."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    heads, stack = [], [span.root]
    while stack:
        token = stack.pop()
        heads.append((token.idx, token.idx + len(token.text)))
        stack.extend(
            child
            for child in token.children
            if child.dep_ == "appos" and span.start <= child.i < span.end
        )
    return heads


def entity_at(
    doc: Doc,
    start: int,
    end: int,
    *,
    labels: Iterable[str] | None = None,
    head: bool = False,
    text: str | None = None,
    entities: Sequence[dict[str, Any]] | None = None,
) -> dict[str, Any] | None:
    """The entity mention that best stands for ``doc.text[start:end]``, or None.

    This is the entities stage's public API for other stages (import it as
    ``from pipeline.components.entities import entity_at``): it returns one of
    the dicts of ``doc._.newsclaims_entities`` ("start", "end", "label",
    "entity_id", "canonical"), or None when the stage found no entity there
    (or did not run).

    A mention containing the span wins (the smallest); else, among mentions
    overlapping it, a PERSON before an ORG before anything else ("former CIA
    analyst Soo Kim" → Soo Kim; "South Korea’s JoongAng Daily" → JoongAng Daily),
    a mention not followed by a possessive ("South Korea’s"), then the longest.
    ``labels`` restricts the labels considered.

    With ``head=True`` (for speakers), only a mention holding the span's
    syntactic head or an apposition to it counts, so a modifier does not stand
    for the phrase: "North Korean officials" and "the Russian embassy in
    Pyongyang" give None, "Kwon Jong Gun, director general of the North Korean
    Department …" gives Kwon Jong Gun. Without a parse, ``head`` is ignored.
    ``text`` is ``doc.text`` when the caller has it: spaCy rebuilds that
    string from the tokens on every access. ``entities``: the stage's mentions
    to choose from, in their order, when the caller has those overlapping the
    range at hand (a scan of all of them per call is quadratic on a long
    document); by default all of ``doc._.newsclaims_entities``.
    """
    allowed = set(labels) if labels is not None else None
    heads = _head_offsets(doc, start, end) if head else None
    if entities is None:
        entities = doc._.newsclaims_entities or []
    best: tuple | None = None
    chosen = None
    for entity in entities:
        if entity["end"] <= start or entity["start"] >= end:
            continue
        if allowed is not None and entity["label"] not in allowed:
            continue
        if heads is not None and not any(
            entity["start"] < head_end and head_start < entity["end"]
            for head_start, head_end in heads
        ):
            continue
        contains = entity["start"] <= start and end <= entity["end"]
        if text is None:
            text = doc.text
        possessive = bool(POSSESSIVE.match(text[entity["end"] : entity["end"] + 2]))
        length = entity["end"] - entity["start"]
        score = (
            0 if contains else 1,
            length if contains else 0,
            SPEAKER_LABEL_RANK.get(entity["label"], 2),
            1 if possessive else 0,
            -length,
            entity["start"],
        )
        if best is None or score < best:
            best, chosen = score, entity
    return chosen
