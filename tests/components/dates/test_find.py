"""``find_dates`` end to end: the sample article, texts without timexes, missing dates.

The stage's cases by kind of expression are in the test modules named for the
module that reads them (``test_absolute``, ``test_relative``, ``test_tense``, ...).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.components.dates import find_dates
from pipeline.process import process_text
from tests.components.dates.helpers import SAMPLE_DATE, one, timexes
from tests.contract import assert_valid_record

ROOT = Path(__file__).parents[3]
SAMPLE = ROOT / "corpora" / "sample" / "000_0310359b324a0dcd.txt"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "One of the three suspects was released.",
        "Under Section 427 of the act, the fine is due.",
        "Call 202-555-1990 for details.",
        "The bill passed 1,999 to 12.",
        "He may visit, she said.",
        "Sales rose 2023 percent.",
        "The JoongAng Daily reported the shipments.",
        "The boy, 6-year-old Elian, was rescued.",
        "Mr. Reupke, 52 years old, had been the editor.",
        "Japan imports about three-quarters of its fuel.",
        "The talks resume as soon as the envoy lands.",
        "He told USA Today the plan was dead.",
        "He was soon released by the police.",
        "Residents fled the old quarters of the city.",
        "Observers said the election day passed calmly in the capital.",
        'He said on CBS\'s "60 Minutes" that he was sorry.',
        "",
        "“Odd ‘quotes’ —",
    ],
)
def test_no_timex(make_doc, text):
    assert timexes(make_doc, text, SAMPLE_DATE) == []


@pytest.mark.model
def test_sample_article(make_doc):
    text = SAMPLE.read_text(encoding="utf-8")
    items = timexes(make_doc, text, SAMPLE_DATE)

    def at(extent: str, occurrence: int = 0) -> dict:
        return [d for d in items if d["text"] == extent][occurrence]

    assert at("Tuesday")["value"] == "2023-06-13"
    assert at("Monday")["value"] == "2023-06-12"
    assert at("this year")["value"] == "2023"
    assert at("January")["value"] == "2023-01"  # "in January" -> extent "January"
    assert not any(d["text"].startswith("in ") or d["text"].startswith("on ") for d in items)
    assert at("That month")["value"] == "2023-01"  # anaphoric to January, not to "2020"
    assert at("August 2020")["value"] == "2020-08"
    assert at("September")["value"] == "2022-09"
    pause = at("nearly three-year")
    assert (pause["type"], pause["value"], pause["mod"]) == ("DURATION", "P3Y", "APPROX")
    end = at("the end of last year")
    assert (end["value"], end["mod"]) == ("2022", "END")
    first, second = at("December 2022"), at("April 2023")
    assert (first["type"], first["value"], second["type"], second["value"]) == (
        "DATE",
        "2022-12",
        "DATE",
        "2023-04",
    )
    assert first["range"] == second["range"] == {"start": "2022-12-01", "end": "2023-05-01"}
    assert first["interval"] == {"start": "2022-12-01", "end": "2023-01-01"}


@pytest.mark.model
def test_sample_record_is_valid(nlp):
    record = process_text(SAMPLE.read_text(encoding="utf-8"), date=SAMPLE_DATE, nlp=nlp)
    assert_valid_record(record)
    assert len(record["dates"]) >= 15


@pytest.mark.model
@pytest.mark.parametrize(
    "text,extent,value",
    [
        ("The council met on Tuesday.", "Tuesday", "XXXX-WXX-2"),
        ("The statement in January announced it.", "January", "XXXX-01"),
        ("Sales rose this year.", "this year", "XXXX"),
        ("Sales fell last month.", "last month", "XXXX-XX"),
        ("The plant closed two years ago.", "two years ago", "XXXX"),
        ("Shares rose yesterday.", "yesterday", "XXXX-XX-XX"),
        ("That month, oil was shipped.", "That month", "XXXX-XX"),
    ],
)
def test_no_relative_value_without_pub_date(make_doc, text, extent, value):
    item = one(timexes(make_doc, text, None), extent)
    assert item["value"] == value
    assert item["interval"] is None


@pytest.mark.model
def test_absolute_values_without_pub_date(make_doc):
    item = one(timexes(make_doc, "It happened in August 2020.", None), "August 2020")
    assert item["value"] == "2020-08"


def test_no_clock_in_stage_sources():
    paths = sorted((ROOT / "pipeline" / "components" / "dates").glob("*.py"))
    assert len(paths) > 10
    for path in paths:
        source = path.read_text(encoding="utf-8")
        for forbidden in ("datetime.now", "date.today", "datetime.today", "time.time("):
            assert forbidden not in source, f"{path.name} reads the clock ({forbidden})"


@pytest.mark.model
def test_find_dates_on_doc_without_parse(nlp):
    doc = nlp.make_doc("The talks ended on Tuesday after two years.")
    items = find_dates(doc, pub_date=SAMPLE_DATE)
    assert [(doc.text[d["start"] : d["end"]], d["value"]) for d in items] == [
        ("Tuesday", "2023-06-13"),
        ("two years", "P2Y"),
    ]


@pytest.mark.model
def test_bad_pub_date_degrades(make_doc):
    item = one(timexes(make_doc, "Shares rose yesterday.", "not a date"), "yesterday")
    assert item["value"] == "XXXX-XX-XX"


@pytest.mark.parametrize(
    ("ents", "found"),
    [
        (None, []),  # no entity annotation: a weak candidate is dropped
        (["O", "O", "O", "O", "O", "O", "O"], []),
        (["O", "O", "B-DATE", "I-DATE", "O", "O", "O"], [("a day", "P1D")]),
        (["O", "O", "O", "B-TIME", "O", "O", "O"], [("a day", "P1D")]),  # any overlap
    ],
)
def test_a_weak_candidate_needs_a_date_or_time_entity(ents, found):
    words = ["It", "took", "a", "day", "of", "talks", "."]
    spaces = [True, True, True, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, ents=ents)
    items = find_dates(doc, pub_date=SAMPLE_DATE)
    assert [(doc.text[d["start"] : d["end"]], d["value"]) for d in items] == found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "extents"),
    [
        # A year-like number that counts things is no year.
        ("About 1500 people protested outside.", []),
        ("The company cut 1800 jobs.", []),
        ("Some 2000 soldiers were sent to the border.", []),
        ("He ran 2000 kilometers.", []),
        # A year before a plural noun still names the year.
        ("The 2020 elections were contested.", ["2020"]),
        ("Analysts were predicting 1990 earnings of $3 a share.", ["1990"]),
    ],
)
def test_a_year_like_count_is_no_year(make_doc, text, extents):
    assert [d["text"] for d in timexes(make_doc, text, SAMPLE_DATE)] == extents


@pytest.mark.model
def test_a_year_the_model_misreads_as_a_count_stays_before_a_singular_noun(make_doc):
    items = timexes(make_doc, "Donors gave to her 2000 Senate campaign.", SAMPLE_DATE)
    assert [(d["text"], d["value"]) for d in items] == [("2000", "2000")]
