"""Evaluate the claims stage: PolNeAR (brat), the seed reference (JSONL) or our records.

``evaluate(gold)`` detects the format: a folder with ``text/`` and
``attributions/`` is PolNeAR (metrics of ``shared/benchmarks/README.md``); a
JSONL of our records is scored with PolNeAR's metrics (``evaluate_records``,
see ``gold.py``); another ``.jsonl`` file is the seed reference (core items
matched, speaker and stance).

PolNeAR metrics, all on 1:1 greedy matching within an article:

* content P/R/F1: content alphanumeric-character Jaccard >= 0.5;
* "+source": the same, also requiring the predicted source span to overlap the
  gold source (both absent also counts);
* exact P/R/F1 per role (content, source, cue), spans compared after trimming
  whitespace and punctuation at both ends; the contract's ``cue`` is the bare
  verb ("denied") while PolNeAR's cue is the verb group ("have vehemently
  denied"), so ``exact_cue_phrase`` also scores the claims' ``cue_phrase``
  (the verb group, when longer than the cue) — reported beside, not instead;
* recall of gold items whose content contains a quote mark (+source).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..article import Article
from .brat import BratDocument, read_polnear
from .common import halves, predicted_records, prf
from .gold import gold_articles, is_gold_records, is_polnear, is_seed, read_gold

Spans = Sequence[tuple[int, int]]
Item = dict[str, Any]  # {"content": spans, "source": spans, "cue": spans, ...}

JACCARD_THRESHOLD = 0.5
QUOTE_MARKS = frozenset('"“”')
ROLES = ("content", "source", "cue")


# --- scorers (pure) --------------------------------------------------------


def alnum_positions(text: str, spans: Spans) -> frozenset[int]:
    return frozenset(i for start, end in spans for i in range(start, end) if text[i].isalnum())


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def overlaps(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def greedy_match(
    gold: Sequence[Item], pred: Sequence[Item], score: Callable[[Item, Item], float | None]
) -> list[tuple[int, int]]:
    """1:1 pairs (gold index, pred index), best score first; ``None`` = no pair."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            value = score(g, p)
            if value is not None:
                candidates.append((-value, gi, pi))
    candidates.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def _is_trimmable(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def trim(text: str, spans: Spans) -> tuple[tuple[int, int], ...]:
    """Spans without whitespace and punctuation at both ends of the whole."""
    parts = sorted((s, e) for s, e in spans if e > s)
    while parts:
        s, e = parts[0]
        while s < e and _is_trimmable(text[s]):
            s += 1
        if s < e:
            parts[0] = (s, e)
            break
        parts.pop(0)
    while parts:
        s, e = parts[-1]
        while e > s and _is_trimmable(text[e - 1]):
            e -= 1
        if e > s:
            parts[-1] = (s, e)
            break
        parts.pop()
    return tuple(parts)


def content_matches(
    text: str, gold: Sequence[Item], pred: Sequence[Item], *, with_source: bool
) -> list[tuple[int, int]]:
    gold_chars = [alnum_positions(text, g["content"]) for g in gold]
    pred_chars = [alnum_positions(text, p["content"]) for p in pred]

    def score(g: Item, p: Item) -> float | None:
        value = jaccard(gold_chars[g["_i"]], pred_chars[p["_i"]])
        if value < JACCARD_THRESHOLD:
            return None
        if with_source:
            gs, ps = g.get("source") or [], p.get("source") or []
            if (gs or ps) and not overlaps(gs, ps):
                return None
        return value

    gold = [{**g, "_i": i} for i, g in enumerate(gold)]
    pred = [{**p, "_i": i} for i, p in enumerate(pred)]
    return greedy_match(gold, pred, score)


def exact_counts(
    text: str, gold: Sequence[Item], pred: Sequence[Item], role: str
) -> tuple[int, int, int]:
    """(gold, predicted, matched) for exact spans of ``role`` (multisets, trimmed)."""
    gold_spans = [trim(text, g[role]) for g in gold if g.get(role)]
    pred_spans = [trim(text, p[role]) for p in pred if p.get(role)]
    gold_spans = [s for s in gold_spans if s]
    pred_spans = [s for s in pred_spans if s]
    remaining: dict[tuple, int] = {}
    for s in gold_spans:
        remaining[s] = remaining.get(s, 0) + 1
    matched = 0
    for s in pred_spans:
        if remaining.get(s, 0) > 0:
            remaining[s] -= 1
            matched += 1
    return len(gold_spans), len(pred_spans), matched


def has_quote_mark(text: str, spans: Spans) -> bool:
    return any(ch in QUOTE_MARKS for s, e in spans for ch in text[s:e])


def score_documents(
    documents: Iterable[tuple[str, Sequence[Item], Sequence[Item]]],
) -> dict[str, Any]:
    """PolNeAR metrics over ``(text, gold items, predicted items)`` triples."""
    totals = {
        key: [0, 0, 0]
        for key in ("content", "content+source", *(f"exact_{r}" for r in ROLES), "exact_cue_phrase")
    }
    quoted = [0, 0, 0]  # gold quote-marked, matched, matched with source
    for text, gold, pred in documents:
        plain = content_matches(text, gold, pred, with_source=False)
        sourced = content_matches(text, gold, pred, with_source=True)
        for key, pairs in (("content", plain), ("content+source", sourced)):
            totals[key][0] += len(gold)
            totals[key][1] += len(pred)
            totals[key][2] += len(pairs)
        gold_phrases = [{**g, "cue_phrase": g.get("cue_phrase", g["cue"])} for g in gold]
        g, p, m = exact_counts(
            text,
            gold_phrases,
            pred
            if all("cue_phrase" in x for x in pred)
            else [{**x, "cue_phrase": x.get("cue_phrase", x["cue"])} for x in pred],
            "cue_phrase",
        )
        totals["exact_cue_phrase"][0] += g
        totals["exact_cue_phrase"][1] += p
        totals["exact_cue_phrase"][2] += m
        for role in ROLES:
            g, p, m = exact_counts(text, gold, pred, role)
            bucket = totals[f"exact_{role}"]
            bucket[0] += g
            bucket[1] += p
            bucket[2] += m
        quote_gold = {i for i, g in enumerate(gold) if has_quote_mark(text, g["content"])}
        quoted[0] += len(quote_gold)
        quoted[1] += sum(1 for gi, _ in plain if gi in quote_gold)
        quoted[2] += sum(1 for gi, _ in sourced if gi in quote_gold)
    metrics: dict[str, Any] = {
        key: prf(gold=g, predicted=p, matched=m) for key, (g, p, m) in totals.items()
    }
    metrics["quote_marked"] = {
        "gold": quoted[0],
        "matched": quoted[1],
        "matched_with_source": quoted[2],
        "recall": quoted[1] / quoted[0] if quoted[0] else 0.0,
        "recall_with_source": quoted[2] / quoted[0] if quoted[0] else 0.0,
    }
    return metrics


# --- predictions -------------------------------------------------------------


def record_items(record: dict[str, Any], *, one_per_cue: bool = False) -> list[Item]:
    """A record's claims (or a doc's ``newsclaims_claims``) as scorer items (span
    lists per role); each item's ``claims`` are the claims it was made of.

    ``one_per_cue``: PolNeAR's convention, one attribution per cue: a claim that
    ``continues`` another ("“A,” Kim continued. “B.”"; on a doc's claims, one
    marked ``continuation``, which goes on from the claim before it with the same
    cue) is scored as one more content span of that claim, not as an item of its own."""
    items: list[Item] = []
    by_id: dict[str, Item] = {}
    by_cue: dict[tuple[int, int], Item] = {}
    for claim in record.get("claims") or []:
        content = claim["content"]
        spans = [tuple(s) for s in content.get("spans") or [[content["start"], content["end"]]]]
        cue = claim.get("cue")
        cue_key = (cue["start"], cue["end"]) if cue else None
        head = None
        if one_per_cue:
            head = by_id.get(claim.get("continues") or "")
            if head is None and claim.get("continuation") and cue_key is not None:
                head = by_cue.get(cue_key)
        if head is not None:
            head["content"] = sorted(head["content"] + spans)
            head["claims"].append(claim)
            continue
        item: Item = {"content": spans}
        for role in ("source", "cue", "cue_phrase"):
            value = claim.get(role)
            item[role] = [(value["start"], value["end"])] if value else []
        item["cue_phrase"] = item["cue_phrase"] or item["cue"]
        item["claim"] = claim
        item["claims"] = [claim]
        items.append(item)
        if "id" in claim:
            by_id[claim["id"]] = item
        if cue_key is not None:
            by_cue[cue_key] = item
    return items


# --- PolNeAR -----------------------------------------------------------------


def evaluate_polnear(
    gold: Path, predictions: Path | None = None, *, nlp: Any = None
) -> dict[str, Any]:
    documents: list[BratDocument] = read_polnear(gold)
    articles = [Article(id=d.id, text=d.text, date=d.date) for d in documents]
    records = predicted_records(articles, predictions, nlp)
    triples = [
        (d.text, d.attributions, record_items(records.get(d.id, {}), one_per_cue=True))
        for d in documents
    ]
    metrics = score_documents(triples)
    # read_polnear gives the articles in file-name order, so the halves are stable
    metrics["halves"] = {name: score_documents(part) for name, part in halves(triples).items()}
    metrics["benchmark"] = "polnear"
    metrics["articles"] = len(documents)
    return metrics


# --- seed reference ------------------------------------------------------------


def _alts(item: dict[str, Any], role: str) -> list[list[tuple[int, int]]]:
    spans = [[tuple(s) for s in item.get(role) or []]]
    spans += [[tuple(s) for s in alt] for alt in item.get(f"{role}_alt") or []]
    return [s for s in spans if s]


def score_seed(text: str, reference: list[dict[str, Any]], pred: Sequence[Item]) -> dict[str, Any]:
    """Core items matched (content Jaccard >= 0.5 and source overlap), per-item checks."""
    core = [r for r in reference if r.get("tier") == "core"]
    optional = [r for r in reference if r.get("tier") != "core"]

    def as_item(r: dict[str, Any]) -> Item:
        return {
            "content": [tuple(s) for s in r["content"]],
            "source": [s for alt in _alts(r, "source") for s in alt],
        }

    pairs = content_matches(text, [as_item(r) for r in core], pred, with_source=True)
    matched_pred = {pi for _, pi in pairs}
    rest = [i for i in range(len(pred)) if i not in matched_pred]
    optional_pairs = content_matches(
        text, [as_item(r) for r in optional], [pred[i] for i in rest], with_source=False
    )
    dont_care = {rest[pi] for _, pi in optional_pairs}
    items = []
    by_gold = dict(pairs)
    for gi, ref in enumerate(core):
        row: dict[str, Any] = {"id": ref["id"], "matched": gi in by_gold}
        if gi in by_gold:
            claim = pred[by_gold[gi]].get("claim") or {}
            source = claim.get("source") or {}
            names = [ref.get("canonical") or ""] + list(ref.get("canonical_alt") or [])
            canonical = (source.get("canonical") or "").strip()
            row["canonical"] = canonical
            row["canonical_ok"] = canonical.lower() in {n.lower() for n in names if n}
            row["stance"] = claim.get("stance")
            row["stance_ok"] = claim.get("stance") == ref.get("stance")
            row["kind_ok"] = claim.get("kind") == ref.get("kind")
            cue = [
                tuple(s)
                for s in (
                    (claim.get("cue") or {}) and [[claim["cue"]["start"], claim["cue"]["end"]]]
                )
            ]
            row["cue_ok"] = (
                any(trim(text, cue) == trim(text, alt) for alt in _alts(ref, "cue"))
                if cue
                else False
            )
        items.append(row)
    false_positives = [i for i in range(len(pred)) if i not in matched_pred and i not in dont_care]
    return {
        "benchmark": "seed",
        "core": len(core),
        "optional": len(optional),
        "predicted": len(pred),
        "core_matched": len(pairs),
        "canonical_ok": sum(1 for r in items if r.get("canonical_ok")),
        "stance_ok": sum(1 for r in items if r.get("stance_ok")),
        "kind_ok": sum(1 for r in items if r.get("kind_ok")),
        "cue_ok": sum(1 for r in items if r.get("cue_ok")),
        "false_positives": len(false_positives),
        "false_positive_texts": [
            (pred[i].get("claim") or {}).get("content", {}).get("text")
            or " … ".join(text[s:e] for s, e in pred[i]["content"])
            for i in false_positives
        ],
        "items": items,
    }


def evaluate_seed(
    gold: Path, predictions: Path | None = None, *, nlp: Any = None
) -> dict[str, Any]:
    references = [
        json.loads(line)
        for line in Path(gold).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    articles = [Article(id=r["id"], text=r["text"], date=r.get("date")) for r in references]
    records = predicted_records(articles, predictions, nlp)
    results = [
        score_seed(r["text"], r["attributions"], record_items(records.get(r["id"], {})))
        for r in references
    ]
    if len(results) == 1:
        return results[0]
    summary = {
        key: sum(r[key] for r in results)
        for key in (
            "core",
            "optional",
            "predicted",
            "core_matched",
            "canonical_ok",
            "stance_ok",
            "kind_ok",
            "cue_ok",
            "false_positives",
        )
    }
    summary["benchmark"] = "seed"
    summary["items"] = [item for r in results for item in r["items"]]
    summary["false_positive_texts"] = [t for r in results for t in r["false_positive_texts"]]
    return summary


# --- our records as gold ------------------------------------------------------------


def evaluate_records(
    gold_path: Path, predictions: Path | None = None, *, nlp: Any = None
) -> dict[str, Any]:
    """PolNeAR's metrics on our gold records, and the share of content+source matches
    whose stance, kind and canonical speaker agree (see ``gold.py``)."""
    gold = read_gold(gold_path)
    records = predicted_records(gold_articles(gold), predictions, nlp)
    triples = []
    agree = {"matched": 0, "stance": 0, "kind": 0, "canonical": 0}
    for record in gold:
        gold_items = [{**i, "cue_phrase": i["cue"]} for i in record_items(record)]
        pred_items = [
            {**i, "cue_phrase": i["cue"]} for i in record_items(records.get(record["id"], {}))
        ]
        triples.append((record["text"], gold_items, pred_items))
        pairs = content_matches(record["text"], gold_items, pred_items, with_source=True)
        for gi, pi in pairs:
            g, p = gold_items[gi]["claim"], pred_items[pi]["claim"]
            agree["matched"] += 1
            agree["stance"] += g.get("stance") == p.get("stance")
            agree["kind"] += g.get("kind") == p.get("kind")
            names = [(c.get("source") or {}).get("canonical") or "" for c in (g, p)]
            agree["canonical"] += names[0].strip().lower() == names[1].strip().lower()
    metrics = score_documents(triples)
    matched = agree["matched"]
    metrics["attributes"] = {
        "matched": matched,
        **{
            key: (agree[key] / matched if matched else 0.0)
            for key in ("stance", "kind", "canonical")
        },
    }
    metrics["benchmark"] = "gold"
    metrics["gold_file"] = str(gold_path)
    metrics["articles"] = len(gold)
    metrics["missing_records"] = sum(1 for r in gold if r["id"] not in records)
    return metrics


def format_records(metrics: dict[str, Any]) -> str:
    """The PolNeAR table of ``evaluate_records``, titled for our gold, with the agreements."""
    lines = format_report({**metrics, "benchmark": "polnear"}).splitlines()
    lines[0] = (
        f"Our gold records ({metrics['articles']} articles, {metrics['gold_file']}): "
        "PolNeAR metrics"
    )
    lines = [line for line in lines if not line.startswith("(exact_cue scores")]
    a = metrics["attributes"]
    lines.append(
        f"{'of content+source matches':<22} stance {a['stance']:.3f}  kind {a['kind']:.3f}  "
        f"canonical speaker {a['canonical']:.3f}  ({a['matched']} matches)"
    )
    if metrics.get("missing_records"):
        lines.append(f"{metrics['missing_records']} gold articles had no predicted record.")
    return "\n".join(lines)


# --- interface -------------------------------------------------------------------


def evaluate(gold: Path, predictions: Path | None = None, *, nlp: Any = None) -> dict[str, Any]:
    """Score the claims stage against ``gold`` (PolNeAR folder, seed ``.jsonl``, our records)."""
    gold = Path(gold)
    if is_polnear(gold):
        return evaluate_polnear(gold, predictions, nlp=nlp)
    if is_gold_records(gold):
        return evaluate_records(gold, predictions, nlp=nlp)
    if gold.is_file() and gold.suffix == ".jsonl" and is_seed(gold):
        return evaluate_seed(gold, predictions, nlp=nlp)
    raise ValueError(
        f"{gold}: not a PolNeAR folder (text/ + attributions/), a seed reference (.jsonl with "
        "attributions) nor a JSONL of our records (newsclaims import-labelstudio writes one)"
    )


REPORT_KEYS = (
    "content",
    "content+source",
    "exact_content",
    "exact_source",
    "exact_cue",
    "exact_cue_phrase",
)


def format_report(metrics: dict[str, Any]) -> str:
    if metrics.get("benchmark") == "gold":
        return format_records(metrics)
    if metrics.get("benchmark") == "seed":
        m = metrics
        lines = [
            f"seed reference: {m['core']} core + {m['optional']} optional items, "
            f"{m['predicted']} predicted",
            f"core matched (content Jaccard>=0.5, source overlap): {m['core_matched']}/{m['core']}",
            f"canonical speaker right: {m['canonical_ok']}  stance right: {m['stance_ok']}  "
            f"kind right: {m['kind_ok']}  cue exact: {m['cue_ok']}",
            f"false positives (not core, not optional): {m['false_positives']}",
            "",
            f"{'item':<6} {'matched':<8} {'canonical':<32} {'canon ok':<9} {'stance':<8} stance ok",
        ]
        for row in m["items"]:
            matched = "yes" if row["matched"] else "no"
            canonical = str(row.get("canonical", ""))
            lines.append(
                f"{row['id']:<6} {matched:<8} {canonical:<32} "
                f"{str(row.get('canonical_ok', '')):<9} {str(row.get('stance', '')):<8} "
                f"{row.get('stance_ok', '')}"
            )
        return "\n".join(lines)
    header = f"{'metric':<22} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6} {'matched':>8}"
    lines = [
        f"PolNeAR attribution ({metrics.get('articles', '?')} articles)",
        header,
        "-" * len(header),
    ]
    for key in REPORT_KEYS:
        m = metrics[key]
        lines.append(
            f"{key:<22} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} "
            f"{m['gold']:6d} {m['predicted']:6d} {m['matched']:8d}"
        )
    q = metrics["quote_marked"]
    lines.append(
        f"{'quote-marked recall':<22} {q['recall']:.3f} "
        f"({q['recall_with_source']:.3f} with source)  gold {q['gold']}, "
        f"matched {q['matched']} ({q['matched_with_source']} with source)"
    )
    lines.append(
        "(exact_cue scores the record's cue, the bare verb of the contract; exact_cue_phrase its "
        'verb group "has not said", PolNeAR\'s convention)'
    )
    if metrics.get("halves"):
        even, odd = metrics["halves"]["even"], metrics["halves"]["odd"]
        lines += ["", "F1 on the two halves (articles at even / odd positions, file-name order):"]
        lines.append(f"{'metric':<22} {'even':>6} {'odd':>6}")
        lines += [f"{key:<22} {even[key]['f1']:6.3f} {odd[key]['f1']:6.3f}" for key in REPORT_KEYS]
        lines.append(
            f"{'quote-marked recall':<22} {even['quote_marked']['recall']:6.3f} "
            f"{odd['quote_marked']['recall']:6.3f}"
        )
    return "\n".join(lines)
