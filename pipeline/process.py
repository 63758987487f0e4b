"""Articles in, records out, through ``nlp.pipe``: the core loop of every run.

``process_articles`` is what ``extract``, the back-ends, evaluation and the
benchmarks call; ``process_text`` is the record of one text. An article longer
than the model's ``max_length`` is cut at paragraph ends (``split_text``), the
pieces go through ``nlp.pipe`` as documents of their own, and their
annotations are joined (``merge_annotations``) into one record of the whole
text. ``schema.article_record`` builds every record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from .article import Article
from .nlp import DEFAULT_MODEL, load_cached, model_name, pipeline_settings
from .schema import ANNOTATION_KEYS, article_record, doc_annotations

DEFAULT_BATCH_SIZE = 16
#: The spans of a claim annotation, shifted when pieces are merged (``cue_phrase`` is added
#: by the claims stage beyond the contract).
CLAIM_SPANS = ("source", "cue", "content", "addressee", "cue_phrase")

Annotations = dict[str, list[dict[str, Any]]]


def process_articles(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield one record per article, in input order, errors included.

    An article longer than ``max_chars`` (default: the model's ``max_length``)
    is processed in pieces cut at paragraph ends, and its record covers the
    whole text, with a W005 warning: nothing is truncated. ``n_process`` is
    passed to ``nlp.pipe``; ``pipeline.backends.local`` has worker processes
    that do the whole of this loop, records included.
    """
    nlp = nlp or load_cached(DEFAULT_MODEL)
    model, settings = model_name(nlp), pipeline_settings(nlp)
    limit = max_chars or nlp.max_length

    def pieces() -> Iterator[tuple[Any, tuple[Article, int, int]]]:
        for article in articles:
            text = "" if article.error else article.text
            bounds = split_text(text, limit)
            for start, end in bounds:
                doc = nlp.make_doc(text[start:end])
                doc._.pub_date = article.date
                yield doc, (article, start, len(bounds))

    done: list[tuple[int, Annotations]] = []
    for doc, (article, start, count) in nlp.pipe(
        pieces(), as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        done.append((start, doc_annotations(doc)))
        if len(done) < count:
            continue
        annotations = done[0][1] if count == 1 else merge_annotations(done)
        done = []
        yield article_record(article, annotations, model=model, pieces=count, settings=settings)


def process_text(
    text: str, *, date: str | None = None, id: str = "text", nlp: Language | None = None
) -> dict[str, Any]:
    """The record of one text, for notebooks and tests."""
    return next(process_articles([Article(id=id, text=text, date=date)], nlp=nlp))


def split_text(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive ``(start, end)`` pieces of at most ``limit`` characters.

    Cuts fall after a newline where there is one in the piece, else after a
    sentence end or space, else anywhere: the pieces always cover the text.
    """
    if len(text) <= limit:
        return [(0, len(text))]
    bounds = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n") + 1
        if cut <= limit // 4:
            cut = max(window.rfind(". ") + 2, window.rfind(" ") + 1)
        if cut <= limit // 4:
            cut = limit
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, len(text)))
    return bounds


def merge_annotations(
    pieces: list[tuple[int, Annotations]],
) -> Annotations:
    """Join the annotations of consecutive pieces of one text, each with its start offset.

    Offsets are shifted into the whole text; entity clusters of different
    pieces are joined when their label and canonical name agree, and every
    other cluster gets a fresh id.
    """
    merged: Annotations = {key: [] for key in ANNOTATION_KEYS}
    cluster_ids: dict[tuple[str, str], str] = {}
    for offset, piece in pieces:
        renamed: dict[str, str] = {}
        for entity in piece["entities"]:
            key = (entity.get("label") or "", entity.get("canonical") or "")
            if entity["entity_id"] not in renamed:
                renamed[entity["entity_id"]] = cluster_ids.setdefault(
                    key, f"e{len(cluster_ids) + 1}"
                )
            merged["entities"].append(
                {**_shifted(entity, offset), "entity_id": renamed[entity["entity_id"]]}
            )
        for quantity in piece["quantities"]:
            merged["quantities"].append(_shifted(quantity, offset, nested=("object",)))
        for timex in piece["dates"]:
            merged["dates"].append(_shifted(timex, offset))
        for claim in piece["claims"]:
            claim = _shifted(claim, offset, nested=CLAIM_SPANS)
            if claim.get("source") and claim["source"].get("entity_id") in renamed:
                claim["source"]["entity_id"] = renamed[claim["source"]["entity_id"]]
            merged["claims"].append(claim)
        for warning in piece["warnings"]:
            if warning not in merged["warnings"]:
                merged["warnings"].append(warning)
    return merged


def _shifted(item: dict[str, Any], offset: int, *, nested: tuple[str, ...] = ()) -> dict[str, Any]:
    item = dict(item)
    if "start" in item:
        item["start"] += offset
        item["end"] += offset
    if item.get("spans"):
        item["spans"] = [[start + offset, end + offset] for start, end in item["spans"]]
    for key in nested:
        if item.get(key):
            item[key] = _shifted(item[key], offset)
    return item
