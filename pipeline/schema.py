"""The output record, contract ``newsclaims.article/1`` (shared/docs/output-contract.md).

``doc_to_record`` is the only code that turns the stages' annotations into the
output format; ``error_record`` makes the record of an article that could not
be processed. Fields may be added here, never renamed or retyped.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .about import SCHEMA, __version__
from .article import Article

ENTITY_FIELDS = ("label", "entity_id", "canonical")
QUANTITY_FIELDS = ("value", "low", "high", "change", "unit", "unit_text", "per")
DATE_FIELDS = ("type", "value", "mod", "interval")
CLAIM_KINDS = ("direct", "mixed", "indirect", "according_to")
STANCES = ("assert", "deny", "accuse")
SOURCE_TYPES = ("person", "organization", "media", "government", "document", "anonymous", "unknown")
CHANGES = ("=", "~", ">", "<", ">=", "<=", "up", "down")
DATE_TYPES = ("DATE", "TIME", "DURATION", "SET")


def span(text: str, start: int, end: int, **extra: Any) -> dict[str, Any]:
    """A contract span: ``{"text", "start", "end"}`` plus any extra fields."""
    return {"text": text[start:end], "start": start, "end": end, **extra}


def _sorted(items: list[dict] | None) -> list[dict]:
    return sorted(items or [], key=lambda item: (item["start"], item["end"]))


ANNOTATION_KEYS = ("entities", "quantities", "dates", "claims", "warnings")


def doc_annotations(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """The stages' plain-data annotations of ``doc`` (see ``_extensions.py``)."""
    return {key: list(doc._.get(f"newsclaims_{key}") or []) for key in ANNOTATION_KEYS}


def doc_to_record(doc: Doc, article: Article, *, model: str) -> dict[str, Any]:
    """Turn a processed ``Doc`` and its ``Article`` into one output record."""
    return annotations_to_record(doc_annotations(doc), article, model=model)


def annotations_to_record(
    annotations: dict[str, list[dict[str, Any]]], article: Article, *, model: str
) -> dict[str, Any]:
    """The record of ``article`` from plain annotations with offsets into ``article.text``."""
    text = article.text
    entities = [
        span(text, e["start"], e["end"], **{k: e.get(k) for k in ENTITY_FIELDS})
        for e in _sorted(annotations["entities"])
    ]
    quantities = []
    for q in _sorted(annotations["quantities"]):
        item = span(text, q["start"], q["end"], **{k: q.get(k) for k in QUANTITY_FIELDS})
        obj = q.get("object")
        item["object"] = span(text, obj["start"], obj["end"]) if obj else None
        item.update({k: v for k, v in q.items() if k not in item and k not in ("start", "end")})
        quantities.append(item)
    dates = [
        span(
            text,
            d["start"],
            d["end"],
            **{k: d.get(k) for k in DATE_FIELDS},
            **{k: v for k, v in d.items() if k not in DATE_FIELDS and k not in ("start", "end")},
        )
        for d in _sorted(annotations["dates"])
    ]
    claims = [
        _claim_record(text, i, claim, entities, quantities, dates)
        for i, claim in enumerate(
            sorted(
                annotations["claims"], key=lambda c: (c["content"]["start"], c["content"]["end"])
            ),
            start=1,
        )
    ]
    warnings = list(article.warnings)
    for warning in annotations["warnings"]:
        if warning not in warnings:
            warnings.append(warning)
    return {
        "schema": SCHEMA,
        "id": article.id,
        "source": {"path": article.path, "line": article.line, "sha256": article.sha256},
        "meta": article.meta(),
        "text": text,
        "entities": entities,
        "quantities": quantities,
        "dates": dates,
        "claims": claims,
        "warnings": warnings,
        "pipeline": {"version": __version__, "model": model},
    }


