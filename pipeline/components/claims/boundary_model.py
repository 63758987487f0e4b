"""A learned boundary chooser: where each claim's content begins and ends.

For every claim the rules and the attribution tagger found, the candidates of
``boundaries.py`` (token positions near the content's current start and end,
and the ends of the next sentences) are scored by two linear models over
their readable features, one for the start and one for the end; each side
takes its best candidate. The models are conditional logits (a softmax over a
claim's candidates) trained on PolNeAR's train split (``make train``,
``pipeline/boundary_training.py``) with the gold content's bounds as the right
candidate. The weights ship as JSON in ``data/boundary_model.json`` and are
read once per process; the model card is ``data/boundary_model.md``.

Training is deterministic full-batch AdaGrad (no random initialisation, sorted
features), so ``make train`` rebuilds the same file. A claim keeps its
``origin``; its ``bounds_probability`` is the product of the two chosen
candidates' probabilities, how sure the model is of both ends.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from .boundaries import (
    BoundaryView,
    Bounds,
    end_candidates,
    end_claim_features,
    end_features,
    end_token_features,
    start_candidates,
    start_claim_features,
    start_features,
    start_token_features,
)
from .find import quoted_kind
from .quotes import Quote, quote_at

#: The shipped model's path in the package (``make train`` writes it).
MODEL_FILE = "components/claims/data/boundary_model.json"

Span = tuple[int, int]
#: The quote marks whose quotation a content keeps (``quotes.py`` pairs double quotes only).
QUOTE_MARKS = frozenset('“”"')
#: What may stand between a content's last word and the quotation's closing mark.
CLOSING_PUNCT = ",.;:!?—- "
#: One claim's candidates: their features, and the index of the right one (None: not among them).
Group = tuple[list[list[str]], int | None]


@dataclass(frozen=True)
class BoundaryModel:
    start_weights: dict[str, float]
    end_weights: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        body = {
            "meta": self.meta,
            "start_weights": {f: round(w, 5) for f, w in sorted(self.start_weights.items())},
            "end_weights": {f: round(w, 5) for f, w in sorted(self.end_weights.items())},
        }
        return json.dumps(body, indent=0) + "\n"

    @classmethod
    def from_json(cls, text: str) -> BoundaryModel:
        body = json.loads(text)
        return cls(
            start_weights=dict(body["start_weights"]),
            end_weights=dict(body["end_weights"]),
            meta=dict(body.get("meta") or {}),
        )


@lru_cache(maxsize=1)
def load_boundary_model() -> BoundaryModel | None:
    """The shipped model, or ``None`` when the package has none (bounds stay as found)."""
    resource = files("pipeline").joinpath(*MODEL_FILE.split("/"))
    if not resource.is_file():
        return None
    return BoundaryModel.from_json(resource.read_text(encoding="utf-8"))


def content_spans(claim: dict[str, Any]) -> list[Span]:
    content = claim["content"]
    return [(s, e) for s, e in content.get("spans") or [[content["start"], content["end"]]]]


def claim_bounds(bv: BoundaryView, claim: dict[str, Any]) -> Bounds:
    """The claim's content as token positions, with its cue token, fenced by its
    cue and source where they lie before or after it, and by its quotation's
    marks when it begins or ends with one."""
    spans = content_spans(claim)
    first = bv.word_from(bv.token_at(spans[0][0]), 1)
    last = bv.word_from(bv.token_ending_at(spans[-1][1]), -1)
    cue = claim.get("cue")
    cue_token = bv.doc[bv.token_at(cue["start"])] if cue else None
    low, high = -1, len(bv.doc)
    for role in ("cue", "source"):
        span = claim.get(role)
        if not span:
            continue
        begin, end = bv.token_at(span["start"]), bv.token_ending_at(span["end"])
        if end < first:
            low = max(low, end)
        elif begin > last:
            high = min(high, begin)
    # a content the rules drew to a quotation's mark stays within it (quotation
    # pairing is what the rules do reliably)
    text = bv.view.text
    if text[spans[0][0]] in QUOTE_MARKS:
        low = max(low, first - 1)
    if text[spans[-1][1] - 1] in QUOTE_MARKS:
        high = min(high, last + 1)
    doc = bv.doc
    return Bounds(
        first=first,
        last=last,
        cue=cue_token,
        low=low,
        high=high,
        start_now=f"{doc[first - 1].lower_}|{doc[first].pos_}" if first > 0 else "",
        end_now=f"{doc[last].pos_}|{doc[last + 1].lower_}" if last + 1 < len(doc) else "",
    )


def side_groups(
    bv: BoundaryView, claim: dict[str, Any]
) -> tuple[list[int], list[list[str]], list[int], list[list[str]]]:
    """The start candidates and all their features, then the end candidates and theirs."""
    starts, ends, bounds = _candidates(bv, claim)
    return (
        starts,
        [start_features(bv, i, bounds) for i in starts],
        ends,
        [end_features(bv, i, bounds) for i in ends],
    )


def _candidates(bv: BoundaryView, claim: dict[str, Any]) -> tuple[list[int], list[int], Bounds]:
    spans = content_spans(claim)
    bounds = claim_bounds(bv, claim)
    starts = start_candidates(bv, bounds, bv.token_ending_at(spans[0][1]))
    ends = end_candidates(bv, bounds, bv.token_at(spans[-1][0]))
    return starts, ends, bounds


class _Scorer:
    """One side's scores in one doc: a candidate's token features are scored once
    per token (they are the same for every claim), its claim features per claim."""

    def __init__(
        self,
        bv: BoundaryView,
        weights: dict[str, float],
        token_features: Callable[[BoundaryView, int], list[str]],
        claim_features: Callable[[BoundaryView, int, Bounds], list[str]],
    ) -> None:
        self.bv = bv
        self.weights = weights
        self.token_features = token_features
        self.claim_features = claim_features
        self._token_scores: dict[int, float] = {}

    def probabilities(self, candidates: list[int], bounds: Bounds) -> list[float]:
        weights, cache = self.weights, self._token_scores
        scores = []
        for i in candidates:
            if i not in cache:
                cache[i] = sum(weights.get(f, 0.0) for f in self.token_features(self.bv, i))
            claim = self.claim_features(self.bv, i, bounds)
            scores.append(cache[i] + sum(weights.get(f, 0.0) for f in claim))
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]


def rebound_claims(
    bv: BoundaryView, claims: list[dict[str, Any]], model: BoundaryModel, quotes: list[Quote]
) -> None:
    """Give every claim the content bounds the model chooses (in place), its
    ``bounds_probability`` (None when it has no candidate on a side), and the kind
    its new content has (``find.claim_kind``: "according to" and verbs of thinking
    keep theirs)."""
    cognitive = bv.lexicons.words["cognitive_verbs"]
    start_scorer = _Scorer(bv, model.start_weights, start_token_features, start_claim_features)
    end_scorer = _Scorer(bv, model.end_weights, end_token_features, end_claim_features)
    doc = bv.doc
    for claim in claims:
        starts, ends, bounds = _candidates(bv, claim)
        if not starts or not ends:
            claim["bounds_probability"] = None
            continue
        start_p = start_scorer.probabilities(starts, bounds)
        end_p = end_scorer.probabilities(ends, bounds)
        best_start = max(range(len(starts)), key=start_p.__getitem__)
        best_end = max(range(len(ends)), key=end_p.__getitem__)
        spans = content_spans(claim)
        start, end = spans[0][0], spans[-1][1]
        if starts[best_start] != bounds.first:
            start = _opening(bv.view.text, quotes, doc[starts[best_start]].idx)
        if ends[best_end] != bounds.last:
            last = doc[ends[best_end]]
            end = _closing(bv.view.text, quotes, last.idx + len(last))
        probability = round(start_p[best_start] * end_p[best_end], 3)
        if (start, end) == (spans[0][0], spans[-1][1]):
            claim["bounds_probability"] = probability
            continue
        spans = _moved(spans, start, end)
        if spans is None:
            claim["bounds_probability"] = None
            continue
        content: dict[str, Any] = {"start": spans[0][0], "end": spans[-1][1]}
        if len(spans) > 1:
            content["spans"] = [[s, e] for s, e in spans]
        claim["content"] = content
        claim["bounds_probability"] = probability
        thinking = bounds.cue is not None and bounds.cue.lemma_.lower() in cognitive
        if claim["kind"] != "according_to" and not thinking:
            claim["kind"] = quoted_kind(bv.view.text, spans, quotes)


def _opening(text: str, quotes: list[Quote], start: int) -> int:
    """A new start, at the opening mark of a quotation that opens right before it
    (the rules' contents keep their quote marks)."""
    quote = quote_at(quotes, start)
    if quote is not None and not text[quote.start + 1 : start].strip():
        return quote.start
    return start


def _closing(text: str, quotes: list[Quote], end: int) -> int:
    """A new end, after the closing mark of a quotation that closes right after it
    (",”" included)."""
    quote = quote_at(quotes, end - 1)
    if quote is not None and quote.closed and not text[end : quote.end - 1].strip(CLOSING_PUNCT):
        return quote.end
    return end


def _moved(spans: list[Span], start: int, end: int) -> list[Span] | None:
    """``spans`` beginning at ``start`` and ending at ``end``; None when that leaves one empty."""
    if len(spans) == 1:
        moved = [(start, end)]
    else:
        moved = [(start, spans[0][1]), *spans[1:-1], (spans[-1][0], end)]
    return None if any(s >= e for s, e in moved) else moved


# --- training -------------------------------------------------------------------


def train_ranker(
    groups: Sequence[Group],
    *,
    epochs: int = 200,
    learning_rate: float = 0.5,
    l2: float = 1e-5,
    min_count: int = 3,
) -> dict[str, float]:
    """A conditional logit (softmax over each group's candidates) by full-batch
    AdaGrad; groups whose right candidate is missing are left out. Deterministic."""
    import numpy as np

    groups = [g for g in groups if g[1] is not None]
    counts: dict[str, int] = {}
    for rows, _ in groups:
        for row in rows:
            for f in set(row):
                counts[f] = counts.get(f, 0) + 1
    vocabulary = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocabulary)}
    row_ids, cols, group_of, labels = [], [], [], []
    n_rows = 0
    for g, (rows, right) in enumerate(groups):
        for k, row in enumerate(rows):
            for f in set(row):
                if f in index:
                    row_ids.append(n_rows)
                    cols.append(index[f])
            group_of.append(g)
            labels.append(1.0 if k == right else 0.0)
            n_rows += 1
    row_a = np.asarray(row_ids, dtype=np.int64)
    col_a = np.asarray(cols, dtype=np.int64)
    group_a = np.asarray(group_of, dtype=np.int64)
    label_a = np.asarray(labels)
    weights = np.zeros(len(vocabulary))
    history = np.zeros(len(vocabulary))
    n_groups = len(groups)
    for _ in range(epochs):
        logits = np.bincount(row_a, weights=weights[col_a], minlength=n_rows)
        top = np.full(n_groups, -np.inf)
        np.maximum.at(top, group_a, logits)
        exps = np.exp(logits - top[group_a])
        totals = np.bincount(group_a, weights=exps, minlength=n_groups)
        errors = exps / totals[group_a] - label_a
        gradient = np.bincount(col_a, weights=errors[row_a], minlength=len(vocabulary))
        gradient = gradient / n_groups + l2 * weights
        history += gradient**2
        weights -= learning_rate * gradient / (np.sqrt(history) + 1e-8)
    return {f: float(w) for f, w in zip(vocabulary, weights, strict=True) if abs(w) >= 1e-4}
