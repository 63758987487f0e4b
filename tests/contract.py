"""``assert_valid_record``: the output contract, checked on every record a test sees.

Mirrors docs/output-contract.md (``newsclaims.article/1``): field names,
types, vocabularies, and ``text[start:end] == span["text"]`` for every span,
including claim parts, quantity objects and the fields this project adds
(``cue_phrase``, ``cue_score``, a quantity's ``dimension``, a date's ``range``).
"""

from __future__ import annotations

import re
from typing import Any

from pipeline import about
from pipeline.schema import (
    CHANGES,
    CLAIM_KINDS,
    CLAIM_ORIGINS,
    DATE_TYPES,
    SCHEMA,
    SOURCE_TYPES,
    STANCES,
)

ISO_DATE = re.compile(about.ISO_DATE)
NUMBER = (int, float)


def assert_span(text: str, item: Any, where: str) -> None:
    assert isinstance(item, dict), f"{where}: a span must be an object, got {item!r}"
    for key in ("text", "start", "end"):
        assert key in item, f"{where}: span has no {key!r}"
    start, end = item["start"], item["end"]
    assert isinstance(start, int) and isinstance(end, int), f"{where}: offsets must be ints"
    assert 0 <= start <= end <= len(text), f"{where}: offsets {start}:{end} out of range"
    assert text[start:end] == item["text"], (
        f"{where}: text[{start}:{end}] is {text[start:end]!r}, span says {item['text']!r}"
    )


def assert_valid_record(record: dict[str, Any]) -> None:
    assert record["schema"] == SCHEMA
    assert isinstance(record["id"], str) and record["id"]
    source = record["source"]
    assert set(source) >= {"path", "line", "sha256"}
    assert source["line"] is None or isinstance(source["line"], int)
    meta = record["meta"]
    assert set(meta) >= {"title", "date", "url", "publisher"}
    assert meta["date"] is None or ISO_DATE.match(meta["date"]), meta["date"]
    text = record["text"]
    assert isinstance(text, str)
    for key in ("entities", "quantities", "dates", "claims", "warnings"):
        assert isinstance(record[key], list), f"{key} must be a list"
    assert set(record["pipeline"]) >= {"version", "model"}
    if record.get("error") is not None:
        error = record["error"]
        assert isinstance(error, dict) and error["code"].startswith("E") and error["message"]

    entity_ids = set()
    for i, entity in enumerate(record["entities"]):
        where = f"entities[{i}]"
        assert_span(text, entity, where)
        assert isinstance(entity["label"], str) and entity["label"], where
        assert isinstance(entity["entity_id"], str) and entity["entity_id"], where
        assert isinstance(entity["canonical"], str) and entity["canonical"], where
        entity_ids.add(entity["entity_id"])

    for i, quantity in enumerate(record["quantities"]):
        where = f"quantities[{i}]"
        assert_span(text, quantity, where)
        assert quantity["change"] in CHANGES, f"{where}: change {quantity['change']!r}"
        if quantity["value"] is None:
            assert isinstance(quantity["low"], NUMBER) and isinstance(quantity["high"], NUMBER), (
                where
            )
        else:
            assert isinstance(quantity["value"], NUMBER), where
        for key in ("low", "high"):
            assert quantity[key] is None or isinstance(quantity[key], NUMBER), where
        for key in ("unit", "unit_text", "per"):
            assert quantity[key] is None or isinstance(quantity[key], str), where
        if quantity["unit"] is not None:
            assert quantity["unit"] == quantity["unit"].lower(), f"{where}: unit not lower case"
        if quantity["object"] is not None:
            assert_span(text, quantity["object"], f"{where}.object")
        assert "normalized_unit" not in quantity  # NewsQuant's names live in evaluate/
        if quantity.get("dimension") is not None:
            assert quantity["dimension"] == quantity["dimension"].lower()

    for i, timex in enumerate(record["dates"]):
        where = f"dates[{i}]"
        assert_span(text, timex, where)
        assert timex["type"] in DATE_TYPES, f"{where}: type {timex['type']!r}"
        assert isinstance(timex["value"], str) and timex["value"], where
        assert timex["mod"] is None or isinstance(timex["mod"], str), where
        for key in ("interval", "range"):
            interval = timex.get(key)
            if interval is not None:
                assert ISO_DATE.match(interval["start"]) and ISO_DATE.match(interval["end"]), where
                assert interval["start"] < interval["end"], f"{where}: empty {key}"

    for i, claim in enumerate(record["claims"]):
        where = f"claims[{i}]"
        assert claim["id"] == f"c{i + 1}", where
        assert claim["kind"] in CLAIM_KINDS, f"{where}: kind {claim['kind']!r}"
        assert claim["stance"] in STANCES, f"{where}: stance {claim['stance']!r}"
        content = claim["content"]
        assert_span(text, content, f"{where}.content")
        parts = content.get("spans") or [[content["start"], content["end"]]]
        assert parts[0][0] == content["start"] and parts[-1][1] == content["end"], where
        for start, end in parts:
            assert content["start"] <= start < end <= content["end"], f"{where}: part {start}:{end}"
        if claim["source"] is not None:
            assert_span(text, claim["source"], f"{where}.source")
            assert claim["source"]["type"] in SOURCE_TYPES, where
            assert isinstance(claim["source"]["canonical"], str), where
            if claim["source"]["entity_id"] is not None:
                assert claim["source"]["entity_id"] in entity_ids, f"{where}: unknown entity_id"
        for role in ("cue", "addressee", "cue_phrase"):
            if claim.get(role) is not None:
                assert_span(text, claim[role], f"{where}.{role}")
        if "cue_score" in claim:
            assert isinstance(claim["cue_score"], NUMBER) and 0 <= claim["cue_score"] <= 1, where
        if "origin" in claim:
            assert claim["origin"] in CLAIM_ORIGINS, where
            probability = claim["model_probability"]
            if claim["origin"] == "rule":
                assert probability is None, where
            else:
                assert isinstance(probability, NUMBER) and 0 <= probability <= 1, where
        if "bounds_probability" in claim:
            probability = claim["bounds_probability"]
            assert probability is None or (isinstance(probability, NUMBER) and 0 < probability <= 1)
        mentions = claim["mentions"]
        assert set(mentions["entities"]) <= entity_ids, where
        assert all(0 <= q < len(record["quantities"]) for q in mentions["quantities"]), where
        assert all(0 <= d < len(record["dates"]) for d in mentions["dates"]), where

    for warning in record["warnings"]:
        assert warning["code"].startswith("W") and warning["message"], warning
