"""The HTML review: a static, offline site for checking who said what against the text.

``write_review(records, out_dir)`` writes ``index.html`` (articles with their
counts and three inline-SVG charts) and ``articles/<slug>.html`` per article:
the text with every claim's source, cue, content parts and addressee
highlighted (``class="claim claim-content"`` … ``data-claim="c3"``; the
``title`` shows the canonical speaker, stance and kind), entities, quantities
and dates marked, and tables of all four.

Pages are self-contained: the stylesheet is inlined, there is no script and
no external resource, and a Content-Security-Policy forbids both. Every piece
of record text goes through ``html.escape``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Any

from ..schema import STANCES
from . import charts
from .markup import Mark, render_marks
from .page import ARTICLES_DIR, render_page, resource
from .speakers import SPEAKERS_PAGE, render_speakers
from .tables import claims_table, dates_table, entities_table, esc, number_text, quantities_table

#: Outer-to-inner order of marks that cover the same characters.
RANK_CONTENT, RANK_ROLE, RANK_ENTITY, RANK_QUANTITY, RANK_DATE = range(5)
#: Longest slug taken from an article id for its page name.
MAX_SLUG = 80


def page_name(article_id: str, taken: set[str]) -> str:
    """A safe, unique file name for an article's page (``taken`` is updated)."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", article_id).strip("._")[:MAX_SLUG] or "article"
    name = f"{slug}.html"
    if slug != article_id or name.lower() in taken:
        digest = hashlib.sha1(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        name = f"{slug}-{digest}.html"
        counter = 2
        while name.lower() in taken:
            name = f"{slug}-{digest}-{counter}.html"
            counter += 1
    taken.add(name.lower())
    return name


def claim_title(claim: dict[str, Any]) -> str:
    """The hover text of a claim's highlights: id, speaker, stance, kind."""
    source = claim.get("source")
    if source:
        speaker = (
            f"{source.get('canonical') or source.get('text')} ({source.get('type') or 'unknown'})"
        )
    else:
        speaker = "no source named"
    stance, kind = claim.get("stance"), claim.get("kind")
    return f"{claim['id']} · speaker: {speaker} · stance: {stance} · kind: {kind}"


def claim_marks(claim: dict[str, Any]) -> list[Mark]:
    """The marks of one claim: each content part, the source, the cue and the addressee."""
    claim_id = claim["id"]
    title = claim_title(claim)
    stance = claim.get("stance") or "assert"
    common = (("data-claim", claim_id), ("title", title))
    content = claim["content"]
    parts = content.get("spans") or [[content["start"], content["end"]]]
    marks = [
        Mark(
            start,
            end,
            f"claim claim-content stance-{stance}",
            (*common, ("data-part", str(number))),
            RANK_CONTENT,
        )
        for number, (start, end) in enumerate(parts, start=1)
    ]
    for role in ("source", "cue", "addressee"):
        span = claim.get(role)
        if span:
            marks.append(Mark(span["start"], span["end"], f"claim claim-{role}", common, RANK_ROLE))
    return marks


def quantity_summary(quantity: dict[str, Any]) -> str:
    if quantity.get("value") is None:
        amount = f"{number_text(quantity.get('low'))}–{number_text(quantity.get('high'))}"
    else:
        amount = number_text(quantity["value"])
    text = f"{quantity.get('change') or '='} {amount}"
    if quantity.get("unit"):
        text += f" {quantity['unit']}"
    if quantity.get("per"):
        text += f" per {quantity['per']}"
    if quantity.get("object"):
        text += f" of {quantity['object']['text']}"
    return text


def date_summary(timex: dict[str, Any]) -> str:
    text = f"{timex.get('type')} {timex.get('value')}"
    if timex.get("mod"):
        text += f" ({timex['mod']})"
    interval = timex.get("interval")
    if interval:
        text += f" [{interval['start']} – {interval['end']})"
    return text


def record_marks(record: dict[str, Any]) -> list[Mark]:
    """Every mark of a record: claims, entities, quantities, dates."""
    marks: list[Mark] = []
    for claim in record.get("claims") or []:
        marks += claim_marks(claim)
    for entity in record.get("entities") or []:
        label = entity.get("label") or "ENT"
        title = f"{label} {entity.get('entity_id')}: {entity.get('canonical')}"
        marks.append(
            Mark(
                entity["start"],
                entity["end"],
                f"ent ent-{label}",
                (("data-entity", str(entity.get("entity_id"))), ("title", title)),
                RANK_ENTITY,
            )
        )
    for index, quantity in enumerate(record.get("quantities") or []):
        marks.append(
            Mark(
                quantity["start"],
                quantity["end"],
                "qty",
                (("data-quantity", str(index)), ("title", quantity_summary(quantity))),
                RANK_QUANTITY,
            )
        )
    for index, timex in enumerate(record.get("dates") or []):
        marks.append(
            Mark(
                timex["start"],
                timex["end"],
                "timex",
                (("data-date", str(index)), ("title", date_summary(timex))),
                RANK_DATE,
            )
        )
    return marks


def _claim_style(record: dict[str, Any]) -> str:
    """Hovering one part of a claim (or its table row) outlines all of its parts."""
    rules = []
    for claim in record.get("claims") or []:
        claim_id = re.sub(r"[^A-Za-z0-9_-]", "", str(claim["id"]))
        rules.append(
            f'body:has([data-claim="{claim_id}"]:hover, [data-row-claim="{claim_id}"]:hover) '
            f'[data-claim="{claim_id}"] {{ outline: 2px solid var(--ink); }}'
        )
    return "\n".join(rules)


def _meta_line(record: dict[str, Any]) -> str:
    meta = record.get("meta") or {}
    source = record.get("source") or {}
    parts = [f"id {esc(record['id'])}"]
    for key in ("date", "publisher", "url"):
        if meta.get(key):
            parts.append(f"{key} {esc(meta[key])}")
    if source.get("path"):
        where = source["path"] + (f" line {source['line']}" if source.get("line") else "")
        parts.append(f"from {esc(where)}")
    pipeline = record.get("pipeline") or {}
    parts.append(f"newsclaims {esc(pipeline.get('version'))}, {esc(pipeline.get('model'))}")
    return " · ".join(parts)


def _problems(record: dict[str, Any]) -> str:
    out = []
    error = record.get("error")
    if error:
        out.append(
            f'<p class="error">Error {esc(error.get("code"))}: {esc(error.get("message"))}</p>'
        )
    warnings = record.get("warnings") or []
    if warnings:
        items = "".join(f"<li>{esc(w.get('code'))}: {esc(w.get('message'))}</li>" for w in warnings)
        out.append(f'<ul class="warnings">{items}</ul>')
    return "\n".join(out)


def render_article(record: dict[str, Any], *, index_href: str = "../index.html") -> str:
    """The review page of one record."""
    text = record.get("text") or ""
    title = (record.get("meta") or {}).get("title") or record["id"]
    main = Template(resource("article.html")).substitute(
        title=esc(title),
        meta=_meta_line(record),
        problems=_problems(record),
        text=render_marks(text, record_marks(record)),
        claim_count=len(record.get("claims") or []),
        entity_count=len(record.get("entities") or []),
        quantity_count=len(record.get("quantities") or []),
        date_count=len(record.get("dates") or []),
        claims_table=claims_table(record),
        entities_table=entities_table(record),
        quantities_table=quantities_table(record),
        dates_table=dates_table(record),
    )
    return render_page(
        title=esc(title),
        style=resource("style.css") + "\n" + _claim_style(record),
        header=f'<a href="{esc(index_href)}">← all articles</a> · newsclaims review',
        main=main,
    )


@dataclass
class ReviewSummary:
    """What ``write_review`` wrote."""

    out_dir: Path
    index: Path
    pages: dict[str, Path] = field(default_factory=dict)  # article id -> page
    claims: int = 0
    speakers: Path | None = None  # speakers.html: who speaks across the articles

    def describe(self) -> str:
        return f"{len(self.pages)} articles, {self.claims} claims -> {self.index}"


def _light(record: dict[str, Any]) -> dict[str, Any]:
    """What the index needs of a record once its page is written (not its text)."""
    return {
        "id": record["id"],
        "meta": record.get("meta") or {},
        "error": record.get("error"),
        "counts": {
            key: len(record.get(key) or [])
            for key in ("entities", "quantities", "dates", "claims", "warnings")
        },
        "claims": [
            {
                "id": c.get("id"),
                "source": {
                    key: (c.get("source") or {}).get(key) for key in ("text", "canonical", "type")
                }
                if c.get("source")
                else None,
                "stance": c.get("stance"),
            }
            for c in record.get("claims") or []
        ],
        "dates": [{"interval": d.get("interval")} for d in record.get("dates") or []],
    }


def render_index(articles: list[dict[str, Any]], pages: list[str], *, source: str = "") -> str:
    """The index page of ``articles`` (as reduced by ``_light``), linking to ``pages``."""
    rows = []
    totals = {key: 0 for key in ("entities", "quantities", "dates", "claims", "warnings")}
    for number, (article, page) in enumerate(zip(articles, pages, strict=True), start=1):
        meta, counts, error = article["meta"], article["counts"], article["error"]
        for key in totals:
            totals[key] += counts[key]
        cells = [
            f'<td class="num">{number}</td>',
            f'<td><a href="{esc(ARTICLES_DIR + "/" + page)}">{esc(article["id"])}</a></td>',
            f"<td>{esc(meta.get('title'))}</td>",
            f'<td class="nowrap">{esc(meta.get("date"))}</td>',
            f"<td>{esc(meta.get('publisher'))}</td>",
            *(
                f'<td class="num">{counts[key]}</td>'
                for key in ("entities", "quantities", "dates", "claims", "warnings")
            ),
            f"<td>{esc(error.get('code')) if error else ''}</td>",
        ]
        css = ' class="has-error"' if error else ""
        rows.append(f"<tr{css}>{''.join(cells)}</tr>")
    totals_line = ", ".join(f"{count} {key}" for key, count in totals.items())
    main = Template(resource("index.html")).substitute(
        count=len(articles),
        totals=esc(totals_line),
        chart_sources=charts.bar_chart(
            charts.claims_per_source(articles), title="Claims per source"
        ),
        chart_stance=charts.bar_chart(
            charts.stance_split(articles, STANCES), title="Stance", css_class="stance"
        ),
        chart_months=charts.column_chart(
            charts.dates_by_month(articles), title="Dates mentioned, by month"
        ),
        rows="\n".join(rows),
    )
    return render_page(
        title=f"newsclaims review: {len(articles)} articles",
        style=resource("style.css"),
        header="newsclaims review" + (f" · {esc(source)}" if source else ""),
        main=main,
    )


def write_review(
    records: Iterable[dict[str, Any]], out_dir: str | Path, *, source: str = ""
) -> ReviewSummary:
    """Write the review site of ``records`` into ``out_dir``; pages are written as records come."""
    out_dir = Path(out_dir)
    pages_dir = out_dir / ARTICLES_DIR
    pages_dir.mkdir(parents=True, exist_ok=True)
    summary = ReviewSummary(out_dir=out_dir, index=out_dir / "index.html")
    articles, pages, taken = [], [], set()
    for record in records:
        name = page_name(str(record["id"]), taken)
        path = pages_dir / name
        path.write_text(render_article(record), encoding="utf-8")
        summary.pages[str(record["id"])] = path
        summary.claims += len(record.get("claims") or [])
        articles.append(_light(record))
        pages.append(name)
    summary.index.write_text(render_index(articles, pages, source=source), encoding="utf-8")
    by_id = {article["id"]: page for article, page in zip(articles, pages, strict=True)}
    summary.speakers = out_dir / SPEAKERS_PAGE
    summary.speakers.write_text(render_speakers(articles, by_id, source=source), encoding="utf-8")
    return summary


def clear_review(out_dir: str | Path) -> None:
    """Remove the pages a previous review wrote in ``out_dir`` (nothing else)."""
    out_dir = Path(out_dir)
    for page in (out_dir / ARTICLES_DIR).glob("*.html"):
        page.unlink()
    (out_dir / "index.html").unlink(missing_ok=True)
    (out_dir / SPEAKERS_PAGE).unlink(missing_ok=True)
