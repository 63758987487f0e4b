"""The claims stage's lexicons: the shipped files, and errors that name file and line."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from pipeline.components.claims.accept_model import MODEL_FILE as ACCEPT_MODEL_FILE
from pipeline.components.claims.boundary_model import MODEL_FILE as BOUNDARY_MODEL_FILE
from pipeline.components.claims.cue_model import MODEL_FILE
from pipeline.components.claims.lexicon import (
    DATA,
    DATA_FILES,
    load_lexicons,
    read_lexicons,
    read_mapping,
)
from pipeline.components.claims.rule_judge import MODEL_FILE as RULE_JUDGE_FILE
from pipeline.components.claims.source_model import MODEL_FILE as SOURCE_MODEL_FILE
from pipeline.lexicons import ResourceError, word_list


def test_packaged_lexicons_load() -> None:
    lexicons = load_lexicons()
    assert lexicons.cue_verbs["say"] == "assert"
    assert lexicons.cue_verbs["deny"] == "deny"
    assert lexicons.cue_verbs["accuse"] == "accuse"
    assert ("according", "to") in lexicons.multiword_cues
    assert "expert" in lexicons.words["anonymous_sources"]
    assert lexicons.denial_content.search("by fabricating a non-existent thing")
    assert "think" in lexicons.words["cognitive_verbs"] and "tell" in lexicons.words["tell_verbs"]
    assert lexicons.phrasal_cues["point"] == {"to", "out"}
    assert ("you", "know") in lexicons.discourse_markers
    assert lexicons.lemma_fixes["hoped"] == "hope"
    assert lexicons.epithets.sub("", "alleged declassified U.S. report") == "U.S. report"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("say\nSay\n", "claims/data/x.txt line 2"),
        ("say\n\n# comment\nsay\tit\n", "claims/data/x.txt line 4"),
        ("say\tassert\n", "claims/data/x.txt line 1: expected one lower-case entry"),
    ],
)
def test_bad_word_lexicon_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(ResourceError, match=message):
        word_list("components/claims/data/x.txt", text=text)


def test_bad_mapping_value_names_file_and_line() -> None:
    with pytest.raises(ResourceError, match="claims/data/y.txt line 2: value 'maybe'"):
        read_mapping(
            "components/claims/data/y.txt",
            ("assert", "deny"),
            text="claim\tassert\ndenial\tmaybe\n",
        )


def test_every_data_file_is_read_and_every_read_file_is_shipped() -> None:
    shipped = {p.name for p in files("pipeline").joinpath(*DATA.split("/")).iterdir()}
    # Beside the lexicons: the cue model's weights (``cue_model`` reads them) and its card,
    # the boundary chooser's (``boundary_model``), the accept model's (``accept_model``), the
    # source chooser's (``source_model``), the rule judge's (``rule_judge``) and the
    # attribution tagger's folder (``tagger`` reads it).
    model = {
        Path(MODEL_FILE).name,
        "cue_model.md",
        Path(BOUNDARY_MODEL_FILE).name,
        "boundary_model.md",
        Path(ACCEPT_MODEL_FILE).name,
        "accept_model.md",
        Path(SOURCE_MODEL_FILE).name,
        "source_model.md",
        Path(RULE_JUDGE_FILE).name,
        "rule_judge.md",
        "tagger",
    }
    assert all(name.startswith(f"{DATA}/") for name in DATA_FILES)
    assert {Path(name).name for name in DATA_FILES} == shipped - model
    assert model <= shipped


def test_a_lexicon_built_from_given_texts_uses_them_and_ships_the_rest() -> None:
    shipped = load_lexicons()
    lexicons = read_lexicons(
        {
            "components/claims/data/cue_verbs.txt": "# edited\nmurmur\n",
            "components/claims/data/in_sources.txt": "ledger\n",
        }
    )
    assert lexicons.cue_verbs["murmur"] == "assert"
    assert "say" not in lexicons.cue_verbs
    assert lexicons.cue_verbs["deny"] == "deny"  # deny_verbs.txt as shipped
    assert lexicons.words["in_sources"] == frozenset({"ledger"})
    assert lexicons.nominal_cues == shipped.nominal_cues


def test_a_bad_line_in_given_texts_names_the_file() -> None:
    with pytest.raises(ResourceError, match="claims/data/source_types.txt line 1"):
        read_lexicons({"components/claims/data/source_types.txt": "senator\tsenator\n"})
