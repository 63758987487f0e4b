"""`newsclaims bench` runs on three tiny texts and reports every figure (no timing asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

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
        app, ["bench", "--texts", str(folder), "--memory", "3,6", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["articles"] == 3
    for key in (
        "bare_model",
        "pipeline",
        "overhead_ratio",
        "stages",
        "processes",
        "memory",
        "first_record_seconds",
        "targets",
    ):
        assert key in figures
    assert {
        "newsclaims_entities",
        "newsclaims_quantities",
        "newsclaims_dates",
        "newsclaims_claims",
        "ner",
        "(records)",
    } <= set(figures["stages"])
    assert figures["processes"]["identical"] is True
    assert figures["memory"]["3"]["peak_rss_mb"] > 0
    assert "overhead ratio" in result.output
