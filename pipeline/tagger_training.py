"""Train the attribution tagger (``components/claims/tagger.py``) on PolNeAR train.

``parse_polnear`` parses a PolNeAR folder once with the frozen spaCy model and
caches the docs (a ``DocBin``) with their gold token labels; ``train_tagger``
fits the tagger on them with spaCy's own update loop (the parse stays as it
is: only the tagger's own tok2vec and softmax learn), seeded, and keeps the
epoch that scores best on the development docs it is given (never the
training docs). Token labels: ``B-``/``I-`` of ``SOURCE``, ``CUE``,
``CONTENT``, else ``O``; a token takes its role in the smallest attribution
that covers it (see ``tagger.py``).

Only ``polnear/train`` may be trained on; ``polnear/dev`` chooses the epoch.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch
from thinc.api import Adam

from .components.claims.tagger import (
    DEFAULT_MODEL_CONFIG,
    ROLES,
    TAGGER,
    AttributionTagger,
    decode,
)
from .evaluate.brat import BratDocument, read_polnear

SEED = 0
EPOCHS = 5
BATCH_DOCS = 4
LEARN_RATE = 0.001

#: Gold labels ride in the docs' ``user_data``.
LABELS_KEY = "newsclaims_tagger_labels"


def token_labels(doc: Doc, attributions: Sequence[dict[str, Any]]) -> list[str]:
    """``B-``/``I-``/``O`` labels of the doc's tokens for brat attributions; the
    smallest attribution (by content length) wins where they nest. Spaces are
    ``O``; a no-break space inside a span does not end it, a line break does."""
    owner = [-1] * len(doc)  # the span that labelled each token
    role_of = ["O"] * len(doc)
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t.text) for t in doc]
    span_id = 0
    ordered = sorted(attributions, key=lambda a: -sum(e - s for s, e in a.get("content") or []))
    for attribution in ordered:
        for role in ("CONTENT", "SOURCE", "CUE"):
            for start, end in attribution.get(role.lower()) or []:
                span_id += 1
                for i in range(len(doc)):
                    if starts[i] < end and start < ends[i] and not doc[i].is_space:
                        owner[i] = span_id
                        role_of[i] = role
    labels = []
    previous = -1  # the span of the last token that is not a space
    for i in range(len(doc)):
        if role_of[i] == "O":
            labels.append("O")
        elif owner[i] == previous:
            labels.append(f"I-{role_of[i]}")
        else:
            labels.append(f"B-{role_of[i]}")
        if not doc[i].is_space or "\n" in doc[i].text:
            previous = owner[i] if not doc[i].is_space else -1
    return labels


def parse_polnear(
    folder: Path, nlp: Language, cache: Path | None = None, *, log: Callable[[str], None] = print
) -> list[Doc]:
    """The parsed docs of a PolNeAR folder with their gold labels in ``user_data``;
    the parse is read from ``cache`` when it holds it, else made (and cached there)."""
    documents: list[BratDocument] = read_polnear(folder)
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        log(f"parsing {len(documents)} articles of {folder}")
        docs = list(nlp.pipe((d.text for d in documents), batch_size=16))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs).to_disk(cache)
    for document, doc in zip(documents, docs, strict=True):
        if doc.text != document.text:
            raise ValueError(f"{cache} does not hold the articles of {folder}: remove it")
        doc.user_data[LABELS_KEY] = token_labels(doc, document.attributions)
    return docs


def examples(docs: Sequence[Doc]) -> list[Example]:
    """Training examples: the parsed doc, and a copy whose tags are the gold labels."""
    out = []
    for doc in docs:
        reference = Doc(
            doc.vocab,
            words=[t.text for t in doc],
            spaces=[bool(t.whitespace_) for t in doc],
            tags=doc.user_data[LABELS_KEY],
        )
        out.append(Example(doc, reference))
    return out


def token_accuracy(tagger: AttributionTagger, docs: Sequence[Doc]) -> dict[str, float]:
    """Span F1 of each role (exact token spans) on ``docs``, and their mean."""
    counts = {role: [0, 0, 0] for role in ROLES}  # gold, predicted, matched
    for doc in docs:
        gold = _gold_spans(doc)
        scores = tagger.model.ops.to_numpy(tagger.model.predict([doc])[0])
        predicted = {
            (s["role"].upper(), s["start"], s["end"]) for s in decode(doc, scores, tagger.labels)
        }
        for role in ROLES:
            g = {s for s in gold if s[0] == role}
            p = {s for s in predicted if s[0] == role}
            counts[role][0] += len(g)
            counts[role][1] += len(p)
            counts[role][2] += len(g & p)
    result = {}
    for role, (g, p, m) in counts.items():
        result[role] = 2 * m / (g + p) if g + p else 0.0
    result["mean"] = sum(result[r] for r in ROLES) / len(ROLES)
    return result


def _gold_spans(doc: Doc) -> set[tuple[str, int, int]]:
    labels = doc.user_data[LABELS_KEY]
    spans = set()
    current = None
    for token, label in zip(doc, labels, strict=True):
        role = label.split("-", 1)[1] if "-" in label else None
        if current and role == current[0] and label.startswith("I-"):
            current[2] = token.idx + len(token.text)
            continue
        if current:
            spans.add(tuple(current))
        current = [role, token.idx, token.idx + len(token.text)] if role else None
    if current:
        spans.add(tuple(current))
    return spans


def train_tagger(
    nlp: Language,
    train_docs: Sequence[Doc],
    dev_docs: Sequence[Doc],
    *,
    epochs: int = EPOCHS,
    seed: int = SEED,
    model: dict[str, Any] | None = None,
    checkpoint: Path | None = None,
    log: Callable[[str], None] = print,
) -> tuple[AttributionTagger, dict[str, Any]]:
    """Fit the tagger on ``train_docs``; the weights of the epoch with the best
    mean span F1 on ``dev_docs`` are kept (and saved to ``checkpoint`` as they
    come, when given). Returns the tagger and its training log."""
    fix_random_seed(seed)
    tagger_nlp = Language(nlp.vocab)
    config: dict[str, Any] = {"shipped_weights": False}
    if model is not None:
        config["model"] = model
    tagger: AttributionTagger = tagger_nlp.add_pipe(TAGGER, config=config)
    train_examples = examples(train_docs)
    labels = sorted({label for doc in train_docs for label in doc.user_data[LABELS_KEY]})
    tagger.initialize(lambda: train_examples, nlp=tagger_nlp, labels=labels)
    optimizer = Adam(LEARN_RATE)
    rng = random.Random(seed)
    best: tuple[float, int, bytes] | None = None
    history = []
    for epoch in range(1, epochs + 1):
        began = time.perf_counter()
        rng.shuffle(train_examples)
        losses: dict[str, float] = {}
        batches = minibatch(train_examples, size=BATCH_DOCS)
        for batch in batches:
            tagger.update(batch, sgd=optimizer, losses=losses)
        seconds = time.perf_counter() - began
        with tagger.model.use_params(optimizer.averages):
            dev = token_accuracy(tagger, dev_docs)
            weights = tagger.model.to_bytes()
        history.append(
            {
                "epoch": epoch,
                "loss": round(losses.get(TAGGER, 0.0), 1),
                "seconds": round(seconds, 1),
                "dev": {k: round(v, 4) for k, v in dev.items()},
            }
        )
        log(
            f"epoch {epoch}: loss {losses.get(TAGGER, 0.0):.1f}, {seconds:.0f} s, dev span F1 "
            + ", ".join(f"{k} {v:.3f}" for k, v in dev.items())
        )
        if best is None or dev["mean"] > best[0]:
            best = (dev["mean"], epoch, weights)
            if checkpoint is not None:
                with tagger.model.use_params(optimizer.averages):
                    save_tagger(
                        tagger, {"seed": seed, "epochs": history, "chosen_epoch": epoch}, checkpoint
                    )
    assert best is not None
    tagger.model.from_bytes(best[2])
    return tagger, {"epochs": history, "chosen_epoch": best[1], "seed": seed}


def save_tagger(tagger: AttributionTagger, log: dict[str, Any], folder: Path) -> None:
    """The tagger's weights and labels (``to_disk``) and its training record
    (``training.json``: seed, hyper-parameters, every epoch's dev figures)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)  # spaCy's to_disk makes only the last folder
    tagger.to_disk(folder, exclude=["vocab"])  # hashed features: no strings needed
    record = {
        "seed": log["seed"],
        "epochs": len(log["epochs"]),
        "chosen_epoch": log["chosen_epoch"],
        "batch_docs": BATCH_DOCS,
        "learn_rate": LEARN_RATE,
        "model": DEFAULT_MODEL_CONFIG.strip(),
        "history": log["epochs"],
    }
    (folder / "training.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
