"""The review's tables of claims, entities, quantities and dates, and its escaping.

Every cell is escaped HTML: record text goes through ``esc`` (``html.escape``).
"""

from __future__ import annotations

import html
from typing import Any


def esc(value: object) -> str:
    """``value`` as escaped HTML text; ``None`` as an empty string."""
    return "" if value is None else html.escape(str(value), quote=True)


def number_text(value: Any) -> str:
    """A number as the review shows it: 44655.0 -> "44,655"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def _table(
    headers: list[str],
    rows: list[list[str]],
    *,
    empty: str,
    numeric: set[int] = frozenset(),
    row_attrs: list[str] | None = None,
) -> str:
    """A table from already-escaped cells."""
    if not rows:
        return f'<p class="muted">{esc(empty)}</p>'
    head = "".join(
        f'<th class="num">{esc(h)}</th>' if i in numeric else f"<th>{esc(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = []
    for r, row in enumerate(rows):
        attrs = row_attrs[r] if row_attrs else ""
        cells = "".join(
            f'<td class="num">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
            for i, cell in enumerate(row)
        )
        body.append(f"<tr{attrs}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _span_text(span: dict[str, Any] | None) -> str:
    return esc(span["text"]) if span else '<span class="muted">—</span>'


def claims_table(record: dict[str, Any]) -> str:
    rows, attrs = [], []
    for claim in record.get("claims") or []:
        source = claim.get("source") or {}
        content = claim["content"]
        parts = content.get("spans") or [[content["start"], content["end"]]]
        content_text = " … ".join(record["text"][start:end] for start, end in parts)
        rows.append(
            [
                f'<a href="#text">{esc(claim["id"])}</a>',
                _span_text(claim.get("source")),
                esc(source.get("canonical")),
                esc(source.get("type")),
                _span_text(claim.get("cue")),
                esc(claim.get("stance")),
                esc(claim.get("kind")),
                _span_text(claim.get("addressee")),
                f'<div class="content-cell">{esc(content_text)}</div>',
            ]
        )
        attrs.append(f' id="row-{esc(claim["id"])}" data-row-claim="{esc(claim["id"])}"')
    return _table(
        [
            "id",
            "source",
            "speaker (canonical)",
            "type",
            "cue",
            "stance",
            "kind",
            "addressee",
            "content",
        ],
        rows,
        empty="No claims.",
        row_attrs=attrs,
    )


def entities_table(record: dict[str, Any]) -> str:
    clusters: dict[str, dict[str, Any]] = {}
    for entity in record.get("entities") or []:
        cluster = clusters.setdefault(
            str(entity.get("entity_id")),
            {"canonical": entity.get("canonical"), "label": entity.get("label"), "mentions": []},
        )
        cluster["mentions"].append(entity["text"])
    rows = [
        [
            esc(entity_id),
            esc(c["canonical"]),
            esc(c["label"]),
            str(len(c["mentions"])),
            esc(", ".join(dict.fromkeys(c["mentions"]))),
        ]
        for entity_id, c in clusters.items()
    ]
    return _table(
        ["id", "canonical", "label", "mentions", "as written"],
        rows,
        empty="No entities.",
        numeric={3},
    )


def quantities_table(record: dict[str, Any]) -> str:
    rows = [
        [
            str(i),
            esc(q["text"]),
            esc(q.get("change")),
            esc(number_text(q.get("value")) if q.get("value") is not None else ""),
            esc(q.get("low")),
            esc(q.get("high")),
            esc(q.get("unit")),
            esc(q.get("per")),
            _span_text(q.get("object")),
        ]
        for i, q in enumerate(record.get("quantities") or [])
    ]
    return _table(
        ["#", "text", "change", "value", "low", "high", "unit", "per", "object"],
        rows,
        empty="No quantities.",
        numeric={0, 3, 4, 5},
    )


def dates_table(record: dict[str, Any]) -> str:
    rows = []
    for i, timex in enumerate(record.get("dates") or []):
        interval = timex.get("interval") or {}
        rows.append(
            [
                str(i),
                esc(timex["text"]),
                esc(timex.get("type")),
                esc(timex.get("value")),
                esc(timex.get("mod")),
                esc(interval.get("start")),
                esc(interval.get("end")),
            ]
        )
    return _table(
        ["#", "text", "type", "value", "mod", "from", "until (excl.)"],
        rows,
        empty="No dates.",
        numeric={0},
    )
