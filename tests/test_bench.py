"""`newsclaims bench` runs on three tiny texts and reports every figure (no timing asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.bench_length import (
    format_length,
    long_text,
    time_length_growth,
    word_cuts,
    word_windows,
)
from pipeline.cli import app

pytestmark = [pytest.mark.model, pytest.mark.slow]

TEXTS = [
    "Officials in Seoul said on Monday that 1,200 workers had been evacuated.",
    "\u201cWe acted quickly,\u201d said Park Min-jun, a spokesman for the ministry.",
    "Prices rose by about 5% in March, according to the statistics office.",
]


def test_bench_reports_every_figure(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"t{i}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "--texts",
            str(folder),
            "--memory",
            "3,6",
            "--length-sizes",
            "20,60",
            "--json",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["articles"] == 3
    for key in (
        "bare_model",
        "pipeline",
        "rules_only",
        "overhead_ratio",
        "overhead_ratio_rules_only",
        "stages",
        "processes",
        "memory",
        "first_record_seconds",
        "length",
        "targets",
    ):
        assert key in figures
    assert {
        "newsclaims_entities",
        "newsclaims_quantities",
        "newsclaims_dates",
        "newsclaims_attribution_tagger",
        "newsclaims_claims",
        "ner",
        "(records)",
    } <= set(figures["stages"])
    assert figures["processes"]["identical"] is True
    assert figures["memory"]["3"]["peak_rss_mb"] > 0
    assert "overhead ratio" in result.output
    assert "rules-only overhead ratio" in result.output
    assert [row["size"] for row in figures["length"]["rows"]] == [20, 60]
    assert "length_growth<=1.5" in figures["targets"]
    assert "one document cut at each length" in result.output
    assert "the same words at each length" in result.output


def test_length_growth_times_our_stages_on_cuts_of_one_parsed_document(nlp, tmp_path: Path) -> None:
    for i, text in enumerate(TEXTS):
        (tmp_path / f"t{i}.txt").write_text(text, encoding="utf-8")
    text = long_text([tmp_path], 100)
    # The texts in turn, again from the first when they run out, joined with blank lines.
    assert text.startswith(TEXTS[0] + "\n\n" + TEXTS[1] + "\n\n" + TEXTS[2] + "\n\n" + TEXTS[0])
    assert len(text.split()) >= 100
    length = time_length_growth(nlp, text, (80, 10, 40), repeat=2, rounds=2)
    assert length["sizes"] == [10, 40, 80]
    ours = [
        "newsclaims_entities",
        "newsclaims_quantities",
        "newsclaims_dates",
        "newsclaims_attribution_tagger",
        "newsclaims_claims",
        "(records)",
    ]
    # The same words at each size: the whole document, in windows of that many words.
    rows = length["rows"]
    assert [row["size"] for row in rows] == [10, 40, 80]
    assert len({row["words"] for row in rows}) == 1
    assert rows[0]["words"] == len(text.split())
    assert rows[0]["windows"] > rows[1]["windows"] > rows[2]["windows"] >= 1
    # Prefixes: cut at the end of the sentence reaching each size.
    prefix_rows = length["prefix_rows"]
    assert [row["size"] for row in prefix_rows] == [10, 40, 80]
    assert prefix_rows[0]["words"] < prefix_rows[1]["words"] < prefix_rows[2]["words"]
    for row in rows + prefix_rows:
        assert row["words"] >= row["size"]
        assert list(row["ms_per_1k_words"]) == ours
        assert row["ours_ms_per_1k_words"] == pytest.approx(sum(row["ms_per_1k_words"].values()))
    assert set(length["growth_by_stage"]) == set(ours)
    assert length["growth"] == pytest.approx(
        rows[-1]["ours_ms_per_1k_words"] / rows[0]["ours_ms_per_1k_words"]
    )
    assert length["prefix_growth"] == pytest.approx(
        prefix_rows[-1]["ours_ms_per_1k_words"] / prefix_rows[0]["ours_ms_per_1k_words"]
    )
    assert nlp.max_length == 1_000_000  # put back after the long parse
    report = "\n".join(format_length(length))
    assert "growth from the shortest to the longest" in report
    assert "the same words at each length" in report


def test_word_cuts_end_at_the_sentence_that_reaches_each_size(nlp) -> None:
    doc = nlp.make_doc("One two three. Four five. Six seven eight nine.")
    for i, token in enumerate(doc):
        token.is_sent_start = i in (0, 4, 7)
    assert word_cuts(doc, [1, 3, 4, 6, 100]) == {1: 4, 3: 4, 4: 7, 6: 12, 100: 12}
    assert word_windows(doc, 3) == [(0, 4), (4, 12)]  # the last, short, window joins the one before
    assert word_windows(doc, 2) == [(0, 4), (4, 7), (7, 12)]
    assert word_windows(doc, 100) == [(0, 12)]
    with pytest.raises(ValueError, match="no readable articles"):
        long_text([], 10)
