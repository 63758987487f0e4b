"""Reporting verbs and their subjects, on hand-built parses."""

from __future__ import annotations

from pipeline.components.claims.docview import DocView
from pipeline.components.claims.lexicon import load_lexicons
from pipeline.components.claims.speakers import source_tokens
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


def _after_a_quotation(verb: str, tag: str, rest: list[tuple]) -> object:
    """ "“We will win,” VERB …" with the small model's parse: what follows the verb
    hangs on it as its object."""
    words = " ".join(row[0] for row in rest)
    return parsed(
        f"“We will win,” {verb} {words}",
        [
            ("“", 6, "punct", "PUNCT", "``", "“"),
            ("We", 3, "nsubj", "PRON", "PRP", "we"),
            ("will", 3, "aux", "AUX", "MD", "will"),
            ("win", 6, "ccomp", "VERB", "VB", "win"),
            (",", 6, "punct", "PUNCT", ",", ","),
            ("”", 6, "punct", "PUNCT", "''", "”"),
            (verb, 6, "ROOT", "VERB", tag, verb),
            *rest,
        ],
    )


def test_a_speaker_after_a_quotation_parsed_as_the_verb_s_object() -> None:
    added = _after_a_quotation(
        "added",
        "VBD",
        [
            ("another", 9, "det", "DET", "DT", "another"),
            ("Democrat", 9, "compound", "PROPN", "NNP", "Democrat"),
            ("Murphy", 6, "dobj", "PROPN", "NNP", "Murphy"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ],
    )
    assert find_subject(added[6]).text == "Murphy"
    assert source_tokens(find_subject(added[6])).text == "another Democrat Murphy"
    # a participle goes on from the sentence's subject: its object is no speaker
    blaming = _after_a_quotation(
        "blaming",
        "VBG",
        [("Murphy", 6, "dobj", "PROPN", "NNP", "Murphy"), (".", 6, "punct", "PUNCT", ".", ".")],
    )
    assert find_subject(blaming[6]) is None
    # an object the clause goes on after is what the verb acts on
    denounced = _after_a_quotation(
        "denounced",
        "VBD",
        [
            ("her", 8, "poss", "PRON", "PRP$", "her"),
            ("record", 6, "dobj", "NOUN", "NN", "record"),
            ("and", 6, "cc", "CCONJ", "CC", "and"),
            ("left", 6, "conj", "VERB", "VBD", "leave"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ],
    )
    assert find_subject(denounced[6]) is None
