"""Quote marks: where quotations start and end in a text (character offsets).

Curly double quotes pair by shape; straight double quotes by position
(opening after a space, bracket or dash, closing otherwise). A quotation that
runs over several paragraphs repeats its opening mark on each paragraph and
closes only at the end (the newspaper convention): such paragraphs are merged
into one quotation. Single quotes are not quotation marks here: "’" is far more
often an apostrophe ("imperialists’") than a closing mark.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
_OPEN_BEFORE = set(" \t\n([{—–-/") | {""}
#: Tokens that are quote marks in a parsed doc (the tokenizer keeps "''" and "``" whole).
QUOTE_TOKENS = frozenset({"“", "”", '"', "''", "``"})


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end when unclosed)
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def quote_at(quotes: list[Quote], offset: int) -> Quote | None:
    """The quotation whose marks enclose ``offset`` (strictly inside), if any.

    ``quotes`` are disjoint and sorted, as ``find_quotes`` gives them, so only the
    last one opening before ``offset`` can enclose it (a binary search: this is
    asked for every token of the doc).
    """
    index = bisect_left(quotes, offset, key=_start) - 1
    if index >= 0 and offset < quotes[index].end:
        return quotes[index]
    return None


def quotes_overlapping(quotes: list[Quote], start: int, end: int) -> list[Quote]:
    """The quotations overlapping ``[start, end)``, in order (``quotes`` disjoint and sorted)."""
    low = bisect_right(quotes, start, key=_end)  # the first one ending after ``start``
    high = bisect_left(quotes, end, key=_start)  # the first one opening at or after ``end``
    return [quote for quote in quotes[low:high] if quote.start < end and start < quote.end]


def quote_relation(quotes: list[Quote], start: int, end: int) -> str:
    """How ``[start, end)`` stands to the quotations: "inside" one, "touches" one
    (or several) without lying inside it, or "none"."""
    touching = quotes_overlapping(quotes, start, end)
    if not touching:
        return "none"
    return "inside" if any(q.start <= start and end <= q.end for q in touching) else "touches"


def quote_opening_at_or_after(quotes: list[Quote], offset: int) -> Quote | None:
    """The first quotation whose opening mark is at or after ``offset``."""
    index = bisect_left(quotes, offset, key=_start)
    return quotes[index] if index < len(quotes) else None


def last_quote_closing_by(quotes: list[Quote], offset: int) -> Quote | None:
    """The last quotation that ends at or before ``offset``."""
    index = bisect_right(quotes, offset, key=_end) - 1
    return quotes[index] if index >= 0 else None


def _start(quote: Quote) -> int:
    return quote.start


def _end(quote: Quote) -> int:
    return quote.end


def _marks(text: str) -> list[tuple[int, str, int]]:
    """(offset, "open" | "close", length) for each double quote mark.

    Two apostrophes ("''", the New York Times' archive convention) are one
    straight double quote.
    """
    marks = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        length = 2 if text.startswith("''", i) else 1
        if ch == OPENING:
            # An opening mark closing a quotation ("It's unusual,“ he said") is a typo for ”.
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < n else ""
            # So is one right after a word and before a space or punctuation
            # ("an “expedited review“ of", "the year.“"): an opening mark follows a space.
            typo = (
                before
                and not before.isspace()
                and before not in _OPEN_BEFORE
                and (not after or after.isspace() or _is_punct(after))
            )
            marks.append((i, "close" if typo else "open", 1))
        elif ch == CLOSING:
            # A closing mark opening a paragraph ("”Mr. Trump embodies …") is a typo for “.
            at_start = i == 0 or text[i - 1] == "\n"
            after = text[i + 1] if i + 1 < n else ""
            marks.append((i, "open" if at_start and after and not after.isspace() else "close", 1))
        elif ch == STRAIGHT or length == 2:
            before = text[i - 1] if i else ""
            after = text[i + length] if i + length < n else ""
            if before in _OPEN_BEFORE and after and not after.isspace():
                marks.append((i, "open", length))
            else:
                marks.append((i, "close", length))
        i += length if length == 2 else 1
    return marks


def _paragraph_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def find_quotes(text: str) -> tuple[list[Quote], tuple[int, int]]:
    """The quotations of ``text`` and the (opening, closing) mark counts.

    The quotations are disjoint and sorted by offset (``quote_at`` and the
    claims stage rely on it): each style's pairing gives them one after another,
    and a straight-quoted one overlapping a curly one is dropped.

    Curly and straight marks are paired separately (a stray straight mark in a
    curly-quoted text must not swallow a paragraph); a straight-quoted
    quotation overlapping a curly one is dropped.
    """
    marks = _marks(text)
    opened = sum(1 for _, kind, _ in marks if kind == "open")
    closed = len(marks) - opened
    curly = _pair(
        text, [m for m in marks if text[m[0]] in (OPENING, CLOSING)]
    )  # by shape and position
    # “… closed by a straight mark," (mixed styles): close there, not at the paragraph end,
    # nor at a later curly mark ("“A," she said. "B.”": A ends at the straight mark).
    straight_marks = [m for m in marks if text[m[0]] not in (OPENING, CLOSING)]
    straight_offsets = [offset for offset, _, _ in straight_marks]
    curly = [_cut_at_straight(q, straight_marks, straight_offsets) for q in curly]
    curly = [q if q.closed else _close_on(text, q, STRAIGHT) for q in curly]
    straight = _pair(text, [m for m in marks if text[m[0]] not in (OPENING, CLOSING)])
    straight = [q if q.closed else _close_on(text, q, CLOSING) for q in straight]
    quotes = curly + [
        q for q in straight if not any(c.start < q.end and q.start < c.end for c in curly)
    ]
    return sorted(quotes, key=lambda q: q.start), (opened, closed)


def _is_punct(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def _cut_at_straight(
    quote: Quote, straight_marks: list[tuple[int, str, int]], offsets: list[int]
) -> Quote:
    """A curly quotation in which a straight closing mark comes before a straight
    opening one ("“A," she said. "B.”") mixes styles: it ends at that closing mark.
    (A straight quotation nested in a curly one opens before it closes.)

    ``offsets`` are the marks' offsets, in order: the marks inside are found by
    bisection, not by a scan of all of them for every quotation."""
    first, last = bisect_right(offsets, quote.start), bisect_left(offsets, quote.end)
    inside = [(offset, kind) for offset, kind, _ in straight_marks[first:last]]
    for (offset, kind), (_, next_kind) in pairwise(inside):
        if kind == "close" and next_kind == "open":
            return Quote(quote.start, offset + 1)
        if kind == "open":
            return quote
    return quote


def _close_on(text: str, quote: Quote, mark: str) -> Quote:
    """An unclosed quotation closed by a mark of the other style in its paragraph."""
    end = text.find(mark, quote.start + 1, quote.end)
    if end < 0 or "\n" in text[quote.start : end]:
        return quote
    return Quote(quote.start, end + 1)


def _pair(text: str, marks: list[tuple[int, str, int]]) -> list[Quote]:
    """Pair opening and closing marks of one style into quotations."""
    quotes: list[Quote] = []
    start: int | None = None  # offset of the pending opening mark
    continued_from: int | None = None  # start of a quotation continued over paragraphs
    for offset, kind, length in marks:
        if start is not None and "\n" in text[start:offset]:
            # The quotation was not closed in its paragraph.
            para_end = _paragraph_end(text, start)
            next_para = para_end + 1
            while next_para < len(text) and text[next_para] in " \t\n":
                next_para += 1
            if kind == "open" and offset == next_para:
                # Continued on the next paragraph: keep the first opening mark.
                continued_from = continued_from if continued_from is not None else start
                start = offset
                continue
            quotes.append(
                Quote(
                    continued_from if continued_from is not None else start, para_end, closed=False
                )
            )
            start, continued_from = None, None
        if kind == "open":
            if start is None:
                start = offset
            # A second opening mark before a closing one: nested or stray; keep the first.
        elif start is not None:
            quotes.append(
                Quote(continued_from if continued_from is not None else start, offset + length)
            )
            start, continued_from = None, None
    if start is not None:
        quotes.append(
            Quote(
                continued_from if continued_from is not None else start,
                _paragraph_end(text, start),
                closed=False,
            )
        )
    return quotes
