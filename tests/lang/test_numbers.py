"""The shared number-word parser and its table (``pipeline.lang.numbers``)."""

from __future__ import annotations

import pytest

from pipeline.lang.numbers import (
    PARSER_KINDS,
    count_words,
    load_number_words,
    ordinal_words,
    parse_number,
    read_number,
    vague_plurals,
    words_of_kinds,
)
from pipeline.lexicons import ResourceError


def words(text: str) -> list[str]:
    """Lower-case words as a tokenizer splits them ("twenty-five" -> twenty, -, five)."""
    return text.lower().replace("-", " - ").split()


@pytest.mark.parametrize(
    ("text", "value", "kind", "last"),
    [
        ("three", 3, "cardinal", 0),
        ("twenty-five people", 25, "cardinal", 2),
        ("twenty five", 25, "cardinal", 1),
        ("three hundred", 300, "cardinal", 1),
        ("three hundred and five", 305, "cardinal", 3),
        ("two thousand five hundred", 2500, "cardinal", 3),
        ("a dozen eggs", 12, "cardinal", 1),
        ("two dozen", 24, "cardinal", 1),
        ("a hundred", 100, "cardinal", 1),
        ("one and a half", 1.5, "cardinal", 3),
        ("a third of", 1 / 3, "fraction", 1),
        ("two - thirds", 2 / 3, "fraction", 2),
        ("half of", 0.5, "fraction", 0),
        ("sixfold", 6, "fold", 0),
        ("five six", 5, "cardinal", 0),  # two numbers, the first read
        ("twenty thirty", 20, "cardinal", 0),
    ],
)
def test_read_number(text: str, value: float, kind: str, last: int) -> None:
    reading = read_number(words(text), 0)
    assert reading is not None
    assert (reading.value, reading.kind, reading.last) == (pytest.approx(value), kind, last)


@pytest.mark.parametrize("text", ["third place", "a day", "an apple", "several", "dozens of", "-"])
def test_read_number_reads_nothing(text: str) -> None:
    assert read_number(words(text), 0) is None


def test_read_number_starts_at_the_index_and_flags_large_scales() -> None:
    reading = read_number(["about", "three", "million", "people"], 1)
    assert (reading.value, reading.last, reading.scaled) == (3e6, 2, True)
    assert read_number(["three", "hundred"], 0).scaled is False


def test_read_number_uses_the_table_it_is_given() -> None:
    table = {"zwei": (2.0, "unit"), "hundert": (100.0, "scale")}
    assert read_number(["zwei", "hundert"], 0, table).value == 200
    assert read_number(["two"], 0, table) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("2,000", 2000),
        ("5 1/2", 5.5),
        ("two", 2),
        ("Twenty-Five", 25),
        ("a", 1),
        ("an", 1),
        ("a couple of", 2),
        ("A  couple  of", 2),
        ("a dozen", 12),
        ("a hundred", 100),
        ("two hundred", 200),
        ("ten thousand", 10000),
        ("2.5 thousand", 2500),
        ("three or four", 3),
        ("two to three", 2),
        ("several", None),
        ("a few", None),
        ("several hundred", None),
        ("a dozen hundred", None),
        ("two million", None),  # a count of time units stops at the thousands
        ("zero", None),
        ("blue", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_count_words_are_the_counts_of_time_units_in_order() -> None:
    counts = count_words()
    assert list(counts)[:3] == ["a", "an", "one"]
    assert counts["ninety"] == 90 and counts["hundred"] == 100
    assert counts["a couple of"] == 2 and counts["several"] is None
    assert not {"zero", "thousand", "million", "half", "dozen", "sixfold"} & set(counts)


def test_parser_kinds_leave_out_whole_phrases_and_vague_counts() -> None:
    table = words_of_kinds(PARSER_KINDS)
    assert table["dozen"] == (12.0, "dozen") and table["twenty"] == (20.0, "ten")
    assert not {"a", "an", "several", "dozens", "a couple of"} & set(table)


def test_vague_plurals_span_one_order_of_magnitude() -> None:
    plurals = vague_plurals()
    assert plurals["dozens"] == (12, 120)
    assert plurals["tens"] == (10, 100)
    assert plurals["billions"] == (1e9, 1e10)


def test_a_given_table_text_replaces_the_file() -> None:
    assert load_number_words(text="eins\t1\tunit\n") == {"eins": (1.0, "unit")}


@pytest.mark.parametrize(
    ("text", "problem"),
    [("one\t1\tnumeral\n", "unknown kind"), ("one\tuno\tunit\n", "not a number")],
)
def test_a_malformed_row_names_the_file(text: str, problem: str) -> None:
    with pytest.raises(
        ResourceError, match=rf"pipeline/lang/data/number_words.tsv line 1: .*{problem}"
    ):
        load_number_words(text=text)


def test_ordinal_words_count_from_one_and_are_no_number_words() -> None:
    ordinals = ordinal_words()
    assert list(ordinals.values()) == list(range(1, len(ordinals) + 1))
    assert (ordinals["first"], ordinals["twelfth"], ordinals["twenty-first"]) == (1, 12, 21)
    # "third" stays a fraction for the parser: the ordinals are a table of their own.
    assert load_number_words()["third"][1] == "fraction"
