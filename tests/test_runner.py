"""The runner: long articles in pieces, accounting, resume after a kill, determinism, any text."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.article import Article
from pipeline.runner import extract, process_articles, process_text, split_text

from .contract import assert_valid_record

pytestmark = pytest.mark.model

PARAGRAPHS = [
    "Officials in Seoul said on Monday that 1,200 workers had been evacuated.",
    "\u201cWe acted quickly,\u201d said Park Min-jun, a spokesman for the ministry.",
    "The company denied the allegations in a statement on Tuesday.",
    "Prices rose by about 5% in March, according to the statistics office.",
]


@pytest.mark.parametrize(
    ("text", "limit"),
    [("", 10), ("short", 10), ("a\nb\nc\nd\ne\nf\ng\n", 4), ("word " * 40, 17), ("x" * 95, 10)],
)
def test_split_text_covers_the_text_in_bounded_pieces(text: str, limit: int) -> None:
    bounds = split_text(text, limit)
    assert "".join(text[start:end] for start, end in bounds) == text
    assert all(0 < end - start <= limit for start, end in bounds if text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))


def test_an_article_longer_than_the_limit_is_processed_whole_in_pieces(nlp) -> None:
    text = "\n".join(PARAGRAPHS * 5)
    whole = next(process_articles([Article(id="a", text=text, date="2023-06-13")], nlp=nlp))
    pieces = next(
        process_articles([Article(id="a", text=text, date="2023-06-13")], nlp=nlp, max_chars=300)
    )
    assert_valid_record(pieces)
    assert pieces["text"] == text
    assert "W005" in [w["code"] for w in pieces["warnings"]]
    # Items found in the last paragraphs, far past the first piece, are there with their offsets.
    assert max(e["end"] for e in pieces["entities"]) > len(text) - 200
    # The same mention gets the same cluster in every piece.
    seoul = {e["entity_id"] for e in pieces["entities"] if e["text"] == "Seoul"}
    assert len(seoul) == 1
    # Cutting at paragraph ends loses little: the same entity mentions as the whole run.
    assert [(e["start"], e["text"]) for e in pieces["entities"]] == [
        (e["start"], e["text"]) for e in whole["entities"]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "\U0001f600 Emoji first: Kim said \u201chi \U0001f44b there\u201d on Tuesday. "
        "\U0001f1f0\U0001f1f7",
        "Cafe\u0301 owners said prices rose 5%. Zoe\u0308 Smith agreed.",
        "\u05e9\u05dc\u05d5\u05dd Netanyahu said on Monday \u202bthat 3 people\u202c were hurt.",
        "\u201cUnbalanced quote, she said on Friday.",
        "Tabs\tand\r\nwindows\r\nline ends, 42 barrels.",
    ],
)
def test_offsets_stay_exact_on_unusual_text(nlp, text: str) -> None:
    record = process_text(text, date="2023-06-13", nlp=nlp)
    assert record["text"] == text
    assert_valid_record(record)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_unicode_text_gives_a_valid_record(nlp, text: str) -> None:
    record = process_text(text, date="2023-06-13", nlp=nlp)
    assert record["text"] == text
    assert_valid_record(record)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(
        st.sampled_from(
            PARAGRAPHS + ["\u201c", "\u201d", '"', "(", ")", "\n", " 12 ", "last year"]
        ),
        max_size=12,
    )
)
def test_newsy_fragments_in_any_order_give_a_valid_record(nlp, parts: list[str]) -> None:
    text = " ".join(parts)
    assert_valid_record(process_text(text, date="2023-06-13", nlp=nlp))


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


@pytest.mark.parametrize("text", ["", "   \n\t  \n"])
def test_empty_or_blank_text_gives_a_record_with_a_warning(nlp, text: str) -> None:
    record = process_text(text, date="2023-06-13", nlp=nlp)
    assert_valid_record(record)
    assert record["text"] == text and record["claims"] == []
    assert [w["code"] for w in record["warnings"]] == ["W004"]


def test_without_a_publication_date_the_record_says_so(nlp) -> None:
    record = process_text("Officials said on Tuesday that talks failed.", nlp=nlp)
    assert_valid_record(record)
    assert "W002" in [w["code"] for w in record["warnings"]]
