"""Evaluate the dates stage on TimeML gold (TempEval-3 Task A, timex part) or our records.

Metrics: strict extent F1 (exact offsets), relaxed extent F1 (any overlap, 1:1),
value F1 and type F1 (relaxed F1 times the share of relaxed matches whose
attribute is right), overall and per sub-corpus (the gold folder's first-level
sub-folder, e.g. ``TimeBank`` / ``AQUAINT``). On TimeML gold, our dates are first
written in the gold's notation (``timebank.py``: its annotators' habits, kept out of
the records) and values are compared in one spelling (``timex_spelling.py``: the
older spellings of the same value, "2000-W7" for "2000-W07").
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..article import Article
from .common import add_counts, predicted_records, prf
from .gold import gold_articles, is_gold_records, is_timeml, read_gold
from .timebank import timebank_spellings
from .timeml import TimeMLDoc, read_timeml
from .timex_spelling import timeml_value

Span = dict[str, Any]

#: The columns of the ``errors`` TSV: what went wrong, then the gold and predicted timex.
ERROR_COLUMNS = [
    "doc",
    "dct",
    "error",
    "gold_text",
    "gold_type",
    "gold_value",
    "pred_text",
    "pred_type",
    "pred_value",
    "context",
]


def match_strict(gold: list[Span], pred: list[Span]) -> list[tuple[int, int]]:
    """1:1 pairs (gold index, pred index) with identical offsets."""
    by_offsets = {}
    for j, p in enumerate(pred):
        by_offsets.setdefault((p["start"], p["end"]), j)
    pairs = []
    for i, g in enumerate(gold):
        j = by_offsets.pop((g["start"], g["end"]), None)
        if j is not None:
            pairs.append((i, j))
    return pairs


def match_relaxed(gold: list[Span], pred: list[Span]) -> list[tuple[int, int]]:
    """1:1 pairs of overlapping spans: exact matches first, then the largest overlaps."""
    pairs = match_strict(gold, pred)
    used_gold = {i for i, _ in pairs}
    used_pred = {j for _, j in pairs}
    candidates = []
    for i, g in enumerate(gold):
        if i in used_gold:
            continue
        for j, p in enumerate(pred):
            if j in used_pred:
                continue
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                candidates.append((-overlap, i, j))
    for _, i, j in sorted(candidates):
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def score_counts(counts: dict[str, int]) -> dict[str, Any]:
    """Turn raw counts (gold, predicted, strict, relaxed, value, type) into metrics."""
    g, p, rel = counts["gold"], counts["predicted"], counts["relaxed_matched"]
    strict = prf(gold=g, predicted=p, matched=counts["strict_matched"])
    relaxed = prf(gold=g, predicted=p, matched=rel)
    keys = [
        k
        for k in ("value", "type", "value_as_written", "type_as_written")
        if f"{k}_matched" in counts
    ]
    share = {k: (counts[f"{k}_matched"] / rel if rel else 0.0) for k in keys}
    return {
        **counts,
        "strict": strict,
        "relaxed": relaxed,
        **{k: {"f1": relaxed["f1"] * share[k], "accuracy": share[k]} for k in keys},
    }


def compare(
    gold: list[Span], pred: list[Span], *, spelling: Callable[[Any], Any] | None = None
) -> dict[str, Any]:
    """Counts and the mismatches of one document's gold and predicted timexes; values
    are compared as ``spelling`` writes them (as they are when None)."""
    strict = match_strict(gold, pred)
    relaxed = match_relaxed(gold, pred)
    same = spelling or (lambda v: v)
    value = sum(1 for i, j in relaxed if same(gold[i].get("value")) == same(pred[j].get("value")))
    typ = sum(1 for i, j in relaxed if gold[i].get("type") == pred[j].get("type"))
    return {
        "counts": {
            "gold": len(gold),
            "predicted": len(pred),
            "strict_matched": len(strict),
            "relaxed_matched": len(relaxed),
            "value_matched": value,
            "type_matched": typ,
        },
        "pairs": relaxed,
        "missed": [i for i in range(len(gold)) if i not in {a for a, _ in relaxed}],
        "spurious": [j for j in range(len(pred)) if j not in {b for _, b in relaxed}],
    }


def _gold_docs(gold: Path) -> list[tuple[str, TimeMLDoc]]:
    gold = Path(gold)
    files = [gold] if gold.is_file() else sorted(gold.rglob("*.tml"))
    docs = []
    for f in files:
        rel = f.relative_to(gold).parts if gold.is_dir() else ()
        docs.append((rel[0] if len(rel) > 1 else "all", read_timeml(f)))
    return docs


def evaluate(
    gold: Path,
    predictions: Path | None = None,
    *,
    nlp: Language | None = None,
    errors: Path | None = None,
) -> dict[str, Any]:
    """Score predictions (a JSONL of records, or the pipeline run in-process) on TimeML gold.

    ``errors``: optionally write every mismatch (missed, spurious, wrong extent,
    value or type) to this TSV file, for error analysis. ``gold`` may also be a JSONL of
    our records (see ``gold.py``).
    """
    if is_gold_records(gold):
        return evaluate_records(Path(gold), predictions, nlp=nlp)
    gold = Path(gold)
    if not is_timeml(gold):
        raise ValueError(
            f"{gold}: not a TimeML folder or .tml file nor a JSONL of our records "
            "(newsclaims import-labelstudio writes one)"
        )
    docs = _gold_docs(gold)
    started = time.perf_counter()
    articles = [Article(id=d.id, text=d.text, date=d.dct) for _, d in docs]
    preds = {
        id_: record.get("dates") or []
        for id_, record in predicted_records(articles, predictions, nlp).items()
    }
    elapsed = time.perf_counter() - started
    total: dict[str, int] = {}
    by_corpus: dict[str, dict[str, int]] = {}
    rows = []
    for corpus, doc in docs:
        # Our dates in TempEval-3's notation (timebank.py), then compared with its gold.
        spelled = timebank_spellings(doc.text, preds.get(doc.id, []), corpus, doc.dct)
        pred = sorted(spelled, key=lambda s: (s["start"], s["end"]))
        result = compare(doc.timexes, pred, spelling=timeml_value)
        # Also the records as they are, strings compared as written (no notation applied),
        # the way the published TempEval-3 figures of other systems were scored.
        written = sorted(preds.get(doc.id, []), key=lambda s: (s["start"], s["end"]))
        as_written = compare(doc.timexes, written)["counts"]
        result["counts"]["value_as_written_matched"] = as_written["value_matched"]
        result["counts"]["type_as_written_matched"] = as_written["type_matched"]
        add_counts(total, result["counts"])
        add_counts(by_corpus.setdefault(corpus, {}), result["counts"])
        if errors is not None:
            for i, j in result["pairs"]:
                g, p = doc.timexes[i], pred[j]
                bad = [k for k in ("type", "value") if g.get(k) != p.get(k)]
                if timeml_value(g.get("value")) == timeml_value(p.get("value")):
                    bad = [k for k in bad if k != "value"]
                if (g["start"], g["end"]) != (p["start"], p["end"]):
                    bad.insert(0, "extent")
                if bad:
                    rows.append(
                        [
                            doc.id,
                            doc.dct,
                            ",".join(bad),
                            repr(g["text"]),
                            g["type"],
                            g["value"],
                            repr(doc.text[p["start"] : p["end"]]),
                            p.get("type"),
                            p.get("value"),
                            _context(doc.text, g["start"], g["end"]),
                        ]
                    )
            for i in result["missed"]:
                g = doc.timexes[i]
                rows.append(
                    [
                        doc.id,
                        doc.dct,
                        "missed",
                        repr(g["text"]),
                        g["type"],
                        g["value"],
                        "",
                        "",
                        "",
                        _context(doc.text, g["start"], g["end"]),
                    ]
                )
            for j in result["spurious"]:
                p = pred[j]
                rows.append(
                    [
                        doc.id,
                        doc.dct,
                        "spurious",
                        "",
                        "",
                        "",
                        repr(doc.text[p["start"] : p["end"]]),
                        p.get("type"),
                        p.get("value"),
                        _context(doc.text, p["start"], p["end"]),
                    ]
                )
    if errors is not None:
        Path(errors).write_text(
            "\n".join("\t".join(str(c) for c in r) for r in [ERROR_COLUMNS, *rows]) + "\n",
            encoding="utf-8",
        )
    metrics = (
        score_counts(total)
        if total
        else score_counts(
            {
                "gold": 0,
                "predicted": 0,
                "strict_matched": 0,
                "relaxed_matched": 0,
                "value_matched": 0,
                "type_matched": 0,
            }
        )
    )
    metrics["documents"] = len(docs)
    metrics["seconds"] = elapsed if predictions is None else None
    metrics["corpora"] = {name: score_counts(c) for name, c in sorted(by_corpus.items())}
    return metrics


# --- our records as gold ------------------------------------------------------------


def evaluate_records(
    gold_path: Path, predictions: Path | None = None, *, nlp: Any = None
) -> dict[str, Any]:
    """TempEval-3's metrics on our gold records; a gold date without value or type counts
    as a wrong value or type (see ``gold.py``)."""
    gold = read_gold(gold_path)
    records = predicted_records(gold_articles(gold), predictions, nlp)
    total = dict.fromkeys(
        ("gold", "predicted", "strict_matched", "relaxed_matched", "value_matched", "type_matched"),
        0,
    )
    for record in gold:
        pred = sorted(
            (records.get(record["id"]) or {}).get("dates") or [],
            key=lambda s: (s["start"], s["end"]),
        )
        gold_dates = sorted(record.get("dates") or [], key=lambda s: (s["start"], s["end"]))
        add_counts(total, compare(gold_dates, pred)["counts"])
    metrics = score_counts(total)
    metrics["benchmark"] = "gold"
    metrics["gold_file"] = str(gold_path)
    metrics["documents"] = len(gold)
    metrics["seconds"] = None
    metrics["corpora"] = {}
    metrics["missing_records"] = sum(1 for r in gold if r["id"] not in records)
    return metrics


def format_records(metrics: dict[str, Any]) -> str:
    """The TempEval-3 table of ``evaluate_records``, titled for our gold."""
    lines = [
        f"Our gold records ({metrics['documents']} articles, {metrics['gold_file']}): "
        "TempEval-3 timex metrics",
        format_report({**metrics, "benchmark": "timeml"}),
    ]
    if metrics.get("missing_records"):
        lines.append(f"{metrics['missing_records']} gold articles had no predicted record.")
    return "\n".join(lines)


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ").replace("\t", " ")
    right = text[end : end + width].replace("\n", " ").replace("\t", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def _as_written(m: dict[str, Any]) -> str:
    return f"  {100 * m['value_as_written']['f1']:4.1f} {100 * m['type_as_written']['f1']:5.1f}"


def format_report(metrics: dict[str, Any]) -> str:
    """A plain-text table: P/R/F1 per metric, with counts, overall and per sub-corpus."""
    if metrics.get("benchmark") == "gold":
        return format_records(metrics)
    header = (
        f"{'corpus':<10} {'gold':>5} {'pred':>5} {'strict':>6} {'relax':>6}  "
        f"{'strict P/R/F1':<17}  {'relaxed P/R/F1':<17}  {'value F1':>8}  {'type F1':>7}"
        f"  {'as written':>10}"
    )
    lines = [header, "-" * len(header)]

    def row(name: str, m: dict[str, Any]) -> str:
        s, r = m["strict"], m["relaxed"]
        return (
            f"{name:<10} {m['gold']:>5} {m['predicted']:>5} {m['strict_matched']:>6} "
            f"{m['relaxed_matched']:>6}  "
            f"{100 * s['precision']:5.1f}/{100 * s['recall']:5.1f}/{100 * s['f1']:5.1f}  "
            f"{100 * r['precision']:5.1f}/{100 * r['recall']:5.1f}/{100 * r['f1']:5.1f}  "
            f"{100 * m['value']['f1']:8.1f}  {100 * m['type']['f1']:7.1f}"
            + (_as_written(m) if "value_as_written" in m else "")
        )

    for name, m in [("ALL", metrics), *metrics.get("corpora", {}).items()]:
        lines.append(row(name, m))
    if "value_as_written" in metrics:
        lines.append(
            "value and type F1 compare our values in the benchmark's notation (timebank.py, "
            "timex_spelling.py); 'as written' compares the records' values and types as they are"
        )
    if metrics.get("seconds") is not None and metrics.get("documents"):
        lines.append(
            f"{metrics['documents']} documents, {metrics['seconds']:.1f} s "
            f"({1000 * metrics['seconds'] / metrics['documents']:.0f} ms per document, "
            "whole pipeline)"
        )
    return "\n".join(lines)
