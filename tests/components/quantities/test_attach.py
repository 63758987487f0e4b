"""A number's unit, rate, bound and object once it is read (``quantities.attach``)."""

from __future__ import annotations

import pytest

from pipeline.components.quantities.atoms import Atom
from pipeline.components.quantities.attach import attach_context

from . import finder_of, hand_doc, untagged_doc


def attached(text: str, number: str, *, currency: str | None = None):
    """``attach_context`` for the number ``number`` of ``text`` (after a currency mark)."""
    doc = untagged_doc(text)
    finder = finder_of(doc)
    start = text.index(number)
    end = start + len(number)
    atom = Atom(start=start, end=end, value=float(number.replace(",", "")), number_end=end)
    if currency:
        atom.start, atom.currency, atom.unit = text.index(currency), True, "dollar"
    return attach_context(finder, atom, first_token=finder.token_at(start))


@pytest.mark.parametrize(
    ("text", "number", "currency", "unit", "end"),
    [
        ("paid $1.25 sterling today", "1.25", "$", "british pound", 19),  # the word names it
        ("paid $76 US today", "76", "$", "dollar", 11),  # already read
        ("paid $5 shares today", "5", "$", "dollar", 7),  # after a currency, no unit
        ("paid 76 US today", "76", None, None, 7),  # "US" alone is no unit
        ("made 500 barrels a year", "500", None, "barrel", 23),
    ],
)
def test_units_after_a_number(text, number, currency, unit, end) -> None:
    atom = attached(text, number, currency=currency)
    assert (atom.unit, atom.end) == (unit, end)


def test_a_modifier_sets_the_bound_and_the_span_start() -> None:
    atom = attached("for more than 700 barrels", "700")
    assert (atom.mod_start, atom.change) == (4, ">")


@pytest.mark.parametrize(("text", "change"), [("It dropped by 3", "down"), ("It dropped 3", "=")])
def test_a_bare_amount_is_a_change_only_after_by(text: str, change: str) -> None:
    words = text.split()
    rows = [
        ("It", "PRON", "PRP", "nsubj", 1),
        ("dropped", "VERB", "VBD", "ROOT", 1, "drop"),
        *([("by", "ADP", "IN", "prep", 1)] if "by" in words else []),
        ("3", "NUM", "CD", "dobj", 1),
    ]
    doc = hand_doc(text, rows)
    finder = finder_of(doc)
    atom = Atom(start=len(text) - 1, end=len(text), value=3, number_end=len(text))
    assert attach_context(finder, atom, first_token=doc[-1]).change == change


def test_a_clock_time_is_dropped() -> None:
    assert attached("at 5 GMT", "5") is None


def test_a_number_after_aged_is_an_age() -> None:
    atom = attached("a man aged 45 died", "45")
    assert (atom.unit, atom.dimension) == ("year of age", "age")
    atom = attached("a man paged 45 times", "45")
    assert atom.unit != "year of age"
