"""The spaCy component: its config, and a saved pipeline that carries its own rules."""

from __future__ import annotations

import json

import pytest
import spacy

from pipeline.components.claims import ClaimsStage, make_claims
from pipeline.components.claims.cue_model import load_cue_model
from pipeline.components.claims.lexicon import DATA_FILES
from pipeline.lexicons import resource_text
from pipeline.nlp import load

TEXT = "The crowd ate the sandwiches."


def cues(doc) -> list[str]:
    return [doc.text[c["cue"]["start"] : c["cue"]["end"]] for c in doc._.newsclaims_claims]


def test_every_option_is_in_the_factory_config() -> None:
    meta = spacy.Language.get_factory_meta("newsclaims_claims")
    assert meta.default_config == {
        "split_quotes": False,
        "split_sentence_quotes": True,
        "cue_model": True,
        "boundary_model": True,
        "accept_model": True,
        "source_model": True,
        "rule_judge": True,
        "propose_dropped": True,
    }
    assert "doc._.newsclaims_claims" in meta.assigns
    assert "doc._.newsclaims_entities" in meta.requires
    assert make_claims.__name__ == "make_claims"


@pytest.mark.model
def test_saved_pipeline_uses_the_saved_lexicon(tmp_path) -> None:
    nlp = load(stages=())
    nlp.add_pipe("newsclaims_claims", config={"cue_model": False})
    assert cues(nlp(TEXT)) == []
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / "newsclaims_claims"
    assert sorted(p.name for p in saved.iterdir()) == sorted(
        name.rsplit("/", 1)[1] for name in DATA_FILES
    )
    assert (saved / "cue_verbs.txt").read_text(encoding="utf-8") == resource_text(
        "components/claims/data/cue_verbs.txt"
    )
    with (saved / "cue_verbs.txt").open("a", encoding="utf-8") as file:
        file.write("eat\n")

    again = spacy.load(tmp_path / "pipeline")
    stage = again.get_pipe("newsclaims_claims")
    assert isinstance(stage, ClaimsStage) and stage.cue_model is None
    assert stage.lexicons.cue_verbs["eat"] == "assert"
    assert cues(again(TEXT)) == ["ate"]
    # and saving the loaded pipeline keeps the edited lexicon
    again.to_disk(tmp_path / "again")
    assert "eat\n" in (tmp_path / "again" / "newsclaims_claims" / "cue_verbs.txt").read_text(
        encoding="utf-8"
    )


@pytest.mark.model
def test_saved_pipeline_uses_the_saved_cue_model(tmp_path) -> None:
    nlp = load(stages=())
    nlp.add_pipe("newsclaims_claims")
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / "newsclaims_claims" / "cue_model.json"
    body = json.loads(saved.read_text(encoding="utf-8"))
    assert body["weights"] == {f: round(w, 5) for f, w in load_cue_model().weights.items()}
    body["threshold"] = 0.99
    saved.write_text(json.dumps(body), encoding="utf-8")
    stage = spacy.load(tmp_path / "pipeline").get_pipe("newsclaims_claims")
    assert stage.cue_model.threshold == 0.99
    assert stage.cue_model.weights == load_cue_model().weights
