"""``newsclaims evaluate``: our output against a benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..about import DEFAULT_MODEL
from .common import (
    DatesDomain,
    Model,
    check_dates_domain,
    fail,
)


def evaluate(
    stage: Annotated[str, typer.Argument(help="claims, quantities or dates.")],
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold data: PolNeAR folder or seed JSONL, NewsQuant JSON, TimeML folder, "
            "or a JSONL of our records (newsclaims import-labelstudio)."
        ),
    ],
    predictions: Annotated[
        Path | None,
        typer.Argument(help="Our JSONL records; omitted: run the pipeline on the gold texts."),
    ] = None,  # noqa: UP045,E501
    model: Model = DEFAULT_MODEL,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the metrics as JSON here.")
    ] = None,  # noqa: UP045
    errors: Annotated[
        Path | None,
        typer.Option(
            "--errors",
            help="dates on TimeML gold: also write every mismatch (missed, spurious, "
            "wrong extent, value or type) to this TSV file.",
        ),
    ] = None,  # noqa: UP045
    dates_domain: DatesDomain = "news",
) -> None:
    """Score our output against a benchmark and print the table."""
    import importlib
    import json

    stages = ("claims", "quantities", "dates")
    if stage not in stages:
        fail(f"unknown stage {stage!r}; choose one of {', '.join(stages)}")
    if not gold.exists():
        fail(f"no such gold data: {gold}")
    check_dates_domain(dates_domain)
    if predictions is not None and not predictions.exists():
        fail(f"no such predictions file: {predictions}")
    module = importlib.import_module(f"pipeline.evaluate.{stage}")
    from ..evaluate.gold import gold_format, is_gold_records, unknown_gold_message

    if gold_format(stage, gold) is None:
        fail(unknown_gold_message(stage, gold))
    if predictions is not None and not is_gold_records(predictions):
        fail(f"{predictions} is not a JSONL of our records (newsclaims extract writes one)")
    if errors is not None and stage != "dates":
        fail("--errors is for the dates stage")
    nlp = None
    if predictions is None:
        from ..nlp import load_cached

        nlp = load_cached(model, dates_domain)
    extra = {"errors": errors} if errors is not None else {}
    try:
        metrics = module.evaluate(gold, predictions, nlp=nlp, **extra)
    except ValueError as error:
        fail(str(error))
    typer.echo(module.format_report(metrics))
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(metrics, indent=2, default=str) + "\n", encoding="utf-8")
