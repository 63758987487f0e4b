"""The page shell every review page shares."""

from __future__ import annotations

from pipeline.review.page import render_page, resource


def test_the_page_wraps_main_with_the_policy_and_the_style() -> None:
    html = render_page(title="T &amp; U", style="p{}", header="<b>h</b>", main="<p>x</p>\n")
    assert "<title>T &amp; U</title>" in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<style>\np{}\n</style>" in html
    assert "<main>\n<p>x</p>\n</main>" in html  # main's final newline is the page's own


def test_resources_are_the_shipped_templates() -> None:
    assert resource("page.html").startswith("<!DOCTYPE html>")
    assert "${rows}" in resource("speakers.html")
