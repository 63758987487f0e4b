"""The record's JSON Schema (draft 2020-12), generated from ``schema.py``'s constants.

``record_schema()`` builds it; the package ships it as
``pipeline/resources/record.schema.json`` and the repository keeps the same
text as ``docs/record.schema.json`` beside the contract (tests check that both
equal the generated one). Regenerate both after changing ``schema.py``::

    python -m pipeline.jsonschema > pipeline/resources/record.schema.json
    cp pipeline/resources/record.schema.json docs/record.schema.json

The contract lets the project add fields, so objects allow extra properties;
the fields the contract names are required, with their types and vocabularies,
and the fields this project adds (``ADDED``) are described but optional.
Offsets are checked for type and sign; ``text[start:end] == span.text`` is
beyond JSON Schema (``tests/contract.py`` checks it). ``record_problem(record)``
checks one record against the shipped schema (``jsonschema``, a runtime
dependency): the database export refuses records that claim our schema but
break it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from .about import ISO_DATE, SCHEMA
from .schema import (
    CHANGES,
    CLAIM_KINDS,
    CLAIM_ORIGINS,
    DATE_FIELDS,
    DATE_TYPES,
    ENTITY_FIELDS,
    QUANTITY_FIELDS,
    SOURCE_TYPES,
    STANCES,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:newsclaims:schema:" + SCHEMA.replace("/", ":")
RESOURCE = "record.schema.json"

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
NUMBER = {"type": "number"}
NULLABLE_NUMBER = {"type": ["number", "null"]}
OFFSET = {"type": "integer", "minimum": 0}


def _object(
    properties: dict[str, Any],
    *,
    required: list[str] | None = None,
    optional: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An object whose ``properties`` are all required (unless ``required`` says which),
    with ``optional`` properties described beside them."""
    return {
        "type": "object",
        "properties": {**properties, **(optional or {})},
        "required": list(properties) if required is None else required,
    }


def _nullable(ref: str) -> dict[str, Any]:
    return {"anyOf": [{"$ref": ref}, {"type": "null"}]}


#: Item fields this project adds to the contract (see docs/output-contract.md, "Added fields").
ADDED: dict[str, dict[str, Any]] = {
    "quantity": {"dimension": {"type": ["string", "null"], "pattern": "^[^A-Z]*$"}},
    "date": {"range": {"$ref": "#/$defs/interval"}},
    "claim": {
        "cue_phrase": {"$ref": "#/$defs/span"},
        "cue_score": {"type": "number", "minimum": 0, "maximum": 1},
        "origin": {"enum": list(CLAIM_ORIGINS)},
        "model_probability": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "bounds_probability": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "claim_probability": {"type": "number", "minimum": 0, "maximum": 1},
        "continues": {"type": ["string", "null"], "pattern": "^c[1-9][0-9]*$"},
    },
}


def _field_types() -> dict[str, dict[str, dict[str, Any]]]:
    """Each item field named in ``schema.py``'s ``*_FIELDS``, with its JSON type."""
    name = {"type": "string", "minLength": 1}
    entity = {"label": name, "entity_id": name, "canonical": name}
    quantity = {
        "value": NULLABLE_NUMBER, "low": NULLABLE_NUMBER, "high": NULLABLE_NUMBER,
        "change": {"enum": list(CHANGES)},
        "unit": {"type": ["string", "null"], "pattern": "^[^A-Z]*$"},
        "unit_text": NULLABLE_STRING, "per": NULLABLE_STRING,
    }  # fmt: skip
    date = {
        "type": {"enum": list(DATE_TYPES)},
        "value": {"type": "string", "minLength": 1},
        "mod": NULLABLE_STRING,
        "interval": _nullable("#/$defs/interval"),
    }
    fields = {"entity": entity, "quantity": quantity, "date": date}
    # The constants are the source of truth: fail loudly when they change without this.
    for name, names in (
        ("entity", ENTITY_FIELDS),
        ("quantity", QUANTITY_FIELDS),
        ("date", DATE_FIELDS),
    ):
        if tuple(fields[name]) != tuple(names):
            raise RuntimeError(f"{name} fields {names} changed in schema.py: update jsonschema.py")
    return fields


