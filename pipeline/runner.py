"""Batch work: articles in, records out, through ``nlp.pipe``.

``process_articles`` is the core loop (also used by evaluation); ``extract``
adds discovery, the JSONL writer and the run summary.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from .about import __version__
from .article import Article
from .errors import Warnings
from .io.readers import read_articles
from .io.writers import JsonlWriter, output_lock, recover, truncate
from .nlp import DEFAULT_MODEL, load_cached, model_name
from .schema import annotations_to_record, doc_annotations, error_record, merge_annotations

DEFAULT_BATCH_SIZE = 16


def process_articles(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield one record per article, in input order, errors included.

    An article longer than ``max_chars`` (default: the model's ``max_length``)
    is processed in pieces cut at paragraph ends, and its record covers the
    whole text, with a W005 warning: nothing is truncated.
    """
    nlp = nlp or load_cached(DEFAULT_MODEL)
    model = model_name(nlp)
    limit = max_chars or nlp.max_length

    def pieces() -> Iterator[tuple[Any, tuple[Article, int, int]]]:
        for article in articles:
            text = "" if article.error else article.text
            bounds = split_text(text, limit)
            for start, end in bounds:
                doc = nlp.make_doc(text[start:end])
                doc._.pub_date = article.date
                yield doc, (article, start, len(bounds))

    done: list[tuple[int, dict[str, list[dict[str, Any]]]]] = []
    for doc, (article, start, count) in nlp.pipe(
        pieces(), as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        done.append((start, doc_annotations(doc)))
        if len(done) < count:
            continue
        annotations = done[0][1] if count == 1 else merge_annotations(done)
        done = []
        yield _record(article, annotations, model=model, pieces=count)


def _record(
    article: Article, annotations: dict[str, list[dict[str, Any]]], *, model: str, pieces: int
) -> dict[str, Any]:
    if article.error:
        return error_record(article, model=model)
    if not article.text.strip():
        article.warnings.append(Warnings.W004.as_dict())
    elif article.date is None:
        article.warnings.append(Warnings.W002.as_dict())
    if pieces > 1:
        article.warnings.append(Warnings.W005.as_dict(pieces=pieces))
    return annotations_to_record(annotations, article, model=model)


def split_text(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive ``(start, end)`` pieces of at most ``limit`` characters.

    Cuts fall after a newline where there is one in the piece, else after a
    sentence end or space, else anywhere: the pieces always cover the text.
    """
    if len(text) <= limit:
        return [(0, len(text))]
    bounds = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n") + 1
        if cut <= limit // 4:
            cut = max(window.rfind(". ") + 2, window.rfind(" ") + 1)
        if cut <= limit // 4:
            cut = limit
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, len(text)))
    return bounds


def process_text(
    text: str, *, date: str | None = None, id: str = "text", nlp: Language | None = None
) -> dict[str, Any]:
    """The record of one text, for notebooks and tests."""
    return next(process_articles([Article(id=id, text=text, date=date)], nlp=nlp))


#: Chunks in flight per worker process in ``process_articles_parallel``.
CHUNKS_IN_FLIGHT = 3
_POOL_NLP: Language | None = None


def process_articles_parallel(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    model: str = DEFAULT_MODEL,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    chunk_size: int | None = None,
) -> Iterator[dict[str, Any]]:
    """``process_articles`` over ``n_process`` worker processes: same records, same order.

    Unlike ``nlp.pipe(n_process=N)``, which leaves tokenising, serialising
    every ``Doc`` both ways and building the records to the parent process
    (on two cores, the parent then competes with its own workers), each worker
    here runs the whole of ``process_articles`` on a chunk of articles and
    sends back finished records; the parent only reads files and writes lines.
    Chunks of ``chunk_size`` articles (default ``batch_size``) go out a few per
    worker at a time and come back in input order, so memory stays flat. The
    workers are forked with the parent's pipeline (``nlp``) where the platform
    allows and the parent runs no other thread, else each loads ``model`` once.
    """
    if n_process <= 1:
        yield from process_articles(articles, nlp=nlp, batch_size=batch_size)
        return
    import multiprocessing
    import threading
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    global _POOL_NLP
    nlp = nlp or load_cached(model)
    # Fork only a single-threaded parent (forking while another thread holds a
    # lock can hang the child); else start fresh workers that load ``model``.
    fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if fork else "spawn")
    _POOL_NLP = nlp
    size = chunk_size or batch_size
    chunks = _chunks(articles, size)
    try:
        with ProcessPoolExecutor(
            n_process, mp_context=context, initializer=_init_pool_worker, initargs=(model,)
        ) as pool:
            pending: deque = deque()
            for chunk in itertools.islice(chunks, CHUNKS_IN_FLIGHT * n_process):
                pending.append(pool.submit(_process_chunk, chunk, batch_size))
            while pending:
                records = pending.popleft().result()
                for chunk in itertools.islice(chunks, 1):
                    pending.append(pool.submit(_process_chunk, chunk, batch_size))
                yield from records
    finally:
        _POOL_NLP = None


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _init_pool_worker(model: str) -> None:
    global _POOL_NLP
    if _POOL_NLP is None:  # not forked from the parent: load the pipeline once here
        _POOL_NLP = load_cached(model)


def _process_chunk(articles: list[Article], batch_size: int) -> list[dict[str, Any]]:
    return list(process_articles(articles, nlp=_POOL_NLP, batch_size=batch_size))


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
        on_record: Callable[[dict[str, Any], RunSummary], None] | None = None,
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
    on_record: Callable[[dict[str, Any], RunSummary], None] | None = None,
    client: Any = None,
    partition_size: int | None = None,
) -> RunSummary:
    """Process every article under ``inputs`` into the JSONL file ``output``.

    Refuses to overwrite an existing non-empty output unless ``force``; with
    ``resume``, keeps the records already written for the same articles (same
    id, text and pipeline version, in the same order) and processes the rest.
    With a Dask ``client`` the work runs on its cluster in partitions of
    ``partition_size`` articles (see ``pipeline.distributed``); the output is
    the same. ``on_record`` is called after each record is written (progress).
    """
    summary = RunSummary(output=str(output))
    output = Path(output)
    missing = [str(path) for path in inputs if not os.path.lexists(path)]
    if missing:
        raise FileNotFoundError(f"No such input: {', '.join(missing)}")
    if output.exists() and output.stat().st_size and not (force or resume):
        raise FileExistsError(
            f"{output} exists; use --force to overwrite or --resume to continue it"
        )
    with output_lock(output):
        if client is None or resume:
            nlp = nlp or load_cached(model)
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
        if client is None:
            records = process_articles_parallel(
                articles, nlp=nlp, model=model, n_process=n_process, batch_size=batch_size
            )
        else:
            from .distributed import DEFAULT_PARTITION_SIZE, process_articles_dask

            records = process_articles_dask(
                client,
                articles,
                model=model,
                batch_size=batch_size,
                partition_size=partition_size or DEFAULT_PARTITION_SIZE,
            )
        with JsonlWriter(output, append=resume, locked=True) as writer:
            for record in records:
                writer.write(record)
                summary.written(record, on_record)
    return summary.finish()


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
    model = model_name(nlp)
    kept = []
    articles = read_articles(inputs, default_date=default_date)
    for (record, end), article in zip(existing, articles, strict=False):
        same = (
            record.get("id") == article.id
            and record.get("pipeline", {}).get("version") == __version__
            and record.get("pipeline", {}).get("model") == model
            and record.get("text") == (article.text if not article.error else "")
            and bool(record.get("error")) == bool(article.error)
        )
        if not same:
            break
        kept.append((record, end))
    return kept
