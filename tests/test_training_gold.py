"""`newsclaims train --gold`: the cue model learns from our own gold beside PolNeAR train."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.about import SCHEMA
from pipeline.cli import app
from pipeline.components.claims.cue_model import CueModel

from .components.claims.test_cue_model import TRAIN_TEXT, _ann


def run(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args])


def polnear_folder(root: Path) -> Path:
    folder = root / "polnear" / "train"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    cues = [("said", "the bridge would reopen in May"), ("insisted", "that the budget was sound")]
    for name in ("a", "b"):
        (folder / "text" / f"{name}.txt").write_text(TRAIN_TEXT, encoding="utf-8")
        (folder / "attributions" / f"{name}_x.ann").write_text(
            _ann(TRAIN_TEXT, cues), encoding="utf-8"
        )
    return folder


def gold_file(path: Path, copies: int) -> Path:
    """Gold records in which a newsroom marked "painted" as a cue ("painted the railings" …)."""
    start = TRAIN_TEXT.index("painted")
    content_start = TRAIN_TEXT.index("the railings")
    records = [
        {
            "schema": SCHEMA, "id": f"desk-{n}", "text": TRAIN_TEXT, "meta": {"date": None},
            "entities": [], "quantities": [], "dates": [], "warnings": [],
            "claims": [{
                "id": "c1", "kind": "indirect", "stance": "assert", "source": None,
                "cue": {"text": "painted", "start": start, "end": start + len("painted")},
                "content": {"text": "the railings", "start": content_start,
                            "end": content_start + len("the railings")},
                "addressee": None,
            }],
        }
        for n in range(copies)
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.model
def test_extra_gold_moves_the_weights_and_is_recorded(tmp_path: Path) -> None:
    folder = polnear_folder(tmp_path)
    gold = gold_file(tmp_path / "desk.jsonl", copies=3)
    plain, extra = tmp_path / "plain.json", tmp_path / "extra.json"
    assert run("train", folder, "--output", plain).exit_code == 0
    result = run("train", folder, "--gold", gold, "--output", extra)
    assert result.exit_code == 0, result.output
    before = CueModel.from_json(plain.read_text(encoding="utf-8"))
    after = CueModel.from_json(extra.read_text(encoding="utf-8"))
    assert before.weights["lemma=paint"] < 0 < after.weights["lemma=paint"]
    assert before.meta["trained_on"] == [
        {"dataset": "PolNeAR train", "path": "polnear/train", "articles": 2, "examples": 10,
         "positives": 4},
    ]  # fmt: skip
    assert after.meta["trained_on"] == [
        before.meta["trained_on"][0],
        {"dataset": "newsclaims gold", "path": "desk.jsonl", "articles": 3, "claims": 3,
         "examples": 15, "positives": 3},
    ]  # fmt: skip
    assert after.meta["articles"] == 5 and after.meta["positives"] == 7
    # Deterministic: the same data gives the same file.
    again = tmp_path / "again.json"
    assert run("train", folder, "--gold", gold, "--output", again).exit_code == 0
    assert again.read_bytes() == extra.read_bytes()


def test_train_refuses_gold_that_is_not_ours(tmp_path: Path) -> None:
    folder = polnear_folder(tmp_path)
    other = tmp_path / "other.jsonl"
    other.write_text('{"text": "x", "attributions": []}\n', encoding="utf-8")
    result = run("train", folder, "--gold", other, "--output", tmp_path / "m.json")
    assert result.exit_code == 2 and "not a JSONL of our records" in result.output
    result = run("train", folder, "--gold", tmp_path / "none.jsonl", "--output", tmp_path / "m")
    assert result.exit_code == 2 and "no such gold file" in result.output
