"""Reading a Label Studio JSON export: its tasks, checked, and the annotation to use.

``read_export`` returns the tasks of an export made from our tasks
(``newsclaims export --format labelstudio``) and raises ``BadExport``, naming
the task and the result item, for anything else: a JSON-MIN or CSV export,
another project's export (controls our labeling config does not have), result
items that are not Label Studio's. ``chosen_annotation`` picks the annotation a
task's gold comes from. ``labelstudio_import.py`` turns the chosen annotation
into a gold record.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .labelstudio import CONTROLS, RELATIONS, TEXT_NAME


class BadExport(ValueError):
    """A file that is not a Label Studio JSON export of newsclaims tasks."""


def read_export(path: str | Path) -> list[dict[str, Any]]:
    """The tasks of a Label Studio JSON export; ``BadExport`` when it is not one of ours."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise BadExport(
            f"{path} is not a Label Studio JSON export (not one JSON document: {error}); "
            "export the project as JSON, not JSON-MIN or CSV"
        ) from None
    except UnicodeDecodeError as error:
        raise BadExport(f"{path} is not UTF-8 text: {error}") from None
    if isinstance(data, dict) and "annotations" in data:
        data = [data]  # one task, as Label Studio's per-task target storage writes it
    if not isinstance(data, list):
        raise BadExport(
            f"{path} is not a Label Studio JSON export (a list of tasks with annotations)"
        )
    for number, task in enumerate(data, start=1):
        _check_task(task, f"{path} task {number}")
    return data


#: Keys of a JSON-MIN export's rows (a task's data flattened, one key per control).
JSON_MIN_KEYS = frozenset({"annotator", "annotation_id"})


def _check_task(task: Any, where: str) -> None:
    """``BadExport`` naming the task unless it is a task of ours in the JSON layout."""
    flat = isinstance(task, dict) and "data" not in task
    if flat and (JSON_MIN_KEYS & set(task) or {TEXT_NAME, "article_id"} <= set(task)):
        raise BadExport(
            f"{where}: this is a JSON-MIN export; export the project as JSON (JSON-MIN "
            "flattens each annotation and loses the regions' ids and relations)"
        )
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise BadExport(f"{where} has no data object: not a Label Studio JSON export")
    if not isinstance(task.get("annotations", []), list):
        raise BadExport(f"{where}: annotations must be a list")
    task_data = task["data"]
    if not isinstance(task_data.get(TEXT_NAME), str) or "article_id" not in task_data:
        raise BadExport(
            f"{where} has no data.text and data.article_id: not a task that "
            "`newsclaims export --format labelstudio` wrote (an export from another project?)"
        )
    for number, annotation in enumerate(task.get("annotations", []), start=1):
        if not isinstance(annotation, dict):
            raise BadExport(f"{where}: annotation {number} is not an object")
        result = annotation.get("result") or []
        if not isinstance(result, list):
            raise BadExport(f"{where}: annotation {number}'s result is not a list")
        for index, item in enumerate(result, start=1):
            _check_result_item(item, f"{where} annotation {number} result item {index}")


def _check_result_item(item: Any, where: str) -> None:
    if not isinstance(item, dict):
        raise BadExport(f"{where} is not an object but {json.dumps(item)[:40]}")
    if item.get("type") == "relation":
        labels = item.get("labels") or []
        if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
            raise BadExport(f"{where}: a relation's labels must be a list of names")
        if not set(labels) <= set(RELATIONS):
            raise BadExport(f"{where}: unknown relation {sorted(labels)}")
        if not item.get("from_id") or not item.get("to_id"):
            raise BadExport(f"{where}: a relation without from_id and to_id")
        return
    name = item.get("from_name")
    if name not in KNOWN_CONTROLS:
        raise BadExport(
            f"{where}: a result from control {name!r}, which our labeling config "
            f"does not have ({', '.join(sorted(KNOWN_CONTROLS))}): an export from "
            "another project?"
        )
    value = item.get("value")
    if not isinstance(value, dict):
        raise BadExport(f"{where} ({name}) has no value object")
    key = {"labels": "labels", "choices": "choices", "textarea": "text"}.get(item.get("type"))
    if key is not None and not isinstance(value.get(key, []), list):
        raise BadExport(f"{where} ({name}): value.{key} must be a list")


KNOWN_CONTROLS = frozenset({*CONTROLS, "stance", "kind", "speaker"})


def chosen_annotation(task: dict[str, Any]) -> dict[str, Any] | None:
    """The ground-truth annotation, else the most recently updated one; never a cancelled one."""
    usable = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if not usable:
        return None

    def key(annotation: dict[str, Any]) -> tuple:
        when = str(annotation.get("updated_at") or annotation.get("created_at") or "")
        number = annotation.get("id")
        return (
            bool(annotation.get("ground_truth")),
            when,
            number if isinstance(number, int) else 0,
        )

    return max(usable, key=key)
