"""The stage's lexicons, read from ``components/quantities/data/`` (``quantities.lexicon``)."""

from __future__ import annotations

import pytest

from pipeline.components.quantities.lexicon import (
    CHANGE_VERBS,
    MODIFIERS,
    SCALES,
    UNITS,
    compile_lexicons,
    load_lexicons,
)
from pipeline.lexicons import ResourceError


def test_shipped_lexicons_have_their_entries() -> None:
    lexicons = load_lexicons()
    assert lexicons.units["barrels"] == ("barrel", "barrel")
    assert lexicons.units["%"] == ("percent", "percentage")
    assert lexicons.modifiers["upwards of"] == ">"
    assert lexicons.scales["bn"] == 1e9
    assert lexicons.change_lemmas["rise"] == "up"
    assert "game" in lexicons.label_words
    assert lexicons.number_words["twenty"] == (20.0, "ten")
    assert "a" not in lexicons.number_words  # the shared table's articles are not parsed
    assert lexicons.vague_plurals["dozens"] == (12, 120)


def test_given_texts_replace_the_shipped_files() -> None:
    lexicons = compile_lexicons({UNITS: "zorkmids\tzorkmid\t=\nZK\tzorkmid\tzk\tcs\n"})
    assert lexicons.units == {"zorkmids": ("zorkmid", "zorkmid")}
    assert lexicons.units_cs == {"ZK": ("zorkmid", "zk")}
    assert lexicons.unit_re.match(" Zorkmids").group("unit") == "Zorkmids"
    assert lexicons.unit_cs_re.match("ZK") and not lexicons.unit_cs_re.match("zk")
    assert lexicons.modifiers == load_lexicons().modifiers


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        (UNITS, "barrels\tBarrel\t=\n", "must be lower case"),
        (UNITS, "barrels\tbarrel\t=\tci\n", "unknown flag"),
        (SCALES, "lots\tmany\n", "not a number"),
        (MODIFIERS, "about\t?\n", "unknown change"),
        (CHANGE_VERBS, "soar\tsideways\n", "expected up or down"),
    ],
)
def test_a_malformed_entry_names_its_file_and_line(name: str, text: str, problem: str) -> None:
    with pytest.raises(ResourceError, match=rf"pipeline/{name} line 1: .*{problem}"):
        compile_lexicons({name: text})
