"""``newsclaims extract`` and ``newsclaims bench``: running the pipeline and timing it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..about import DEFAULT_MODEL
from .common import (
    EXIT_INPUT_FAILED,
    BatchSize,
    DatesDomain,
    Model,
    check_dates_domain,
    fail,
)


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

    from ..io.readers import valid_date
    from ..io.writers import OutputLocked
    from ..progress import count_articles, make_progress
    from ..runner import extract as run_extract
    from ..runner import extract_parts

    if date is not None and valid_date(date) is None:
        fail(f"--date must be an ISO date (YYYY-MM-DD), not {date!r}")
    check_dates_domain(dates_domain)
    if force and resume:
        fail("--force and --resume exclude each other")
    if scheduler is not None and dask is not None:
        fail("--scheduler and --dask exclude each other")
    on_dask = scheduler is not None or dask is not None
    if on_dask and n_process != 1:
        fail("--n-process is for a single machine; with Dask, workers are set by the cluster")
    if parts and not on_dask:
        fail("--parts needs --scheduler or --dask")
    if parts and resume:
        fail("--parts and --resume exclude each other")
    if dask is not None:
        from ..backends.dask import parse_local

        try:
            parse_local(dask)
        except ValueError as error:
            fail(str(error))
    missing = [str(path) for path in inputs if not path.exists() and not path.is_symlink()]
    if missing:
        fail(f"no such input: {', '.join(missing)}")
    exists = output.is_file() and output.stat().st_size
    if not parts and exists and not (force or resume):
        fail(f"{output} exists; use --force to overwrite it or --resume to continue it")
    progress = make_progress(None if quiet else count_articles(inputs), quiet=quiet)
    try:
        if on_dask:
            from ..backends.dask import dask_client

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
        fail(str(error))
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
    from ..bench import format_report, run_bench, write_json

    missing = [str(path) for path in texts if not path.exists()]
    if missing:
        fail(f"no such input: {', '.join(missing)}")
    sizes = None
    if memory != "none":
        try:
            small, large = (int(part) for part in memory.split(","))
        except ValueError:
            fail(f"--memory takes SMALL,LARGE (e.g. 100,1000) or none, not {memory!r}")
        sizes = (small, large)
    lengths = None
    if length_sizes != "none":
        lengths = tuple(int(p) for p in length_sizes.split(",") if p.strip().isdigit())
        if len(lengths) != len(length_sizes.split(",")) or 0 in lengths:
            fail(f"--length-sizes takes word counts like 2000,8000 or none, not {length_sizes!r}")
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
        fail(str(error))
    typer.echo(format_report(result))
    write_json(result, json_out)
    typer.echo(f"figures written to {json_out}", err=True)
