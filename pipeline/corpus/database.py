"""A corpus of records as a DuckDB database (``newsclaims export --format duckdb``).

``write_database(records, path, append=...)`` writes the five tables of the
CSV/Parquet export (``articles``, ``claims``, ``entities``, ``quantities``,
``dates``: the columns of ``io.tables.COLUMNS``) with primary keys and
indexes, the corpus-wide speakers (``speakers``, ``claim_speakers``: see
``speakers.py``) and views that answer corpus questions:

- ``speakers_across_articles``: per speaker, its canonical name and id, type,
  articles, claims, denials, accusations, first and last publication date and
  the article ids;
- ``claims_mentioning_entity``: one row per claim and entity its content
  mentions (the entity's canonical name and label, the claim's speaker,
  stance, content and date);
- ``quantities_over_time``: quantities by unit, counted object and month of
  publication (count, min, max, mean of the values; a range counts as its low
  bound for the min, its high bound for the max and its middle for the mean).

Appending (``append=True``) adds the articles not yet in the database,
replaces those whose record changed (same ``article_id``, another record:
compared by the SHA-256 of the record's canonical JSON, kept in
``newsclaims_records``) and leaves the rest; the speakers are then
recomputed over the whole database. All of it is one transaction: a failure
leaves the database as it was. A database that another version wrote (its
``newsclaims_meta`` names another ``DATABASE_SCHEMA`` or record schema, or a
newsclaims newer than this one), a file that is not a newsclaims database
(told from its header before DuckDB opens it, with extension autoloading off)
or one that another process holds open is refused untouched
(``DatabaseError``). Records that are not ours, or claim our schema and break
it (checked against the shipped JSON Schema), are refused before anything is
written (``NotOurRecords``, naming the file and line).

A database holds predictions or gold (records from ``import-labelstudio``,
with a ``gold`` field), never both: gold of an article would replace its
prediction. ``newsclaims_meta`` keeps which (``holds``); appending the other
kind is refused, and so is a records file that mixes them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..about import SCHEMA, __version__
from ..io.tables import COLUMNS, TABLES, records_to_frames
from .speakers import SourceMention, resolve_speakers

DATABASE_SCHEMA = "newsclaims.duckdb/1"
SQL_TYPES = {"string": "VARCHAR", "Int64": "BIGINT", "Float64": "DOUBLE"}
PRIMARY_KEYS = {
    "articles": ("article_id",),
    "claims": ("article_id", "claim_id"),
    "entities": ("article_id", "index"),
    "quantities": ("article_id", "index"),
    "dates": ("article_id", "index"),
}
INDEXES = {
    "claims": ("source_canonical", "stance"),
    "entities": ("canonical", "entity_id"),
    "quantities": ("unit",),
    "dates": ("value",),
    "articles": ("date",),
    "claim_speakers": ("speaker_id",),
}

SPEAKER_TABLES = """
CREATE TABLE speakers (
    speaker_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR NOT NULL,
    names VARCHAR[] NOT NULL, titles VARCHAR[] NOT NULL, organisations VARCHAR[] NOT NULL
);
CREATE TABLE claim_speakers (
    article_id VARCHAR NOT NULL, claim_id VARCHAR NOT NULL, speaker_id VARCHAR NOT NULL,
    PRIMARY KEY (article_id, claim_id)
);
CREATE TABLE newsclaims_records (
    article_id VARCHAR PRIMARY KEY, record_sha256 VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL
);
CREATE TABLE newsclaims_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
"""

VIEWS = """
CREATE OR REPLACE VIEW speakers_across_articles AS
SELECT s.speaker_id, s.name AS canonical_name, s.type,
       count(DISTINCT cs.article_id) AS articles, count(*) AS claims,
       count(*) FILTER (WHERE c.stance = 'deny') AS denials,
       count(*) FILTER (WHERE c.stance = 'accuse') AS accusations,
       min(TRY_CAST(a.date AS DATE)) AS first_date, max(TRY_CAST(a.date AS DATE)) AS last_date,
       list(DISTINCT cs.article_id ORDER BY cs.article_id) AS article_ids
FROM claim_speakers cs
JOIN speakers s USING (speaker_id)
JOIN claims c USING (article_id, claim_id)
JOIN articles a USING (article_id)
GROUP BY s.speaker_id, s.name, s.type
ORDER BY articles DESC, claims DESC, canonical_name, speaker_id;

CREATE OR REPLACE VIEW claims_mentioning_entity AS
WITH mentioned AS (
    SELECT c.*, unnest(from_json(c.mentions_entities, '["VARCHAR"]')) AS entity_id FROM claims c
), clusters AS (
    SELECT article_id, entity_id, min(canonical) AS entity, min(label) AS label
    FROM entities GROUP BY article_id, entity_id
)
SELECT e.entity, e.label, m.article_id, m.claim_id, m.entity_id,
       cs.speaker_id, s.name AS speaker, m.stance, m.kind, m.cue_text, m.content_text,
       TRY_CAST(a.date AS DATE) AS date
