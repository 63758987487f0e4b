"""Attributions headed by a reporting verb, on hand-built parses (the rule is the subject)."""

from __future__ import annotations

import pytest

from pipeline.components.claims.docview import DocView
from pipeline.components.claims.lexicon import load_lexicons
from pipeline.components.claims.verb_cues import (
    question_candidate,
    raising_candidates,
    verb_candidate,
)

from .parsed import DENIED, SENATOR_SAID, content_text, crowd, parsed, span_text, text_of


def contents(doc, candidate) -> list[str]:
    return [span_text(doc, part) for part in candidate.content]


def test_a_reporting_verb_with_a_clause() -> None:
    doc = SENATOR_SAID
    candidate = verb_candidate(doc[2], DocView(doc), load_lexicons())
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
    candidate = verb_candidate(doc[9], DocView(doc), load_lexicons())
    assert contents(doc, candidate) == ["The storm was the worst in years"]
    assert candidate.source_head.text == "officials"


def test_the_object_of_a_denial_is_its_content_and_the_verb_group_its_phrase() -> None:
    doc = DENIED
    candidate = verb_candidate(doc[3], DocView(doc), load_lexicons())
    assert contents(doc, candidate) == ["the accusations"]
    assert candidate.stance == "deny"
    assert span_text(doc, candidate.cue_phrase) == "have vehemently denied"


def test_a_verb_asked_takes_its_object_unless_its_object_is_never_what_it_reports() -> None:
    # Which verbs are asked is decided before (lexicons, cue model); asked, the
    # object is the content, but "added glory" reports nothing.
    ate = crowd("ate", "eat")
    assert contents(ate, verb_candidate(ate[2], DocView(ate), load_lexicons())) == [
        "the sandwiches"
    ]
    added = crowd("added", "add")
    assert verb_candidate(added[2], DocView(added), load_lexicons()) is None


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
    assert verb_candidate(doc[1], DocView(doc), load_lexicons()) is None


def test_an_agentless_passive_is_an_attribution_without_a_source_its_auxiliary_the_cues() -> None:
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
    candidate = verb_candidate(doc[3], DocView(doc), load_lexicons())
    assert candidate.source_head is None
    assert contents(doc, candidate) == ["The mayor", "with fraud"]
    assert span_text(doc, candidate.cue_phrase) == "was charged"
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
    candidate = question_candidate(ASKED[2], load_lexicons())
    assert contents(ASKED, candidate) == ["if he would sign the bill"]
    assert span_text(ASKED, candidate.addressee) == "governor"
    assert candidate.source_head.text == "reporter"
    assert verb_candidate(ASKED[2], DocView(ASKED), load_lexicons()) == candidate


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
    [candidate] = raising_candidates(doc, load_lexicons())
    assert span_text(doc, candidate.cue) == "seemed"
    assert contents(doc, candidate) == ["Both objections", "to carry little weight"]
    assert candidate.source_head is None


