"""Corrected Label Studio tasks back in: a Label Studio JSON export as gold records.

``import_export(export_path)`` reads the JSON export of a project made from
our tasks (``newsclaims export --format labelstudio``; see ``labelstudio.py``
for the regions, relations and per-region attributes) and returns one gold
record per annotated task, in our own record format (``newsclaims.article/1``)
with a ``gold`` field saying where it came from. ``newsclaims evaluate``
scores our output against such records and ``newsclaims train --gold``
learns from them.

The export is the layout Label Studio documents for its JSON export: a list
of tasks ``{"id", "data", "annotations": [{"id", "result", "was_cancelled",
"ground_truth", "completed_by", "created_at", "updated_at", ...}],
"predictions": [...]}``. Per task, the annotation used is the ground-truth
one if any, else the most recently updated one that was not cancelled; tasks
without such an annotation give no gold record (they are counted); an export
with none at all (``[]``, or our own ``tasks.json``) imports nothing, and
``newsclaims import-labelstudio`` exits with 1. A JSON-MIN export, or result
items that are not Label Studio's, are refused naming the task (``BadExport``;
``labelstudio_export.py`` reads and checks the export).

From the annotation's ``result``:

- **claims**: ``Content`` regions (control ``claim``) linked by ``continues``
  relations are the parts of one claim; the region with a ``content`` relation
  to a part is its cue (or its source, when the claim has no cue); the
  ``Source`` with a ``says`` relation to that cue is the source, a region the
  cue points to with ``to`` the addressee. A content part no region points to
  is a claim without source and cue. A relation is read by the labels of the
  two regions it joins, whatever its label or direction (annotators leave
  relations unlabelled, draw them backwards or both ways): Source-Cue is
  ``says``, Cue-Content (Source-Content without cue) ``content``,
  Content-Content ``continues``, Cue-Addressee ``to``; a label that
  disagrees with the pair gives a note. A region labelled in two controls
  (a Source that is also a PERSON entity: two results with one ``id``) keeps
  both labels. Per-region ``stance`` and ``kind``
  choices on a content part set the claim's stance and kind (defaults:
  ``assert``; the kind from the content's quote marks); the ``speaker``
  textarea on the source region sets its canonical name (default: the source
  as written);
- **entities**, **quantities**, **dates**: the regions of the ``entity``,
  ``quantity`` and ``date`` controls. Label Studio holds no values for them:
  with ``records`` (the records the tasks were made from), a region at the
  same offsets as an item of the article's record (or with the id our export
  gave that item, ``quantity-3``, when the annotator moved it) takes that
  item's attributes (entity cluster and canonical name, quantity value, unit
  and change, TIMEX3 type and value); any other region has them unknown
  (``null``), which scores as a wrong value.

Offsets: our export writes UTF-16 code units (Label Studio's Text tag counts
in JavaScript string units); some Label Studio versions store code points
instead. Each region's ``value.text`` decides: UTF-16 offsets are tried first,
then code points, then the occurrence of the region's text nearest to the
offset; a region whose text is nowhere in the article is dropped with a note.
For text without characters outside the Basic Multilingual Plane all three
agree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..about import __version__
from ..article import Article
from ..schema import CLAIM_KINDS, STANCES, article_record
from .labelstudio import TEXT_NAME
from .labelstudio_export import chosen_annotation, read_export
from .utf16 import Utf16Offsets

GOLD_MODEL = "gold:labelstudio"
QUOTE_OPEN = '"“‘«'
QUOTE_CLOSE = '"”’»'
#: A Label Studio source region labelled by an entity region of this label gets this type.
SOURCE_TYPE_OF_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "government"}


#: Claim region labels in the order a relation's name reads (Source says, Cue ... to).
ROLE_ORDER = {"Source": 0, "Cue": 1, "Content": 2, "Addressee": 3}
#: The relation each pair of claim region labels allows, pair in ``ROLE_ORDER``: the
#: Source to its Cue, the Cue (or the Source of a claim without cue) to each Content
#: part and to the Addressee, a Content part to the next.
PAIR_RELATIONS = {
    ("Source", "Cue"): "says",
    ("Cue", "Content"): "content",
    ("Source", "Content"): "content",
    ("Content", "Content"): "continues",
    ("Cue", "Addressee"): "to",
    ("Source", "Addressee"): "to",
}


@dataclass(frozen=True)
class Relation:
    """A relation of an annotation as drawn: its ends and labels (maybe none)."""

    from_id: str
    to_id: str
    labels: tuple[str, ...]


@dataclass
class ImportReport:
    """What ``import_export`` did: records made, tasks skipped, notes per task."""

    tasks: int = 0
    records: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # article ids without a usable annotation
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        claims = sum(len(r["claims"]) for r in self.records)
        text = f"{len(self.records)} gold records ({claims} claims) from {self.tasks} tasks"
        if self.skipped:
            text += f"; {len(self.skipped)} tasks without an annotation skipped"
        if self.notes:
            text += f"; {len(self.notes)} notes"
        return text

    def nothing_imported(self, export_path: str | Path) -> str | None:
        """Why no gold record came out of ``export_path``, or ``None`` when some did."""
        if self.records:
            return None
        if not self.tasks:
            return f"{export_path} holds no tasks: nothing to import"
        return (
            f"none of the {self.tasks} tasks in {export_path} has an annotation that was not "
            "cancelled: nothing to import (the tasks.json that `newsclaims export` writes holds "
            "predictions only; annotate the tasks in Label Studio, then export the project as JSON)"
        )


# --- offsets ------------------------------------------------------------------------


class _Regions:
    """Python offsets of the regions of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offsets = Utf16Offsets(text)

    def resolve(self, start: int, end: int, written: str | None) -> tuple[int, int] | None:
        """Python offsets of a region, checked against its ``value.text`` when there is one."""
        text = self.text
        candidates = [(self.offsets.from_utf16(start), self.offsets.from_utf16(end)), (start, end)]
        for s, e in candidates:
            if 0 <= s <= e <= len(text) and (written is None or text[s:e] == written):
                return s, e
        if not written:
            return None
        found = [m.start() for m in re.finditer(re.escape(written), text)]
        if not found:
            return None
        nearest = min(found, key=lambda i: abs(i - candidates[0][0]))
        return nearest, nearest + len(written)


