"""The stage's lexicons, read from ``components/quantities/data/`` (``quantities.lexicon``)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from pipeline.components.quantities.lexicon import (
    CHANGE_VERBS,
    DATA,
    DATA_FILES,
    MODIFIERS,
    REGISTRY_UNITS,
    SCALES,
    UNITS,
    load_lexicons,
    read_lexicons,
)
from pipeline.lexicons import ResourceError


def test_shipped_lexicons_have_their_entries() -> None:
    lexicons = load_lexicons()
    assert lexicons.units["barrels"] == ("barrel", "volume")
    assert lexicons.units["kilometres"] == ("kilometre", "length")  # from the registry
    assert lexicons.prefixes["EUR"] == ("euro", "currency")
    assert lexicons.units["%"] == ("percent", "percentage")
    assert lexicons.modifiers["upwards of"] == ">"
    assert lexicons.post_modifiers["or more"] == ">=" and "or more" not in lexicons.modifiers
    assert lexicons.post_modifier_re.match("-plus").group("word") == "-plus"
    assert lexicons.post_modifier_re.match(" or so").group("word") == "or so"
    assert not lexicons.post_modifier_re.match(" plus")  # only glued: "$100 plus tax" sums
    assert lexicons.scales["bn"] == 1e9
    assert lexicons.change_lemmas["rise"] == "up"
    assert "lose" in lexicons.margin_lemmas and "fall" not in lexicons.margin_lemmas
    assert "game" in lexicons.label_words
    assert "victim" in lexicons.person_words
    assert lexicons.number_words["twenty"] == (20.0, "ten")
    assert "a" not in lexicons.number_words  # the shared table's articles are not parsed
    assert lexicons.vague_plurals["dozens"] == (12, 120)
    assert "year" in lexicons.rate_words and "ounce" in lexicons.rate_words
    assert {"am", "p.m.", "gmt"} <= lexicons.time_words
    assert "just" in lexicons.change_gap_words and "to" in lexicons.level_words
    assert lexicons.not_rate_after_re.match(" ago") and not lexicons.not_rate_after_re.match(
        " agony"
    )


def test_every_data_file_is_read_and_every_read_file_is_shipped() -> None:
    shipped = {p.name for p in files("pipeline").joinpath(*DATA.split("/")).iterdir()}
    assert {Path(name).name for name in DATA_FILES} == shipped


def test_currency_marks_are_the_rows_flagged_before() -> None:
    prefixes = load_lexicons().prefixes
    assert prefixes["$"] == ("dollar", "currency") and prefixes["A$"][0] == "australian dollar"
    assert prefixes["US$"] == prefixes["USD"] == ("dollar", "currency")
    assert prefixes["£"] == prefixes["GBP"] == ("british pound", "currency")
    assert "ALL" not in prefixes and "TOP" not in prefixes  # codes that are English words


def test_given_texts_replace_the_shipped_files() -> None:
    texts = {
        REGISTRY_UNITS: "zorkmids\tzorkmid\tcurrency\n",
        UNITS: "ZK\tzorkmid\tcurrency\tcs before\n",
    }
    lexicons = read_lexicons(texts)
    assert lexicons.units == {"zorkmids": ("zorkmid", "currency")}
    assert lexicons.units_cs == {"ZK": ("zorkmid", "currency")}
    assert lexicons.prefixes == {"ZK": ("zorkmid", "currency")}
    with pytest.raises(ResourceError, match=rf"pipeline/{UNITS} line 1: .*before a number"):
        read_lexicons({UNITS: "km\tkilometre\tlength\tbefore\n"})
    assert lexicons.unit_re.match(" Zorkmids").group("unit") == "Zorkmids"
    assert lexicons.unit_cs_re.match("ZK") and not lexicons.unit_cs_re.match("zk")
    assert lexicons.modifiers == load_lexicons().modifiers


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        (UNITS, "barrels\tBarrel\tvolume\n", "must be lower case"),
        (UNITS, "barrels\tbarrel\t=\tci\n", "unknown flag"),
        (SCALES, "k\t1000\tcurrency\n", "unknown flag"),
        (SCALES, "lots\tmany\n", "not a number"),
        (MODIFIERS, "about\t?\n", "unknown change"),
        (MODIFIERS, "or more\t>=\tbefore\n", "unknown flag"),
        (CHANGE_VERBS, "soar\tsideways\n", "expected up or down"),
    ],
)
def test_a_malformed_entry_names_its_file_and_line(name: str, text: str, problem: str) -> None:
    with pytest.raises(ResourceError, match=rf"pipeline/{name} line 1: .*{problem}"):
        read_lexicons({name: text})


def test_the_unit_tries_match_the_longest_unit() -> None:
    lexicons = load_lexicons()
    for text, unit in [
        (" percent-owned", "percent-owned"),
        (" per cent", "per cent"),
        (" percentage points", "percentage points"),
        (" km/h", "km/h"),
        (" square kilometres", "square kilometres"),
        (" miles per hour", "miles per hour"),
        (" miles away", "miles"),
    ]:
        assert lexicons.unit_re.match(text).group("unit") == unit
    assert lexicons.unit_re.match(" kilometresque") is None


def test_currency_codes_are_units_in_lower_case_but_the_capital_ones() -> None:
    lexicons = load_lexicons()
    assert lexicons.units["jpy"] == ("japanese yen", "currency")
    assert lexicons.units["usd"] == ("dollar", "currency")
    assert "rub" not in lexicons.units  # a word in lower case: only "RUB" is the ruble
    assert lexicons.units_cs["RUB"] == ("russian ruble", "currency")
