"""The claims stage's lexicons: the shipped files, and errors that name file and line."""

from __future__ import annotations

import pytest

from pipeline.components.claims.lexicon import (
    LEXICON_FILES,
    ResourceError,
    load_lexicon,
    read_lexicon,
    read_mapping,
    read_words,
)
from pipeline.lexicons import resource_text


def test_packaged_lexicons_load() -> None:
    lexicon = load_lexicon()
    assert lexicon.cue_verbs["say"] == "assert"
    assert lexicon.cue_verbs["deny"] == "deny"
    assert lexicon.cue_verbs["accuse"] == "accuse"
    assert ("according", "to") in lexicon.multiword_cues
    assert "expert" in lexicon.anonymous_sources
    assert lexicon.denial_content.search("by fabricating a non-existent thing")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("say\nSay\n", "claims/data/x.txt line 2"),
        ("say\n\n# comment\nsay it!\n", "claims/data/x.txt line 4"),
        ("say\tassert\n", "claims/data/x.txt line 1: unexpected second column"),
    ],
)
def test_bad_word_lexicon_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(ResourceError, match=message):
        read_words("components/claims/data/x.txt", text=text)


def test_bad_mapping_value_names_file_and_line() -> None:
    with pytest.raises(ResourceError, match="claims/data/y.txt line 2: value 'maybe'"):
        read_mapping(
            "components/claims/data/y.txt",
            ("assert", "deny"),
            text="claim\tassert\ndenial\tmaybe\n",
        )


def test_every_lexicon_file_is_shipped_beside_the_stage() -> None:
    assert all(name.startswith("components/claims/data/") for name in LEXICON_FILES)
    assert [resource_text(name) for name in LEXICON_FILES]


def test_a_lexicon_built_from_given_texts_uses_them_and_ships_the_rest() -> None:
    shipped = load_lexicon()
    lexicon = read_lexicon(
        {
            "components/claims/data/cue_verbs.txt": "# edited\nmurmur\n",
            "components/claims/data/in_sources.txt": "ledger\n",
        }
    )
    assert lexicon.cue_verbs["murmur"] == "assert"
    assert "say" not in lexicon.cue_verbs
    assert lexicon.cue_verbs["deny"] == "deny"  # deny_verbs.txt as shipped
    assert lexicon.in_sources == frozenset({"ledger"})
    assert lexicon.nominal_cues == shipped.nominal_cues


def test_a_bad_line_in_given_texts_names_the_file() -> None:
    with pytest.raises(ResourceError, match="claims/data/source_types.txt line 1"):
        read_lexicon({"components/claims/data/source_types.txt": "senator\tsenator\n"})
