"""Evaluate the quantities stage on NewsQuant (``shared/benchmarks/newsquant/dev.json``).

NewsQuant is a JSON list of sentences ``{"text", "quantities": [{"change", "value",
"unit", "normalized_unit", "referred_concepts"}]}`` without character offsets,
so quantities are matched within each sentence:

* **values** are compared as numbers (relative tolerance 1e-5, as in the
  NewsQuant/CQE evaluation); a gold range ``"1.0-1.5"`` (also ``"3.0 - 4.0"``)
  matches only a predicted range with the same ``low`` and ``high``; a leading
  minus (``"-5.0"``, ``"-1.4"``) is a negative number, not a range;
* **matching** is 1:1 and greedy: among all (gold, prediction) pairs of a
  sentence whose values match, pairs whose unit also matches are taken first,
  then pairs whose change also matches, then in text order; each gold item and
  each prediction is used at most once. "value first, then unit, then change"
  (benchmarks README) is this order of preference;
* **units** are compared as NewsQuant ``normalized_unit`` strings, lower-cased
  with runs of spaces collapsed. Ours are derived here from the record
  (``newsquant_unit``), in NewsQuant's convention, which the records do not
  carry: the unit under its NewsQuant name (``NEWSQUANT_UNITS``:
  ``percent`` is ``percentage``, ``degree
  celsius`` is ``celsius``; other units keep their name); for a count with
  no unit, the lemmas of its ``object`` (content words, plural nouns
  singular, and the noun's modifiers before the number: "top seed" for "the
  top three seeds"; read from the record's text with the model's tagger and
  parser); ``% X``
  for a proportion of X (dimension ``fraction``); ``X per Y`` for a rate;
  ``-`` for a bare number;
* **changes**: NewsQuant has no ``>=``/``<=``; ours are scored as ``>`` and
  ``<`` ("at least" is ``>`` and "up to" ``<`` in NewsQuant);
* **a change named after the amount**: "a 3 percent drop", "a 5% pay rise", "closed
  2% higher" fall and rise in our records (``changes.noun_of_change_after``,
  ``changes.comparative_after``); NewsQuant writes them as levels (``=``) and only an
  amount after a change word ("fell 3 percent", "a drop of 3 percent") as a change,
  so the scorer reads them as ``=``: dev's gold has every one so, the nouns 2 of 2
  on the odd half (none on the even), the comparatives 2 of 2 on the even (none on
  the odd.

P = matched / predicted, R = matched / gold, F1 their harmonic mean, for
"value", "value+unit" (matched pairs whose unit matches) and "value+change"
(matched pairs whose change matches). ``ms_per_sentence`` is the wall time of
the in-process run divided by the number of sentences (0 when predictions are
read from a file). ``details`` lists, per sentence id, the gold and predicted
items in the scorer's shape (no benchmark text, so the metrics JSON can be kept).

Sentences become articles with id ``"<gold stem>-<index:04d>"`` (``dev-0000``
…), no publication date; a predictions JSONL (``newsclaims extract`` output)
is matched to gold by that ``id``.
"""

from __future__ import annotations

import json
import math
import re
import time
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Span

from ..article import Article
from ..components.quantities.changes import comparative_after, noun_of_change_after
from ..components.quantities.lexicon import load_lexicons
from ..nlp import load_cached
from .common import halves, predicted_records, prf
from .dates import match_relaxed
from .gold import gold_articles, is_gold_records, is_newsquant, read_gold

CHANGE_FOR_SCORING = {">=": ">", "<=": "<"}
#: Our canonical unit -> NewsQuant's name for it, where they differ: its annotation
#: guidelines' spellings (hyphenated compounds, "-mass"/"-force" for pound and foot
#: pound, "point" for a price in pence, "count" for "times"). A scoring convention of
#: that benchmark, applied here only; records keep our names.
NEWSQUANT_UNITS = {
    "percent": "percentage",
    "british pound": "pound sterling",
    "israeli new shekel": "shekel",
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "pound": "pound-mass",
    "times": "count",
    "penny": "point",
    "part per billion": "parts-per-billion",
    "part per million": "parts-per-million",
    "milliampere hour": "milliampere-hour",
    "foot pound": "foot pound-force",
    "pound foot": "pound-foot",
    "million british thermal unit": "mega british thermal unit",
    "micron": "micrometre",
}
#: Words that are never part of a counted object's name (pronouns etc. after "of").
OBJECT_SKIP_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "PART", "SCONJ", "AUX"})
#: The model's components that the object lemmas need (no entities or our stages; the
#: parser finds the counted noun's modifiers before the number).
LEMMA_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
#: A counted noun's modifiers that NewsQuant writes with it though they precede the number.
PREMODIFIER_DEPS = frozenset({"amod", "compound"})
PREMODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN"})
RANGE_RE = re.compile(r"^\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*$")

