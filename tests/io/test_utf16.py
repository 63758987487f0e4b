"""UTF-16 offsets (Label Studio's) against Python's, both ways."""

from __future__ import annotations

import pytest

from pipeline.io.utf16 import Utf16Offsets


@pytest.mark.parametrize(
    "text",
    ["", "plain text", "Kim 😀 said “yes” 𝄞 twice 😀😀.", "😀", "中文 and é, no pairs"],
)
def test_offsets_agree_with_utf16_encoding_both_ways(text: str) -> None:
    offsets = Utf16Offsets(text)
    for i in range(len(text) + 1):
        unit = len(text[:i].encode("utf-16-le")) // 2
        assert offsets.to_utf16(i) == unit
        assert offsets.from_utf16(unit) == i


def test_a_character_outside_the_bmp_takes_two_units() -> None:
    offsets = Utf16Offsets("a😀b")
    assert [offsets.to_utf16(i) for i in range(4)] == [0, 1, 3, 4]
