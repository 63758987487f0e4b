"""A learned cue scorer: is this verb the cue of an attribution?

The lexicon of reporting verbs (``data/cue_verbs.txt``) covers speech and
its near relatives; news attributes far more than that ("laid out her
proposals", "is raising questions about"), and whether a verb reports depends
on its arguments as much as on its lemma ("show" with a clause after a poll
is a cue, "show" with a film is not). This module scores a verb with a
logistic regression over readable features of the parse (lemma, dependency,
the verb's complements, its subject's kind) trained on PolNeAR's train split
(``make train``). The weights ship as JSON in ``data/cue_model.json`` and
are read once per process. The stage keeps its rules: the model adds verbs
the lexicon does not know and drops lexicon verbs it is confident report
nothing here (``find.cue_decision``); a verb becomes a claim only when the
parse gives it a content (``verb_candidate``).

The model is a plain weighted sum: ``score(token)`` is the probability, the
weights of the features that fired explain it (``explain``), and training is
deterministic full-batch gradient descent (no random initialisation, sorted
features), so ``make train`` rebuilds the same file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from spacy.tokens import Doc, Token

from .docview import DocView

#: The shipped model's path in the package (``make train`` writes it).
MODEL_FILE = "components/claims/data/cue_model.json"

#: A candidate is a verb (the cues the rules miss are verbs more than anything).
CANDIDATE_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})

#: Complements whose presence says what kind of predicate a verb is.
ARGUMENT_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "dative", "prep", "agent", "nsubjpass", "advcl", "neg", "prt"}
)
PRONOUN_SPEAKERS = frozenset({"he", "she", "they", "i", "we", "you", "it"})


def is_candidate(token: Token) -> bool:
    return token.pos_ == "VERB" and token.tag_ in CANDIDATE_TAGS


def _subject(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if token.dep_ in ("conj", "xcomp", "advcl") and token.head is not token:
        return _subject(token.head) if token.head.i < token.i else None
    return None


def _subject_kind(subject: Token | None) -> str:
    if subject is None:
        return "none"
    if subject.lower_ in PRONOUN_SPEAKERS:
        return f"pron:{subject.lower_}"
    if subject.ent_type_:
        return f"ent:{subject.ent_type_}"
    return f"{subject.pos_}:{subject.lemma_.lower()}"


def token_features(token: Token, in_lexicon: bool, view: DocView | None = None) -> list[str]:
    """The features of one verb, as readable strings (``name=value``).

    ``view``: the doc's ``DocView`` when the caller scores many verbs of a doc.
    """
    lemma = token.lemma_.lower()
    features = [
        "bias",
        f"lemma={lemma}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lemma,dep={lemma},{token.dep_}",
        f"head_pos={token.head.pos_}" if token.head.i != token.i else "head=root",
        f"in_lexicon={in_lexicon}",
    ]
    args = set()
    for child in token.children:
        if child.dep_ == "prep":
            args.add(f"prep:{child.lower_}")
        elif child.dep_ == "prt":
            args.add(f"prt:{child.lower_}")
        elif child.dep_ == "ccomp":
            marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            args.add("ccomp:that" if marked else "ccomp")
        elif child.dep_ in ARGUMENT_DEPS:
            args.add(child.dep_)
        elif child.dep_ == "aux" and child.tag_ == "MD":
            args.add("modal")
    for arg in sorted(args):
        features.append(f"arg={arg}")
        features.append(f"lemma,arg={lemma},{arg}")
    if not args:
        features.append(f"lemma,arg={lemma},none")
    subject = _subject(token)
    kind = _subject_kind(subject)
    features.append(f"subject={kind.split(':')[0]}")
    features.append(f"subject={kind}" if kind.startswith(("pron", "ent")) else "subject=other")
    features.append(f"lemma,subject={lemma},{kind.split(':')[0]}")
    if view is None:
        view = DocView(token.doc)
    if view.sentence(token).start in view.quoted_sentences:
        features.append("sentence_has_quote")
    return features


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -30 else 0.0


def steps(name: str, value: float, thresholds: Sequence[float]) -> list[str]:
    """Cumulative bins of a probability, shared by the models built like this one
    (accept model, source chooser, rule judge): ``name>=0.7`` fires for 0.7 and above."""
    return [f"{name}>={step}" for step in thresholds if value >= step]


def binned(name: str, value: float, bins: Sequence[float]) -> str:
    """The bin of a count: ``name<=top`` for the first upper end ``top`` of ``bins`` it
    does not pass, else ``name>last``."""
    for top in bins:
        if value <= top:
            return f"{name}<={top}"
    return f"{name}>{bins[-1]}"


@dataclass(frozen=True)
class CueModel:
    weights: dict[str, float]
    #: a verb the rules do not know is a cue from this probability on
    threshold: float = 0.5
    #: a verb the rules know stays a cue from this probability on
    keep_threshold: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, token: Token, in_lexicon: bool = False, view: DocView | None = None) -> float:
        """The probability that ``token`` is an attribution cue."""
        weights = self.weights
        features = token_features(token, in_lexicon, view)
        return sigmoid(sum(weights.get(f, 0.0) for f in features))

    def explain(self, token: Token, in_lexicon: bool = False) -> list[tuple[str, float]]:
        """The features that fired and their weights, strongest first."""
        fired = [(f, self.weights.get(f, 0.0)) for f in token_features(token, in_lexicon)]
        return sorted(fired, key=lambda fw: -abs(fw[1]))

    def to_json(self) -> str:
        body = {
            "meta": self.meta,
            "threshold": self.threshold,
            "keep_threshold": self.keep_threshold,
            "weights": {f: round(w, 5) for f, w in sorted(self.weights.items())},
        }
        return json.dumps(body, indent=0, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> CueModel:
        body = json.loads(text)
        return cls(
            weights=dict(body["weights"]),
            threshold=float(body["threshold"]),
            keep_threshold=float(body["keep_threshold"]),
            meta=dict(body.get("meta") or {}),
        )


@lru_cache(maxsize=1)
def load_cue_model() -> CueModel | None:
    """The shipped model, or ``None`` when the package has none (the rules alone run)."""
    resource = files("pipeline").joinpath(*MODEL_FILE.split("/"))
    if not resource.is_file():
        return None
    return CueModel.from_json(resource.read_text(encoding="utf-8"))


# --- training -------------------------------------------------------------------


def examples(
    doc: Doc,
    gold_cues: Iterable[Sequence[tuple[int, int]]],
    in_lexicon: Callable[[Token], bool],
    skip: Callable[[Token], bool] | None = None,
) -> Iterable[tuple[list[str], int]]:
    """``(features, label)`` for every candidate verb of ``doc``.

    A verb is a positive example when it lies inside a gold cue span.
    ``in_lexicon(token)`` says whether the rules know the verb; ``skip(token)``
    leaves out verbs the stage would not ask about (inside quotations).
    """
    cue_chars = {i for spans in gold_cues for start, end in spans for i in range(start, end)}
    view = DocView(doc)
    for token in doc:
        if not is_candidate(token) or (skip is not None and skip(token)):
            continue
        label = int(any(i in cue_chars for i in range(token.idx, token.idx + len(token))))
        yield token_features(token, bool(in_lexicon(token)), view), label


def train(
    data: Sequence[tuple[list[str], int]],
    *,
    epochs: int = 300,
    learning_rate: float = 0.5,
    l2: float = 1e-4,
    min_count: int = 2,
) -> dict[str, float]:
    """Logistic regression by full-batch AdaGrad; deterministic for the same data."""
    import numpy as np

    counts: dict[str, int] = {}
    for features, _ in data:
        for f in set(features):
            counts[f] = counts.get(f, 0) + 1
    vocabulary = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocabulary)}
    rows, cols = [], []
    for row, (features, _) in enumerate(data):
        for f in set(features):
            if f in index:
                rows.append(row)
                cols.append(index[f])
    rows_a = np.asarray(rows, dtype=np.int64)
    cols_a = np.asarray(cols, dtype=np.int64)
    labels = np.asarray([label for _, label in data], dtype=np.float64)
    weights = np.zeros(len(vocabulary))
    history = np.zeros(len(vocabulary))
    n = len(data)
    for _ in range(epochs):
        logits = np.zeros(n)
        np.add.at(logits, rows_a, weights[cols_a])
        probabilities = 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))
        errors = probabilities - labels
        gradient = np.zeros(len(vocabulary))
        np.add.at(gradient, cols_a, errors[rows_a])
        gradient = gradient / n + l2 * weights
        history += gradient**2
        weights -= learning_rate * gradient / (np.sqrt(history) + 1e-8)
    return {f: float(w) for f, w in zip(vocabulary, weights, strict=True) if abs(w) >= 1e-4}
