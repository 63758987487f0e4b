"""The attribution tagger: a statistical model of where a source, cue and content
begin and end (``make train`` fits it on PolNeAR train; ``tagger_training.py``).

A spaCy ``Tagger`` of its own, on its own small tok2vec over the words, the
frozen parse (dependency label, part of speech, fine tag) and three features
of quotations and clauses (``tagger_features.py``), that labels every
token ``B-``/``I-`` of ``SOURCE``, ``CUE`` or ``CONTENT``, or ``O``. It never
writes ``token.tag_``: ``set_annotations`` decodes the labels into spans and
writes them to ``doc._.newsclaims_attributions`` as plain dicts
``{"role", "start", "end", "probability"}`` (character offsets; the probability
is the mean, over the span's tokens, of the model's probability of that role).
The claims stage reads them (``merge.py``).

Nested attributions ("X said Y claimed Z") are labelled innermost first: a token
takes the role it has in the smallest attribution that covers it, so the inner
source, cue and content keep their labels and the outer content is the part
around them.

The weights ship in ``data/tagger/``; the factory loads them, so a user never
needs the benchmarks. Without them (before the first ``make train``) the
component is built untrained and ``load_shipped`` says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.language import Language
from spacy.pipeline import Tagger
from spacy.tokens import Doc
from thinc.api import Config, Model

from ..._extensions import register_extensions
from . import tagger_features  # noqa: F401  (registers newsclaims.AttributionEmbed.v1)

TAGGER = "newsclaims_attribution_tagger"
EXTENSION = "newsclaims_attributions"

#: The shipped weights and labels (``Tagger.to_disk``), with the config and model card.
WEIGHTS = Path(__file__).parent / "data" / "tagger"

ROLES = ("SOURCE", "CUE", "CONTENT")
#: Longer docs (longer than nearly every news article) are read in pieces this long.
PIECE_TOKENS = 5000
#: Token attributes a piece of a long doc leaves out (``piece_docs``).
ENTITY_ATTRS = frozenset({ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE})
#: The log score of a labelling that is not valid (``best_labels``).
BANNED = 1e9

DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = true

[model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[model.tok2vec.embed]
@architectures = "newsclaims.AttributionEmbed.v1"
width = 64
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "DEP", "POS", "TAG"]
rows = [5000, 1000, 2500, 2500, 200, 50, 100]
extra_rows = 2000

[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 64
depth = 3
window_size = 1
maxout_pieces = 3
"""
DEFAULT_MODEL = Config().from_str(DEFAULT_MODEL_CONFIG)["model"]


class AttributionTagger(Tagger):
    """A ``Tagger`` whose labels become ``doc._.newsclaims_attributions`` spans."""

    #: Decode the best valid labelling (``best_labels``), not each token's best label.
    constrained = False

    def predict(self, docs: Iterable[Doc]) -> list[Any]:
        """The label probabilities of every token (rows) of every doc; a long doc
        is read in pieces of whole paragraphs (``pieces_of``): the window sees a
        few tokens, so the pieces change little but the cost, which then stays
        linear in the length."""
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return [self.model.ops.alloc2f(len(doc), len(self.labels)) for doc in docs]
        if all(len(doc) <= PIECE_TOKENS for doc in docs):
            return self.model.predict(docs)
        scores = []
        for doc in docs:
            pieces = piece_docs(doc)
            # one piece at a time: the arrays of all pieces at once outgrow the caches
            piece_scores = [
                self.model.ops.to_numpy(self.model.predict([piece])[0]) for piece in pieces
            ]
            scores.append(numpy.concatenate(piece_scores))
        return scores

    def set_annotations(self, docs: Iterable[Doc], scores: list[Any]) -> None:
        for doc, doc_scores in zip(docs, scores, strict=True):
            scores = self.model.ops.to_numpy(doc_scores)
            doc._.set(EXTENSION, decode(doc, scores, self.labels, constrained=self.constrained))


