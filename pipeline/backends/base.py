"""What every back-end offers ``extract``: the records of a stream of articles, in input order."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any, Protocol, TypeVar

from ..article import Article

T = TypeVar("T")


class Backend(Protocol):
    """Where the work runs. Whatever the back-end, the records are those of
    ``pipeline.process.process_articles`` on the same articles, in the same order."""

    def records(self, articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
        """One record per article, in input order, each as soon as all before it are done."""
        ...


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
