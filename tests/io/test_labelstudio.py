"""Label Studio tasks: label names from the labeling config, offsets that index the text."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pipeline.io.labelstudio import export, labeling_config, record_to_task

from ..records import hand_record, pipeline_records


def parse_config(xml: str) -> dict[str, dict[str, set[str]]]:
    """Control tags of the config: {"labels"|"choices"|"textarea"|"relations": {name: values}}."""
    root = ET.fromstring(xml)
    assert root.tag == "View"
    controls: dict[str, dict[str, set[str]]] = {
        "labels": {}, "choices": {}, "textarea": {}, "relations": {}, "text": {},
    }  # fmt: skip
    for element in root:
        if element.tag == "Labels":
            controls["labels"][element.get("name")] = {
                e.get("value") for e in element.iter("Label")
            }
        elif element.tag == "Choices":
            controls["choices"][element.get("name")] = {
                e.get("value") for e in element.iter("Choice")
            }
        elif element.tag == "TextArea":
            controls["textarea"][element.get("name")] = set()
        elif element.tag == "Relations":
            controls["relations"]["relations"] = {e.get("value") for e in element.iter("Relation")}
        elif element.tag == "Text":
            controls["text"][element.get("name")] = {element.get("value")}
    return controls


def utf16_slice(text: str, start: int, end: int) -> str:
    """Label Studio's offsets count UTF-16 code units."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def assert_valid_task(task: dict, controls: dict[str, dict[str, set[str]]]) -> None:
    text = task["data"]["text"]
    (text_name,) = controls["text"]
    assert controls["text"][text_name] == {"$text"}
    regions: dict[str, dict] = {}
    for prediction in task["predictions"]:
        for item in prediction["result"]:
            if item["type"] == "relation":
                assert item["from_id"] in regions and item["to_id"] in regions, item
                assert set(item["labels"]) <= controls["relations"]["relations"], item
                continue
            assert item["to_name"] == text_name
            value = item["value"]
            if item["type"] != "labels":
                # Per-region attributes name their region by id and repeat its offsets.
                assert item["id"] in regions, "a per-region attribute follows its region"
                region = regions[item["id"]]["value"]
                assert (value["start"], value["end"]) == (region["start"], region["end"]), item
            if item["type"] == "labels":
                assert utf16_slice(text, value["start"], value["end"]) == value["text"], item
                names = controls["labels"]
                assert item["from_name"] in names, item
                assert set(value["labels"]) <= names[item["from_name"]], item
                assert item["id"] not in regions, f"duplicate region id {item['id']}"
                regions[item["id"]] = item
            elif item["type"] == "choices":
                assert set(value["choices"]) <= controls["choices"][item["from_name"]], item
            elif item["type"] == "textarea":
                assert item["from_name"] in controls["textarea"], item
                assert all(isinstance(line, str) for line in value["text"]), item
            else:
                raise AssertionError(f"unexpected result type {item['type']}")


@pytest.mark.model
def test_tasks_of_pipeline_records_match_the_config(nlp, tmp_path: Path) -> None:
    records = [*pipeline_records(nlp), hand_record()]
    source = tmp_path / "claims.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    tasks_path, config_path = export(source, tmp_path / "ls")
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    controls = parse_config(config_path.read_text(encoding="utf-8"))
    assert [t["data"]["article_id"] for t in tasks] == [r["id"] for r in records]
    for task, record in zip(tasks, records, strict=True):
        assert task["data"]["text"] == record["text"]
        assert_valid_task(task, controls)
        results = task["predictions"][0]["result"]
        contents = {i["id"] for i in results if i.get("value", {}).get("labels") == ["Content"]}
        claims_with_content = {region.split("-content-")[0] for region in contents}
        assert claims_with_content == {c["id"] for c in record["claims"]}


def test_hand_record_regions_relations_and_astral_offsets() -> None:
    record = hand_record()
    task = record_to_task(record)
    results = task["predictions"][0]["result"]
    by_id = {i["id"]: i for i in results if i["type"] == "labels"}
    assert {"c1-source", "c1-cue", "c1-content-1", "c1-content-2", "c2-addressee"} <= set(by_id)
    assert "c3-source" not in by_id
    relations = {
        (i["from_id"], i["to_id"], i["labels"][0]) for i in results if i["type"] == "relation"
    }
    assert {
        ("c1-source", "c1-cue", "says"),
        ("c1-cue", "c1-content-1", "content"),
        ("c1-cue", "c1-content-2", "content"),
        ("c1-content-1", "c1-content-2", "continues"),
        ("c2-cue", "c2-addressee", "to"),
        ("c3-cue", "c3-content-1", "content"),
    } <= relations
    # After the oil-drum emoji (one Python character, two UTF-16 units) offsets shift by one.
    date = by_id["date-0"]["value"]
    python_start = record["dates"][0]["start"]
    assert date["start"] == python_start + 1 and date["text"] == "March 2023"
    stance = [i for i in results if i["type"] == "choices" and i["id"] == "c2-content-1"
              and i["from_name"] == "stance"]  # fmt: skip
    assert stance[0]["value"]["choices"] == ["deny"]
    assert_valid_task(task, parse_config(labeling_config()))


def test_task_ids_are_stable() -> None:
    assert record_to_task(hand_record()) == record_to_task(hand_record())


def test_unknown_entity_label_is_added_to_the_config() -> None:
    record = hand_record()
    record["entities"][0]["label"] = "SHIP"
    task = record_to_task(record)
    with pytest.raises(AssertionError):
        assert_valid_task(task, parse_config(labeling_config()))
    assert_valid_task(task, parse_config(labeling_config(["SHIP"])))
