"""The output record, contract ``newsclaims.article/1`` (``docs/output-contract.md``).

``article_record`` is the only code that builds a record: from an ``Article``
and the stages' plain annotations (offsets into ``article.text``), or with
empty annotations and the ``error`` field for an article that could not be
read. ``doc_to_record`` is the same for a processed ``Doc``. The article is
not changed: the warnings a run adds (empty text, no date, cut into pieces)
are added to the record's own list. Fields may be added here, never renamed or
retyped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from spacy.tokens import Doc

from .about import SCHEMA, __version__
from .article import Article
from .errors import Warnings

ENTITY_FIELDS = ("label", "entity_id", "canonical")
QUANTITY_FIELDS = ("value", "low", "high", "change", "unit", "unit_text", "per")
DATE_FIELDS = ("type", "value", "mod", "interval")
CLAIM_KINDS = ("direct", "mixed", "indirect", "according_to")
#: Where a claim came from (an added field): the rules, the attribution tagger, or both.
CLAIM_ORIGINS = ("rule", "model", "both")
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


def doc_to_record(
    doc: Doc, article: Article, *, model: str, settings: dict[str, str] | None = None
) -> dict[str, Any]:
    """The record of ``article`` from its processed ``Doc`` (the whole text in one piece)."""
    return article_record(article, doc_annotations(doc), model=model, settings=settings)


def article_record(
    article: Article,
    annotations: dict[str, list[dict[str, Any]]] | None,
    *,
    model: str,
    pieces: int = 1,
    settings: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The record of ``article``, from annotations with offsets into ``article.text``.

    ``model`` and ``settings`` (``nlp.pipeline_settings``: our stages' options that
    change a record, such as the dates domain) go into the record's ``pipeline``.

    An article with an ``error`` gets empty lists and its ``error`` (there are
    no annotations to give). Otherwise the record's warnings are the article's
    (from reading it), then W004 for an empty text or W002 for a missing date,
    W005 when it was processed in ``pieces`` pieces, then the stages' warnings
    not already listed. Items are sorted by offsets; claims get their ids
    (``c1``, ``c2``…) in the order of their contents.
    """
    error = article.error
    annotations = {} if error or annotations is None else annotations
    text = article.text
    entities = [
        span(text, e["start"], e["end"], **{k: e.get(k) for k in ENTITY_FIELDS})
        for e in _sorted(annotations.get("entities"))
    ]
    quantities = []
    for q in _sorted(annotations.get("quantities")):
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
        for d in _sorted(annotations.get("dates"))
    ]
    by_content = sorted(
        annotations.get("claims") or [], key=lambda c: (c["content"]["start"], c["content"]["end"])
    )
    items = {"entities": entities, "quantities": quantities, "dates": dates}
    starts = {key: [item["start"] for item in found] for key, found in items.items()}
    claims = [
        _claim_record(text, number, claim, items, starts)
        for number, claim in enumerate(by_content, start=1)
    ]
    _link_continuations(claims)
    warnings = list(article.warnings)
    if not error:
        warnings += _run_warnings(article, pieces)
    for warning in annotations.get("warnings") or []:
        if warning not in warnings:
            warnings.append(warning)
    record: dict[str, Any] = {
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
    }
    if error:
        record["error"] = error
    record["pipeline"] = {"version": __version__, "model": model, "settings": dict(settings or {})}
    return record


def _run_warnings(article: Article, pieces: int) -> list[dict[str, str]]:
    """What processing notices about the article as a whole."""
    warnings = []
    if not article.text.strip():
        warnings.append(Warnings.W004.as_dict())
    elif article.date is None:
        warnings.append(Warnings.W002.as_dict())
    if pieces > 1:
        warnings.append(Warnings.W005.as_dict(pieces=pieces))
    return warnings


def _claim_record(
    text: str,
    number: int,
    claim: dict[str, Any],
    items: dict[str, list[dict]],
    starts: dict[str, list[int]],
) -> dict[str, Any]:
    """The claim's record; ``items`` are the record's entities, quantities and dates
    (sorted by offsets), ``starts`` their start offsets."""
    content = claim["content"]
    parts = content.get("spans") or [[content["start"], content["end"]]]
    content_record = span(text, content["start"], content["end"], spans=[list(p) for p in parts])

    def inside(key: str) -> list[int]:
        """The indexes of the items of ``key`` inside a part of the content, in order.

        Only the items starting in a part can be inside it: a binary search, not a
        scan of all items per claim (quadratic on a long document)."""
        found, begins = items[key], starts[key]
        indexes: set[int] = set()
        for start, end in parts:
            for i in range(bisect_left(begins, start), bisect_right(begins, end)):
                if found[i]["end"] <= end:
                    indexes.add(i)
        return sorted(indexes)

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
            "entities": sorted(
                {items["entities"][i]["entity_id"] for i in inside("entities")}, key=_id_order
            ),
            "quantities": inside("quantities"),
            "dates": inside("dates"),
        },
    }
    known = set(record) | {"content"}
    record.update({k: v for k, v in claim.items() if k not in known})
    return record


def _link_continuations(claims: list[dict[str, Any]]) -> None:
    """Each claim's ``continues``: for a quotation cut off its claim ("“A,” Kim
    continued. “B.”": "B" is a claim of its own, with the same source and cue),
    the id of the claim it goes on from; ``None`` for every other claim.

    ``claims`` are in content order, so the claim a continuation goes on from (its
    content ends before their shared cue) comes before it."""
    heads: dict[tuple[int, int], str] = {}
    for claim in claims:
        cue = claim["cue"]
        key = (cue["start"], cue["end"]) if cue else None
        if claim.pop("continuation", False) and key in heads:
            claim["continues"] = heads[key]
            continue
        claim["continues"] = None
        if key is not None:
            heads[key] = claim["id"]


def _id_order(entity_id: str) -> tuple[int, str]:
    digits = "".join(ch for ch in entity_id if ch.isdigit())
    return (int(digits) if digits else 0, entity_id)
