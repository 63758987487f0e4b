"""The bench's length row (``newsclaims bench``, issue 12): our stages' cost in the
length of one document.

The bench texts are joined with blank lines into one document of the largest of
the sizes in words (``long_text``), parsed once by the model alone. Each of our
stages, and turning the annotations into a record, is timed in CPU ms per 1,000
words at each size (``time_length_growth``), two ways:

- **same words** (the figure the target reads): at each size the whole long
  document is cut into windows of that many words, ending at sentence ends
  (``word_windows``), and every window is processed as a document of its own;
  each size thus processes the same words, and only the length of the
  documents differs. Linear cost keeps the ms per 1,000 words equal.
- **prefix** (the measure before): the document is cut at the end of the
  sentence reaching each size (``word_cuts``) and the cut is processed, so the
  short cuts hold only the first articles. Their words are not the longer
  cuts' words: the first 2,000 words of PolNeAR train hold fewer claims and
  entities per word than the rest, and that mix of content shows as growth.

The growth is the figure at the longest size over the shortest (target at
most 1.5). The model's own ms per 1,000 words on the whole document is given
beside it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import Any

from .article import Article
from .io.writers import dumps

TARGET_LENGTH_GROWTH = 1.5
#: Words in the one long document, cut at each size (the growth row).
LENGTH_SIZES = (2000, 8000, 32000, 128000)


def long_text(inputs: Sequence[str | os.PathLike[str]], words: int) -> str:
    """One document of at least ``words`` words: the texts under ``inputs`` in turn,
    joined with blank lines (taken again from the first when they run out)."""
    from .io.readers import read_articles

    parts: list[str] = []
    count = 0
    while count < words:
        before = count
        for article in read_articles(inputs):
            text = "" if article.error else article.text.strip()
            if not text:
                continue
            parts.append(text)
            count += len(text.split())
            if count >= words:
                break
        if count == before:
            raise ValueError("no readable articles in the bench inputs")
    return "\n\n".join(parts)


def word_cuts(doc, sizes: Sequence[int]) -> dict[int, int]:
    """For each of ``sizes``, the token end of the doc's first sentences holding at
    least that many words (the whole doc when it is shorter)."""
    wanted = sorted(set(sizes))
    ends: list[int] = []
    count = 0
    for sentence in doc.sents:
        count += len(sentence.text.split())
        while len(ends) < len(wanted) and count >= wanted[len(ends)]:
            ends.append(sentence.end)
    ends += [len(doc)] * (len(wanted) - len(ends))
    return dict(zip(wanted, ends, strict=True))


def word_windows(doc, size: int) -> list[tuple[int, int]]:
    """Token ranges that tile ``doc``, each of whole sentences holding at least ``size``
    words; the sentences left over at the end (fewer words) join the last range."""
    windows: list[tuple[int, int]] = []
    start = count = 0
    for sentence in doc.sents:
        count += len(sentence.text.split())
        if count >= size:
            windows.append((start, sentence.end))
            start, count = sentence.end, 0
    if start < len(doc):
        if windows:
            windows[-1] = (windows[-1][0], len(doc))
        else:
            windows.append((0, len(doc)))
    return windows


def _time_ours(nlp, ours: Sequence[str], cut, date: str | None, model: str) -> dict[str, float]:
    """CPU seconds of each of our stages on ``cut`` (a parsed ``Doc``), then of its record."""
    from .schema import doc_to_record

    cut._.pub_date = date
    seconds: dict[str, float] = {}
    for name in ours:
        started = time.process_time()
        nlp.get_pipe(name)(cut)
        seconds[name] = time.process_time() - started
    started = time.process_time()
    dumps(doc_to_record(cut, Article(id="long", text=cut.text, date=date), model=model))
    seconds["(records)"] = time.process_time() - started
    return seconds


def _row(size: int, words: int, tokens: int, seconds: dict[str, float], **extra) -> dict[str, Any]:
    return {
        "size": size,
        **extra,
        "words": words,
        "tokens": tokens,
        "ms_per_1k_words": {name: 1e6 * s / words for name, s in seconds.items()},
        "ours_ms_per_1k_words": 1e6 * sum(seconds.values()) / words,
    }


def _growth(rows: list[dict[str, Any]]) -> tuple[float, dict[str, float]]:
    first, last = rows[0], rows[-1]
    return last["ours_ms_per_1k_words"] / first["ours_ms_per_1k_words"], {
        name: last["ms_per_1k_words"][name] / first["ms_per_1k_words"][name]
        for name in last["ms_per_1k_words"]
    }


def time_length_growth(
    nlp,
    text: str,
    sizes: Sequence[int] = LENGTH_SIZES,
    *,
    date: str | None = None,
    repeat: int = 3,
    rounds: int = 2,
) -> dict[str, Any]:
    """Our stages' CPU time per 1,000 words at each size (see the module docstring),
    and turning the annotations into a record (``(records)``), as in the stages table.

    ``text`` is parsed once by the model alone; every window or cut (``Span.as_doc``,
    parsed already) is a fresh ``Doc`` for every run of the stages. Same words
    (``rows``, ``growth``): ``rounds`` runs over all the sizes in turn (the order
    reversed every other round, so a busy spell on a shared machine does not fall
    on one size), each stage keeping its best round. Prefix (``prefix_rows``,
    ``prefix_growth``): the cuts up to a quarter of the longest, the noisiest,
    keep the best of ``repeat`` runs.
    """
    from .nlp import model_name

    ours = [name for name in nlp.pipe_names if name.startswith("newsclaims_")]
    model = model_name(nlp)
    sizes = sorted(set(sizes))
    max_length = nlp.max_length
    nlp.max_length = max(max_length, len(text) + 1)
    try:
        with nlp.select_pipes(disable=ours):
            started = time.process_time()
            doc = nlp(text)
            model_seconds = time.process_time() - started
    finally:
        nlp.max_length = max_length
    model_words = len(text.split())

    windows = {size: word_windows(doc, size) for size in sizes}
    best_total: dict[int, dict[str, float]] = {}
    words = 0
    for round_ in range(max(1, rounds)):
        for size in sizes if round_ % 2 == 0 else sizes[::-1]:
            total: dict[str, float] = {}
            words = 0
            for start, end in windows[size]:
                cut = doc[start:end].as_doc()
                for name, s in _time_ours(nlp, ours, cut, date, model).items():
                    total[name] = total.get(name, 0.0) + s
                words += len(cut.text.split())
            kept = best_total.setdefault(size, total)
            for name, s in total.items():
                kept[name] = min(kept[name], s)
    rows = [
        _row(size, words, len(doc), best_total[size], windows=len(windows[size])) for size in sizes
    ]

    prefix_rows = []
    for size, end in word_cuts(doc, sizes).items():
        best: dict[str, float] = {}
        runs = max(1, repeat) if size * 4 <= sizes[-1] else 1
        for _ in range(runs):
            cut = doc[:end].as_doc()
            for name, s in _time_ours(nlp, ours, cut, date, model).items():
                best[name] = min(best.get(name, s), s)
        prefix_rows.append(_row(size, len(cut.text.split()), len(cut), best))

    growth, by_stage = _growth(rows)
    prefix_growth, prefix_by_stage = _growth(prefix_rows)
    return {
        "sizes": sizes,
        "rows": rows,
        "growth": growth,
        "growth_by_stage": by_stage,
        "prefix_rows": prefix_rows,
        "prefix_growth": prefix_growth,
        "prefix_growth_by_stage": prefix_by_stage,
        "model_words": model_words,
        "model_ms_per_1k_words": 1e6 * model_seconds / model_words,
    }


def format_length(length: dict[str, Any]) -> list[str]:
    """The length rows: our stages' CPU ms per 1,000 words at each size, over the same
    words (windows of the one document) and over prefixes of it (the measure before)."""
    stages = list(length["growth_by_stage"])
    # "newsclaims_attribution_tagger" -> "tagger": a column is 12 characters wide
    short = {name: name.removeprefix("newsclaims_").strip("()").split("_")[-1] for name in stages}
    lines = []
    for title, rows, growth, by_stage, first_column in (
        (
            "the same words at each length (the one document in windows of that many words): "
            "our stages and the record, CPU ms per 1,000 words",
            length["rows"],
            length["growth"],
            length["growth_by_stage"],
            "windows",
        ),
        (
            "one document cut at each length (prefixes, the measure before): "
            "our stages and the record, CPU ms per 1,000 words",
            length["prefix_rows"],
            length["prefix_growth"],
            length["prefix_growth_by_stage"],
            "words",
        ),
    ):
        lines += [
            title,
            f"{'size':>10}{first_column:>10}"
            + "".join(f"{short[name]:>12}" for name in stages)
            + f"{'ours':>10}",
        ]
        for row in rows:
            lines.append(
                f"{row['size']:>10,}{row[first_column]:>10,}"
                + "".join(f"{row['ms_per_1k_words'][name]:>12.1f}" for name in stages)
                + f"{row['ours_ms_per_1k_words']:>10.1f}"
            )
        lines.append(
            f"{'growth':>20}"
            + "".join(f"{by_stage[name]:>11.2f}x" for name in stages)
            + f"{growth:>9.2f}x"
        )
    lines.append(
        f"growth from the shortest to the longest {length['growth']:.2f}x over the same words "
        f"(target <= {TARGET_LENGTH_GROWTH}), {length['prefix_growth']:.2f}x over prefixes; "
        f"the model alone on the longest: "
        f"{length['model_ms_per_1k_words']:.0f} ms per 1,000 words"
    )
    return lines