# --- one task -----------------------------------------------------------------------------


def _kind_of(text: str, parts: list[tuple[int, int]], cue: str | None) -> str:
    """The claim kind from quote marks, when the annotator gave none (as the contract defines)."""
    if cue and cue.lower().startswith("according to"):
        return "according_to"
    inside = [text[s:e].strip() for s, e in parts]
    if all(p and p[0] in QUOTE_OPEN and p[-1] in QUOTE_CLOSE for p in inside):
        return "direct"
    if any(ch in QUOTE_OPEN + QUOTE_CLOSE for p in inside for ch in p):
        return "mixed"
    return "indirect"


def _region_item(
    items: list[dict[str, Any]] | None, region_id: str, prefix: str, start: int, end: int
) -> dict[str, Any] | None:
    """The record item this region stands for: same offsets, else the id our export gave it."""
    if not items:
        return None
    for item in items:
        if item["start"] == start and item["end"] == end:
            return item
    match = re.fullmatch(rf"{prefix}-(\d+)", region_id or "")
    if match and int(match.group(1)) < len(items):
        return items[int(match.group(1))]
    return None


def task_to_record(
    task: dict[str, Any],
    annotation: dict[str, Any],
    *,
    record: dict[str, Any] | None = None,
    export_name: str = "",
    notes: list[str] | None = None,
) -> dict[str, Any]:
    """The gold record of one task from one of its annotations (``record``: our prediction)."""
    notes = notes if notes is not None else []
    data = task["data"]
    text = data[TEXT_NAME]
    article_id = str(data["article_id"])
    if record is not None and record.get("text") != text:
        notes.append(f"{article_id}: the records' text differs from the task's; not used")
        record = None
    offsets = _Regions(text)
    # One region may carry labels of several controls (a Source that is also a PERSON
    # entity): Label Studio then writes one result per control with the same id.
    regions: dict[tuple[str, str], dict[str, Any]] = {}
    attributes: dict[tuple[str, str], list[str]] = {}
    relations: list[Relation] = []
    for item in annotation.get("result") or []:
        kind = item.get("type")
        if kind == "relation":
            ends = str(item.get("from_id")), str(item.get("to_id"))
            relations.append(Relation(*ends, tuple(item.get("labels") or ())))
            continue
        value = item.get("value") or {}
        if kind == "labels":
            labels = value.get("labels") or []
            if not labels:
                continue
            try:
                start, end = int(value["start"]), int(value["end"])
            except (KeyError, TypeError, ValueError):
                notes.append(f"{article_id}: region {item.get('id')} has no offsets; dropped")
                continue
            span = offsets.resolve(start, end, value.get("text"))
            if span is None:
                notes.append(
                    f"{article_id}: region {item.get('id')} ({value.get('text')!r}) is not in the "
                    "text and was dropped"
                )
                continue
            region_id = str(item.get("id"))
            regions[(region_id, item["from_name"])] = {
                "control": item["from_name"], "label": labels[0], "start": span[0],
                "end": span[1], "id": region_id,
            }  # fmt: skip
        elif kind in ("choices", "textarea"):
            values = value.get("choices") if kind == "choices" else value.get("text")
            if values:
                attributes[(str(item.get("id")), item["from_name"])] = [str(v) for v in values]
    annotations = {
        "entities": _entities(text, regions, record),
        "quantities": _items(regions, "quantity", record, "quantities"),
        "dates": _items(regions, "date", record, "dates"),
        "claims": _claims(text, regions, relations, attributes, record, article_id, notes),
        "warnings": [],
    }
    article = Article(
        id=article_id,
        text=text,
        title=data.get("title") if data.get("title") != article_id else None,
        date=data.get("date"),
        url=data.get("url"),
        publisher=data.get("publisher"),
    )
    if record is not None:
        article.title = (record.get("meta") or {}).get("title")
        source = record.get("source") or {}
        article.path, article.line = source.get("path"), source.get("line")
        article.sha256 = source.get("sha256")
    gold = article_record(article, annotations, model=GOLD_MODEL)
    gold["pipeline"] = {"version": __version__, "model": GOLD_MODEL}
    gold["gold"] = {
        "from": "labelstudio",
        "export": export_name,
        "task": task.get("id"),
        "annotation": annotation.get("id"),
        "annotator": annotation.get("completed_by"),
        "updated_at": annotation.get("updated_at") or annotation.get("created_at"),
    }
    return gold


