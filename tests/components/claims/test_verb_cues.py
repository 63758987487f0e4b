"""Attributions headed by a reporting verb, on hand-built parses (the rule is the subject)."""

from __future__ import annotations

from pipeline.components.claims.docview import DocView
from pipeline.components.claims.lexicon import load_lexicon
from pipeline.components.claims.verb_cues import (
    question_candidate,
    raising_candidates,
    verb_candidate,
)

from .parsed import SENATOR_SAID, parsed, span_text


def contents(doc, candidate) -> list[str]:
    return [span_text(doc, part) for part in candidate.content]


def test_a_reporting_verb_with_a_clause() -> None:
    doc = SENATOR_SAID
    candidate = verb_candidate(doc[2], DocView(doc), load_lexicon())
    assert span_text(doc, candidate.cue) == "said"
    assert contents(doc, candidate) == ["that taxes will rise"]
    assert candidate.source_head.text == "senator"
    assert (candidate.stance, candidate.kind, candidate.cue_token) == ("assert", "indirect", 2)


def test_a_cue_clause_after_the_content_reports_the_rest_of_its_head_clause() -> None:
    doc = parsed(
        "The storm was the worst in years, officials said.",
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("storm", 2, "nsubj", "NOUN", "NN", "storm"),
            ("was", 9, "ccomp", "AUX", "VBD", "be"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("worst", 2, "attr", "ADJ", "JJS", "bad"),
            ("in", 2, "prep", "ADP", "IN", "in"),
            ("years", 5, "pobj", "NOUN", "NNS", "year"),
            (",", 9, "punct", "PUNCT", ",", ","),
            ("officials", 9, "nsubj", "NOUN", "NNS", "official"),
            ("said", 9, "ROOT", "VERB", "VBD", "say"),
            (".", 9, "punct", "PUNCT", ".", "."),
        ],
    )
    candidate = verb_candidate(doc[9], DocView(doc), load_lexicon())
    assert contents(doc, candidate) == ["The storm was the worst in years"]
    assert candidate.source_head.text == "officials"


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


def test_the_object_of_a_denial_is_its_content_and_the_verb_group_its_phrase() -> None:
    doc = DENIED
    candidate = verb_candidate(doc[3], DocView(doc), load_lexicon())
    assert contents(doc, candidate) == ["the accusations"]
    assert candidate.stance == "deny"
    assert span_text(doc, candidate.cue_phrase) == "have vehemently denied"


def _crowd(verb: str, lemma: str):
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


def test_a_verb_asked_takes_its_object_unless_its_object_is_never_what_it_reports() -> None:
    # Which verbs are asked is decided before (lexicon, cue model); asked, the
    # object is the content, but "added glory" reports nothing.
    ate = _crowd("ate", "eat")
    assert contents(ate, verb_candidate(ate[2], DocView(ate), load_lexicon())) == ["the sandwiches"]
    added = _crowd("added", "add")
    assert verb_candidate(added[2], DocView(added), load_lexicon()) is None


def test_you_know_is_a_discourse_marker() -> None:
    doc = parsed(
        "You know the answer.",
        [
            ("You", 1, "nsubj", "PRON", "PRP", "you"),
            ("know", 1, "ROOT", "VERB", "VBP", "know"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("answer", 1, "dobj", "NOUN", "NN", "answer"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
    )
    assert verb_candidate(doc[1], DocView(doc), load_lexicon()) is None


def test_an_agentless_passive_is_an_attribution_without_a_source() -> None:
    doc = parsed(
        "The mayor was charged with fraud.",
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("mayor", 3, "nsubjpass", "NOUN", "NN", "mayor"),
            ("was", 3, "auxpass", "AUX", "VBD", "be"),
            ("charged", 3, "ROOT", "VERB", "VBN", "charge"),
            ("with", 3, "prep", "ADP", "IN", "with"),
            ("fraud", 4, "pobj", "NOUN", "NN", "fraud"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ],
    )
    candidate = verb_candidate(doc[3], DocView(doc), load_lexicon())
    assert candidate.source_head is None
    assert contents(doc, candidate) == ["The mayor was", "with fraud"]
    assert candidate.stance == "accuse"


ASKED = parsed(
    "The reporter asked the governor if he would sign the bill.",
    [
        ("The", 1, "det", "DET", "DT", "the"),
        ("reporter", 2, "nsubj", "NOUN", "NN", "reporter"),
        ("asked", 2, "ROOT", "VERB", "VBD", "ask"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("governor", 2, "dobj", "NOUN", "NN", "governor"),
        ("if", 8, "mark", "SCONJ", "IN", "if"),
        ("he", 8, "nsubj", "PRON", "PRP", "he"),
        ("would", 8, "aux", "AUX", "MD", "would"),
        ("sign", 2, "advcl", "VERB", "VB", "sign"),
        ("the", 10, "det", "DET", "DT", "the"),
        ("bill", 8, "dobj", "NOUN", "NN", "bill"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ],
)


def test_the_question_is_the_content_and_the_asked_the_addressee() -> None:
    candidate = question_candidate(ASKED[2])
    assert contents(ASKED, candidate) == ["if he would sign the bill"]
    assert span_text(ASKED, candidate.addressee) == "governor"
    assert candidate.source_head.text == "reporter"
    assert verb_candidate(ASKED[2], DocView(ASKED), load_lexicon()) == candidate


def test_a_verb_of_seeming_has_subject_and_complement_as_content() -> None:
    doc = parsed(
        "Both objections seemed to carry little weight.",
        [
            ("Both", 1, "det", "DET", "DT", "both"),
            ("objections", 2, "nsubj", "NOUN", "NNS", "objection"),
            ("seemed", 2, "ROOT", "VERB", "VBD", "seem"),
            ("to", 4, "aux", "PART", "TO", "to"),
            ("carry", 2, "xcomp", "VERB", "VB", "carry"),
            ("little", 6, "amod", "ADJ", "JJ", "little"),
            ("weight", 4, "dobj", "NOUN", "NN", "weight"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
    )
    [candidate] = raising_candidates(doc, load_lexicon())
    assert span_text(doc, candidate.cue) == "seemed"
    assert contents(doc, candidate) == ["Both objections", "to carry little weight"]
    assert candidate.source_head is None
