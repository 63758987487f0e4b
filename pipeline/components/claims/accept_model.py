"""A learned accept model: is a claim the attribution tagger proposes a real one?

``merge.py`` turns every content span of the tagger that no rule claim
overlaps into a proposal (its cue the nearest cue span of the paragraph, its
source the nearest source span or the cue's subject). One threshold on the
tagger's probability was too blunt a judge of them (a lower one added claims,
and more wrong sources and cues with them), so this module scores each
proposal with a logistic regression over readable features of it: the
tagger's probabilities (binned), the quotation it touches, its cue's lemma,
part of speech and distance, where its source came from, its length, what kind of
phrase it is (a clause, an infinitive, a noun phrase: ``content_kind``), where
it begins and whether rule claims are near. A proposal is a claim when its
probability reaches the model's ``threshold``, or when it touches a quotation
and the tagger's own probability reaches ``QUOTED_FLOOR`` (``merge.py``'s
``ADD_QUOTED``): the model alone turned down quotations the tagger was unsure
of, and PolNeAR dev's quote-marked recall fell from 0.918 to 0.905 (even half
0.914 -> 0.896); with the floor it is 0.921, at a cost of 0.002 of exact source.

The model is trained (``make train``, ``pipeline/accept_training.py``) on
PolNeAR train with the proposals of taggers trained on the other half of
train (the shipped tagger's probabilities are inflated on its own training
articles); a proposal is right when the scorer matches its content to a gold
attribution. PolNeAR dev's even half picks the threshold. The weights ship as
JSON in ``data/accept_model.json``, read once per process; the model card is
``data/accept_model.md``. Training is the cue model's deterministic
full-batch AdaGrad (``cue_model.train``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from spacy.tokens import Span as DocSpan

from ...intervals import SpanIndex
from .cue_model import binned, sigmoid, steps
from .docview import DocView
from .merge import ADD_QUOTED
from .quotes import Quote, quote_relation

#: The shipped model's path in the package (``make train`` writes it).
MODEL_FILE = "components/claims/data/accept_model.json"

#: Cumulative bins of a probability: the feature ``p>=0.7`` fires for 0.7 and above.
PROBABILITY_STEPS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
#: Upper ends of the bins of a content's length in tokens.
LENGTH_BINS = (3, 6, 10, 20, 40)
#: Upper ends of the bins of the words between a cue and its content.
DISTANCE_BINS = (0, 2, 5, 10, 20)

Bounds = tuple[int, int]

#: Tags of a finite verb (or its auxiliary).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def content_kind(span: DocSpan) -> str:
    """What the content is, by its root and the root's dependents inside it: a
    "clause" (finite, with a subject), "finite" (finite, no subject: "would
    rise"), an "infinitive" ("to raise taxes"), a "gerund", another verb form
    ("verb"), a noun phrase ("np": an addressee, "the governor", more often than a
    statement) or "other"."""
    root = span.root
    inside = [t for t in root.children if span.start <= t.i < span.end]
    if root.pos_ in ("NOUN", "PROPN", "PRON"):
        return "np"
    if root.pos_ not in ("VERB", "AUX"):
        return "other"
    subject = any(t.dep_ in SUBJECT_DEPS for t in inside)
    auxiliaries = [t for t in inside if t.dep_ in ("aux", "auxpass")]
    if not subject and any(t.lower_ == "to" for t in auxiliaries):
        return "infinitive"
    if root.tag_ in FINITE_TAGS or any(t.tag_ in FINITE_TAGS for t in auxiliaries):
        return "clause" if subject else "finite"
    return "gerund" if root.tag_ == "VBG" else "verb"


def cue_features(cue_span: DocSpan, cue_verbs: frozenset[str]) -> list[str]:
    """What a claim's cue is: its root's lemma, part of speech and edge, its length in
    words, and whether the rules' reporting verbs know it (shared with the rule judge)."""
    root = cue_span.root
    lemma = root.lemma_.lower()
    features = [
        f"cue_lemma={lemma}",
        f"cue_pos={root.pos_}",
        f"cue_dep={root.dep_}",
        f"cue_words={min(len(cue_span), 3)}",
    ]
    if lemma in cue_verbs:
        features.append("cue_in_lexicon")
    return features


def proposal_features(
    view: DocView,
    proposal: dict[str, Any],
    quotes: list[Quote],
    rule_contents: SpanIndex[Bounds],
    cue_verbs: frozenset[str] = frozenset(),
) -> list[str]:
    """The features of one proposal (``merge.py``'s ``accept``), as readable strings.

    ``rule_contents``: the content spans of the rule claims of the doc;
    ``cue_verbs``: the rules' reporting verbs."""
    content, cue = proposal["content"], proposal["cue"]
    start, end = content["start"], content["end"]
    features = ["bias", *steps("p", content["probability"], PROBABILITY_STEPS)]
    features += steps("cue_p", cue["probability"], PROBABILITY_STEPS)
    features.append(f"quote={quote_relation(quotes, start, end)}")
    source = proposal["source_from"]
    features.append(f"source={source}")
    if source == "tagger":
        features += steps("source_p", proposal["source_probability"], PROBABILITY_STEPS)
    span = view.span(start, end)
    cue_span = view.span(cue["start"], cue["end"])
    if span is None or cue_span is None:
        return features
    features.append(binned("length", len(span), LENGTH_BINS))
    root = cue_span.root
    features += cue_features(cue_span, cue_verbs)
    if cue["end"] <= start:
        side, gap = "before", view.doc[cue_span.end : span.start]
    elif end <= cue["start"]:
        side, gap = "after", view.doc[span.end : cue_span.start]
    else:
        side, gap = "inside", view.doc[0:0]
    words = sum(1 for t in gap if not t.is_punct and not t.is_space)
    features += [f"cue_side={side}", binned(f"cue_{side}_gap", words, DISTANCE_BINS)]
    sentence = view.sentence(span[0])
    if view.sentence(root).start == sentence.start:
        features.append("cue_same_sentence")
    first = span[0]
    features += [f"first_pos={first.pos_}", f"first_dep={first.dep_}"]
    if first.i == sentence.start:
        features.append("starts_sentence")
    if span[-1].i == sentence.end - 1 or span.end >= sentence.end:
        features.append("ends_sentence")
    content_root = span.root
    features += [f"root_dep={content_root.dep_}", f"content_kind={content_kind(span)}"]
    if content_root.head.i in range(cue_span.start, cue_span.end):
        features.append(f"root_hangs_on_cue={content_root.dep_}")
    if rule_contents.overlapping(sentence.start_char, sentence.end_char):
        features.append("rule_claim_in_sentence")
    return features


#: A proposal touching a quotation is a claim at this probability of the tagger,
#: whatever the model says (``merge.py``'s fixed rule for quotations, chosen on dev's
#: even half).
QUOTED_FLOOR = ADD_QUOTED


@dataclass(frozen=True)
class AcceptModel:
    weights: dict[str, float]
    #: a proposal is a claim from this probability on
    threshold: float = 0.5
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, features: Sequence[str]) -> float:
        """The probability that a proposal with ``features`` is a gold attribution."""
        weights = self.weights
        return sigmoid(sum(weights.get(f, 0.0) for f in features))

    def accepts(self, features: Sequence[str], tagger_probability: float) -> bool:
        """Whether a proposal with ``features``, whose content the tagger found
        ``tagger_probability`` probable, is a claim."""
        if self.probability(features) >= self.threshold:
            return True
        return "quote=none" not in features and tagger_probability >= QUOTED_FLOOR

    def explain(self, features: Sequence[str]) -> list[tuple[str, float]]:
        """The features that fired and their weights, strongest first."""
        fired = [(f, self.weights.get(f, 0.0)) for f in features]
        return sorted(fired, key=lambda fw: -abs(fw[1]))

    def to_json(self) -> str:
        body = {
            "meta": self.meta,
            "threshold": self.threshold,
            "weights": {f: round(w, 5) for f, w in sorted(self.weights.items())},
        }
        return json.dumps(body, indent=0) + "\n"

    @classmethod
    def from_json(cls, text: str) -> AcceptModel:
        body = json.loads(text)
        return cls(
            weights=dict(body["weights"]),
            threshold=float(body["threshold"]),
            meta=dict(body.get("meta") or {}),
        )


@lru_cache(maxsize=1)
def load_accept_model() -> AcceptModel | None:
    """The shipped model, or ``None`` when the package has none (``merge.py``'s
    fixed thresholds judge the proposals)."""
    resource = files("pipeline").joinpath(*MODEL_FILE.split("/"))
    if not resource.is_file():
        return None
    return AcceptModel.from_json(resource.read_text(encoding="utf-8"))
