"""The shell every review page shares: its templates, the page around a ``main``, the folders.

Templates and the stylesheet are package data in ``pipeline/resources/review/``;
``page.html`` carries the Content-Security-Policy and the inlined style.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from string import Template

#: The folder of the article pages, beside ``index.html``.
ARTICLES_DIR = "articles"


@cache
def resource(name: str) -> str:
    """The text of the review template or stylesheet ``name``."""
    return (files("pipeline") / "resources" / "review" / name).read_text(encoding="utf-8")


def render_page(*, title: str, style: str, header: str, main: str) -> str:
    """A whole page: the shared shell (``page.html``: policy, inlined style) around ``main``.

    ``title`` and ``header`` are escaped HTML; ``main``'s final newline is the page's own.
    """
    main = main.removesuffix("\n")
    return Template(resource("page.html")).substitute(
        title=title, style=style, header=header, main=main
    )
