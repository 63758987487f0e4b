"""The JSONL writer: whole flushed lines, a lock against concurrent runs, recovery of a cut line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.io.writers import JsonlWriter, OutputLocked, recover


def test_each_record_is_on_disk_as_soon_as_written(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with JsonlWriter(out) as writer:
        writer.write({"id": "a", "text": "caf\u00e9"})
        # Readable by another reader before the writer closes.
        assert out.read_text(encoding="utf-8") == '{"id":"a","text":"caf\u00e9"}\n'
        writer.write({"id": "b"})
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b"]
    assert not (tmp_path / "out.jsonl.lock").exists()


def test_a_second_writer_on_the_same_output_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with JsonlWriter(out), pytest.raises(OutputLocked):
        JsonlWriter(out, append=True)
    with JsonlWriter(out, append=True) as writer:  # free again once the first has closed
        writer.write({"id": "c"})


def test_recover_cuts_a_partial_last_line_only(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id":"a"}\n{"id":"b"}\n{"id":"c","te')
    records = recover(out)
    assert [record["id"] for record, _ in records] == ["a", "b"]
    assert out.read_bytes() == b'{"id":"a"}\n{"id":"b"}\n'
    assert records[-1][1] == len(out.read_bytes())


def test_recover_refuses_a_file_corrupt_in_the_middle(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id":"a"}\nnot json\n{"id":"c"}\n')
    with pytest.raises(ValueError, match="line 2"):
        recover(out)
    assert out.read_bytes() == b'{"id":"a"}\nnot json\n{"id":"c"}\n'
