"""The whole pipeline saved with ``nlp.to_disk`` loads with ``spacy.load`` and carries its rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.article import Article
from pipeline.nlp import STAGES
from pipeline.schema import doc_to_record

SAMPLE = Path(__file__).parents[1] / "corpora" / "sample" / "000_0310359b324a0dcd.txt"


def _record(nlp: Language, text: str) -> dict:
    doc = nlp.make_doc(text)
    doc._.pub_date = "2023-06-13"
    return doc_to_record(nlp(doc), Article(id="sample", text=text), model="any")


@pytest.mark.model
def test_a_saved_pipeline_gives_the_same_record_without_the_shipped_lexicons(
    nlp: Language, tmp_path: Path
) -> None:
    nlp.to_disk(tmp_path / "newsclaims")
    for stage in STAGES:
        assert any((tmp_path / "newsclaims" / stage).iterdir()), f"{stage} saved no data"
    loaded = spacy.load(tmp_path / "newsclaims")
    assert loaded.pipe_names == nlp.pipe_names
    text = SAMPLE.read_text(encoding="utf-8")
    record = _record(loaded, text)
    assert record == _record(nlp, text)
    assert len(record["claims"]) >= 20  # the sample article: a real record, not an empty one
