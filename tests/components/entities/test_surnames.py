"""Surnames: mislabelled surnames repaired, missed ones added (hand-built ``Doc``s)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.components.entities import find_entities
from pipeline.components.entities.mentions import find_mentions
from pipeline.components.entities.surnames import add_surname_mentions, repair_person_labels

from .docs import BLANK, hand_doc


def test_repaired_surname_is_labelled_person() -> None:
    doc = hand_doc(
        "Donald Trump spoke. Trump insisted.", [("Donald Trump", "PERSON"), ("Trump", "ORG")]
    )
    assert [e["label"] for e in find_entities(doc)] == ["PERSON", "PERSON"]


@pytest.mark.parametrize(
    "text,ents,labels",
    [
        (
            "Steve Bannon spoke. Bannon will interview him. Bannon left.",
            [("Steve Bannon", "PERSON"), ("Bannon", "FAC"), ("Bannon", "PERSON")],
            ["PERSON", "PERSON", "PERSON"],
        ),  # a place label, but the model also used the surname alone as a person
        (
            "Jim Jordan flew to Jordan.",
            [("Jim Jordan", "PERSON"), ("Jordan", "GPE")],
            ["PERSON", "GPE"],
        ),  # without that evidence a place stays a place
        (
            "Jim Sanders SVP met the SVP.",
            [("Jim Sanders SVP", "PERSON"), ("SVP", "ORG")],
            ["PERSON", "ORG"],
        ),  # an acronym is no surname
        (
            "Donald Trump spoke. Trump Tower rose.",
            [("Donald Trump", "PERSON"), ("Trump Tower", "ORG")],
            ["PERSON", "ORG"],
        ),  # only one-word mentions
    ],
)
def test_repair_person_labels(text: str, ents: list[tuple[str, str]], labels: list[str]) -> None:
    mentions = find_mentions(hand_doc(text, ents))
    repaired = repair_person_labels(mentions)
    assert [m.label for m in repaired] == labels
    assert [m.label for m in mentions] == [label for _, label in ents]  # copies, not edits


def tagged_doc(pos_of_second_tester: str, *, tagged_alone: bool = False) -> Doc:
    """ "Jon Tester spoke. Tester said so. [Tester]": tags set by hand, no model."""
    words = ["Jon", "Tester", "spoke", ".", "Tester", "said", "so", ".", "Tester", "."]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", pos_of_second_tester, "VERB", "ADV", "PUNCT"]
    pos += ["PROPN", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * 6 + ["B-PERSON" if tagged_alone else "O", "O"]
    spaces = [True, False, True, True, True, False, False, True, False, False]
    return Doc(BLANK.vocab, words=words, spaces=spaces, pos=pos, ents=ents)


@pytest.mark.parametrize(
    "pos,tagged_alone,added",
    [
        ("PROPN", False, [4, 8]),
        ("NOUN", False, [8]),  # the tagger reads no name there
        ("NOUN", True, [4]),  # but the model tagged "Tester" alone as a person elsewhere
    ],
)
def test_add_surname_mentions(pos: str, tagged_alone: bool, added: list[int]) -> None:
    doc = tagged_doc(pos, tagged_alone=tagged_alone)
    mentions = add_surname_mentions(doc, find_mentions(doc))
    surnames = [m for m in mentions if m.origin == "surname"]
    assert [doc.text[m.start : m.end] for m in surnames] == ["Tester"] * len(added)
    assert [m.start for m in surnames] == [doc[i].idx for i in added]
    assert all(m.label == "PERSON" for m in surnames)


def test_no_surname_is_added_from_a_headline_name() -> None:
    text = "Senator Jon Tester Wins Again\nTester said so."
    doc = hand_doc(text, [("Jon Tester", "PERSON")])
    assert [m.origin for m in add_surname_mentions(doc, find_mentions(doc))] == ["model"]
