"""A learned judge of the rules' claims that the attribution tagger did not confirm.

``merge.py`` marks a rule claim "both" when the tagger found its content too,
and "rule" when it did not. On PolNeAR dev the "both" claims are right 86% of
the time, the "rule" ones only 54%: "portrayed | himself", "released | an ad",
"want | to interrupt", headline colons. Every false claim also costs exact
source and cue phrase their precision (multiset matches over all the spans of
a doc), so this module scores each "rule" claim with a logistic regression
over readable features of it and drops those below the model's ``threshold``.

Why a separate model, not the accept model's: the accept model judges the
tagger's contents, which have a tagger probability and come with the nearest
cue and source of the paragraph; a rule claim has a cue the rules found and a
parse-based source, and what says whether it is real is what the tagger made
of the same text (the best Jaccard and probability of a tagger content span
overlapping it, a tagger cue on its cue, a tagger source on its source), the
cue (lemma, part of speech, dependency, the cue model's score), what the
content is (a clause with a verb, a noun phrase, an infinitive; its first
word; "that"), the quotation it touches, what its source is (none, a pronoun,
a name, another noun) and how sure the boundary chooser is of it.

A claim continued by quotations ("“A,” Kim continued. “B.”", ``continuation``)
is one attribution for PolNeAR and for the scorer, so the head and its
continuations are judged as one unit: judged when none of them was confirmed
by the tagger, with the head's features and ``continued``, kept or dropped
together. A claim touching a quotation is kept when its probability reaches
``quoted_threshold`` (a quotation is a statement more often than other text is;
quote-marked recall must hold). Each judged claim carries its probability as
``claim_probability``. The weights ship as JSON in ``data/rule_judge.json``,
read once per process; the model card is ``data/rule_judge.md``; training is
``pipeline/rule_judge_training.py`` (``make train``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ...intervals import SpanIndex
from .accept_model import cue_features
from .cue_model import binned, sigmoid, steps
from .docview import DocView
from .merge import jaccard
from .quotes import Quote, quote_relation

#: The shipped model's path in the package (``make train`` writes it).
MODEL_FILE = "components/claims/data/rule_judge.json"

#: Cumulative bins of a probability: ``p>=0.7`` fires for 0.7 and above.
PROBABILITY_STEPS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
#: Cumulative bins of the Jaccard of a tagger content span with the claim's content
#: (0.5 and above makes the claim "both", not judged).
JACCARD_STEPS = (0.05, 0.15, 0.25, 0.35, 0.45)
#: Upper ends of the bins of the share of the content that tagger content spans cover.
COVER_BINS = (0.0, 0.1, 0.3, 0.6, 0.9)
#: Upper ends of the bins of a content's length in tokens.
LENGTH_BINS = (2, 4, 7, 12, 20, 40)
#: Upper ends of the bins of the words of the content's line.
LINE_BINS = (6, 12, 25)
#: Parts of speech of a content's root that make it a clause.
VERBAL = frozenset({"VERB", "AUX"})
#: Parts of speech of a source that name someone.
NAMES = frozenset({"PROPN"})

#: The origins of the claims judged.
JUDGED = frozenset({"rule", "both"})

Bounds = tuple[int, int]
#: A judged unit: a head claim and the claims that continue it.
Unit = list[dict[str, Any]]


def content_bounds(claim: dict[str, Any]) -> list[Bounds]:
    content = claim["content"]
    return [(s, e) for s, e in content.get("spans") or [[content["start"], content["end"]]]]


def units(claims: Sequence[dict[str, Any]]) -> list[Unit]:
    """The claims as the scorer counts them: each head with the claims that continue it
    (``continuation``: the claim before it with the same cue), in order."""
    found: list[Unit] = []
    by_cue: dict[Bounds, Unit] = {}
    for claim in claims:
        cue = (claim["cue"]["start"], claim["cue"]["end"])
        head = by_cue.get(cue) if claim.get("continuation") else None
        if head is not None:
            head.append(claim)
            continue
        unit = [claim]
        found.append(unit)
        by_cue[cue] = unit
    return found


def _tagger_evidence(prefix: str, bounds: Bounds, spans: SpanIndex[dict[str, Any]]) -> list[str]:
    """Whether a tagger span of one role overlaps ``bounds``, and how probable the best is."""
    overlapping = list(spans.overlapping(*bounds))
    if not overlapping:
        return [f"{prefix}=none"]
    best = max(overlapping, key=lambda s: (jaccard(bounds, (s["start"], s["end"])), s["start"]))
    return [f"{prefix}=some", *steps(f"{prefix}_p", best["probability"], PROBABILITY_STEPS)]


@dataclass(frozen=True)
class Neighbours:
    """The claims of a doc, for what lies around one of them."""

    #: content spans, each with the index of its claim's unit
    contents: SpanIndex[tuple[int, int, int]]
    #: cue spans, each with the index of its claim's unit
    cues: SpanIndex[tuple[int, int, int]]

    @classmethod
    def of(cls, all_units: Sequence[Unit]) -> Neighbours:
        contents = [
            (s, e, k)
            for k, unit in enumerate(all_units)
            for c in unit
            for s, e in content_bounds(c)
        ]
        cues = [
            (c["cue"]["start"], c["cue"]["end"], k)
            for k, unit in enumerate(all_units)
            for c in unit
        ]
        return cls(SpanIndex(contents, lambda x: x[:2]), SpanIndex(cues, lambda x: x[:2]))


def _around(unit_index: int, spans: list[Bounds], cue: Bounds, near: Neighbours) -> list[str]:
    """Whether other claims nest with this one: its cue in another's content, another's
    cue in its content, its content overlapping another's."""
    features = []
    if any(k != unit_index for _, _, k in near.contents.overlapping(*cue)):
        features.append("cue_in_claim_content")
    if any(k != unit_index for b in spans for _, _, k in near.cues.overlapping(*b)):
        features.append("content_holds_claim_cue")
    if any(k != unit_index for b in spans for _, _, k in near.contents.overlapping(*b)):
        features.append("content_overlaps_claim")
    return features


