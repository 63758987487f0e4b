"""Reporting nouns, "according to" and "in a poll", on hand-built parses."""

from __future__ import annotations

import pytest

from pipeline.components.claims.docview import DocView
from pipeline.components.claims.lexicon import load_lexicons
from pipeline.components.claims.nominal_cues import (
    according_to_candidates,
    in_source_candidates,
    nominal_candidates,
)

from .parsed import content_text, parsed, span_text, text_of


def contents(doc, candidate) -> list[str]:
    return [span_text(doc, part) for part in candidate.content]


def test_according_to_is_the_rest_of_the_sentence_without_a_short_opening() -> None:
    doc = parsed(
        "That month, according to the report, Russia shipped oil.",
        [
            ("That", 1, "det", "DET", "DT", "that"),
            ("month", 9, "npadvmod", "NOUN", "NN", "month"),
            (",", 9, "punct", "PUNCT", ",", ","),
            ("according", 9, "prep", "VERB", "VBG", "accord"),
            ("to", 3, "prep", "ADP", "IN", "to"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("report", 4, "pobj", "NOUN", "NN", "report"),
            (",", 9, "punct", "PUNCT", ",", ","),
            ("Russia", 9, "nsubj", "PROPN", "NNP", "Russia"),
            ("shipped", 9, "ROOT", "VERB", "VBD", "ship"),
            ("oil", 9, "dobj", "NOUN", "NN", "oil"),
            (".", 9, "punct", "PUNCT", ".", "."),
        ],
    )
    [candidate] = according_to_candidates(doc, DocView(doc))
    assert span_text(doc, candidate.cue) == "according to"
    assert contents(doc, candidate) == ["Russia shipped oil"]
    assert (candidate.kind, candidate.source_head.text) == ("according_to", "report")


def test_in_a_poll_is_a_source() -> None:
    doc = parsed(
        "In a recent poll, most farmers backed the tariff.",
        [
            ("In", 7, "prep", "ADP", "IN", "in"),
            ("a", 3, "det", "DET", "DT", "a"),
            ("recent", 3, "amod", "ADJ", "JJ", "recent"),
            ("poll", 0, "pobj", "NOUN", "NN", "poll"),
            (",", 7, "punct", "PUNCT", ",", ","),
            ("most", 6, "amod", "ADJ", "JJS", "most"),
            ("farmers", 7, "nsubj", "NOUN", "NNS", "farmer"),
            ("backed", 7, "ROOT", "VERB", "VBD", "back"),
            ("the", 9, "det", "DET", "DT", "the"),
            ("tariff", 7, "dobj", "NOUN", "NN", "tariff"),
            (".", 7, "punct", "PUNCT", ".", "."),
        ],
    )
    [candidate] = in_source_candidates(doc, DocView(doc), load_lexicons())
    assert span_text(doc, candidate.cue) == "In"
    assert contents(doc, candidate) == ["most farmers backed the tariff"]
    start, end = candidate.source_span
    assert doc[start:end].text == "a recent poll"


def test_a_reporting_noun_with_a_that_clause() -> None:
    doc = parsed(
        "His claim that the vote was rigged fell flat.",
        [
            ("His", 1, "poss", "PRON", "PRP$", "his"),
            ("claim", 7, "nsubj", "NOUN", "NN", "claim"),
            ("that", 6, "mark", "SCONJ", "IN", "that"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("vote", 6, "nsubjpass", "NOUN", "NN", "vote"),
            ("was", 6, "auxpass", "AUX", "VBD", "be"),
            ("rigged", 1, "acl", "VERB", "VBN", "rig"),
            ("fell", 7, "ROOT", "VERB", "VBD", "fall"),
            ("flat", 7, "acomp", "ADJ", "JJ", "flat"),
            (".", 7, "punct", "PUNCT", ".", "."),
        ],
    )
    [candidate] = nominal_candidates(doc, load_lexicons())
    assert span_text(doc, candidate.cue) == "claim"
    assert contents(doc, candidate) == ["that the vote was rigged"]
    assert candidate.source_head.text == "His"


# --- end to end (the model parses the text) ----------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "In a recent Gallup poll, most farmers backed the new tariff.",
            "a recent Gallup poll",
            "most farmers backed the new tariff",
        ),
        (
            "In the latest survey, the mayor leads by ten points.",
            "the latest survey",
            "the mayor leads by ten points",
        ),
    ],
)
def test_in_a_poll_is_an_attribution(make_doc, text: str, source: str, content: str) -> None:
    claims = [c for c in make_doc(text)._.newsclaims_claims if text_of(text, c["cue"]) == "In"]
    assert [(text_of(text, c["source"]), content_text(text, c)) for c in claims] == [
        (source, content)
    ]


def test_a_reporting_noun_in_a_phrase_of_a_verb_is_that_verbs_claim() -> None:
    # The parser hung the that-clause on "statement" (acl), not on "said".
    doc = parsed(
        "The senator said in a statement that the steps were important.",
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("senator", 2, "nsubj", "NOUN", "NN", "senator"),
            ("said", 2, "ROOT", "VERB", "VBD", "say"),
            ("in", 2, "prep", "ADP", "IN", "in"),
            ("a", 5, "det", "DET", "DT", "a"),
            ("statement", 3, "pobj", "NOUN", "NN", "statement"),
            ("that", 9, "mark", "SCONJ", "IN", "that"),
            ("the", 8, "det", "DET", "DT", "the"),
            ("steps", 9, "nsubj", "NOUN", "NNS", "step"),
            ("were", 5, "acl", "AUX", "VBD", "be"),
            ("important", 9, "acomp", "ADJ", "JJ", "important"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
    )
    [candidate] = nominal_candidates(doc, load_lexicons())
    assert candidate.source_head.text == "senator"
    assert span_text(doc, candidate.cue) == "said"
    assert span_text(doc, candidate.cue_phrase) == "said in a statement"
    assert contents(doc, candidate) == ["that the steps were important"]


def test_a_reporting_nouns_phrase_takes_its_adjectives_and_article() -> None:
    doc = parsed(
        "He made a passing promise that taxes would fall.",
        [
            ("He", 1, "nsubj", "PRON", "PRP", "he"),
            ("made", 1, "ROOT", "VERB", "VBD", "make"),
            ("a", 4, "det", "DET", "DT", "a"),
            ("passing", 4, "amod", "ADJ", "JJ", "passing"),
            ("promise", 1, "dobj", "NOUN", "NN", "promise"),
            ("that", 8, "mark", "SCONJ", "IN", "that"),
            ("taxes", 8, "nsubj", "NOUN", "NNS", "tax"),
            ("would", 8, "aux", "AUX", "MD", "would"),
            ("fall", 4, "acl", "VERB", "VB", "fall"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
    )
    [candidate] = nominal_candidates(doc, load_lexicons())
    assert span_text(doc, candidate.cue) == "promise"
    assert span_text(doc, candidate.cue_phrase) == "a passing promise"
    assert contents(doc, candidate) == ["that taxes would fall"]
