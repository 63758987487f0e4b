"""Progress on stderr: a bar on a terminal, periodic lines elsewhere, nothing when quiet."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pipeline.progress import (
    BarProgress,
    LogProgress,
    NoProgress,
    count_articles,
    format_seconds,
    make_progress,
)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("quiet", "stream", "kind"),
    [
        (True, Terminal(), NoProgress),
        (False, Terminal(), BarProgress),
        (False, io.StringIO(), LogProgress),
    ],
)
def test_the_kind_follows_the_stream(quiet: bool, stream, kind) -> None:
    progress = make_progress(10, quiet=quiet, stream=stream)
    assert isinstance(progress, kind)
    progress.close()


def test_log_lines_come_every_interval_with_rate_and_time_left() -> None:
    now = [0.0]
    stream = io.StringIO()
    progress = LogProgress(100, stream=stream, interval=10, clock=lambda: now[0])
    for done, t in [(5, 4.0), (20, 10.0), (30, 15.0), (40, 20.0)]:
        now[0] = t
        progress.update(done)
    lines = stream.getvalue().splitlines()
    assert lines == [
        "newsclaims: 20/100 articles (20%), 2.0 articles/s, 40 s left",
        "newsclaims: 40/100 articles (40%), 2.0 articles/s, 30 s left",
    ]


def test_log_lines_without_a_total_have_no_time_left() -> None:
    now = [0.0]
    stream = io.StringIO()
    progress = LogProgress(None, stream=stream, interval=1, clock=lambda: now[0])
    now[0] = 2.0
    progress.update(7)
    assert stream.getvalue() == "newsclaims: 7 articles, 3.5 articles/s\n"


def test_the_bar_counts_articles_on_a_terminal() -> None:
    stream = Terminal()
    progress = BarProgress(4, stream=stream)
    for done in range(1, 5):
        progress.update(done)
    progress.close()
    assert "4/4" in stream.getvalue() and "articles" in stream.getvalue()


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0 s"), (59.4, "59 s"), (61, "1 min 01 s"), (3725, "1 h 02 min")],
)
def test_format_seconds(seconds: float, shown: str) -> None:
    assert format_seconds(seconds) == shown


def test_count_articles_counts_files_and_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "a.meta.json").write_text("{}")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\nbroken\n')
    (tmp_path / "ignored.csv").write_text("x")
    assert count_articles([tmp_path]) == 4