def _entities(
    text: str, regions: dict[tuple[str, str], dict[str, Any]], record: dict[str, Any] | None
) -> list[dict[str, Any]]:
    predicted = (record or {}).get("entities")
    clusters: dict[tuple[str, str], str] = {}
    entities = []
    for region in regions.values():
        if region["control"] != "entity":
            continue
        item = _region_item(predicted, region["id"], "entity", region["start"], region["end"])
        if item is not None:
            entity_id, canonical = item["entity_id"], item["canonical"]
        else:
            entity_id, canonical = None, text[region["start"] : region["end"]]
        entities.append({
            "start": region["start"], "end": region["end"], "label": region["label"],
            "entity_id": entity_id, "canonical": canonical,
        })  # fmt: skip
    used = {e["entity_id"] for e in entities if e["entity_id"]}
    for entity in entities:
        if entity["entity_id"] is None:
            # a region the annotator added: one new cluster per label and name as written
            key = (entity["label"], entity["canonical"])
            if key not in clusters:
                number = len(used) + len(clusters) + 1
                while f"e{number}" in used:
                    number += 1
                clusters[key] = f"e{number}"
            entity["entity_id"] = clusters[key]
    return entities


def _items(
    regions: dict[tuple[str, str], dict[str, Any]],
    control: str,
    record: dict[str, Any] | None,
    key: str,
) -> list[dict[str, Any]]:
    predicted = (record or {}).get(key)
    unknown: dict[str, Any] = (
        {"value": None, "low": None, "high": None, "change": "=", "unit": None,
         "unit_text": None, "per": None, "object": None}
        if control == "quantity"
        else {"type": None, "value": None, "mod": None, "interval": None}
    )  # fmt: skip
    items = []
    for region in regions.values():
        if region["control"] != control:
            continue
        item = _region_item(predicted, region["id"], control, region["start"], region["end"])
        attributes = dict(unknown)
        if item is not None:
            attributes.update({k: v for k, v in item.items() if k not in ("text", "start", "end")})
        items.append({"start": region["start"], "end": region["end"], **attributes})
    return items


