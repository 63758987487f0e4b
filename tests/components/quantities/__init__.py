"""Tests of the quantities stage, one module per module of ``pipeline.components.quantities``.

``hand_doc`` builds a ``Doc`` with the tags, parse and entities a rule reads, so a
rule test pins the rule and not the statistical model.
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.tokens import Doc

from pipeline.components.quantities.atoms import Finder
from pipeline.components.quantities.lexicon import load_lexicons

BLANK = spacy.blank("en")
VOCAB = BLANK.vocab

#: (word, POS, tag, dep, head index[, lemma]); the lemma defaults to the lower-cased word.
Row = tuple


def hand_doc(text: str, rows: Sequence[Row], *, ents: Sequence[tuple[str, int, int]] = ()) -> Doc:
    """A ``Doc`` of ``text`` with the words, tags and parse of ``rows`` and ``ents``
    (label, first token, end token); spaces are read from ``text``."""
    words = [row[0] for row in rows]
    spaces = []
    pos = 0
    for word in words:
        start = text.index(word, pos)
        assert text[pos:start].strip() == "", (word, text[pos:start])
        pos = start + len(word)
        spaces.append(text[pos : pos + 1] == " ")
    iob = ["O"] * len(words)
    for label, first, end in ents:
        iob[first:end] = [f"B-{label}"] + [f"I-{label}"] * (end - first - 1)
    doc = Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        pos=[row[1] for row in rows],
        tags=[row[2] for row in rows],
        deps=[row[3] for row in rows],
        heads=[row[4] for row in rows],
        lemmas=[row[5] if len(row) > 5 else row[0].lower() for row in rows],
        sent_starts=[True] + [False] * (len(words) - 1),
        ents=iob,
    )
    assert doc.text == text.rstrip(" "), (doc.text, text)
    return doc


def finder_of(doc: Doc) -> Finder:
    return Finder(doc, load_lexicons())


def untagged_doc(text: str) -> Doc:
    """``text`` split by the tokenizer, with no tags, parse or entities."""
    return BLANK.make_doc(text)
