"""Records as tables: ``articles``, ``claims``, ``entities``, ``quantities``, ``dates``.

One row per item, each with the ``article_id`` it belongs to and its character
offsets, so that the tables join back to the article text. Columns are fixed
(``COLUMNS``) and present even when a table has no rows. List-valued cells
(a claim's content parts, its mentions) are JSON strings, so that CSV and
Parquet give the same values.

``records_to_frames`` is the function for notebooks; ``read_frames`` reads a
records JSONL or a folder written by ``export``; ``export`` writes CSV or
Parquet (through pyarrow).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .records import iter_records

TABLES = ("articles", "claims", "entities", "quantities", "dates")
FORMATS = ("csv", "parquet")

#: Column -> pandas dtype, per table, in column order.
COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "string",
        "title": "string",
        "date": "string",
        "url": "string",
        "publisher": "string",
        "path": "string",
        "line": "Int64",
        "sha256": "string",
        "chars": "Int64",
        "entities": "Int64",
        "quantities": "Int64",
        "dates": "Int64",
        "claims": "Int64",
        "warnings": "Int64",
        "warning_codes": "string",
        "error_code": "string",
        "error_message": "string",
        "schema": "string",
        "pipeline_version": "string",
        "pipeline_model": "string",
    },
    "claims": {
        "article_id": "string",
        "claim_id": "string",
        "kind": "string",
        "stance": "string",
        "source_text": "string",
        "source_start": "Int64",
        "source_end": "Int64",
        "source_entity_id": "string",
        "source_canonical": "string",
        "source_type": "string",
        "cue_text": "string",
        "cue_start": "Int64",
        "cue_end": "Int64",
        "cue_score": "Float64",
        "content_text": "string",
        "content_start": "Int64",
        "content_end": "Int64",
        "content_spans": "string",
        "addressee_text": "string",
        "addressee_start": "Int64",
        "addressee_end": "Int64",
        "mentions_entities": "string",
        "mentions_quantities": "string",
        "mentions_dates": "string",
    },
    "entities": {
        "article_id": "string",
        "index": "Int64",
        "entity_id": "string",
        "label": "string",
        "canonical": "string",
        "text": "string",
        "start": "Int64",
        "end": "Int64",
    },
    "quantities": {
        "article_id": "string",
        "index": "Int64",
        "text": "string",
        "start": "Int64",
        "end": "Int64",
        "value": "Float64",
        "low": "Float64",
        "high": "Float64",
        "change": "string",
        "unit": "string",
        "unit_text": "string",
        "per": "string",
        "object_text": "string",
        "object_start": "Int64",
        "object_end": "Int64",
    },
    "dates": {
        "article_id": "string",
        "index": "Int64",
        "text": "string",
        "start": "Int64",
        "end": "Int64",
        "type": "string",
        "value": "string",
        "mod": "string",
        "interval_start": "string",
        "interval_end": "string",
    },
}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _span_columns(prefix: str, item: dict[str, Any] | None) -> dict[str, Any]:
    item = item or {}
    return {
        f"{prefix}_text": item.get("text"),
        f"{prefix}_start": item.get("start"),
        f"{prefix}_end": item.get("end"),
    }


def article_row(record: dict[str, Any]) -> dict[str, Any]:
    meta = record.get("meta") or {}
    source = record.get("source") or {}
    pipeline = record.get("pipeline") or {}
    error = record.get("error") or {}
    warnings = record.get("warnings") or []
    return {
        "article_id": record["id"],
        "title": meta.get("title"),
        "date": meta.get("date"),
        "url": meta.get("url"),
        "publisher": meta.get("publisher"),
        "path": source.get("path"),
        "line": source.get("line"),
        "sha256": source.get("sha256"),
        "chars": len(record.get("text") or ""),
        **{
            key: len(record.get(key) or []) for key in ("entities", "quantities", "dates", "claims")
        },
        "warnings": len(warnings),
        "warning_codes": _json([w.get("code") for w in warnings]),
        "error_code": error.get("code"),
        "error_message": error.get("message"),
        "schema": record.get("schema"),
        "pipeline_version": pipeline.get("version"),
        "pipeline_model": pipeline.get("model"),
    }


def claim_row(article_id: str, claim: dict[str, Any]) -> dict[str, Any]:
    source = claim.get("source") or {}
    content = claim["content"]
    mentions = claim.get("mentions") or {}
    return {
        "article_id": article_id,
        "claim_id": claim["id"],
        "kind": claim.get("kind"),
        "stance": claim.get("stance"),
        **_span_columns("source", claim.get("source")),
        "source_entity_id": source.get("entity_id"),
        "source_canonical": source.get("canonical"),
        "source_type": source.get("type"),
        **_span_columns("cue", claim.get("cue")),
        "cue_score": claim.get("cue_score"),
        **_span_columns("content", content),
        "content_spans": _json(content.get("spans") or [[content["start"], content["end"]]]),
        **_span_columns("addressee", claim.get("addressee")),
        "mentions_entities": _json(mentions.get("entities") or []),
        "mentions_quantities": _json(mentions.get("quantities") or []),
        "mentions_dates": _json(mentions.get("dates") or []),
    }


def quantity_row(article_id: str, index: int, quantity: dict[str, Any]) -> dict[str, Any]:
    row = {"article_id": article_id, "index": index}
    row.update({key: quantity.get(key) for key in COLUMNS["quantities"] if key not in row})
    row.update(_span_columns("object", quantity.get("object")))
    return row


def date_row(article_id: str, index: int, timex: dict[str, Any]) -> dict[str, Any]:
    interval = timex.get("interval") or {}
    row = {"article_id": article_id, "index": index}
    row.update({key: timex.get(key) for key in ("text", "start", "end", "type", "value", "mod")})
    row.update({"interval_start": interval.get("start"), "interval_end": interval.get("end")})
    return row


def entity_row(article_id: str, index: int, entity: dict[str, Any]) -> dict[str, Any]:
    row = {"article_id": article_id, "index": index}
    row.update({key: entity.get(key) for key in COLUMNS["entities"] if key not in row})
    return row


def _frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    columns = COLUMNS[table]
    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.astype(columns)


def records_to_frames(records: Iterable[dict[str, Any]]) -> dict[str, pd.DataFrame]:
    """The five tables of ``records``, as DataFrames keyed by table name."""
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for record in records:
        article_id = record["id"]
        rows["articles"].append(article_row(record))
        rows["claims"] += [claim_row(article_id, claim) for claim in record.get("claims") or []]
        rows["entities"] += [
            entity_row(article_id, i, entity)
            for i, entity in enumerate(record.get("entities") or [])
        ]
        rows["quantities"] += [
            quantity_row(article_id, i, q) for i, q in enumerate(record.get("quantities") or [])
        ]
        rows["dates"] += [
            date_row(article_id, i, timex) for i, timex in enumerate(record.get("dates") or [])
        ]
    return {table: _frame(table, rows[table]) for table in TABLES}


def write_frames(frames: dict[str, pd.DataFrame], out_dir: str | Path, fmt: str) -> list[Path]:
    """Write each frame to ``out_dir/<table>.<fmt>``; return the paths written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown table format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for table, frame in frames.items():
        path = out_dir / f"{table}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False, encoding="utf-8")
        else:
            frame.to_parquet(path, index=False, engine="pyarrow")
        paths.append(path)
    return paths


