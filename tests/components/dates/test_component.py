"""The ``newsclaims_dates`` component: factory, and a saved pipeline that uses its saved lexicon."""

from __future__ import annotations

from pathlib import Path

import spacy

from pipeline.components.dates import DatesStage, make_dates
from pipeline.components.dates.patterns import shipped_rules


def _values(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    doc._.pub_date = "2023-06-13"
    doc = nlp(doc)
    return [(text[d["start"] : d["end"]], d["value"]) for d in doc._.newsclaims_dates]


def test_factory_makes_the_stage_with_the_shipped_rules():
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("newsclaims_dates")
    assert isinstance(stage, DatesStage)
    assert stage.rules is shipped_rules()
    assert make_dates(nlp, "dates").rules is shipped_rules()
    meta = nlp.get_pipe_meta("newsclaims_dates")
    assert meta.assigns == ["doc._.newsclaims_dates"]
    assert "token.dep" in meta.requires


def test_saved_pipeline_uses_the_saved_lexicon(tmp_path: Path):
    nlp = spacy.blank("en")
    nlp.add_pipe("newsclaims_dates")
    text = "They will meet anon, not in July."
    assert _values(nlp, text) == [("July", "2023-07")]
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / "newsclaims_dates" / "lexicon.tsv"
    shipped = saved.read_text(encoding="utf-8")
    assert "\nmonth\t" not in shipped  # month names are the shared calendar's (pipeline/lang)
    # An edited copy: a new deictic word.
    saved.write_text(shipped + "deictic\tanon\tFUTURE_REF\n", encoding="utf-8")

    loaded = spacy.load(tmp_path / "pipeline")
    assert _values(loaded, text) == [("anon", "FUTURE_REF"), ("July", "2023-07")]
    assert _values(nlp, text) == [("July", "2023-07")]  # the original keeps the shipped one
