"""The ``Article``: what a reader produces and ``pipeline.process`` feeds to ``nlp.pipe``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Article:
    """One article as read: its exact text, metadata and provenance.

    ``error`` is set (``{"code", "message"}``) when the input could not be read
    as an article at all; such an article still becomes a record, with empty
    annotation lists, so that no input is lost.
    """

    id: str
    text: str
    path: str | None = None
    line: int | None = None
    sha256: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: list[dict[str, str]] = field(default_factory=list)
    error: dict[str, str] | None = None

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    def meta(self) -> dict[str, Any]:
        meta: dict[str, Any] = {
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "publisher": self.publisher,
        }
        meta.update({k: v for k, v in self.extra.items() if k not in meta})
        return meta
