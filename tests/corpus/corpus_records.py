"""A small corpus for the corpus-wide tests: one speaker named three ways in three articles."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

import pipeline

from ..contract import assert_valid_record

#: (id, publication date, text): "National Security Council spokesman John Kirby",
#: "Kirby" (a denial and an assertion) and "John Kirby" are one speaker.
KIRBY_ARTICLES = (
    ("kirby-1", "2024-03-05",
     "\u201cWe will keep supporting Ukraine,\u201d National Security Council spokesman "
     "John Kirby said on Tuesday."),
    ("kirby-2", "2024-04-01", "Kirby denied the report on Monday, calling it false."),
    ("kirby-3", "2024-05-20",
     "John Kirby told reporters that the talks with North Korea would go on."),
)  # fmt: skip


def kirby_records(nlp: Language) -> list[dict[str, Any]]:
    records = []
    for article_id, date, text in KIRBY_ARTICLES:
        record = pipeline.process_text(text, date=date, id=article_id, nlp=nlp)
        assert_valid_record(record)
        records.append(record)
    return records