def export(records_path: str | Path, out_dir: str | Path, fmt: str = "csv") -> list[Path]:
    """Write the tables of the records in ``records_path`` as CSV or Parquet into ``out_dir``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown table format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return write_frames(records_to_frames(iter_records(records_path)), out_dir, fmt)


def read_frames(path: str | Path) -> dict[str, pd.DataFrame]:
    """The tables from a records JSONL file, or from a folder that ``export`` wrote.

    In a folder, each table is read from ``<table>.parquet`` or else
    ``<table>.csv``, with the dtypes of ``COLUMNS``; a missing table is empty.
    """
    path = Path(path)
    if path.is_file():
        return records_to_frames(iter_records(path))
    if not path.is_dir():
        raise FileNotFoundError(f"no records file or tables folder at {path}")
    frames = {}
    for table in TABLES:
        parquet, csv = path / f"{table}.parquet", path / f"{table}.csv"
        if parquet.exists():
            frame = pd.read_parquet(parquet, engine="pyarrow")
        elif csv.exists():
            # Only empty cells are missing values: a span text "NA" or "null" stays text.
            frame = pd.read_csv(csv, dtype=str, keep_default_na=False, na_values=[""])
        else:
            frame = pd.DataFrame(columns=list(COLUMNS[table]))
        frames[table] = _restore(table, frame)
    return frames


def _restore(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    columns = COLUMNS[table]
    for column, dtype in columns.items():
        if column not in frame:
            frame[column] = pd.Series([None] * len(frame), dtype=dtype)
        elif dtype in ("Int64", "Float64") and frame[column].dtype == object:
            frame[column] = pd.to_numeric(frame[column])
    extra = [c for c in frame.columns if c not in columns]
    return frame[list(columns) + extra].astype(columns)
