"""Names as the stage compares them."""

from __future__ import annotations

import pytest

from pipeline.components.entities.names import canonical_name, name_key, name_tokens


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Kim Jong-un", ("kim", "jong", "un")),
        ("Kim Jong Un", ("kim", "jong", "un")),
        ("the U.S.", ("us",)),
        ("South Korea’s", ("south", "korea")),
        ("her State Department", ("state", "department")),
        ("Her Majesty", ("her", "majesty")),
    ],
)
def test_name_tokens(text: str, expected: tuple[str, ...]) -> None:
    assert name_tokens(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("the  White\nHouse", "White House"),
        ("South Korea’s", "South Korea"),
        ("Reuters'", "Reuters"),
        ("her State Department", "State Department"),
        ("Her Majesty", "Her Majesty"),
        ("The", "The"),  # nothing would be left: keep the word
    ],
)
def test_canonical_name(text: str, expected: str) -> None:
    assert canonical_name(text) == expected


def test_spellings_of_one_name_share_a_key() -> None:
    assert name_key("The U.S.") == name_key("US") == "us"
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un") == "kim jong un"
    assert name_key("Kim Jong-un") != name_key("Kim Yo-jong")
