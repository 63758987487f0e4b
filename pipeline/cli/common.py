"""What the commands share: the Typer app, exit codes, shared options, usage errors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..about import __version__

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


def fail(message: str, code: int = EXIT_USAGE) -> None:
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


def check_polnear(*folders: Path) -> None:
    for folder in folders:
        if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
            fail(f"{folder} is not a PolNeAR folder (no text/ and attributions/)")


def check_dates_domain(domain: str) -> None:
    from ..components.dates import DOMAINS

    if domain not in DOMAINS:
        fail(f"--dates-domain must be one of {', '.join(DOMAINS)}, not {domain!r}")
