"""Abbreviations: Schwartz & Hearst definitions and the mentions they add."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.components.entities.abbreviations import (
    add_abbreviation_mentions,
    best_long_form_start,
    find_abbreviations,
    is_short_form,
)
from pipeline.components.entities.mentions import find_mentions

from .docs import BLANK, hand_doc


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Radio Free Asia (RFA) said.", [("RFA", "Radio Free Asia")]),
        ("the Korean Central News Agency (KCNA) said.", [("KCNA", "Korean Central News Agency")]),
        # The letters N-S-C pick the shortest run "National Security Council".
        (
            "White House National Security Council (NSC) said.",
            [("NSC", "National Security Council")],
        ),
        ("the United Nations (U.N.) said.", [("U.N.", "United Nations")]),
        ("KCNA (Korean Central News Agency) said.", [("KCNA", "Korean Central News Agency")]),
        ("Apples (and pears) are fruit.", []),
        ("The US (and its allies) agreed.", []),
        ("Prices (see Table) rose.", []),
        ("He met Smith (RFA) today.", []),
        ("The team (2019) won.", []),
    ],
)
def test_find_abbreviations(text: str, expected: list[tuple[str, str]]) -> None:
    doc = BLANK(text)
    found = find_abbreviations(doc)
    assert [(a.short, a.long) for a in found] == expected
    # The offsets cut the expected strings out of the text.
    assert [
        (text[a.short_start : a.short_end], text[a.long_start : a.long_end]) for a in found
    ] == expected


@pytest.mark.parametrize(
    "short,long,expected",
    [
        ("RFA", "reports by Radio Free Asia", "Radio Free Asia"),
        ("NSC", "White House National Security Council", "National Security Council"),
        ("U.N.", "the United Nations", "United Nations"),
        ("XYZ", "Radio Free Asia", None),
    ],
)
def test_best_long_form_start(short: str, long: str, expected: str | None) -> None:
    start = best_long_form_start(short, long)
    assert (None if start is None else long[start:]) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("RFA", True),
        ("U.N.", True),
        ("KCNA", True),
        ("MoD", True),
        ("COVID-19", True),
        ("R-Texas", False),
        ("D-Vt.", False),
        ("and", False),
        ("Hamas", False),
        ("2019", False),
        ("A", False),
    ],
)
def test_is_short_form(text: str, expected: bool) -> None:
    assert is_short_form(text) is expected


def test_a_long_form_never_crosses_a_sentence_start() -> None:
    # "Free Radio. Asia (FRA)": without sentences the letters F-R-A reach back
    # into the previous sentence; with "Asia" starting a sentence they cannot.
    words = ["Free", "Radio", ".", "Asia", "(", "FRA", ")", "said", "."]
    spaces = [True, False, True, True, False, False, True, False, False]
    unsplit = Doc(BLANK.vocab, words=words, spaces=spaces)
    assert [a.long for a in find_abbreviations(unsplit)] == ["Free Radio. Asia"]
    split = Doc(
        BLANK.vocab,
        words=words,
        spaces=spaces,
        sent_starts=[True, False, False, True, False, False, False, False, False],
    )
    assert find_abbreviations(split) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("CPJ (Committee to Protect Journalists) said.", "Committee to Protect Journalists"),
        ("CPJ (Committee) said.", None),  # one word is no long form
        ("CPJ (Protect Journalists Committee) said.", None),  # letters must start at word one
        ("CPJ (Committee to; Protect Journalists) said.", None),  # no stop token inside
    ],
)
def test_long_form_inside_the_parenthesis(text: str, expected: str | None) -> None:
    found = find_abbreviations(BLANK(text))
    assert [a.long for a in found] == ([] if expected is None else [expected])


def test_abbreviation_mentions_link_later_short_forms_until_a_redefinition() -> None:
    text = "Radio Free Asia (RFA) said. RFA added. Rural Farm Agency (RFA) met. RFA left."
    doc = hand_doc(text, [("Radio Free Asia", "ORG"), ("Rural Farm Agency", "ORG")])
    mentions = find_mentions(doc)
    before = [(m.start, m.end, m.same_as) for m in mentions]
    result = add_abbreviation_mentions(doc, mentions, find_abbreviations(doc))
    assert [(m.start, m.end, m.same_as) for m in mentions] == before  # the input is not changed
    radio = (0, len("Radio Free Asia"))
    rural_start = text.index("Rural")
    rural = (rural_start, rural_start + len("Rural Farm Agency"))
    assert [(text[m.start : m.end], m.same_as, m.origin) for m in result] == [
        ("Radio Free Asia", None, "model"),
        ("RFA", radio, "abbreviation"),
        ("RFA", radio, "abbreviation"),
        ("Rural Farm Agency", None, "model"),
        ("RFA", rural, "abbreviation"),
        ("RFA", rural, "abbreviation"),
    ]


def test_a_long_form_the_model_missed_takes_the_label_of_the_entity_ending_there() -> None:
    text = "The Committee to Protect Journalists (CPJ) said."
    doc = hand_doc(text, [("Protect Journalists", "NORP")])
    result = add_abbreviation_mentions(doc, find_mentions(doc), find_abbreviations(doc))
    assert [(text[m.start : m.end], m.label, m.origin) for m in result] == [
        ("Committee to Protect Journalists", "NORP", "long_form"),
        ("CPJ", "NORP", "abbreviation"),
    ]