def _choice(
    attributes: dict[tuple[str, str], list[str]],
    regions: list[str],
    name: str,
    choices: Iterable[str],
) -> str | None:
    """The first of ``choices`` given as per-region ``name`` on one of ``regions``."""
    for region in regions:
        for value in attributes.get((region, name), []):
            if value in choices:
                return value
    return None


def _relation_of(
    relation: Relation, claim_regions: dict[str, dict[str, Any]], article_id: str, notes: list[str]
) -> tuple[str, str, str] | None:
    """``(name, from, to)`` of a relation, told by the labels of the two regions it joins.

    Annotators leave relations unlabelled, draw them backwards (``"direction":
    "left"``, or from the Cue to the Source) or both ways (``"bi"``): each pair of
    region labels allows one relation (``PAIR_RELATIONS``), so the pair decides and
    ``from``/``to`` come back in the order the relation's name reads in.
    """
    one, other = claim_regions.get(relation.from_id), claim_regions.get(relation.to_id)
    if one is None or other is None:
        return None  # a relation between entity, quantity or date regions: not a claim's
    if ROLE_ORDER.get(one["label"], 9) > ROLE_ORDER.get(other["label"], 9):
        one, other = other, one
    name = PAIR_RELATIONS.get((one["label"], other["label"]))
    where = f"{article_id}: relation {relation.from_id} - {relation.to_id}"
    if name is None:
        notes.append(f"{where} joins a {one['label']} and a {other['label']}; ignored")
        return None
    drawn = [label for label in relation.labels if label != name]
    if drawn:
        notes.append(f"{where} is labelled {drawn[0]!r} but joins a {one['label']} and a "
                     f"{other['label']}: read as {name!r}")  # fmt: skip
    return name, one["id"], other["id"]


