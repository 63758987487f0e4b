"""The dates lexicon: its kinds, lookups, and errors naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.components.dates.lexicon import (
    DATA_FILES,
    KINDS,
    PATH,
    load_lexicons,
    lower_words,
    read_lexicons,
    read_words,
)
from pipeline.components.dates.patterns import DatesLexicons
from pipeline.lexicons import ResourceError, resource_text


def test_the_data_files_are_the_files_in_data():
    data = Path(__file__).parents[3] / "pipeline" / "components" / "dates" / "data"
    assert sorted(DATA_FILES) == sorted(f"components/dates/data/{f.name}" for f in data.iterdir())


def test_read_lexicons_parses_the_texts_it_is_given():
    shipped = read_lexicons()
    assert isinstance(shipped, DatesLexicons)
    assert "anon" not in shipped.words["deictic"]
    edited = read_lexicons({PATH: resource_text(PATH) + "deictic\tanon\tFUTURE_REF\n"})
    assert edited.words["deictic"]["anon"] == "FUTURE_REF"
    deictic = dict(edited.families)["deictic"]
    assert deictic.search("They will meet anon.") is not None
    assert dict(shipped.families)["deictic"].search("They will meet anon.") is None


def test_the_parts_of_the_day_with_a_code_are_the_partofday_rows_without_a_clock_time():
    words = load_lexicons().words
    assert words["part"] == {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
    assert words["partofday"]["noon"] == "12:00"


def test_shipped_lexicon_has_every_kind_filled():
    lexicon = load_lexicons().words
    assert lexicon["month"]["january"] == "01"
    assert lexicon["mod"]["nearly"] == "APPROX"
    assert lexicon["weekday"]["tuesday"] == "2"
    assert all(lexicon[kind] for kind in KINDS)


def test_a_lexicon_text_is_read_in_lower_case_with_empty_values():
    lexicon = read_words("# comment\nunit\tFortnight\t2W\nlabel\tRoom\n")
    assert lexicon["unit"] == {"fortnight": "2W"}
    assert lexicon["label"] == {"room": ""}
    assert lexicon["deictic"] == {}


def test_calendar_and_count_words_come_from_the_shared_lexicons_not_the_file():
    lexicon = read_words("label\troom\n")
    assert lexicon["month"]["sept."] == "09"
    assert lexicon["weekday"]["sunday"] == "7"
    assert lexicon["season"]["autumn"] == "FA"
    assert (lexicon["number"]["twenty"], lexicon["number"]["several"]) == ("20", "X")
    with pytest.raises(ResourceError, match=rf"pipeline/{PATH} line 1:"):
        read_words("month\tjanuary\t01\n")  # months are pipeline/lang's, not this file's


@pytest.mark.parametrize(
    ("text", "line"),
    [("unit\tyear\tY\nunits\tmonth\tM\n", 2), ("unit\n", 1), ("unit\t \tY\n", 1)],
)
def test_a_bad_line_names_the_file_and_line(text, line):
    with pytest.raises(ResourceError, match=rf"pipeline/{PATH} line {line}:"):
        read_words(text)


def test_lower_words():
    assert lower_words("  The\n Near  Term ") == "the near term"
    assert lower_words(None) == ""
