"""A learned source chooser: which source does a claim the tagger adds take?

``merge.py`` gives a claim of the attribution tagger (``origin`` "model") the
tagger's source span nearest its cue in the paragraph, else the cue's subject.
On PolNeAR dev that source was wrong for a quarter of the added claims whose
content was right: the nearest span was often another claim's source, on the far
side of the content or in another sentence, where the cue's subject was the
speaker. This module scores each candidate (``merge.source_candidates``: every
source span of the tagger in the paragraph, the cue's subject, no source) with a
logistic regression over readable features of it (where it came from, its rank
by distance to the cue, the order of source, cue and content, whether it is in
the cue's sentence, whether it is the cue's subject or a rule claim's source, its
root's part of speech, the tagger's probability) and the claim takes the
candidate scored highest.

The model is trained (``make train``, ``pipeline/source_training.py``) on
PolNeAR train with the proposals of the fold taggers the accept model learns
from (taggers that never saw the articles); a candidate is right when it
overlaps the source of the gold attribution the scorer pairs the claim's content
with (no source is right when the gold has none). The weights ship as JSON in
``data/source_model.json``, read once per process; the model card is
``data/source_model.md``. Training is the cue model's deterministic full-batch
AdaGrad (``cue_model.train``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ...intervals import SpanIndex
from .cue_model import binned, sigmoid
from .docview import DocView
from .quotes import Quote, quote_relation

#: The shipped model's path in the package (``make train`` writes it).
MODEL_FILE = "components/claims/data/source_model.json"

#: Cumulative bins of the tagger's probability of a source span.
PROBABILITY_STEPS = (0.3, 0.5, 0.7, 0.9)
#: Upper ends of the bins of the words between a candidate and the cue.
DISTANCE_BINS = (0, 2, 5, 10, 20)
#: Parts of speech of a candidate's root that are features of their own.
ROOT_POS = frozenset({"PRON", "PROPN", "NOUN"})

Bounds = tuple[int, int]


def _order(source: Bounds, cue: Bounds, content: Bounds) -> str:
    """The order of source (S), cue (C) and content (T) in the text: "SCT"."""
    marks = sorted([(source[0], "S"), (cue[0], "C"), (content[0], "T")])
    return "".join(mark for _, mark in marks)


def candidate_features(
    view: DocView,
    proposal: dict[str, Any],
    candidates: Sequence[dict[str, Any]],
    index: int,
    rule_sources: SpanIndex[Bounds],
    quotes: Sequence[Quote] = (),
) -> list[str]:
    """The features of candidate ``index`` of ``candidates`` for a proposal's claim
    (``merge.py``), as readable strings; ``rule_sources``: the source spans of the
    rule claims of the doc."""
    candidate = candidates[index]
    origin = candidate["from"]
    claim = proposal["claim"]
    content = (claim["content"]["start"], claim["content"]["end"])
    cue = (claim["cue"]["start"], claim["cue"]["end"])
    quoted = "quoted" if quote_relation(quotes, *content) == "inside" else ""
    taggers = [c for c in candidates if c["from"] == "tagger"]
    subject = next((c["source"] for c in candidates if c["from"] == "subject"), None)
    verb = next((c["source"] for c in candidates if c["from"] == "verb"), None)
    features = [f"from={origin}", f"from={origin}|tagger_spans={min(len(taggers), 3)}"]
    features.append(f"from={origin}|subject={subject is not None}|verb={verb is not None}")
    if quoted:
        features.append(f"from={origin}|quoted")
    source = candidate["source"]
    if source is None:
        return features
    bounds = (source["start"], source["end"])
    if origin == "tagger":
        rank = taggers.index(candidate)
        features.append(f"rank={min(rank, 2)}")
        features += [
            f"source_p>={step}"
            for step in PROBABILITY_STEPS
            if candidate["span"]["probability"] >= step
        ]
    agree = [
        other["from"]
        for other in candidates
        if other is not candidate
        and other["source"] is not None
        and other["source"]["start"] < bounds[1]
        and bounds[0] < other["source"]["end"]
    ]
    features += [f"from={origin}|agrees={other}" for other in sorted(set(agree))]
    order = _order(bounds, cue, content)
    features += [f"order={order}", f"from={origin}|order={order}"]
    if rule_sources.overlapping(*bounds):
        features.append(f"from={origin}|rule_source")
    if quote_relation(quotes, *bounds) == "inside":
        features.append("in_quotation")
    if source.get("type"):
        features.append(f"type={source['type']}")
    span = view.span(*bounds)
    cue_span = view.span(*cue)
    content_span = view.span(*content)
    if span is None or cue_span is None or content_span is None:
        return features
    root = span.root
    pos = root.pos_ if root.pos_ in ROOT_POS else "other"
    features += [f"root_pos={pos}", f"from={origin}|root_pos={pos}"]
    same_cue = view.sentence_bounds(root.i) == view.sentence_bounds(cue_span.root.i)
    same_content = view.sentence_bounds(root.i) == view.sentence_bounds(content_span[0].i)
    features.append(f"same_sentence_cue={same_cue}|content={same_content}")
    features.append(f"from={origin}|same_sentence_cue={same_cue}")
    if span.end <= cue_span.start:
        gap = view.doc[span.end : cue_span.start]
    else:
        gap = view.doc[cue_span.end : max(cue_span.end, span.start)]
    words = sum(1 for t in gap if not t.is_punct and not t.is_space)
    features.append(binned("gap", words, DISTANCE_BINS))
    if root.head.i in range(cue_span.start, cue_span.end) and root.dep_.startswith("nsubj"):
        features.append("subject_of_cue")
    return features


@dataclass(frozen=True)
class SourceModel:
    weights: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, features: Sequence[str]) -> float:
        """The probability that a candidate with ``features`` is the claim's source."""
        weights = self.weights
        return sigmoid(sum(weights.get(f, 0.0) for f in features))

    def choose(self, features_of: Sequence[Sequence[str]]) -> int:
        """The index of the candidate scored highest (the first of equals)."""
        scores = [self.score(features) for features in features_of]
        return max(range(len(scores)), key=lambda i: (scores[i], -i))

    def to_json(self) -> str:
        body = {
            "meta": self.meta,
            "weights": {f: round(w, 5) for f, w in sorted(self.weights.items())},
        }
        return json.dumps(body, indent=0) + "\n"

    @classmethod
    def from_json(cls, text: str) -> SourceModel:
        body = json.loads(text)
        return cls(weights=dict(body["weights"]), meta=dict(body.get("meta") or {}))


@lru_cache(maxsize=1)
def load_source_model() -> SourceModel | None:
    """The shipped model, or ``None`` when the package has none (the nearest source
    span, else the cue's subject)."""
    resource = files("pipeline").joinpath(*MODEL_FILE.split("/"))
    if not resource.is_file():
        return None
    return SourceModel.from_json(resource.read_text(encoding="utf-8"))
