"""Reporting verbs and their subjects, on hand-built parses."""

from __future__ import annotations

from pipeline.components.claims.docview import DocView
from pipeline.components.claims.lexicon import load_lexicons
from pipeline.components.claims.verbs import (
    find_subject,
    has_own_subject,
    is_reporting_verb,
    unparsed_subject,
)

from .parsed import SENATOR_SAID, parsed

NOTING = parsed(
    "The mayor spoke, noting that the bridge was safe.",
    [
        ("The", 1, "det", "DET", "DT", "the"),
        ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
        ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("noting", 2, "advcl", "VERB", "VBG", "note"),
        ("that", 8, "mark", "SCONJ", "IN", "that"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("bridge", 8, "nsubj", "NOUN", "NN", "bridge"),
        ("was", 4, "ccomp", "AUX", "VBD", "be"),
        ("safe", 8, "acomp", "ADJ", "JJ", "safe"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ],
)


def test_a_verb_inherits_the_subject_of_the_verb_it_hangs_on() -> None:
    noting = NOTING[4]
    assert find_subject(noting).text == "mayor"
    assert not has_own_subject(noting)
    assert has_own_subject(NOTING[2])
    assert find_subject(SENATOR_SAID[2]).text == "senator"


def test_reporting_verbs_come_from_the_lexicon_with_corrected_lemmas() -> None:
    lexicons = load_lexicons()
    assert is_reporting_verb(SENATOR_SAID[2], lexicons)
    assert not is_reporting_verb(SENATOR_SAID[1], lexicons)  # a noun
    hoped = parsed(
        "They hoped.",
        [
            ("They", 1, "nsubj", "PRON", "PRP", "they"),
            ("hoped", 1, "ROOT", "VERB", "VBD", "hop"),  # the small model's lemma
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
    )
    assert is_reporting_verb(hoped[1], lexicons)


def test_the_speaker_after_the_verb_when_the_parser_missed_the_subject() -> None:
    doc = parsed(
        '"We read every letter," said Maria Alvarez, the president.',
        [
            ('"', 7, "punct", "PUNCT", "``", '"'),
            ("We", 2, "nsubj", "PRON", "PRP", "we"),
            ("read", 7, "ccomp", "VERB", "VBP", "read"),
            ("every", 4, "det", "DET", "DT", "every"),
            ("letter", 2, "dobj", "NOUN", "NN", "letter"),
            (",", 7, "punct", "PUNCT", ",", ","),
            ('"', 7, "punct", "PUNCT", "''", '"'),
            ("said", 7, "ROOT", "VERB", "VBD", "say"),
            ("Maria", 9, "compound", "PROPN", "NNP", "Maria"),
            ("Alvarez", 7, "dobj", "PROPN", "NNP", "Alvarez"),  # not parsed as the subject
            (",", 9, "punct", "PUNCT", ",", ","),
            ("the", 12, "det", "DET", "DT", "the"),
            ("president", 9, "appos", "NOUN", "NN", "president"),
            (".", 7, "punct", "PUNCT", ".", "."),
        ],
    )
    head, (start, end) = unparsed_subject(doc[7], DocView(doc))
    assert head.text == "Alvarez"
    # the name with its apposition, as PolNeAR annotates a source
    assert doc[start:end].text == "Maria Alvarez, the president"
    assert unparsed_subject(SENATOR_SAID[2], DocView(SENATOR_SAID)) is None
