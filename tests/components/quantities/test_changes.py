"""Bounds, approximations and change verbs before an amount (``quantities.changes``)."""

from __future__ import annotations

import pytest

from pipeline.components.quantities.changes import after_by, change_before, modifier_before

from . import finder_of, hand_doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("more than 700", (0, ">")),
        ("upwards of 1", (0, ">")),
        ("at least 2", (0, ">=")),
        ("nearly 3", (0, "~")),
        ("the 5", None),
    ],
)
def test_modifier_before(text: str, expected) -> None:
    words = text.split()
    rows = [(word, "X", "XX", "dep", 0) for word in words]
    finder = finder_of(hand_doc(text, rows))
    assert modifier_before(finder, text.rindex(" ") + 1) == expected


# "Sales rose by just 3%": the verb's lemma "rise" is a change up, "by just" is skipped.
ROSE = [
    ("Sales", "NOUN", "NNS", "nsubj", 1),
    ("rose", "VERB", "VBD", "ROOT", 1, "rise"),
    ("by", "ADP", "IN", "prep", 1),
    ("just", "ADV", "RB", "advmod", 4),
    ("3", "NUM", "CD", "nummod", 5),
    ("%", "NOUN", "NN", "pobj", 2),
]


def test_a_change_verb_a_few_words_before() -> None:
    finder = finder_of(hand_doc("Sales rose by just 3%", ROSE))
    assert change_before(finder, 19) == "up"


def test_the_lemma_not_the_word_names_the_change() -> None:
    rows = [row[:5] for row in ROSE]  # lemma "rose": not in the lexicon
    finder = finder_of(hand_doc("Sales rose by just 3%", rows))
    assert change_before(finder, 19) is None


def test_a_level_word_makes_the_amount_a_level() -> None:
    rows = [
        ("Sales", "NOUN", "NNS", "nsubj", 1),
        ("rose", "VERB", "VBD", "ROOT", 1, "rise"),
        ("to", "ADP", "IN", "prep", 1),
        ("5", "NUM", "CD", "pobj", 2),
    ]
    assert change_before(finder_of(hand_doc("Sales rose to 5", rows)), 14) is None


def test_by_reads_the_verb_it_belongs_to_wherever_it_is() -> None:
    text = "It expects to grow sales by 35 per cent"
    rows = [
        ("It", "PRON", "PRP", "nsubj", 1),
        ("expects", "VERB", "VBZ", "ROOT", 1, "expect"),
        ("to", "PART", "TO", "aux", 3),
        ("grow", "VERB", "VB", "xcomp", 1),
        ("sales", "NOUN", "NNS", "dobj", 3, "sale"),
        ("by", "ADP", "IN", "prep", 3),
        ("35", "NUM", "CD", "nummod", 7),
        ("per", "NOUN", "NN", "pobj", 5),
        ("cent", "NOUN", "NN", "pobj", 5),
    ]
    finder = finder_of(hand_doc(text, rows))
    assert change_before(finder, text.index("35")) == "up"


def test_a_clause_break_stops_the_look_back() -> None:
    rows = [
        ("It", "PRON", "PRP", "nsubj", 1),
        ("fell", "VERB", "VBD", "ROOT", 1, "fall"),
        (",", "PUNCT", ",", "punct", 1),
        ("5", "NUM", "CD", "npadvmod", 1),
    ]
    assert change_before(finder_of(hand_doc("It fell, 5", rows)), 9) is None


def test_after_by() -> None:
    rows = [
        ("cut", "VERB", "VB", "ROOT", 0),
        ("by", "ADP", "IN", "prep", 0),
        ("1", "NUM", "CD", "pobj", 1),
    ]
    finder = finder_of(hand_doc("cut by 1", rows))
    assert after_by(finder, 7) and not after_by(finder, 4)


def _revised(adverb: str) -> list:
    """ "Profit was revised ADVERB by 40": the verb has no direction, its adverb has."""
    return [
        ("Profit", "NOUN", "NN", "nsubjpass", 2),
        ("was", "AUX", "VBD", "auxpass", 2),
        ("revised", "VERB", "VBN", "ROOT", 2, "revise"),
        (adverb, "ADV", "RB", "advmod", 2),
        ("by", "ADP", "IN", "agent", 2),
        ("40", "NUM", "CD", "pobj", 4),
    ]


@pytest.mark.parametrize(("adverb", "expected"), [("upward", "up"), ("downwards", "down")])
def test_the_direction_word_before_by_of_a_verb_without_one(adverb: str, expected: str) -> None:
    text = f"Profit was revised {adverb} by 40"
    finder = finder_of(hand_doc(text, _revised(adverb)))
    assert change_before(finder, text.index("40")) == expected


def test_a_verb_without_direction_right_before_by_makes_no_change() -> None:
    rows = [
        ("Profit", "NOUN", "NN", "nsubjpass", 2),
        ("was", "AUX", "VBD", "auxpass", 2),
        ("revised", "VERB", "VBN", "ROOT", 2, "revise"),
        ("by", "ADP", "IN", "agent", 2),
        ("40", "NUM", "CD", "pobj", 3),
    ]
    text = "Profit was revised by 40"
    assert change_before(finder_of(hand_doc(text, rows)), text.index("40")) is None
