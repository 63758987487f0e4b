"""The attribution tagger's training labels and its training loop (no benchmark data)."""

from __future__ import annotations

import pytest
import spacy

from pipeline.nlp import load
from pipeline.tagger_training import LABELS_KEY, save_tagger, token_labels, train_tagger


def spans(text: str, part: str) -> list[tuple[int, int]]:
    start = text.index(part)
    return [(start, start + len(part))]


def test_labels_mark_source_cue_and_content() -> None:
    text = "Kim said that taxes would fall."
    doc = spacy.blank("en")(text)
    attribution = {
        "source": spans(text, "Kim"),
        "cue": spans(text, "said"),
        "content": spans(text, "that taxes would fall"),
    }
    assert token_labels(doc, [attribution]) == [
        "B-SOURCE",
        "B-CUE",
        "B-CONTENT",
        "I-CONTENT",
        "I-CONTENT",
        "I-CONTENT",
        "O",
    ]


def test_the_inner_attribution_wins_where_they_nest() -> None:
    text = "Kim said Lee claimed taxes fall."
    doc = spacy.blank("en")(text)
    outer = {
        "source": spans(text, "Kim"),
        "cue": spans(text, "said"),
        "content": spans(text, "Lee claimed taxes fall"),
    }
    inner = {
        "source": spans(text, "Lee"),
        "cue": spans(text, "claimed"),
        "content": spans(text, "taxes fall"),
    }
    assert token_labels(doc, [outer, inner]) == [
        "B-SOURCE",
        "B-CUE",
        "B-SOURCE",
        "B-CUE",
        "B-CONTENT",
        "I-CONTENT",
        "O",
    ]


def test_a_no_break_space_does_not_end_a_span_but_a_line_break_does() -> None:
    text = "Hillary\u00a0Clinton was ill\n\nshe said"
    doc = spacy.blank("en")(text)
    assert "\u00a0" in [t.text for t in doc]
    content = {"source": [], "cue": [], "content": [(0, len(text))]}
    labels = dict(zip([t.text for t in doc], token_labels(doc, [content]), strict=True))
    assert labels["\u00a0"] == "O"
    assert labels["Clinton"] == "I-CONTENT"
    assert labels["she"] == "B-CONTENT"


@pytest.mark.model
@pytest.mark.slow
def test_a_tiny_training_run_learns_and_saves(tmp_path) -> None:
    nlp = load(stages=())
    texts = [
        "Kim said that taxes would fall.",
        "The minister said the plan was working.",
        "Officials said prices rose in March.",
    ]
    docs = []
    for text in texts:
        doc = nlp(text)
        said = text.index("said")
        attribution = {
            "source": [(0, said - 1)],
            "cue": [(said, said + 4)],
            "content": [(said + 5, len(text) - 1)],
        }
        doc.user_data[LABELS_KEY] = token_labels(doc, [attribution])
        docs.append(doc)
    tagger, log = train_tagger(nlp, docs, docs, epochs=2, log=lambda message: None)
    assert len(log["epochs"]) == 2 and log["chosen_epoch"] in (1, 2)
    assert "B-CONTENT" in tagger.labels
    save_tagger(tagger, log, tmp_path / "tagger")
    assert {p.name for p in (tmp_path / "tagger").iterdir()} == {"cfg", "model", "training.json"}
    # A folder whose parents do not exist yet (make train's fold taggers on a fresh clone).
    save_tagger(tagger, log, tmp_path / "cache" / "accept-folds" / "tagger-0")
    assert (tmp_path / "cache" / "accept-folds" / "tagger-0" / "model").is_file()
