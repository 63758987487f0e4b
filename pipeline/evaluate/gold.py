"""Our own records as gold: score claims, quantities and dates against a records JSONL.

Gold here is a JSONL file of records in our format (``newsclaims.article/1``),
typically written by ``newsclaims import-labelstudio`` from corrected Label
Studio tasks (such records carry a ``gold`` field), or any records file that
was checked by hand. ``is_gold_records(path)`` tells such a file by its
content (its first record names our schema), so ``newsclaims evaluate`` takes
it beside the benchmarks' formats.

The metrics are the benchmarks' own, computed by their scorers:

- **claims**: PolNeAR's (``claims.score_documents``): content P/R/F1 at
  alphanumeric Jaccard >= 0.5, "+source", exact content, source and cue,
  quote-marked recall. Our gold marks the cue as the contract does (the bare
  verb), so predictions are scored on their ``cue`` and ``exact_cue_phrase``
  equals ``exact_cue``. Also, over the content+source matches: the share whose
  stance, kind and canonical speaker agree;
- **quantities**: NewsQuant's (``quantities.score``), one article standing for
  one sentence: value, value+unit, value+change; plus ``extent`` P/R/F1 (1:1
  overlap of the spans, as relaxed timex matching). A gold quantity with no
  value (a region added in Label Studio) matches nothing by value;
- **dates**: TempEval-3's (``dates.compare``/``score_counts``): strict and
  relaxed extent, value and type. A gold date without value or type counts as
  a wrong value or type.

Gold articles are matched to predictions by record ``id``; with no
predictions file, the pipeline runs on the gold texts (with their dates).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from ..about import SCHEMA
from ..io.records import iter_records

SCHEMA_PREFIX = SCHEMA.split("/")[0] + "/"


def is_gold_records(path: str | Path) -> bool:
    """Whether ``path`` is a JSONL file whose first record is one of ours (by content)."""
    path = Path(path)
    if not path.is_file():
        return False
    try:
        with open(path, encoding="utf-8") as file:
            for line in file:
                if line.strip():
                    first = json.loads(line)
                    return (
                        isinstance(first, dict)
                        and str(first.get("schema", "")).startswith(SCHEMA_PREFIX)
                        and "text" in first
                        and "id" in first
                    )
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return False


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold records of ``path``, in file order."""
    return list(iter_records(path))


def _predicted(
    gold: list[dict[str, Any]], predictions: Path | None, nlp: Any
) -> dict[str, dict[str, Any]]:
    from ..article import Article
    from .claims import _predict

    articles = [
        Article(id=r["id"], text=r["text"], date=(r.get("meta") or {}).get("date")) for r in gold
    ]
    return _predict(articles, predictions, nlp)


# --- claims ------------------------------------------------------------------------


def evaluate_claims(
    gold_path: Path, predictions: Path | None = None, *, nlp: Any = None
) -> dict[str, Any]:
    from .claims import content_matches, record_items, score_documents

    gold = read_gold(gold_path)
    records = _predicted(gold, predictions, nlp)
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


def format_claims(metrics: dict[str, Any]) -> str:
    from .claims import format_report

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


# --- quantities ----------------------------------------------------------------------


def _scorer_quantity(quantity: dict[str, Any]) -> dict[str, Any]:
    from .quantities import prediction_from_record

    if quantity.get("value") is None and quantity.get("low") is None:
        return {"value": math.nan, "unit": "-", "change": quantity.get("change") or "="}
    return prediction_from_record(quantity)


def evaluate_quantities(
    gold_path: Path, predictions: Path | None = None, *, nlp: Any = None
) -> dict[str, Any]:
    from .dates import match_relaxed
    from .quantities import prf, score

    gold = read_gold(gold_path)
    records = _predicted(gold, predictions, nlp)
    pairs, extent = [], [0, 0, 0]
    for record in gold:
        gold_items = record.get("quantities") or []
        pred_items = (records.get(record["id"]) or {}).get("quantities") or []
        pairs.append(
            ([_scorer_quantity(q) for q in gold_items], [_scorer_quantity(q) for q in pred_items])
        )
        extent[0] += len(gold_items)
        extent[1] += len(pred_items)
        extent[2] += len(match_relaxed(gold_items, pred_items))
    metrics = score(pairs)
    metrics["extent"] = prf(extent[2], extent[0], extent[1])
    metrics["benchmark"] = "gold"
    metrics["gold_file"] = str(gold_path)
    metrics["sentences"] = metrics["articles"] = len(gold)
    metrics["missing_records"] = sum(1 for r in gold if r["id"] not in records)
    return metrics


# --- dates ----------------------------------------------------------------------------


def evaluate_dates(
    gold_path: Path, predictions: Path | None = None, *, nlp: Any = None
) -> dict[str, Any]:
    from .dates import _add, compare, score_counts

    gold = read_gold(gold_path)
    records = _predicted(gold, predictions, nlp)
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
        _add(total, compare(gold_dates, pred)["counts"])
    metrics = score_counts(total)
    metrics["benchmark"] = "gold"
    metrics["gold_file"] = str(gold_path)
    metrics["documents"] = len(gold)
    metrics["seconds"] = None
    metrics["corpora"] = {}
    metrics["missing_records"] = sum(1 for r in gold if r["id"] not in records)
    return metrics


def format_dates(metrics: dict[str, Any]) -> str:
    from .dates import format_report

    lines = [
        f"Our gold records ({metrics['documents']} articles, {metrics['gold_file']}): "
        "TempEval-3 timex metrics",
        format_report({**metrics, "benchmark": "timeml"}),
    ]
    if metrics.get("missing_records"):
        lines.append(f"{metrics['missing_records']} gold articles had no predicted record.")
    return "\n".join(lines)


# --- which gold --------------------------------------------------------------------------

GOLD_FORMATS = {
    "claims": "a PolNeAR folder (text/ + attributions/), a seed reference (.jsonl)",
    "quantities": "a NewsQuant JSON file",
    "dates": "a TimeML folder or .tml file",
}


def gold_format(stage: str, path: str | Path) -> str | None:
    """Which gold ``path`` is for ``stage`` (by content), or ``None`` when it is none we read."""
    path = Path(path)
    if is_gold_records(path):
        return "records"
    if stage == "claims":
        from .claims import _is_seed

        if path.is_dir() and (path / "text").is_dir() and (path / "attributions").is_dir():
            return "polnear"
        return "seed" if path.is_file() and _is_seed(path) else None
    if stage == "quantities":
        from .quantities import _is_newsquant

        return "newsquant" if _is_newsquant(path) else None
    if stage == "dates":
        return "timeml" if path.is_dir() or path.suffix == ".tml" else None
    return None


def unknown_gold_message(stage: str, path: str | Path) -> str:
    return (
        f"{path} is not gold for {stage}: expected {GOLD_FORMATS[stage]}, or a JSONL of our "
        "records (as `newsclaims import-labelstudio` writes)"
    )