FROM mentioned m
JOIN clusters e USING (article_id, entity_id)
JOIN articles a USING (article_id)
LEFT JOIN claim_speakers cs USING (article_id, claim_id)
LEFT JOIN speakers s USING (speaker_id);

CREATE OR REPLACE VIEW quantities_over_time AS
SELECT q.unit, lower(q.object_text) AS object,
       CAST(date_trunc('month', TRY_CAST(a.date AS DATE)) AS DATE) AS month,
       count(*) AS quantities, count(DISTINCT q.article_id) AS articles,
       min(coalesce(q.value, q.low)) AS min_value, max(coalesce(q.value, q.high)) AS max_value,
       avg(coalesce(q.value, (q.low + q.high) / 2, q.low, q.high)) AS mean_value
FROM quantities q JOIN articles a USING (article_id)
GROUP BY ALL;
"""


#: DuckDB's file header: an 8-byte checksum, then these magic bytes.
DUCKDB_MAGIC = b"DUCK"
#: Never fetch or load an extension behind the user's back: a file DuckDB does not
#: recognise (an SQLite database) would otherwise make it download ``sqlite_scanner``.
CONNECT_CONFIG = {"autoload_known_extensions": False, "autoinstall_known_extensions": False}
#: What a database holds, in ``newsclaims_meta`` (``holds``): one or the other, never both.
GOLD, PREDICTIONS = "gold", "predictions"


class DatabaseError(ValueError):
    """A database we cannot write into (written by another version, or not ours)."""


class NotOurRecords(DatabaseError):
    """Records that this version of newsclaims did not write."""


@dataclass
class DatabaseSummary:
    """What one export into the database did, and what the database holds after it."""

    path: Path
    #: Articles new to the database, replaced (same id, another record), and already
    #: held as they are.
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    #: What the database holds after the export: ``{"articles": n, "speakers": n}``.
    holds: dict[str, int] = field(default_factory=dict)
    #: Whether the records were gold (``import-labelstudio``) rather than predictions.
    gold: bool = False

    def describe(self) -> str:
        kind = "gold articles" if self.gold else "articles"
        return (
            f"{self.added} {kind} added, {self.replaced} replaced, {self.unchanged} unchanged; "
            f"{self.holds.get('articles', 0)} {kind} and {self.holds.get('speakers', 0)} "
            f"speakers in {self.path}"
        )


def record_sha256(record: dict[str, Any]) -> str:
    body = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def check_records(
    records: list[dict[str, Any]], source: str = "records", *, lines: list[int] | None = None
) -> None:
    """``NotOurRecords`` unless every record is one of ours (``newsclaims.article/1``) and
    follows the shipped JSON Schema, and the records are all gold or all predictions.

    ``source`` and ``lines`` (each record's line in it) name where a bad record is.
    """
    from ..jsonschema import record_problem

    for number, record in enumerate(records, start=1):
        where = f"{source} line {lines[number - 1]}" if lines else f"{source} record {number}"
        schema = str(record.get("schema") or "")
        if schema != SCHEMA:
            raise NotOurRecords(
                f"{where} ({record.get('id')!r}) has schema {schema or 'none'!r}, "
                f"not {SCHEMA}: not records that this version of newsclaims writes"
            )
        problem = record_problem(record)
        if problem:
            raise NotOurRecords(
                f"{where} ({record.get('id')!r}) says it is {SCHEMA} but does not follow its "
                f"schema: {problem}"
            )
    _holds(records, source)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create_schema(con: Any) -> None:
    for table in TABLES:
        columns = [f"{_quote(c)} {SQL_TYPES[t]}" for c, t in COLUMNS[table].items()]
        key = ", ".join(_quote(c) for c in PRIMARY_KEYS[table])
        con.execute(f"CREATE TABLE {table} ({', '.join(columns)}, PRIMARY KEY ({key}))")
    con.execute(SPEAKER_TABLES)
    for table, columns in INDEXES.items():
        for column in columns:
            con.execute(f"CREATE INDEX {table}_{column}_idx ON {table} ({_quote(column)})")
    con.executemany(
        "INSERT INTO newsclaims_meta VALUES (?, ?)",
        [["schema", DATABASE_SCHEMA], ["record_schema", SCHEMA], ["written_by", __version__]],
    )


def _check_file(path: Path) -> None:
    """``DatabaseError`` unless ``path`` begins as a DuckDB file does (read before DuckDB opens
    it: DuckDB would try to load an extension for a file it does not know)."""
    with open(path, "rb") as file:
        head = file.read(16)
    if not head:
        raise DatabaseError(
            f"{path} is an empty file, not a DuckDB database: remove it, or use --force to "
            "write a new database in its place"
        )
    if head[8:12] != DUCKDB_MAGIC:
        what = "an SQLite database" if head.startswith(b"SQLite format 3") else "another file"
        raise DatabaseError(
            f"{path} is not a DuckDB database ({what}); write the database to another file"
        )


def is_gold(record: dict[str, Any]) -> bool:
    """Whether a record is gold (``import-labelstudio`` writes a ``gold`` field) or a prediction."""
    model = str((record.get("pipeline") or {}).get("model") or "")
    return bool(record.get("gold")) or model.startswith("gold:")


def _holds(records: list[dict[str, Any]], source: str = "records") -> str | None:
    """``GOLD`` or ``PREDICTIONS`` for ``records`` (``None`` when empty); ``NotOurRecords`` when
    they mix both: gold would replace the predictions of the same article."""
    gold = sum(1 for record in records if is_gold(record))
    if gold and gold < len(records):
        raise NotOurRecords(
            f"{source} mixes {gold} gold records (from import-labelstudio) and "
            f"{len(records) - gold} predictions: a database holds one or the other; export "
            "them into two databases"
        )
    return (GOLD if gold else PREDICTIONS) if records else None


def _check_holds(con: Any, path: Path, records: list[dict[str, Any]]) -> None:
    """``DatabaseError`` when ``records`` are gold and the database holds predictions, or back."""
    incoming = _holds(records)
    meta = dict(con.execute("SELECT key, value FROM newsclaims_meta").fetchall())
    held = meta.get("holds")
    if held is None:  # a database written before ``holds`` was kept: its articles tell
        gold, articles = con.execute(
            "SELECT count(*) FILTER (WHERE pipeline_model LIKE 'gold:%'), count(*) FROM articles"
        ).fetchone()
        held = (GOLD if gold else PREDICTIONS) if articles else None
    if incoming and held and incoming != held:
        raise DatabaseError(
            f"{path} holds {held}, and these records are {incoming}: a database holds one or "
            "the other, so that gold never replaces the predictions of the same article (or "
            "back); write them into a database of their own (another -o)"
        )


def _check_database(con: Any, path: Path) -> None:
    tables = {
        row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    if "newsclaims_meta" not in tables:
        raise DatabaseError(f"{path} is a DuckDB database, but not one newsclaims wrote")
    meta = dict(con.execute("SELECT key, value FROM newsclaims_meta").fetchall())
    written_by = meta.get("written_by", "?")
    fresh = "Write a new database (another -o, or --force to replace this one)"
    if meta.get("schema") != DATABASE_SCHEMA:
        raise DatabaseError(
            f"{path} was written by newsclaims {written_by} with database "
            f"schema {meta.get('schema')!r}; this version writes {DATABASE_SCHEMA!r}. {fresh}"
        )
    if meta.get("record_schema") != SCHEMA:
        raise DatabaseError(
            f"{path} was written by newsclaims {written_by} from records of schema "
            f"{meta.get('record_schema')!r}; this version writes {SCHEMA!r}. {fresh}"
        )
    if _version_key(written_by) > _version_key(__version__):
        raise DatabaseError(
            f"{path} was written by newsclaims {written_by}, newer than this one "
            f"({__version__}): it may hold what this version does not know. {fresh}"
        )


def _version_key(version: str) -> tuple[int, ...]:
    """``"0.10.2"`` -> ``(0, 10, 2)``: release numbers compare as numbers (``()`` when none)."""
    return tuple(int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3])


def _mentions(con: Any) -> list[SourceMention]:
    rows = con.execute(
        "SELECT c.article_id, c.claim_id, c.source_text, c.source_canonical, c.source_type, "
        "c.stance, a.date FROM claims c JOIN articles a USING (article_id) "
        "WHERE c.source_text IS NOT NULL ORDER BY c.article_id, c.claim_id"
    ).fetchall()
    return [
        SourceMention(
            article_id=a, claim_id=c, text=text or "", canonical=(canonical or text or "").strip(),
            type=kind or "unknown", stance=stance or "assert", date=date,
        )
        for a, c, text, canonical, kind, stance, date in rows
    ]  # fmt: skip


def _write_speakers(con: Any) -> int:
    assignment, speakers = resolve_speakers(_mentions(con))
    con.execute("DELETE FROM claim_speakers")
    con.execute("DELETE FROM speakers")
    speaker_frame = pd.DataFrame(
        [
            [s.speaker_id, s.name, s.type, s.names, s.titles, s.organisations]
            for s in speakers.values()
        ],
        columns=["speaker_id", "name", "type", "names", "titles", "organisations"],
    )
    links = pd.DataFrame(
        [[a, c, s] for (a, c), s in sorted(assignment.items())],
        columns=["article_id", "claim_id", "speaker_id"],
    )
    if len(speaker_frame):
        con.register("incoming_speakers", speaker_frame)
        con.execute("INSERT INTO speakers SELECT * FROM incoming_speakers")
        con.unregister("incoming_speakers")
        con.register("incoming_links", links)
        con.execute("INSERT INTO claim_speakers SELECT * FROM incoming_links")
        con.unregister("incoming_links")
    return len(speakers)


def _load(con: Any, records: list[dict[str, Any]], summary: DatabaseSummary) -> None:
    known = dict(con.execute("SELECT article_id, record_sha256 FROM newsclaims_records").fetchall())
    latest: dict[str, dict[str, Any]] = {}
    for record in records:  # a records file holds each id once; if not, the last one counts
        latest[str(record["id"])] = record
    incoming, replaced = [], []
    hashes = {}
    for article_id, record in latest.items():
        digest = record_sha256(record)
        if known.get(article_id) == digest:
            summary.unchanged += 1
            continue
        hashes[article_id] = digest
        incoming.append(record)
        if article_id in known:
            replaced.append(article_id)
    summary.added = len(incoming) - len(replaced)
    summary.replaced = len(replaced)
    if replaced:
        gone = pd.DataFrame({"article_id": replaced})
        con.register("replaced_articles", gone)
        for table in (*TABLES, "newsclaims_records"):
            con.execute(
                f"DELETE FROM {table} "
                "WHERE article_id IN (SELECT article_id FROM replaced_articles)"
            )
        con.unregister("replaced_articles")
    frames = records_to_frames(incoming)
    for table in TABLES:
        if len(frames[table]):
            con.register("incoming", frames[table])
            columns = ", ".join(_quote(c) for c in COLUMNS[table])
            con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")
            con.unregister("incoming")
    if hashes:
        con.executemany(
            "INSERT INTO newsclaims_records VALUES (?, ?, now())",
            [[article_id, digest] for article_id, digest in hashes.items()],
        )


def write_database(
    records: Iterable[dict[str, Any]],
    path: str | Path,
    *,
    append: bool = False,
    source: str = "records",
    lines: list[int] | None = None,
) -> DatabaseSummary:
    """Write ``records`` into the DuckDB file ``path``: a new file, or ``append`` to ours.

    A new database is written beside ``path`` and moved in place when complete;
    an existing one is changed in one transaction, or not at all.
    """
    path = Path(path)
    records = list(records)
    check_records(records, source, lines=lines)
    if path.exists():
        if not append:
            raise DatabaseError(f"{path} exists; append to it or write another file")
        return _write(records, path, new=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = path.with_name(f".{path.name}.new")
    _remove(fresh)
    try:
        summary = _write(records, fresh, new=True)
        os.replace(fresh, path)
    finally:
        _remove(fresh)
    summary.path = path
    return summary


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)


def _write(records: list[dict[str, Any]], path: Path, *, new: bool) -> DatabaseSummary:
    import duckdb

    summary = DatabaseSummary(path=path)
    if not new:
        _check_file(path)
    try:
        con = duckdb.connect(str(path), config=CONNECT_CONFIG)
    except duckdb.Error as error:
        if "lock" in str(error).lower():
            raise DatabaseError(
                f"{path} is in use by another process, which holds its lock; close the database "
                f"there and try again ({error})"
            ) from None
        raise DatabaseError(f"{path} is not a DuckDB database we can open: {error}") from None
    try:
        if not new:
            _check_database(con, path)
            _check_holds(con, path, records)
        con.begin()
        try:
            if new:
                _create_schema(con)
            con.execute(VIEWS)  # an older database gets this version's views
            _load(con, records, summary)
            holds = _holds(records)
            if holds:
                con.execute("INSERT OR REPLACE INTO newsclaims_meta VALUES ('holds', ?)", [holds])
                summary.gold = holds == GOLD
            summary.holds["speakers"] = _write_speakers(con)
            summary.holds["articles"] = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            con.commit()
        except BaseException:
            con.rollback()
            raise
    except duckdb.Error as error:
        raise DatabaseError(f"writing {path} failed, nothing was changed: {error}") from None
    finally:
        con.close()
    return summary


def replace_database(
    records: Iterable[dict[str, Any]],
    path: str | Path,
    *,
    source: str = "records",
    lines: list[int] | None = None,
) -> DatabaseSummary:
    """A new database in place of the file at ``path``, swapped in only once it is complete."""
    path = Path(path)
    fresh = path.with_name(f".{path.name}.replacing")
    _remove(fresh)
    try:
        summary = write_database(records, fresh, source=source, lines=lines)
        os.replace(fresh, path)
        path.with_name(path.name + ".wal").unlink(missing_ok=True)
    finally:
        _remove(fresh)
    summary.path = path
    return summary