def merge_annotations(
    pieces: list[tuple[int, dict[str, list[dict[str, Any]]]]],
) -> dict[str, list[dict[str, Any]]]:
    """Join the annotations of consecutive pieces of one text, each with its start offset.

    Offsets are shifted into the whole text; entity clusters of different
    pieces are joined when their label and canonical name agree, and every
    other cluster gets a fresh id.
    """
    merged: dict[str, list[dict[str, Any]]] = {key: [] for key in ANNOTATION_KEYS}
    cluster_ids: dict[tuple[str, str], str] = {}
    for offset, piece in pieces:
        renamed: dict[str, str] = {}
        for entity in piece["entities"]:
            key = (entity.get("label") or "", entity.get("canonical") or "")
            if entity["entity_id"] not in renamed:
                renamed[entity["entity_id"]] = cluster_ids.setdefault(
                    key, f"e{len(cluster_ids) + 1}"
                )
            merged["entities"].append(
                {**_shifted(entity, offset), "entity_id": renamed[entity["entity_id"]]}
            )
        for quantity in piece["quantities"]:
            merged["quantities"].append(_shifted(quantity, offset, nested=("object",)))
        for timex in piece["dates"]:
            merged["dates"].append(_shifted(timex, offset))
        for claim in piece["claims"]:
            claim = _shifted(claim, offset, nested=("source", "cue", "content", "addressee"))
            if claim.get("source") and claim["source"].get("entity_id") in renamed:
                claim["source"]["entity_id"] = renamed[claim["source"]["entity_id"]]
            merged["claims"].append(claim)
        for warning in piece["warnings"]:
            if warning not in merged["warnings"]:
                merged["warnings"].append(warning)
    return merged


def _shifted(item: dict[str, Any], offset: int, *, nested: tuple[str, ...] = ()) -> dict[str, Any]:
    item = dict(item)
    if "start" in item:
        item["start"] += offset
        item["end"] += offset
    if item.get("spans"):
        item["spans"] = [[start + offset, end + offset] for start, end in item["spans"]]
    for key in nested:
        if item.get(key):
            item[key] = _shifted(item[key], offset)
    return item


def _claim_record(
    text: str,
    number: int,
    claim: dict[str, Any],
    entities: list[dict],
    quantities: list[dict],
    dates: list[dict],
) -> dict[str, Any]:
    content = claim["content"]
    parts = content.get("spans") or [[content["start"], content["end"]]]
    content_record = span(text, content["start"], content["end"], spans=[list(p) for p in parts])

    def inside(item: dict) -> bool:
        return any(start <= item["start"] and item["end"] <= end for start, end in parts)

    source = claim.get("source")
    if source is not None:
        source = span(
            text,
            source["start"],
            source["end"],
            entity_id=source.get("entity_id"),
            canonical=source.get("canonical") or text[source["start"] : source["end"]],
            type=source.get("type") or "unknown",
        )
    cue, addressee = claim.get("cue"), claim.get("addressee")
    record = {
        "id": f"c{number}",
        "kind": claim["kind"],
        "stance": claim.get("stance") or "assert",
        "source": source,
        "cue": span(text, cue["start"], cue["end"]) if cue else None,
        "content": content_record,
        "addressee": span(text, addressee["start"], addressee["end"]) if addressee else None,
        "mentions": {
            "entities": sorted({e["entity_id"] for e in entities if inside(e)}, key=_id_order),
            "quantities": [i for i, q in enumerate(quantities) if inside(q)],
            "dates": [i for i, d in enumerate(dates) if inside(d)],
        },
    }
    known = set(record) | {"content"}
    record.update({k: v for k, v in claim.items() if k not in known})
    return record


def _id_order(entity_id: str) -> tuple[int, str]:
    digits = "".join(ch for ch in entity_id if ch.isdigit())
    return (int(digits) if digits else 0, entity_id)


def error_record(article: Article, *, model: str) -> dict[str, Any]:
    """The record of an article that could not be processed: empty lists, ``error`` set."""
    return {
        "schema": SCHEMA,
        "id": article.id,
        "source": {"path": article.path, "line": article.line, "sha256": article.sha256},
        "meta": article.meta(),
        "text": article.text,
        "entities": [],
        "quantities": [],
        "dates": [],
        "claims": [],
        "warnings": list(article.warnings),
        "error": article.error,
        "pipeline": {"version": __version__, "model": model},
    }