Value = float | tuple[float, float]


# --------------------------------------------------------------------------- reading


def parse_value(text: str | float | int) -> Value:
    """A NewsQuant value: "44655.0" -> 44655.0, "1.0-1.5" -> (1.0, 1.5), "-5.0" -> -5.0."""
    if isinstance(text, (int, float)):
        return float(text)
    text = text.strip()
    try:
        return float(text)
    except ValueError:
        pass
    match = RANGE_RE.match(text)
    if not match:
        raise ValueError(f"not a NewsQuant value: {text!r}")
    return float(match.group(1)), float(match.group(2))


def read_newsquant(path: Path) -> list[dict[str, Any]]:
    """Sentences of a NewsQuant file: ``{"id", "text", "gold": [{"value", "unit", "change"}]}``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    sentences = []
    for index, item in enumerate(data):
        gold = [
            {
                "value": parse_value(q["value"]),
                "unit": normalize_unit(q.get("normalized_unit") or "-"),
                "change": q.get("change") or "=",
            }
            for q in item.get("quantities", [])
        ]
        sentences.append(
            {"id": f"{Path(path).stem}-{index:04d}", "text": item["text"], "gold": gold}
        )
    return sentences


def newsquant_articles(sentences: Iterable[dict[str, Any]]) -> list[Article]:
    return [Article(id=s["id"], text=s["text"], date=None) for s in sentences]


def normalize_unit(unit: str) -> str:
    return re.sub(r"\s+", " ", unit.strip().lower()) or "-"


def object_lemmas(span: Span, quantity_start: int | None = None) -> str:
    """The counted noun as NewsQuant writes it: nouns and adjectives (no participles:
    "300 recorded songs" counts songs), plural nouns singular, lower case; with the
    noun's modifiers that stand before the number ("the top three seeds": "top seed",
    "a record 32 goals": "record goal") when the quantity's start is given and the
    span is parsed."""
    head = span[-1]
    before = []
    if quantity_start is not None and span.doc.has_annotation("DEP"):
        before = [
            t
            for t in head.lefts
            if t.idx < quantity_start and t.dep_ in PREMODIFIER_DEPS and t.pos_ in PREMODIFIER_POS
        ]
    parts: list[str] = [t.lower_ for t in before]
    for token in span:
        if token.pos_ in OBJECT_SKIP_POS or token.pos_ == "VERB":
            continue
        word = token.lower_
        if token.tag_ == "NNS":
            word = token.lemma_.lower()
        elif token.tag_ == "NNPS" and word.endswith("s"):
            word = word[:-1]
        if parts and (token.text in "-‐" or span.doc[token.i - 1].text in "-‐"):
            parts[-1] += word
        else:
            parts.append(word)
    return " ".join(parts)


class Notation(NamedTuple):
    """What NewsQuant's notation needs from the records' texts (``read_notation``)."""

    #: ``(record id, start, end)`` of an object -> its lemmas (``object_lemmas``)
    lemmas: dict[tuple[str, int, int], str]
    #: ``(record id, start)`` of the quantities whose rise or fall NewsQuant writes as a
    #: level ("a 3 percent drop", "closed 2% higher": ``changes.noun_of_change_after``,
    #: ``changes.comparative_after``)
    levels: set[tuple[str, int]]


def read_notation(records: Iterable[dict[str, Any]], nlp: Language) -> Notation:
    """What NewsQuant's notation needs from the records' texts, in one parse: the lemmas
    of each quantity's object and the changes it writes as levels."""
    records = list(records)
    enabled = [name for name in LEMMA_PIPES if name in nlp.pipe_names]
    of_change = load_lexicons().of_change_lemmas
    notation = Notation({}, set())
    with nlp.select_pipes(enable=enabled):
        for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
            quantities = record.get("quantities", [])
            starts = [t.idx for t in doc]
            for quantity in quantities:
                obj = quantity.get("object")
                span = doc.char_span(obj["start"], obj["end"]) if obj else None
                if span is not None:
                    key = (record["id"], obj["start"], obj["end"])
                    notation.lemmas[key] = object_lemmas(span, quantity["start"])
                if quantity.get("change") in ("up", "down") and quantity.get("end") and len(doc):
                    last = doc[max(bisect_right(starts, quantity["end"] - 1) - 1, 0)]
                    if noun_of_change_after(last, of_change) or comparative_after(
                        doc.text, quantity["end"]
                    ):
                        notation.levels.add((record["id"], quantity["start"]))
    return notation


