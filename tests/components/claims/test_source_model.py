"""The source chooser: the candidates ``merge`` offers a tagger-added claim, the
subject of the verb a content hangs on, the candidates' features, the shipped
weights and the training steps (the real model, no benchmark data)."""

from __future__ import annotations

import pytest

from pipeline.about import DEFAULT_MODEL
from pipeline.boundary_training import claims_pipeline
from pipeline.components.claims import STAGE
from pipeline.components.claims.docview import DocView
from pipeline.components.claims.lexicon import load_lexicons
from pipeline.components.claims.merge import Proposing, merge_claims, source_candidates
from pipeline.components.claims.quotes import find_quotes
from pipeline.components.claims.source_model import (
    SourceModel,
    candidate_features,
    load_source_model,
)
from pipeline.components.claims.speakers import content_subject_phrase
from pipeline.intervals import SpanIndex
from pipeline.source_training import groups

TEXT = "Lee met Kim in May. The mayor warned the bridge would close, Kim said."


def tagger_span(text: str, role: str, part: str, probability: float = 0.9) -> dict:
    start = text.index(part)
    return {"role": role, "start": start, "end": start + len(part), "probability": probability}


def bounds(text: str, part: str) -> dict:
    start = text.index(part)
    return {"start": start, "end": start + len(part)}


def named(text: str, candidates: list[dict]) -> list[tuple[str, str | None]]:
    return [
        (c["from"], text[c["source"]["start"] : c["source"]["end"]] if c["source"] else None)
        for c in candidates
    ]


def test_the_candidates_are_the_tagger_sources_nearest_first_the_subjects_and_none() -> None:
    sources = [tagger_span(TEXT, "source", part) for part in ("Lee", "The mayor")]
    kim = TEXT.rindex("Kim")
    sources.append({"role": "source", "start": kim, "end": kim + 3, "probability": 0.5})
    content = bounds(TEXT, "the bridge would close")
    found = source_candidates(
        SpanIndex(sources, lambda s: (s["start"], s["end"])),
        (0, len(TEXT)),
        (content["start"], content["end"]),
        tagger_span(TEXT, "cue", "warned"),
        None,
        lambda start, end: bounds(TEXT, "The mayor"),
        lambda start, end: {"start": kim, "end": kim + 3},
    )
    assert named(TEXT, found) == [
        ("tagger", "The mayor"),
        ("tagger", "Lee"),  # its start is 30 characters before the cue's, Kim's 32 after
        ("tagger", "Kim"),
        ("subject", "The mayor"),
        ("verb", "Kim"),
        ("none", None),
    ]


def test_a_subject_inside_the_content_is_no_candidate() -> None:
    content = bounds(TEXT, "The mayor warned the bridge would close")
    found = source_candidates(
        SpanIndex([], lambda s: (s["start"], s["end"])),
        (0, len(TEXT)),
        (content["start"], content["end"]),
        tagger_span(TEXT, "cue", "said"),
        None,
        lambda start, end: bounds(TEXT, "The mayor"),
        None,
    )
    assert named(TEXT, found) == [("none", None)]


def test_merge_gives_an_added_claim_the_source_the_chooser_picks() -> None:
    quotes, _ = find_quotes(TEXT)
    spans = [
        tagger_span(TEXT, "source", "Lee"),
        tagger_span(TEXT, "cue", "warned"),
        tagger_span(TEXT, "content", "the bridge would close"),
    ]
    subject = lambda start, end: bounds(TEXT, "The mayor")  # noqa: E731
    [nearest] = merge_claims(TEXT, [], spans, quotes, Proposing(speaker_of_cue=subject))
    assert TEXT[nearest["source"]["start"] : nearest["source"]["end"]] == "Lee"
    offered = []

    def choose(proposal: dict, candidates: list[dict]) -> int:
        offered.append(named(TEXT, candidates))
        return [c["from"] for c in candidates].index("subject")

    [chosen] = merge_claims(
        TEXT, [], spans, quotes, Proposing(speaker_of_cue=subject, choose_source=choose)
    )
    assert TEXT[chosen["source"]["start"] : chosen["source"]["end"]] == "The mayor"
    assert offered == [[("tagger", "Lee"), ("subject", "The mayor"), ("none", None)]]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "But it is steering clear of criticizing Trump for his taxes.",
            "Trump for his taxes",
            "it",
        ),
        (
            "He liked the book, which explored the changes that wiped out old societies.",
            "the changes that wiped out old societies",
            "which",
        ),
        (
            "Mrs. Clinton has been frank in her acknowledgment that she needs to raise revenue.",
            "she needs to raise revenue",
            "Mrs. Clinton",
        ),
        (
            "The article closes with a very clear implication about the woman's head.",
            "the woman's head",
            "The article",
        ),
        # the content holds its own verb's subject: nothing above it speaks
        ("Taxes would rise next year.", "Taxes would rise next year", None),
    ],
)
def test_the_content_speaker_is_the_subject_of_the_verb_it_hangs_on(
    nlp, text: str, content: str, speaker: str | None
) -> None:
    doc = nlp(text)
    start = text.index(content)
    span = doc.char_span(start, start + len(content), alignment_mode="expand")
    found = content_subject_phrase(span, load_lexicons())
    assert (found[1].text if found else None) == speaker


