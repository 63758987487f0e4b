"""Train the claims stage's boundary chooser (``components/claims/boundary_model.py``).

The articles of a PolNeAR folder are parsed once (the tagger's cache,
``tagger_training.parse_polnear``); the entities stage, the attribution tagger
and the claims stage (without the chooser) then give each article's claims as
the chooser sees them. Each claim that matches a gold attribution (content
character Jaccard at least 0.5, the scorer's greedy 1:1 matching; a claim and
the quotation that continues it are one item, as the scorer joins them) gives two
examples: its start candidates with the gold start as the right one, and its
(last part's) end candidates with the gold end; both compared after the scorer's trimming of
punctuation and spaces. Claims whose gold bound is not among the candidates
teach nothing (``oracle`` counts them).

Only ``polnear/train`` is trained on; ``polnear/dev`` chooses the number of
epochs and is never trained on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .components.claims.boundaries import BoundaryView
from .components.claims.boundary_model import (
    BoundaryModel,
    Group,
    rebound_claims,
    side_groups,
    train_ranker,
)
from .components.claims.docview import DocView
from .components.claims.lexicon import load_lexicons
from .components.claims.quotes import find_quotes
from .evaluate.brat import read_polnear
from .evaluate.claims import content_matches, record_items, score_documents, trim
from .evaluate.common import halves
from .tagger_training import parse_polnear

#: The stages that make the claims the chooser sees, after the parse.
STAGES = ("newsclaims_entities", "newsclaims_attribution_tagger", "newsclaims_claims")
#: (L2 penalty, epochs) tried; dev picks one.
SETTINGS = ((3e-4, 150), (1e-3, 150))

Article = tuple[str, list[dict[str, Any]], Doc]  # text, gold attributions, doc with claims


def claims_pipeline(
    model: str,
    *,
    boundary_model: bool = False,
    accept_model: bool = False,
    source_model: bool = False,
    rule_judge: bool = False,
) -> Language:
    """The model with the stages of ``STAGES``, the claims stage without the chooser
    (unless ``boundary_model``), the accept model (unless ``accept_model``), the
    source chooser (unless ``source_model``) and the rule judge (unless ``rule_judge``):
    the chooser learns from the claims of ``merge.py``'s fixed thresholds, the accept
    model from every rule claim, and the models trained after the source chooser are
    the same with or without it."""
    from .nlp import load

    nlp = load(model, stages=STAGES[:-1])
    config = {
        "boundary_model": boundary_model,
        "accept_model": accept_model,
        "source_model": source_model,
        "rule_judge": rule_judge,
    }
    nlp.add_pipe(STAGES[-1], config=config)
    return nlp


def staged_articles(
    folder: Path, nlp: Language, cache: Path | None, *, log: Callable[[str], None] = print
) -> list[Article]:
    """The articles of a PolNeAR folder with the claims of ``nlp``'s stages on their
    (cached) parse."""
    documents = read_polnear(folder)
    docs = parse_polnear(folder, nlp, cache, log=log)
    articles = []
    for document, doc in zip(documents, docs, strict=True):
        for name in STAGES:
            doc = nlp.get_pipe(name)(doc)
        articles.append((document.text, document.attributions, doc))
    return articles


def _trimmed_start(text: str, start: int) -> int:
    parts = trim(text, [(start, len(text))])
    return parts[0][0] if parts else start


def _trimmed_end(text: str, end: int) -> int:
    parts = trim(text, [(0, end)])
    return parts[-1][1] if parts else end


def example_groups(article: Article) -> tuple[list[Group], list[Group]]:
    """The start and end groups of the article's claims that match a gold attribution."""
    text, gold, doc = article
    claims = doc._.newsclaims_claims
    bv = BoundaryView(DocView(doc), load_lexicons())
    pred = record_items({"claims": claims}, one_per_cue=True)
    start_groups: list[Group] = []
    end_groups: list[Group] = []
    for gi, pi in content_matches(text, gold, pred, with_source=False):
        spans = trim(text, gold[gi]["content"])
        if not spans:
            continue
        # a claim and its continuation are one item: the first sets the start, the last the end
        first, last = pred[pi]["claims"][0], pred[pi]["claims"][-1]
        starts, start_rows, _, _ = side_groups(bv, first)
        _, _, ends, end_rows = side_groups(bv, last)
        right_start = [
            k for k, i in enumerate(starts) if _trimmed_start(text, doc[i].idx) == spans[0][0]
        ]
        right_end = [
            k
            for k, i in enumerate(ends)
            if _trimmed_end(text, doc[i].idx + len(doc[i])) == spans[-1][1]
        ]
        start_groups.append((start_rows, right_start[0] if right_start else None))
        end_groups.append((end_rows, right_end[0] if right_end else None))
    return start_groups, end_groups


