"""The scans that spare the family patterns: they must find what the patterns alone find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.components.dates.lexicon import load_lexicons
from pipeline.components.dates.scan import matches, prefixes, scannable, start_positions

from .helpers import SAMPLE_DATE, assert_timex

CORPUS = Path(__file__).resolve().parents[3] / "corpora"
#: Texts where a start or an anchor is spelled in other case, spacing or next to punctuation.
EDGE_TEXTS = [
    "On MONDAY,\tJAN. 5 and (Feb 3, 2020) at 10:30 a.m. EST, then Sept5 and mid-March.",
    "TWICE  A\nYEAR, Three TIMES per\tweek, once every day; 5 IN THE MORNING at 0600 GMT.",
    "Twenty-five years ago, the past 3 DAYS, another two weeks, an additional 1 1/2 hours.",
    "\"December 2019\"-era; [noon] Midnight; 'Wednesday'; #March 3; $2020 a year.",
    "The THIRD-quarter; fiscal 1999; the Year-Earlier period; Christmas Eve; St. Patrick's Day.",
    "RIGHT NOW, these days, Daily; the past 2 YEARS; Last Summer; the 5th of May 2001.",
    "In the ''90s, the '80s, the mid-1990s and the 21st Century; 2001-09-11, 9/11/01.",
]


def texts() -> list[str]:
    return EDGE_TEXTS + [path.read_text() for path in sorted(CORPUS.rglob("*.txt"))]


def test_the_corpora_have_texts():
    assert len(texts()) > len(EDGE_TEXTS)


@pytest.mark.parametrize("text", texts())
def test_trying_the_starts_only_finds_what_finditer_finds(text):
    lexicons = load_lexicons()
    lower = text.lower()
    assert scannable(text, lower)
    for family, pattern in lexicons.families:
        start = lexicons.starts.get(family)
        if start:
            found = [m.span() for m in matches(pattern, text, start_positions(start, lower))]
            assert found == [m.span() for m in pattern.finditer(text)], family


@pytest.mark.parametrize("text", texts())
def test_a_text_without_a_family_anchor_has_no_match_of_the_family(text):
    lexicons = load_lexicons()
    for family, anchor in lexicons.anchors.items():
        if not anchor.search(text.lower()):
            assert not dict(lexicons.families)[family].search(text), family


def test_no_family_pattern_matches_the_empty_string():
    # ``matches`` moves past each match's end: an empty match would not move it.
    for family, pattern in load_lexicons().families:
        assert re._parser.parse(pattern.pattern, pattern.flags).getwidth()[0] > 0, family


def test_a_start_word_must_begin_with_a_word_character():
    assert prefixes(["St. Patrick's Day", "1st"]) == "1st|st"
    with pytest.raises(ValueError):
        prefixes(["'90s"])


def test_a_text_whose_case_folds_otherwise_is_not_scanned():
    assert not scannable("İstanbul", "İstanbul".lower())
    assert not scannable("ſeptember", "ſeptember")


@pytest.mark.model
@pytest.mark.parametrize(
    "text,extent,value",
    [
        ("The report is released TWICE  A\nYEAR.", "TWICE  A\nYEAR", "P1Y"),
        ("The board meets three Times\tper week.", "three Times\tper week", "P1W"),
    ],
)
def test_a_frequency_in_other_case_and_spacing_is_found(make_doc, text, extent, value):
    assert_timex(make_doc, text, SAMPLE_DATE, extent, "SET", value, None)
