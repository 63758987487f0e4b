"""A run: every article under some inputs, through a back-end, into a JSONL file.

``extract`` checks the inputs and the output, takes the output's lock, keeps
what ``--resume`` can keep, and writes each record the back-end gives back
(``pipeline.backends``: this machine or a Dask cluster), counting them in a
``RunSummary``. ``extract_parts`` writes one file per Dask partition instead.
The records themselves come from ``pipeline.process``.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from .about import __version__
from .backends import Backend, DaskBackend, LocalBackend
from .backends.dask import DEFAULT_PARTITION_SIZE
from .io.readers import read_articles
from .io.writers import JsonlWriter, output_lock, recover, truncate
from .nlp import DEFAULT_DATES_DOMAIN, DEFAULT_MODEL, load_cached, model_name, pipeline_settings
from .process import DEFAULT_BATCH_SIZE

__all__ = ["RunSummary", "extract", "extract_parts"]

#: Part files of ``extract_parts``, numbered by partition.
PART_NAME = "part-{:05d}.jsonl"
OnRecord = Callable[[dict[str, Any], "RunSummary"], None]


@dataclass
class RunSummary:
    """What a run did; the counts add up: ``articles == processed + errors + resumed``."""

    output: str
    articles: int = 0
    processed: int = 0
    errors: int = 0
    resumed: int = 0
    entities: int = 0
    quantities: int = 0
    dates: int = 0
    claims: int = 0
    warnings: int = 0
    words: int = 0
    seconds: float = 0.0
    first_record_seconds: float | None = None
    failed: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter, repr=False)

    @property
    def ok(self) -> bool:
        return self.errors == 0

    def add(self, record: dict[str, Any], *, kept: bool = False) -> None:
        """Count ``record``; ``kept``: it was already in the output (``--resume``)."""
        self.articles += 1
        if record.get("error"):
            self.errors += 1
            self.failed.append(record["error"]["message"])
        elif kept:
            self.resumed += 1
        else:
            self.processed += 1
        for key in ("entities", "quantities", "dates", "claims", "warnings"):
            setattr(self, key, getattr(self, key) + len(record[key]))
        self.words += len(record["text"].split())

    def written(
        self,
        record: dict[str, Any],
        on_record: OnRecord | None = None,
    ) -> None:
        """Count a record just written, note the time to the first, tell ``on_record``."""
        self.add(record)
        if self.first_record_seconds is None:
            self.first_record_seconds = time.perf_counter() - self.started
        if on_record is not None:
            on_record(record, self)

    def finish(self) -> RunSummary:
        self.seconds = time.perf_counter() - self.started
        return self

    def describe(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        lines = [
            f"{self.articles} articles -> {self.output}: {self.processed} processed, "
            f"{self.errors} failed, {self.resumed} kept from a previous run",
            f"{self.entities} entities, {self.quantities} quantities, {self.dates} dates, "
            f"{self.claims} claims, {self.warnings} warnings",
            f"{self.seconds:.1f} s ({rate:.1f} articles/s, "
            f"{self.words / self.seconds if self.seconds else 0:.0f} words/s)"
            + (
                f", first record after {self.first_record_seconds:.1f} s"
                if self.first_record_seconds is not None
                else ""
            ),
        ]
        lines += [f"failed: {message}" for message in self.failed[:20]]
        if len(self.failed) > 20:
            lines.append(f"failed: … and {len(self.failed) - 20} more")
        return "\n".join(lines)


def extract(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    nlp: Language | None = None,
    model: str = DEFAULT_MODEL,
    default_date: str | None = None,
    force: bool = False,
    resume: bool = False,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_record: OnRecord | None = None,
    client: Any = None,
    partition_size: int | None = None,
    dates_domain: str = DEFAULT_DATES_DOMAIN,
    rules_only: bool = False,
) -> RunSummary:
    """Process every article under ``inputs`` into the JSONL file ``output``.

    Refuses to overwrite an existing non-empty output unless ``force``; with
    ``resume``, keeps the records already written for the same articles (same
    id, text and pipeline version, in the same order) and processes the rest.
    With a Dask ``client`` the work runs on its cluster in partitions of
    ``partition_size`` articles, else here in ``n_process`` processes; the
    output is the same. ``on_record`` is called after each record is written
    (progress). ``dates_domain``: the dates stage's reading, "news" or "earnings";
    ``rules_only``: claims from the rules alone (no attribution tagger). Both
    apply when ``nlp`` is not given, and on every worker.
    """
    summary = RunSummary(output=str(output))
    output = Path(output)
    _check_inputs(inputs)
    if output.exists() and output.stat().st_size and not (force or resume):
        raise FileExistsError(
            f"{output} exists; use --force to overwrite or --resume to continue it"
        )
    with output_lock(output):
        if client is None or resume:
            nlp = nlp or load_cached(model, dates_domain, rules_only)
        kept = (
            _resumable_prefix(output, inputs, default_date=default_date, nlp=nlp) if resume else []
        )
        if resume and output.exists():
            truncate(output, kept[-1][1] if kept else 0)
        for record, _ in kept:
            summary.add(record, kept=True)
        articles = itertools.islice(
            read_articles(inputs, default_date=default_date), len(kept), None
        )
        backend: Backend
        if client is None:
            backend = LocalBackend(
                nlp=nlp,
                model=model,
                n_process=n_process,
                batch_size=batch_size,
                dates_domain=dates_domain,
                rules_only=rules_only,
            )
        else:
            backend = DaskBackend(
                client,
                model=model,
                batch_size=batch_size,
                partition_size=partition_size or DEFAULT_PARTITION_SIZE,
                dates_domain=dates_domain,
                rules_only=rules_only,
            )
        with JsonlWriter(output, append=resume, locked=True) as writer:
            for record in backend.records(articles):
                writer.write(record)
                summary.written(record, on_record)
    return summary.finish()


def extract_parts(
    inputs: Sequence[str | os.PathLike[str]],
    folder: str | os.PathLike[str],
    *,
    client: Any,
    model: str = DEFAULT_MODEL,
    default_date: str | None = None,
    force: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    on_record: OnRecord | None = None,
    dates_domain: str = DEFAULT_DATES_DOMAIN,
    rules_only: bool = False,
) -> RunSummary:
    """One JSONL file per Dask partition in ``folder`` (``part-00000.jsonl``, ...), each whole.

    Each partition goes to its own file as soon as it is done, in whatever
    order partitions finish. Concatenated in name order, the parts are the
    single-file output byte for byte. A part is written under a temporary name
    and renamed when complete, so a killed run leaves only whole parts.
    """
    summary = RunSummary(output=str(folder))
    folder = Path(folder)
    _check_inputs(inputs)
    if folder.exists() and not folder.is_dir():
        raise FileExistsError(f"{folder} is a file; --parts writes a folder of part files")
    if folder.is_dir() and any(folder.glob("part-*.jsonl")) and not force:
        raise FileExistsError(f"{folder} has part files; use --force to overwrite them")
    folder.mkdir(parents=True, exist_ok=True)
    backend = DaskBackend(
        client,
        model=model,
        batch_size=batch_size,
        partition_size=partition_size,
        dates_domain=dates_domain,
        rules_only=rules_only,
    )
    with output_lock(folder / "parts.jsonl"):
        for old in folder.glob("part-*.jsonl"):
            old.unlink()
        articles = read_articles(inputs, default_date=default_date)
        for number, records in backend.finished(articles):
            path = folder / PART_NAME.format(number)
            partial = path.with_name(path.name + ".partial")
            with JsonlWriter(partial, locked=True) as writer:
                for record in records:
                    writer.write(record)
            partial.replace(path)
            for record in records:
                summary.written(record, on_record)
    return summary.finish()


def _check_inputs(inputs: Sequence[str | os.PathLike[str]]) -> None:
    missing = [str(path) for path in inputs if not os.path.lexists(path)]
    if missing:
        raise FileNotFoundError(f"No such input: {', '.join(missing)}")


def _resumable_prefix(
    output: Path,
    inputs: Sequence[str | os.PathLike[str]],
    *,
    default_date: str | None,
    nlp: Language,
) -> list[tuple[dict[str, Any], int]]:
    """The leading records of ``output`` that an uninterrupted run would write again unchanged."""
    existing = recover(output)
    if not existing:
        return []
    made_by = {"version": __version__, "model": model_name(nlp), "settings": pipeline_settings(nlp)}
    kept = []
    articles = read_articles(inputs, default_date=default_date)
    for (record, end), article in zip(existing, articles, strict=False):
        same = (
            record.get("id") == article.id
            and record.get("pipeline") == made_by
            and record.get("text") == (article.text if not article.error else "")
            and bool(record.get("error")) == bool(article.error)
        )
        if not same:
            break
        kept.append((record, end))
    return kept