def rule_claim_features(
    view: DocView,
    unit: Unit,
    tagger: dict[str, SpanIndex[dict[str, Any]]],
    quotes: list[Quote],
    cue_verbs: frozenset[str] = frozenset(),
    near: tuple[int, Neighbours] | None = None,
) -> list[str]:
    """The features of one unit of rule claims (its head's, and whether it is continued),
    as readable strings. ``tagger``: the tagger's spans by role ("content", "source",
    "cue"); ``cue_verbs``: the rules' reporting verbs; ``near``: the unit's index among
    the doc's units, and those units."""
    claim = unit[0]
    spans = [b for c in unit for b in content_bounds(c)]
    start, end = spans[0][0], spans[-1][1]
    cue = (claim["cue"]["start"], claim["cue"]["end"])
    features = ["bias", f"kind={claim['kind']}", f"stance={claim['stance']}"]
    if unit_origin(unit) == "both":
        probabilities = [c["model_probability"] for c in unit if c.get("model_probability")]
        features += steps("model_p", max(probabilities, default=0.0), PROBABILITY_STEPS)
    if len(unit) > 1:
        features.append("continued")
    if near is not None:
        features += _around(near[0], spans, cue, near[1])
    if tagger["content"].overlapping(*cue):
        features.append("cue_in_tagger_content")
    # what the tagger made of the same text
    contents = [s for b in spans for s in tagger["content"].overlapping(*b)]
    if contents:
        best = max(
            contents, key=lambda s: (jaccard((start, end), (s["start"], s["end"])), s["start"])
        )
        features.append("tagger_content=some")
        features += steps(
            "tagger_jaccard", jaccard((start, end), (best["start"], best["end"])), JACCARD_STEPS
        )
        features += steps("tagger_content_p", best["probability"], PROBABILITY_STEPS)
        if best["start"] <= start and end <= best["end"]:
            features.append("tagger_content=contains")
        elif start <= best["start"] and best["end"] <= end:
            features.append("tagger_content=inside")
    else:
        features.append("tagger_content=none")
    covered = sum(
        min(e, s["end"]) - max(b, s["start"])
        for b, e in spans
        for s in tagger["content"].overlapping(b, e)
    )
    features.append(
        binned("tagger_cover", covered / max(1, sum(e - b for b, e in spans)), COVER_BINS)
    )
    features += _tagger_evidence("tagger_cue", cue, tagger["cue"])
    source = claim.get("source")
    if source is None:
        features.append("source=none")
    else:
        features += _tagger_evidence(
            "tagger_source", (source["start"], source["end"]), tagger["source"]
        )
        features.append(f"source_type={source.get('type')}")
        if source.get("entity_id"):
            features.append("source_entity")
        source_span = view.span(source["start"], source["end"])
        if source_span is not None:
            pos = source_span.root.pos_
            features.append(
                "source=pronoun"
                if pos == "PRON"
                else "source=name"
                if pos in NAMES
                else f"source={pos}"
            )
    # the cue
    if claim.get("cue_score") is not None:
        features += ["cue_scored", *steps("cue_score", claim["cue_score"], PROBABILITY_STEPS)]
    if claim.get("bounds_probability") is not None:
        features += steps("bounds_p", claim["bounds_probability"], PROBABILITY_STEPS)
    features.append(f"quote={quote_relation(quotes, start, end)}")
    content_span = view.span(*spans[0])
    cue_span = view.span(*cue)
    if content_span is None or cue_span is None:
        return features
    root = cue_span.root
    features += cue_features(cue_span, cue_verbs)
    if root.pos_ in VERBAL:
        if any(t.dep_ == "neg" for t in root.children):
            features.append("cue_negated")
        if root.tag_ in ("VBG", "VBN") and not any(t.dep_.startswith("aux") for t in root.children):
            features.append("cue_bare_participle")
    side = "before" if cue[1] <= start else "after" if end <= cue[0] else "inside"
    features.append(f"cue_side={side}")
    # what the content is
    words = sum(len(view.span(b, e) or ()) for b, e in spans)
    features.append(binned("length", words, LENGTH_BINS))
    first = content_span[0]
    features += [f"first_pos={first.pos_}", f"first_dep={first.dep_}"]
    if first.lower_ in ("that", "to", "if", "whether", "how", "what", "why"):
        features.append(f"first_word={first.lower_}")
    content_root = content_span.root
    features += [f"root_pos={content_root.pos_}", f"root_dep={content_root.dep_}"]
    if content_root.pos_ in ("NOUN", "PRON"):
        features.append(f"root_lemma={content_root.lemma_.lower()}")
    if content_root.head.i in range(cue_span.start, cue_span.end):
        features.append(f"root_hangs_on_cue={content_root.dep_}")
    has_verb = any(t.pos_ in VERBAL and t.dep_ != "amod" for t in content_span)
    has_subject = any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in content_span)
    if first.lower_ == "to" and first.pos_ == "PART":
        features.append("content=infinitive")
    elif has_verb and has_subject:
        features.append("content=clause")
    elif has_verb:
        features.append("content=verb_no_subject")
    else:
        features.append("content=phrase")
    features.append(f"{features[-1]}&cue_pos={root.pos_}")
    if "tagger_cue=none" in features:
        features.append(f"{features[-2]}&tagger_cue=none")
    # the line it is in
    line_start = view.text.rfind("\n", 0, start) + 1
    line_end = view.text.find("\n", start)
    line = view.text[line_start : line_end if line_end >= 0 else len(view.text)]
    features.append(binned("line_words", len(line.split()), LINE_BINS))
    if not line.rstrip().endswith((".", "?", "!", "”", '"', "’", "'", ")")):
        features.append("line_unfinished")
    if view.sentence(root).start != view.sentence(first).start:
        features.append("cue_other_sentence")
    return features