def newsquant_unit(quantity: dict[str, Any], lemmas: str | None) -> str:
    """A record's quantity's unit in NewsQuant's convention (see the module docstring);
    ``lemmas`` are its object's (``read_notation``), or its text when None."""
    obj = quantity.get("object")
    if lemmas is None and obj:
        lemmas = obj.get("text")
    unit = quantity.get("unit")
    if quantity.get("dimension") == "fraction":
        name = "% " + (lemmas or "-")
    elif unit:
        name = NEWSQUANT_UNITS.get(unit, unit)
    else:
        name = lemmas or "-"
    per = quantity.get("per")
    if per and (unit or lemmas):
        name = f"{name} per {NEWSQUANT_UNITS.get(per, per)}"
    return name


def prediction_from_record(quantity: dict[str, Any], lemmas: str | None = None) -> dict[str, Any]:
    """A record's quantity in the scorer's shape: ``{"value", "unit", "change"}``."""
    if quantity.get("value") is None and quantity.get("low") is not None:
        value: Value = (float(quantity["low"]), float(quantity["high"]))
    else:
        value = float(quantity["value"])
    unit = newsquant_unit(quantity, lemmas)
    change = quantity.get("change") or "="
    return {
        "value": value,
        "unit": normalize_unit(unit),
        "change": CHANGE_FOR_SCORING.get(change, change),
    }


# --------------------------------------------------------------------------- scoring


def values_match(gold: Value, predicted: Value) -> bool:
    if isinstance(gold, tuple) != isinstance(predicted, tuple):
        return False
    if isinstance(gold, tuple):
        return all(
            math.isclose(g, p, rel_tol=1e-5, abs_tol=1e-8)
            for g, p in zip(gold, predicted, strict=True)
        )
    return math.isclose(gold, predicted, rel_tol=1e-5, abs_tol=1e-8)


def match_sentence(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """1:1 greedy matching on value, preferring pairs that also match unit, then change."""
    pairs = []
    for g, gq in enumerate(gold):
        for p, pq in enumerate(predicted):
            if values_match(gq["value"], pq["value"]):
                unit_ok = gq["unit"] == pq["unit"]
                change_ok = gq["change"] == pq["change"]
                pairs.append((-int(unit_ok), -int(change_ok), g, p))
    pairs.sort()
    used_gold, used_pred, matched = set(), set(), []
    for _, _, g, p in pairs:
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        matched.append((g, p))
    return matched


def score(pairs: Iterable[tuple[list[dict], list[dict]]]) -> dict[str, Any]:
    """Metrics over (gold, predicted) lists of sentences, both in the scorer's shape."""
    n_gold = n_pred = value = unit = change = 0
    for gold, predicted in pairs:
        n_gold += len(gold)
        n_pred += len(predicted)
        for g, p in match_sentence(gold, predicted):
            value += 1
            unit += gold[g]["unit"] == predicted[p]["unit"]
            change += gold[g]["change"] == predicted[p]["change"]
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "value": prf(gold=n_gold, predicted=n_pred, matched=value),
        "value+unit": prf(gold=n_gold, predicted=n_pred, matched=unit),
        "value+change": prf(gold=n_gold, predicted=n_pred, matched=change),
    }


# --------------------------------------------------------------------------- running


