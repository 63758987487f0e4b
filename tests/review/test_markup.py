"""The boundary sweep: overlapping marks give well-nested HTML whose text is the article's."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.review.markup import Mark, render_marks


class Collector(HTMLParser):
    """Checks nesting and collects the text inside each mark (by its ``data-m``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.inside: dict[str, list[str]] = {}
        self.elements: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        mark = dict(attrs).get("data-m")
        self.stack.append((tag, mark))
        if mark is not None:
            self.elements[mark] = self.elements.get(mark, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for mark in {m for _, m in self.stack if m is not None}:
            self.inside.setdefault(mark, []).append(data)


def parse(markup: str) -> Collector:
    collector = Collector()
    collector.feed(markup)
    collector.close()
    assert not collector.stack, f"unclosed: {collector.stack}"
    return collector


def marks_of(spans: list[tuple[int, int]]) -> list[Mark]:
    return [Mark(s, e, "m", (("data-m", str(i)),), rank=i % 3) for i, (s, e) in enumerate(spans)]


CASES = [
    ("nested", "Kim said the deal is off.", [(0, 25), (0, 3), (4, 8), (9, 24), (13, 17)]),
    ("crossing", "abcdefghij", [(0, 6), (3, 9), (5, 10)]),
    ("identical", "same span", [(0, 4), (0, 4), (0, 4)]),
    ("adjacent", "one two", [(0, 3), (3, 4), (4, 7)]),
    ("markup in text", "<script>alert('x')</script> & \"q\"", [(0, 8), (5, 20), (27, 33)]),
    ("astral", "oil \U0001f6e2 rose", [(4, 5), (0, 5), (5, 10)]),
    ("newlines", "para one\n\npara two", [(5, 14), (0, 8)]),
]


@pytest.mark.parametrize(("name", "text", "spans"), CASES, ids=[c[0] for c in CASES])
def test_every_mark_covers_exactly_its_text(name: str, text: str, spans: list) -> None:
    markup = render_marks(text, marks_of(spans))
    collector = parse(markup)
    assert "".join(collector.text) == text
    for i, (start, end) in enumerate(spans):
        assert "".join(collector.inside[str(i)]) == text[start:end], (name, i)
    assert "<script>" not in markup


def test_crossing_marks_are_split_not_broken() -> None:
    collector = parse(render_marks("abcdefghij", marks_of([(0, 6), (3, 9)])))
    assert sum(collector.elements.values()) == 3  # one of the two is split in two


@pytest.mark.parametrize(
    ("spans", "kept"),
    [([(2, 2)], []), ([(-1, 3)], []), ([(3, 99)], []), ([(5, 3)], []), ([(0, 4)], ["0"])],
    ids=["empty", "negative", "past the end", "reversed", "whole text"],
)
def test_marks_outside_the_text_are_dropped(spans: list, kept: list) -> None:
    collector = parse(render_marks("text", marks_of(spans)))
    assert "".join(collector.text) == "text"
    assert sorted(collector.inside) == kept


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(alphabet="ab <>&\"'\n\u201c\U0001f6e2", min_size=1, max_size=30))
    offsets = st.integers(min_value=0, max_value=len(text))
    pairs = draw(st.lists(st.tuples(offsets, offsets), max_size=8))
    return text, [(min(a, b), max(a, b)) for a, b in pairs if a != b]


@settings(max_examples=200, deadline=None)
@given(text_and_spans())
def test_any_overlap_gives_well_nested_html_with_exact_texts(case: tuple) -> None:
    text, spans = case
    collector = parse(render_marks(text, marks_of(spans)))
    assert "".join(collector.text) == text
    for i, (start, end) in enumerate(spans):
        assert "".join(collector.inside[str(i)]) == text[start:end]
