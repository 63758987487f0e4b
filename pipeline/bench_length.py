"""The bench's length row (``newsclaims bench``, issue 12): our stages' cost in the
length of one document.

The bench texts are joined with blank lines into one document of the largest of
the sizes in words (``long_text``), parsed once by the model alone, and cut at
the end of the sentence reaching each size (``word_cuts``, ``doc[:i].as_doc()``).
Each of our stages, and turning the annotations into a record, is timed on a
fresh copy of each cut, in CPU ms per 1,000 words (``time_length_growth``). The
growth is that figure at the longest cut over the shortest: linear cost keeps
it near 1 (target at most 1.5). The model's own ms per 1,000 words on the
longest is given beside it.
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


def time_length_growth(
    nlp,
    text: str,
    sizes: Sequence[int] = LENGTH_SIZES,
    *,
    date: str | None = None,
    repeat: int = 3,
) -> dict[str, Any]:
    """Our stages' CPU time per 1,000 words on cuts of one document (see the module docstring),
    and turning the annotations into a record (``(records)``), as in the stages table.

    ``text`` is parsed once by the model alone; each cut (``doc[:i].as_doc()``,
    parsed already) is a fresh ``Doc`` for every run of the stages. The cuts up
    to a quarter of the longest, the noisiest, keep the best of ``repeat`` runs.
    """
    from .nlp import model_name
    from .schema import doc_to_record

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
    rows = []
    for size, end in word_cuts(doc, sizes).items():
        best: dict[str, float] = {}
        runs = max(1, repeat) if size * 4 <= sizes[-1] else 1
        for _ in range(runs):
            cut = doc[:end].as_doc()
            cut._.pub_date = date
            for name in ours:
                started = time.process_time()
                nlp.get_pipe(name)(cut)
                seconds = time.process_time() - started
                best[name] = min(best.get(name, seconds), seconds)
            started = time.process_time()
            dumps(doc_to_record(cut, Article(id="long", text=cut.text, date=date), model=model))
            seconds = time.process_time() - started
            best["(records)"] = min(best.get("(records)", seconds), seconds)
        words = len(cut.text.split())
        rows.append(
            {
                "size": size,
                "words": words,
                "tokens": len(cut),
                "ms_per_1k_words": {name: 1e6 * s / words for name, s in best.items()},
                "ours_ms_per_1k_words": 1e6 * sum(best.values()) / words,
            }
        )
    first, last = rows[0], rows[-1]
    return {
        "sizes": sizes,
        "rows": rows,
        "growth": last["ours_ms_per_1k_words"] / first["ours_ms_per_1k_words"],
        "growth_by_stage": {
            name: last["ms_per_1k_words"][name] / first["ms_per_1k_words"][name]
            for name in last["ms_per_1k_words"]
        },
        "model_words": model_words,
        "model_ms_per_1k_words": 1e6 * model_seconds / model_words,
    }


def format_length(length: dict[str, Any]) -> list[str]:
    """The length rows: our stages' CPU ms per 1,000 words at each cut of one document."""
    stages = list(length["growth_by_stage"])
    # "newsclaims_attribution_tagger" -> "tagger": a column is 12 characters wide
    short = {name: name.removeprefix("newsclaims_").strip("()").split("_")[-1] for name in stages}
    lines = [
        "one document cut at each length: our stages and the record, CPU ms per 1,000 words",
        f"{'words':>10}{'tokens':>10}"
        + "".join(f"{short[name]:>12}" for name in stages)
        + f"{'ours':>10}",
    ]
    for row in length["rows"]:
        lines.append(
            f"{row['words']:>10,}{row['tokens']:>10,}"
            + "".join(f"{row['ms_per_1k_words'][name]:>12.1f}" for name in stages)
            + f"{row['ours_ms_per_1k_words']:>10.1f}"
        )
    lines.append(
        f"{'growth':>20}"
        + "".join(f"{length['growth_by_stage'][name]:>11.2f}x" for name in stages)
        + f"{length['growth']:>9.2f}x"
    )
    lines.append(
        f"growth from the shortest to the longest {length['growth']:.2f}x "
        f"(target <= {TARGET_LENGTH_GROWTH}); the model alone on the longest: "
        f"{length['model_ms_per_1k_words']:.0f} ms per 1,000 words"
    )
    return lines