def _claims(
    text: str,
    regions: dict[tuple[str, str], dict[str, Any]],
    relations: list[Relation],
    attributes: dict[tuple[str, str], list[str]],
    record: dict[str, Any] | None,
    article_id: str,
    notes: list[str],
) -> list[dict[str, Any]]:
    claim_regions = {r["id"]: r for r in regions.values() if r["control"] == "claim"}
    contents = {k for k, r in claim_regions.items() if r["label"] == "Content"}
    # the parts of one claim: contents joined by ``continues``, in either direction
    part_of = {k: k for k in contents}

    def claim_of(key: str) -> str:
        while part_of[key] != key:
            key = part_of[key]
        return key

    hub_of: dict[str, list[str]] = {}
    says: dict[str, list[str]] = {}
    to: dict[str, list[str]] = {}
    for relation in relations:
        read = _relation_of(relation, claim_regions, article_id, notes)
        if read is None:
            continue
        name, source, target = read
        if name == "continues":
            first, second = sorted((claim_of(source), claim_of(target)))
            part_of[second] = first
        elif name == "content":
            hub_of.setdefault(target, []).append(source)
        elif name == "says":
            says.setdefault(target, []).append(source)
        elif name == "to":
            to.setdefault(source, []).append(target)
    chains: dict[str, list[str]] = {}
    for key in sorted(contents, key=lambda k: (claim_regions[k]["start"], k)):
        chains.setdefault(claim_of(key), []).append(key)
    predicted_sources = [c["source"] for c in (record or {}).get("claims") or [] if c.get("source")]
    entity_labels = {
        (r["start"], r["end"]): r["label"] for r in regions.values() if r["control"] == "entity"
    }
    claims = []
    for chain in sorted(chains.values(), key=lambda c: (claim_regions[c[0]]["start"], c[0])):
        first = chain[0]
        parts = sorted((claim_regions[k]["start"], claim_regions[k]["end"]) for k in chain)
        hubs = list(dict.fromkeys(h for k in chain for h in hub_of.get(k, [])))
        hubs.sort(key=lambda h: claim_regions[h]["label"] != "Cue")  # a cue before a source
        if len(hubs) > 1:
            notes.append(f"{article_id}: content {first} has {len(hubs)} cues; the first is used")
        hub = claim_regions[hubs[0]] if hubs else None
        cue = hub if hub and hub["label"] == "Cue" else None
        source = hub if hub and hub["label"] == "Source" else None
        if cue is not None and says.get(cue["id"]):
            source = claim_regions[says[cue["id"]][0]]
        addressee = claim_regions[to[hub["id"]][0]] if hub and to.get(hub["id"]) else None

        cue_text = text[cue["start"] : cue["end"]] if cue else None
        claim: dict[str, Any] = {
            "kind": _choice(attributes, chain, "kind", CLAIM_KINDS)
            or _kind_of(text, parts, cue_text),
            "stance": _choice(attributes, chain, "stance", STANCES) or "assert",
            "content": {
                "start": parts[0][0], "end": parts[-1][1], "spans": [list(p) for p in parts]
            },
            "cue": {"start": cue["start"], "end": cue["end"]} if cue else None,
            "addressee": {"start": addressee["start"], "end": addressee["end"]}
            if addressee
            else None,
            "source": None,
        }  # fmt: skip
        if source is not None:
            start, end = source["start"], source["end"]
            same = next(
                (s for s in predicted_sources if (s["start"], s["end"]) == (start, end)), None
            )
            speaker = attributes.get((source["id"], "speaker"))
            claim["source"] = {
                "start": start,
                "end": end,
                "entity_id": same.get("entity_id") if same else None,
                "canonical": (speaker[0].strip() if speaker and speaker[0].strip() else None)
                or (same.get("canonical") if same else None)
                or text[start:end],
                "type": (same.get("type") if same else None)
                or SOURCE_TYPE_OF_LABEL.get(entity_labels.get((start, end), ""), "unknown"),
            }
        claims.append(claim)
    _mark_continuations(claims)
    return claims


def _mark_continuations(claims: list[dict[str, Any]]) -> None:
    """A claim after its cue whose cue an earlier claim ends before ("“A,” Kim
    continued. “B.”": two claims, one cue) goes on from that claim, as the
    records say (``continues``, set from this mark by ``schema.py``)."""
    before_cue: set[tuple[int, int]] = set()
    for claim in claims:  # in content order
        cue = claim["cue"]
        if cue is None:
            continue
        key = (cue["start"], cue["end"])
        if claim["content"]["end"] <= cue["start"]:
            before_cue.add(key)
        elif key in before_cue and claim["content"]["start"] >= cue["end"]:
            claim["continuation"] = True


# --- the whole export -----------------------------------------------------------------------


def import_export(
    export_path: str | Path, *, records: Iterable[dict[str, Any]] | None = None
) -> ImportReport:
    """Gold records from a Label Studio JSON export (``records``: those the tasks came from)."""
    export_path = Path(export_path)
    tasks = read_export(export_path)
    by_id = {str(r["id"]): r for r in records or []}
    report = ImportReport(tasks=len(tasks))
    seen: set[str] = set()
    for task in tasks:
        article_id = str(task["data"]["article_id"])
        annotation = chosen_annotation(task)
        if annotation is None:
            report.skipped.append(article_id)
            continue
        if article_id in seen:
            report.notes.append(f"{article_id}: a second task for this article; the first is kept")
            continue
        seen.add(article_id)
        report.records.append(
            task_to_record(
                task,
                annotation,
                record=by_id.get(article_id),
                export_name=export_path.name,
                notes=report.notes,
            )
        )
    return report


def write_gold(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write gold records as JSONL (one per line, as ``newsclaims extract`` writes records)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as file:
        for record in records:
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
