"""The sample article through the whole pipeline, shared by the model tests of the stage."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from .docs import SAMPLE, SAMPLE_DATE


@pytest.fixture(scope="session")
def sample_doc(make_doc) -> Doc:
    return make_doc(SAMPLE.read_text(encoding="utf-8"), SAMPLE_DATE)
