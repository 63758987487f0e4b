"""`newsclaims export --format duckdb`: a real DuckDB file, read back by duckdb itself."""

from __future__ import annotations

import copy
import datetime
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.io.tables import COLUMNS, TABLES, records_to_frames

from ..records import hand_record, pipeline_records
from .corpus_records import kirby_records

pytestmark = pytest.mark.model


def run(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args])


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: what a database holds."""
    with duckdb.connect(str(path), read_only=True) as con:
        names = [
            row[0]
            for row in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
            ).fetchall()
        ]
        tables = {}
        for name in sorted(names):
            # when a record was loaded is not what it holds
            columns = "* EXCLUDE (loaded_at)" if name == "newsclaims_records" else "*"
            tables[name] = sorted(con.execute(f"SELECT {columns} FROM {name}").fetchall(), key=repr)
        return tables


@pytest.fixture(scope="module")
def corpus(nlp) -> list[dict]:
    return [*pipeline_records(nlp), hand_record(), *kirby_records(nlp)]


def test_tables_keys_indexes_and_views(corpus, tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    result = run("export", write_jsonl(tmp_path / "run.jsonl", corpus), "--format", "duckdb",
                 "-o", db)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"{len(corpus)} articles added" in result.output
    frames = records_to_frames(corpus)
    with duckdb.connect(str(db), read_only=True) as con:
        for table in TABLES:
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            assert columns == list(COLUMNS[table])
            count = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert count == len(frames[table]) and (count > 0 or table == "none"), table
        keys = {
            (row[0], tuple(row[1]))
            for row in con.execute(
                "SELECT table_name, constraint_column_names FROM duckdb_constraints() "
                "WHERE constraint_type = 'PRIMARY KEY'"
            ).fetchall()
        }
        assert ("claims", ("article_id", "claim_id")) in keys
        assert ("articles", ("article_id",)) in keys
        assert ("entities", ("article_id", "index")) in keys
        indexes = {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
        assert {"claims_source_canonical_idx", "quantities_unit_idx"} <= indexes
        claims = con.execute(
            "SELECT content_text, source_canonical FROM claims WHERE article_id = ? "
            "ORDER BY content_start", [hand_record()["id"]]
        ).fetchall()  # fmt: skip
        assert claims[0][1] == "Kim Soo" and "\U0001f6e2" in claims[0][0]
        # One speaker named three ways in three articles.
        kirby = con.execute(
            "SELECT speaker_id, canonical_name, articles, claims, denials, first_date, last_date, "
            "article_ids FROM speakers_across_articles WHERE canonical_name = 'John Kirby'"
        ).fetchall()
        assert kirby == [(
            "person:john-kirby", "John Kirby", 4, 7, 1, datetime.date(2023, 6, 13),
            datetime.date(2024, 5, 20), ["000_0310359b324a0dcd", "kirby-1", "kirby-2", "kirby-3"],
        )]  # fmt: skip
        titles = con.execute(
            "SELECT titles, organisations FROM speakers WHERE speaker_id = 'person:john-kirby'"
        ).fetchone()
        assert "spokesman" in titles[0] and "National Security Council" in titles[1]
        mentioning = con.execute(
            "SELECT DISTINCT article_id, speaker FROM claims_mentioning_entity "
            "WHERE entity = 'North Korea' ORDER BY article_id"
        ).fetchall()
        assert ("kirby-3", "John Kirby") in mentioning
        oil = con.execute(
            "SELECT quantities, max_value FROM quantities_over_time "
            "WHERE unit = 'barrel' AND object = 'oil' AND month = DATE '2023-06-01'"
        ).fetchall()
        assert oil and oil[0][1] == 500000


def test_append_adds_new_replaces_changed_never_duplicates(corpus, tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    first = write_jsonl(tmp_path / "first.jsonl", corpus[:3])
    assert run("export", first, "--format", "duckdb", "-o", db).exit_code == 0
    refused = run("export", first, "--format", "duckdb", "-o", db)
    assert refused.exit_code == 2 and "--append" in refused.output
    changed = copy.deepcopy(corpus[1])
    changed["claims"][0]["stance"] = "deny"
    second = write_jsonl(tmp_path / "second.jsonl", [corpus[0], changed, *corpus[3:]])
    result = run("export", second, "--format", "duckdb", "-o", db, "--append")
    assert result.exit_code == 0, result.output
    added = len(corpus) - 3
    assert f"{added} articles added, 1 replaced, 1 unchanged" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
        assert sorted(ids) == sorted(r["id"] for r in corpus)
        (claims,) = con.execute("SELECT count(*) FROM claims").fetchone()
        assert claims == sum(len(r["claims"]) for r in corpus)
        stance = con.execute(
            "SELECT stance FROM claims WHERE article_id = ? AND claim_id = 'c1'", [changed["id"]]
        ).fetchone()[0]
        assert stance == "deny"
    again = run("export", second, "--format", "duckdb", "-o", db, "--append")
    assert "0 articles added, 0 replaced" in again.output


def test_a_failure_leaves_the_database_as_it_was(corpus, tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    assert run("export", write_jsonl(tmp_path / "a.jsonl", corpus[:2]), "--format", "duckdb",
               "-o", db).exit_code == 0  # fmt: skip
    before = dump(db)
    broken = copy.deepcopy(corpus[4])  # a new article (added) ...
    broken["claims"][1]["id"] = broken["claims"][0]["id"]  # ... with a claim id twice
    changed = copy.deepcopy(corpus[0])  # and a changed one (replaced) before it
    changed["claims"] = changed["claims"][:1]
    result = run("export", write_jsonl(tmp_path / "b.jsonl", [changed, broken]), "--format",
                 "duckdb", "-o", db, "--append")  # fmt: skip
    assert result.exit_code == 2 and "nothing was changed" in result.output
    assert dump(db) == before


def test_other_databases_and_records_are_refused_untouched(corpus, tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "run.jsonl", corpus[:2])
    db = tmp_path / "old.duckdb"
    assert run("export", records, "--format", "duckdb", "-o", db).exit_code == 0
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE newsclaims_meta SET value = 'newsclaims.duckdb/0' WHERE key = 'schema'")
    before = dump(db)
    result = run("export", records, "--format", "duckdb", "-o", db, "--append")
    assert result.exit_code == 2 and "database schema 'newsclaims.duckdb/0'" in result.output
    assert dump(db) == before
    theirs = tmp_path / "theirs.duckdb"
    with duckdb.connect(str(theirs)) as con:
        con.execute("CREATE TABLE orders (id INTEGER)")
    result = run("export", records, "--format", "duckdb", "-o", theirs, "--append")
    assert result.exit_code == 2 and "not one newsclaims wrote" in result.output
    assert dump(theirs) == {"orders": []}
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database\n", encoding="utf-8")
    result = run("export", records, "--format", "duckdb", "-o", text, "--append")
    assert result.exit_code == 2 and "not a DuckDB database" in result.output
    assert text.read_text(encoding="utf-8") == "not a database\n"
    foreign = write_jsonl(tmp_path / "foreign.jsonl", [{"id": "x", "text": "Hello."}])
    result = run("export", foreign, "--format", "duckdb", "-o", tmp_path / "new.duckdb")
    assert result.exit_code == 1 and "not records that this version" in result.output
    assert not (tmp_path / "new.duckdb").exists()
    result = run("export", foreign, "--format", "duckdb", "-o", db, "--force")
    assert result.exit_code == 1 and dump(db) == before
    result = run("export", records, "--format", "duckdb", "-o", db, "--force")
    assert result.exit_code == 0 and "2 articles added" in result.output


def _meta(path: Path) -> dict[str, str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return dict(con.execute("SELECT key, value FROM newsclaims_meta").fetchall())


def test_a_new_database_gets_its_missing_folders(tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "run.jsonl", [hand_record()])
    db = tmp_path / "new" / "sub" / "corpus.duckdb"
    result = run("export", records, "--format", "duckdb", "-o", db)
    assert result.exit_code == 0, result.output
    assert dump(db)["articles"][0][0] == hand_record()["id"]


def test_a_database_in_use_says_so_and_is_left_alone(tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "run.jsonl", [hand_record()])
    db = tmp_path / "corpus.duckdb"
    assert run("export", records, "--format", "duckdb", "-o", db).exit_code == 0
    before = db.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('held', flush=True); "
         "sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        other = copy.deepcopy(hand_record())
        other["id"] = "other"
        more = write_jsonl(tmp_path / "more.jsonl", [other])
        result = run("export", more, "--format", "duckdb", "-o", db, "--append")
    finally:
        holder.communicate("")
    assert result.exit_code == 2, result.output
    assert "is in use by another process" in result.output
    assert "is not a DuckDB database" not in result.output
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("break_record", "problem"),
    [
        (lambda r: r.update(claims="oops"), "claims: 'oops' is not of type 'array'"),
        (lambda r: r["claims"][0].pop("content"), "claims/0: no 'content'"),
        (lambda r: r["meta"].update(date="June 13"), "meta/date: 'June 13' does not match"),
    ],
)
def test_records_that_break_the_schema_are_refused_by_line(
    tmp_path: Path, break_record, problem: str
) -> None:
    good = hand_record()
    db = tmp_path / "corpus.duckdb"
    assert run("export", write_jsonl(tmp_path / "a.jsonl", [good]), "--format", "duckdb",
               "-o", db).exit_code == 0  # fmt: skip
    before = dump(db)
    bad = copy.deepcopy(good)
    bad["id"] = "bad"
    break_record(bad)
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(bad) + "\n", encoding="utf-8")
    for options in (["--append"], ["--force"], []):
        target = db if options else tmp_path / "fresh.duckdb"
        result = run("export", path, "--format", "duckdb", "-o", target, *options)
        assert result.exit_code == 1, result.output
        assert f"{path} line 3 ('bad') says it is newsclaims.article/1" in result.output
        assert problem in result.output and "Traceback" not in result.output
    assert dump(db) == before and not (tmp_path / "fresh.duckdb").exists()


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("record_schema", "newsclaims.article/2", "from records of schema 'newsclaims.article/2'"),
        ("written_by", "99.0.0", "written by newsclaims 99.0.0, newer than this one"),
    ],
)
def test_a_database_of_another_record_schema_or_a_newer_version_is_refused(
    tmp_path: Path, key: str, value: str, message: str
) -> None:
    records = write_jsonl(tmp_path / "run.jsonl", [hand_record()])
    db = tmp_path / "corpus.duckdb"
    assert run("export", records, "--format", "duckdb", "-o", db).exit_code == 0
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE newsclaims_meta SET value = ? WHERE key = ?", [value, key])
    before = dump(db)
    result = run("export", records, "--format", "duckdb", "-o", db, "--append")
    assert result.exit_code == 2 and message in result.output, result.output
    assert dump(db) == before


def _gold(record: dict) -> dict:
    gold = copy.deepcopy(record)
    gold["pipeline"] = {"version": "0.1.0", "model": "gold:labelstudio"}
    gold["gold"] = {"from": "labelstudio", "export": "export.json", "task": 1, "annotation": 2,
                    "annotator": 1, "updated_at": "2026-12-01T10:05:00Z"}  # fmt: skip
    return gold


def test_gold_and_predictions_never_share_a_database(tmp_path: Path) -> None:
    predicted = write_jsonl(tmp_path / "run.jsonl", [hand_record()])
    gold = write_jsonl(tmp_path / "gold.jsonl", [_gold(hand_record())])
    db = tmp_path / "corpus.duckdb"
    assert run("export", predicted, "--format", "duckdb", "-o", db).exit_code == 0
    assert _meta(db)["holds"] == "predictions"
    before = dump(db)
    result = run("export", gold, "--format", "duckdb", "-o", db, "--append")
    assert result.exit_code == 2 and "holds predictions, and these records are gold" in (
        result.output
    )
    assert dump(db) == before
    gold_db = tmp_path / "gold.duckdb"
    result = run("export", gold, "--format", "duckdb", "-o", gold_db)
    assert result.exit_code == 0 and "1 gold articles added" in result.output
    assert _meta(gold_db)["holds"] == "gold"
    result = run("export", predicted, "--format", "duckdb", "-o", gold_db, "--append")
    assert result.exit_code == 2 and "holds gold, and these records are predictions" in (
        result.output
    )
    # a database written before `holds` was kept: its articles' pipeline_model tells
    with duckdb.connect(str(gold_db)) as con:
        con.execute("DELETE FROM newsclaims_meta WHERE key = 'holds'")
    result = run("export", predicted, "--format", "duckdb", "-o", gold_db, "--append")
    assert result.exit_code == 2 and "holds gold" in result.output
    other = copy.deepcopy(hand_record())
    other["id"] = "other"
    mixed = write_jsonl(tmp_path / "mixed.jsonl", [other, _gold(hand_record())])
    result = run("export", mixed, "--format", "duckdb", "-o", tmp_path / "mixed.duckdb")
    assert result.exit_code == 1 and "mixes 1 gold records" in result.output
    assert not (tmp_path / "mixed.duckdb").exists()


def test_files_that_are_not_duckdb_are_refused_before_duckdb_opens_them(tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "run.jsonl", [hand_record()])
    lite = tmp_path / "corpus.sqlite"
    with sqlite3.connect(lite) as con:
        con.execute("CREATE TABLE t (x)")
    con.close()
    empty = tmp_path / "empty.duckdb"
    empty.touch()
    for path, what in ((lite, "is not a DuckDB database (an SQLite database)"),
                       (empty, "is an empty file, not a DuckDB database")):  # fmt: skip
        before = path.read_bytes()
        result = run("export", records, "--format", "duckdb", "-o", path, "--append")
        assert result.exit_code == 2 and what in result.output, result.output
        assert path.read_bytes() == before


def test_quantities_over_time_mean_uses_the_same_values_as_min_and_max(tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    records = write_jsonl(tmp_path / "run.jsonl", [hand_record()])
    assert run("export", records, "--format", "duckdb", "-o", db).exit_code == 0
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            "SELECT quantities, min_value, max_value, mean_value FROM quantities_over_time "
            "WHERE unit = 'percent'"
        ).fetchone()
    assert row == (1, 5, 6, 5.5)  # "between 5% and 6%": no value, its middle for the mean
