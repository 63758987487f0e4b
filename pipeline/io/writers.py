"""The JSONL writer: each record written whole and flushed as soon as it is ready.

A run killed at any moment leaves every finished record intact; at most the
line being written is cut short, and ``--resume`` drops that partial line
before appending (see ``recover``). A lock file next to the output refuses a
second run writing to the same file at the same time.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import IO, Any

import jsonlines

dumps = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))


class OutputLocked(RuntimeError):
    """Another run is writing to the same output."""


class JsonlWriter:
    """Append records to ``path`` (truncating it first unless ``append``), one flushed line each."""

    def __init__(
        self, path: Path, *, append: bool = False, fsync: bool = False, locked: bool = False
    ) -> None:
        """``locked``: the caller already holds ``output_lock(path)``."""
        self.path = path
        self.fsync = fsync
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = None if locked else _acquire_lock(path)
        self._file: IO[str] = open(path, "a" if append else "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._writer = jsonlines.Writer(self._file, dumps=dumps, flush=True)
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        self._writer.write(record)
        if self.fsync:
            os.fsync(self._file.fileno())
        self.count += 1

    def close(self) -> None:
        self._writer.close()
        self._file.close()
        if self._lock is not None:
            _release_lock(self._lock)

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def output_lock(path: Path) -> Iterator[None]:
    """Hold the lock on ``path`` for a whole run (refuses a second concurrent run at once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = _acquire_lock(path)
    try:
        yield
    finally:
        _release_lock(lock)


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _acquire_lock(path: Path) -> IO[str]:
    lock = open(_lock_path(path), "w")  # noqa: SIM115
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        lock.close()
        raise OutputLocked(
            f"{path} is being written by another run (lock {_lock_path(path)})."
        ) from None
    lock.write(str(os.getpid()))
    lock.flush()
    return lock


def _release_lock(lock: IO[str]) -> None:
    with contextlib.suppress(OSError):
        os.unlink(lock.name)
    fcntl.flock(lock, fcntl.LOCK_UN)
    lock.close()


def recover(path: Path) -> list[tuple[dict[str, Any], int]]:
    """The complete records already in ``path``, each with the byte offset where it ends.

    A last line cut short by a killed run is removed from the file; a bad line
    anywhere else means the file was not written by us, and is refused.
    """
    if not path.exists():
        return []
    records: list[tuple[dict[str, Any], int]] = []
    good_end = 0
    with open(path, "rb") as file:
        lines = file.readlines()
    for number, raw in enumerate(lines, start=1):
        try:
            if not raw.endswith(b"\n"):
                raise ValueError("no end of line")
            record = json.loads(raw)
        except ValueError:
            if number < len(lines):
                raise ValueError(f"{path} line {number} is not a complete JSON record") from None
            break
        good_end += len(raw)
        records.append((record, good_end))
    if good_end < path.stat().st_size:
        with open(path, "r+b") as file:
            file.truncate(good_end)
    return records


def truncate(path: Path, size: int) -> None:
    """Cut ``path`` to its first ``size`` bytes (the records kept on resume)."""
    with open(path, "r+b") as file:
        file.truncate(size)
