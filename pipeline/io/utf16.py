"""Offsets in UTF-16 code units, as Label Studio counts them, and back.

Python counts code points; a character outside the Basic Multilingual Plane
(an emoji, some CJK) is one code point and two UTF-16 code units. The
Label Studio export writes ``to_utf16`` offsets and the import reads them back
with ``from_utf16``; a text with no such character has the same offsets both ways.
"""

from __future__ import annotations

from bisect import bisect_left


class Utf16Offsets:
    """Conversions between Python ``str`` offsets and UTF-16 offsets for one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        #: Code-point offsets of the characters that take two UTF-16 units.
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        #: The UTF-16 offset of each of those characters.
        self.astral16 = [i + n for n, i in enumerate(self.astral)]

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 offset of the code-point ``offset``."""
        return offset + bisect_left(self.astral, offset)

    def from_utf16(self, unit: int) -> int:
        """The code-point offset of the UTF-16 ``unit`` (inside a pair: the character's)."""
        return unit - bisect_left(self.astral16, unit)
