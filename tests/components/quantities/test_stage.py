"""The component (``pipeline.components.quantities``): factory, failure handling, and
``to_disk``/``from_disk`` of its lexicons."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import pipeline.components.quantities as module
from pipeline.components.quantities import find_quantities
from pipeline.components.quantities.lexicon import DATA_FILES, TIME_WORDS, UNITS
from pipeline.lexicons import resource_text

STAGE = "newsclaims_quantities"


def values(nlp, text: str) -> list[tuple[str, object, object]]:
    doc = nlp(text)
    return [(doc.text[q["start"] : q["end"]], q["value"], q["unit"]) for q in doc._.get(STAGE)]


@pytest.fixture
def blank():
    """A blank English pipeline with only the quantities stage: no model needed."""
    nlp = spacy.blank("en")
    nlp.add_pipe(STAGE)
    return nlp


def test_the_factory_declares_what_it_assigns_and_requires() -> None:
    meta = spacy.blank("en").get_factory_meta(STAGE)
    assert meta.assigns == [f"doc._.{STAGE}"]
    assert set(meta.requires) == {"token.pos", "token.dep", "token.lemma", "doc.ents"}
    assert meta.default_config == {}


def test_to_disk_saves_every_data_file_as_shipped(blank, tmp_path: Path) -> None:
    blank.to_disk(tmp_path / "nlp")
    folder = tmp_path / "nlp" / STAGE
    assert sorted(p.name for p in folder.iterdir()) == sorted(Path(n).name for n in DATA_FILES)
    assert not (folder / "number_words.tsv").exists()  # pipeline.lang's table is package-wide
    for name in DATA_FILES:
        assert (folder / Path(name).name).read_text(encoding="utf-8") == resource_text(name)


def test_a_saved_pipeline_uses_its_saved_lexicon(blank, tmp_path: Path) -> None:
    assert values(blank, "It cost 5 zorkmids.") == [("5", 5, None)]
    blank.to_disk(tmp_path / "nlp")
    units = tmp_path / "nlp" / STAGE / "units.tsv"
    units.write_text(units.read_text(encoding="utf-8") + "zorkmids\tzorkmid\t=\n", encoding="utf-8")

    loaded = spacy.load(tmp_path / "nlp")
    assert values(loaded, "It cost 5 zorkmids.") == [("5 zorkmids", 5, "zorkmid")]
    # Saving the loaded pipeline keeps the edited lexicon, not the shipped one.
    loaded.to_disk(tmp_path / "again")
    saved = (tmp_path / "again" / STAGE / "units.tsv").read_text(encoding="utf-8")
    assert saved.endswith("zorkmids\tzorkmid\t=\n")
    assert saved != resource_text(UNITS)


def test_a_saved_word_list_is_used_too(blank, tmp_path: Path) -> None:
    assert values(blank, "It opens at 5 zulu.") == [("5", 5, None)]
    blank.to_disk(tmp_path / "nlp")
    words = tmp_path / "nlp" / STAGE / Path(TIME_WORDS).name
    words.write_text(words.read_text(encoding="utf-8") + "zulu\n", encoding="utf-8")
    loaded = spacy.load(tmp_path / "nlp")
    assert values(loaded, "It opens at 5 zulu.") == []  # a clock time now
    loaded.to_disk(tmp_path / "again")
    saved = tmp_path / "again" / STAGE / Path(TIME_WORDS).name
    assert saved.read_text(encoding="utf-8").endswith("zulu\n")


def test_find_quantities_on_a_bare_doc_never_raises(nlp):
    doc = nlp.make_doc("About 5% of $3 and 1/16 of a pint")
    assert isinstance(find_quantities(doc), list)  # no tags, no parse: degrades, still returns


def test_stage_failure_becomes_a_warning(nlp, monkeypatch):
    def broken(doc, lexicons=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(module, "find_quantities", broken)
    doc = nlp.get_pipe(STAGE)(nlp.make_doc("5 people"))
    assert doc._.newsclaims_quantities == []
    assert doc._.newsclaims_warnings[0]["code"] == "W010"
