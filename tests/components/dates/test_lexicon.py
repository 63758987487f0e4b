"""The dates lexicon: its kinds, lookups, and errors naming the file and line."""

from __future__ import annotations

import pytest

from pipeline.components.dates.lexicon import (
    KINDS,
    PATH,
    lower_words,
    month_number,
    read_lexicon,
    shipped_lexicon,
)
from pipeline.lexicons import ResourceError


def test_shipped_lexicon_has_every_kind_filled():
    lexicon = shipped_lexicon()
    assert lexicon["month"]["january"] == "01"
    assert lexicon["mod"]["nearly"] == "APPROX"
    assert lexicon["weekday"]["tuesday"] == "2"
    assert all(lexicon[kind] for kind in KINDS)


def test_a_lexicon_text_is_read_in_lower_case_with_empty_values():
    lexicon = read_lexicon("# comment\nunit\tFortnight\t2W\nlabel\tRoom\n")
    assert lexicon["unit"] == {"fortnight": "2W"}
    assert lexicon["label"] == {"room": ""}
    assert lexicon["deictic"] == {}


def test_calendar_and_count_words_come_from_the_shared_lexicons_not_the_file():
    lexicon = read_lexicon("label\troom\n")
    assert lexicon["month"]["sept."] == "09"
    assert lexicon["weekday"]["sunday"] == "7"
    assert lexicon["season"]["autumn"] == "FA"
    assert (lexicon["number"]["twenty"], lexicon["number"]["several"]) == ("20", "X")
    with pytest.raises(ResourceError, match=rf"pipeline/{PATH} line 1:"):
        read_lexicon("month\tjanuary\t01\n")  # months are pipeline/lang's, not this file's


@pytest.mark.parametrize(
    ("text", "line"),
    [("unit\tyear\tY\nunits\tmonth\tM\n", 2), ("unit\n", 1), ("unit\t \tY\n", 1)],
)
def test_a_bad_line_names_the_file_and_line(text, line):
    with pytest.raises(ResourceError, match=rf"pipeline/{PATH} line {line}:"):
        read_lexicon(text)


@pytest.mark.parametrize(
    ("word", "number"), [("January", 1), ("Sept.", 9), ("sept", 9), ("Dec", 12), ("jun", 6)]
)
def test_month_number_with_or_without_the_dot(word, number):
    assert month_number(word, shipped_lexicon()) == number


def test_lower_words():
    assert lower_words("  The\n Near  Term ") == "the near term"
    assert lower_words(None) == ""
