"""TempEval-3's notational habits, applied to our dates when scoring, on hand-written TimeML."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.evaluate.dates import evaluate
from pipeline.evaluate.timebank import (
    past_unit_as_calendar_unit,
    time_on_named_day_as_date,
    timebank_spellings,
    unanchored_week,
)
from pipeline.evaluate.timeml import parse_timeml

TEXT = "Shares fell 2% for the week. The vote came early Friday morning, not Friday."


def _item(extent: str, type_: str, value: str) -> dict:
    start = TEXT.index(extent)
    return {"start": start, "end": start + len(extent), "type": type_, "value": value}


def test_the_week_is_timebanks_unanchored_week():
    week = _item("the week", "DATE", "1989-W44")
    assert unanchored_week("the week", week)["value"] == "1989-WXX"
    assert week["value"] == "1989-W44"  # a copy: our item is left as it is
    # Only the bare phrase, only a week value.
    assert unanchored_week("the week of March 6", week)["value"] == "1989-W44"
    assert unanchored_week("the week", {**week, "value": "P1W"})["value"] == "P1W"


def test_a_time_on_a_named_day_is_aquaints_date():
    morning = _item("early Friday morning", "TIME", "2000-01-28TMO")
    assert time_on_named_day_as_date("early Friday morning", morning)["type"] == "DATE"
    clock = {**morning, "value": "2000-04-04T09:00"}
    for text in ("9 a.m. Tuesday", "4 a.m. EDT Thursday", "tonight", "the next morning"):
        assert time_on_named_day_as_date(text, clock)["type"] == "DATE", text
    friday = _item("Friday", "DATE", "2000-01-28")
    assert time_on_named_day_as_date("Friday", friday)["type"] == "DATE"
    # A clock time alone is a TIME in AQUAINT too; so is a part of day without its day.
    for text in ("10 a.m.", "4 in the morning", "midday", "the morning"):
        assert time_on_named_day_as_date(text, clock)["type"] == "TIME", text


@pytest.mark.parametrize(
    ("text", "value", "dct", "expected"),
    [
        ("the past year", "P1Y", date(2023, 6, 13), "2022"),
        ("the last year", "P1Y", date(2021, 2, 1), "2020"),
        ("the past month", "P1M", date(2023, 6, 13), "2023-05"),
        ("the past month", "P1M", date(2023, 6, 28), "2023-06"),
        ("the last week", "P1W", date(2023, 6, 13), "2023-W23"),
        ("the past week", "P1W", date(2023, 6, 16), "2023-W24"),
        ("the last decade", "P10Y", date(1998, 2, 6), "198"),
    ],
)
def test_the_past_unit_is_tempeval_s_calendar_unit_before(text, value, dct, expected):
    item = {"start": 0, "end": len(text), "type": "DURATION", "value": value}
    assert past_unit_as_calendar_unit(text, item, dct) == {
        **item,
        "type": "DATE",
        "value": expected,
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [("the past decade", "P10Y"), ("the past two years", "P2Y"), ("the entire week", "P1W")],
)
def test_other_stretches_stay_durations(text, value):
    item = {"start": 0, "end": len(text), "type": "DURATION", "value": value}
    assert past_unit_as_calendar_unit(text, item, date(2023, 6, 13)) == item


def test_spellings_by_corpus():
    items = [_item("the week", "DATE", "2000-W04"), _item("early Friday morning", "TIME", "X")]
    timebank = timebank_spellings(TEXT, items, "TimeBank")
    assert [(i["type"], i["value"]) for i in timebank] == [("DATE", "2000-WXX"), ("TIME", "X")]
    aquaint = timebank_spellings(TEXT, items, "AQUAINT")
    assert [(i["type"], i["value"]) for i in aquaint] == [("DATE", "2000-WXX"), ("DATE", "X")]
    assert items[0]["value"] == "2000-W04"


SNIPPET = """<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-03">Nov. 3</TIMEX3></DCT>
<TEXT>Stocks rose for <TIMEX3 tid="t1" type="DATE" value="1989-WXX">the week</TIMEX3>.</TEXT>
</TimeML>"""


def test_scoring_writes_our_record_in_the_gold_notation(tmp_path):
    gold = tmp_path / "gold" / "TimeBank"
    gold.mkdir(parents=True)
    (gold / "T1.tml").write_text(SNIPPET, encoding="utf-8")
    text = parse_timeml(SNIPPET).text
    start = text.index("the week")
    record = {
        "id": "T1",
        "text": text,
        "dates": [{"start": start, "end": start + 8, "type": "DATE", "value": "1989-W44"}],
    }
    preds = tmp_path / "pred.jsonl"
    preds.write_text(json.dumps(record) + "\n", encoding="utf-8")
    metrics = evaluate(tmp_path / "gold", preds)
    assert (metrics["relaxed_matched"], metrics["value_matched"]) == (1, 1)
