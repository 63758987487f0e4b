"""The cue phrase (the verb group), on hand-built parses."""

from __future__ import annotations

from pipeline.components.claims.cue_phrase import cue_start, phrase_end
from pipeline.components.claims.lexicon import load_lexicon

from .parsed import SENATOR_SAID, parsed
from .test_verb_cues import DENIED


def phrase(token, content_start=None) -> str:
    doc = token.doc
    return doc.text[cue_start(token).idx : phrase_end(token, load_lexicon(), content_start)]


def test_auxiliaries_and_adverbs_before_the_verb_open_the_phrase() -> None:
    assert cue_start(DENIED[3]).text == "have"
    assert phrase(DENIED[3]) == "have vehemently denied"
    assert phrase(SENATOR_SAID[2]) == "said"


def test_a_day_right_after_the_verb_ends_the_phrase() -> None:
    doc = parsed(
        "The minister said Tuesday that the bridge would reopen.",
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("minister", 2, "nsubj", "NOUN", "NN", "minister"),
            ("said", 2, "ROOT", "VERB", "VBD", "say"),
            ("Tuesday", 2, "npadvmod", "PROPN", "NNP", "Tuesday"),
            ("that", 8, "mark", "SCONJ", "IN", "that"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("bridge", 8, "nsubj", "NOUN", "NN", "bridge"),
            ("would", 8, "aux", "AUX", "MD", "would"),
            ("reopen", 2, "ccomp", "VERB", "VB", "reopen"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
    )
    assert phrase(doc[2]) == "said Tuesday"


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


def test_a_catenative_verb_opens_its_infinitive_s_phrase() -> None:
    assert phrase(CONTINUED[4]) == "continued to insist"


def test_the_preposition_that_introduces_the_content_ends_the_phrase() -> None:
    doc = parsed(
        "The union complained about the contract.",
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("union", 2, "nsubj", "NOUN", "NN", "union"),
            ("complained", 2, "ROOT", "VERB", "VBD", "complain"),
            ("about", 2, "prep", "ADP", "IN", "about"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("contract", 3, "pobj", "NOUN", "NN", "contract"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
    )
    assert phrase(doc[2], content_start=4) == "complained about"
    assert phrase(doc[2]) == "complained"  # the content does not start after it
