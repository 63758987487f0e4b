"""Shared fixtures: one real pipeline (the installed English model) per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.nlp import load_cached


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_cached()


@pytest.fixture(scope="session")
def make_doc(nlp: Language):
    """Run the whole pipeline on ``text`` with ``date`` as publication date."""

    def make(text: str, date: str | None = None):
        doc = nlp.make_doc(text)
        doc._.pub_date = date
        return nlp(doc)

    return make
