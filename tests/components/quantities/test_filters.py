"""Numbers that are no quantity, and ages (``quantities.filters``)."""

from __future__ import annotations

import pytest

from pipeline.components.quantities.atoms import Atom
from pipeline.components.quantities.filters import (
    age_apposition,
    is_date_or_label,
    is_year,
    year_like,
)
from pipeline.process import process_text

from . import finder_of, hand_doc


def bare(doc, i: int, **fields) -> Atom:
    """The atom of the bare number at token ``i``."""
    token = doc[i]
    end = token.idx + len(token)
    return Atom(start=token.idx, end=end, value=float(token.text), number_end=end, **fields)


def test_a_number_after_a_label_word_is_a_label() -> None:
    rows = [
        ("They", "PRON", "PRP", "nsubj", 1),
        ("tied", "VERB", "VBD", "ROOT", 1),
        ("Game", "NOUN", "NN", "dobj", 1),
        ("7", "NUM", "CD", "nummod", 2),
    ]
    doc = hand_doc("They tied Game 7", rows)
    assert is_date_or_label(finder_of(doc), doc[3], bare(doc, 3))


FTSE_ROWS = [
    ("The", "DET", "DT", "det", 1),
    ("FTSE", "PROPN", "NNP", "nsubj", 3),
    ("100", "NUM", "CD", "nummod", 1),
    ("opened", "VERB", "VBD", "ROOT", 3),
]


def test_a_number_after_a_name_is_a_model_or_index() -> None:
    doc = hand_doc("The FTSE 100 opened", FTSE_ROWS)
    assert is_date_or_label(finder_of(doc), doc[2], bare(doc, 2))


def test_a_number_with_a_unit_after_a_name_is_a_quantity() -> None:
    doc = hand_doc("The FTSE 100 opened", FTSE_ROWS)
    assert not is_date_or_label(finder_of(doc), doc[2], bare(doc, 2, unit="point"))


@pytest.mark.parametrize(
    ("text", "i", "month_pos"),
    [("on March 14", 2, 1), ("on 14 March", 1, 2)],
)
def test_a_day_next_to_a_capitalised_month_is_a_date(text: str, i: int, month_pos: int) -> None:
    words = text.split()
    rows = [
        (w, "PROPN" if k == month_pos else "NUM" if w.isdigit() else "ADP", "XX", "dep", 0)
        for k, w in enumerate(words)
    ]
    doc = hand_doc(text, rows)
    assert is_date_or_label(finder_of(doc), doc[i], bare(doc, i))


def test_a_lower_case_may_is_no_month() -> None:
    rows = [
        ("It", "PRON", "PRP", "nsubj", 1),
        ("may", "AUX", "MD", "aux", 2),
        ("5", "NUM", "CD", "ROOT", 2),
    ]
    doc = hand_doc("It may 5", rows)
    assert not is_date_or_label(finder_of(doc), doc[2], bare(doc, 2))


def test_a_number_inside_a_date_entity_with_a_weekday_is_a_date() -> None:
    rows = [
        ("on", "ADP", "IN", "ROOT", 0),
        ("Friday", "PROPN", "NNP", "pobj", 0),
        ("the", "DET", "DT", "det", 3),
        ("13", "NUM", "CD", "appos", 1),
    ]
    doc = hand_doc("on Friday the 13", rows, ents=[("DATE", 1, 4)])
    assert is_date_or_label(finder_of(doc), doc[3], bare(doc, 3))


def test_a_clock_time_word_after_the_number() -> None:
    rows = [
        ("at", "ADP", "IN", "ROOT", 0),
        ("5", "NUM", "CD", "pobj", 0),
        ("GMT", "PROPN", "NNP", "npadvmod", 1),
    ]
    doc = hand_doc("at 5 GMT", rows)
    assert is_date_or_label(finder_of(doc), doc[1], bare(doc, 1, unit="x"))


def test_an_address_number_before_a_name() -> None:
    rows = [
        ("at", "ADP", "IN", "ROOT", 0),
        ("49", "NUM", "CD", "nummod", 4),
        ("Zorro", "PROPN", "NNP", "compound", 4),
        ("Ranch", "PROPN", "NNP", "compound", 4),
        ("Road", "PROPN", "NNP", "pobj", 0),
    ]
    doc = hand_doc("at 49 Zorro Ranch Road", rows)
    assert is_date_or_label(finder_of(doc), doc[1], bare(doc, 1))


