"""The stage's word lists: shipped in ``components/entities/data``, or given as texts."""

from __future__ import annotations

import pytest

from pipeline.components.entities.lexicon import (
    DATA_FILES,
    GENERIC_HEADS,
    TITLES,
    VARIANTS,
    load_lexicons,
    read_lexicons,
    variant_table,
)
from pipeline.lexicons import ResourceError


def test_the_shipped_lexicons_are_read_from_the_stage_folder() -> None:
    assert all(name.startswith("components/entities/data/") for name in DATA_FILES)
    lexicons = load_lexicons()
    assert {"leader", "analyst", "mr", "sen"} <= lexicons.titles
    assert lexicons.variants["us"] == lexicons.variants["usa"] == "united states"
    assert "house" in lexicons.generic_heads
    assert "group" in lexicons.name_suffixes
    assert "north" in lexicons.place_qualifiers


def test_given_texts_replace_only_their_lexicon() -> None:
    lexicons = read_lexicons({TITLES: "# one title\nemir\n", VARIANTS: "RFA\tRadio Free Asia\n"})
    assert lexicons.titles == frozenset({"emir"})
    assert lexicons.variants == {"rfa": "rfa", "radio free asia": "rfa"}
    assert lexicons.generic_heads == load_lexicons().generic_heads


def test_variant_keys_are_compared_names() -> None:
    assert variant_table(text="The U.S.\tUnited States of America\n") == {
        "us": "us",
        "united states of america": "us",
    }


@pytest.mark.parametrize(
    "name,text,line",
    [
        (VARIANTS, "# spellings\nunited states\n", 2),  # one name is no variant
        (TITLES, "leader\nMr\n", 2),  # entries are lower case
        (GENERIC_HEADS, "house\tsenate\n", 1),  # one entry a line
    ],
)
def test_a_malformed_line_names_the_stage_file(name: str, text: str, line: int) -> None:
    with pytest.raises(ResourceError, match=rf"pipeline/{name} line {line}:"):
        read_lexicons({name: text})
