"""Hand-built parsed ``Doc``s for the claims rule tests: the parse is given, not predicted.

A row is ``(word, head index, dependency, POS, tag, lemma)``; the words are
found in ``text`` in order, so the doc's text is exactly ``text``. Also the
helpers that read a claim dict's spans back as text.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from pipeline._extensions import register_extensions

Row = tuple[str, int, str, str, str, str]

VOCAB = spacy.blank("en").vocab
register_extensions()


def parsed(text: str, rows: list[Row], *, ents: list[tuple[int, int, str]] = ()) -> Doc:
    """A doc of ``text`` with the parse of ``rows`` and the named entities ``ents``
    (token ranges with their labels)."""
    words = [row[0] for row in rows]
    spaces, offset = [], 0
    for word in words:
        offset = text.index(word, offset) + len(word)
        spaces.append(text[offset : offset + 1] == " ")
    iob = ["O"] * len(words)
    for start, end, label in ents:
        iob[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    doc = Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=[row[1] for row in rows],
        deps=[row[2] for row in rows],
        pos=[row[3] for row in rows],
        tags=[row[4] for row in rows],
        lemmas=[row[5] for row in rows],
        ents=iob,
    )
    assert doc.text == text
    return doc


def text_of(text: str, span: dict | None) -> str | None:
    """The text of a claim's span dict (source, cue, addressee), None for None."""
    return None if span is None else text[span["start"] : span["end"]]


def content_text(text: str, claim: dict) -> str:
    """A claim's content, its parts joined by " … "."""
    content = claim["content"]
    parts = content.get("spans") or [[content["start"], content["end"]]]
    return " … ".join(text[s:e] for s, e in parts)


def span_text(doc: Doc, span: tuple[int, int] | None) -> str | None:
    """The text of a character span, None for None."""
    return None if span is None else doc.text[span[0] : span[1]]


SENATOR_SAID = parsed(
    "The senator said that taxes will rise.",
    [
        ("The", 1, "det", "DET", "DT", "the"),
        ("senator", 2, "nsubj", "NOUN", "NN", "senator"),
        ("said", 2, "ROOT", "VERB", "VBD", "say"),
        ("that", 6, "mark", "SCONJ", "IN", "that"),
        ("taxes", 6, "nsubj", "NOUN", "NNS", "tax"),
        ("will", 6, "aux", "AUX", "MD", "will"),
        ("rise", 2, "ccomp", "VERB", "VB", "rise"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ],
)

KIM_SAID = parsed(
    "“This is over,” Kim said. “We are going home now.”",
    [
        ("“", 7, "punct", "PUNCT", "``", '"'),
        ("This", 2, "nsubj", "PRON", "DT", "this"),
        ("is", 7, "ccomp", "AUX", "VBZ", "be"),
        ("over", 2, "advmod", "ADV", "RB", "over"),
        (",", 7, "punct", "PUNCT", ",", ","),
        ("”", 7, "punct", "PUNCT", "''", '"'),
        ("Kim", 7, "nsubj", "PROPN", "NNP", "Kim"),
        ("said", 7, "ROOT", "VERB", "VBD", "say"),
        (".", 7, "punct", "PUNCT", ".", "."),
        ("“", 12, "punct", "PUNCT", "``", '"'),
        ("We", 12, "nsubj", "PRON", "PRP", "we"),
        ("are", 12, "aux", "AUX", "VBP", "be"),
        ("going", 12, "ROOT", "VERB", "VBG", "go"),
        ("home", 12, "advmod", "ADV", "RB", "home"),
        ("now", 12, "advmod", "ADV", "RB", "now"),
        (".", 12, "punct", "PUNCT", ".", "."),
        ("”", 12, "punct", "PUNCT", "''", '"'),
    ],
    ents=[(6, 7, "PERSON")],
)


DENIED = parsed(
    "Officials have vehemently denied the accusations.",
    [
        ("Officials", 3, "nsubj", "NOUN", "NNS", "official"),
        ("have", 3, "aux", "AUX", "VBP", "have"),
        ("vehemently", 3, "advmod", "ADV", "RB", "vehemently"),
        ("denied", 3, "ROOT", "VERB", "VBN", "deny"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("accusations", 3, "dobj", "NOUN", "NNS", "accusation"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ],
)


CONTINUED = parsed(
    "The senator continued to insist that the tax would hurt farmers.",
    [
        ("The", 1, "det", "DET", "DT", "the"),
        ("senator", 2, "nsubj", "NOUN", "NN", "senator"),
        ("continued", 2, "ROOT", "VERB", "VBD", "continue"),
        ("to", 4, "aux", "PART", "TO", "to"),
        ("insist", 2, "xcomp", "VERB", "VB", "insist"),
        ("that", 9, "mark", "SCONJ", "IN", "that"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("tax", 9, "nsubj", "NOUN", "NN", "tax"),
        ("would", 9, "aux", "AUX", "MD", "would"),
        ("hurt", 4, "ccomp", "VERB", "VB", "hurt"),
        ("farmers", 9, "dobj", "NOUN", "NNS", "farmer"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ],
)


def crowd(verb: str, lemma: str) -> Doc:
    """ "The crowd VERB the sandwiches.": a verb and its object."""
    return parsed(
        f"The crowd {verb} the sandwiches.",
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("crowd", 2, "nsubj", "NOUN", "NN", "crowd"),
            (verb, 2, "ROOT", "VERB", "VBD", lemma),
            ("the", 4, "det", "DET", "DT", "the"),
            ("sandwiches", 2, "dobj", "NOUN", "NNS", "sandwich"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
    )
