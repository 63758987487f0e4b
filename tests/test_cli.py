"""The `newsclaims extract` command on a temporary folder of real files, with the real model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from .contract import assert_valid_record

pytestmark = pytest.mark.model

STORY = (
    "WASHINGTON (Reuters) - The Treasury Department said on Monday it would sanction three "
    "shipping firms. \u201cWe will not tolerate evasion,\u201d spokeswoman Anna Reyes told "
    "reporters.\n"
)


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a_story.txt").write_text(STORY, encoding="utf-8")
    (folder / "a_story.meta.json").write_text('{"date": "2024-03-04", "publisher": "Wire"}')
    (folder / "sub" / "page.html").write_text(
        "<html><head><title>T</title><script>x()</script></head><body><p>"
        + STORY
        + "</p></body></html>"
    )
    (folder / "sub" / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": STORY, "date": "2024-03-05"}) + "\nnot json\n",
        encoding="utf-8",
    )
    (folder / "z_empty.md").write_text("")
    return folder


def test_extract_writes_one_valid_record_per_input_and_reports_failures(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "claims.jsonl"
    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out)])
    assert result.exit_code == 1, result.output  # one JSONL line was not JSON
    records = read_records(out)
    for record in records:
        assert_valid_record(record)
    assert [r["id"] for r in records] == ["a_story", "j1", "feed-2", "page", "z_empty"]
    by_id = {r["id"]: r for r in records}
    assert by_id["a_story"]["meta"]["date"] == "2024-03-04"
    assert by_id["a_story"]["meta"]["publisher"] == "Wire"
    assert by_id["feed-2"]["error"]["code"] == "E002"
    assert by_id["page"]["meta"]["title"] == "T" and "x()" not in by_id["page"]["text"]
    assert [w["code"] for w in by_id["z_empty"]["warnings"]] == ["W004"]
    assert "5 articles" in result.output and "1 failed" in result.output


def test_extract_refuses_to_overwrite_without_force(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    out.write_text("precious\n")
    result = CliRunner().invoke(app, ["extract", str(corpus / "a_story.txt"), "-o", str(out)])
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text() == "precious\n"
    result = CliRunner().invoke(
        app, ["extract", str(corpus / "a_story.txt"), "-o", str(out), "--force"]
    )
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in read_records(out)] == ["a_story"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "no/such/dir", "-o", "x.jsonl"], "no such input"),
        (["extract", ".", "-o", "x.jsonl", "--date", "13/06/2023"], "ISO date"),
        (["evaluate", "weather", "."], "unknown stage"),
        (["extract", ".", "-o", "x.jsonl", "--dates-domain", "sports"], "--dates-domain"),
        (["evaluate", "dates", ".", "--dates-domain", "sports"], "--dates-domain"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and message in result.output


def test_default_date_applies_to_articles_without_one(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    CliRunner().invoke(
        app, ["extract", str(corpus / "sub" / "page.html"), "-o", str(out), "--date", "2020-02-02"]
    )
    [record] = read_records(out)
    assert record["meta"]["date"] == "2020-02-02"


def test_console_script_runs_as_installed(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    script = Path(sys.executable).with_name("newsclaims")
    done = subprocess.run(
        [str(script), "extract", str(corpus / "a_story.txt"), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "1 articles" in done.stderr and done.stdout == ""
    assert_valid_record(read_records(out)[0])


def test_dates_domain_reaches_the_records(tmp_path: Path) -> None:
    story = tmp_path / "in" / "index.txt"
    story.parent.mkdir()
    story.write_text("The index closed at a record Tuesday.\n", encoding="utf-8")
    values = {}
    for domain in ("news", "earnings"):
        out = tmp_path / f"{domain}.jsonl"
        args = ["extract", str(story), "-o", str(out), "--date", "2023-06-15"]
        result = CliRunner().invoke(app, [*args, "--dates-domain", domain])
        assert result.exit_code == 0, result.output
        [record] = read_records(out)
        values[domain] = [d["value"] for d in record["dates"]]
    assert values == {"news": ["2023-06-13"], "earnings": ["2023-06-20"]}


def test_extract_rules_only_leaves_the_tagger_out(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(
        "The finance minister said on Tuesday that the government would cut fuel taxes.",
        encoding="utf-8",
    )
    origins = {}
    for flags in ([], ["--rules-only"]):
        out = tmp_path / f"claims{len(flags)}.jsonl"
        result = CliRunner().invoke(app, ["extract", str(article), "-o", str(out), *flags])
        assert result.exit_code == 0, result.output
        [record] = read_records(out)
        assert_valid_record(record)
        assert record["claims"]
        origins[bool(flags)] = [claim.get("origin") for claim in record["claims"]]
        claims_setting = "rules" if flags else "rules+tagger"
        assert record["pipeline"]["settings"]["claims"] == claims_setting
    assert origins[False] == ["both"]
    assert origins[True] == [None]
