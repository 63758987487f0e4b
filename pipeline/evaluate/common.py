"""What every scorer shares: P/R/F1, summed counts, the two halves, and the records to score.

``halves`` splits a development set in two (items at even and at odd positions)
for the project's generalisation protocol (README, "Measuring on two halves"):
a rule is tuned on one half and reported on the other, and a rule that helps one
half and hurts the other does not go in. TempEval-3's halves are its two
sub-corpora, TimeBank and AQUAINT, which the dates scorer reports already.

``predicted_records`` gives the records the scorers compare with gold: read
from a predictions JSONL (``newsclaims extract`` output), or made by running the
pipeline on the gold articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from ..article import Article
from ..io.records import iter_records
from ..nlp import load_cached
from ..process import process_articles

T = TypeVar("T")


def prf(*, gold: int, predicted: int, matched: int) -> dict[str, float | int]:
    """Precision (matched / predicted), recall (matched / gold), F1, and the three counts."""
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "gold": gold,
        "predicted": predicted,
        "matched": matched,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def add_counts(total: dict[str, int], counts: dict[str, int]) -> None:
    """Add ``counts`` into ``total``, key by key."""
    for key, value in counts.items():
        total[key] = total.get(key, 0) + value


def halves(items: Sequence[T]) -> dict[str, list[T]]:
    """The two halves of a development set: items at even and at odd positions (0-based)."""
    return {"even": list(items[0::2]), "odd": list(items[1::2])}


def predicted_records(
    articles: list[Article], predictions: Path | None, nlp: Any = None
) -> dict[str, dict[str, Any]]:
    """Records by id: those of ``predictions``, or the pipeline's on ``articles`` when None."""
    if predictions is not None:
        return {record["id"]: record for record in iter_records(predictions)}
    nlp = nlp or load_cached()
    return {record["id"]: record for record in process_articles(articles, nlp=nlp)}
