"""What the scorers share: P/R/F1 by keyword, summed counts, the records to score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.article import Article
from pipeline.evaluate.common import add_counts, halves, predicted_records, prf


def test_prf_takes_its_counts_by_name() -> None:
    metrics = prf(gold=4, predicted=2, matched=1)
    assert metrics == {
        "gold": 4,
        "predicted": 2,
        "matched": 1,
        "precision": 0.5,
        "recall": 0.25,
        "f1": pytest.approx(1 / 3),
    }
    with pytest.raises(TypeError):
        prf(4, 2, 1)  # type: ignore[misc]  (no argument order to confuse)


def test_prf_of_nothing_is_zero() -> None:
    assert prf(gold=0, predicted=0, matched=0)["f1"] == 0.0
    assert prf(gold=3, predicted=0, matched=0)["precision"] == 0.0


def test_add_counts_sums_key_by_key() -> None:
    total = {"gold": 1}
    add_counts(total, {"gold": 2, "predicted": 3})
    add_counts(total, {"predicted": 1})
    assert total == {"gold": 3, "predicted": 4}


def test_predicted_records_are_read_by_id_from_a_predictions_file(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    records = [{"id": "a", "text": "A."}, {"id": "b", "text": "B."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    articles = [Article(id="a", text="A.")]
    assert predicted_records(articles, path) == {"a": records[0], "b": records[1]}


def test_halves_are_even_and_odd_positions_and_cover_everything() -> None:
    items = ["a", "b", "c", "d", "e"]
    parts = halves(items)
    assert parts == {"even": ["a", "c", "e"], "odd": ["b", "d"]}
    assert sorted(parts["even"] + parts["odd"]) == items
    assert halves([]) == {"even": [], "odd": []}