def evaluate(
    gold: Path, predictions: Path | None = None, *, nlp: Language | None = None
) -> dict[str, Any]:
    """Score the quantities stage on a NewsQuant file or our records (see ``gold.py``)."""
    if is_gold_records(gold):
        return evaluate_records(Path(gold), predictions, nlp=nlp)
    if not is_newsquant(Path(gold)):
        raise ValueError(
            f"{gold}: not a NewsQuant JSON file (a list of sentences with text and quantities) "
            "nor a JSONL of our records (newsclaims import-labelstudio writes one)"
        )
    sentences = read_newsquant(Path(gold))
    nlp = nlp or load_cached()  # loading the model is not part of the time per sentence
    started = time.perf_counter()
    records = predicted_records(newsquant_articles(sentences), predictions, nlp)
    elapsed = time.perf_counter() - started
    lemmas, levels = read_notation(records.values(), nlp)
    pairs = []
    details = []
    for sentence in sentences:
        record = records.get(sentence["id"])
        quantities = record.get("quantities", []) if record else []
        predicted = [
            prediction_from_record(q, lemmas.get(_object_key(sentence["id"], q)))
            for q in quantities
        ]
        for quantity, item in zip(quantities, predicted, strict=True):
            if (sentence["id"], quantity.get("start")) in levels:
                item["change"] = "="  # "a 3 percent drop": NewsQuant's level
        pairs.append((sentence["gold"], predicted))
        details.append(
            {
                "id": sentence["id"],
                "gold": sentence["gold"],
                "predicted": predicted,
                "spans": [q.get("text") for q in quantities],
            }
        )
    metrics = score(pairs)
    metrics["halves"] = {name: score(part) for name, part in halves(pairs).items()}
    metrics["sentences"] = len(sentences)
    metrics["missing_records"] = sum(1 for s in sentences if s["id"] not in records)
    metrics["ms_per_sentence"] = (
        1000 * elapsed / len(sentences) if predictions is None and sentences else 0.0
    )
    metrics["details"] = details
    return metrics


def _object_key(record_id: str, quantity: dict[str, Any]) -> tuple[str, int, int] | None:
    obj = quantity.get("object")
    return (record_id, obj["start"], obj["end"]) if obj else None


# --------------------------------------------------------------------------- our records as gold


def _scorer_quantity(quantity: dict[str, Any]) -> dict[str, Any]:
    if quantity.get("value") is None and quantity.get("low") is None:
        return {"value": math.nan, "unit": "-", "change": quantity.get("change") or "="}
    return prediction_from_record(quantity)


def evaluate_records(
    gold_path: Path, predictions: Path | None = None, *, nlp: Any = None
) -> dict[str, Any]:
    """NewsQuant's metrics on our gold records, one article standing for one sentence, and
    ``extent`` P/R/F1 (1:1 overlap of the spans, as relaxed timex matching; see ``gold.py``)."""
    gold = read_gold(gold_path)
    records = predicted_records(gold_articles(gold), predictions, nlp)
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
    metrics["extent"] = prf(gold=extent[0], predicted=extent[1], matched=extent[2])
    metrics["benchmark"] = "gold"
    metrics["gold_file"] = str(gold_path)
    metrics["sentences"] = metrics["articles"] = len(gold)
    metrics["missing_records"] = sum(1 for r in gold if r["id"] not in records)
    return metrics


def metric_rows(metrics: dict[str, Any], keys: tuple[str, ...]) -> list[str]:
    """A header and one row of P/R/F1 (percent) and matches for each metric in ``keys``."""
    rows = [f"{'metric':<14}{'P':>7}{'R':>7}{'F1':>7}{'matched':>9}"]
    for key in keys:
        m = metrics[key]
        p, r, f1 = (100 * m[name] for name in ("precision", "recall", "f1"))
        rows.append(f"{key:<14}{p:>7.1f}{r:>7.1f}{f1:>7.1f}{m['matched']:>9}")
    return rows


def format_report(metrics: dict[str, Any]) -> str:
    """A plain-text table of P/R/F1 with counts (gold, predicted, matched) and ms per sentence."""
    keys = ("value", "value+unit", "value+change")
    if metrics.get("benchmark") == "gold":  # our own gold records (evaluate/gold.py)
        title = (
            f"Our gold records ({metrics['articles']} articles, {metrics['gold_file']}): "
            f"{metrics['gold']} gold quantities, {metrics['predicted']} predicted "
            "(NewsQuant metrics)"
        )
        keys, missing = ("extent", *keys), "gold articles had no predicted record."
    else:
        title = (
            f"NewsQuant: {metrics.get('sentences', '?')} sentences, {metrics['gold']} gold "
            f"quantities, {metrics['predicted']} predicted, "
            f"{metrics.get('ms_per_sentence', 0.0):.1f} ms per sentence"
        )
        missing = "sentences had no prediction record."
    lines = [title, "", *metric_rows(metrics, keys)]
    if metrics.get("halves"):
        lines += ["", "F1 on the two halves (sentences at even / odd positions):"]
        lines.append(f"{'metric':<14}{'even':>7}{'odd':>7}")
        for key in keys:
            even, odd = (100 * metrics["halves"][half][key]["f1"] for half in ("even", "odd"))
            lines.append(f"{key:<14}{even:>7.1f}{odd:>7.1f}")
    if metrics.get("missing_records"):
        lines.append(f"\n{metrics['missing_records']} {missing}")
    return "\n".join(lines)
