"""``SpanIndex``: which of many character ranges overlap a range, without a scan of them all.

The stages ask "which entity, content or object is here?" once per token or per
candidate; a scan of every range for each question made them quadratic in the
length of a document. The index answers in ``O(log n + k)`` for ranges of
bounded length and keeps the items' own order, so a loop over its answer does
what the same loop over all items did.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item")


class SpanIndex(Generic[Item]):
    """Items with ``(start, end)`` character ranges, indexed by start.

    ``bounds`` gives an item's range. The items and their ranges must not change
    while the index is used.
    """

    def __init__(self, items: Iterable[Item], bounds: Callable[[Item], tuple[int, int]]) -> None:
        self.items: list[Item] = list(items)
        ranges = [bounds(item) for item in self.items]
        self._order = sorted(range(len(ranges)), key=lambda i: ranges[i][0])
        self._starts = [ranges[i][0] for i in self._order]
        self._ranges = ranges
        self._longest = max((end - start for start, end in ranges), default=0)

    def __len__(self) -> int:
        return len(self.items)

    def overlapping(self, start: int, end: int) -> list[Item]:
        """The items whose range overlaps ``[start, end)`` (``s < end and start < e``),
        in the order they were given."""
        # An item ending after ``start`` starts after ``start - longest``.
        low = bisect_right(self._starts, start - self._longest)
        high = bisect_left(self._starts, end)
        found = sorted(
            i
            for i in self._order[low:high]
            if start < self._ranges[i][1] and self._ranges[i][0] < end
        )
        return [self.items[i] for i in found]

    def containing(self, offset: int) -> list[Item]:
        """The items whose range holds ``offset`` (``s <= offset < e``), in their order."""
        return self.overlapping(offset, offset + 1)
