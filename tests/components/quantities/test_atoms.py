"""The per-document state of a search (``quantities.atoms``)."""

from __future__ import annotations

import pytest

from pipeline.components.quantities.atoms import Atom, Finder
from pipeline.components.quantities.lexicon import load_lexicons

from . import finder_of, untagged_doc


def test_token_at_finds_the_token_containing_a_character() -> None:
    finder = finder_of(untagged_doc("about 5,000 barrels"))
    assert [finder.token_at(c).text for c in (0, 4, 5, 6, 11, 12)] == [
        "about",
        "about",
        "about",  # a space belongs to the token before it
        "5,000",
        "5,000",
        "barrels",
    ]
    assert finder_of(untagged_doc("")).token_at(0) is None


def test_use_marks_the_tokens_of_the_span_with_its_modifier() -> None:
    finder = finder_of(untagged_doc("about 5,000 barrels of oil"))
    atom = Atom(start=6, end=19, value=5000, number_end=11, mod_start=0)
    assert atom.span_start == 0
    finder.use(atom)
    assert finder.used == [True, True, True, False, False]
    assert finder.lowers == ["about", "5,000", "barrels", "of", "oil"]


@pytest.mark.model
def test_ent_at_is_the_entity_a_scan_of_doc_ents_finds(nlp) -> None:
    doc = nlp("On Monday, March 3, 2021, the Bank of Korea said 5% of 1,200 firms in Seoul grew.")
    finder = Finder(doc, load_lexicons())
    for token in doc:
        expected = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        assert finder.ent_at(token.i) == expected
    assert any(finder.ent_at(token.i) is not None for token in doc)
