"""The index charts: what they count, and labels escaped inside the SVG."""

from __future__ import annotations

import pytest

from pipeline.review import charts


def record(*, dates=(), sources=(), stances=()) -> dict:
    return {
        "dates": [{"interval": {"start": s, "end": e} if s else None} for s, e in dates],
        "claims": [
            {"source": {"canonical": name} if name else None, "stance": stance}
            for name, stance in zip(sources, stances or ["assert"] * len(sources), strict=True)
        ],
    }


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ([], []),
        ([("2023-06-13", "2023-06-14")], [("2023-06", 1)]),
        # Months in between are shown empty; a year and no interval are not months.
        (
            [("2023-01-01", "2023-02-01"), ("2023-03-06", "2023-03-13"),
             ("2022-01-01", "2023-01-01"), (None, None)],
            [("2023-01", 1), ("2023-02", 0), ("2023-03", 1)],
        ),
        (
            [("2022-12-31", "2023-01-01"), ("2023-01-01", "2023-01-02")],
            [("2022-12", 1), ("2023-01", 1)],
        ),
    ],
)  # fmt: skip
def test_dates_by_month(dates: list, expected: list) -> None:
    assert charts.dates_by_month([record(dates=dates)]) == expected


def test_claims_per_source_ranks_and_buckets() -> None:
    names = ["Kim"] * 3 + ["Reyes"] * 2 + [None] + [f"S{i}" for i in range(20)]
    counts = charts.claims_per_source([record(sources=names)], limit=5)
    assert counts[:3] == [("Kim", 3), ("Reyes", 2), ("(no source)", 1)]
    assert counts[3] == ("S0", 1) and counts[-1] == ("(19 others)", 19) and len(counts) == 5


def test_stance_split_keeps_every_stance() -> None:
    data = record(sources=["A", "B"], stances=["deny", "deny"])
    assert charts.stance_split([data], ("assert", "deny", "accuse")) == [
        ("assert", 0), ("deny", 2), ("accuse", 0),
    ]  # fmt: skip


def test_labels_are_escaped_and_empty_charts_say_so() -> None:
    svg = charts.bar_chart([("<script>x</script> & co", 2)], title="T<")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "T&lt;" in svg
    assert "nothing to show" in charts.column_chart([], title="Dates")
    months = charts.MAX_MONTHS
    wide = charts.column_chart([(f"m{i}", i) for i in range(months)], title="Ten years")
    width = int(wide.split('width="', 1)[1].split('"', 1)[0])
    assert width <= charts.MAX_CHART_WIDTH
    assert wide.count('class="tick"') <= months // charts.TICK_EVERY + 2