# --- end to end (the model parses the text) ----------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "contents"),
    [
        (
            "Both objections seemed to carry little weight with the judges.",
            "seemed",
            ["Both objections", "to carry little weight with the judges"],
        ),
        (
            "The new rules appear to have calmed the markets.",
            "appear",
            ["The new rules", "to have calmed the markets"],
        ),
    ],
)
def test_verbs_of_seeming_have_no_source(make_doc, text: str, cue: str, contents: list) -> None:
    [claim] = make_doc(text)._.newsclaims_claims
    assert text_of(text, claim["cue"]) == cue
    assert claim["source"] is None
    spans = claim["content"].get("spans") or [[claim["content"]["start"], claim["content"]["end"]]]
    assert [text[s:e] for s, e in spans] == contents


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The mayor hoped that the bridge would open in May.",
        "The coach is hoping that the team wins on Sunday.",
    ],
)
def test_hope_is_a_cue_despite_its_lemma(make_doc, text: str) -> None:
    claims = make_doc(text)._.newsclaims_claims
    assert [text_of(text, c["cue"]) for c in claims] in (["hoped"], ["hoping"])
    assert claims[0]["source"] is not None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The council regretted that the library would close.",
            "regretted",
            "that the library would close",
        ),
        (
            "The letter stressed that farmers had lost their harvest.",
            "stressed",
            "that farmers had lost their harvest",
        ),
    ],
)
def test_a_verb_with_a_that_clause_is_a_cue(make_doc, text: str, cue: str, content: str) -> None:
    [claim] = make_doc(text)._.newsclaims_claims
    assert (text_of(text, claim["cue"]), content_text(text, claim)) == (cue, content)
    assert claim["source"] is not None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "The reporter asked the governor if he would sign the bill.",
            "The reporter",
            "if he would sign the bill",
        ),
        (
            "Asked whether the plant would close, the manager shook his head.",
            None,
            "whether the plant would close",
        ),
    ],
)
def test_the_question_is_what_was_asked(make_doc, text: str, source, content: str) -> None:
    claims = [
        c
        for c in make_doc(text)._.newsclaims_claims
        if text_of(text, c["cue"]) in ("asked", "Asked")
    ]
    assert [(text_of(text, c["source"]), content_text(text, c)) for c in claims] == [
        (source, content)
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        pytest.param(
            "The union endorsed the mayor in March.",
            "endorsed",
            "the mayor",
            marks=pytest.mark.xfail(
                reason="the boundary chooser (trained on PolNeAR, whose contents often run "
                "to the sentence end) takes 'the mayor in March'",
                strict=True,
            ),
        ),
        ("Most farmers oppose the new tariff.", "oppose", "the new tariff"),
    ],
)
def test_endorse_and_oppose_are_cues(make_doc, text: str, cue: str, content: str) -> None:
    [claim] = make_doc(text)._.newsclaims_claims
    assert (text_of(text, claim["cue"]), content_text(text, claim)) == (cue, content)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The new rule means that fewer buses will run at night.",
        "The city will ensure that every school has a nurse.",
    ],
)
def test_that_clause_of_a_non_cue_verb_is_no_claim(make_doc, text: str) -> None:
    assert make_doc(text)._.newsclaims_claims == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "The senator surprised her party by saying she would vote against the budget.",
            "The senator",
            "saying",
        ),
        (
            "The mayor angered residents after announcing that the pool would close.",
            "The mayor",
            "announcing",
        ),
    ],
)
def test_gerund_after_preposition_takes_the_main_subject(
    make_doc, text: str, source: str, cue: str
) -> None:
    claims = [c for c in make_doc(text)._.newsclaims_claims if text_of(text, c["cue"]) == cue]
    assert [text_of(text, c["source"]) for c in claims] == [source]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Tom Reyes said seeing so many volunteers at the shelter was a welcome surprise.",
            "seeing so many volunteers at the shelter was a welcome surprise",
        ),
        (
            "Okafor said having the governor at the top of the list puts those districts at risk.",
            "having the governor at the top of the list puts those districts at risk",
        ),
    ],
)
def test_clause_parsed_as_xcomp_is_the_content(make_doc, text: str, content: str) -> None:
    [claim] = make_doc(text)._.newsclaims_claims
    assert (text_of(text, claim["cue"]), content_text(text, claim)) == ("said", content)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "parts"),
    [
        (
            "She criticised the plan, which she described as “like a leaking boat.”",
            "described",
            ["which", "as “like a leaking boat.”"],
        ),
        pytest.param(
            "She praised Chris Christie, whom she describes as a tough prosecutor.",
            "describes",
            ["whom", "as a tough prosecutor"],
            marks=pytest.mark.xfail(
                reason="the rule judge drops this claim (the tagger confirms it, 0.72, but "
                "the judge's 'both' model scores it under 0.35); the rules find it "
                "(config rule_judge False)",
                strict=True,
            ),
        ),
    ],
)
def test_relative_pronoun_object_and_predicate(make_doc, text: str, cue: str, parts) -> None:
    [claim] = [c for c in make_doc(text)._.newsclaims_claims if text_of(text, c["cue"]) == cue]
    assert [text[s:e] for s, e in claim["content"]["spans"]] == parts


def test_an_issued_statements_participle_says_the_content_and_ends_the_cue_phrase() -> None:
    doc = parsed(
        "The senator issued a statement saying that taxes will rise.",
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("senator", 2, "nsubj", "NOUN", "NN", "senator"),
            ("issued", 2, "ROOT", "VERB", "VBD", "issue"),
            ("a", 4, "det", "DET", "DT", "a"),
            ("statement", 2, "dobj", "NOUN", "NN", "statement"),
            ("saying", 4, "acl", "VERB", "VBG", "say"),
            ("that", 9, "mark", "SCONJ", "IN", "that"),
            ("taxes", 9, "nsubj", "NOUN", "NNS", "tax"),
            ("will", 9, "aux", "AUX", "MD", "will"),
            ("rise", 5, "ccomp", "VERB", "VB", "rise"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
    )
    candidate = verb_candidate(doc[2], DocView(doc), load_lexicons())
    assert span_text(doc, candidate.cue) == "issued"
    assert span_text(doc, candidate.cue_phrase) == "issued a statement saying"
    assert contents(doc, candidate) == ["that taxes will rise"]
    assert candidate.source_head.text == "senator"


@pytest.mark.model
def test_relative_pronoun_predicate_is_the_rules_claim_without_the_judge(nlp) -> None:
    """The rules' grammar of "whom she describes as …", whatever the rule judge decides."""
    text = "She praised Chris Christie, whom she describes as a tough prosecutor."
    stage = nlp.get_pipe("newsclaims_claims")
    judge, stage.rule_judge = stage.rule_judge, None
    try:
        claims = nlp(text)._.newsclaims_claims
    finally:
        stage.rule_judge = judge
    [claim] = [c for c in claims if text_of(text, c["cue"]) == "describes"]
    assert [text[s:e] for s, e in claim["content"]["spans"]] == ["whom", "as a tough prosecutor"]
