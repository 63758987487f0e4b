"""Article text as HTML with overlapping marks, built by a sweep over span boundaries.

Spans in a record overlap freely (a claim's content holds entities, dates and
other claims' sources), so the markup is never made by replacing strings in
the text. ``render_marks`` walks the sorted start and end offsets once, keeps
a stack of open elements, and at each boundary closes what ends there,
re-opening the elements that were closed early only to keep the HTML nested.
Every piece of text is escaped with ``html.escape``; attribute values too.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mark:
    """One highlighted span: ``text[start:end]`` inside ``<tag class=... attrs...>``.

    ``rank`` orders marks that start and end at the same offsets: lower ranks
    are outer elements.
    """

    start: int
    end: int
    classes: str
    attrs: tuple[tuple[str, str], ...] = field(default=())
    rank: int = 0
    tag: str = "span"

    def open_tag(self) -> str:
        attrs = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in self.attrs)
        return f'<{self.tag} class="{html.escape(self.classes, quote=True)}"{attrs}>'

    def close_tag(self) -> str:
        return f"</{self.tag}>"


def valid_marks(marks: Iterable[Mark], length: int) -> list[Mark]:
    """The marks that cover at least one character inside ``[0, length)``."""
    return [m for m in marks if 0 <= m.start < m.end <= length]


def render_marks(text: str, marks: Iterable[Mark]) -> str:
    """Escaped ``text`` with every mark as a (possibly split) element, always well nested.

    A mark whose element has to be split (it overlaps another without nesting)
    gives several elements with the same attributes, so ``data-*`` ties them.
    """
    marks = valid_marks(marks, len(text))
    # Outer first: earlier start, then longer, then lower rank.
    order = sorted(range(len(marks)), key=lambda i: (marks[i].start, -marks[i].end, marks[i].rank))
    starts: dict[int, list[int]] = {}
    for i in order:
        starts.setdefault(marks[i].start, []).append(i)
    boundaries = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})

    out: list[str] = []
    stack: list[int] = []  # indices into marks, outermost first
    for position, next_position in zip(boundaries, boundaries[1:] + [None], strict=True):
        ending = [depth for depth, i in enumerate(stack) if marks[i].end == position]
        if ending:
            lowest = ending[0]
            reopen = [i for i in stack[lowest:] if marks[i].end != position]
            for i in reversed(stack[lowest:]):
                out.append(marks[i].close_tag())
            del stack[lowest:]
            opening = reopen + starts.get(position, [])
        else:
            opening = list(starts.get(position, []))
        # Elements that end later go outside, so that fewer need splitting later.
        opening.sort(key=lambda i: (-marks[i].end, marks[i].start, marks[i].rank))
        for i in opening:
            out.append(marks[i].open_tag())
            stack.append(i)
        if next_position is not None:
            out.append(html.escape(text[position:next_position], quote=True))
    for i in reversed(stack):  # only marks ending at len(text), already closed; kept for safety
        out.append(marks[i].close_tag())
    return "".join(out)
