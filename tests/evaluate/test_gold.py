"""Which gold a path is, told by content; our records as gold articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.about import SCHEMA
from pipeline.evaluate.gold import gold_articles, gold_format, is_gold_records


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


RECORD = {"schema": SCHEMA, "id": "a1", "text": "Kirby said.", "meta": {"date": "2023-06-13"}}


def test_our_records_are_gold_for_every_stage(tmp_path: Path) -> None:
    path = _write(tmp_path / "gold.jsonl", "\n" + json.dumps(RECORD) + "\n")
    assert is_gold_records(path)
    assert {gold_format(stage, path) for stage in ("claims", "quantities", "dates")} == {"records"}


@pytest.mark.parametrize(
    "stage,name,text,expected",
    [
        ("claims", "seed.jsonl", '{"text": "x", "attributions": []}\n', "seed"),
        ("claims", "notes.jsonl", '{"note": "not gold"}\n', None),
        ("quantities", "dev.json", '[{"text": "x", "quantities": []}]', "newsquant"),
        ("quantities", "other.json", '{"text": "x"}', None),
        ("dates", "doc.tml", "<TimeML/>", "timeml"),
        ("dates", "doc.txt", "text", None),
    ],
)
def test_benchmark_files_are_told_apart(
    tmp_path: Path, stage: str, name: str, text: str, expected: str | None
) -> None:
    assert gold_format(stage, _write(tmp_path / name, text)) == expected


def test_a_polnear_folder_is_claims_gold(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    assert gold_format("claims", tmp_path) == "polnear"
    assert gold_format("dates", tmp_path) == "timeml"  # any folder may hold .tml files


def test_gold_articles_keep_text_and_date() -> None:
    [article] = gold_articles([RECORD])
    assert (article.id, article.text, article.date) == ("a1", "Kirby said.", "2023-06-13")
