"""Records as Label Studio tasks with our predictions as pre-annotations.

``export(records_path, out_dir)`` writes ``tasks.json`` (one task per
article) and ``labeling_config.xml`` (the matching labeling interface), so an
annotation team can import the tasks and correct our output.

Each task is ``{"data": {"text", "article_id", ...}, "predictions": [{"model_version",
"result": [...]}]}``. Result items:

- ``labels`` regions on the ``claim`` control: ``Source``, ``Cue``, ``Content``
  (one region per content part) and ``Addressee``; on ``entity``: the entity
  label (``PERSON``, ``ORG``, …); on ``quantity``: ``Quantity``; on ``date``:
  ``Date``;
- per-region ``choices`` (``stance``, ``kind``) on each Content region and a
  per-region ``textarea`` (``speaker``) with the canonical speaker on each
  Source region;
- ``relation`` items: source → cue (``says``), cue → each content part
  (``content``; source → content when there is no cue), cue → addressee
  (``to``), and content part → next part (``continues``).

Region ids are stable: ``c3-source``, ``c3-cue``, ``c3-content-1``,
``c3-addressee``, ``entity-4``, ``quantity-0``, ``date-2`` (indices into the
record's lists). Offsets are converted to UTF-16 code units, which is how
Label Studio's Text tag counts characters in the browser; for text without
characters outside the Basic Multilingual Plane they equal ours.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from ..about import __version__
from ..schema import CLAIM_KINDS, STANCES
from .records import iter_records
from .utf16 import Utf16Offsets

TEXT_NAME = "text"
CLAIM_LABELS = ("Source", "Cue", "Content", "Addressee")
#: spaCy's English NER labels (OntoNotes 5); labels seen in the records are added.
ENTITY_LABELS = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
)  # fmt: skip
RELATIONS = ("says", "content", "to", "continues")
#: Control name -> its labels (entity labels extended by ``labeling_config``).
CONTROLS: dict[str, tuple[str, ...]] = {
    "claim": CLAIM_LABELS,
    "entity": ENTITY_LABELS,
    "quantity": ("Quantity",),
    "date": ("Date",),
}
COLOURS = {
    "Source": "#0b57b0", "Cue": "#087a3c", "Content": "#f1c40f", "Addressee": "#5dade2",
    "Quantity": "#c0392b", "Date": "#7d3c98",
    "PERSON": "#2e86de", "ORG": "#10ac84", "GPE": "#ee5253", "LOC": "#ee5253", "NORP": "#ff9f43",
}  # fmt: skip
DEFAULT_ENTITY_COLOUR = "#95a5a6"


def _region(
    region_id: str,
    control: str,
    label: str,
    text: str,
    start: int,
    end: int,
    to16: Callable[[int], int],
) -> dict[str, Any]:
    return {
        "id": region_id,
        "from_name": control,
        "to_name": TEXT_NAME,
        "type": "labels",
        "origin": "prediction",
        "value": {
            "start": to16(start),
            "end": to16(end),
            "text": text[start:end],
            "labels": [label],
        },
    }


def _per_region(
    region: dict[str, Any], control: str, kind: str, key: str, values: list[str]
) -> dict[str, Any]:
    value = {k: region["value"][k] for k in ("start", "end", "text")}
    value[key] = values
    return {
        "id": region["id"],
        "from_name": control,
        "to_name": TEXT_NAME,
        "type": kind,
        "origin": "prediction",
        "value": value,
    }


def _relation(from_id: str, to_id: str, label: str) -> dict[str, Any]:
    return {
        "type": "relation",
        "from_id": from_id,
        "to_id": to_id,
        "direction": "right",
        "labels": [label],
    }


def claim_results(
    claim: dict[str, Any], text: str, to16: Callable[[int], int]
) -> list[dict[str, Any]]:
    """The regions, per-region attributes and relations of one claim."""
    claim_id = claim["id"]
    results: list[dict[str, Any]] = []
    content = claim["content"]
    parts = content.get("spans") or [[content["start"], content["end"]]]
    content_ids = []
    for number, (start, end) in enumerate(parts, start=1):
        region = _region(f"{claim_id}-content-{number}", "claim", "Content", text, start, end, to16)
        results.append(region)
        results.append(_per_region(region, "stance", "choices", "choices", [claim["stance"]]))
        results.append(_per_region(region, "kind", "choices", "choices", [claim["kind"]]))
        content_ids.append(region["id"])
    roles = {}
    for role, label in (("source", "Source"), ("cue", "Cue"), ("addressee", "Addressee")):
        span = claim.get(role)
        if span:
            region = _region(
                f"{claim_id}-{role}", "claim", label, text, span["start"], span["end"], to16
            )
            results.append(region)
            roles[role] = region
    source = claim.get("source")
    if source and source.get("canonical"):
        results.append(
            _per_region(roles["source"], "speaker", "textarea", "text", [source["canonical"]])
        )
    hub = roles.get("cue") or roles.get("source")
    if "source" in roles and "cue" in roles:
        results.append(_relation(roles["source"]["id"], roles["cue"]["id"], "says"))
    if hub:
        results += [_relation(hub["id"], part, "content") for part in content_ids]
    if hub and "addressee" in roles:
        results.append(_relation(hub["id"], roles["addressee"]["id"], "to"))
    results += [
        _relation(before, after, "continues")
        for before, after in zip(content_ids, content_ids[1:], strict=False)
    ]
    return results


def record_to_task(record: dict[str, Any]) -> dict[str, Any]:
    """One Label Studio task for one record."""
    text = record.get("text") or ""
    to16 = Utf16Offsets(text).to_utf16
    results: list[dict[str, Any]] = []
    for claim in record.get("claims") or []:
        results += claim_results(claim, text, to16)
    for i, entity in enumerate(record.get("entities") or []):
        results.append(
            _region(f"entity-{i}", "entity", entity["label"], text, entity["start"],
                    entity["end"], to16)
        )  # fmt: skip
    for i, quantity in enumerate(record.get("quantities") or []):
        results.append(
            _region(f"quantity-{i}", "quantity", "Quantity", text, quantity["start"],
                    quantity["end"], to16)
        )  # fmt: skip
    for i, timex in enumerate(record.get("dates") or []):
        results.append(
            _region(f"date-{i}", "date", "Date", text, timex["start"], timex["end"], to16)
        )
    meta = record.get("meta") or {}
    pipeline = record.get("pipeline") or {}
    return {
        "data": {
            TEXT_NAME: text,
            "article_id": record["id"],
            "title": meta.get("title") or record["id"],
            "date": meta.get("date"),
            "url": meta.get("url"),
            "publisher": meta.get("publisher"),
        },
        "meta": {"article_id": record["id"], "schema": record.get("schema")},
        "predictions": [
            {
                "model_version": f"newsclaims-{pipeline.get('version') or __version__}",
                "result": results,
            }
        ],
    }


def labeling_config(entity_labels: Iterable[str] = ()) -> str:
    """The labeling interface matching ``record_to_task`` (with any extra entity labels)."""
    controls = dict(CONTROLS)
    controls["entity"] = tuple(dict.fromkeys([*ENTITY_LABELS, *sorted(set(entity_labels))]))
    lines = ["<View>", '  <Header value="$title"/>']
    for name, labels in controls.items():
        lines.append(f"  <Labels name={quoteattr(name)} toName={quoteattr(TEXT_NAME)}>")
        for label in labels:
            colour = COLOURS.get(label, DEFAULT_ENTITY_COLOUR)
            lines.append(f"    <Label value={quoteattr(label)} background={quoteattr(colour)}/>")
        lines.append("  </Labels>")
    lines.append(f'  <Text name={quoteattr(TEXT_NAME)} value="$text"/>')
    lines.append("  <Relations>")
    lines += [f"    <Relation value={quoteattr(relation)}/>" for relation in RELATIONS]
    lines.append("  </Relations>")
    for name, choices in (("stance", STANCES), ("kind", CLAIM_KINDS)):
        lines.append(
            f'  <Choices name={quoteattr(name)} toName={quoteattr(TEXT_NAME)} perRegion="true" '
            f'visibleWhen="region-selected" whenTagName={quoteattr(TEXT_NAME)} '
            'whenLabelValue="Content" choice="single">'
        )
        lines += [f"    <Choice value={quoteattr(choice)}/>" for choice in choices]
        lines.append("  </Choices>")
    lines.append(
        f'  <TextArea name="speaker" toName={quoteattr(TEXT_NAME)} perRegion="true" '
        'maxSubmissions="1" '
        'placeholder="canonical speaker"/>'
    )
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def records_to_tasks(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One task per record, in record order."""
    return [record_to_task(record) for record in records]


def write_tasks(tasks: list[dict[str, Any]], out_dir: str | Path) -> list[Path]:
    """Write ``tasks.json`` and the matching ``labeling_config.xml`` into ``out_dir``."""
    entity_labels = {
        item["value"]["labels"][0]
        for task in tasks
        for prediction in task["predictions"]
        for item in prediction["result"]
        if item.get("from_name") == "entity"
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tasks_path, config_path = out_dir / "tasks.json", out_dir / "labeling_config.xml"
    tasks_path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    config_path.write_text(labeling_config(entity_labels), encoding="utf-8")
    return [tasks_path, config_path]


def export(records_path: str | Path, out_dir: str | Path) -> list[Path]:
    """Write ``tasks.json`` and ``labeling_config.xml`` for the records in ``records_path``."""
    return write_tasks(records_to_tasks(iter_records(records_path)), out_dir)
