"""The local back-end: here, or in worker processes that run whole chunks (`--n-process`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.article import Article
from pipeline.backends import LocalBackend, batches
from pipeline.backends.local import process_articles_parallel
from pipeline.process import process_articles

from ..contract import assert_valid_record
from ..test_process import PARAGRAPHS

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("count", "size", "lengths"),
    [(0, 2, []), (1, 2, [1]), (4, 2, [2, 2]), (5, 2, [2, 2, 1]), (10, 3, [3, 3, 3, 1])],
)
def test_batches_cover_the_input_in_order(count: int, size: int, lengths: list[int]) -> None:
    chunks = list(batches(iter(range(count)), size))
    assert [len(chunk) for chunk in chunks] == lengths
    assert [item for chunk in chunks for item in chunk] == list(range(count))


def articles() -> list[Article]:
    made = [
        Article(
            id=f"a{i}", text=" ".join(PARAGRAPHS[i % 4 :] + PARAGRAPHS[: i % 4]), date="2023-06-13"
        )
        for i in range(9)
    ]
    made.append(Article(id="empty", text="", date=None))
    made.append(Article(id="broken", text="", error={"code": "E002", "message": "not JSON"}))
    return made


@pytest.mark.slow
def test_two_processes_give_the_records_of_one_in_the_same_order(nlp, tmp_path: Path) -> None:
    one = list(process_articles(articles(), nlp=nlp, batch_size=2))
    # Chunks of one article, several in flight: finishing out of turn must not reorder them.
    two = list(
        process_articles_parallel(articles(), nlp=nlp, n_process=2, batch_size=2, chunk_size=1)
    )
    assert two == one
    for record in two:
        assert_valid_record(record)


@pytest.mark.slow
def test_a_parent_with_threads_starts_fresh_workers_with_the_same_records(nlp) -> None:
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()  # a second thread: the workers are spawned, not forked, and load the model
    try:
        two = list(process_articles_parallel(articles()[:4], nlp=nlp, n_process=2, batch_size=2))
    finally:
        stop.set()
    assert two == list(process_articles(articles()[:4], nlp=nlp, batch_size=2))


def test_the_backend_in_this_process_gives_the_records_of_process_articles(nlp) -> None:
    backend = LocalBackend(nlp=nlp, batch_size=3)
    assert list(backend.records(articles())) == list(process_articles(articles(), nlp=nlp))


def _chunk_sizes(articles, *, nlp, batch_size):
    """Stands for ``process_articles`` in the workers: each record tells its chunk's size."""
    articles = list(articles)
    return [{"id": article.id, "chunk": len(articles)} for article in articles]


def test_a_chunk_is_a_quarter_batch() -> None:
    from pipeline.backends.local import default_chunk_size

    assert [default_chunk_size(n) for n in (1, 4, 8, 16, 17)] == [1, 1, 2, 4, 4]


def test_workers_take_chunks_of_a_quarter_batch(monkeypatch) -> None:
    import threading

    import pipeline.backends.local as local

    if threading.active_count() != 1:  # an earlier test left a thread running
        pytest.skip("workers would be spawned, not forked, and not see the stand-in")

    # Forked workers inherit the stand-in (the parent here runs one thread: they are forked).
    monkeypatch.setattr(local, "process_articles", _chunk_sizes)
    made = [Article(id=f"a{i}", text="x") for i in range(10)]
    records = list(
        process_articles_parallel(made, nlp=object(), n_process=2, batch_size=8)  # type: ignore[arg-type]
    )
    assert [record["id"] for record in records] == [article.id for article in made]
    assert [record["chunk"] for record in records] == [2] * 10
    records = list(
        process_articles_parallel(made, nlp=object(), n_process=2, batch_size=8, chunk_size=4)  # type: ignore[arg-type]
    )
    assert [record["chunk"] for record in records] == [4] * 8 + [2] * 2
