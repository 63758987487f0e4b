"""``newsclaims export``, ``import-labelstudio``, ``review``: records to other tools and back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import (
    EXIT_INPUT_FAILED,
    Quiet,
    Records,
    fail,
)

EXPORT_FORMATS = ("csv", "parquet", "labelstudio", "duckdb")


def _read_records_or_fail(records: Path) -> list[dict]:
    return [record for _, record in _read_numbered_records_or_fail(records)]


def _read_numbered_records_or_fail(records: Path) -> list[tuple[int, dict]]:
    """``(line, record)`` of every record in ``records``; exit 1 naming the line when one is bad."""
    from ..io.records import BadRecords, iter_numbered_records

    if not records.is_file():
        fail(f"no such records file: {records}")
    try:
        return list(iter_numbered_records(records))
    except (BadRecords, OSError, UnicodeDecodeError) as error:
        fail(str(error), EXIT_INPUT_FAILED)
    return []  # unreachable: fail raises


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
        fail(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if append and fmt != "duckdb":
        fail("--append is for --format duckdb")
    if fmt == "duckdb":
        _export_database(records, output, force=force, append=append, quiet=quiet)
        return
    if output.exists() and not output.is_dir():
        fail(f"{output} exists and is not a folder")
    if fmt == "labelstudio":
        names = ["tasks.json", "labeling_config.xml"]
    else:
        from ..io.tables import TABLES

        names = [f"{table}.{fmt}" for table in TABLES]
    existing = [name for name in names if (output / name).exists()]
    if existing and not force:
        fail(f"{output} already holds {', '.join(existing)}; use --force to overwrite")
    rows = _read_records_or_fail(records)
    if fmt == "labelstudio":
        from ..io.labelstudio import records_to_tasks, write_tasks

        tasks = records_to_tasks(rows)
        written = write_tasks(tasks, output)
        done = f"{len(tasks)} Label Studio tasks"
    else:
        from ..io.tables import records_to_frames, write_frames

        frames = records_to_frames(rows)
        written = write_frames(frames, output, fmt)
        done = ", ".join(f"{len(frame)} {table}" for table, frame in frames.items())
    if not quiet:
        typer.echo(f"{done} -> {', '.join(str(path) for path in written)}", err=True)


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
    from ..io.labelstudio_export import BadExport
    from ..io.labelstudio_import import import_export, write_gold

    if not export_file.is_file():
        fail(f"no such Label Studio export: {export_file}")
    if output.exists() and (output.is_dir() or not force):
        fail(f"{output} exists; use --force to overwrite it")
    rows = _read_records_or_fail(records) if records is not None else None
    try:
        report = import_export(export_file, records=rows)
    except (BadExport, OSError) as error:
        fail(str(error), EXIT_INPUT_FAILED)
    nothing = report.nothing_imported(export_file)
    if nothing:
        fail(nothing, EXIT_INPUT_FAILED)
    write_gold(report.records, output)
    if not quiet:
        for note in report.notes:
            typer.echo(f"note: {note}", err=True)
        typer.echo(f"{report.describe()} -> {output}", err=True)


def _export_database(
    records: Path, output: Path, *, force: bool, append: bool, quiet: bool
) -> None:
    from ..corpus.database import DatabaseError, NotOurRecords, replace_database, write_database

    if force and append:
        fail("--force and --append exclude each other")
    if output.is_dir():
        fail(f"{output} is a folder; --format duckdb writes one database file")
    if output.exists() and not (force or append):
        fail(f"{output} exists; use --append to add these records or --force to replace it")
    numbered = _read_numbered_records_or_fail(records)
    rows, lines = [record for _, record in numbered], [line for line, _ in numbered]
    try:
        if force and output.exists():
            summary = replace_database(rows, output, source=str(records), lines=lines)
        else:
            summary = write_database(rows, output, append=append, source=str(records), lines=lines)
    except NotOurRecords as error:
        fail(str(error), EXIT_INPUT_FAILED)
    except DatabaseError as error:
        fail(str(error))
    if not quiet:
        typer.echo(summary.describe(), err=True)


def review(
    records: Records,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the review site.")],
    force: Annotated[bool, typer.Option("--force", help="Replace an existing review.")] = False,
    quiet: Quiet = False,
) -> None:
    """Write a static HTML review of RECORDS (index.html and one page per article), offline."""
    from ..review import clear_review, write_review

    if output.exists() and not output.is_dir():
        fail(f"{output} exists and is not a folder")
    if (output / "index.html").exists():
        if not force:
            fail(f"{output} already holds a review; use --force to replace it")
        clear_review(output)
    rows = _read_records_or_fail(records)
    summary = write_review(rows, output, source=records.name)
    if not quiet:
        typer.echo(f"review: {summary.describe()}", err=True)
