"""The seed article (corpora/sample/), checked item by item against what the foundation promises.

These are the checks of the foundation issue: entities clustered with their
long forms, the quantities and dates a fact-checker needs, and the quoted,
denied, accused and "according to" claims with resolved speakers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.io.readers import read_articles
from pipeline.process import process_articles

from .contract import assert_valid_record

pytestmark = pytest.mark.model

SAMPLE = Path(__file__).parent.parent / "corpora" / "sample" / "000_0310359b324a0dcd.txt"


@pytest.fixture(scope="module")
def record(nlp) -> dict:
    [article] = read_articles([SAMPLE])
    [record] = process_articles([article], nlp=nlp)
    return record


def at(record: dict, key: str, text: str, nth: int = 0) -> dict:
    """The ``nth`` item of ``record[key]`` whose text is ``text``."""
    items = [item for item in record[key] if item["text"] == text]
    assert len(items) > nth, (
        f"no {key} item {text!r} (#{nth}); have {[i['text'] for i in record[key]]}"
    )
    return items[nth]


def test_record_is_valid_and_dated(record: dict) -> None:
    assert_valid_record(record)
    assert record["id"] == "000_0310359b324a0dcd"
    assert record["meta"]["date"] == "2023-06-13"
    assert record["text"] == SAMPLE.read_text(encoding="utf-8")
    assert json.loads(json.dumps(record)) == record


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("RFA", "Radio Free Asia"),
        ("KCNA", "Korean Central News Agency"),
        ("NSC", "National Security Council"),
    ],
)
def test_abbreviations_share_the_long_form_entity(record: dict, short: str, long: str) -> None:
    shorts = [e for e in record["entities"] if e["text"] == short]
    longs = [e for e in record["entities"] if long in e["text"]]
    assert shorts and longs
    assert {e["entity_id"] for e in shorts} == {longs[0]["entity_id"]}
    assert all(long in e["canonical"] for e in shorts)


def test_every_rfa_is_found_even_where_the_model_misses_it(record: dict) -> None:
    text = record["text"]
    rfa_offsets = [i for i in range(len(text)) if text.startswith("RFA", i)]
    assert sorted(e["start"] for e in record["entities"] if e["text"] == "RFA") == rfa_offsets


def test_kirby_is_john_kirby(record: dict) -> None:
    kirby, john = at(record, "entities", "Kirby"), at(record, "entities", "John Kirby")
    assert kirby["entity_id"] == john["entity_id"] and kirby["canonical"] == "John Kirby"


def test_kim_continued_is_soo_kim(record: dict) -> None:
    kim = next(e for e in record["entities"] if e["start"] == record["text"].index("Kim continued"))
    assert kim["canonical"] == "Soo Kim"


@pytest.mark.parametrize(
    ("text", "value", "unit", "change", "per", "obj"),
    [
        ("44,655 barrels", 44655, "barrel", "=", None, "oil"),
        ("67,300 barrels", 67300, "barrel", "=", None, "oil"),
        ("upwards of 1 million", 1000000, None, ">", None, "cases"),
        ("above 500,000 barrels", 500000, "barrel", ">", "year", None),
    ],
)
def test_quantities(record: dict, text: str, value, unit, change, per, obj) -> None:
    found = [q for q in record["quantities"] if text in q["text"]]
    assert found, f"no quantity containing {text!r}: {[q['text'] for q in record['quantities']]}"
    quantity = found[0]
    assert (quantity["value"], quantity["change"]) == (value, change)
    if unit is not None:
        assert quantity["unit"] == unit
    assert quantity["per"] == per
    if obj is not None:
        assert quantity["object"] is not None and quantity["object"]["text"] == obj


def test_no_quantity_is_made_of_a_year(record: dict) -> None:
    for quantity in record["quantities"]:
        assert quantity["value"] not in (2020, 2022, 2023), quantity


@pytest.mark.parametrize(
    ("text", "value", "nth"),
    [
        ("Tuesday", "2023-06-13", 0),
        ("Monday", "2023-06-12", 0),
        ("this year", "2023", 0),
        ("January", "2023-01", 0),
        ("That month", "2023-01", 0),
        ("August 2020", "2020-08", 0),
        ("September", "2022-09", 0),
    ],
)
def test_dates(record: dict, text: str, value: str, nth: int) -> None:
    assert at(record, "dates", text, nth)["value"] == value


def test_nearly_three_year_pause_is_an_approximate_duration(record: dict) -> None:
    timex = next(d for d in record["dates"] if "three-year" in d["text"])
    assert (timex["type"], timex["value"]) == ("DURATION", "P3Y")
    assert timex["mod"] in ("APPROX", "LESS_THAN")


def quoted(record: dict) -> list[dict]:
    return [c for c in record["claims"] if c["kind"] == "direct"]


def test_the_six_quotes_have_their_speakers(record: dict) -> None:
    text = record["text"]
    speakers = {}
    for claim in quoted(record):
        start = claim["content"]["start"]
        speakers[start] = claim["source"]["canonical"] if claim["source"] else None
    expected = {
        "“I would guess": "Soo Kim",
        "“At this stage": "Soo Kim",
        "“North Korea is willing": "Soo Kim",
        "“As we have said": "John Kirby",
        "“We obviously condemn": "John Kirby",
        "“Trying to tarnish": "Kwon Jong Gun",
    }
    assert speakers == {text.index(opening): speaker for opening, speaker in expected.items()}
    kim = [c for c in quoted(record) if c["source"]["text"] == "Kim"]
    assert [c["cue"]["text"] for c in kim] == ["continued", "continued"]


def test_the_denial_and_the_accusation(record: dict) -> None:
    text = record["text"]
    denial = [c for c in record["claims"] if c["cue"] and c["cue"]["text"] == "denied"]
    assert denial and denial[0]["stance"] == "deny"
    assert denial[0]["source"]["text"].endswith("North Korean officials")
    accusation = [c for c in record["claims"] if c["cue"] and c["cue"]["text"] == "accused"]
    assert accusation and accusation[0]["stance"] == "accuse"
    assert "intelligence report" in accusation[0]["source"]["text"]
    kwon = next(c for c in record["claims"] if c["content"]["start"] == text.index("“Trying"))
    assert kwon["stance"] == "deny"


def test_according_to_the_security_council(record: dict) -> None:
    claims = [c for c in record["claims"] if c["kind"] == "according_to"]
    assert claims
    claim = claims[0]
    assert claim["cue"]["text"] == "according to"
    assert "Security Council information" in claim["source"]["text"]
    assert claim["content"]["text"].startswith("Russia shipped 44,655 barrels of oil")
    quantity = record["quantities"][claim["mentions"]["quantities"][0]]
    assert quantity["value"] == 44655


def test_scare_quotes_and_the_related_line_are_not_claims(record: dict) -> None:
    text = record["text"]
    for phrase in ("“special operation”", "(“annexation”)", "“We’ve Chosen”"):
        start = text.index(phrase)
        assert not any(
            c["content"]["start"] <= start < c["content"]["end"] and c["kind"] == "direct"
            for c in record["claims"]
        ), phrase
