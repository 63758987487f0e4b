"""The ``newsclaims_dates`` component: factory, and a saved pipeline that uses its saved lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.components.dates import STAGE, DatesStage, make_dates
from pipeline.components.dates.lexicon import DATA_FILES, PATH
from pipeline.lexicons import resource_text
from pipeline.nlp import load


def _values(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    doc._.pub_date = "2023-06-13"
    doc = nlp(doc)
    return [(text[d["start"] : d["end"]], d["value"]) for d in doc._.newsclaims_dates]


def test_factory_makes_the_stage_with_the_shipped_data():
    nlp = spacy.blank("en")
    stage = nlp.add_pipe(STAGE)
    assert isinstance(stage, DatesStage)
    assert STAGE == "newsclaims_dates"
    assert stage.data.names == DATA_FILES
    assert stage.data.texts == {PATH: resource_text(PATH)}
    assert stage.lexicons.words["deictic"]["soon"] == "FUTURE_REF"
    assert make_dates(nlp, "dates").data.texts == stage.data.texts
    meta = nlp.get_pipe_meta(STAGE)
    assert meta.assigns == ["doc._.newsclaims_dates"]
    assert {"doc._.pub_date", "token.dep", "doc.ents"} <= set(meta.requires)


def test_saved_pipeline_uses_the_saved_lexicon(tmp_path: Path):
    nlp = spacy.blank("en")
    nlp.add_pipe(STAGE)
    text = "They will meet anon, not in July."
    assert _values(nlp, text) == [("July", "2023-07")]
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / STAGE / "lexicon.tsv"
    shipped = saved.read_text(encoding="utf-8")
    assert shipped == resource_text(PATH)
    assert "\nmonth\t" not in shipped  # month names are the shared calendar's (pipeline/lang)
    # An edited copy: a new deictic word.
    saved.write_text(shipped + "deictic\tanon\tFUTURE_REF\n", encoding="utf-8")

    loaded = spacy.load(tmp_path / "pipeline")
    assert _values(loaded, text) == [("anon", "FUTURE_REF"), ("July", "2023-07")]
    assert _values(nlp, text) == [("July", "2023-07")]  # the original keeps the shipped one


def test_a_loaded_pipeline_saved_again_keeps_the_edited_lexicon(tmp_path: Path):
    nlp = spacy.blank("en")
    nlp.add_pipe(STAGE)
    nlp.to_disk(tmp_path / "first")
    saved = tmp_path / "first" / STAGE / "lexicon.tsv"
    edited = saved.read_text(encoding="utf-8") + "deictic\tanon\tFUTURE_REF\n"
    saved.write_text(edited, encoding="utf-8")

    spacy.load(tmp_path / "first").to_disk(tmp_path / "second")
    assert (tmp_path / "second" / STAGE / "lexicon.tsv").read_text(encoding="utf-8") == edited
    again = spacy.load(tmp_path / "second")
    assert _values(again, "They will meet anon.") == [("anon", "FUTURE_REF")]


@pytest.mark.model
def test_the_domain_is_config_and_survives_a_saved_pipeline(tmp_path: Path):
    text = "The index closed at a record Tuesday."
    assert spacy.blank("en").add_pipe(STAGE).domain == "news"
    load(stages=(STAGE,), dates_domain="earnings").to_disk(tmp_path / "earnings")
    loaded = spacy.load(tmp_path / "earnings")
    assert loaded.get_pipe(STAGE).domain == "earnings"
    assert loaded.config["components"][STAGE]["domain"] == "earnings"
    # 2023-06-15 is a Thursday: a dividend notice's "record Tuesday" lies ahead in earnings.
    assert _values_on(loaded, text, "2023-06-15") == [("Tuesday", "2023-06-20")]
    news = load(stages=(STAGE,))
    assert news.get_pipe(STAGE).domain == "news"
    assert _values_on(news, text, "2023-06-15") == [("Tuesday", "2023-06-13")]


def test_an_unknown_domain_is_refused():
    with pytest.raises(ValueError, match="unknown dates domain 'sports'"):
        spacy.blank("en").add_pipe(STAGE, config={"domain": "sports"})


def _values_on(nlp, text: str, date: str) -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    doc._.pub_date = date
    doc = nlp(doc)
    return [(text[d["start"] : d["end"]], d["value"]) for d in doc._.newsclaims_dates]
