"""`newsclaims export` and `newsclaims review` on a records file: outputs, refusals, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.io.tables import TABLES, read_frames

from ..records import hand_record


@pytest.fixture
def records_file(tmp_path: Path) -> Path:
    record = hand_record()
    second = hand_record()
    second["id"] = "second"
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in (record, second)), encoding="utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(app, [str(arg) for arg in args])


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_tables(records_file: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "tables"
    result = run("export", records_file, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    frames = read_frames(out)
    assert len(frames["articles"]) == 2 and len(frames["claims"]) == 6
    assert "6 claims" in result.output
    again = run("export", records_file, "--format", fmt, "-o", out)
    assert again.exit_code == 2 and "--force" in again.output
    assert run("export", records_file, "--format", fmt, "-o", out, "--force").exit_code == 0


def test_export_labelstudio(records_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "ls"
    result = run("export", records_file, "--format", "labelstudio", "-o", out)
    assert result.exit_code == 0, result.output
    tasks = json.loads((out / "tasks.json").read_text(encoding="utf-8"))
    assert [t["data"]["article_id"] for t in tasks] == [hand_record()["id"], "second"]
    assert (out / "labeling_config.xml").read_text(encoding="utf-8").startswith("<View>")


def test_review_writes_a_site_and_refuses_to_overwrite(records_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "review"
    result = run("review", records_file, "-o", out)
    assert result.exit_code == 0, result.output
    assert (out / "index.html").exists() and len(list((out / "articles").glob("*.html"))) == 2
    assert "2 articles, 6 claims" in result.output
    stale = out / "articles" / "stale.html"
    stale.write_text("old")
    assert run("review", records_file, "-o", out).exit_code == 2
    assert run("review", records_file, "-o", out, "--force").exit_code == 0
    assert not stale.exists()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["export", "{missing}", "-o", "{out}"], 2, "no such records file"),
        (["export", "{records}", "--format", "xlsx", "-o", "{out}"], 2, "unknown format"),
        (["export", "{records}", "-o", "{records}"], 2, "not a folder"),
        (["review", "{missing}", "-o", "{out}"], 2, "no such records file"),
        (["review", "{bad}", "-o", "{out}"], 1, "line 1 is not valid JSON"),
        (["export", "{bad}", "-o", "{out}"], 1, "line 1 is not valid JSON"),
    ],
)
def test_usage_and_input_errors(
    records_file: Path, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n" + records_file.read_text(encoding="utf-8"), encoding="utf-8")
    paths = {"missing": tmp_path / "nope.jsonl", "out": tmp_path / "out", "records": records_file,
             "bad": bad}  # fmt: skip
    result = run(*(arg.format(**paths) for arg in args))
    assert result.exit_code == code, result.output
    assert message in result.output


def test_a_cut_short_last_line_is_skipped(records_file: Path, tmp_path: Path) -> None:
    with open(records_file, "a", encoding="utf-8") as file:
        file.write('{"schema": "newsclaims.article/1", "id": "cut')
    result = run("export", records_file, "-o", tmp_path / "t")
    assert result.exit_code == 0, result.output
    assert len(read_frames(tmp_path / "t")["articles"]) == 2
