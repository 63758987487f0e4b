"""Token ranges to content spans."""

from __future__ import annotations

import pytest

from pipeline.components.claims.candidate import char_span, char_spans, exclude

from .parsed import KIM_SAID, parsed


def test_a_span_loses_punctuation_at_its_ends_but_not_quote_marks() -> None:
    start, end = char_span(KIM_SAID, 1, 5)  # This is over ,
    assert KIM_SAID.text[start:end] == "This is over"
    start, end = char_span(KIM_SAID, 0, 6)  # “ This is over , ”
    assert KIM_SAID.text[start:end] == "“This is over,”"
    assert char_span(KIM_SAID, 4, 5) is None  # only punctuation


def test_a_sentence_opening_conjunction_is_left_out() -> None:
    doc = parsed(
        "But the goal is not revenue.",
        [
            ("But", 3, "cc", "CCONJ", "CC", "but"),
            ("the", 2, "det", "DET", "DT", "the"),
            ("goal", 3, "nsubj", "NOUN", "NN", "goal"),
            ("is", 3, "ROOT", "AUX", "VBZ", "be"),
            ("not", 3, "neg", "PART", "RB", "not"),
            ("revenue", 3, "attr", "NOUN", "NN", "revenue"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ],
    )
    start, end = char_span(doc, 0, 7)
    assert doc.text[start:end] == "the goal is not revenue"


def test_exclude_cuts_a_range_out_and_char_spans_drops_empty_parts() -> None:
    assert exclude((0, 10), (3, 5)) == [(0, 3), (5, 10)]
    assert exclude((0, 10), (0, 5)) == [(5, 10)]
    assert exclude((2, 4), (0, 10)) == []
    assert char_spans(KIM_SAID, [(4, 5), (1, 5)]) == [(1, 13)]


def test_spans_with_only_a_space_between_them_are_one() -> None:
    # "This" + "is over" touch: one stretch of text; "This" and "over" have "is" between
    assert char_spans(KIM_SAID, [(1, 2), (2, 4)]) == [char_span(KIM_SAID, 1, 4)]
    assert len(char_spans(KIM_SAID, [(1, 2), (3, 4)])) == 2


def test_token_ranges_that_touch_are_one_range() -> None:
    # "This is over ," + "”": the comma between them stays in (apart: "This is over" | "”")
    assert char_spans(KIM_SAID, [(1, 5), (5, 6)]) == [char_span(KIM_SAID, 1, 6)]
    assert char_spans(KIM_SAID, [(1, 5), (3, 6)]) == [char_span(KIM_SAID, 1, 6)]
    assert len(char_spans(KIM_SAID, [(1, 4), (5, 6)])) == 2


@pytest.mark.model
@pytest.mark.parametrize(
    "text, cue, across",
    [
        # the subject's subtree and the rest of the clause were two spans
        (
            "Investigators have also discovered that attempts to infiltrate the program "
            "were made by people with ties to foreign intelligence.",
            "discovered",
            "the program were made",
        ),
        (
            "Reid claimed that he had a source who told him the GOP presidential nominee "
            "hadn't paid any taxes for 10 years.",
            "claimed",
            "nominee hadn't paid",
        ),
    ],
)
def test_a_clause_reported_whole_is_one_content_span(
    make_doc, text: str, cue: str, across: str
) -> None:
    doc = make_doc(text)
    claim = next(c for c in doc._.newsclaims_claims if text[c["cue"]["start"] :].startswith(cue))
    content = claim["content"]
    assert "spans" not in content
    assert across in text[content["start"] : content["end"]]
