"""``entity_at``: the entity that stands for a stretch of text (the stage's public API)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.components.entities import entity_at, find_entities

from .docs import BLANK, hand_doc


def test_entity_at() -> None:
    doc = hand_doc(
        "Former CIA analyst Soo Kim said so. South Korea’s JoongAng Daily reported.",
        [
            ("CIA", "ORG"),
            ("Soo Kim", "PERSON"),
            ("South Korea’s", "GPE"),
            ("JoongAng Daily", "ORG"),
        ],
    )
    doc._.newsclaims_entities = find_entities(doc)
    text = doc.text

    def at(phrase: str) -> str | None:
        start = text.index(phrase)
        entity = entity_at(doc, start, start + len(phrase))
        return None if entity is None else text[entity["start"] : entity["end"]]

    assert at("Former CIA analyst Soo Kim") == "Soo Kim"
    assert at("Kim") == "Soo Kim"
    assert at("South Korea’s JoongAng Daily") == "JoongAng Daily"
    assert at("said so") is None
    start = text.index("CIA analyst")
    assert entity_at(doc, start, start + 11, labels=["ORG"])["canonical"] == "CIA"


def test_entity_at_on_a_doc_without_entities() -> None:
    doc = BLANK("Nothing here.")
    assert entity_at(doc, 0, 7) is None


@pytest.mark.model
@pytest.mark.parametrize(
    "phrase,head,expected",
    [
        ("former CIA analyst Soo Kim", True, "Soo Kim"),
        ("former CIA analyst Soo Kim", False, "Soo Kim"),
        ("South Korea’s JoongAng Daily", True, "JoongAng Daily"),
        ("North Korean officials", True, None),  # the nationality only modifies
        ("North Korean officials", False, "North Korean"),
        (
            "the government propaganda outlet the Korean Central News Agency (KCNA)",
            True,
            "Korean Central News Agency",
        ),  # an apposition to the head
        (
            "Kwon Jong Gun, director general of the North Korean Department of U.S. Affairs",
            True,
            "Kwon Jong Gun",
        ),
        (
            "White House National Security Council (NSC) communications director John Kirby",
            True,
            "John Kirby",
        ),
        ("Kirby", True, "John Kirby"),
    ],
)
def test_entity_at_speakers_in_sample(
    sample_doc: Doc, phrase: str, head: bool, expected: str | None
) -> None:
    start = sample_doc.text.index(phrase)
    entity = entity_at(sample_doc, start, start + len(phrase), head=head)
    assert (entity and entity["canonical"]) == expected


def parsed_doc(words: list[str], heads: list[int], deps: list[str], ents: list[str]) -> Doc:
    """A ``Doc`` with a dependency parse and entities set by hand, and the stage's output."""
    doc = Doc(BLANK.vocab, words=words, heads=heads, deps=deps, ents=ents)
    doc._.newsclaims_entities = find_entities(doc)
    return doc


OFFICIALS = (
    ["North", "Korean", "officials", "said", "so", "."],
    [1, 2, 3, 3, 3, 3],
    ["compound", "amod", "nsubj", "ROOT", "advmod", "punct"],
    ["B-NORP", "I-NORP", "O", "O", "O", "O"],
)
#: "the outlet the Korean Central News Agency said ."; Agency's relation to "outlet" varies.
OUTLET_WORDS = ["the", "outlet", "the", "Korean", "Central", "News", "Agency", "said", "."]
OUTLET_HEADS = [1, 7, 6, 6, 6, 6, 1, 7, 7]
OUTLET_ENTS = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]


def outlet_deps(agency: str) -> list[str]:
    return ["det", "nsubj", "det", "compound", "compound", "compound", agency, "ROOT", "punct"]


@pytest.mark.parametrize(
    "doc,phrase,head,expected",
    [
        (parsed_doc(*OFFICIALS), "North Korean officials", True, None),  # a modifier only
        (parsed_doc(*OFFICIALS), "North Korean officials", False, "North Korean"),
        (
            parsed_doc(OUTLET_WORDS, OUTLET_HEADS, outlet_deps("appos"), OUTLET_ENTS),
            "the outlet the Korean Central News Agency",
            True,
            "Korean Central News Agency",
        ),  # an apposition to the head stands for the phrase
        (
            parsed_doc(OUTLET_WORDS, OUTLET_HEADS, outlet_deps("nmod"), OUTLET_ENTS),
            "the outlet the Korean Central News Agency",
            True,
            None,
        ),
    ],
)
def test_entity_at_head_counts_only_the_head_and_its_appositions(
    doc: Doc, phrase: str, head: bool, expected: str | None
) -> None:
    start = doc.text.index(phrase)
    entity = entity_at(doc, start, start + len(phrase), head=head)
    assert (entity and entity["canonical"]) == expected


def test_entity_at_prefers_a_name_not_followed_by_a_possessive() -> None:
    # Two places overlap the phrase: the longer one is only the possessor.
    phrase = "South Korea’s Seoul city"
    doc = hand_doc(phrase + " said.", [("South Korea’s", "GPE"), ("Seoul", "GPE")])
    doc._.newsclaims_entities = find_entities(doc)
    assert entity_at(doc, 0, len(phrase))["canonical"] == "Seoul"
    assert entity_at(doc, 0, len("South Korea"))["canonical"] == "South Korea"  # contains it


@pytest.mark.model
def test_entity_at_among_the_overlapping_entities_is_entity_at_among_all(sample_doc: Doc) -> None:
    """A caller may pass the mentions overlapping the range (the claims stage does, as
    a scan of all of them per speaker was quadratic on long documents)."""
    entities = sample_doc._.newsclaims_entities
    found = 0
    for token in sample_doc:
        for width in (0, 1, 3):
            start = token.idx
            end = sample_doc[min(token.i + width, len(sample_doc) - 1)].idx + 1
            overlapping = [e for e in entities if e["start"] < end and start < e["end"]]
            for head in (False, True):
                expected = entity_at(sample_doc, start, end, head=head)
                assert (
                    entity_at(sample_doc, start, end, head=head, entities=overlapping) == expected
                )
                found += expected is not None
    assert found
