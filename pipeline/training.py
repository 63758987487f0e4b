"""Train the claims stage's cue model on PolNeAR's train split (``make train``).

``train_cue_model(folder)`` parses every article of a PolNeAR folder with the
spaCy model the pipeline uses, turns each verb outside a quotation into a
``(features, is inside a gold cue)`` example (``cue_model.examples``), fits the
logistic regression and returns a ``CueModel`` with the thresholds given. The
result is deterministic: the same data, model and options give the same file.

Only ``polnear/train`` may be used here; dev is for measuring. ``extra_gold``
adds gold files of our own records (``newsclaims import-labelstudio`` writes
them from corrected Label Studio tasks): each claim's ``cue`` (and
``cue_phrase``, when given) marks the verbs that report. The model's
``meta["trained_on"]`` lists each source: dataset, file or folder name,
articles, claims (gold files), examples and positives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from .components.claims.cue_model import CueModel, examples, train
from .components.claims.lexicon import load_lexicons
from .components.claims.quotes import find_quotes, quote_at
from .components.claims.verbs import is_reporting_verb
from .evaluate.brat import read_polnear

#: Chosen on PolNeAR train, end to end (content and cue F1 of the whole stage).
THRESHOLD = 0.45
KEEP_THRESHOLD = 0.45


def _cue_examples(
    texts_and_cues: list[tuple[str, list[list[tuple[int, int]]]]], nlp: Language
) -> list[tuple[list[str], int]]:
    """The cue model's examples of ``(text, gold cue spans per attribution)`` pairs."""
    lexicons = load_lexicons()
    data: list[tuple[list[str], int]] = []
    texts = (text for text, _ in texts_and_cues)
    for (text, cues), doc in zip(texts_and_cues, nlp.pipe(texts, batch_size=16), strict=True):
        quotes, _ = find_quotes(text)
        data.extend(
            examples(
                doc,
                cues,
                lambda token: is_reporting_verb(token, lexicons),
                # as the stage: verbs inside a quotation are not asked
                lambda token, quotes=quotes: quote_at(quotes, token.idx) is not None,
            )
        )
    return data


def gold_cues(records: list[dict[str, Any]]) -> list[tuple[str, list[list[tuple[int, int]]]]]:
    """``(text, cue spans per claim)`` of gold records: each claim's cue and cue phrase."""
    pairs = []
    for record in records:
        cues = []
        for claim in record.get("claims") or []:
            spans = [
                (claim[role]["start"], claim[role]["end"])
                for role in ("cue", "cue_phrase")
                if claim.get(role)
            ]
            if spans:
                cues.append(spans)
        pairs.append((record["text"], cues))
    return pairs


def train_cue_model(
    folder: Path,
    nlp: Language,
    *,
    extra_gold: Sequence[Path] = (),
    threshold: float = THRESHOLD,
    keep_threshold: float = KEEP_THRESHOLD,
    log: Callable[[str], None] = lambda message: None,
) -> CueModel:
    from .evaluate.gold import read_gold

    documents = read_polnear(folder)
    log(f"parsing {len(documents)} articles of {folder}")
    data = _cue_examples([(d.text, [a["cue"] for a in d.attributions]) for d in documents], nlp)
    trained_on: list[dict[str, Any]] = [
        {
            "dataset": "PolNeAR train",
            "path": "/".join(Path(folder).resolve().parts[-2:]),
            "articles": len(documents),
            "examples": len(data),
            "positives": sum(label for _, label in data),
        }
    ]
    for path in extra_gold:
        records = read_gold(path)
        log(f"parsing {len(records)} articles of {path}")
        more = _cue_examples(gold_cues(records), nlp)
        trained_on.append(
            {
                "dataset": "newsclaims gold",
                "path": Path(path).name,
                "articles": len(records),
                "claims": sum(len(r.get("claims") or []) for r in records),
                "examples": len(more),
                "positives": sum(label for _, label in more),
            }
        )
        data.extend(more)
    positives = sum(label for _, label in data)
    log(f"training on {len(data)} verbs ({positives} inside a gold cue)")
    weights = train(data)
    return CueModel(
        weights=weights,
        threshold=threshold,
        keep_threshold=keep_threshold,
        meta={
            "trained_on": trained_on,
            "articles": sum(source["articles"] for source in trained_on),
            "examples": len(data),
            "positives": positives,
            "spacy_model": f"{nlp.lang}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        },
    )
