"""Currency marks, scales, units and rates around a number (``quantities.units``)."""

from __future__ import annotations

import pytest

from pipeline.components.quantities.units import (
    counted_after,
    currency_before,
    per_at,
    scale_at,
    unit_at,
)

from . import finder_of, hand_doc


def plain(text: str):
    """A doc whose rule under test reads only characters: one NOUN token per word."""
    rows = [(word, "NOUN", "NN", "ROOT", 0) for word in text.split()]
    return finder_of(hand_doc(text, rows))


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("It cost US$58.24", 11, (8, "dollar", "dollar")),
        ("a HK$216,925 deal", 5, (2, "hong kong dollar", "hong kong dollar")),
        ("£1,000 each", 1, (0, "pound sterling", "pound sterling")),
        ("sold 1,000 each", 5, None),
    ],
)
def test_currency_before(text: str, at: int, expected) -> None:
    assert currency_before(plain(text), at) == expected


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("5 kilometres away", 1, (12, "kilometre", "kilometre", "kilometres")),
        ("9.4 per cent more", 3, (12, "percent", "percentage", "per cent")),
        ("155mph winds", 3, (6, "mile per hour", "mile per hour", "mph")),
        ("5 kilometresque", 1, None),  # a unit ends at a word boundary
    ],
)
def test_unit_at_reads_the_longest_unit(text: str, at: int, expected) -> None:
    assert unit_at(plain(text), at) == expected


def test_scale_m_is_millions_only_before_a_counted_noun_or_after_a_currency() -> None:
    text = "1.5m people and 37m walls"
    rows = [
        ("1.5", "NUM", "CD", "nummod", 2),
        ("m", "NOUN", "NN", "compound", 2),
        ("people", "NOUN", "NNS", "ROOT", 2),
        ("and", "CCONJ", "CC", "cc", 2),
        ("37", "NUM", "CD", "nummod", 6),
        ("m", "NOUN", "NN", "compound", 6),
        ("walls", "NOUN", "NN", "conj", 2),
    ]
    finder = finder_of(hand_doc(text, rows))
    assert scale_at(finder, 3, currency=False) == (4, 1e6)
    assert scale_at(finder, 18, currency=False) is None  # metres: "walls" is no plural tag
    assert scale_at(finder, 18, currency=True) == (19, 1e6)
    assert counted_after(finder, 4) and not counted_after(finder, 19)


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("5 billion", 1, (9, 1e9)),
        ("5.5bn", 3, (5, 1e9)),
        ("10k", 2, (3, 1000.0)),
        ("5 b", 1, None),  # "b" is a billion only after a currency mark
    ],
)
def test_scale_at(text: str, at: int, expected) -> None:
    assert scale_at(plain(text), at, currency=False) == expected


def test_a_rate_after_a_unit() -> None:
    text = "500,000 barrels a year ago and $3 per day"
    rows = [
        ("500,000", "NUM", "CD", "nummod", 1),
        ("barrels", "NOUN", "NNS", "ROOT", 1),
        ("a", "DET", "DT", "det", 3),
        ("year", "NOUN", "NN", "npadvmod", 4),
        ("ago", "ADV", "RB", "advmod", 1),
        ("and", "CCONJ", "CC", "cc", 1),
        ("$", "SYM", "$", "nmod", 7),
        ("3", "NUM", "CD", "conj", 1),
        ("per", "ADP", "IN", "prep", 7),
        ("day", "NOUN", "NN", "pobj", 8),
    ]
    finder = finder_of(hand_doc(text, rows))
    assert per_at(finder, 15) is None  # "a year ago" is when, not a rate
    assert per_at(finder, 34) == (41, "day")


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("$1,271 an ounce", 6, (15, "ounce")),
        ("$3,500 a month", 6, (14, "month")),
        ("20 km/h", 5, (7, "h")),  # a symbol after "/" is read as written
        ("$5 a share", 2, (10, "share")),
        ("$5 a car", 2, None),  # "a" makes a rate only before a rate word
    ],
)
def test_per_at(text: str, at: int, expected) -> None:
    assert per_at(plain(text), at) == expected
