"""Corrections back in: our tasks -> a Label Studio JSON export -> gold records -> scores.

The export is built in the layout Label Studio documents for its JSON export
(a list of tasks with ``id``, ``data``, ``annotations: [{id, result, ...}]``
and the ``predictions`` they started from), the annotations' results being
our predictions as an annotator who accepts them leaves them; corrections
then move, relabel and delete regions as an annotator would.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import claims as claims_eval
from pipeline.evaluate import dates as dates_eval
from pipeline.evaluate import quantities as quantities_eval
from pipeline.io.labelstudio import records_to_tasks
from pipeline.io.labelstudio_export import BadExport, read_export
from pipeline.io.labelstudio_import import import_export

from ..contract import assert_valid_record
from ..records import hand_record, pipeline_records


def run(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args])


def label_studio_export(tasks: list[dict]) -> list[dict]:
    """Tasks as Label Studio exports them once each was annotated from its predictions."""
    exported = []
    for number, task in enumerate(tasks, start=1):
        result = copy.deepcopy(task["predictions"][0]["result"])
        for item in result:
            if "origin" in item:
                item["origin"] = "prediction-changed"
        exported.append({
            "id": number,
            "data": task["data"],
            "meta": task["meta"],
            "annotations": [{
                "id": 1000 + number, "completed_by": 1, "result": result,
                "was_cancelled": False, "ground_truth": False,
                "created_at": "2026-12-01T10:00:00.000000Z",
                "updated_at": "2026-12-01T10:05:00.000000Z",
                "lead_time": 42.5, "prediction": {}, "result_count": len(result),
                "task": number, "project": 7, "parent_prediction": number,
            }],  # fmt: skip
            "predictions": task["predictions"],
            "file_upload": "tasks.json",
            "drafts": [],
            "created_at": "2026-12-01T09:00:00.000000Z",
            "updated_at": "2026-12-01T10:05:00.000000Z",
            "inner_id": number,
            "total_annotations": 1,
            "cancelled_annotations": 0,
            "total_predictions": 1,
            "project": 7,
        })  # fmt: skip
    return exported


def result_of(export: list[dict], article_id: str) -> list[dict]:
    task = next(t for t in export if t["data"]["article_id"] == article_id)
    return task["annotations"][0]["result"]


@pytest.fixture(scope="module")
def corpus(nlp, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("labelstudio")
    records = [r for r in pipeline_records(nlp) if r["claims"]] + [hand_record()]
    records_path = folder / "records.jsonl"
    records_path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return {"folder": folder, "records": records, "records_path": records_path}


def write_export(folder: Path, export: list[dict], name: str = "export.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def import_to(folder: Path, export: list[dict], records_path: Path, name: str) -> Path:
    export_path = write_export(folder, export, f"{name}.json")
    gold = folder / f"{name}.jsonl"
    result = run("import-labelstudio", export_path, "-o", gold, "--records", records_path)
    assert result.exit_code == 0, result.output
    return gold


def scores(gold: Path, records_path: Path) -> dict[str, dict]:
    return {
        "claims": claims_eval.evaluate(gold, records_path),
        "quantities": quantities_eval.evaluate(gold, records_path),
        "dates": dates_eval.evaluate(gold, records_path),
    }


@pytest.mark.model
def test_round_trip_gives_the_records_back_and_scores_one(corpus) -> None:
    records, folder = corpus["records"], corpus["folder"]
    export = label_studio_export(records_to_tasks(records))
    gold_path = import_to(folder, export, corpus["records_path"], "accepted")
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in gold] == [r["id"] for r in records]
    for g, record in zip(gold, records, strict=True):
        assert_valid_record(g)
        assert g["gold"]["from"] == "labelstudio" and g["gold"]["annotation"] >= 1000
        assert g["text"] == record["text"]
        for key in ("entities", "quantities", "dates"):
            assert g[key] == record[key], (record["id"], key)
        for mine, theirs in zip(g["claims"], record["claims"], strict=True):
            # on every claim imported; a record written by hand may leave it out (no continuation)
            assert mine.pop("continues") == theirs.get("continues"), record["id"]
            assert mine == {k: v for k, v in theirs.items() if k in mine}, record["id"]
    metrics = scores(gold_path, corpus["records_path"])
    m = metrics["claims"]
    for key in ("content", "content+source", "exact_content", "exact_source", "exact_cue"):
        assert m[key]["f1"] == 1.0 and m[key]["gold"] > 0, key
    assert m["attributes"] == {"matched": m["content"]["gold"], "stance": 1.0, "kind": 1.0,
                               "canonical": 1.0}  # fmt: skip
    q = metrics["quantities"]
    assert q["gold"] > 0 and all(q[k]["f1"] == 1.0 for k in ("extent", "value", "value+unit"))
    d = metrics["dates"]
    assert d["gold"] > 0 and d["strict"]["f1"] == 1.0 and d["value"]["f1"] == 1.0


@pytest.mark.model
def test_corrections_change_the_scores_as_expected(corpus) -> None:
    records, folder = corpus["records"], corpus["folder"]
    export = label_studio_export(records_to_tasks(records))
    hand = hand_record()
    result = result_of(export, hand["id"])
    # 1. The annotator moves c2's content ("it") to "denied it": one exact content fewer.
    content = next(i for i in result if i.get("id") == "c2-content-1" and i["type"] == "labels")
    content["value"]["start"] -= len("denied ")
    content["value"]["text"] = "denied it"
    # 2. ... says c1 is a denial: one stance of the matched claims disagrees.
    stance = next(i for i in result if i.get("id") == "c1-content-1" and i["from_name"] == "stance")
    stance["value"]["choices"] = ["deny"]
    # 3. ... deletes the date region and the region of the range quantity.
    result[:] = [i for i in result if i.get("id") not in ("date-0", "quantity-1")]
    # 4. ... relabels Kim Soo's entity as an organisation.
    entity = next(i for i in result if i.get("id") == "entity-0")
    entity["value"]["labels"] = ["ORG"]
    gold_path = import_to(folder, export, corpus["records_path"], "corrected")
    gold = {g["id"]: g for g in map(json.loads, gold_path.read_text(encoding="utf-8").splitlines())}
    assert gold[hand["id"]]["claims"][0]["stance"] == "deny"
    assert gold[hand["id"]]["entities"][0]["label"] == "ORG"
    metrics = scores(gold_path, corpus["records_path"])
    m = metrics["claims"]
    total = m["content"]["gold"]
    # "it" against "denied it": alphanumeric Jaccard 2/8, below 0.5: no content match either
    assert m["exact_content"]["matched"] == m["content"]["matched"] == total - 1
    assert m["exact_source"]["f1"] == 1.0
    matched = m["attributes"]["matched"]
    assert matched == total - 1 and m["attributes"]["stance"] == pytest.approx(
        (matched - 1) / matched
    )
    q = metrics["quantities"]
    assert q["predicted"] == q["gold"] + 1 and q["value"]["matched"] == q["gold"]
    assert q["value"]["recall"] == 1.0 and q["value"]["precision"] < 1.0
    d = metrics["dates"]
    assert d["predicted"] == d["gold"] + 1 and d["strict"]["recall"] == 1.0
    assert d["strict"]["precision"] == pytest.approx(d["gold"] / (d["gold"] + 1))


def test_astral_offsets_come_back_as_python_offsets(tmp_path: Path) -> None:
    record = hand_record()
    export = label_studio_export(records_to_tasks([record]))
    date = next(i for i in result_of(export, record["id"]) if i.get("id") == "date-0")
    assert date["value"]["start"] == record["dates"][0]["start"] + 1  # UTF-16 units
    (gold,) = import_export(write_export(tmp_path, export)).records
    assert gold["dates"][0]["start"] == record["dates"][0]["start"]
    assert gold["dates"][0]["value"] is None  # without --records, Label Studio has no values
    # Some Label Studio versions count code points: the region's text decides.
    date["value"]["start"] -= 1
    date["value"]["end"] -= 1
    (gold,) = import_export(write_export(tmp_path, export, "points.json")).records
    assert gold["dates"][0]["text"] == "March 2023"
    assert gold["dates"][0]["start"] == record["dates"][0]["start"]


def test_annotation_choice_skips_cancelled_and_prefers_ground_truth(tmp_path: Path) -> None:
    record = hand_record()
    (task,) = label_studio_export(records_to_tasks([record]))
    newer = copy.deepcopy(task["annotations"][0])
    newer.update(id=2000, updated_at="2026-12-02T10:00:00Z", result=[])
    cancelled = copy.deepcopy(newer)
    cancelled.update(id=3000, was_cancelled=True, updated_at="2026-12-03T10:00:00Z")
    task["annotations"] += [newer, cancelled]
    (gold,) = import_export(write_export(tmp_path, [task])).records
    assert gold["gold"]["annotation"] == 2000 and gold["claims"] == []
    task["annotations"][0]["ground_truth"] = True
    (gold,) = import_export(write_export(tmp_path, [task])).records
    assert gold["gold"]["annotation"] == 1001 and len(gold["claims"]) == 3
    task["annotations"] = [cancelled]
    report = import_export(write_export(tmp_path, [task]))
    assert report.records == [] and report.skipped == [record["id"]]


def test_an_export_of_another_project_is_refused(tmp_path: Path) -> None:
    other = [{
        "id": 1, "data": {"text": "A cat."},
        "annotations": [{"id": 1, "result": [{
            "id": "x", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": 2, "end": 5, "text": "cat", "labels": ["Animal"]},
        }]}],
    }]  # fmt: skip
    path = write_export(tmp_path, other)
    with pytest.raises(BadExport, match="not a task that `newsclaims export"):
        read_export(path)
    other[0]["data"]["article_id"] = "a"
    with pytest.raises(BadExport, match="control 'label'"):
        read_export(write_export(tmp_path, other))
    result = run("import-labelstudio", path, "-o", tmp_path / "gold.jsonl")
    assert result.exit_code == 1 and "another project" in result.output
    assert not (tmp_path / "gold.jsonl").exists()
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(hand_record()) + "\n", encoding="utf-8")
    result = run("import-labelstudio", records, "-o", tmp_path / "gold.jsonl")
    assert result.exit_code == 1 and "not a Label Studio JSON export" in result.output


def test_evaluate_refuses_a_file_that_is_no_gold(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(hand_record()) + "\n", encoding="utf-8")
    notes = tmp_path / "notes.jsonl"
    notes.write_text('{"note": "not gold"}\n', encoding="utf-8")
    for stage in ("claims", "quantities", "dates"):
        result = run("evaluate", stage, notes, records)
        assert result.exit_code == 2, result.output
        assert f"is not gold for {stage}" in result.output
    result = run("evaluate", "claims", records, notes)
    assert result.exit_code == 2 and "not a JSONL of our records" in result.output
    result = run("evaluate", "claims", records, records)
    assert result.exit_code == 0 and "content+source" in result.output


def _claims_of(path: Path) -> list[dict]:
    (gold,) = import_export(path).records
    return gold["claims"]


def _unlabelled(relation: dict) -> None:
    relation["labels"] = []


def _drawn_left(relation: dict) -> None:
    relation["from_id"], relation["to_id"] = relation["to_id"], relation["from_id"]
    relation["direction"] = "left"


def _drawn_backwards(relation: dict) -> None:
    relation["from_id"], relation["to_id"] = relation["to_id"], relation["from_id"]


def _both_ways(relation: dict) -> None:
    relation["direction"] = "bi"


def _backwards_unlabelled(relation: dict) -> None:
    _drawn_backwards(relation)
    _unlabelled(relation)


@pytest.mark.parametrize(
    "redraw", [_unlabelled, _drawn_left, _drawn_backwards, _both_ways, _backwards_unlabelled]
)
def test_relations_are_read_by_the_labels_of_the_regions_they_join(tmp_path: Path, redraw) -> None:
    record = hand_record()
    export = label_studio_export(records_to_tasks([record]))
    accepted = _claims_of(write_export(tmp_path, export, "accepted.json"))
    assert [c["source"]["canonical"] if c["source"] else None for c in accepted] == [
        "Kim Soo", "Ministers", None
    ]  # fmt: skip
    relations = [i for i in result_of(export, record["id"]) if i["type"] == "relation"]
    assert {r["labels"][0] for r in relations} == {"says", "content", "continues", "to"}
    for relation in relations:
        redraw(relation)
    redrawn = _claims_of(write_export(tmp_path, export, "redrawn.json"))
    assert redrawn == accepted
    assert redrawn[0]["content"]["spans"] == [[0, 51], [66, 123]]  # parts still joined
    assert redrawn[1]["addressee"]["text"] == "reporters"


def test_a_relation_labelled_against_its_regions_is_read_by_the_regions(tmp_path: Path) -> None:
    record = hand_record()
    export = label_studio_export(records_to_tasks([record]))
    for relation in result_of(export, record["id"]):
        if relation["type"] == "relation" and relation["labels"] == ["says"]:
            relation["labels"] = ["to"]  # Source -> Cue can only be `says`
    report = import_export(write_export(tmp_path, export))
    assert report.records[0]["claims"][0]["source"]["canonical"] == "Kim Soo"
    assert any("labelled 'to'" in note and "read as 'says'" in note for note in report.notes)


def test_a_region_with_two_label_groups_keeps_both_roles(tmp_path: Path) -> None:
    """Label Studio writes a region labelled in two controls as two results with one id."""
    record = hand_record()
    export = label_studio_export(records_to_tasks([record]))
    result = result_of(export, record["id"])
    source = next(i for i in result if i.get("id") == "c1-source" and i["type"] == "labels")
    as_entity = copy.deepcopy(source)
    as_entity.update(from_name="entity")
    as_entity["value"]["labels"] = ["PERSON"]
    for position in (result.index(source) + 1, result.index(source)):  # after it, and before it
        trial = copy.deepcopy(export)
        result_of(trial, record["id"]).insert(position, as_entity)
        (gold,) = import_export(write_export(tmp_path, trial)).records
        assert gold["claims"][0]["source"]["text"] == "Kim Soo"
        assert gold["claims"][0]["source"]["type"] == "person"  # told by the PERSON label
        assert ("Kim Soo", "PERSON") in {(e["text"], e["label"]) for e in gold["entities"]}


def test_nothing_to_import_exits_1_without_writing(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    empty = write_export(tmp_path, [], "empty.json")
    result = run("import-labelstudio", empty, "-o", gold)
    assert result.exit_code == 1 and "holds no tasks: nothing to import" in result.output
    tasks = write_export(tmp_path, records_to_tasks([hand_record()]), "tasks.json")
    result = run("import-labelstudio", tasks, "-o", gold)
    assert result.exit_code == 1 and "none of the 1 tasks" in result.output
    assert "export the project as JSON" in result.output
    assert not gold.exists()


def _json_min(record: dict) -> list[dict]:
    """A JSON-MIN export row as Label Studio writes it: the data flattened, one key a control."""
    return [{
        "text": record["text"], "article_id": record["id"], "id": 1,
        "claim": [{"start": 0, "end": 5, "text": record["text"][:5], "labels": ["Content"]}],
        "annotator": "a@example.org", "annotation_id": 7,
        "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:00:00Z",
        "lead_time": 3.2,
    }]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda export: _json_min(hand_record()), "this is a JSON-MIN export; export the project"),
        (lambda export: [dict(export[0], annotations=[5])], "annotation 1 is not an object"),
        (lambda export: [dict(export[0], annotations=[{"result": [5]}])],
         "result item 1 is not an object"),
        (lambda export: [dict(export[0], annotations=[{"result": {"a": 1}}])],
         "result is not a list"),
        (lambda export: [dict(export[0], annotations=[{"result": [
            {"id": "x", "from_name": "claim", "type": "labels", "value": 3}]}])],
         "(claim) has no value object"),
        (lambda export: [dict(export[0], annotations=[{"result": [
            {"type": "relation", "from_id": "a", "to_id": "b", "labels": "says"}]}])],
         "labels must be a list"),
    ],
)  # fmt: skip
def test_a_malformed_export_is_refused_with_a_clear_message(
    tmp_path: Path, change, message: str
) -> None:
    export = label_studio_export(records_to_tasks([hand_record()]))
    path = write_export(tmp_path, change(export))
    result = run("import-labelstudio", path, "-o", tmp_path / "gold.jsonl")
    assert result.exit_code == 1, result.output
    assert message in result.output, result.output
    assert "Traceback" not in result.output and not (tmp_path / "gold.jsonl").exists()
