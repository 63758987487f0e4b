"""The back-end on this machine: in this process, or in worker processes that return records.

Unlike ``nlp.pipe(n_process=N)``, which leaves tokenising, serialising every
``Doc`` both ways and building the records to the parent process (on two
cores, the parent then competes with its own workers), each worker here runs
the whole of ``process_articles`` on a chunk of articles and sends back
finished records; the parent only reads files and writes lines.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from ..article import Article
from ..nlp import DEFAULT_DATES_DOMAIN, DEFAULT_MODEL, load_cached
from ..process import DEFAULT_BATCH_SIZE, process_articles
from .base import batches

#: Articles per chunk handed to a worker, by default: a quarter of a batch. At the
#: end of a run one worker finishes its last chunk while the other is still on one
#: (on average half a chunk's time, with nothing left for it to take): small chunks
#: keep that tail short. Records do not depend on how articles are batched.
CHUNK_FRACTION_OF_BATCH = 4
#: Chunks in flight per worker process (as many articles as three whole batches, so
#: one slow chunk at the head of the queue does not leave the other worker idle).
CHUNKS_IN_FLIGHT = 3 * CHUNK_FRACTION_OF_BATCH
_POOL_NLP: Language | None = None


@dataclass
class LocalBackend:
    """``n_process`` 1: ``process_articles`` here; more: that many worker processes."""

    nlp: Language | None = None
    model: str = DEFAULT_MODEL
    n_process: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    chunk_size: int | None = None
    dates_domain: str = DEFAULT_DATES_DOMAIN
    rules_only: bool = False

    def records(self, articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
        return process_articles_parallel(
            articles,
            nlp=self.nlp,
            model=self.model,
            n_process=self.n_process,
            batch_size=self.batch_size,
            chunk_size=self.chunk_size,
            dates_domain=self.dates_domain,
            rules_only=self.rules_only,
        )


def process_articles_parallel(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    model: str = DEFAULT_MODEL,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    chunk_size: int | None = None,
    dates_domain: str = DEFAULT_DATES_DOMAIN,
    rules_only: bool = False,
) -> Iterator[dict[str, Any]]:
    """``process_articles`` over ``n_process`` worker processes: same records, same order.

    Chunks of ``chunk_size`` articles (default a quarter of ``batch_size``) go out a few per
    worker at a time and come back in input order, so memory stays flat. The
    workers are forked with the parent's pipeline (``nlp``) where the platform
    allows and the parent runs no other thread, else each loads ``model`` once (its dates
    stage reading ``dates_domain``, without the attribution tagger when ``rules_only``).
    """
    nlp = nlp or load_cached(model, dates_domain, rules_only)
    if n_process <= 1:
        yield from process_articles(articles, nlp=nlp, batch_size=batch_size)
        return
    import multiprocessing
    import threading
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    global _POOL_NLP
    # Fork only a single-threaded parent (forking while another thread holds a
    # lock can hang the child); else start fresh workers that load ``model``.
    fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if fork else "spawn")
    _POOL_NLP = nlp
    chunks = batches(articles, chunk_size or default_chunk_size(batch_size))
    try:
        with ProcessPoolExecutor(
            n_process,
            mp_context=context,
            initializer=_init_pool_worker,
            initargs=(model, dates_domain, rules_only),
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


def default_chunk_size(batch_size: int) -> int:
    """Articles per chunk sent to a worker: a quarter batch, so that the last chunks
    of a run leave a worker idle for less time."""
    return max(1, batch_size // CHUNK_FRACTION_OF_BATCH)


def _init_pool_worker(model: str, dates_domain: str, rules_only: bool) -> None:
    global _POOL_NLP
    if _POOL_NLP is None:  # not forked from the parent: load the pipeline once here
        _POOL_NLP = load_cached(model, dates_domain, rules_only)


def _process_chunk(articles: list[Article], batch_size: int) -> list[dict[str, Any]]:
    return list(process_articles(articles, nlp=_POOL_NLP, batch_size=batch_size))
