"""Progress of a long run on stderr: a bar on a terminal, log lines elsewhere, or nothing.

``make_progress(total, quiet=...)`` picks the kind from the stream: a tqdm bar
(articles done, articles per second, time left when ``total`` is known) when
the stream is a terminal; otherwise a plain line every ``interval`` seconds,
which reads well in a log file or a CI job; a no-op when ``quiet``.
Every kind has the same three calls: ``update(done)`` with the absolute count,
``write(message)`` and ``close()``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from typing import IO, Protocol

from .io.readers import JSONL_SUFFIXES, discover

#: Seconds between two log lines when stderr is not a terminal.
LOG_INTERVAL = 10.0


class Progress(Protocol):
    def update(self, done: int) -> None: ...

    def write(self, message: str) -> None: ...

    def close(self) -> None: ...


class NoProgress:
    """``--quiet``: says nothing."""

    def update(self, done: int) -> None:
        pass

    def write(self, message: str) -> None:
        pass

    def close(self) -> None:
        pass


class BarProgress:
    """A tqdm bar: articles done, articles/s and, with a total, time left."""

    def __init__(self, total: int | None, *, stream: IO[str], initial: int = 0) -> None:
        from tqdm import tqdm

        # No monitor thread: --n-process forks its workers only from a single-threaded parent.
        tqdm.monitor_interval = 0

        # rate_noinv: always "articles/s", never tqdm's "s/article" for slow rates.
        shape = (
            "{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_noinv_fmt}]"
            if total
            else "{n_fmt} articles [{elapsed}, {rate_noinv_fmt}]"
        )
        self._bar = tqdm(
            total=total,
            initial=initial,
            unit=" articles",
            file=stream,
            bar_format=shape,
            dynamic_ncols=True,
            smoothing=0.1,
            mininterval=0.5,
            leave=True,
        )

    def update(self, done: int) -> None:
        if done > self._bar.n:
            self._bar.update(done - self._bar.n)

    def write(self, message: str) -> None:
        self._bar.write(message, file=self._bar.fp)

    def close(self) -> None:
        self._bar.close()


class LogProgress:
    """A plain line every ``interval`` seconds: for logs, pipes and batch jobs."""

    def __init__(
        self,
        total: int | None,
        *,
        stream: IO[str],
        interval: float = LOG_INTERVAL,
        initial: int = 0,
        clock=time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream
        self.interval = interval
        self.clock = clock
        self.started = clock()
        self.initial = initial
        self.done = initial
        self._last = self.started

    def update(self, done: int) -> None:
        self.done = done
        now = self.clock()
        if now - self._last >= self.interval:
            self._last = now
            self.write(self.line(now))

    def line(self, now: float) -> str:
        elapsed = now - self.started
        rate = (self.done - self.initial) / elapsed if elapsed > 0 else 0.0
        if self.total:
            share = f" ({100 * self.done / self.total:.0f}%)"
            left = (self.total - self.done) / rate if rate > 0 else None
            eta = f", {format_seconds(left)} left" if left is not None else ""
            return (
                f"newsclaims: {self.done}/{self.total} articles{share}, {rate:.1f} articles/s{eta}"
            )
        return f"newsclaims: {self.done} articles, {rate:.1f} articles/s"

    def write(self, message: str) -> None:
        print(message, file=self.stream, flush=True)

    def close(self) -> None:
        if self.done != self.initial and self.clock() - self.started >= self.interval:
            self.write(self.line(self.clock()))


def make_progress(
    total: int | None,
    *,
    quiet: bool = False,
    stream: IO[str] | None = None,
    interval: float = LOG_INTERVAL,
    initial: int = 0,
) -> Progress:
    """The right progress display for ``stream`` (default stderr)."""
    if quiet:
        return NoProgress()
    stream = stream if stream is not None else sys.stderr
    if _is_terminal(stream):
        return BarProgress(total, stream=stream, initial=initial)
    return LogProgress(total, stream=stream, interval=interval, initial=initial)


def count_articles(inputs: Iterable[str | os.PathLike[str]]) -> int:
    """How many articles ``read_articles(inputs)`` will yield, without decoding or parsing them.

    One per file, one per non-blank line of a JSONL file, from the same
    discovery as the readers. It only feeds the time left: a JSONL file with
    unusual line separators may make it a little off, never the output.
    """
    count = 0
    for path in discover(inputs):
        if path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with open(path, "rb") as file:
                    count += sum(1 for line in file if line.strip())
            except OSError:
                count += 1
        else:
            count += 1
    return count


def format_seconds(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
