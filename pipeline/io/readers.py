"""Readers: files and folders in, ``Article`` objects out, in sorted order.

| file            | one article is   | text is                                   |
| --------------- | ---------------- | ----------------------------------------- |
| .txt, .md       | the whole file   | the decoded file                          |
| .html, .htm     | the whole file   | the main text, extracted from the markup  |
| .json           | one object       | its "text" field                          |
| .jsonl          | each line        | its "text" field                          |

Metadata (``id``, ``title``, ``date``, ``url``, ``publisher``) comes from the
JSON fields, or for plain files from a sidecar ``NAME.meta.json``; unknown
fields are kept under ``meta``. Nothing here raises on a bad input: an input
that cannot be read becomes an ``Article`` with ``error`` set, and the run
goes on.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date as _date
from pathlib import Path
from typing import Any

from ..about import ISO_DATE
from ..article import Article
from ..errors import Errors, Warnings
from .html import html_to_text

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"
META_FIELDS = ("title", "date", "url", "publisher")
ISO_DATE_RE = re.compile(ISO_DATE)
#: Share of control bytes above which a file is taken for binary, not text.
BINARY_CONTROL_SHARE = 0.10


def discover(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files to read: each input file as given, each folder walked recursively in sorted order.

    Sidecars (``*.meta.json``) are metadata, not articles. A broken link or an
    unreadable folder inside a tree is yielded as is, so that its reader
    reports it instead of the file silently disappearing; link loops are
    followed once only.
    """
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, seen=set())
        else:
            yield path


def _walk(folder: Path, *, seen: set[str]) -> Iterator[Path]:
    real = os.path.realpath(folder)
    if real in seen:  # a symlink loop: each real folder is read once
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        yield folder  # reported by read_path as unreadable
        return
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry, seen=seen)
        elif entry.name.endswith(SIDECAR_SUFFIX):
            continue
        elif entry.suffix.lower() in SUFFIXES or (entry.is_symlink() and not entry.exists()):
            yield entry


def read_path(path: Path, *, default_date: str | None = None) -> Iterator[Article]:
    """The articles in one file (one, or one per line for JSONL)."""
    shown = path.as_posix()
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        if path.is_symlink() and not path.exists():
            reason = "broken symbolic link"
        yield _failed(path, Errors.E001.as_dict(path=shown, reason=reason))
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, data, default_date=default_date)
        return
    text, warnings = decode(data, shown)
    if text is None:
        yield _failed(path, Errors.E005.as_dict(path=shown), sha256=_sha(data))
        return
    if suffix in JSON_SUFFIXES:
        try:
            obj = json.loads(text)
        except ValueError as error:
            yield _failed(
                path, Errors.E002.as_dict(path=shown, line=1, reason=error), sha256=_sha(data)
            )
            return
        article = _from_object(
            obj, path=path, line=None, sha256=_sha(data), where="", default_date=default_date
        )
        article.warnings[:0] = warnings
        yield article
        return
    if suffix in HTML_SUFFIXES:
        title, text = html_to_text(text)
        meta = {"title": title} if title else {}
    else:
        meta = {}
    article = Article(id=path.stem, text=text, path=shown, sha256=_sha(data), warnings=warnings)
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if sidecar.exists():
        try:
            loaded = json.loads(sidecar.read_text(encoding="utf-8"))
            if not isinstance(loaded, dict):
                raise ValueError("not a JSON object")
            meta.update(loaded)
        except (OSError, ValueError) as error:
            article.warnings.append(Warnings.W008.as_dict(path=sidecar.as_posix(), reason=error))
    _apply_meta(article, meta, default_date=default_date)
    yield article


