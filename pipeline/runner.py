"""Batch work: articles in, records out, through ``nlp.pipe``.

``process_articles`` is the core loop (also used by evaluation); ``extract``
adds discovery, the JSONL writer and the run summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from .article import Article
from .errors import Errors, Warnings
from .nlp import DEFAULT_MODEL, load_cached, model_name
from .schema import doc_to_record, error_record

DEFAULT_BATCH_SIZE = 16


def process_articles(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[dict[str, Any]]:
    """Yield one record per article, in input order, errors included."""
    nlp = nlp or load_cached(DEFAULT_MODEL)
    model = model_name(nlp)

    def docs_with_articles() -> Iterator[tuple[Any, Article]]:
        for article in articles:
            text = "" if article.error else article.text
            doc = nlp.make_doc(text)
            doc._.pub_date = article.date
            yield doc, article

    for doc, article in nlp.pipe(
        docs_with_articles(), as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        if article.error:
            yield error_record(article, model=model)
            continue
        if not article.text.strip():
            article.warnings.append(Warnings.W004.as_dict())
        elif article.date is None:
            article.warnings.append(Warnings.W002.as_dict())
        yield doc_to_record(doc, article, model=model)


def process_text(
    text: str, *, date: str | None = None, id: str = "text", nlp: Language | None = None
) -> dict[str, Any]:
    """The record of one text, for notebooks and tests."""
    return next(process_articles([Article(id=id, text=text, date=date)], nlp=nlp))


__all__ = ["process_articles", "process_text", "Errors"]