def record_schema() -> dict[str, Any]:
    """The JSON Schema of one output record (``newsclaims.article/1``)."""
    fields = _field_types()
    span = _object(
        {"text": STRING, "start": OFFSET, "end": OFFSET},
    )
    defs: dict[str, Any] = {
        "span": span,
        "interval": _object(
            {
                "start": {"type": "string", "pattern": ISO_DATE},
                "end": {"type": "string", "pattern": ISO_DATE},
            },
        ),  # fmt: skip
        "entity": {"allOf": [{"$ref": "#/$defs/span"}, _object(fields["entity"])]},
        "quantity": {
            "allOf": [
                {"$ref": "#/$defs/span"},
                _object(
                    {**fields["quantity"], "object": _nullable("#/$defs/span")},
                    optional=ADDED["quantity"],
                ),
            ],
            # A range has no single value: then both bounds are numbers.
            "if": {"properties": {"value": {"type": "null"}}},
            "then": {"properties": {"low": NUMBER, "high": NUMBER}},
        },
        "date": {
            "allOf": [{"$ref": "#/$defs/span"}, _object(fields["date"], optional=ADDED["date"])]
        },
        "source": {
            "allOf": [
                {"$ref": "#/$defs/span"},
                _object(
                    {
                        "entity_id": NULLABLE_STRING,
                        "canonical": STRING,
                        "type": {"enum": list(SOURCE_TYPES)},
                    },
                ),  # fmt: skip
            ]
        },
        "content": {
            "allOf": [
                {"$ref": "#/$defs/span"},
                {
                    "type": "object",
                    "properties": {
                        "spans": {
                            "type": "array",
                            "minItems": 1,
                            "items": {
                                "type": "array",
                                "prefixItems": [OFFSET, OFFSET],
                                "minItems": 2,
                                "maxItems": 2,
                            },
                        }
                    },
                },
            ]
        },
        "claim": _object(
            {
                "id": {"type": "string", "pattern": "^c[1-9][0-9]*$"},
                "kind": {"enum": list(CLAIM_KINDS)},
                "stance": {"enum": list(STANCES)},
                "source": _nullable("#/$defs/source"),
                "cue": _nullable("#/$defs/span"),
                "content": {"$ref": "#/$defs/content"},
                "addressee": _nullable("#/$defs/span"),
                "mentions": _object(
                    {
                        "entities": {"type": "array", "items": STRING},
                        "quantities": {"type": "array", "items": OFFSET},
                        "dates": {"type": "array", "items": OFFSET},
                    }
                ),
            },
            optional=ADDED["claim"],
        ),
        "message": {
            "type": "object",
            "properties": {"code": STRING, "message": {"type": "string", "minLength": 1}},
            "required": ["code", "message"],
        },
    }
    properties = {
        "schema": {"const": SCHEMA},
        "id": {"type": "string", "minLength": 1},
        "source": _object(
            {
                "path": NULLABLE_STRING,
                "line": {"type": ["integer", "null"]},
                "sha256": NULLABLE_STRING,
            },
        ),  # fmt: skip
        "meta": _object(
            {
                "title": NULLABLE_STRING,
                "date": {"type": ["string", "null"], "pattern": ISO_DATE},
                "url": NULLABLE_STRING,
                "publisher": NULLABLE_STRING,
            },
        ),  # fmt: skip
        "text": STRING,
        "entities": {"type": "array", "items": {"$ref": "#/$defs/entity"}},
        "quantities": {"type": "array", "items": {"$ref": "#/$defs/quantity"}},
        "dates": {"type": "array", "items": {"$ref": "#/$defs/date"}},
        "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
        "warnings": {
            "type": "array",
            "items": {
                "allOf": [
                    {"$ref": "#/$defs/message"},
                    {"properties": {"code": {"pattern": "^W[0-9]+$"}}},
                ]
            },
        },
        "error": {
            "anyOf": [
                {
                    "allOf": [
                        {"$ref": "#/$defs/message"},
                        {"properties": {"code": {"pattern": "^E[0-9]+$"}}},
                    ]
                },
                {"type": "null"},
            ]
        },
        "pipeline": _object(
            {"version": STRING, "model": STRING},
            optional={
                "settings": {
                    "type": "object",
                    "description": (
                        "our stages' options that change a record, e.g. dates_domain "
                        "(news or earnings)"
                    ),
                    "additionalProperties": STRING,
                }
            },
        ),
    }
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": f"newsclaims record ({SCHEMA})",
        "description": (
            "One news article with its entities, quantities, dates and attributed claims. "
            "Offsets are Python str indices (code points), end-exclusive, into `text`."
        ),
        "type": "object",
        "properties": properties,
        "required": [key for key in properties if key != "error"],
        "$defs": defs,
    }


def dumps(schema: dict[str, Any]) -> str:
    """The schema as the shipped file's text (stable formatting)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def shipped_schema() -> dict[str, Any]:
    """The schema file shipped in the package."""
    return json.loads((files("pipeline") / "resources" / RESOURCE).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(shipped_schema())


def record_problem(record: Any, *, most: int = 3) -> str | None:
    """What makes ``record`` break the shipped schema (up to ``most`` problems, each with
    where it is and what is wrong; the fields missing at one place count as one), or
    ``None`` when it follows it."""
    wrong: list[str] = []
    missing: dict[str, list[str]] = {}
    for error in _validator().iter_errors(record):
        where = "/".join(str(step) for step in error.absolute_path) or "the record"
        if error.validator == "required" and isinstance(error.instance, dict):
            fields = [name for name in error.validator_value if name not in error.instance]
            missing.setdefault(where, []).extend(fields)
        else:
            message = error.message if len(error.message) <= 120 else error.message[:117] + "..."
            wrong.append(f"{where}: {message}")
    problems = sorted(set(wrong)) + [
        f"{where}: no {', '.join(repr(name) for name in dict.fromkeys(names))}"
        for where, names in sorted(missing.items())
    ]
    if not problems:
        return None
    if len(problems) > most:
        problems[most:] = [f"{len(problems) - most} more"]
    return "; ".join(problems)


if __name__ == "__main__":  # pragma: no cover
    print(dumps(record_schema()), end="")
