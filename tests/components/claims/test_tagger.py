"""The attribution tagger: its shipped weights, its spans, a saved pipeline that
carries it, and the claims it shapes (the real model, no benchmark data)."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.tokens import Doc

from pipeline.components.claims.merge import jaccard, merge_claims
from pipeline.components.claims.quotes import find_quotes
from pipeline.components.claims.tagger import (
    EXTENSION,
    TAGGER,
    WEIGHTS,
    AttributionTagger,
    decode,
    load_shipped,
)
from pipeline.nlp import load

pytestmark = pytest.mark.model

NEWS = (
    "The finance minister said on Tuesday that the government would cut fuel taxes "
    "before the winter, a move opposition leaders called reckless."
)
QUOTED = "\u201cWe will not raise taxes this year,\u201d the prime minister told reporters."


def spans_of(doc: Doc, role: str) -> list[str]:
    return [doc.text[s["start"] : s["end"]] for s in doc._.get(EXTENSION) if s["role"] == role]


def test_the_component_loads_the_shipped_weights(nlp) -> None:
    tagger = nlp.get_pipe(TAGGER)
    assert isinstance(tagger, AttributionTagger)
    assert (WEIGHTS / "model").is_file() and (WEIGHTS / "training.json").is_file()
    assert {"O", "B-CONTENT", "I-CONTENT", "B-SOURCE", "B-CUE"} <= set(tagger.labels)
    assert nlp.pipe_names.index(TAGGER) < nlp.pipe_names.index("newsclaims_claims")


def test_it_finds_the_content_of_a_news_sentence(make_doc) -> None:
    doc = make_doc(NEWS)
    contents = spans_of(doc, "content")
    assert any("the government would cut fuel taxes" in c for c in contents), contents
    assert "said" in " ".join(spans_of(doc, "cue"))
    assert any("finance minister" in s for s in spans_of(doc, "source"))
    for span in doc._.get(EXTENSION):
        assert 0 <= span["start"] < span["end"] <= len(doc.text)
        assert 0 <= span["probability"] <= 1


def test_claims_say_where_they_came_from(make_doc) -> None:
    for text in (NEWS, QUOTED):
        doc = make_doc(text)
        assert doc._.newsclaims_claims, text
        for claim in doc._.newsclaims_claims:
            assert claim["origin"] in ("rule", "both", "model")
            if claim["origin"] == "rule":
                assert claim["model_probability"] is None
            else:
                assert 0 <= claim["model_probability"] <= 1
            for role in ("source", "cue", "content", "cue_phrase"):
                span = claim.get(role)
                if span:
                    assert 0 <= span["start"] < span["end"] <= len(text)
    claim = make_doc(NEWS)._.newsclaims_claims[0]
    assert claim["origin"] == "both"
    assert NEWS[claim["content"]["start"] : claim["content"]["end"]].startswith("the government")


def test_rules_only_is_the_rules_path(make_doc) -> None:
    rules = load(rules_only=True)
    assert TAGGER not in rules.pipe_names
    for text in (NEWS, QUOTED):
        plain = rules(text)._.newsclaims_claims
        assert plain and all("origin" not in claim for claim in plain)
        merged = make_doc(text)._.newsclaims_claims
        # the tagger moves bounds; it does not drop the rules' claims
        assert len(merged) >= len(plain)
        for before, after in zip(plain, merged, strict=False):
            assert before["cue"] == after["cue"] and before["stance"] == after["stance"]


def test_a_saved_pipeline_carries_the_tagger(nlp, tmp_path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / TAGGER
    assert (saved / "model").read_bytes() == (WEIGHTS / "model").read_bytes()
    again = spacy.load(tmp_path / "pipeline")
    assert again.pipe_names == nlp.pipe_names
    assert again(NEWS)._.newsclaims_claims == nlp(NEWS)._.newsclaims_claims
    assert again(NEWS)._.get(EXTENSION) == nlp(NEWS)._.get(EXTENSION)


def test_an_untrained_tagger_can_be_built_and_loaded(nlp) -> None:
    blank = spacy.blank("en")
    tagger = blank.add_pipe(TAGGER, config={"shipped_weights": False})
    assert tagger.labels == ()
    assert load_shipped(tagger)
    assert tagger.labels == nlp.get_pipe(TAGGER).labels


def test_decode_opens_a_span_on_b_and_ends_it_on_o_or_whitespace() -> None:
    doc = spacy.blank("en")("Kim said it rains \n\n today")
    labels = ("B-CONTENT", "B-CUE", "B-SOURCE", "I-CONTENT", "I-CUE", "I-SOURCE", "O")
    best = ["B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT"]
    scores = numpy.zeros((len(doc), len(labels)), dtype="f")
    for i, label in enumerate(best):
        scores[i, labels.index(label)] = 0.8
        scores[i, labels.index("O")] = 0.2
    spans = decode(doc, scores, labels)
    assert [(s["role"], doc.text[s["start"] : s["end"]]) for s in spans] == [
        ("source", "Kim"),
        ("cue", "said"),
        ("content", "it rains"),
        ("content", "today"),
    ]
    assert all(s["probability"] == pytest.approx(0.8) for s in spans)


def test_merge_takes_the_tagger_bounds_but_keeps_a_whole_quotation() -> None:
    text = "\u201cTaxes will fall,\u201d Lee said, adding that prices would rise."
    quotes, _ = find_quotes(text)
    quoted = (1, text.index(",\u201d"))
    indirect = (text.index("that"), len(text) - 1)
    claims = [
        {"cue": {"start": 25, "end": 29}, "source": None, "content": {"start": s, "end": e}}
        for s, e in (quoted, indirect)
    ]
    model = [
        {"role": "content", "start": 1, "end": 12, "probability": 0.9},
        {"role": "content", "start": indirect[0] + 5, "end": indirect[1], "probability": 0.7},
    ]
    merged = merge_claims(text, claims, model, quotes)
    assert (merged[0]["content"]["start"], merged[0]["content"]["end"]) == quoted
    assert merged[1]["content"]["start"] == indirect[0] + 5
    assert [c["origin"] for c in merged] == ["both", "both"]
    assert [c["model_probability"] for c in merged] == [0.9, 0.7]
    assert jaccard((0, 10), (5, 15)) == pytest.approx(5 / 15)
