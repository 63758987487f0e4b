"""The attribution tagger: its shipped weights, its spans, a saved pipeline that
carries it, and the claims it shapes (the real model, no benchmark data)."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.tokens import Doc

from pipeline.components.claims.merge import (
    ADD,
    ADD_QUOTED,
    WIDEN,
    Proposing,
    jaccard,
    merge_claims,
)
from pipeline.components.claims.quotes import find_quotes
from pipeline.components.claims.tagger import (
    EXTENSION,
    TAGGER,
    WEIGHTS,
    AttributionTagger,
    best_labels,
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
    content = NEWS[claim["content"]["start"] : claim["content"]["end"]]
    assert "the government would cut fuel taxes" in content


def test_rules_only_is_the_rules_path(make_doc) -> None:
    rules = load(rules_only=True)
    assert TAGGER not in rules.pipe_names
    for text in (NEWS, QUOTED):
        plain = rules(text)._.newsclaims_claims
        assert plain and all("origin" not in claim for claim in plain)
        merged = make_doc(text)._.newsclaims_claims
        # the tagger adds claims and says how sure it is; the rules' claims keep their cue,
        # source and stance, and the boundary chooser (``boundary_model``) their bounds or
        # moves them a little; the rule judge keeps these (``claim_probability``)
        moved = ("origin", "model_probability", "bounds_probability", "content", "kind")
        assert all("claim_probability" in c for c in merged if c["origin"] != "model")
        moved += ("claim_probability",)
        from_rules = [claim for claim in merged if claim["origin"] != "model"]
        assert [{k: v for k, v in c.items() if k not in moved} for c in from_rules] == [
            {k: v for k, v in c.items() if k not in moved} for c in plain
        ]
        for rule, claim in zip(plain, from_rules, strict=True):
            assert rule["content"]["start"] < claim["content"]["end"]
            assert claim["content"]["start"] < rule["content"]["end"]


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


LABELS = ("B-CONTENT", "B-CUE", "B-SOURCE", "I-CONTENT", "I-CUE", "I-SOURCE", "O")


def scored(rows: list[dict[str, float]]) -> numpy.ndarray:
    """Label probabilities of each token: the named ones, the rest spread evenly."""
    scores = numpy.zeros((len(rows), len(LABELS)), dtype="f")
    for i, row in enumerate(rows):
        rest = (1.0 - sum(row.values())) / (len(LABELS) - len(row))
        for j, label in enumerate(LABELS):
            scores[i, j] = row.get(label, rest)
    return scores


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # "rain" leans to O, but a content that goes on after it must take it in
        (
            [
                {"B-CONTENT": 0.9},
                {"I-CONTENT": 0.9},
                {"O": 0.45, "I-CONTENT": 0.4},
                {"I-CONTENT": 0.8},
            ],
            ["B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT"],
        ),
        # an I- after O is no label: the span opens on the token or it is O
        (
            [{"O": 0.9}, {"I-SOURCE": 0.5, "B-SOURCE": 0.3, "O": 0.15}, {"O": 0.9}],
            ["O", "B-SOURCE", "O"],
        ),
        # nor an I- of another role, nor one on the first token
        (
            [{"I-CUE": 0.6, "O": 0.3}, {"B-CUE": 0.9}, {"I-CONTENT": 0.5, "I-CUE": 0.4}],
            ["O", "B-CUE", "I-CUE"],
        ),
    ],
)
def test_best_labels_is_the_best_valid_labelling(rows, expected) -> None:
    doc = spacy.blank("en")(" ".join(["word"] * len(rows)))
    assert [LABELS[j] for j in best_labels(doc, scored(rows), LABELS)] == expected


def test_best_labels_passes_over_spaces_and_ends_at_line_breaks() -> None:
    doc = spacy.blank("en")("Kim  said \n\n it")  # a double space is a token of its own
    assert [t.text for t in doc] == ["Kim", " ", "said", "\n\n ", "it"]
    rows = [
        {"B-SOURCE": 0.9},
        {"O": 0.9},
        {"I-SOURCE": 0.9},
        {"I-SOURCE": 0.9},
        {"I-SOURCE": 0.5, "B-SOURCE": 0.3},
    ]
    labels = [LABELS[j] for j in best_labels(doc, scored(rows), LABELS)]
    assert labels[0] == "B-SOURCE" and labels[2] == "I-SOURCE"  # over the space
    assert labels[3:] == ["O", "B-SOURCE"]
    spans = decode(doc, scored(rows), LABELS, constrained=True)
    assert [doc.text[s["start"] : s["end"]] for s in spans] == ["Kim  said", "it"]


def test_the_tagger_decodes_valid_labellings_when_constrained(nlp) -> None:
    assert not nlp.get_pipe(TAGGER).constrained  # the default: each token's best label
    tagger = spacy.blank("en").add_pipe(TAGGER, config={"constrained": True})
    assert tagger.constrained
    doc = nlp(QUOTED)
    scores = tagger.model.ops.to_numpy(tagger.predict([doc])[0])
    path = [tagger.labels[j] for j in best_labels(doc, scores, tagger.labels)]
    for before, label in zip(["O", *path], path, strict=False):
        assert not label.startswith("I-") or before[2:] == label[2:]
    spans = tagger(doc)._.get(EXTENSION)
    assert spans == decode(doc, scores, tagger.labels, constrained=True)
    assert {"content", "source", "cue"} <= {s["role"] for s in spans}


def test_merge_marks_rule_claims_and_adds_confident_contents() -> None:
    text = "\u201cTaxes will fall,\u201d Lee said.\nThe mayor warned the bridge would close."
    quotes, _ = find_quotes(text)
    quoted = (1, text.index(",\u201d"))
    said = text.index("said")
    rule = {
        "cue": {"start": said, "end": said + 4},
        "source": None,
        "content": {"start": quoted[0], "end": quoted[1]},
    }

    def span(role: str, part: str, probability: float) -> dict:
        start = text.index(part)
        return {"role": role, "start": start, "end": start + len(part), "probability": probability}

    model = [
        span("content", "Taxes will", 0.9),  # matches the rule claim (Jaccard >= MATCH)
        span("source", "The mayor", 0.8),
        span("cue", "warned", 0.9),
        span("content", "the bridge would close", 0.95),
        span("content", "Lee", 0.99),  # too short to be a claim
    ]
    merged = merge_claims(text, [rule], model, quotes)
    assert [c["origin"] for c in merged] == ["both", "model"]
    assert merged[0]["model_probability"] == 0.9
    assert (merged[0]["content"]["start"], merged[0]["content"]["end"]) == quoted  # rule bounds
    added = merged[1]
    assert text[added["content"]["start"] : added["content"]["end"]] == "the bridge would close"
    assert text[added["cue"]["start"] : added["cue"]["end"]] == "warned"
    assert text[added["source"]["start"] : added["source"]["end"]] == "The mayor"
    assert added["kind"] == "indirect" and added["model_probability"] == 0.95

    unsure = [dict(s, probability=0.5) if s["role"] == "content" else s for s in model]
    assert [c["origin"] for c in merge_claims(text, [dict(rule)], unsure, quotes)] == ["both"]
    assert merge_claims(text, [dict(rule)], [], quotes)[0]["model_probability"] is None
    assert jaccard((0, 10), (5, 15)) == pytest.approx(5 / 15)


def test_merge_adds_a_quotation_on_less_evidence_than_other_contents() -> None:
    text = (
        "The mayor warned the bridge would close.\n"
        "Lee wrote back: \u201cWe are not closing anything this year.\u201d"
    )
    quotes, _ = find_quotes(text)

    def span(role: str, part: str, probability: float) -> dict:
        start = text.index(part)
        return {"role": role, "start": start, "end": start + len(part), "probability": probability}

    probability = (ADD_QUOTED + ADD) / 2  # enough for a quotation, not for other contents
    model = [
        span("cue", "warned", 0.9),
        span("content", "the bridge would close", probability),
        span("cue", "wrote back", 0.9),
        span("content", "\u201cWe are not closing anything this year.\u201d", probability),
    ]
    [added] = merge_claims(text, [], model, quotes)
    assert text[added["content"]["start"] : added["content"]["end"]].startswith("\u201cWe are")
    assert text[added["cue"]["start"] : added["cue"]["end"]] == "wrote back"
    assert added["kind"] == "direct"


WIDENED = "Kim says that the server was open, and he had \u201ctotal access to it.\u201d"


@pytest.mark.parametrize(
    ("tagger_content", "probability", "widened"),
    [
        ("that the server was open, and he had \u201ctotal access to it.\u201d", WIDEN, True),
        (
            "that the server was open, and he had \u201ctotal access to it.\u201d",
            WIDEN - 0.1,
            False,
        ),
        ("says that the server was open, and he had", 0.99, False),  # starts before the content
        ("that the server was open, and", 0.99, False),  # matches it: the rule's bounds stay
        ("he had \u201ctotal access to it.\u201d", 0.99, False),  # another content: proposed
    ],
)
def test_merge_widens_a_rule_content_to_the_tagger_span_it_begins(
    tagger_content: str, probability: float, widened: bool
) -> None:
    text = WIDENED
    quotes, _ = find_quotes(text)
    says = text.index("says")
    first = (text.index("that"), text.index(", and"))
    rule = {
        "kind": "indirect",
        "cue": {"start": says, "end": says + 4},
        "source": None,
        "content": {"start": first[0], "end": first[1]},
    }
    start = text.index(tagger_content)
    model = [
        {
            "role": "content",
            "start": start,
            "end": start + len(tagger_content),
            "probability": probability,
        }
    ]
    merged = merge_claims(text, [rule], model, quotes)
    content = merged[0]["content"]
    if widened:
        assert text[content["start"] : content["end"]] == tagger_content
        assert merged[0]["origin"] == "both" and merged[0]["model_probability"] == probability
    else:
        assert (content["start"], content["end"]) == first


def test_merge_never_widens_a_rule_content_over_its_cue() -> None:
    text = "The server was open, Kim says, and he had total access to it."
    says = text.index("says")
    rule = {
        "kind": "indirect",
        "cue": {"start": says, "end": says + 4},
        "source": None,
        "content": {"start": 0, "end": text.index(",")},
    }
    model = [{"role": "content", "start": 0, "end": len(text) - 1, "probability": 0.99}]
    [merged] = merge_claims(text, [rule], model, [])
    assert (merged["content"]["start"], merged["content"]["end"]) == (0, text.index(","))


def test_a_long_doc_is_read_in_pieces_of_whole_paragraphs(nlp, monkeypatch) -> None:
    from pipeline.components.claims import tagger as tagger_module

    text = "\n\n".join([NEWS, QUOTED] * 6)
    doc = nlp(text)
    whole = doc._.get(EXTENSION)
    monkeypatch.setattr(tagger_module, "PIECE_TOKENS", 60)
    pieces = tagger_module.pieces_of(doc)
    assert len(pieces) > 2 and pieces[0][0] == 0 and pieces[-1][1] == len(doc)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    assert all("\n" in doc[start - 1].text_with_ws for start, _ in pieces[1:])
    # the pieces built from one array of the doc have the parse each piece has alone
    shared = tagger_module.piece_docs(doc)
    alone = [doc[start:end].as_doc() for start, end in pieces]
    parse = lambda d: [(t.text, t.dep_, t.head.i, t.tag_, t.is_sent_start) for t in d]  # noqa: E731
    assert [parse(d) for d in shared] == [parse(d) for d in alone]
    again = nlp(text)._.get(EXTENSION)
    assert [s["role"] for s in again] == [s["role"] for s in whole]
    assert [(s["start"], s["end"]) for s in again] == [(s["start"], s["end"]) for s in whole]


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Related — White House: “We’ve Chosen” to Keep Oil “on the Market”", True),
        ("WATCH: Minister says “no deal” is coming", True),
        ("The minister said: “No deal is coming.”", False),
        ("Related coverage of the talks continues tomorrow.", False),  # no colon
    ],
)
def test_page_furniture_is_a_not_speaker_word_before_the_first_colon(line, furniture) -> None:
    from pipeline.components.claims.merge import _is_furniture

    assert _is_furniture(line, frozenset({"related", "watch"})) is furniture


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content", "source"),
    [
        # a participle describing a noun: the noun's phrase
        (
            "Police receive 911 calls saying shots have been fired.",
            "saying",
            "shots have been fired",
            "911 calls",
        ),
        ("The bridge would close, the notice warned.", "warned", "The bridge would", "the notice"),
    ],
)
def test_an_added_claim_without_a_tagger_source_takes_its_cue_subject(
    nlp, text: str, cue: str, content: str, source: str
) -> None:
    from pipeline.components.claims.docview import DocView

    doc = nlp(text)
    stage = nlp.get_pipe("newsclaims_claims")

    def span(role: str, part: str) -> dict:
        start = text.index(part)
        return {"role": role, "start": start, "end": start + len(part), "probability": 0.95}

    view = DocView(doc)
    merged = merge_claims(
        text,
        [],
        [span("cue", cue), span("content", content)],
        find_quotes(text)[0],
        Proposing(speaker_of_cue=lambda s, e: stage._cue_speaker(view, s, e)),
    )
    assert len(merged) == 1
    found = merged[0]["source"]
    assert found is not None and text[found["start"] : found["end"]] == source
