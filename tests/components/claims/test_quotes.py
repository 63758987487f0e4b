"""Quote marks: where quotations start and end (no model needed)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.components.claims.quotes import (
    find_quotes,
    last_quote_closing_by,
    quote_at,
    quote_opening_at_or_after,
    quote_relation,
    quotes_overlapping,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “yes, we will” today.", ["“yes, we will”"]),
        ('He said "yes, we will" today.', ['"yes, we will"']),
        ("NYT style: ''It is over,'' he said.", ["''It is over,''"]),
        # an apostrophe is not a closing quote
        ("against the imperialists’ high-handed practices", []),
        ("“It’s fine,” she said.", ["“It’s fine,”"]),
        # a quotation over two paragraphs: opening mark on each, closing at the end
        (
            "“First paragraph.\n“Second paragraph.”\nAfter.",
            ["“First paragraph.\n“Second paragraph.”"],
        ),
        # unclosed at the paragraph end: closed there
        ("“Never closed\nNext line.", ["“Never closed"]),
        # a curly opening closed by a straight mark (mixed styles)
        ('“Immunity deals are wrong," Chaffetz said.', ['“Immunity deals are wrong,"']),
        ('"I don’t think so,” Grassley said.', ['"I don’t think so,”']),
        # an opening mark typed where a closing one belongs
        ("“It's unusual,“ Noble said.", ["“It's unusual,“"]),
        ("He sought an “expedited review“ of the pipes.", ["“expedited review“"]),
        ("It called them “rapists“, then left.", ["“rapists“"]),
        # curly opened, straight closed, then a straight quotation closed by a curly mark
        (
            '“Our roads are crumbling," she said. "Families endure blackouts.”',
            ['“Our roads are crumbling,"', '"Families endure blackouts.”'],
        ),
        # a straight quotation nested in a curly one stays inside it
        ('He said “yes, the "plan" works” today.', ['“yes, the "plan" works”']),
        # a stray straight mark does not swallow curly quotations
        ('Kevin was snoring. " “Here he is,” she said.', ["“Here he is,”"]),
    ],
)
def test_find_quotes(text: str, expected: list[str]) -> None:
    quotes, _ = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == expected


@given(st.text(alphabet=st.sampled_from(list("ab ,.\n\"“”‘’'")), max_size=60))
def test_find_quotes_spans_are_ordered_and_in_range(text: str) -> None:
    quotes, _ = find_quotes(text)
    previous_end = 0
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.start >= previous_end
        previous_end = quote.end


def test_find_quotes_counts_marks() -> None:
    _, (opened, closed) = find_quotes("“one” and “two")
    assert (opened, closed) == (2, 1)


def test_quote_at_is_the_quotation_strictly_around_an_offset() -> None:
    text = "He said “yes” and left."
    quotes, _ = find_quotes(text)
    assert quote_at(quotes, text.index("yes")) == quotes[0]
    assert quote_at(quotes, text.index("“")) is None  # on the opening mark
    assert quote_at(quotes, text.index("left")) is None


# Long documents (issue 12): the lookups below replaced scans of every quotation,
# asked per token or per candidate; they must answer what the scans answered.

PIECES = ["word", "said", ",", ".", ":", " ", "\n", "\n\n", "“", "”", '"', "''", "—", "(", "a,"]


def quote_laden_text(seed: int, length: int = 3000) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(PIECES) + rng.choice(["", " "]) for _ in range(length // 3))


@pytest.mark.parametrize("seed", range(8))
def test_quotations_are_disjoint_and_sorted(seed: int) -> None:
    quotes, _ = find_quotes(quote_laden_text(seed))
    assert quotes
    for before, after in zip(quotes, quotes[1:], strict=False):
        assert before.start < before.end <= after.start < after.end


@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_quotations_of_any_text_are_disjoint_and_sorted(text: str) -> None:
    quotes, _ = find_quotes(text)
    for before, after in zip(quotes, quotes[1:], strict=False):
        assert before.start < before.end <= after.start < after.end


@pytest.mark.parametrize("seed", range(8))
def test_quotation_lookups_answer_what_a_scan_of_all_quotations_did(seed: int) -> None:
    text = quote_laden_text(seed)
    quotes, _ = find_quotes(text)
    rng = random.Random(seed)
    for offset in range(-1, len(text) + 2):
        scanned = next((q for q in quotes if q.start < offset < q.end), None)
        assert quote_at(quotes, offset) == scanned
        assert quote_opening_at_or_after(quotes, offset) == next(
            (q for q in quotes if q.start >= offset), None
        )
        closed = [q for q in quotes if q.end <= offset]
        assert last_quote_closing_by(quotes, offset) == (closed[-1] if closed else None)
        end = offset + rng.choice([0, 1, 7, 120])
        assert quotes_overlapping(quotes, offset, end) == [
            q for q in quotes if q.start < end and offset < q.end
        ]


def test_quote_relation_says_inside_touches_or_none() -> None:
    text = 'He said “taxes will rise” and left.'
    quotes, _ = find_quotes(text)
    at = text.index
    assert quote_relation(quotes, at("taxes"), at(" will")) == "inside"
    assert quote_relation(quotes, at("said"), at(" will")) == "touches"
    assert quote_relation(quotes, at("and"), len(text)) == "none"
