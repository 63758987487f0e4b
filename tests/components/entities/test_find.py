"""``find_entities``: the stage's algorithm on a hand-built ``Doc``, with the lexicons given."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from pipeline.components.entities import find_entities as exported
from pipeline.components.entities.find import find_entities
from pipeline.components.entities.lexicon import TITLES, load_lexicons, read_lexicons

TEXT = "The emir Kim Jong-un met analyst Soo Kim. Kim said no. The emir Kim smiled."


def _doc() -> Doc:
    doc = spacy.blank("en").make_doc(TEXT)
    spans, position = [], 0
    for name in ("Kim Jong-un", "Soo Kim", "Kim", "Kim"):
        start = TEXT.index(name, position)
        spans.append(doc.char_span(start, start + len(name), label="PERSON"))
        position = start + len(name)
    doc.ents = spans
    return doc


def test_the_package_exports_the_finder() -> None:
    assert exported is find_entities


def test_the_lexicons_given_are_the_ones_used() -> None:
    # Shipped titles have no "emir": the last bare "Kim" joins the most recent Kim.
    assert find_entities(_doc())[-1]["canonical"] == "Soo Kim"
    assert find_entities(_doc(), load_lexicons())[-1]["canonical"] == "Soo Kim"
    # With "emir" a title, it joins the Kim introduced as "emir Kim Jong-un".
    titled = read_lexicons({TITLES: "emir\nanalyst\n"})
    assert find_entities(_doc(), titled)[-1]["canonical"] == "Kim Jong-un"