def unit_origin(unit: Unit) -> str:
    """ "rule" when the tagger confirmed none of the unit's claims, else "both"."""
    return "rule" if all(c.get("origin") == "rule" for c in unit) else "both"


@dataclass(frozen=True)
class RuleJudge:
    """Two logistic regressions, one for the units of each origin ("rule", "both"),
    and the probability each must reach to stay, with and without a quotation."""

    #: the weights of each origin's model
    weights: dict[str, dict[str, float]]
    #: a unit of an origin stays from this probability on
    thresholds: dict[str, float] = field(default_factory=dict)
    #: ... or from this one when its content touches a quotation
    quoted_thresholds: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, features: Sequence[str], origin: str) -> float:
        """The probability that a unit of ``origin`` with ``features`` is a gold attribution."""
        weights = self.weights.get(origin) or {}
        return sigmoid(sum(weights.get(f, 0.0) for f in features))

    def keeps(self, features: Sequence[str], origin: str, probability: float | None = None) -> bool:
        """Whether a unit of ``origin`` with ``features`` (and this probability, when
        known) stays; an origin without a model keeps all its units."""
        if origin not in self.weights:
            return True
        if probability is None:
            probability = self.probability(features, origin)
        quoted = "quote=none" not in features
        table = self.quoted_thresholds if quoted else self.thresholds
        return probability >= table.get(origin, 0.0)

    def explain(self, features: Sequence[str], origin: str) -> list[tuple[str, float]]:
        """The features that fired and their weights, strongest first."""
        weights = self.weights.get(origin) or {}
        fired = [(f, weights.get(f, 0.0)) for f in features]
        return sorted(fired, key=lambda fw: -abs(fw[1]))

    def to_json(self) -> str:
        body = {
            "meta": self.meta,
            "thresholds": self.thresholds,
            "quoted_thresholds": self.quoted_thresholds,
            "weights": {
                origin: {f: round(w, 5) for f, w in sorted(weights.items())}
                for origin, weights in sorted(self.weights.items())
            },
        }
        return json.dumps(body, indent=0) + "\n"

    @classmethod
    def from_json(cls, text: str) -> RuleJudge:
        body = json.loads(text)
        return cls(
            weights={origin: dict(w) for origin, w in body["weights"].items()},
            thresholds={k: float(v) for k, v in body["thresholds"].items()},
            quoted_thresholds={k: float(v) for k, v in body["quoted_thresholds"].items()},
            meta=dict(body.get("meta") or {}),
        )


