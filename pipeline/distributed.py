"""The same extraction on a Dask cluster: partitions of articles out, records back in input order.

The client (the machine running ``newsclaims extract``) discovers and reads the
inputs exactly as a single-process run does, so article ids, dates and read
errors are the same, and the workers need no access to the input files. It
groups the articles into partitions of ``partition_size`` and keeps a bounded
number of them in flight. Each worker loads the pipeline once
(``pipeline.nlp.load_cached``, one per worker process) and runs
``pipeline.runner.process_articles`` (``nlp.pipe``) over each partition it
gets. Results come back with ``distributed.as_completed`` into a reorder
buffer, and each record is written as soon as its turn comes: the output is
the single-process output byte for byte, and neither side ever holds the
corpus. With ``--parts`` each partition goes to its own file as soon as it is
done, in whatever order partitions finish.

Needs the optional extra: ``pip install 'newsclaims[dask]'``.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .article import Article

DEFAULT_PARTITION_SIZE = 50
#: Partitions in flight (submitted or waiting in the reorder buffer) per worker thread.
IN_FLIGHT_PER_WORKER = 2
PART_NAME = "part-{:05d}.jsonl"

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


def process_partition(articles: list[Article], model: str, batch_size: int) -> list[dict[str, Any]]:
    """On a worker: the records of one partition, in order (one pipeline per worker process)."""
    from .nlp import load_cached
    from .runner import process_articles

    with _WORKER_LOCK:
        nlp = load_cached(model)
        return list(process_articles(articles, nlp=nlp, batch_size=batch_size))


def partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of at most ``size`` articles."""
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _window(client: Any) -> int:
    try:
        threads = sum(client.nthreads().values())
    except Exception:  # noqa: BLE001 - a scheduler that cannot say: assume a small cluster
        threads = 1
    return max(2, IN_FLIGHT_PER_WORKER * max(1, threads))


def map_partitions(
    client: Any,
    articles: Iterable[Article],
    *,
    model: str,
    batch_size: int,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    in_flight: int | None = None,
    held: Callable[[], int] = lambda: 0,
) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """``(partition number, records)`` for each partition as it finishes, in any order.

    Partitions are submitted in input order, and only while the ones submitted
    and not yet handed back, plus the ``held()`` ones the caller keeps, number
    fewer than ``in_flight`` (default: a few per worker thread of the cluster
    as it is now, so a cluster that grows gets more): memory stays flat however
    long the input is.
    """
    from distributed import as_completed

    run = uuid.uuid4().hex[:8]
    chunks = enumerate(partitions(articles, partition_size))
    done = as_completed()
    numbers: dict[str, int] = {}

    def submit() -> None:
        limit = in_flight or _window(client)
        while len(numbers) + held() < limit:
            try:
                number, chunk = next(chunks)
            except StopIteration:
                return
            future = client.submit(
                process_partition,
                chunk,
                model,
                batch_size,
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


def process_articles_dask(
    client: Any,
    articles: Iterable[Article],
    *,
    model: str,
    batch_size: int,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    in_flight: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Every record, in input order, each yielded as soon as all before it are.

    Like ``runner.process_articles``, but the work runs on ``client``'s cluster.
    The reorder buffer holds the partitions that finished ahead of their turn;
    they count towards ``in_flight``, so the buffer is bounded too. (It cannot
    stall: the partition whose turn it is was submitted before any held one.)
    """
    waiting: dict[int, list[dict[str, Any]]] = {}
    turn = 0
    finished = map_partitions(
        client,
        articles,
        model=model,
        batch_size=batch_size,
        partition_size=partition_size,
        in_flight=in_flight,
        held=lambda: len(waiting),
    )
    for number, records in finished:
        waiting[number] = records
        while turn in waiting:
            yield from waiting.pop(turn)
            turn += 1


def extract_parts(
    inputs: Sequence[str | os.PathLike[str]],
    folder: str | os.PathLike[str],
    *,
    client: Any,
    model: str,
    default_date: str | None = None,
    force: bool = False,
    batch_size: int = 16,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    on_record: Callable[[dict[str, Any], Any], None] | None = None,
):
    """One JSONL file per partition in ``folder`` (``part-00000.jsonl``, ...), each written whole.

    Concatenated in name order, the parts are the single-file output byte for
    byte. A part is written under a temporary name and renamed when complete,
    so a killed run leaves only whole parts.
    """
    from .io.readers import read_articles
    from .io.writers import JsonlWriter, output_lock
    from .runner import RunSummary

    summary = RunSummary(output=str(folder))
    folder = Path(folder)
    missing = [str(path) for path in inputs if not os.path.lexists(path)]
    if missing:
        raise FileNotFoundError(f"No such input: {', '.join(missing)}")
    if folder.exists() and not folder.is_dir():
        raise FileExistsError(f"{folder} is a file; --parts writes a folder of part files")
    if folder.is_dir() and any(folder.glob("part-*.jsonl")) and not force:
        raise FileExistsError(f"{folder} has part files; use --force to overwrite them")
    folder.mkdir(parents=True, exist_ok=True)
    with output_lock(folder / "parts.jsonl"):
        for old in folder.glob("part-*.jsonl"):
            old.unlink()
        articles = read_articles(inputs, default_date=default_date)
        for number, records in map_partitions(
            client, articles, model=model, batch_size=batch_size, partition_size=partition_size
        ):
            path = folder / PART_NAME.format(number)
            partial = path.with_name(path.name + ".partial")
            with JsonlWriter(partial, locked=True) as writer:
                for record in records:
                    writer.write(record)
            partial.replace(path)
            for record in records:
                summary.written(record, on_record)
    return summary.finish()