def oracle(groups: Sequence[Group]) -> float:
    """The share of groups whose right candidate is among the candidates."""
    return sum(1 for _, right in groups if right is not None) / len(groups) if groups else 0.0


def score_with(model: BoundaryModel | None, articles: Sequence[Article]) -> dict[str, Any]:
    """The claims metrics of ``articles`` with their contents rebounded by ``model``
    (as found when None), and of their two halves."""
    lexicons = load_lexicons()
    triples = []
    for text, gold, doc in articles:
        claims = [dict(c) for c in doc._.newsclaims_claims]
        if model is not None:
            bv = BoundaryView(DocView(doc), lexicons)
            rebound_claims(bv, claims, model, find_quotes(text)[0])
        triples.append((text, gold, record_items({"claims": claims}, one_per_cue=True)))
    metrics = score_documents(triples)
    metrics["halves"] = {name: score_documents(part) for name, part in halves(triples).items()}
    return metrics


def train_boundary_model(
    train: Sequence[Article],
    dev: Sequence[Article],
    *,
    settings: Sequence[tuple[float, int]] = SETTINGS,
    log: Callable[[str], None] = print,
) -> BoundaryModel:
    """Fit the start and end models on ``train``; dev picks the L2 penalty and the
    number of epochs (exact content F1), and its figures go in ``meta``."""
    start_groups: list[Group] = []
    end_groups: list[Group] = []
    for article in train:
        starts, ends = example_groups(article)
        start_groups += starts
        end_groups += ends
    oracles = {"start": round(oracle(start_groups), 4), "end": round(oracle(end_groups), 4)}
    log(f"{len(start_groups)} matched claims; right bound among the candidates: {oracles}")
    before = _figures(score_with(None, dev))
    log(f"dev as found: {before}")
    best: tuple[float, BoundaryModel] | None = None
    history = []
    for l2, epochs in settings:
        model = BoundaryModel(
            train_ranker(start_groups, epochs=epochs, l2=l2),
            train_ranker(end_groups, epochs=epochs, l2=l2),
        )
        figures = _figures(score_with(model, dev))
        history.append({"l2": l2, "epochs": epochs, "dev": figures})
        log(f"l2 {l2}, {epochs} epochs: dev {figures}")
        if best is None or figures["exact_content"] > best[0]:
            best = (figures["exact_content"], model)
    assert best is not None
    chosen = max(history, key=lambda h: h["dev"]["exact_content"])
    model = best[1]
    model.meta.update(
        {
            "trained_on": {
                "dataset": "PolNeAR train",
                "articles": len(train),
                "matched_claims": len(start_groups),
            },
            "candidates_hold_gold": oracles,
            "chosen": {"l2": chosen["l2"], "epochs": chosen["epochs"]},
            "dev_before": before,
            "dev": chosen["dev"],
            "history": history,
        }
    )
    return model


def _figures(metrics: dict[str, Any]) -> dict[str, Any]:
    """Content F1, exact content F1 and their halves, rounded."""

    def pick(m: dict[str, Any]) -> dict[str, float]:
        return {
            "content": round(m["content"]["f1"], 4),
            "exact_content": round(m["exact_content"]["f1"], 4),
        }

    return {**pick(metrics), "halves": {k: pick(v) for k, v in metrics["halves"].items()}}
