"""Train the claims stage's cue model on PolNeAR's train split (``make train``).

``train_cue_model(folder)`` parses every article of a PolNeAR folder with the
spaCy model the pipeline uses, turns each verb outside a quotation into a
``(features, is inside a gold cue)`` example (``cue_model.examples``), fits the
logistic regression and returns a ``CueModel`` with the thresholds given. The
result is deterministic: the same data, model and options give the same file.

Only ``polnear/train`` may be used here; dev is for measuring.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from .components.claims.cue_model import CueModel, examples, train
from .components.claims.lexicon import load_lexicon
from .components.claims.quotes import find_quotes, quote_at
from .components.claims.verbs import is_reporting_verb
from .evaluate.brat import read_polnear

#: Chosen on PolNeAR train, end to end (content and cue F1 of the whole stage).
THRESHOLD = 0.45
KEEP_THRESHOLD = 0.45


def train_cue_model(
    folder: Path,
    nlp: Language,
    *,
    threshold: float = THRESHOLD,
    keep_threshold: float = KEEP_THRESHOLD,
    log: Callable[[str], None] = lambda message: None,
) -> CueModel:
    documents = read_polnear(folder)
    log(f"parsing {len(documents)} articles of {folder}")
    lexicon = load_lexicon()
    data = []
    texts = (d.text for d in documents)
    for document, doc in zip(documents, nlp.pipe(texts, batch_size=16), strict=True):
        quotes, _ = find_quotes(document.text)
        data.extend(
            examples(
                doc,
                [a["cue"] for a in document.attributions],
                lambda token: is_reporting_verb(token, lexicon),
                # as the stage: verbs inside a quotation are not asked
                lambda token, quotes=quotes: quote_at(quotes, token.idx) is not None,
            )
        )
    positives = sum(label for _, label in data)
    log(f"training on {len(data)} verbs ({positives} inside a gold cue)")
    weights = train(data)
    return CueModel(
        weights=weights,
        threshold=threshold,
        keep_threshold=keep_threshold,
        meta={
            "trained_on": "PolNeAR train",
            "articles": len(documents),
            "examples": len(data),
            "positives": positives,
            "spacy_model": f"{nlp.lang}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        },
    )