def test_an_age_between_commas_after_a_name() -> None:
    rows = [
        ("Maddon", "PROPN", "NNP", "nsubj", 4),
        (",", "PUNCT", ",", "punct", 0),
        ("66", "NUM", "CD", "appos", 0),
        (",", "PUNCT", ",", "punct", 0),
        ("has", "VERB", "VBZ", "ROOT", 4),
    ]
    doc = hand_doc("Maddon, 66, has", rows)
    finder = finder_of(doc)
    assert age_apposition(finder, doc[2], bare(doc, 2))
    assert not age_apposition(finder, doc[2], bare(doc, 2, unit="percent"))
    rows[0] = ("it", "PRON", "PRP", "nsubj", 4)
    doc = hand_doc("it, 66, has", rows)
    assert not age_apposition(finder_of(doc), doc[2], bare(doc, 2))


@pytest.mark.parametrize(
    ("head", "expected"),
    [(1, True), (5, False)],  # the number in apposition to "boy", or to something else
)
def test_an_age_in_apposition_to_a_common_noun(head: int, expected: bool) -> None:
    rows = [
        ("the", "DET", "DT", "det", 1),
        ("boy", "NOUN", "NN", "nsubjpass", 6),
        (",", "PUNCT", ",", "punct", 1),
        ("15", "NUM", "CD", "appos", head),
        (",", "PUNCT", ",", "punct", 1),
        ("was", "AUX", "VBD", "auxpass", 6),
        ("held", "VERB", "VBN", "ROOT", 6),
    ]
    doc = hand_doc("the boy, 15, was held", rows)
    assert age_apposition(finder_of(doc), doc[3], bare(doc, 3)) is expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("2020", 2020, True),
        ("2120", 2120, True),
        ("2200", 2200, False),
        ("999", 999, False),
        ("20.5", 20.5, False),
    ],
)
def test_is_year(text: str, value: float, expected: bool) -> None:
    assert is_year(text, value) is expected


def test_a_year_with_a_currency_is_an_amount() -> None:
    text = "$2020"
    assert year_like(Atom(start=1, end=5, value=2020, number_end=5), text)
    assert not year_like(Atom(start=1, end=5, value=2020, number_end=5, currency=True), text)


def test_month_words_include_the_rare_undotted_abbreviations() -> None:
    from pipeline.components.quantities.filters import MONTHS, WEEKDAYS

    assert {"mar", "jun", "jul", "sept", "sept.", "may", "december"} <= MONTHS
    assert len(MONTHS) == 36 and len(WEEKDAYS) == 7


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("He lives at 10 Downing Street.", []),
        ("properties at 9 e 71st st, manhattan and 22 ave foch, paris.", []),
        ("a house at 49 zorro ranch road, stanley.", []),
        ("unit 3 at 16-18 industrial avenue, leased.", []),
        # a street word that ends no address
        ("He walked 5 miles down the road and 3 blocks on main street.", [5, 3]),
        ("There are 3 way splits.", [3]),
        ("It has 20 drive-in theaters.", [20]),
    ],
)
@pytest.mark.model
def test_a_street_address_is_no_quantity(text: str, values: list, nlp) -> None:
    record = process_text(text, date="2023-06-13", nlp=nlp)
    assert [q["value"] for q in record["quantities"]] == values


@pytest.mark.model
def test_a_counted_noun_before_a_street_is_no_address(nlp) -> None:
    text = "a 15,000 square-foot office that includes six terraces overlooking Fifth Avenue."
    record = process_text(text, date="2023-06-13", nlp=nlp)
    assert 6 in [q["value"] for q in record["quantities"]]


@pytest.mark.parametrize(("determiner", "expected"), [("the", True), ("those", False)])
def test_a_name_in_lower_case_after_the(determiner: str, expected: bool) -> None:
    """ "the sp 500 is poised": a name written in lower case; "those age 45" counts years."""
    text = f"{determiner} sp 500 is up"
    rows = [
        (determiner, "DET", "DT", "det", 1),
        ("sp", "NOUN", "NN", "nsubj", 3),
        ("500", "NUM", "CD", "nummod", 1),
        ("is", "AUX", "VBZ", "ROOT", 3),
        ("up", "ADV", "RB", "advmod", 3),
    ]
    doc = hand_doc(text, rows)
    assert is_date_or_label(finder_of(doc), doc[2], bare(doc, 2)) is expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The 10-year yield rose 5 basis points.", [5]),
        ("The benchmark 10-year U.S. Treasury yield fell to 4.1%.", [4.1]),
        ("The average 30-year fixed mortgage rate climbed to 7.2%.", [7.2]),
        # a term before anything else is an amount of time
        ("He was given a 10-year prison sentence.", [10]),
        ("The bonds mature in 10 years.", [10]),
    ],
)
@pytest.mark.model
def test_the_term_of_a_debt_names_it(text: str, values: list, nlp) -> None:
    record = process_text(text, date="2023-06-13", nlp=nlp)
    assert [q["value"] for q in record["quantities"]] == values