def _read_jsonl(path: Path, data: bytes, *, default_date: str | None) -> Iterator[Article]:
    shown = path.as_posix()
    text, warnings = decode(data, shown)
    if text is None:
        yield _failed(path, Errors.E005.as_dict(path=shown), sha256=_sha(data))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        sha = _sha(line.encode("utf-8", "surrogatepass"))
        try:
            obj = json.loads(line)
        except ValueError as error:
            yield _failed(
                path,
                Errors.E002.as_dict(path=shown, line=number, reason=error),
                line=number,
                sha256=sha,
            )
            continue
        article = _from_object(
            obj,
            path=path,
            line=number,
            sha256=sha,
            where=f" line {number}",
            default_date=default_date,
        )
        article.warnings[:0] = warnings
        yield article


def _from_object(
    obj: Any, *, path: Path, line: int | None, sha256: str, where: str, default_date: str | None
) -> Article:
    shown = path.as_posix()
    fallback_id = path.stem if line is None else f"{path.stem}-{line}"
    if not isinstance(obj, dict):
        return _failed(path, Errors.E006.as_dict(path=shown, where=where), line=line, sha256=sha256)
    article_id = obj.get("id")
    article_id = str(article_id) if article_id not in (None, "") else fallback_id
    if "text" not in obj:
        error = Errors.E003.as_dict(path=shown, where=where)
    elif not isinstance(obj["text"], str):
        error = Errors.E004.as_dict(path=shown, where=where, type=type(obj["text"]).__name__)
    else:
        error = None
    article = Article(
        id=article_id,
        text=obj["text"] if error is None else "",
        path=shown,
        line=line,
        sha256=sha256,
        error=error,
    )
    _apply_meta(
        article,
        {k: v for k, v in obj.items() if k not in ("id", "text")},
        default_date=default_date,
    )
    return article


def _apply_meta(article: Article, meta: dict[str, Any], *, default_date: str | None) -> None:
    for key, value in meta.items():
        if key == "date":
            continue
        if key in META_FIELDS:
            setattr(article, key, None if value is None else str(value))
        elif key != "id":
            article.extra[key] = value
    if "id" in meta and meta["id"] not in (None, ""):
        article.id = str(meta["id"])
    article.date = valid_date(meta.get("date"), article) or default_date


def valid_date(value: Any, article: Article | None = None) -> str | None:
    """``value`` as an ISO date string, or None (with a warning on ``article``)."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    candidate = text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}(T|\s|$)", text) else text
    if ISO_DATE_RE.match(candidate):
        try:
            _date.fromisoformat(candidate)
            return candidate
        except ValueError:
            pass
    if article is not None:
        article.warnings.append(Warnings.W007.as_dict(value=text))
    return None


def decode(data: bytes, shown: str) -> tuple[str | None, list[dict[str, str]]]:
    """Decode file bytes: BOMs honoured, UTF-8 otherwise, bad bytes replaced (with a warning).

    Returns ``(None, [])`` for a file that looks binary.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), [Warnings.W006.as_dict(encoding=encoding)]
            except UnicodeDecodeError:
                break
    if _looks_binary(data):
        return None, []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        count = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
        return text, [Warnings.W001.as_dict(path=shown, count=count)]


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return control / len(sample) > BINARY_CONTROL_SHARE


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _failed(
    path: Path, error: dict[str, str], *, line: int | None = None, sha256: str | None = None
) -> Article:
    article_id = path.stem if line is None else f"{path.stem}-{line}"
    return Article(
        id=article_id, text="", path=path.as_posix(), line=line, sha256=sha256, error=error
    )


def read_articles(
    inputs: Iterable[str | os.PathLike[str]], *, default_date: str | None = None
) -> Iterator[Article]:
    """Every article under ``inputs``, in order, with ids made unique within the run."""
    seen: dict[str, int] = {}
    for path in discover(inputs):
        for article in read_path(path, default_date=default_date):
            count = seen.get(article.id, 0) + 1
            seen[article.id] = count
            if count > 1:
                renamed = f"{article.id}~{count}"
                article.warnings.append(Warnings.W009.as_dict(original=article.id, renamed=renamed))
                article.id = renamed
            yield article
