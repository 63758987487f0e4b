"""Small charts as inline SVG (no script, no external resource), and the counts they show.

``bar_chart`` draws labelled horizontal bars; ``column_chart`` draws columns
over an ordered axis (months). Every label is escaped.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

BAR_HEIGHT = 18
BAR_GAP = 6
LABEL_WIDTH = 220
BAR_WIDTH = 300
COLUMN_WIDTH = 22
MIN_COLUMN_WIDTH = 6
#: Columns narrower than this show their count only on hover.
MIN_LABELLED_WIDTH = 14
MAX_CHART_WIDTH = 1000
TICK_EVERY = 6
PLOT_HEIGHT = 120
#: Room above the tallest column for its count.
TOP_PAD = 16


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _clip(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(counts: list[tuple[str, int]], *, title: str, css_class: str = "bar") -> str:
    """Horizontal bars, one per ``(label, count)``, in the given order."""
    if not counts:
        return f'<p class="chart-empty">{_esc(title)}: nothing to show.</p>'
    top = max(count for _, count in counts) or 1
    height = len(counts) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    width = LABEL_WIDTH + BAR_WIDTH + 50
    parts = [
        f'<svg class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{_esc(title)}</title>",
    ]
    for row, (label, count) in enumerate(counts):
        y = BAR_GAP + row * (BAR_HEIGHT + BAR_GAP)
        length = max(1, round(BAR_WIDTH * count / top))
        key = _esc(label).replace(" ", "-")
        parts += [
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 5}" text-anchor="end">'
            f"{_esc(_clip(label))}</text>",
            f'<rect class="{_esc(css_class)} {_esc(css_class)}-{key}" x="{LABEL_WIDTH}" y="{y}" '
            f'width="{length}" height="{BAR_HEIGHT}"><title>{_esc(label)}: {count}</title></rect>',
            f'<text x="{LABEL_WIDTH + length + 4}" y="{y + BAR_HEIGHT - 5}">{count}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)


def column_chart(counts: list[tuple[str, int]], *, title: str) -> str:
    """Vertical columns over an ordered axis, at most ``MAX_CHART_WIDTH`` wide.

    Tick labels go under the first column and every ``TICK_EVERY``-th, and under
    the last when it is not too close to the previous tick.
    """
    if not counts:
        return f'<p class="chart-empty">{_esc(title)}: nothing to show.</p>'
    top = max(count for _, count in counts) or 1
    step = max(MIN_COLUMN_WIDTH, min(COLUMN_WIDTH, (MAX_CHART_WIDTH - 60) // len(counts)))
    bar = max(2, step - 4)
    width = max(200, len(counts) * step + 60)
    height = TOP_PAD + PLOT_HEIGHT + 50
    base = TOP_PAD + PLOT_HEIGHT + 10  # the axis line
    parts = [
        f'<svg class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{_esc(title)}</title>",
        f'<line class="axis" x1="20" y1="{base}" x2="{width - 10}" y2="{base}"/>',
    ]
    last = len(counts) - 1
    for column, (label, count) in enumerate(counts):
        x = 30 + column * step
        middle = x + bar / 2
        size = round(PLOT_HEIGHT * count / top)
        parts.append(
            f'<rect class="column" x="{x}" y="{base - size}" width="{bar}" '
            f'height="{size}"><title>{_esc(label)}: {count}</title></rect>'
        )
        if count and step >= MIN_LABELLED_WIDTH:
            parts.append(
                f'<text class="count" x="{middle}" y="{base - 4 - size}" '
                f'text-anchor="middle">{count}</text>'
            )
        tick = column % TICK_EVERY == 0 or (column == last and column % TICK_EVERY > 3)
        if tick:
            parts.append(
                f'<text class="tick" x="{middle}" y="{base + 16}" '
                f'text-anchor="middle">{_esc(label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def claims_per_source(
    records: Iterable[dict[str, Any]], *, limit: int = 15
) -> list[tuple[str, int]]:
    """Claims per source canonical name, most first; claims without a source as "(no source)"."""
    counts: Counter[str] = Counter()
    for record in records:
        for claim in record.get("claims") or []:
            source = claim.get("source")
            counts[(source or {}).get("canonical") or "(no source)"] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) > limit:
        rest = sum(count for _, count in ranked[limit - 1 :])
        ranked = ranked[: limit - 1] + [(f"({len(ranked) - limit + 1} others)", rest)]
    return ranked


def stance_split(
    records: Iterable[dict[str, Any]], stances: Iterable[str]
) -> list[tuple[str, int]]:
    """Claims per stance, in the order of ``stances``."""
    counts = Counter(
        claim.get("stance") for record in records for claim in record.get("claims") or []
    )
    return [(stance, counts.get(stance, 0)) for stance in stances]


def _month(iso: str) -> date | None:
    try:
        return date(int(iso[:4]), int(iso[5:7]), 1)
    except (ValueError, TypeError):
        return None


#: Longest interval counted in the month chart: a day, a week or a month ("2022" is not a month).
MAX_INTERVAL_DAYS = 31
#: At most this many months on the axis (the most recent ones).
MAX_MONTHS = 120


def dates_by_month(records: Iterable[dict[str, Any]]) -> list[tuple[str, int]]:
    """Dates mentioned per month, from each calendar interval of at most a month, no gaps."""
    counts: Counter[date] = Counter()
    for record in records:
        for timex in record.get("dates") or []:
            interval = timex.get("interval")
            if not interval:
                continue
            start, end = _month(interval.get("start")), interval.get("end")
            try:
                days = (date.fromisoformat(end) - date.fromisoformat(interval["start"])).days
            except (ValueError, TypeError, KeyError):
                continue
            if start is not None and 0 < days <= MAX_INTERVAL_DAYS:
                counts[start] += 1
    if not counts:
        return []
    first, last = min(counts), max(counts)
    months = []
    month = first
    while month <= last:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    months = months[-MAX_MONTHS:]
    return [(f"{m.year}-{m.month:02d}", counts.get(m, 0)) for m in months]
