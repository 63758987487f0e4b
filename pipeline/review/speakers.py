"""The review's speakers page: who speaks across the articles (``speakers.html``).

The rows are ``corpus.speakers.speaker_rows`` of the records, the same data
the DuckDB export's ``speakers_across_articles`` view gives; every piece of
record text goes through ``html.escape``.
"""

from __future__ import annotations

from string import Template
from typing import Any

from ..corpus.speakers import SpeakerRow, speaker_rows
from .page import ARTICLES_DIR, render_page, resource
from .tables import esc

SPEAKERS_PAGE = "speakers.html"


def speaker_row_html(row: SpeakerRow, pages: dict[str, str]) -> str:
    speaker = row.speaker
    links = ", ".join(
        f'<a href="{esc(ARTICLES_DIR + "/" + pages[a])}">{esc(a)}</a>' if a in pages else esc(a)
        for a in row.articles
    )
    roles = "; ".join([*speaker.titles, *speaker.organisations])
    cells = [
        f"<td>{esc(speaker.name)}</td>",
        f"<td><code>{esc(speaker.speaker_id)}</code></td>",
        f"<td>{esc(speaker.type)}</td>",
        f'<td class="num">{len(row.articles)}</td>',
        f'<td class="num">{row.claims}</td>',
        f'<td class="num">{row.denials}</td>',
        f'<td class="num">{row.accusations}</td>',
        f'<td class="nowrap">{esc(row.first_date)}</td>',
        f'<td class="nowrap">{esc(row.last_date)}</td>',
        f"<td>{esc(', '.join(speaker.names))}</td>",
        f"<td>{esc(roles)}</td>",
        f"<td>{links}</td>",
    ]
    return f'<tr data-speaker="{esc(speaker.speaker_id)}">{"".join(cells)}</tr>'


def render_speakers(
    articles: list[dict[str, Any]], pages: dict[str, str], *, source: str = ""
) -> str:
    """The speakers page of ``articles`` (records, or the index's reduced ones)."""
    rows = speaker_rows(articles)
    main = Template(resource(SPEAKERS_PAGE)).substitute(
        count=len(rows), rows="\n".join(speaker_row_html(row, pages) for row in rows)
    )
    return render_page(
        title=f"newsclaims review: {len(rows)} speakers",
        style=resource("style.css"),
        header='<a href="index.html">← all articles</a> · newsclaims review'
        + (f" · {esc(source)}" if source else ""),
        main=main,
    )