@lru_cache(maxsize=1)
def load_rule_judge() -> RuleJudge | None:
    """The shipped judge, or ``None`` when the package has none (every rule claim stays)."""
    resource = files("pipeline").joinpath(*MODEL_FILE.split("/"))
    if not resource.is_file():
        return None
    return RuleJudge.from_json(resource.read_text(encoding="utf-8"))


def judge_rule_claims(
    view: DocView,
    claims: list[dict[str, Any]],
    tagger_spans: Sequence[dict[str, Any]],
    quotes: list[Quote],
    judge: RuleJudge | None,
    *,
    cue_verbs: frozenset[str] = frozenset(),
    recorded: list[tuple[list[str], Unit]] | None = None,
) -> list[dict[str, Any]]:
    """``claims`` without the units of the rules' claims (``origin`` "rule" or "both",
    ``JUDGED``; a unit is judged by the model of its origin, ``unit_origin``) that
    ``judge`` turns down; each judged claim gets ``claim_probability``.
    With ``recorded`` (training), every judged unit goes in it with its features and
    all claims stay."""
    tagger = {
        role: SpanIndex(
            (s for s in tagger_spans if s["role"] == role), lambda s: (s["start"], s["end"])
        )
        for role in ("content", "source", "cue")
    }
    dropped: set[int] = set()
    all_units = units(claims)
    near = Neighbours.of(all_units)
    for k, unit in enumerate(all_units):
        if any(c.get("origin") not in JUDGED for c in unit):
            continue
        features = rule_claim_features(view, unit, tagger, quotes, cue_verbs, (k, near))
        if recorded is not None:
            recorded.append((features, unit))
            continue
        origin = unit_origin(unit)
        if judge is None or origin not in judge.weights:
            continue
        probability = judge.probability(features, origin)
        for claim in unit:
            claim["claim_probability"] = round(probability, 3)
        if not judge.keeps(features, origin, probability):
            dropped.update(id(c) for c in unit)
    return [c for c in claims if id(c) not in dropped]
