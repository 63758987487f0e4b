"""Mentions: the model's entities trimmed to names, titles and headline lines noted."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.components.entities.lexicon import load_lexicons
from pipeline.components.entities.mentions import (
    find_mentions,
    headline_lines,
    make_mention,
    tokens_with_text,
    trim,
)

from .docs import BLANK, hand_doc


def test_find_mentions_keeps_the_in_span_drops_possessive() -> None:
    doc = hand_doc("Then the Yalu River’s banks flooded.", [("the Yalu River’s", "LOC")])
    [mention] = find_mentions(doc)
    assert doc.text[mention.start : mention.end] == "the Yalu River"
    assert mention.name == "Yalu River"


def test_headline_lines() -> None:
    text = (
        "Trump Rampages Through Iowa\nTrump said he would win. Voters agreed.\n"
        "Related — White House: “We’ve Chosen” to Keep Oil"
    )
    lines = headline_lines(text)
    assert [text[start:end] for start, end in lines] == [
        "Trump Rampages Through Iowa",
        "Related — White House: “We’ve Chosen” to Keep Oil",
    ]


def test_hand_doc_helper() -> None:
    doc = hand_doc("Radio Free Asia said.", [("Radio Free Asia", "ORG")])
    assert [(span.text, span.label_) for span in doc.ents] == [("Radio Free Asia", "ORG")]
    assert isinstance(doc.ents[0], Span)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("“South Korea’s", "South Korea"),
        ("(Reuters),", "Reuters"),
        ("Students for Clean Water (SCW", "Students for Clean Water"),  # ran into a "("
        ("the Yalu River’s", "the Yalu River"),
        ("the U.S.’s", "the U.S."),
        ("—", ""),
    ],
)
def test_trim(text: str, expected: str) -> None:
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


@pytest.mark.parametrize(
    "text,ent,name,title",
    [
        ("They met leader Kim Jong-un there.", "Kim Jong-un", "Kim Jong-un", "leader"),
        ("They met [North Korean leader] Kim there.", "Kim", "Kim", "leader"),
        ("Then Sen. Ted Cruz spoke.", "Sen. Ted Cruz", "Ted Cruz", "sen"),
        ("Then Mr. Ted Cruz spoke.", "Ted Cruz", "Ted Cruz", "mr"),
        ("Then bold Ted Cruz spoke.", "Ted Cruz", "Ted Cruz", None),
    ],
)
def test_make_mention_notes_the_title_and_drops_it_from_a_person_name(
    text: str, ent: str, name: str, title: str | None
) -> None:
    doc = hand_doc(text, [(ent, "PERSON")])
    start = text.index(ent)
    mention = make_mention(doc, start, start + len(ent), "PERSON", lexicons=load_lexicons())
    assert (mention.name, mention.title) == (name, title)
    assert text[mention.start : mention.end] == ent  # the span keeps its title


def test_a_title_inside_an_organisation_name_stays() -> None:
    doc = hand_doc("The President Hotel closed.", [("The President Hotel", "ORG")])
    [mention] = find_mentions(doc)
    assert mention.name == "President Hotel"


def test_mentions_on_headline_lines_are_marked() -> None:
    text = "Jeb Bush Super PAC Spends Big\nThe PAC backing Jeb Bush spent more."
    doc = hand_doc(text, [("Jeb Bush Super", "PERSON"), ("Jeb Bush", "PERSON")])
    assert [(m.name, m.headline) for m in find_mentions(doc)] == [
        ("Jeb Bush Super", True),
        ("Jeb Bush", False),
    ]


def test_tokens_with_text_are_those_a_loop_over_the_doc_finds() -> None:
    """Long documents (issue 12): read from the doc's word ids, no Token per token."""
    doc = BLANK("Radio Free Asia (RFA) said RFA (and RFAs) met Kim; Kim's aide ( ) left RFA.")
    for texts in (["("], ["RFA"], {"RFA", "Kim", ")"}, ["absent"], []):
        assert tokens_with_text(doc, texts) == [t.i for t in doc if t.text in set(texts)]
    assert tokens_with_text(BLANK(""), ["("]) == []
