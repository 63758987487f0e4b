"""Numbers in digits and in words (``quantities.numbers``)."""

from __future__ import annotations

import pytest

from pipeline.components.quantities.find import find_quantities
from pipeline.components.quantities.numbers import (
    DIGITS_RE,
    find_digit_atoms,
    find_word_atoms,
    number_value,
)

from . import finder_of, hand_doc, untagged_doc


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("44,655", 44655),
        ("5.5", 5.5),
        (".001", 0.001),
        ("1/16", 1 / 16),
        ("1.99×10−30", 1.99e-30),
        ("3/0", 3),  # a zero denominator keeps the numerator
    ],
)
def test_number_value(text: str, value: float) -> None:
    assert number_value(DIGITS_RE.match(text)) == pytest.approx(value)


def words_doc(text: str):
    """One token per space-separated word; numbers NUM, the rest nouns, no parse."""
    rows = [
        (w, "NUM" if w[0].isdigit() else "NOUN", "CD" if w[0].isdigit() else "NN", "dep", 0)
        for w in text.split()
    ]
    return hand_doc(text, rows)


@pytest.mark.parametrize(
    ("text", "start", "value", "unit"),
    [
        ("paid US$58.24bn", 5, 58.24e9, "dollar"),
        ("at -5 celsius", 3, -5, "degree celsius"),
        ("it is minus-5 celsius", 6, -5, "degree celsius"),
        ("Dow +0.2%", 4, 0.2, "percent"),
    ],
)
def test_digit_atoms_read_sign_currency_scale_and_unit(text, start, value, unit) -> None:
    doc = untagged_doc(text)
    (atom,) = find_digit_atoms(finder_of(doc))
    assert (atom.start, atom.value, atom.unit) == (start, pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "V10 engine",  # glued to a word
        "COVID-19 cases",
        "at 10:30 today",  # clock time
        "the 96th minute",  # ordinal
        "in the 1990s",
        "a 3:1 ratio",
        "call 555-123-4567 now",
        "after 9/11 attacks",  # a fraction only before "of" or a unit
        "the 9AB8 code",
    ],
)
def test_digits_that_are_no_number(text: str) -> None:
    doc = untagged_doc(text)
    assert find_digit_atoms(finder_of(doc)) == []


def test_a_digit_number_uses_its_tokens_so_words_are_not_read_again() -> None:
    doc = untagged_doc("5 million people")
    finder = finder_of(doc)
    (atom,) = find_digit_atoms(finder)
    assert atom.value == 5e6 and finder.used == [True, True, False]
    assert find_word_atoms(finder) == []


def test_number_words_with_their_counted_noun() -> None:
    text = "three hundred and five people"
    rows = [
        ("three", "NUM", "CD", "compound", 1),
        ("hundred", "NUM", "CD", "nummod", 4),
        ("and", "CCONJ", "CC", "cc", 1),
        ("five", "NUM", "CD", "conj", 1),
        ("people", "NOUN", "NNS", "ROOT", 4),
    ]
    (atom,) = find_word_atoms(finder_of(hand_doc(text, rows)))
    assert (atom.value, atom.obj, atom.words) == (305, (23, 29), True)


def test_a_bare_number_word_is_kept_only_with_a_unit_or_object() -> None:
    (atom,) = find_word_atoms(finder_of(words_doc("three of")))  # "of" and nothing after
    assert atom.keep_bare is False


def test_vague_plurals_are_ranges() -> None:
    (atom,) = find_word_atoms(finder_of(words_doc("tens of thousands of students")))
    assert (atom.low, atom.high, atom.obj) == (1e4, 1e5, (21, 29))
    assert find_word_atoms(finder_of(words_doc("dozens"))) == []  # without "of"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("hundreds of thousands of people", 1e5, 1e6),
        ("hundreds of millions of dollars", 1e8, 1e9),
        ("dozens of thousands of people", 12e3, 120e3),
        ("thousands of hundreds", 1e3, 1e4),  # a smaller scale after "of" is what is counted
    ],
)
def test_a_larger_plural_scale_after_of_multiplies_a_vague_plural(
    text: str, low: float, high: float
) -> None:
    atom = find_word_atoms(finder_of(words_doc(text)))[0]
    assert (atom.low, atom.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one in three voters", 1 / 3),
        ("one out of four voters", 1 / 4),
        ("a third of voters", 1 / 3),
    ],
)
def test_proportions_in_words(text: str, value: float) -> None:
    (atom,) = find_word_atoms(finder_of(words_doc(text)))
    assert atom.fraction and atom.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "one of the best",  # picks one out
        "a third party",  # a fraction only before "of" or after "by"
        "the third voters",  # an ordinal
    ],
)
def test_number_words_that_are_no_number(text: str) -> None:
    assert [a for a in find_word_atoms(finder_of(words_doc(text))) if a.keep_bare] == []


@pytest.mark.parametrize(
    "text", ["widened by a third", "fell by nearly a third", "grew by more than a third"]
)
def test_a_fraction_after_by(text: str) -> None:
    (atom,) = find_word_atoms(finder_of(words_doc(text)))
    assert atom.fraction and atom.value == pytest.approx(1 / 3)


def test_fold_is_a_multiple() -> None:
    (atom,) = find_word_atoms(finder_of(words_doc("grew sixfold")))
    assert (atom.value, atom.unit, atom.dimension, atom.unit_text) == (
        6,
        "times",
        "count",
        "sixfold",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("half a million votes", [500000]),
        ("half a dozen parks", [6]),
        ("half an apple", []),  # half of one thing: no number after "an"
        ("a half million residents", [500000]),
        ("a quarter billion dollars", [250000000]),
    ],
)
def test_half_a_number(text: str, expected: list) -> None:
    rows = [
        (word, "NOUN", "NNS" if word.endswith("s") else "NN", "ROOT", 0) for word in text.split()
    ]
    doc = hand_doc(text, rows)
    assert [q["value"] for q in find_quantities(doc)] == expected
