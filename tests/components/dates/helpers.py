"""Shared helpers of the dates tests: run the pipeline, pick a timex by its extent, and
hand-build a candidate and its context for a handler."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from spacy.tokens import Doc

from pipeline.components.dates import find_dates
from pipeline.components.dates.anchoring import Context
from pipeline.components.dates.extents import TimexCandidate
from pipeline.components.dates.lexicon import load_lexicons

SAMPLE_DATE = "2023-06-13"  # a Tuesday
#: A case of an end-to-end table: (text, pub_date, extent, type, value, mod).
CASE_FIELDS = "text,date,extent,type_,value,mod"


def timexes(
    make_doc: Callable[..., Doc], text: str, date: str | None, domain: str | None = None
) -> list[dict]:
    """The stage's items for ``text`` published on ``date``, each with its ``text``; read
    as ``domain`` reads it when given (else as the pipeline's stage does)."""
    doc = make_doc(text, date)
    found = doc._.newsclaims_dates if domain is None else find_dates(doc, domain=domain)
    items = []
    for item in found:
        start, end = item["start"], item["end"]
        extent = text[start:end]
        assert 0 <= start < end <= len(text), item
        assert extent == extent.strip(), f"extent {extent!r} has outer space"
        items.append(dict(item, text=extent))
    return items


def one(items: list[dict], extent: str) -> dict:
    """The first item whose text is ``extent``."""
    found = [d for d in items if d["text"] == extent]
    assert found, f"no {extent!r} in {[d['text'] for d in items]}"
    return found[0]


def assert_timex(make_doc: Callable[..., Doc], *case: Any) -> None:
    """The item of ``extent`` in ``text`` has the case's type, value and mod."""
    text, date, extent, type_, value, mod = case
    item = one(timexes(make_doc, text, date), extent)
    assert (item["type"], item["value"], item["mod"]) == (type_, value, mod)


def context(ref: date | None = date(2023, 6, 13), **fields: Any) -> Context:
    """A document's ``Context`` published on ``ref`` (a Tuesday), with the shipped lexicon."""
    return Context(ref=ref, lexicon=load_lexicons().words, **fields)


def candidate(family: str, **groups: str | None) -> TimexCandidate:
    """A candidate of ``family`` with the named groups its pattern would have read."""
    return TimexCandidate(0, 1, family, groups)
