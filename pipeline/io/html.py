"""Main text of an HTML article: markup parsed (never rendered, never fetched from).

Scripts, styles, navigation, headers, footers, asides and forms are dropped;
the article is the largest ``<article>``, else ``<main>``, else ``<body>``.
Each block element (paragraph, heading, list item, …) becomes one line, with
its inner white space folded, so the text reads like the plain-text articles.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "figure",
    "head",
)
BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "figcaption",
    "address",
    "body",
}
SPACES = re.compile(r"\s+")


def html_to_text(markup: str) -> tuple[str | None, str]:
    """``(title, text)`` of an HTML page; ``(None, "")`` when there is no text."""
    if not markup.strip():
        return None, ""
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True
    )
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError):
        return None, ""
    title = _title(root)
    for element in list(root.iter(*DROP_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    articles = root.findall(".//article")
    if articles:
        main = max(articles, key=lambda e: len(e.text_content()))
    else:
        main = next(
            (e for e in (root.find(".//main"), root.find(".//body")) if e is not None), root
        )
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = SPACES.sub(" ", "".join(current)).strip()
        if line:
            blocks.append(line)
        current.clear()

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag.lower() in BLOCK_TAGS
        if block:
            flush()
        if element.text:
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(main)
    flush()
    return title, "\n".join(blocks)


def _title(root: etree._Element) -> str | None:
    for xpath in ('//meta[@property="og:title"]/@content', "//title/text()", "//h1//text()"):
        found = root.xpath(xpath)
        if found:
            title = SPACES.sub(" ", " ".join(str(part) for part in found)).strip()
            if title:
                return title
    return None
