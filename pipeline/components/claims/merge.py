"""Merging the attribution tagger's spans (``tagger.py``) with the rules' claims.

The rules find the attributions and keep what they do reliably (quotation
pairing, "according to", stance, canonical speakers); the tagger decides where
a content, source and cue phrase begin and end:

* a claim's content span takes the bounds of the tagger's content span that
  matches it best (character Jaccard at least ``MATCH``), unless the rule
  span is a whole quotation (quotation pairing is the rules' job);
* a claim's source takes the bounds of the tagger's source span that overlaps
  it (its canonical name stays the rules');
* a claim's cue phrase is the tagger's cue span that contains the cue;
* a content span of the tagger that no claim overlaps, at least ``ADD``
  probable, with a cue span of the tagger in its paragraph, is a claim of its
  own (``origin`` "model"), with the nearest source span of that paragraph.

Each claim gets ``origin`` ("rule", "model", or "both" when the tagger's
content span matched a rule claim) and ``model_probability`` (that span's
probability; None when the tagger found no content there).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .quotes import Quote

#: A tagger content span replaces a rule content span it matches this well.
MATCH = 0.5
#: A tagger content span no claim overlaps is a claim when it is this probable.
ADD = 0.8
#: Fewest characters of a content the tagger adds on its own.
MIN_ADDED = 12

Span = tuple[int, int]


def jaccard(a: Span, b: Span) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def _content_spans(claim: dict[str, Any]) -> list[Span]:
    content = claim["content"]
    spans = content.get("spans") or [[content["start"], content["end"]]]
    return [(s, e) for s, e in spans]


def _set_content(claim: dict[str, Any], spans: list[Span]) -> None:
    content: dict[str, Any] = {"start": spans[0][0], "end": spans[-1][1]}
    if len(spans) > 1:
        content["spans"] = [[s, e] for s, e in spans]
    claim["content"] = content


def _is_quotation(span: Span, quotes: Sequence[Quote]) -> bool:
    """The span is one quotation's inside (give or take the marks)."""
    return any(q.start <= span[0] <= q.start + 1 and q.end - 1 <= span[1] <= q.end for q in quotes)


def merge_claims(
    text: str,
    claims: list[dict[str, Any]],
    spans: Sequence[dict[str, Any]],
    quotes: Sequence[Quote],
    source_of: Callable[[int, int], dict[str, Any] | None] | None = None,
) -> list[dict[str, Any]]:
    """``claims`` with the tagger's bounds, ``origin`` and ``model_probability``,
    and the claims the tagger adds (their source from ``source_of(start, end)``,
    the rules' speaker resolution, when given)."""
    by_role: dict[str, list[dict[str, Any]]] = {"content": [], "source": [], "cue": []}
    for span in spans:
        by_role[span["role"]].append(span)
    for claim in claims:
        claim["origin"] = "rule"
        claim["model_probability"] = None
        _merge_content(claim, by_role["content"], quotes)
        _merge_source(claim, by_role["source"])
        _merge_cue(text, claim, by_role["cue"])
    added = _added_claims(text, claims, by_role, quotes, source_of)
    return sorted(claims + added, key=lambda c: (c["cue"]["start"], c["content"]["start"]))


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _nearest(
    spans: Sequence[dict[str, Any]], low: int, high: int, to: int
) -> dict[str, Any] | None:
    inside = [s for s in spans if low <= s["start"] and s["end"] <= high]
    return min(inside, key=lambda s: abs(s["start"] - to), default=None)


def _added_claims(
    text: str,
    claims: Sequence[dict[str, Any]],
    by_role: dict[str, list[dict[str, Any]]],
    quotes: Sequence[Quote],
    source_of: Callable[[int, int], dict[str, Any] | None] | None,
) -> list[dict[str, Any]]:
    taken = [span for claim in claims for span in _content_spans(claim)]
    added = []
    for content in by_role["content"]:
        bounds = (content["start"], content["end"])
        if content["probability"] < ADD or bounds[1] - bounds[0] < MIN_ADDED:
            continue
        if any(s < bounds[1] and bounds[0] < e for s, e in taken):
            continue
        low, high = _paragraph(text, bounds[0])
        cue = _nearest(
            [c for c in by_role["cue"] if not (bounds[0] <= c["start"] < bounds[1])],
            low,
            high,
            bounds[0],
        )
        if cue is None:
            continue
        source_span = _nearest(
            [s for s in by_role["source"] if not (bounds[0] <= s["start"] < bounds[1])],
            low,
            high,
            cue["start"],
        )
        source = None
        if source_span is not None:
            start, end = source_span["start"], source_span["end"]
            source = source_of(start, end) if source_of else {"start": start, "end": end}
        inside = [q for q in quotes if q.start <= bounds[0] and bounds[1] <= q.end]
        touching = [q for q in quotes if q.start < bounds[1] and bounds[0] < q.end]
        kind = "direct" if inside else "mixed" if touching else "indirect"
        added.append(
            {
                "kind": kind,
                "stance": "assert",
                "source": source,
                "cue": {"start": cue["start"], "end": cue["end"]},
                "content": {"start": bounds[0], "end": bounds[1]},
                "addressee": None,
                "origin": "model",
                "model_probability": content["probability"],
            }
        )
        taken.append(bounds)
    return added


def _merge_content(
    claim: dict[str, Any], model: Sequence[dict[str, Any]], quotes: Sequence[Quote]
) -> None:
    new_spans = []
    probabilities = []
    for span in _content_spans(claim):
        best, best_score = None, MATCH
        for candidate in model:
            score = jaccard(span, (candidate["start"], candidate["end"]))
            if score >= best_score:
                best, best_score = candidate, score
        if best is None:
            new_spans.append(span)
            continue
        probabilities.append(best["probability"])
        if _is_quotation(span, quotes):
            new_spans.append(span)
        else:
            new_spans.append((best["start"], best["end"]))
    if probabilities:
        claim["origin"] = "both"
        claim["model_probability"] = round(sum(probabilities) / len(probabilities), 3)
        merged = sorted(set(new_spans))
        if all(a[1] <= b[0] for a, b in zip(merged, merged[1:], strict=False)):
            _set_content(claim, merged)


def _merge_source(claim: dict[str, Any], model: Sequence[dict[str, Any]]) -> None:
    source = claim.get("source")
    if not source:
        return
    content = _content_spans(claim)
    for candidate in model:
        if candidate["start"] < source["end"] and source["start"] < candidate["end"]:
            bounds = (candidate["start"], candidate["end"])
            if not any(s < bounds[1] and bounds[0] < e for s, e in content):
                source["start"], source["end"] = bounds
            return


def _merge_cue(text: str, claim: dict[str, Any], model: Sequence[dict[str, Any]]) -> None:
    cue = claim["cue"]
    for candidate in model:
        if candidate["start"] <= cue["start"] and cue["end"] <= candidate["end"]:
            if (candidate["start"], candidate["end"]) != (cue["start"], cue["end"]):
                start, end = candidate["start"], candidate["end"]
                claim["cue_phrase"] = {"text": text[start:end], "start": start, "end": end}
            return
