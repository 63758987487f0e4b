"""The counted noun of a number (``quantities.objects``)."""

from __future__ import annotations

from pipeline.components.quantities.objects import object_after, unit_of_head

from . import finder_of, hand_doc


def test_the_numbers_noun_head_with_its_modifiers() -> None:
    text = "More than 700 heart transplants were done"
    rows = [
        ("More", "ADJ", "JJR", "amod", 1),
        ("than", "ADP", "IN", "quantmod", 2),
        ("700", "NUM", "CD", "nummod", 4),
        ("heart", "NOUN", "NN", "compound", 4),
        ("transplants", "NOUN", "NNS", "nsubjpass", 6, "transplant"),
        ("were", "AUX", "VBD", "auxpass", 6),
        ("done", "VERB", "VBN", "ROOT", 6),
    ]
    doc = hand_doc(text, rows)
    assert object_after(finder_of(doc), doc[2], measured=False) == (14, 31)


def test_the_noun_phrase_after_of_skips_determiners() -> None:
    text = "44,655 barrels of the crude oil"
    rows = [
        ("44,655", "NUM", "CD", "nummod", 1),
        ("barrels", "NOUN", "NNS", "ROOT", 1, "barrel"),
        ("of", "ADP", "IN", "prep", 1),
        ("the", "DET", "DT", "det", 5),
        ("crude", "ADJ", "JJ", "amod", 5),
        ("oil", "NOUN", "NN", "pobj", 2),
    ]
    doc = hand_doc(text, rows)
    assert object_after(finder_of(doc), doc[1], measured=True) == (22, 31)


def test_a_measured_amount_counts_only_what_follows_of() -> None:
    text = "5 kilometres roads"
    rows = [
        ("5", "NUM", "CD", "nummod", 1),
        ("kilometres", "NOUN", "NNS", "compound", 2),
        ("roads", "NOUN", "NNS", "ROOT", 2),
    ]
    doc = hand_doc(text, rows)
    assert object_after(finder_of(doc), doc[1], measured=True) is None


def test_no_object_across_a_comma_or_a_date() -> None:
    text = "3 last year, people"
    rows = [
        ("3", "NUM", "CD", "nummod", 4),
        ("last", "ADJ", "JJ", "amod", 2),
        ("year", "NOUN", "NN", "npadvmod", 4),
        (",", "PUNCT", ",", "punct", 4),
        ("people", "NOUN", "NNS", "ROOT", 4),
    ]
    doc = hand_doc(text, rows, ents=[("DATE", 1, 3)])
    assert object_after(finder_of(doc), doc[0], measured=False) is None


def test_an_adjective_of_frequency_marked_a_date_stays_in_the_object() -> None:
    text = "45 weekly active users"
    rows = [
        ("45", "NUM", "CD", "nummod", 3),
        ("weekly", "ADJ", "JJ", "amod", 3),
        ("active", "ADJ", "JJ", "amod", 3),
        ("users", "NOUN", "NNS", "ROOT", 3, "user"),
    ]
    doc = hand_doc(text, rows, ents=[("DATE", 1, 2)])
    assert object_after(finder_of(doc), doc[0], measured=False) == (3, 22)
    # the same word as a date of its own (an adverb) is no part of it
    rows[1] = ("weekly", "ADV", "RB", "advmod", 3)
    doc = hand_doc(text, rows, ents=[("DATE", 1, 2)])
    assert object_after(finder_of(doc), doc[0], measured=False) is None


def test_a_counted_unit_is_the_unit() -> None:
    text = "517 rushing yards"
    rows = [
        ("517", "NUM", "CD", "nummod", 2),
        ("rushing", "VERB", "VBG", "amod", 2),
        ("yards", "NOUN", "NNS", "ROOT", 2, "yard"),
    ]
    doc = hand_doc(text, rows)
    finder = finder_of(doc)
    obj = object_after(finder, doc[0], measured=False)
    assert obj == (4, 17)
    assert unit_of_head(finder, obj) == ("yard", "length", "yards")
