"""Records as tables: one row per item, offsets that index the text, CSV and Parquet round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

from pipeline.io.tables import COLUMNS, FORMATS, TABLES, export, read_frames, records_to_frames

from ..records import hand_record, pipeline_records


@pytest.fixture
def records(nlp) -> list[dict]:
    return [*pipeline_records(nlp), hand_record()]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


@pytest.mark.model
def test_one_row_per_item_with_offsets_into_the_text(records: list[dict]) -> None:
    frames = records_to_frames(records)
    assert list(frames) == list(TABLES)
    for table, frame in frames.items():
        assert list(frame.columns) == list(COLUMNS[table]), table
    texts = {r["id"]: r["text"] for r in records}
    assert list(frames["articles"]["article_id"]) == [r["id"] for r in records]
    for table, key in (("claims", "claims"), ("entities", "entities"),
                       ("quantities", "quantities"), ("dates", "dates")):  # fmt: skip
        assert len(frames[table]) == sum(len(r[key]) for r in records), table
        counts = frames["articles"].set_index("article_id")[key]
        assert counts.sum() == len(frames[table])
    for row in frames["entities"].itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
    for row in frames["dates"].itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
    for row in frames["quantities"].itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
        if not pd.isna(row.object_start):
            assert texts[row.article_id][row.object_start : row.object_end] == row.object_text
    for row in frames["claims"].itertuples():
        text = texts[row.article_id]
        assert text[row.content_start : row.content_end] == row.content_text
        for start, end in json.loads(row.content_spans):
            assert row.content_start <= start < end <= row.content_end
        if not pd.isna(row.source_start):
            assert text[row.source_start : row.source_end] == row.source_text


def test_claim_rows_carry_speaker_stance_kind_and_parts() -> None:
    frames = records_to_frames([hand_record()])
    claims = frames["claims"].set_index("claim_id")
    assert claims.loc["c1", "source_canonical"] == "Kim Soo"
    assert claims.loc["c1", "source_type"] == "person"
    assert claims.loc["c1", "kind"] == "direct"
    assert json.loads(claims.loc["c1", "content_spans"]) == [[0, 51], [66, 123]]
    assert (
        claims.loc["c2", "stance"] == "deny" and claims.loc["c2", "addressee_text"] == "reporters"
    )
    assert pd.isna(claims.loc["c3", "source_text"]) and pd.isna(claims.loc["c3", "source_start"])
    assert json.loads(claims.loc["c3", "mentions_quantities"]) == [1]
    quantities = frames["quantities"]
    assert quantities.loc[0, "object_text"] == "oil" and quantities.loc[0, "per"] == "year"
    assert pd.isna(quantities.loc[1, "value"]) and quantities.loc[1, "low"] == 5
    dates = frames["dates"]
    assert (dates.loc[0, "interval_start"], dates.loc[0, "interval_end"]) == (
        "2023-03-01",
        "2023-04-01",
    )
    article = frames["articles"].iloc[0]
    assert article["claims"] == 3 and json.loads(article["warning_codes"]) == ["W003"]


def test_no_records_give_empty_tables_with_all_columns() -> None:
    frames = records_to_frames([])
    for table, frame in frames.items():
        assert frame.empty and list(frame.columns) == list(COLUMNS[table])


@pytest.mark.model
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_round_trips_through_files(records: list[dict], tmp_path: Path, fmt: str) -> None:
    source = write_jsonl(tmp_path / "claims.jsonl", records)
    paths = export(source, tmp_path / "tables", fmt)
    assert sorted(p.name for p in paths) == sorted(f"{table}.{fmt}" for table in TABLES)
    expected = records_to_frames(records)
    for reader in (read_frames(tmp_path / "tables"), read_frames(source)):
        for table in TABLES:
            pdt.assert_frame_equal(reader[table], expected[table])


def test_text_that_looks_missing_stays_text_in_csv(tmp_path: Path) -> None:
    record = hand_record()
    record["entities"].append({"text": "NA", "start": 0, "end": 0, "label": "ORG",
                               "entity_id": "e9", "canonical": "NA"})  # fmt: skip
    record["entities"][-1].update(text="", end=0)
    record["meta"]["publisher"] = "null"
    export(write_jsonl(tmp_path / "r.jsonl", [record]), tmp_path / "out", "csv")
    frames = read_frames(tmp_path / "out")
    assert frames["articles"].loc[0, "publisher"] == "null"
    assert frames["entities"].loc[2, "canonical"] == "NA"


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown table format"):
        export(write_jsonl(tmp_path / "r.jsonl", [hand_record()]), tmp_path / "out", "xlsx")
