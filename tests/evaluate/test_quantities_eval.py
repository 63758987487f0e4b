"""NewsQuant reader and scorer of ``pipeline.evaluate.quantities``, on hand-written snippets."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluate.quantities import (
    evaluate,
    format_report,
    match_sentence,
    object_lemmas,
    parse_value,
    prediction_from_record,
    read_newsquant,
    score,
)

from ..components.quantities import hand_doc

SNIPPET = [
    {
        "text": "The index rose 3% to 1,200 points.",
        "quantities": [
            {
                "change": "up",
                "value": "3.0",
                "unit": "%",
                "normalized_unit": "percentage",
                "referred_concepts": "index",
            },
            {
                "change": "=",
                "value": "1200.0",
                "unit": "points",
                "normalized_unit": "point",
                "referred_concepts": "index",
            },
        ],
    },
    {"text": "Nothing to count here.", "quantities": []},
    {
        "text": "Prices range from 5 to 7 per cent.",
        "quantities": [
            {
                "change": "=",
                "value": "5.0 - 7.0",
                "unit": "per cent",
                "normalized_unit": "Percentage",
                "referred_concepts": "Prices",
            }
        ],
    },
]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("44655.0", 44655.0),
        ("1.0-1.5", (1.0, 1.5)),
        ("3.0 - 4.0", (3.0, 4.0)),
        ("-5.0", -5.0),
        ("1.99E-29", 1.99e-29),
        ("2.0-0.0", (2.0, 0.0)),
        (12, 12.0),
    ],
)
def test_parse_value(text, value):
    assert parse_value(text) == value


def test_parse_value_rejects_garbage():
    with pytest.raises(ValueError):
        parse_value("about five")


def test_read_newsquant(tmp_path):
    path = tmp_path / "mini.json"
    path.write_text(json.dumps(SNIPPET), encoding="utf-8")
    sentences = read_newsquant(path)
    assert [s["id"] for s in sentences] == ["mini-0000", "mini-0001", "mini-0002"]
    assert sentences[0]["gold"][0] == {"value": 3.0, "unit": "percentage", "change": "up"}
    assert sentences[2]["gold"][0]["value"] == (5.0, 7.0)
    assert sentences[2]["gold"][0]["unit"] == "percentage"  # lower-cased


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (
            {
                "value": 5,
                "low": None,
                "high": None,
                "change": ">=",
                "unit": "percent",
                "dimension": "percentage",
            },
            {"value": 5.0, "unit": "percentage", "change": ">"},
        ),
        (
            {"value": 7, "change": "=", "unit": "dollar", "per": "barrel", "object": None},
            {"value": 7.0, "unit": "dollar per barrel", "change": "="},
        ),
        (
            {"value": 0.5, "change": "=", "unit": None, "dimension": "fraction", "object": None},
            {"value": 0.5, "unit": "% -", "change": "="},
        ),
        (
            {"value": 6, "change": "=", "unit": "degree celsius", "dimension": "temperature"},
            {"value": 6.0, "unit": "celsius", "change": "="},
        ),
        (
            {"value": None, "low": 1, "high": 2, "change": "<=", "unit": None, "object": None},
            {"value": (1.0, 2.0), "unit": "-", "change": "<"},
        ),
        (
            {
                "value": 3,
                "change": "=",
                "unit": None,
                "object": {"text": "Cars", "start": 0, "end": 4},
            },
            {"value": 3.0, "unit": "cars", "change": "="},
        ),
    ],
)
def test_prediction_from_record(quantity, expected):
    assert prediction_from_record(quantity) == expected


def q(value, unit="-", change="="):
    return {"value": value, "unit": unit, "change": change}


def test_matching_prefers_unit_then_change_and_is_one_to_one():
    gold = [q(5.0, "percentage", "up"), q(5.0, "dollar")]
    predicted = [q(5.0, "dollar"), q(5.0, "percentage", "=")]
    assert sorted(match_sentence(gold, predicted)) == [(0, 1), (1, 0)]
    # one prediction cannot match two gold items
    assert len(match_sentence([q(5.0), q(5.0)], [q(5.0)])) == 1


def test_ranges_match_only_ranges():
    assert match_sentence([q((1.0, 2.0))], [q(1.0), q(2.0)]) == []
    assert match_sentence([q((1.0, 2.0))], [q((1.0, 2.0000001))]) == [(0, 0)]


def test_score_counts():
    metrics = score(
        [
            ([q(3.0, "percentage", "up"), q(1200.0, "point")], [q(3.0, "percentage", "="), q(7.0)]),
            ([], [q(1.0)]),
            ([q((5.0, 7.0), "percentage")], [q((5.0, 7.0), "percentage")]),
        ]
    )
    assert (metrics["gold"], metrics["predicted"]) == (3, 4)
    assert metrics["value"]["matched"] == 2
    assert metrics["value+unit"]["matched"] == 2
    assert metrics["value+change"]["matched"] == 1
    assert metrics["value"]["precision"] == pytest.approx(0.5)
    assert metrics["value"]["recall"] == pytest.approx(2 / 3)
    assert metrics["value"]["f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_evaluate_from_predictions_file(tmp_path):
    gold = tmp_path / "mini.json"
    gold.write_text(json.dumps(SNIPPET), encoding="utf-8")
    records = [
        {
            "id": "mini-0000",
            "text": SNIPPET[0]["text"],
            "quantities": [
                {
                    "value": 3,
                    "low": None,
                    "high": None,
                    "change": "up",
                    "unit": "percent",
                    "dimension": "percentage",
                    "object": None,
                },
                {
                    "value": 1200,
                    "low": None,
                    "high": None,
                    "change": "=",
                    "unit": "point",
                    "dimension": "count",
                    "object": None,
                },
            ],
        },
        {"id": "mini-0001", "text": SNIPPET[1]["text"], "quantities": []},
    ]
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    metrics = evaluate(gold, predictions)
    assert metrics["value"]["matched"] == 2
    assert metrics["missing_records"] == 1
    # the halves: sentences 0 (both matched) and 2 (no record) are the even half, 1 the odd
    even, odd = metrics["halves"]["even"], metrics["halves"]["odd"]
    assert (even["gold"], even["predicted"], even["value"]["matched"]) == (3, 2, 2)
    assert (odd["gold"], odd["predicted"], odd["value"]["matched"]) == (0, 0, 0)
    report = format_report(metrics)
    assert "value+unit" in report and "value+change" in report and "matched" in report
    assert "two halves" in report


@pytest.mark.model
def test_evaluate_in_process(tmp_path, nlp):
    gold = tmp_path / "mini.json"
    gold.write_text(json.dumps(SNIPPET), encoding="utf-8")
    metrics = evaluate(gold, nlp=nlp)
    assert metrics["gold"] == 3
    assert metrics["value"]["matched"] >= 2
    assert metrics["ms_per_sentence"] > 0


def test_object_lemmas_are_newsquants_spelling() -> None:
    text = "first-team players of the States"
    rows = [
        ("first", "ADJ", "JJ", "amod", 2),
        ("-", "PUNCT", "HYPH", "punct", 2),
        ("team", "NOUN", "NN", "compound", 3),
        ("players", "NOUN", "NNS", "ROOT", 3, "player"),
        ("of", "ADP", "IN", "prep", 3),
        ("the", "DET", "DT", "det", 6),
        ("States", "PROPN", "NNPS", "pobj", 4),
    ]
    assert object_lemmas(hand_doc(text, rows)[:]) == "first-team player state"


def test_object_lemmas_leave_out_participles() -> None:
    text = "recorded songs"
    rows = [("recorded", "VERB", "VBN", "amod", 1), ("songs", "NOUN", "NNS", "ROOT", 1, "song")]
    assert object_lemmas(hand_doc(text, rows)[:]) == "song"


def test_object_lemmas_take_the_nouns_modifiers_before_the_number() -> None:
    text = "the top three seeds"
    rows = [
        ("the", "DET", "DT", "det", 3),
        ("top", "ADJ", "JJ", "amod", 3),
        ("three", "NUM", "CD", "nummod", 3),
        ("seeds", "NOUN", "NNS", "ROOT", 3, "seed"),
    ]
    doc = hand_doc(text, rows)
    assert object_lemmas(doc[3:], text.index("three")) == "top seed"
    assert object_lemmas(doc[3:]) == "seed"  # no quantity start: the object alone


@pytest.mark.model
def test_evaluate_scores_a_change_named_after_the_amount_as_newsquants_level(tmp_path, nlp):
    text = "Rents fell to $900, a 4 percent drop, then 1.5% lower and fell by 2 percent."
    gold = tmp_path / "mini.json"
    quantities = [
        {"change": "=", "value": "900", "normalized_unit": "dollar"},
        {"change": "=", "value": "4", "normalized_unit": "percentage"},
        {"change": "=", "value": "1.5", "normalized_unit": "percentage"},
        {"change": "down", "value": "2", "normalized_unit": "percentage"},
    ]
    gold.write_text(json.dumps([{"text": text, "quantities": quantities}]), encoding="utf-8")
    metrics = evaluate(gold, nlp=nlp)
    assert metrics["value+change"]["matched"] == 4
    records = nlp(text)._.newsclaims_quantities
    changes = {text[q["start"] : q["end"]]: q["change"] for q in records}
    # the records keep the fall
    assert changes == {"$900": "=", "4 percent": "down", "1.5%": "down", "2 percent": "down"}
