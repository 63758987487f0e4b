"""The JSON Schema: shipped and documented as generated, and it accepts every record we write."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from pipeline.article import Article
from pipeline.errors import Errors
from pipeline.jsonschema import dumps, record_schema, shipped_schema
from pipeline.schema import article_record

from .contract import assert_valid_record
from .records import hand_record, pipeline_records


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = shipped_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


ROOT = Path(__file__).resolve().parents[1]
REGENERATE = (
    "run `python -m pipeline.jsonschema > pipeline/resources/record.schema.json` "
    "and copy it to docs/record.schema.json"
)


def test_shipped_schema_is_the_generated_one() -> None:
    assert shipped_schema() == record_schema(), f"the shipped schema is stale: {REGENERATE}"
    assert json.loads(dumps(record_schema())) == record_schema()


@pytest.mark.parametrize(
    "path", ["pipeline/resources/record.schema.json", "docs/record.schema.json"]
)
def test_schema_files_hold_the_generated_text(path: str) -> None:
    """The package's schema and the one beside the contract in docs/ are the generated text."""
    assert (ROOT / path).read_text(encoding="utf-8") == dumps(record_schema()), (
        f"{path} differs from the generated schema: {REGENERATE}"
    )


@pytest.mark.model
def test_pipeline_records_are_valid(nlp, validator) -> None:
    for record in pipeline_records(nlp):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(record)]
        assert not errors, (record["id"], errors[:5])


def test_hand_and_error_records_are_valid(validator) -> None:
    validator.validate(hand_record())
    article = Article(id="broken", text="", error=Errors.E005.as_dict(path="x.bin"))
    validator.validate(article_record(article, None, model="m"))


def _set(path: str, value: object):
    def change(record: dict) -> None:
        *parents, last = path.split(".")
        target = record
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value

    change.__name__ = f"{path}={value!r}"
    return change


def _drop(key: str):
    def change(record: dict) -> None:
        record.pop(key)

    change.__name__ = f"no {key}"
    return change


@pytest.mark.parametrize(
    "change",
    [
        _set("schema", "newsclaims.article/2"),
        _drop("claims"),
        _set("claims.0.stance", "maybe"),
        _set("claims.0.kind", "quoted"),
        _set("claims.0.id", "claim-1"),
        _set("claims.0.source.type", "robot"),
        _set("claims.1.content.spans", [[1]]),
        _set("claims.0.mentions.quantities", [-1]),
        _set("quantities.0.change", "about"),
        _set("quantities.0.unit", "Barrel"),
        _set("quantities.1.low", None),
        _set("dates.0.type", "MONTH"),
        _set("dates.0.interval", {"start": "2023-03", "end": "2023-04"}),
        _set("entities.0.start", -1),
        _set("entities.0.entity_id", ""),
        _set("meta.date", "13 June 2023"),
        _set("warnings.0.code", "E001"),
        _set("error", {"code": "W001", "message": "not an error code"}),
        _set("claims.0.cue_score", 1.5),
        _set("claims.0.cue_phrase", {"text": "said", "start": 3}),
        _set("quantities.0.dimension", "Length"),
        _set("dates.0.range", {"start": "2023-03", "end": "2023-04"}),
    ],
    ids=lambda change: change.__name__,
)
def test_contract_violations_are_rejected(validator, change) -> None:
    record = copy.deepcopy(hand_record())
    change(record)
    assert not validator.is_valid(record)


def test_added_fields_are_allowed(validator) -> None:
    record = hand_record()
    record["language"] = "en"
    record["claims"][0]["confidence"] = 0.9
    record["dates"][0]["range"] = {"start": "2023-03-01", "end": "2023-04-01"}
    validator.validate(record)


def test_readme_example_record_is_valid(validator) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Review and export", 1)[1]
    example = json.loads(section.split("```json", 1)[1].split("```", 1)[0])
    validator.validate(example)
    assert_valid_record(example)