def pieces_of(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of whole paragraphs (else whole sentences), each up to
    ``PIECE_TOKENS`` long when it can be: quotations stay within a piece."""
    pieces = []
    start = 0
    paragraph = None  # the last sentence start of the piece that opens a paragraph
    for sentence in doc.sents:
        if sentence.end - start > PIECE_TOKENS and sentence.start > start:
            cut = paragraph if paragraph is not None else sentence.start
            pieces.append((start, cut))
            start, paragraph = cut, None
        if sentence.start > start and "\n" in doc[sentence.start - 1].text_with_ws:
            paragraph = sentence.start
    if start < len(doc):
        pieces.append((start, len(doc)))
    return pieces


def piece_docs(doc: Doc) -> list[Doc]:
    """The pieces of ``doc`` (``pieces_of``) as docs of their own, with the parse
    and without the entities, which the tagger does not read.

    Built from one array of the whole doc: ``Span.as_doc`` builds the whole doc's
    array and walks all its entities for every piece, which made the cost
    quadratic in the length (on one document of 128k words the tagger took 2.5
    times as long per word as on one of 2k)."""
    attrs = [a for a in doc._get_array_attrs() if a not in ENTITY_ATTRS]
    array = doc.to_array(attrs)
    words = [token.text for token in doc]
    spaces = [bool(token.whitespace_) for token in doc]
    pieces = []
    for start, end in pieces_of(doc):  # whole sentences: no head points out of a piece
        piece = Doc(doc.vocab, words=words[start:end], spaces=spaces[start:end])
        piece.from_array(attrs, array[start:end])
        pieces.append(piece)
    return pieces


def best_labels(doc: Doc, scores: numpy.ndarray, labels: tuple[str, ...]) -> list[int]:
    """The label column of every token on the most probable path that is a valid
    labelling (Viterbi): an ``I-X`` only after ``B-X`` or ``I-X``, a line break ``O``;
    a space that is no line break is passed over (``O``; ``decode`` goes on over it).

    Against the best label of each token on its own, this keeps a content whole
    where a few of its tokens lean to ``O``, or drops it whole: on PolNeAR dev the
    shipped tagger's exact span F1 rose from 0.296 to 0.423 for contents, 0.579 to
    0.662 for sources, 0.636 to 0.677 for cues. Not the default (``constrained``):
    the claims stage's models retrained on these spans gave the same content F1 on
    dev (0.736 against 0.735) and lower +source (0.679 against 0.682) and
    quote-marked recall (0.918 against 0.923)."""
    n = len(labels)
    role_of = [label.split("-", 1)[1] if "-" in label else None for label in labels]
    outside = labels.index("O")
    # the columns each I-X may follow
    follows = {
        j: [i for i in range(n) if role_of[i] == role_of[j]]
        for j, label in enumerate(labels)
        if label.startswith("I-")
    }
    line_break = [-BANNED] * n
    line_break[outside] = 0.0
    steps = [t.i for t in doc if not t.is_space or "\n" in t.text]
    log_scores = numpy.log(numpy.maximum(scores, 1e-9)).tolist()
    path_scores: list[float] = []
    back: list[list[int]] = []
    for i in steps:
        emit = line_break if doc[i].is_space else log_scores[i]
        if not path_scores:
            path_scores = [-BANNED if j in follows else v for j, v in enumerate(emit)]
            continue
        top = max(range(n), key=path_scores.__getitem__)
        pointers = [top] * n
        current = [path_scores[top] + v for v in emit]
        for j, allowed in follows.items():
            k = max(allowed, key=path_scores.__getitem__)
            current[j] = path_scores[k] + emit[j]
            pointers[j] = k
        back.append(pointers)
        path_scores = current
    best = [outside] * len(doc)
    if not steps:
        return best
    column = max(range(n), key=path_scores.__getitem__)
    best[steps[-1]] = column
    for i, pointers in zip(reversed(steps[:-1]), reversed(back), strict=True):
        column = pointers[column]
        best[i] = column
    return best


def decode(
    doc: Doc, scores: numpy.ndarray, labels: tuple[str, ...], *, constrained: bool = False
) -> list[dict[str, Any]]:
    """Spans of the best label per token (of the best valid labelling, ``best_labels``,
    when ``constrained``): a span opens on ``B-X`` (or an ``I-X`` after another role)
    and goes on over ``I-X`` (and spaces); a line break ends it."""
    if not len(doc) or not labels:
        return []
    role_of = [label.split("-", 1)[1] if "-" in label else None for label in labels]
    begins = [label.startswith("B-") for label in labels]
    role_columns = {role: [i for i, r in enumerate(role_of) if r == role] for role in ROLES}
    best = best_labels(doc, scores, labels) if constrained else scores.argmax(axis=1)
    spans: list[dict[str, Any]] = []
    current: list[Any] | None = None  # [role, first token, last token]

    def close() -> None:
        if current is not None:
            role, first, last = current
            probability = float(scores[first : last + 1, role_columns[role]].sum(axis=1).mean())
            spans.append(
                {
                    "role": role.lower(),
                    "start": doc[first].idx,
                    "end": doc[last].idx + len(doc[last].text),
                    "probability": round(probability, 3),
                }
            )

    for token in doc:
        column = int(best[token.i])
        role = role_of[column]
        if token.is_space and "\n" not in token.text:
            continue  # a no-break space inside a name or a phrase
        if token.is_space or role is None:
            close()
            current = None
            continue
        if current is not None and current[0] == role and not begins[column]:
            current[2] = token.i
            continue
        close()
        current = [role, token.i, token.i]
    close()
    return spans


def load_shipped(tagger: AttributionTagger, folder: Path = WEIGHTS) -> bool:
    """Load the shipped weights into ``tagger``; False when there are none yet."""
    if not (folder / "model").is_file():
        return False
    tagger.from_disk(folder, exclude=["vocab"])
    return True


@Language.factory(
    TAGGER,
    assigns=[f"doc._.{EXTENSION}"],
    requires=["token.dep", "token.pos", "token.tag"],
    default_config={"model": DEFAULT_MODEL, "shipped_weights": True, "constrained": False},
)
def make_attribution_tagger(
    nlp: Language, name: str, model: Model, shipped_weights: bool, constrained: bool
) -> AttributionTagger:
    """The attribution tagger, with the weights that ship in ``data/tagger/`` unless
    ``shipped_weights`` is false (training builds it untrained); ``constrained``:
    spans of the best valid labelling (``best_labels``), not of each token's best label."""
    register_extensions()
    tagger = AttributionTagger(nlp.vocab, model, name)
    tagger.constrained = constrained
    if shipped_weights:
        load_shipped(tagger)
    return tagger
