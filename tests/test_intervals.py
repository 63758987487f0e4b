"""``SpanIndex`` answers what a scan of every range answered, in the same order."""

from __future__ import annotations

import random

import pytest

from pipeline.intervals import SpanIndex


def scan(ranges: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    return [r for r in ranges if r[0] < end and start < r[1]]


@pytest.mark.parametrize("seed", range(5))
def test_overlapping_and_containing_are_the_scan_of_all_ranges(seed: int) -> None:
    rng = random.Random(seed)
    ranges = []
    for _ in range(300):
        start = rng.randrange(0, 2000)
        ranges.append((start, start + rng.choice([0, 1, 2, 5, 30, 400])))  # empty ones too
    index = SpanIndex(ranges, lambda r: r)
    for _ in range(500):
        start = rng.randrange(-10, 2100)
        end = start + rng.choice([0, 1, 3, 50])
        assert index.overlapping(start, end) == scan(ranges, start, end)
        assert index.containing(start) == [r for r in ranges if r[0] <= start < r[1]]


def test_items_come_back_in_their_own_order_not_by_offset() -> None:
    items = [("b", 10, 20), ("a", 0, 15), ("c", 12, 13)]
    index = SpanIndex(items, lambda item: (item[1], item[2]))
    assert [item[0] for item in index.overlapping(12, 14)] == ["b", "a", "c"]
    assert index.overlapping(20, 30) == []
    assert len(index) == 3
    assert SpanIndex([], lambda r: r).overlapping(0, 10) == []
