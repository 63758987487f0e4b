"""The back-end on a Dask cluster: partitions of articles out, records back in input order.

The client (the machine running ``newsclaims extract``) discovers and reads the
inputs exactly as a single-process run does, so article ids, dates and read
errors are the same, and the workers need no access to the input files. It
groups the articles into partitions of ``partition_size`` and keeps a bounded
number of them in flight. Each worker loads the pipeline once
(``pipeline.nlp.load_cached``, one per worker process) and runs
``pipeline.process.process_articles`` (``nlp.pipe``) over each partition it
gets. Results come back with ``distributed.as_completed`` into a reorder
buffer, and each record is given back as soon as its turn comes: the output is
the single-process output byte for byte, and neither side ever holds the
corpus. ``DaskBackend.finished`` gives the partitions in the order they finish
(``runner.extract_parts`` writes each to its own file).

Needs the optional extra: ``pip install 'newsclaims[dask]'``.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..article import Article
from ..nlp import DEFAULT_DATES_DOMAIN, DEFAULT_MODEL, load_cached
from ..process import DEFAULT_BATCH_SIZE, process_articles
from .base import batches

DEFAULT_PARTITION_SIZE = 50
#: Partitions in flight (submitted or waiting in the reorder buffer) per worker thread.
IN_FLIGHT_PER_WORKER = 2

# A worker runs one task per thread; spaCy pipelines are not made for
# concurrent calls, so threads of one worker process take turns.
_WORKER_LOCK = threading.Lock()


def parse_local(spec: str) -> int | None:
    """``local`` -> None (one worker per core), ``local:4`` -> 4; anything else is an error."""
    name, _, count = spec.partition(":")
    if name != "local":
        raise ValueError(f"--dask takes local or local:N, not {spec!r}")
    if not count:
        return None
    if not count.isdigit() or int(count) < 1:
        raise ValueError(f"--dask local:N needs a positive number of workers, not {count!r}")
    return int(count)


@contextmanager
def dask_client(*, scheduler: str | None = None, local: str | None = None) -> Iterator[Any]:
    """A ``distributed.Client``: connected to ``scheduler``, or to a local cluster of processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the installation
        raise ImportError(
            "Dask is not installed; install the extra: pip install 'newsclaims[dask]'"
        ) from None
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    workers = parse_local(local or "local")
    if workers is None:
        workers = os.cpu_count() or 1
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def process_partition(
    articles: list[Article],
    model: str,
    batch_size: int,
    dates_domain: str = DEFAULT_DATES_DOMAIN,
    rules_only: bool = False,
) -> list[dict[str, Any]]:
    """On a worker: the records of one partition, in order (one pipeline per worker process
    and settings)."""
    with _WORKER_LOCK:
        nlp = load_cached(model, dates_domain, rules_only)
        return list(process_articles(articles, nlp=nlp, batch_size=batch_size))


@dataclass
class DaskBackend:
    """Partitions of ``partition_size`` articles on ``client``'s cluster.

    At most ``in_flight`` partitions are submitted or held at once (default: a
    few per worker thread of the cluster as it is now, so a cluster that grows
    gets more): memory stays flat however long the input is.
    """

    client: Any
    model: str = DEFAULT_MODEL
    batch_size: int = DEFAULT_BATCH_SIZE
    partition_size: int = DEFAULT_PARTITION_SIZE
    in_flight: int | None = None
    dates_domain: str = DEFAULT_DATES_DOMAIN
    rules_only: bool = False

    def records(self, articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
        """Every record, in input order, each yielded as soon as all before it are.

        The reorder buffer holds the partitions that finished ahead of their
        turn; they count towards ``in_flight``, so the buffer is bounded too.
        (It cannot stall: the partition whose turn it is was submitted before
        any held one.)
        """
        waiting: dict[int, list[dict[str, Any]]] = {}
        turn = 0
        for number, records in self.finished(articles, held=lambda: len(waiting)):
            waiting[number] = records
            while turn in waiting:
                yield from waiting.pop(turn)
                turn += 1

    def finished(
        self, articles: Iterable[Article], *, held: Callable[[], int] = lambda: 0
    ) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        """``(partition number, records)`` for each partition as it finishes, in any order.

        Partitions are submitted in input order, and only while the ones
        submitted and not yet handed back, plus the ``held()`` ones the caller
        keeps, number fewer than ``in_flight``.
        """
        from distributed import as_completed

        run = uuid.uuid4().hex[:8]
        chunks = enumerate(batches(articles, self.partition_size))
        done = as_completed()
        numbers: dict[str, int] = {}

        def submit() -> None:
            limit = self.in_flight or self._window()
            while len(numbers) + held() < limit:
                try:
                    number, chunk = next(chunks)
                except StopIteration:
                    return
                future = self.client.submit(
                    process_partition,
                    chunk,
                    self.model,
                    self.batch_size,
                    self.dates_domain,
                    self.rules_only,
                    key=f"newsclaims-{run}-{number}",
                    pure=False,
                )
                numbers[future.key] = number
                done.add(future)

        submit()
        for future in done:
            number = numbers.pop(future.key)
            records = future.result()
            future.release()
            yield number, records
            submit()

    def _window(self) -> int:
        try:
            threads = sum(self.client.nthreads().values())
        except Exception:  # noqa: BLE001 - a scheduler that cannot say: assume a small cluster
            threads = 1
        return max(2, IN_FLIGHT_PER_WORKER * max(1, threads))
