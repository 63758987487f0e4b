"""The run summary of `extract`: counts that add up on resume, throughput, time to first record."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.runner import extract

from .test_runner import write_corpus

pytestmark = pytest.mark.model


def test_resumed_records_are_counted_once(nlp, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 4)  # 4 stories, then a JSONL with a good and a bad line
    out = tmp_path / "out.jsonl"
    extract([corpus], out, nlp=nlp)
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]))
    summary = extract([corpus], out, nlp=nlp, resume=True)
    assert (summary.articles, summary.resumed, summary.processed, summary.errors) == (6, 2, 3, 1)
    assert summary.articles == summary.processed + summary.errors + summary.resumed
    assert out.read_bytes() == b"".join(lines)
    described = summary.describe()
    assert "3 processed, 1 failed, 2 kept from a previous run" in described
    assert "words/s" in described and "first record after" in described
