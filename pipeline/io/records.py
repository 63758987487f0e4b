"""Read back the JSONL records that ``newsclaims extract`` writes.

Used by the consumers of the output (tables, the HTML review, Label Studio):
one record per line, blank lines ignored. A last line cut short by a killed
run (see ``writers.recover``) is skipped; any other line that is not a JSON
object is an error naming the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class BadRecords(ValueError):
    """A records file that cannot be read as JSONL records."""


def iter_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield the records of ``path`` in file order, reading one line at a time."""
    for _, record in iter_numbered_records(path):
        yield record


def iter_numbered_records(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, record)`` for the records of ``path`` (see ``iter_records``)."""
    path = Path(path)
    with open(path, encoding="utf-8", newline="\n") as file:
        for number, line in enumerate(file, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                if not line.endswith("\n"):
                    return  # no newline after it: the partial last line of an interrupted run
                raise BadRecords(f"{path} line {number} is not valid JSON: {error}") from None
            if not isinstance(record, dict) or "text" not in record or "id" not in record:
                raise BadRecords(f"{path} line {number} is not a newsclaims record")
            yield number, record


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """All records of ``path`` (see ``iter_records``)."""
    return list(iter_records(path))
