"""Train the claims stage's source chooser (``components/claims/source_model.py``).

The candidates to learn from are those of the accept model's proposals
(``accept_training.py``): PolNeAR train's articles with the claims the fold
taggers propose, each fold's tagger on the articles it never saw. Every proposal
is taken, and the claims stage records each one's source candidates with their
features (``ClaimsStage.source_choices``). A proposal whose content the scorer
pairs with a gold attribution (content Jaccard at least 0.5) is an example; its
candidate is right when it overlaps that attribution's source (no source is right
when the attribution has none), as the scorer's "+source" asks; it is an example
twice, once labelled so and once by whether it is that source's exact span.

The model is fitted on all of train's examples. Its honest figures, written to
``meta``: train with each half chosen by the model fitted on the other half, and
PolNeAR dev (the shipped tagger's proposals); each beside the nearest-span rule
it replaces.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from .accept_training import fold_articles, recorder
from .components.claims.cue_model import train as train_logistic
from .components.claims.source_model import SourceModel
from .evaluate.claims import Spans, content_matches, overlaps, record_items, trim
from .evaluate.common import halves

L2 = 1e-3
EPOCHS = 300

#: One candidate: its features, whether it overlaps the gold source, whether it is it.
Candidate = tuple[list[str], int, int]
#: One article: text, gold attributions, claims, and the recorded choices as
#: ``(claim, candidates, features)``.
Article = tuple[str, list[dict[str, Any]], list[dict[str, Any]], list[tuple[Any, Any, Any]]]


def chosen_articles(
    folder: Path,
    nlp: Language,
    cache: Path | None,
    taggers: Sequence[Path] | None = None,
    *,
    log: Callable[[str], None] = print,
) -> list[Article]:
    """The articles of a PolNeAR folder with the claims of ``nlp``'s stages, every
    proposal of the tagger a claim with its source candidates recorded; ``taggers``:
    the fold taggers, each on its own fold (None: the shipped tagger for all)."""
    return fold_articles(
        folder, nlp, cache, taggers, recorder("source_choices", "proposals"), log=log
    )


def _exact(text: str, truth: Spans, spans: Spans) -> bool:
    """Whether two sources are the same span once trimmed (both none counts)."""
    return trim(text, truth) == trim(text, spans)


def groups(article: Article) -> list[list[Candidate]]:
    """The candidates of each recorded claim whose content is right, labelled."""
    text, gold, claims, choices = article
    items = record_items({"claims": claims}, one_per_cue=True)
    item_of = {id(claim): k for k, item in enumerate(items) for claim in item["claims"]}
    gold_of = {pi: gi for gi, pi in content_matches(text, gold, items, with_source=False)}
    found = []
    for claim, candidates, features in choices:
        gi = gold_of.get(item_of.get(id(claim), -1))
        if gi is None:
            continue
        truth = gold[gi].get("source") or []
        group = []
        for candidate, fired in zip(candidates, features, strict=True):
            source = candidate["source"]
            spans = [(source["start"], source["end"])] if source else []
            right = overlaps(truth, spans) if truth and spans else not truth and not spans
            group.append((fired, int(right), int(_exact(text, truth, spans))))
        found.append(group)
    return found


def fit(articles: Sequence[Article], *, l2: float = L2) -> SourceModel:
    """The chooser's weights on the candidates of ``articles``: each candidate is an
    example twice, labelled by whether it overlaps the gold source and by whether it
    is that source's exact span (of two candidates that overlap it, the exact one
    wins)."""
    data = [
        example
        for article in articles
        for group in groups(article)
        for features, right, exact in group
        for example in ((features, right), (features, exact))
    ]
    return SourceModel(train_logistic(data, l2=l2, epochs=EPOCHS))


def accuracy(articles: Sequence[Article], choose: Callable[[list[list[str]]], int]) -> dict:
    """How often the chosen candidate is right (overlaps) and exact, over the claims
    with a right content."""
    total = right = exact = 0
    for article in articles:
        for group in groups(article):
            total += 1
            _, r, e = group[choose([f for f, _, _ in group])]
            right += r
            exact += e
    return {
        "claims": total,
        "right": round(right / total, 4) if total else 0.0,
        "exact": round(exact / total, 4) if total else 0.0,
    }


def nearest(features_of: list[list[str]]) -> int:
    """The rule the model replaces: the first candidate (nearest span, else subject)."""
    return 0


def train_source_model(
    train: Sequence[Article], dev: Sequence[Article], *, log: Callable[[str], None] = print
) -> SourceModel:
    """Fit on ``train``; measure cross-fitted on train's halves and on ``dev``."""
    model = fit(train)
    parts = halves(list(train))
    fitted = {name: fit(part) for name, part in parts.items()}
    other = {"even": "odd", "odd": "even"}
    cross = {name: accuracy(part, fitted[other[name]].choose) for name, part in parts.items()}
    dev_parts = halves(list(dev))
    meta = {
        "trained_on": {
            "dataset": "PolNeAR train (proposals of fold taggers)",
            "articles": len(train),
            "claims": sum(len(groups(a)) for a in train),
        },
        "l2": L2,
        "train_cv_before": {name: accuracy(part, nearest) for name, part in parts.items()},
        "train_cv": cross,
        "dev_before": {name: accuracy(part, nearest) for name, part in dev_parts.items()},
        "dev": {name: accuracy(part, model.choose) for name, part in dev_parts.items()},
    }
    log(f"{meta}")
    return SourceModel(model.weights, meta=meta)
