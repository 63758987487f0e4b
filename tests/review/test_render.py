"""The review pages: every claim highlighted and tied by its id, text escaped, nothing external."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.article import Article
from pipeline.errors import Errors
from pipeline.review import write_review
from pipeline.review.render import page_name, render_article
from pipeline.schema import article_record

from ..records import hand_record, pipeline_records

ROLES = ("claim-content", "claim-source", "claim-cue", "claim-addressee")


class Highlights(HTMLParser):
    """Text inside each claim element, by (claim id, role, part); plus every tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, str | None]] = []
        self.texts: dict[tuple[str, str, str | None], str] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.titles: dict[str, set[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in ("meta", "br", "line", "rect", "img", "link", "input"):
            return  # void elements (and SVG shapes closed by "/>")
        self.stack.append(attributes)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("meta", "br", "line", "rect", "img", "link", "input"):
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for attributes in self.stack:
            claim = attributes.get("data-claim")
            if claim is None:
                continue
            classes = (attributes.get("class") or "").split()
            role = next(r for r in ROLES if r in classes)
            key = (claim, role, attributes.get("data-part"))
            self.texts[key] = self.texts.get(key, "") + data
            self.titles.setdefault(claim, set()).add(attributes.get("title") or "")


def highlights(page: str) -> Highlights:
    parser = Highlights()
    parser.feed(page)
    parser.close()
    return parser


FORBIDDEN_TAGS = {"script", "link", "iframe", "object", "embed", "img", "base", "form", "frame"}
LOADING_ATTRIBUTES = {"src", "srcset", "action", "formaction", "background", "poster", "data"}


def assert_self_contained(page: str) -> None:
    """No script, no tag that loads anything, no event handler, only relative links."""
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    for tag, attributes in highlights(page).tags:
        assert tag not in FORBIDDEN_TAGS, tag
        for name, value in attributes.items():
            assert name not in LOADING_ATTRIBUTES and not name.startswith("on"), (tag, name)
            if name in ("href", "xlink:href"):
                assert not re.match(r"\s*([a-z][a-z0-9+.-]*:|//)", value or "", re.I), value
    for style in re.findall(r"<style>(.*?)</style>", page, re.S):
        assert "url(" not in style and "@import" not in style


def assert_claims_highlighted(record: dict, page: str) -> None:
    found = highlights(page)
    claim_ids = {claim for claim, role, _ in found.texts if role == "claim-content"}
    assert claim_ids == {c["id"] for c in record["claims"]}
    text = record["text"]
    for claim in record["claims"]:
        content = claim["content"]
        parts = content.get("spans") or [[content["start"], content["end"]]]
        for number, (start, end) in enumerate(parts, start=1):
            assert found.texts[(claim["id"], "claim-content", str(number))] == text[start:end]
        for role in ("source", "cue", "addressee"):
            if claim[role]:
                assert found.texts[(claim["id"], f"claim-{role}", None)] == claim[role]["text"]
        (title,) = found.titles[claim["id"]]
        assert f"stance: {claim['stance']}" in title and f"kind: {claim['kind']}" in title
        if claim["source"]:
            assert claim["source"]["canonical"] in title


@pytest.mark.model
def test_pipeline_records_render_every_claim(nlp, tmp_path: Path) -> None:
    records = pipeline_records(nlp)
    summary = write_review(records, tmp_path / "review")
    assert sorted(summary.pages) == sorted(r["id"] for r in records)
    for record in records:
        page = summary.pages[record["id"]].read_text(encoding="utf-8")
        assert_self_contained(page)
        assert_claims_highlighted(record, page)
    index = summary.index.read_text(encoding="utf-8")
    assert_self_contained(index)
    assert index.count("<svg") == 3 - index.count('class="chart-empty"')
    for path in summary.pages.values():
        assert f'href="articles/{path.name}"' in index


def test_hand_record_overlaps_parts_and_escaping() -> None:
    record = hand_record()
    page = render_article(record)
    assert_self_contained(page)
    assert_claims_highlighted(record, page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "A &lt;b&gt;hand&lt;/b&gt; record" in page
    assert "Wire &amp; Co" in page
    assert page.count('data-claim="c1"') >= 4  # two content parts, source and cue
    assert 'class="claim claim-content stance-deny"' in page
    found = highlights(page)
    assert found.texts[("c2", "claim-addressee", None)] == "reporters"


def test_injection_in_ids_titles_and_text_stays_text(tmp_path: Path) -> None:
    record = hand_record()
    record["id"] = '"><script>window.__pwned=1</script>'
    record["text"] = record["text"].replace("alert(1)", "window.__pwned=1")
    record["meta"]["title"] = "<img src=x onerror=alert(1)>"
    record["meta"]["url"] = "javascript:alert(1)"
    for claim in record["claims"]:
        for role in ("source", "cue", "content", "addressee"):
            if claim[role]:
                claim[role]["text"] = record["text"][claim[role]["start"] : claim[role]["end"]]
    summary = write_review([record], tmp_path)
    for path in (summary.index, *summary.pages.values()):
        page = path.read_text(encoding="utf-8")
        assert_self_contained(page)
        assert "<img" not in page and "<script" not in page
    assert summary.pages[record["id"]].parent == tmp_path / "articles"


@pytest.mark.parametrize(
    ("article_id", "expected"),
    [
        ("000_0310359b324a0dcd", "000_0310359b324a0dcd.html"),
        ("feed-2", "feed-2.html"),
        ("../../etc/passwd", "etc_passwd-"),
        ("a b/c", "a_b_c-"),
        ("", "article-"),
    ],
)
def test_page_names_are_safe_and_unique(article_id: str, expected: str) -> None:
    taken: set[str] = set()
    name = page_name(article_id, taken)
    assert name.startswith(expected) and "/" not in name and name.endswith(".html")
    assert page_name(article_id, taken) != name  # a duplicate id gets its own page


def test_error_record_gets_a_page_with_its_error(tmp_path: Path) -> None:
    article = Article(
        id="broken", text="", path="in/x.bin", error=Errors.E005.as_dict(path="x.bin")
    )
    summary = write_review([article_record(article, None, model="m"), hand_record()], tmp_path)
    page = summary.pages["broken"].read_text(encoding="utf-8")
    assert "E005" in page and "binary" in page
    index = summary.index.read_text(encoding="utf-8")
    assert 'class="has-error"' in index and "2 articles" in index
