"""What every scorer shares: P/R/F1, summed counts, and the records to score.

``predicted_records`` gives the records the scorers compare with gold: read
from a predictions JSONL (``newsclaims extract`` output), or made by running the
pipeline on the gold articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..article import Article
from ..io.records import iter_records
from ..nlp import load_cached
from ..process import process_articles


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


def predicted_records(
    articles: list[Article], predictions: Path | None, nlp: Any = None
) -> dict[str, dict[str, Any]]:
    """Records by id: those of ``predictions``, or the pipeline's on ``articles`` when None."""
    if predictions is not None:
        return {record["id"]: record for record in iter_records(predictions)}
    nlp = nlp or load_cached()
    return {record["id"]: record for record in process_articles(articles, nlp=nlp)}
