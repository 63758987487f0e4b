"""Merging the attribution tagger's spans (``tagger.py``) with the rules' claims.

The rules find the attributions and keep what they do reliably: quotation
pairing, "according to", stance, canonical speakers, and (measured on PolNeAR
dev, both halves) the bounds of the contents, sources and cue phrases they
find, which the tagger's spans moved more often wrong than right. The tagger
adds what the rules miss and says how sure it is:

* a rule claim whose content span the tagger also found (character Jaccard at
  least ``MATCH``) is ``origin`` "both", with that span's probability as
  ``model_probability``; any other rule claim is "rule", with None;
* a rule claim whose content no span of the tagger matches, but that begins
  a content span of the tagger at least ``WIDEN`` probable and lies inside it
  (no line break), takes that span's bounds ("says that A and B are “C”": the
  rules stop at A, the tagger goes on through the quotation; ``_widened``);
* a content span of the tagger that no claim overlaps, at least ``ADD``
  probable (``ADD_QUOTED`` when it touches a quotation: a quotation is a
  statement more often than other text is), with a cue span of the tagger in
  its paragraph, is a claim of its own (``origin`` "model"): its cue the
  nearest cue span of the paragraph, its source the source span nearest that
  cue; as for the rules' "NAME: …" lines, page furniture before a colon
  ("Related — White House: …", the ``not_speakers`` words) is no source, and
  its line no claim.

With an accept judge (``accept``, the stage's ``accept_model.py``), every
content span of the tagger that no claim overlaps and that has a cue span in
its paragraph is a proposal, and the judge, not ``ADD``/``ADD_QUOTED``, says
which proposals are claims; with a source chooser (``choose_source``, the stage's
``source_model.py``), it says which of ``source_candidates`` each added claim's
source is. Once the rule judge has dropped claims, the tagger's content spans that
overlapped only dropped claims are proposals too (``readded_claims``), judged and
sourced the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ...intervals import SpanIndex
from .find import quoted_kind
from .quotes import Quote, quotes_overlapping

#: A tagger content span is a rule claim's content when it matches it this well.
MATCH = 0.5
#: A tagger content span no claim overlaps is a claim when it is this probable.
ADD = 0.85
#: ... or this probable when it touches a quotation (chosen on PolNeAR dev's even half:
#: quote-marked recall 0.890 -> 0.914, odd half 0.910 -> 0.920, content F1 up on both).
ADD_QUOTED = 0.6
#: A rule claim's content that begins a tagger content span this probable takes its bounds
#: (chosen on PolNeAR train with the fold taggers: 0.0, 0.7, 0.8; 0.7 raised content F1
#: 0.7158 -> 0.7169, the even half staying at 0.7152, and quote-marked recall 0.903 -> 0.907).
WIDEN = 0.7
#: What may stand between a tagger span's start and the rule content's: quote marks, spaces.
OPENERS = " \u00a0\"“‘'"
#: Fewest characters of a content the tagger adds on its own.
MIN_ADDED = 12

Span = tuple[int, int]
#: Who a character range names, as a source (``{"start", "end", ...}``), or None.
Speaker = Callable[[int, int], dict[str, Any] | None]


@dataclass(frozen=True)
class Proposing:
    """How the tagger's content spans become claims of their own (``merge_claims``,
    ``readded_claims``); without any of these, the fixed thresholds and the nearest
    spans decide.

    ``source_of(start, end)``: the source a tagger's source span names (the rules'
    speaker resolution); ``not_speakers``: page furniture before a colon, whose line
    is no claim; ``speaker_of_cue(start, end)``: the cue's subject, the source when no
    source span of the tagger is near the cue; ``accept(proposal)``: whether a
    proposal is a claim (a dict of the ``claim`` it would be, the tagger's ``content``
    and ``cue`` spans, ``source_from`` "tagger", "subject" or "none" and the
    ``source_probability`` of a tagger's source span), else the tagger's probability
    must reach ``ADD`` (``ADD_QUOTED``); ``choose_source(proposal, candidates)``: the
    index of the source an accepted proposal's claim takes among its ``candidates``
    (``source_candidates``), else the nearest source span, else the cue's subject;
    ``speaker_of_content(start, end)``: the subject of the verb a content hangs on,
    one more candidate."""

    source_of: Speaker | None = None
    not_speakers: frozenset[str] = frozenset()
    speaker_of_cue: Speaker | None = None
    accept: Callable[[dict[str, Any]], bool] | None = None
    choose_source: Callable[[dict[str, Any], list[dict[str, Any]]], int] | None = None
    speaker_of_content: Speaker | None = None


def jaccard(a: Span, b: Span) -> float:
    """Overlap over union of two character ranges."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def _content_spans(claim: dict[str, Any]) -> list[Span]:
    content = claim["content"]
    spans = content.get("spans") or [[content["start"], content["end"]]]
    return [(s, e) for s, e in spans]


def merge_claims(
    text: str,
    claims: list[dict[str, Any]],
    spans: Sequence[dict[str, Any]],
    quotes: list[Quote],
    proposing: Proposing = Proposing(),
) -> list[dict[str, Any]]:
    """``claims`` with ``origin`` and ``model_probability``, and the claims the
    tagger adds (``proposing`` says how they are judged and sourced), in cue order."""
    by_role = _by_role(spans)
    for claim in claims:
        _widened(text, claim, by_role["content"], quotes)
        probabilities = [
            best["probability"]
            for best in (_best_match(span, by_role["content"]) for span in _content_spans(claim))
            if best is not None
        ]
        claim["origin"] = "both" if probabilities else "rule"
        claim["model_probability"] = (
            round(sum(probabilities) / len(probabilities), 3) if probabilities else None
        )
    added = _added_claims(text, claims, by_role, by_role["content"].items, quotes, proposing)
    return in_cue_order(claims + added)


def _widened(
    text: str, claim: dict[str, Any], contents: SpanIndex[dict[str, Any]], quotes: list[Quote]
) -> None:
    """Give ``claim`` (in place) the bounds of the tagger's content span it begins,
    when no span matches its content (``MATCH``), the span is at least ``WIDEN``
    probable, holds no line break nor the claim's cue and starts where the content does (quote marks
    and spaces aside); a quoted claim's kind follows its new content."""
    if claim["content"].get("spans"):
        return
    start, end = claim["content"]["start"], claim["content"]["end"]
    around = contents.overlapping(start, end)
    if any(jaccard((start, end), _bounds(span)) >= MATCH for span in around):
        return
    for span in around:
        if not (span["start"] <= start and end < span["end"]) or span["probability"] < WIDEN:
            continue
        if span["start"] < claim["cue"]["end"] and claim["cue"]["start"] < span["end"]:
            continue  # the span goes on over the claim's own cue
        if "\n" in text[span["start"] : span["end"]] or text[span["start"] : start].strip(OPENERS):
            continue
        claim["content"] = {**claim["content"], "start": span["start"], "end": span["end"]}
        if claim.get("kind") in ("direct", "mixed"):
            claim["kind"] = quoted_kind(text, [_bounds(span)], quotes)
        return


def readded_claims(
    text: str,
    kept: list[dict[str, Any]],
    dropped: list[dict[str, Any]],
    spans: Sequence[dict[str, Any]],
    quotes: list[Quote],
    proposing: Proposing = Proposing(),
) -> list[dict[str, Any]]:
    """The claims the tagger adds once a judge has ``dropped`` some of the claims
    (``rule_judge.py``): its content spans that overlapped a dropped claim and overlap
    none of the ``kept`` ones were never proposed (a rule claim held their place), and
    are proposed now, judged and sourced as ``merge_claims`` does its own (same
    arguments). Many claims the judge drops are real attributions drawn with the wrong
    content bounds."""
    by_role = _by_role(spans)
    held = SpanIndex((span for claim in dropped for span in _content_spans(claim)), lambda s: s)
    contents = [c for c in by_role["content"].items if held.overlapping(*_bounds(c))]
    return _added_claims(text, kept, by_role, contents, quotes, proposing)


def in_cue_order(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims by where their cue, then their content, starts."""
    return sorted(claims, key=lambda c: (c["cue"]["start"], c["content"]["start"]))


def _by_role(spans: Sequence[dict[str, Any]]) -> dict[str, SpanIndex[dict[str, Any]]]:
    """The tagger's spans of each role ("content", "source", "cue")."""
    return {
        role: SpanIndex((s for s in spans if s["role"] == role), _bounds)
        for role in ("content", "source", "cue")
    }


def _bounds(span: dict[str, Any]) -> Span:
    return span["start"], span["end"]


def _best_match(span: Span, model: SpanIndex[dict[str, Any]]) -> dict[str, Any] | None:
    """The tagger's content span that matches ``span`` best, at least ``MATCH``."""
    best, best_score = None, MATCH
    for candidate in model.overlapping(*span):
        score = jaccard(span, (candidate["start"], candidate["end"]))
        if score >= best_score:
            best, best_score = candidate, score
    return best


def _paragraph(text: str, offset: int) -> Span:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _nearest(
    spans: SpanIndex[dict[str, Any]], within: Span, outside: Span, to: int
) -> dict[str, Any] | None:
    """The span of ``spans`` inside ``within``, not starting inside ``outside``,
    that starts nearest ``to``."""
    inside = [
        s
        for s in spans.overlapping(*within)
        if within[0] <= s["start"]
        and s["end"] <= within[1]
        and not outside[0] <= s["start"] < outside[1]
    ]
    return min(inside, key=lambda s: abs(s["start"] - to), default=None)


def _is_furniture(line: str, not_speakers: frozenset[str]) -> bool:
    """Whether ``line`` is page furniture: a ``not_speakers`` word ("Related", "Watch")
    before its first colon, as in "Related — White House: …"."""
    head, colon, _ = line.partition(":")
    return bool(colon) and any(word.lower() in not_speakers for word in head.split())


def _added_claims(
    text: str,
    claims: Sequence[dict[str, Any]],
    by_role: dict[str, SpanIndex[dict[str, Any]]],
    contents: Sequence[dict[str, Any]],
    quotes: list[Quote],
    proposing: Proposing,
) -> list[dict[str, Any]]:
    """Claims of the tagger ``contents`` that no claim overlaps (the tagger's spans
    never overlap one another) and that are confident enough (``accept``)."""
    source_of, speaker_of_cue = proposing.source_of, proposing.speaker_of_cue
    accept, choose_source = proposing.accept, proposing.choose_source
    taken = SpanIndex((span for claim in claims for span in _content_spans(claim)), lambda s: s)
    added = []
    for content in contents:
        bounds = (content["start"], content["end"])
        touching = quotes_overlapping(quotes, *bounds)
        if accept is None and content["probability"] < (ADD_QUOTED if touching else ADD):
            continue
        if bounds[1] - bounds[0] < MIN_ADDED or taken.overlapping(*bounds):
            continue
        paragraph = _paragraph(text, bounds[0])
        cue = _nearest(by_role["cue"], paragraph, bounds, bounds[0])
        if cue is None:
            continue
        if _is_furniture(text[paragraph[0] : paragraph[1]], proposing.not_speakers):
            continue  # "Related — White House: “…” But We Make Sure “…”"
        source_span = _nearest(by_role["source"], paragraph, bounds, cue["start"])
        source = None
        source_from = "none"
        if source_span is not None:
            start, end = source_span["start"], source_span["end"]
            source = source_of(start, end) if source_of else {"start": start, "end": end}
            source_from = "tagger"
        elif speaker_of_cue is not None:
            source = speaker_of_cue(cue["start"], cue["end"])
            if source is not None and source["start"] < bounds[1] and bounds[0] < source["end"]:
                source = None  # the subject is inside the content
            source_from = "subject" if source is not None else "none"
        inside = [q for q in touching if q.start <= bounds[0] and bounds[1] <= q.end]
        claim = {
            "kind": "direct" if inside else "mixed" if touching else "indirect",
            "stance": "assert",
            "source": source,
            "cue": {"start": cue["start"], "end": cue["end"]},
            "content": {"start": bounds[0], "end": bounds[1]},
            "addressee": None,
            "origin": "model",
            "model_probability": content["probability"],
        }
        proposal = {
            "claim": claim,
            "content": content,
            "cue": cue,
            "source_from": source_from,
            "source_probability": source_span["probability"] if source_span else None,
        }
        if accept is not None and not accept(proposal):
            continue
        if choose_source is not None:
            candidates = source_candidates(
                by_role["source"],
                paragraph,
                bounds,
                cue,
                source_of,
                speaker_of_cue,
                proposing.speaker_of_content,
            )
            claim["source"] = candidates[choose_source(proposal, candidates)]["source"]
        added.append(claim)
    return added


def source_candidates(
    sources: SpanIndex[dict[str, Any]],
    paragraph: Span,
    content: Span,
    cue: dict[str, Any],
    source_of: Speaker | None,
    speaker_of_cue: Speaker | None,
    speaker_of_content: Speaker | None = None,
) -> list[dict[str, Any]]:
    """The sources a tagger-added claim may take, as ``{"from", "source", "span"}``:
    every source span of the tagger in the paragraph outside the content, nearest the
    cue first ("tagger", ``span`` the tagger's span), the cue's subject ("subject")
    and the subject of the verb the content hangs on ("verb") when they are outside
    the content, and no source ("none")."""
    inside = [
        s
        for s in sources.overlapping(*paragraph)
        if paragraph[0] <= s["start"]
        and s["end"] <= paragraph[1]
        and not content[0] <= s["start"] < content[1]
    ]
    inside.sort(key=lambda s: (abs(s["start"] - cue["start"]), s["start"]))
    candidates = []
    for span in inside:
        start, end = span["start"], span["end"]
        source = source_of(start, end) if source_of else {"start": start, "end": end}
        if source is not None:
            candidates.append({"from": "tagger", "source": source, "span": span})
    subject = speaker_of_cue(cue["start"], cue["end"]) if speaker_of_cue else None
    if subject is not None and not (subject["start"] < content[1] and content[0] < subject["end"]):
        candidates.append({"from": "subject", "source": subject, "span": None})
    speaker = speaker_of_content(*content) if speaker_of_content else None
    if speaker is not None and not (speaker["start"] < content[1] and content[0] < speaker["end"]):
        candidates.append({"from": "verb", "source": speaker, "span": None})
    candidates.append({"from": "none", "source": None, "span": None})
    return candidates
