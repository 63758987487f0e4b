"""A run: accounting, resume after a kill, the output lock, determinism across process counts."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.nlp import load
from pipeline.runner import extract

from .test_process import PARAGRAPHS

pytestmark = pytest.mark.model


def write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        body = "\n".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(3))
        (folder / f"article_{i:04d}.txt").write_text(f"Story {i}.\n{body}\n", encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"text": "Fine line."}\n{oops\n', encoding="utf-8")
    return folder


def test_summary_counts_add_up(nlp, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 5)
    out = tmp_path / "out.jsonl"
    summary = extract([corpus], out, nlp=nlp)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert summary.articles == len(lines) == 7
    assert summary.processed + summary.errors + summary.resumed == summary.articles
    assert (summary.processed, summary.errors, summary.ok) == (6, 1, False)
    records = [json.loads(line) for line in lines]
    assert summary.claims == sum(len(r["claims"]) for r in records)
    assert summary.warnings == sum(len(r["warnings"]) for r in records)


def run_cli(*args: str, **kwargs) -> subprocess.Popen:
    script = Path(sys.executable).with_name("newsclaims")
    return subprocess.Popen(
        [str(script), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs
    )


@pytest.mark.slow
def test_a_killed_run_resumes_to_exactly_the_uninterrupted_output(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 400)
    reference = tmp_path / "reference.jsonl"
    done = run_cli("extract", str(corpus), "-o", str(reference), "--batch-size", "1")
    done.communicate(timeout=600)
    assert done.returncode == 1  # the broken JSONL line

    out = tmp_path / "out.jsonl"
    victim = run_cli("extract", str(corpus), "-o", str(out), "--batch-size", "1")
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and victim.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.005)
    victim.send_signal(signal.SIGKILL)
    victim.communicate()
    written = out.read_bytes().count(b"\n")
    assert 20 <= written < 401, "the run was not killed part-way"

    resumed = run_cli("extract", str(corpus), "-o", str(out), "--resume")
    _, stderr = resumed.communicate(timeout=600)
    assert resumed.returncode == 1, stderr
    assert f"{written} kept from a previous run" in stderr or f"{written - 1} kept" in stderr
    assert out.read_bytes() == reference.read_bytes()
    assert not Path(str(out) + ".lock").exists()


def test_resume_with_a_changed_article_redoes_it_and_all_after(nlp, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 4)
    out = tmp_path / "out.jsonl"
    extract([corpus], out, nlp=nlp)
    (corpus / "article_0002.txt").write_text("Story 2, rewritten. Kim said so.\n", encoding="utf-8")
    summary = extract([corpus], out, nlp=nlp, resume=True)
    assert summary.resumed == 2 and summary.articles == 6
    fresh = tmp_path / "fresh.jsonl"
    extract([corpus], fresh, nlp=nlp)
    assert out.read_bytes() == fresh.read_bytes()


def test_resume_keeps_no_record_made_with_other_settings(nlp, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 3)
    out = tmp_path / "out.jsonl"
    extract([corpus], out, nlp=nlp)
    first = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["pipeline"]["settings"]["dates_domain"] for r in first} == {"news"}
    earnings = load(dates_domain="earnings")
    summary = extract([corpus], out, nlp=earnings, resume=True)
    assert summary.resumed == 0 and summary.processed + summary.errors == summary.articles
    again = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in again] == [r["id"] for r in first]
    assert {r["pipeline"]["settings"]["dates_domain"] for r in again} == {"earnings"}


@pytest.mark.slow
def test_output_is_byte_identical_across_runs_and_process_counts(nlp, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 12)
    outputs = []
    for i, n_process in enumerate((1, 1, 2)):
        out = tmp_path / f"out{i}.jsonl"
        extract([corpus], out, nlp=nlp, n_process=n_process, batch_size=2)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_a_second_run_on_the_same_output_is_refused(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 300)
    out = tmp_path / "out.jsonl"
    first = run_cli("extract", str(corpus), "-o", str(out), "--batch-size", "1")
    try:
        deadline = time.monotonic() + 300
        while not Path(str(out) + ".lock").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        second = run_cli("extract", str(corpus), "-o", str(out), "--resume")
        _, stderr = second.communicate(timeout=300)
        assert second.returncode == 2 and "being written by another run" in stderr
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate()
