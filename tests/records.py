"""Records for the tests of the consumers (tables, review, Label Studio, JSON Schema).

``pipeline_records(nlp)`` runs the real pipeline on a few texts written here
and on the sample article; ``hand_record()`` is a small record written by hand
to the contract, with what the pipeline may not produce yet: overlapping
claims, a discontinuous content, an addressee, a claim without a source, a
quantity with an object, a date with an interval, a character outside the
Basic Multilingual Plane and markup in the text.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from pipeline.about import SCHEMA, __version__
from pipeline.article import Article
from pipeline.process import process_articles

from .contract import assert_valid_record

SAMPLE = Path(__file__).resolve().parents[1] / "corpora" / "sample" / "000_0310359b324a0dcd.txt"
SAMPLE_DATE = "2023-06-13"

STORY = (
    "WASHINGTON - The Treasury Department said on Monday it would sanction three shipping "
    "firms. \u201cWe will not tolerate evasion,\u201d spokeswoman Anna Reyes told reporters. "
    "The firms denied the allegations, according to a statement. Prices rose about 5% in March."
)
INJECTION = (
    "Officials said <script>window.__pwned=1</script> was found in the page, and "
    '<img src=x onerror="window.__pwned=2;alert(1)"> too. '
    "\u201cThis is <b>not</b> our code & never was,\u201d the ministry said on Tuesday."
)


def _span(text: str, needle: str, occurrence: int = 1, **extra: Any) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return {"text": needle, "start": start, "end": start + len(needle), **extra}


def hand_record() -> dict[str, Any]:
    """A contract record written by hand (valid: ``assert_valid_record`` passes)."""
    text = (
        "\u201cThe <script>alert(1)</script> payments must stop,\u201d Kim Soo said, "
        "\u201cbecause 500,000 barrels of oil a year \U0001f6e2 reach the port.\u201d "
        "Ministers denied it to reporters in March 2023. "
        "Prices rose between 5% and 6%, analysts said."
    )
    first = _span(text, "\u201cThe <script>alert(1)</script> payments must stop,\u201d")
    second = _span(
        text, "\u201cbecause 500,000 barrels of oil a year \U0001f6e2 reach the port.\u201d"
    )
    kim = _span(text, "Kim Soo", entity_id="e1", canonical="Kim Soo", type="person")
    ministers = _span(text, "Ministers", entity_id=None, canonical="Ministers", type="government")
    content_1 = {
        "text": text[first["start"] : second["end"]],
        "start": first["start"],
        "end": second["end"],
        "spans": [[first["start"], first["end"]], [second["start"], second["end"]]],
    }
    it = text.index("denied it") + len("denied ")
    content_2 = {"text": "it", "start": it, "end": it + 2, "spans": [[it, it + 2]]}
    content_3 = _span(text, "Prices rose between 5% and 6%")
    content_3["spans"] = [[content_3["start"], content_3["end"]]]
    barrels = _span(
        text, "500,000 barrels of oil a year", value=500000, low=None, high=None, change="=",
        unit="barrel", unit_text="barrels", per="year", object=_span(text, "oil"),
    )  # fmt: skip
    percent = _span(
        text, "between 5% and 6%", value=None, low=5, high=6, change="=", unit="percent",
        unit_text="%", per=None, object=None,
    )  # fmt: skip
    march = _span(
        text, "March 2023", type="DATE", value="2023-03", mod=None,
        interval={"start": "2023-03-01", "end": "2023-04-01"},
    )  # fmt: skip
    record = {
        "schema": SCHEMA,
        "id": "hand/<made> & \u201cquoted\u201d",
        "source": {"path": None, "line": None, "sha256": None},
        "meta": {
            "title": "A <b>hand</b> record",
            "date": "2023-06-13",
            "url": None,
            "publisher": "Wire & Co",
        },  # fmt: skip
        "text": text,
        "entities": [
            _span(text, "Kim Soo", label="PERSON", entity_id="e1", canonical="Kim Soo"),
            _span(text, "March 2023", label="DATE", entity_id="e2", canonical="March 2023"),
        ],
        "quantities": [barrels, percent],
        "dates": [march],
        "claims": [
            {
                "id": "c1",
                "kind": "direct",
                "stance": "assert",
                "source": kim,
                "cue": _span(text, "said"),
                "content": content_1,
                "addressee": None,
                "mentions": {"entities": [], "quantities": [0], "dates": []},
            },
            {
                "id": "c2",
                "kind": "indirect",
                "stance": "deny",
                "source": ministers,
                "cue": _span(text, "denied"),
                "content": content_2,
                "addressee": _span(text, "reporters"),
                "mentions": {"entities": [], "quantities": [], "dates": []},
            },
            {
                # No source named; its content holds a range quantity.
                "id": "c3",
                "kind": "indirect",
                "stance": "accuse",
                "source": None,
                "cue": _span(text, "said", 2),
                "content": content_3,
                "addressee": None,
                "mentions": {"entities": [], "quantities": [1], "dates": []},
            },
        ],  # fmt: skip
        "warnings": [{"code": "W003", "message": "Unbalanced <quote> marks."}],
        "pipeline": {"version": __version__, "model": "hand"},
    }
    assert_valid_record(record)
    return record


@lru_cache(maxsize=1)
def _pipeline_records(nlp: Language) -> tuple[dict[str, Any], ...]:
    articles = [
        Article(
            id="000_0310359b324a0dcd",
            text=SAMPLE.read_text(encoding="utf-8"),
            date=SAMPLE_DATE,
            path="corpora/sample/000_0310359b324a0dcd.txt",
        ),  # fmt: skip
        Article(id="story", text=STORY, date="2024-03-04", title="Sanctions"),
        Article(
            id="injection", text=INJECTION, date=None, title="<script>window.__pwned=3</script>"
        ),
        Article(id="empty", text="", date=None),
    ]
    records = tuple(process_articles(articles, nlp=nlp))
    for record in records:
        assert_valid_record(record)
    return records


def pipeline_records(nlp: Language) -> list[dict[str, Any]]:
    """Records of the real pipeline (computed once per session), as fresh copies."""
    return copy.deepcopy(list(_pipeline_records(nlp)))
