"""The boundary chooser: candidates, features, training, the shipped weights and
what the stage does with them (the real model, no benchmark data)."""

from __future__ import annotations

import json

import pytest

from pipeline.components.claims.boundaries import (
    NEXT_SENTENCES,
    WINDOW,
    BoundaryView,
    end_candidates,
    start_candidates,
)
from pipeline.components.claims.boundary_model import (
    BoundaryModel,
    claim_bounds,
    load_boundary_model,
    side_groups,
    train_ranker,
)
from pipeline.components.claims.docview import DocView
from pipeline.components.claims.lexicon import load_lexicons
from pipeline.nlp import load

NEWS = (
    "The finance minister said on Tuesday that the government would cut fuel taxes "
    "before the winter. Opposition leaders called the plan reckless."
)
QUOTED = "\u201cWe will not raise taxes this year,\u201d the prime minister told reporters."
TWO_PARAGRAPHS = (
    "The mayor said the bridge would reopen in May, weeks ahead of schedule.\n\n"
    "Engineers had warned of cracks in its supports."
)


def text_of(doc, claim: dict, role: str = "content") -> str:
    return doc.text[claim[role]["start"] : claim[role]["end"]]


def test_json_round_trip() -> None:
    model = BoundaryModel({"dist=0": 1.5}, {"sentence_end": 2.25}, {"trained_on": "test"})
    again = BoundaryModel.from_json(model.to_json())
    assert again == model
    assert json.loads(model.to_json())["end_weights"] == {"sentence_end": 2.25}


def test_the_ranker_learns_which_candidate_is_right_deterministically() -> None:
    # The right candidate ends a sentence; the distance from the current bound says nothing.
    groups = [([["dist=0"], ["dist=1", "sentence_end"], ["dist=2"]], 1)] * 20
    groups += [([["dist=0", "sentence_end"], ["dist=1"]], 0)] * 20
    groups += [([["dist=0"], ["dist=1"]], None)] * 50  # the right one is missing: left out
    weights = train_ranker(groups, epochs=100, min_count=1)
    assert weights == train_ranker(groups, epochs=100, min_count=1)
    assert weights["sentence_end"] > 1
    assert abs(weights.get("dist=0", 0.0) - weights.get("dist=1", 0.0)) < 0.5


def test_rare_features_are_left_out() -> None:
    groups = [([["dist=0", "common"], ["dist=1"]], 0)] * 4 + [([["dist=0", "rare"], ["x"]], 0)]
    assert "rare" not in train_ranker(groups, epochs=10, min_count=2)


def test_the_shipped_model_says_what_it_was_trained_on() -> None:
    model = load_boundary_model()
    assert model is not None
    assert model.meta["trained_on"]["dataset"] == "PolNeAR train"
    assert model.meta["trained_on"]["matched_claims"] > 1000
    assert len(model.start_weights) > 100 and len(model.end_weights) > 100
    # What a bound is judged on is readable: distance, sentence and paragraph edges.
    assert {"dist=0", "sentence_end", "paragraph_end"} <= set(model.end_weights)


@pytest.mark.model
def test_candidates_stay_near_the_bounds_and_in_the_paragraph(nlp) -> None:
    doc = nlp(TWO_PARAGRAPHS)
    claim = next(c for c in doc._.newsclaims_claims if "bridge" in text_of(doc, c))
    bv = BoundaryView(DocView(doc), load_lexicons())
    bounds = claim_bounds(bv, claim)
    starts, _, ends, _ = side_groups(bv, claim)
    paragraph_end = doc.text.index("\n")
    assert all(doc[i].idx < paragraph_end for i in starts + ends)
    assert len(starts) <= 2 * WINDOW + 1
    assert len(ends) <= 2 * WINDOW + 2 + NEXT_SENTENCES
    assert bounds.first in starts and bounds.last in ends
    # the last word of the sentence is always a candidate end, punctuation never is
    assert doc.text[doc[max(ends)].idx :].startswith("schedule")
    assert all(not doc[i].is_punct for i in starts + ends)
    assert start_candidates(bv, bounds, bounds.first) == [i for i in starts if i <= bounds.first]
    assert min(end_candidates(bv, bounds, bounds.last)) == bounds.last


@pytest.mark.model
def test_a_content_never_takes_in_its_own_cue_or_source(nlp) -> None:
    doc = nlp(QUOTED)
    claim = next(c for c in doc._.newsclaims_claims if text_of(doc, c, "cue") == "told")
    bv = BoundaryView(DocView(doc), load_lexicons())
    bounds = claim_bounds(bv, claim)
    _, _, ends, _ = side_groups(bv, claim)
    source_start = doc.text.index("the prime minister")
    assert all(doc[i].idx < source_start for i in ends)
    assert bounds.high <= bounds.cue.i


@pytest.mark.model
def test_features_say_where_the_cue_and_the_clause_are(nlp) -> None:
    doc = nlp(NEWS)
    claim = next(c for c in doc._.newsclaims_claims if text_of(doc, c, "cue") == "said")
    bv = BoundaryView(DocView(doc), load_lexicons())
    starts, start_rows, ends, end_rows = side_groups(bv, claim)
    that = next(k for k, i in enumerate(starts) if doc[i].lower_ == "that")
    assert "cue_before" in start_rows[that] and "w=that" in start_rows[that]
    assert any(f.startswith("cue_child=") for f in start_rows[that])
    winter = next(k for k, i in enumerate(ends) if doc[i].lower_ == "winter")
    assert "sentence_end" in end_rows[winter]


@pytest.mark.model
def test_claims_carry_how_sure_the_chooser_is(make_doc) -> None:
    for text in (NEWS, QUOTED, TWO_PARAGRAPHS):
        doc = make_doc(text)
        assert doc._.newsclaims_claims, text
        for claim in doc._.newsclaims_claims:
            probability = claim["bounds_probability"]
            assert probability is None or 0 < probability <= 1
            content = claim["content"]
            assert 0 <= content["start"] < content["end"] <= len(text)
            assert "\n" not in text[content["start"] : content["end"]]


@pytest.mark.model
def test_the_rules_only_pipeline_keeps_the_rules_bounds() -> None:
    rules_only = load(rules_only=True)
    doc = rules_only(NEWS)
    assert doc._.newsclaims_claims
    assert all("bounds_probability" not in claim for claim in doc._.newsclaims_claims)


@pytest.mark.model
def test_the_chooser_can_be_switched_off() -> None:
    nlp = load(stages=("newsclaims_entities", "newsclaims_attribution_tagger"))
    nlp.add_pipe("newsclaims_claims", config={"boundary_model": False})
    doc = nlp(NEWS)
    assert doc._.newsclaims_claims
    assert all("bounds_probability" not in claim for claim in doc._.newsclaims_claims)
