"""Trimming a content: the writer's comment and other cues go (hand-built parses)."""

from __future__ import annotations

import pytest

from pipeline.components.claims.content import (
    cut_at_other_cues,
    cut_trailing_comment,
    ends_with_quote,
    starts_with_quote,
)
from pipeline.components.claims.lexicon import load_lexicons
from pipeline.nlp import load_cached

from .parsed import KIM_SAID, content_text, parsed

RUIZ = parsed(
    "The mayor said the bridge was designed by Ana Ruiz, who also built the harbour.",
    [
        ("The", 1, "det", "DET", "DT", "the"),
        ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
        ("said", 2, "ROOT", "VERB", "VBD", "say"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("bridge", 6, "nsubjpass", "NOUN", "NN", "bridge"),
        ("was", 6, "auxpass", "AUX", "VBD", "be"),
        ("designed", 2, "ccomp", "VERB", "VBN", "design"),
        ("by", 6, "agent", "ADP", "IN", "by"),
        ("Ana", 9, "compound", "PROPN", "NNP", "Ana"),
        ("Ruiz", 7, "pobj", "PROPN", "NNP", "Ruiz"),
        (",", 9, "punct", "PUNCT", ",", ","),
        ("who", 13, "nsubj", "PRON", "WP", "who"),
        ("also", 13, "advmod", "ADV", "RB", "also"),
        ("built", 9, "relcl", "VERB", "VBD", "build"),
        ("the", 15, "det", "DET", "DT", "the"),
        ("harbour", 13, "dobj", "NOUN", "NN", "harbour"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ],
)


def test_a_relative_clause_after_a_comma_at_the_end_is_cut() -> None:
    start, end = cut_trailing_comment(RUIZ, (3, 16))
    assert RUIZ[start:end].text == "the bridge was designed by Ana Ruiz"


def test_a_restrictive_relative_clause_stays() -> None:
    doc = parsed(
        "The players who trained hardest would start.",
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("players", 6, "nsubj", "NOUN", "NNS", "player"),
            ("who", 3, "nsubj", "PRON", "WP", "who"),
            ("trained", 1, "relcl", "VERB", "VBD", "train"),
            ("hardest", 3, "advmod", "ADV", "RBS", "hardest"),
            ("would", 6, "aux", "AUX", "MD", "would"),
            ("start", 6, "ROOT", "VERB", "VB", "start"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ],
    )
    assert cut_trailing_comment(doc, (0, 7)) == (0, 7)


def test_another_reporting_verb_joined_to_the_content_ends_it() -> None:
    doc = parsed(
        "He said prices rose and officials argued that wages fell.",
        [
            ("He", 1, "nsubj", "PRON", "PRP", "he"),
            ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("prices", 3, "nsubj", "NOUN", "NNS", "price"),
            ("rose", 1, "ccomp", "VERB", "VBD", "rise"),
            ("and", 3, "cc", "CCONJ", "CC", "and"),
            ("officials", 6, "nsubj", "NOUN", "NNS", "official"),
            ("argued", 3, "conj", "VERB", "VBD", "argue"),
            ("that", 9, "mark", "SCONJ", "IN", "that"),
            ("wages", 9, "nsubj", "NOUN", "NNS", "wage"),
            ("fell", 6, "ccomp", "VERB", "VBD", "fall"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
    )
    start, end = cut_at_other_cues(doc, (2, 10), doc[1], load_lexicons())
    assert doc[start:end].text == "prices rose"


def test_quote_marks_at_the_edges_of_a_phrase() -> None:
    this_is = KIM_SAID[2]  # "This is over," inside “…”
    assert starts_with_quote(this_is) and ends_with_quote(this_is)
    assert not starts_with_quote(KIM_SAID[7]) or KIM_SAID[7].left_edge.i == 0
    going = KIM_SAID[12]
    assert ends_with_quote(going)
    assert not ends_with_quote(KIM_SAID[6])  # "Kim"


# --- end to end (the model parses the text) ----------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the writer's comment after a comma is not part of what was said
        (
            "The mayor said the bridge was designed by Ana Ruiz, who also built the harbour.",
            "the bridge was designed by Ana Ruiz",
        ),
        (
            "Officials said the fire started in a warehouse, which had been empty for years.",
            "the fire started in a warehouse",
        ),
        (
            "The agency said exports fell in May, prompting calls for new subsidies.",
            "exports fell in May",
        ),
        # a restrictive relative clause is part of it
        (
            "The coach said the players who trained hardest would start on Sunday.",
            "the players who trained hardest would start on Sunday",
        ),
    ],
)
def test_trailing_comment_is_cut_from_content(text: str, content: str) -> None:
    # the rules' trimming, on the rules-only pipeline (the attribution tagger may add
    # "calls for new subsidies" as a claim of its own)
    rules = load_cached(rules_only=True)
    assert [content_text(text, c) for c in rules(text)._.newsclaims_claims] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # a second that-clause of the same cue stays in the content
        (
            "Hillary Clinton says the administration should be taking more measures against "
            "the group and that she expects the president to announce an “intensification” "
            "of the campaign.",
            [
                "the administration should be taking more measures against the group and that "
                "she expects the president to announce an “intensification” of the campaign"
            ],
        ),
        # another attribution joined to the content is still a claim of its own
        (
            "The mayor said prices rose and officials argued that wages fell.",
            ["prices rose", "that wages fell"],
        ),
    ],
)
def test_a_second_that_clause_stays_in_the_content(text: str, contents: list[str]) -> None:
    rules = load_cached(rules_only=True)
    found = [content_text(text, c) for c in rules(text)._.newsclaims_claims]
    # (the verb inside a content may give a nested claim of its own, as PolNeAR has them)
    assert found[: len(contents)] == contents
