"""Units carried over to a bare number from its neighbour (``quantities.elision``)."""

from __future__ import annotations

import pytest

from .test_finder import quantities_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a partitive: the part is counted in the whole's unit
        (
            "He has raised 280 million of the 1.5 billion shekels he needs.",
            [(280e6, "israeli new shekel"), (1.5e9, "israeli new shekel")],
        ),
        # a coordination with no verb between the amounts
        ("Inflation was 3.5 percent in May and 4 in June.", [(3.5, "percent"), (4, "percent")]),
        (
            "Temperatures reached 40 degrees on Monday and 42 on Tuesday.",
            [(40, "degree"), (42, "degree")],
        ),
        # parallel changes after "by"
        (
            "Sales increased by 2 percent but exports decreased by 1.",
            [(2, "percent"), (1, "percent")],
        ),
        # the end of a span that starts with a range
        (
            "Mileage rose from about 14-18 mpg to 24 for sport utility vehicles.",
            [((14, 18), "mile per gallon"), (24, "mile per gallon")],
        ),
    ],
)
def test_bare_number_takes_the_unit_it_shares(text: str, expected: list, nlp) -> None:
    quantities = quantities_of(text, nlp)
    got = [
        ((q["low"], q["high"]) if q["value"] is None else q["value"], q["unit"]) for q in quantities
    ]
    assert got == expected


def test_carried_unit_is_not_written_text(nlp) -> None:
    quantities = quantities_of("Inflation was 3.5 percent in May and 4 in June.", nlp)
    assert quantities[1]["unit_text"] is None
    assert quantities[1]["dimension"] == "percentage"


def test_carried_currency_keeps_its_rate(nlp) -> None:
    quantities = quantities_of("Oil cost $80 a barrel in May and 70 in June.", nlp)
    assert [(q["value"], q["unit"], q["per"]) for q in quantities] == [
        (80, "dollar", "barrel"),
        (70, "dollar", "barrel"),
    ]


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        # a level after "to" is no coordination: the index stands at 120, not 120%
        ("The index rose 5% to 120 on Monday.", 120),
        # a verb between: another clause, which may count something else
        ("Sales rose 5 percent and the company hired 300 on Monday.", 300),
        # another sentence
        ("Sales rose by 5 percent. Exports fell by 3.", 3),
        # the amount before counts a noun, it has no unit to share
        ("The company has 5 stores in Ohio and 3 in Texas.", 3),
        # a part of something else
        ("He won 52 percent of the vote and 3 of the 5 districts.", 3),
    ],
)
def test_bare_number_keeps_no_unit(text: str, bare: float, nlp) -> None:
    quantities = quantities_of(text, nlp)
    assert [q["unit"] for q in quantities if q["value"] == bare] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hanging hyphen: the number counts what the series' last compound counts
        (
            "The car comes with four-, five- and six-cylinder engines.",
            [(4, "cylinder"), (5, "cylinder"), (6, "cylinder")],
        ),
        ("It sells 2-, 3- and 4-bedroom flats.", [(2, "bedroom"), (3, "bedroom"), (4, "bedroom")]),
        # "10- to 12-team": one range
        ("The league plans 10- to 12-team divisions.", [((10, 12), "team")]),
    ],
)
def test_suspended_compound_shares_its_counted_noun(text: str, expected: list, nlp) -> None:
    quantities = quantities_of(text, nlp)
    got = [
        (
            (q["low"], q["high"]) if q["value"] is None else q["value"],
            text[q["object"]["start"] : q["object"]["end"]] if q["object"] else None,
        )
        for q in quantities
    ]
    assert got == expected


def test_a_hyphen_before_a_noun_is_no_suspension(nlp) -> None:
    quantities = quantities_of("A 5-year plan and a 10-point lead.", nlp)
    assert [q["value"] for q in quantities] == [5, 10]


def test_gapped_change_rises_or_falls_with_the_amount_before(nlp) -> None:
    text = "Shares of Ross were down 2.3%, Burlington by 2.6% and Macy's by 1.9%."
    assert [q["change"] for q in quantities_of(text, nlp)] == ["down", "down", "down"]


def test_an_amount_after_by_in_another_clause_keeps_no_change(nlp) -> None:
    text = "Shares of Ross were down 2.3%, and analysts cut the forecast by 2.6%."
    changes = [q["change"] for q in quantities_of(text, nlp)]
    assert changes == ["down", "down"]  # "cut" says so itself
    text = "Ross was down 2.3% while the index was pushed by 2.6% of its members."
    assert [q["change"] for q in quantities_of(text, nlp)] == ["down", "="]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Jets want to add another pick or two.", (2, None, "pick")),
        ("The talks could take a day or two.", (2, "day", None)),
    ],
)
def test_a_noun_or_two_counts_the_noun(text: str, expected: tuple, nlp) -> None:
    (quantity,) = quantities_of(text, nlp)
    obj = quantity["object"]
    got = (quantity["value"], quantity["unit"], text[obj["start"] : obj["end"]] if obj else None)
    assert got == expected


def test_or_two_after_a_plural_is_no_count(nlp) -> None:
    assert quantities_of("They will pick apples or two pears.", nlp)[0]["object"] is not None
    assert quantities_of("Their picks or two of them.", nlp) == []
