"""Articles to records: long articles in pieces, exact offsets on any text, run warnings."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.article import Article
from pipeline.process import merge_annotations, process_articles, process_text, split_text

from .contract import assert_valid_record

pytestmark = pytest.mark.model

PARAGRAPHS = [
    "Officials in Seoul said on Monday that 1,200 workers had been evacuated.",
    "\u201cWe acted quickly,\u201d said Park Min-jun, a spokesman for the ministry.",
    "The company denied the allegations in a statement on Tuesday.",
    "Prices rose by about 5% in March, according to the statistics office.",
]


@pytest.mark.parametrize(
    ("text", "limit"),
    [("", 10), ("short", 10), ("a\nb\nc\nd\ne\nf\ng\n", 4), ("word " * 40, 17), ("x" * 95, 10)],
)
def test_split_text_covers_the_text_in_bounded_pieces(text: str, limit: int) -> None:
    bounds = split_text(text, limit)
    assert "".join(text[start:end] for start, end in bounds) == text
    assert all(0 < end - start <= limit for start, end in bounds if text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))


def test_an_article_longer_than_the_limit_is_processed_whole_in_pieces(nlp) -> None:
    text = "\n".join(PARAGRAPHS * 5)
    whole = next(process_articles([Article(id="a", text=text, date="2023-06-13")], nlp=nlp))
    pieces = next(
        process_articles([Article(id="a", text=text, date="2023-06-13")], nlp=nlp, max_chars=300)
    )
    assert_valid_record(pieces)
    assert pieces["text"] == text
    assert "W005" in [w["code"] for w in pieces["warnings"]]
    # Items found in the last paragraphs, far past the first piece, are there with their offsets.
    assert max(e["end"] for e in pieces["entities"]) > len(text) - 200
    # The same mention gets the same cluster in every piece.
    seoul = {e["entity_id"] for e in pieces["entities"] if e["text"] == "Seoul"}
    assert len(seoul) == 1
    # Cutting at paragraph ends loses little: the same entity mentions as the whole run.
    assert [(e["start"], e["text"]) for e in pieces["entities"]] == [
        (e["start"], e["text"]) for e in whole["entities"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\U0001f600 Emoji first: Kim said \u201chi \U0001f44b there\u201d on Tuesday. "
            "\U0001f1f0\U0001f1f7",
            [
                ("entities", "Kim"),
                ("dates", "Tuesday"),
                ("claims", "\u201chi \U0001f44b there\u201d"),
            ],
        ),
        ("Cafe\u0301 owners said prices rose 5%. Zoe\u0308 Smith agreed.", [("quantities", "5%")]),
        (
            "\u05e9\u05dc\u05d5\u05dd Netanyahu said on Monday "
            "\u202bthat 3 people\u202c were hurt.",
            [("entities", "Netanyahu"), ("dates", "Monday"), ("quantities", "3")],
        ),
        ("\u201cUnbalanced quote, she said on Friday.", [("dates", "Friday")]),
        ("Tabs\tand\r\nwindows\r\nline ends, 42 barrels.", [("quantities", "42 barrels")]),
    ],
)
def test_offsets_stay_exact_on_unusual_text(nlp, text: str, expected: list) -> None:
    """Offsets count code points: each item written here is found where ``str.index`` puts it."""
    record = process_text(text, date="2023-06-13", nlp=nlp)
    assert record["text"] == text
    assert_valid_record(record)
    for key, surface in expected:
        start = text.index(surface)
        items = [c["content"] for c in record[key]] if key == "claims" else record[key]
        offsets = [(item["start"], item["end"]) for item in items]
        assert (start, start + len(surface)) in offsets, (key, surface, offsets)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_unicode_text_gives_a_valid_record(nlp, text: str) -> None:
    record = process_text(text, date="2023-06-13", nlp=nlp)
    assert record["text"] == text
    assert_valid_record(record)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(
        st.sampled_from(
            PARAGRAPHS + ["\u201c", "\u201d", '"', "(", ")", "\n", " 12 ", "last year"]
        ),
        max_size=12,
    )
)
def test_newsy_fragments_in_any_order_give_a_valid_record(nlp, parts: list[str]) -> None:
    text = " ".join(parts)
    assert_valid_record(process_text(text, date="2023-06-13", nlp=nlp))


@pytest.mark.parametrize("text", ["", "   \n\t  \n"])
def test_empty_or_blank_text_gives_a_record_with_a_warning(nlp, text: str) -> None:
    record = process_text(text, date="2023-06-13", nlp=nlp)
    assert_valid_record(record)
    assert record["text"] == text and record["claims"] == []
    assert [w["code"] for w in record["warnings"]] == ["W004"]


def test_without_a_publication_date_the_record_says_so(nlp) -> None:
    record = process_text("Officials said on Tuesday that talks failed.", nlp=nlp)
    assert_valid_record(record)
    assert "W002" in [w["code"] for w in record["warnings"]]


def _piece(offset_label: str) -> dict[str, list]:
    """The annotations of one piece, written by hand (offsets into the piece)."""
    return {
        "entities": [
            {"start": 0, "end": 3, "label": "PERSON", "entity_id": "e1", "canonical": "Kim Soo"},
            {"start": 10, "end": 15, "label": "GPE", "entity_id": "e2", "canonical": offset_label},
        ],
        "quantities": [{"start": 20, "end": 22, "value": 5, "object": {"start": 23, "end": 26}}],
        "dates": [{"start": 30, "end": 36, "type": "DATE", "value": "2023-06-12"}],
        "claims": [
            {
                "kind": "indirect",
                "source": {"start": 0, "end": 3, "entity_id": "e1"},
                "cue": {"start": 4, "end": 8},
                "cue_phrase": {"text": "has said", "start": 0, "end": 8},
                "content": {"start": 9, "end": 40, "spans": [[9, 20], [25, 40]]},
                "addressee": None,
            }
        ],
        "warnings": [{"code": "W003", "message": "Unbalanced quote marks."}],
    }


def test_merged_pieces_have_offsets_in_the_whole_text_and_one_id_per_entity() -> None:
    merged = merge_annotations([(0, _piece("Seoul")), (100, _piece("Busan"))])
    assert [(e["start"], e["end"], e["entity_id"]) for e in merged["entities"]] == [
        (0, 3, "e1"), (10, 15, "e2"), (100, 103, "e1"), (110, 115, "e3"),
    ]  # fmt: skip
    # Kim Soo (PERSON) is one entity across the pieces; Seoul and Busan stay two.
    second = merged["quantities"][1]
    assert (second["start"], second["end"], second["object"]) == (
        120,
        122,
        {"start": 123, "end": 126},
    )
    assert [(d["start"], d["end"]) for d in merged["dates"]] == [(30, 36), (130, 136)]
    claim = merged["claims"][1]
    assert claim["source"] == {"start": 100, "end": 103, "entity_id": "e1"}
    assert claim["cue"] == {"start": 104, "end": 108}
    assert claim["cue_phrase"] == {"text": "has said", "start": 100, "end": 108}
    assert claim["content"] == {"start": 109, "end": 140, "spans": [[109, 120], [125, 140]]}
    assert claim["addressee"] is None
    assert merged["warnings"] == [{"code": "W003", "message": "Unbalanced quote marks."}]


def test_merging_leaves_the_pieces_unchanged() -> None:
    piece = _piece("Seoul")
    merge_annotations([(0, _piece("Seoul")), (50, piece)])
    assert piece == _piece("Seoul")
