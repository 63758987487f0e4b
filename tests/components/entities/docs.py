"""Hand-built ``Doc``s for the entities rules (entities set by hand, no model); the sample."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.tokens import Doc

BLANK = spacy.blank("en")
SAMPLE = Path(__file__).resolve().parents[3] / "corpora" / "sample" / "000_0310359b324a0dcd.txt"
SAMPLE_DATE = "2023-06-13"


def hand_doc(text: str, ents: Sequence[tuple[str, str]] = ()) -> Doc:
    """``text`` tokenised by the blank English tokenizer, with ``ents`` (text, label) set
    in order of appearance (each searched after the previous one)."""
    doc = BLANK(text)
    spans, position = [], 0
    for ent_text, label in ents:
        start = text.index(ent_text, position)
        span = doc.char_span(start, start + len(ent_text), label=label)
        assert span is not None, f"{ent_text!r} is not on token boundaries"
        spans.append(span)
        position = start + len(ent_text)
    doc.ents = spans
    return doc


def table(doc: Doc, entities: list[dict]) -> list[tuple[str, str, str]]:
    """(mention text, canonical, group letter): letters are equal iff entity ids are."""
    letters: dict[str, str] = {}
    rows = []
    for entity in entities:
        letter = letters.setdefault(entity["entity_id"], "abcdefghijklmnopqrstuvwxyz"[len(letters)])
        rows.append((doc.text[entity["start"] : entity["end"]], entity["canonical"], letter))
    return rows