@pytest.mark.model
def test_the_features_of_a_candidate_read_where_it_stands(nlp) -> None:
    doc = nlp(TEXT)
    claim = {"content": bounds(TEXT, "the bridge would close"), "cue": bounds(TEXT, "warned")}
    candidates = [
        {"from": "tagger", "source": bounds(TEXT, "Lee"), "span": tagger_span(TEXT, "s", "Lee")},
        {"from": "subject", "source": bounds(TEXT, "The mayor"), "span": None},
        {"from": "none", "source": None, "span": None},
    ]
    rule_sources = SpanIndex([(TEXT.index("Lee"), TEXT.index("Lee") + 3)], lambda s: s)
    view = DocView(doc)
    features = [
        set(candidate_features(view, {"claim": claim}, candidates, i, rule_sources))
        for i in range(3)
    ]
    lee, mayor, none = features
    assert {"from=tagger", "rank=0", "order=SCT", "from=tagger|rule_source"} <= lee
    assert "same_sentence_cue=False|content=False" in lee  # Lee is in the sentence before
    assert {"from=subject", "subject_of_cue", "same_sentence_cue=True|content=True"} <= mayor
    assert "from=subject|rule_source" not in mayor
    assert none == {"from=none", "from=none|tagger_spans=1", "from=none|subject=True|verb=False"}


def test_the_model_chooses_the_candidate_it_scores_highest_and_survives_json() -> None:
    model = SourceModel({"from=tagger": 1.0, "from=subject": 2.0}, meta={"note": "x"})
    assert model.choose([["from=tagger"], ["from=subject"], ["from=none"]]) == 1
    assert model.choose([["from=none"], ["from=other"]]) == 0  # equals: the first
    assert SourceModel.from_json(model.to_json()) == model


def test_the_shipped_model_has_readable_weights_and_its_figures() -> None:
    model = load_source_model()
    assert model is not None
    # a tagger span that is also the subject of the verb the content hangs on is the source
    assert model.weights["from=tagger|agrees=verb"] > 0
    assert model.meta["train_cv"]["even"]["right"] > model.meta["train_cv_before"]["even"]["right"]


@pytest.mark.model
def test_recording_keeps_the_first_candidate_and_labels_them_by_the_gold_source() -> None:
    nlp = claims_pipeline(DEFAULT_MODEL, boundary_model=True)
    stage = nlp.get_pipe(STAGE)
    stage.proposals, stage.source_choices = [], []
    text = "In the interview, Smith made clear the company has no plans to sell the unit."
    doc = nlp(text)
    choices, stage.proposals, stage.source_choices = stage.source_choices, None, None
    claims = list(doc._.get(STAGE))
    assert choices  # the rules miss "made clear"; the tagger does not
    claim, candidates, features = choices[0]
    assert claim["source"] == candidates[0]["source"]
    assert candidates[-1]["from"] == "none" and len(features) == len(candidates)
    content = claim["content"]
    smith = bounds(text, "Smith")
    gold = [
        {
            "content": [(content["start"], content["end"])],
            "source": [(smith["start"], smith["end"])],
        }
    ]
    [group] = groups((text, gold, claims, choices))
    right = [named(text, candidates)[i] for i, (_, label, _) in enumerate(group) if label]
    assert right and all(name == "Smith" for _, name in right)
    assert groups((text, [], claims, choices)) == []  # no gold content: no example
