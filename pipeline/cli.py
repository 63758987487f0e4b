"""The ``newsclaims`` command.

Each command checks its paths and options and calls one plain function that
Python users can call too. Records go to files, progress and the summary to
stderr. Exit codes: 0 when every input was processed, 1 when some inputs could
not be (their records carry an ``error``), 2 for a usage error (bad option,
missing input, output exists without ``--force``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .about import DEFAULT_MODEL, __version__

app = typer.Typer(
    name="newsclaims",
    help="Who said what, when and how much: news articles in, JSONL records out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2


# Options and arguments that several commands share.
Model = Annotated[str, typer.Option(help="spaCy model package or path.")]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per nlp.pipe batch.")]
Records = Annotated[Path, typer.Argument(help="JSONL records written by `newsclaims extract`.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Only print errors.")]
DatesDomain = Annotated[
    str,
    typer.Option(
        "--dates-domain",
        help="The dates stage's reading: 'news' (any news) or 'earnings' (earnings reports: "
        "a whole text's quarters are reporting quarters, dividend-notice dates lie ahead).",
    ),
]


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    typer.echo(f"newsclaims: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """newsclaims: entities, quantities, dates and attributed claims from news articles."""


@app.command()
def extract(
    inputs: Annotated[
        list[Path], typer.Argument(help="Article files or folders (walked recursively).")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file to write.")],
    date: Annotated[
        str | None,
        typer.Option(help="Default publication date (YYYY-MM-DD) for articles without one."),
    ] = None,  # noqa: UP045,E501
    model: Model = DEFAULT_MODEL,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output.")] = False,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume", help="Keep records already in OUTPUT for the same articles; do the rest."
        ),
    ] = False,  # noqa: E501
    n_process: Annotated[
        int, typer.Option("--n-process", min=1, help="Worker processes for nlp.pipe.")
    ] = 1,
    batch_size: BatchSize = 16,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only print errors (no progress, no summary).")
    ] = False,  # noqa: E501
    scheduler: Annotated[
        str | None,
        typer.Option(help="Run on the Dask cluster at this scheduler address (tcp://HOST:8786)."),
    ] = None,  # noqa: UP045
    dask: Annotated[
        str | None,
        typer.Option(
            help="Run on a local Dask cluster: 'local' (one worker per core) or 'local:N'."
        ),
    ] = None,  # noqa: UP045
    partition_size: Annotated[
        int, typer.Option("--partition-size", min=1, help="Articles per Dask partition.")
    ] = 50,  # noqa: E501
    parts: Annotated[
        bool,
        typer.Option(
            "--parts",
            help="With Dask: OUTPUT is a folder of part-NNNNN.jsonl files, one per partition.",
        ),
    ] = False,  # noqa: E501
    dates_domain: DatesDomain = "news",
    rules_only: Annotated[
        bool,
        typer.Option(
            "--rules-only",
            help="Claims from the rules alone, without the attribution tagger (faster).",
        ),
    ] = False,  # noqa: E501
) -> None:
    """Extract entities, quantities, dates and claims from INPUTS into a JSONL file."""
    from contextlib import nullcontext

    from .io.readers import valid_date
    from .io.writers import OutputLocked
    from .progress import count_articles, make_progress
    from .runner import extract as run_extract
    from .runner import extract_parts

    if date is not None and valid_date(date) is None:
        _fail(f"--date must be an ISO date (YYYY-MM-DD), not {date!r}")
    _check_dates_domain(dates_domain)
    if force and resume:
        _fail("--force and --resume exclude each other")
    if scheduler is not None and dask is not None:
        _fail("--scheduler and --dask exclude each other")
    on_dask = scheduler is not None or dask is not None
    if on_dask and n_process != 1:
        _fail("--n-process is for a single machine; with Dask, workers are set by the cluster")
    if parts and not on_dask:
        _fail("--parts needs --scheduler or --dask")
    if parts and resume:
        _fail("--parts and --resume exclude each other")
    if dask is not None:
        from .backends.dask import parse_local

        try:
            parse_local(dask)
        except ValueError as error:
            _fail(str(error))
    missing = [str(path) for path in inputs if not path.exists() and not path.is_symlink()]
    if missing:
        _fail(f"no such input: {', '.join(missing)}")
    exists = output.is_file() and output.stat().st_size
    if not parts and exists and not (force or resume):
        _fail(f"{output} exists; use --force to overwrite it or --resume to continue it")
    progress = make_progress(None if quiet else count_articles(inputs), quiet=quiet)
    try:
        if on_dask:
            from .backends.dask import dask_client

            client_context = dask_client(scheduler=scheduler, local=dask)
        else:
            client_context = nullcontext()
        options = {
            "model": model,
            "default_date": date,
            "force": force,
            "batch_size": batch_size,
            "partition_size": partition_size,
            "on_record": lambda record, summary: progress.update(summary.articles),
            "dates_domain": dates_domain,
            "rules_only": rules_only,
        }
        with client_context as client:
            if parts:
                summary = extract_parts(inputs, output, client=client, **options)
            else:
                summary = run_extract(
                    inputs,
                    output,
                    client=client,
                    resume=resume,
                    n_process=n_process,
                    **options,
                )
    except (OutputLocked, OSError, ImportError) as error:
        progress.close()
        _fail(str(error))
    except KeyboardInterrupt:
        progress.close()
        typer.echo(
            f"newsclaims: interrupted; the records written so far in {output} are complete. "
            "Run again with --resume to finish.",
            err=True,
        )
        raise typer.Exit(130) from None
    progress.close()
    if not quiet or not summary.ok:
        typer.echo(summary.describe(), err=True)
    if not summary.ok:
        raise typer.Exit(EXIT_INPUT_FAILED)


def _check_polnear(*folders: Path) -> None:
    for folder in folders:
        if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
            _fail(f"{folder} is not a PolNeAR folder (no text/ and attributions/)")


def _check_dates_domain(domain: str) -> None:
    from .components.dates import DOMAINS

    if domain not in DOMAINS:
        _fail(f"--dates-domain must be one of {', '.join(DOMAINS)}, not {domain!r}")


@app.command()
def bench(
    texts: Annotated[
        list[Path],
        typer.Option("--texts", help="Article files or folders to measure on (repeatable)."),
    ],  # noqa: E501
    model: Model = DEFAULT_MODEL,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Articles to time (first N).")] = 60,
    batch_size: BatchSize = 16,
    repeat: Annotated[
        int, typer.Option(min=1, help="Timed runs of model and pipeline; the best counts.")
    ] = 1,
    processes: Annotated[bool, typer.Option(help="Time --n-process 2 against 1.")] = True,
    memory: Annotated[
        str, typer.Option(help="SMALL,LARGE article counts for the peak-memory runs, or 'none'.")
    ] = "100,1000",
    memory_chars: Annotated[
        int, typer.Option(min=1, help="Characters per article in the memory runs.")
    ] = 1000,
    length_sizes: Annotated[
        str, typer.Option(help="Words at which one document is cut to time our stages, or 'none'.")
    ] = "2000,8000,32000,128000",  # bench_length.LENGTH_SIZES (spaCy stays unimported)
    json_out: Annotated[
        Path, typer.Option("--json", help="Write the figures as JSON here.")
    ] = Path("outputs/bench.json"),  # noqa: E501
) -> None:
    """Time our pipeline against the bare spaCy model, stage by stage, with 1 and 2 processes."""
    from .bench import format_report, run_bench, write_json

    missing = [str(path) for path in texts if not path.exists()]
    if missing:
        _fail(f"no such input: {', '.join(missing)}")
    sizes = None
    if memory != "none":
        try:
            small, large = (int(part) for part in memory.split(","))
        except ValueError:
            _fail(f"--memory takes SMALL,LARGE (e.g. 100,1000) or none, not {memory!r}")
        sizes = (small, large)
    lengths = None
    if length_sizes != "none":
        lengths = tuple(int(p) for p in length_sizes.split(",") if p.strip().isdigit())
        if len(lengths) != len(length_sizes.split(",")) or 0 in lengths:
            _fail(f"--length-sizes takes word counts like 2000,8000 or none, not {length_sizes!r}")
    try:
        result = run_bench(
            texts,
            model=model,
            limit=limit,
            batch_size=batch_size,
            repeat=repeat,
            processes=processes,
            memory_sizes=sizes,
            memory_chars=memory_chars,
            length_sizes=lengths,
            log=lambda message: typer.echo(message, err=True),
        )
    except ValueError as error:
        _fail(str(error))
    typer.echo(format_report(result))
    write_json(result, json_out)
    typer.echo(f"figures written to {json_out}", err=True)


@app.command()
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
        _fail(f"unknown stage {stage!r}; choose one of {', '.join(stages)}")
    if not gold.exists():
        _fail(f"no such gold data: {gold}")
    _check_dates_domain(dates_domain)
    if predictions is not None and not predictions.exists():
        _fail(f"no such predictions file: {predictions}")
    module = importlib.import_module(f"pipeline.evaluate.{stage}")
    from .evaluate.gold import gold_format, is_gold_records, unknown_gold_message

    if gold_format(stage, gold) is None:
        _fail(unknown_gold_message(stage, gold))
    if predictions is not None and not is_gold_records(predictions):
        _fail(f"{predictions} is not a JSONL of our records (newsclaims extract writes one)")
    if errors is not None and stage != "dates":
        _fail("--errors is for the dates stage")
    nlp = None
    if predictions is None:
        from .nlp import load_cached

        nlp = load_cached(model, dates_domain)
    extra = {"errors": errors} if errors is not None else {}
    try:
        metrics = module.evaluate(gold, predictions, nlp=nlp, **extra)
    except ValueError as error:
        _fail(str(error))
    typer.echo(module.format_report(metrics))
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(metrics, indent=2, default=str) + "\n", encoding="utf-8")


@app.command()
def train(
    polnear: Annotated[Path, typer.Argument(help="PolNeAR train folder (text/, attributions/).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model JSON to write.")],
    gold: Annotated[
        list[Path] | None,
        typer.Option(
            "--gold",
            help="Extra gold: a JSONL of our records (newsclaims import-labelstudio); repeatable.",
        ),
    ] = None,  # noqa: UP045
    model: Model = DEFAULT_MODEL,
) -> None:
    """Train the claims stage's cue model (a logistic regression over the parse)."""
    from .evaluate.gold import is_gold_records
    from .nlp import load
    from .training import train_cue_model

    _check_polnear(polnear)
    for path in gold or []:
        if not path.is_file():
            _fail(f"no such gold file: {path}")
        if not is_gold_records(path):
            _fail(f"{path} is not a JSONL of our records (as newsclaims import-labelstudio writes)")
    nlp = load(model, stages=())
    cue_model = train_cue_model(
        polnear, nlp, extra_gold=gold or [], log=lambda m: typer.echo(m, err=True)
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(cue_model.to_json(), encoding="utf-8")
    typer.echo(f"{len(cue_model.weights)} weights written to {output}", err=True)


@app.command("train-tagger")
def train_tagger(
    polnear: Annotated[Path, typer.Argument(help="PolNeAR train folder (text/, attributions/).")],
    dev: Annotated[
        Path, typer.Option("--dev", help="PolNeAR dev folder: chooses the epoch, never trained on.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the tagger to.")],
    cache: Annotated[
        Path | None,
        typer.Option(help="Folder for the parsed articles (DocBin), reused when there."),
    ] = None,  # noqa: UP045
    epochs: Annotated[
        int | None, typer.Option(min=1, help="Epochs to train (default: the shipped tagger's).")
    ] = None,  # noqa: UP045
    model: Model = DEFAULT_MODEL,
) -> None:
    """Train the claims stage's attribution tagger (source, cue, content spans)."""
    from .nlp import load
    from .tagger_training import EPOCHS, parse_polnear, save_tagger
    from .tagger_training import train_tagger as fit

    _check_polnear(polnear, dev)
    nlp = load(model, stages=())
    say = lambda message: typer.echo(message, err=True)  # noqa: E731
    train_docs = parse_polnear(
        polnear, nlp, cache / "polnear-train.spacy" if cache else None, log=say
    )
    dev_docs = parse_polnear(dev, nlp, cache / "polnear-dev.spacy" if cache else None, log=say)
    # the best epoch so far is saved as training goes, so an interrupted run leaves it
    tagger, log = fit(
        nlp, train_docs, dev_docs, epochs=epochs or EPOCHS, checkpoint=output, log=say
    )
    save_tagger(tagger, log, output)
    typer.echo(f"tagger of epoch {log['chosen_epoch']} written to {output}", err=True)


@app.command("train-boundaries")
def train_boundaries(
    polnear: Annotated[Path, typer.Argument(help="PolNeAR train folder (text/, attributions/).")],
    dev: Annotated[
        Path, typer.Option("--dev", help="PolNeAR dev folder: picks the settings; not trained on.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model JSON to write.")],
    cache: Annotated[
        Path | None,
        typer.Option(help="Folder for the parsed articles (DocBin), reused when there."),
    ] = None,  # noqa: UP045
    model: Model = DEFAULT_MODEL,
) -> None:
    """Train the claims stage's boundary chooser (where a content begins and ends)."""
    from .boundary_training import claims_pipeline, staged_articles, train_boundary_model

    _check_polnear(polnear, dev)
    say = lambda message: typer.echo(message, err=True)  # noqa: E731
    nlp = claims_pipeline(model)
    dev_articles = staged_articles(
        dev, nlp, cache / "polnear-dev.spacy" if cache else None, log=say
    )
    train_articles = staged_articles(
        polnear, nlp, cache / "polnear-train.spacy" if cache else None, log=say
    )
    boundary_model = train_boundary_model(train_articles, dev_articles, log=say)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(boundary_model.to_json(), encoding="utf-8")
    chosen = boundary_model.meta["chosen"]
    say(f"boundary model ({chosen}) written to {output}")


EXPORT_FORMATS = ("csv", "parquet", "labelstudio", "duckdb")


def _read_records_or_fail(records: Path) -> list[dict]:
    return [record for _, record in _read_numbered_records_or_fail(records)]


def _read_numbered_records_or_fail(records: Path) -> list[tuple[int, dict]]:
    """``(line, record)`` of every record in ``records``; exit 1 naming the line when one is bad."""
    from .io.records import BadRecords, iter_numbered_records

    if not records.is_file():
        _fail(f"no such records file: {records}")
    try:
        return list(iter_numbered_records(records))
    except (BadRecords, OSError, UnicodeDecodeError) as error:
        _fail(str(error), EXIT_INPUT_FAILED)
    return []  # unreachable: _fail raises


@app.command()
def export(
    records: Records,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write into (duckdb: the file).")
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv, parquet, labelstudio, duckdb.")
    ] = "csv",
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    append: Annotated[
        bool,
        typer.Option(
            "--append", help="duckdb: add to an existing database (changed articles replaced)."
        ),
    ] = False,
    quiet: Quiet = False,
) -> None:
    """Write RECORDS as tables (CSV, Parquet, a DuckDB database) or as Label Studio tasks."""
    if fmt not in EXPORT_FORMATS:
        _fail(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if append and fmt != "duckdb":
        _fail("--append is for --format duckdb")
    if fmt == "duckdb":
        _export_database(records, output, force=force, append=append, quiet=quiet)
        return
    if output.exists() and not output.is_dir():
        _fail(f"{output} exists and is not a folder")
    if fmt == "labelstudio":
        names = ["tasks.json", "labeling_config.xml"]
    else:
        from .io.tables import TABLES

        names = [f"{table}.{fmt}" for table in TABLES]
    existing = [name for name in names if (output / name).exists()]
    if existing and not force:
        _fail(f"{output} already holds {', '.join(existing)}; use --force to overwrite")
    rows = _read_records_or_fail(records)
    if fmt == "labelstudio":
        from .io.labelstudio import records_to_tasks, write_tasks

        tasks = records_to_tasks(rows)
        written = write_tasks(tasks, output)
        done = f"{len(tasks)} Label Studio tasks"
    else:
        from .io.tables import records_to_frames, write_frames

        frames = records_to_frames(rows)
        written = write_frames(frames, output, fmt)
        done = ", ".join(f"{len(frame)} {table}" for table, frame in frames.items())
    if not quiet:
        typer.echo(f"{done} -> {', '.join(str(path) for path in written)}", err=True)


@app.command("import-labelstudio")
def import_labelstudio(
    export_file: Annotated[
        Path, typer.Argument(help="Label Studio JSON export of the tasks `export` wrote.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Gold JSONL to write.")],
    records: Annotated[
        Path | None,
        typer.Option(
            "--records",
            help="The records the tasks came from: quantity and date regions take their values.",
        ),
    ] = None,  # noqa: UP045
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only print errors.")] = False,
) -> None:
    """Read corrected Label Studio annotations back as gold records in our own format."""
    from .io.labelstudio_export import BadExport
    from .io.labelstudio_import import import_export, write_gold

    if not export_file.is_file():
        _fail(f"no such Label Studio export: {export_file}")
    if output.exists() and (output.is_dir() or not force):
        _fail(f"{output} exists; use --force to overwrite it")
    rows = _read_records_or_fail(records) if records is not None else None
    try:
        report = import_export(export_file, records=rows)
    except (BadExport, OSError) as error:
        _fail(str(error), EXIT_INPUT_FAILED)
    nothing = report.nothing_imported(export_file)
    if nothing:
        _fail(nothing, EXIT_INPUT_FAILED)
    write_gold(report.records, output)
    if not quiet:
        for note in report.notes:
            typer.echo(f"note: {note}", err=True)
        typer.echo(f"{report.describe()} -> {output}", err=True)


def _export_database(
    records: Path, output: Path, *, force: bool, append: bool, quiet: bool
) -> None:
    from .corpus.database import DatabaseError, NotOurRecords, replace_database, write_database

    if force and append:
        _fail("--force and --append exclude each other")
    if output.is_dir():
        _fail(f"{output} is a folder; --format duckdb writes one database file")
    if output.exists() and not (force or append):
        _fail(f"{output} exists; use --append to add these records or --force to replace it")
    numbered = _read_numbered_records_or_fail(records)
    rows, lines = [record for _, record in numbered], [line for line, _ in numbered]
    try:
        if force and output.exists():
            summary = replace_database(rows, output, source=str(records), lines=lines)
        else:
            summary = write_database(rows, output, append=append, source=str(records), lines=lines)
    except NotOurRecords as error:
        _fail(str(error), EXIT_INPUT_FAILED)
    except DatabaseError as error:
        _fail(str(error))
    if not quiet:
        typer.echo(summary.describe(), err=True)


@app.command()
def review(
    records: Records,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the review site.")],
    force: Annotated[bool, typer.Option("--force", help="Replace an existing review.")] = False,
    quiet: Quiet = False,
) -> None:
    """Write a static HTML review of RECORDS (index.html and one page per article), offline."""
    from .review import clear_review, write_review

    if output.exists() and not output.is_dir():
        _fail(f"{output} exists and is not a folder")
    if (output / "index.html").exists():
        if not force:
            _fail(f"{output} already holds a review; use --force to replace it")
        clear_review(output)
    rows = _read_records_or_fail(records)
    summary = write_review(rows, output, source=records.name)
    if not quiet:
        typer.echo(f"review: {summary.describe()}", err=True)


def run() -> None:  # pragma: no cover - console entry point alias
    app(prog_name="newsclaims")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
