"""The attribution tagger's embedding: the words and the frozen parse, plus three
features a window of a few tokens cannot see on its own.

``newsclaims.AttributionEmbed.v1`` hashes, for every token, the ``Doc.to_array``
attributes it is given (``NORM``, ``DEP``, ...) and:

* ``quote``: whether the token is inside a quotation (``quotes.find_quotes``),
  a quote mark, or neither: a content often runs to a closing mark far away;
* ``clause``: the lemma of the nearest ancestor the token hangs from through a
  clausal edge, with that edge ("ccomp:say"): the tokens of "said that X"'s X
  all carry it, however long X is;
* ``head``: the token's dependency label and its head's lemma ("nsubj>say"), the
  mark of a source.

Each is a ``HashEmbed`` column like the others; a ``Maxout`` mixes them, as
spaCy's ``MultiHashEmbed`` does.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Ints2d

from .quotes import QUOTE_TOKENS, find_quotes, quote_at

#: Edges through which a token belongs to a reported clause.
CLAUSAL = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "csubj", "acl", "relcl", "conj"})
#: The features computed here, after the ``Doc.to_array`` attributes.
EXTRA = ("quote", "clause", "head")


def token_features(doc: Doc) -> list[tuple[str, str, str]]:
    """The ``EXTRA`` feature strings of every token of ``doc``."""
    quotes, _ = find_quotes(doc.text)
    features = []
    for token in doc:
        if token.text in QUOTE_TOKENS:
            quote = "mark"
        else:
            quote = "in" if quote_at(quotes, token.idx) is not None else "out"
        clause = "-"
        child = token
        for ancestor in token.ancestors:
            if child.dep_ in CLAUSAL:
                clause = f"{child.dep_}:{ancestor.lemma_.lower()}"
                break
            child = ancestor
        head = f"{token.dep_}>{token.head.lemma_.lower()}"
        features.append((quote, clause, head))
    return features


def extract(docs: Sequence[Doc], attrs: Sequence[str]) -> list[Ints2d]:
    """One row per token: the ``attrs`` of ``Doc.to_array`` and the hashed ``EXTRA``."""
    arrays = []
    for doc in docs:
        base = doc.to_array(list(attrs)).astype("uint64").reshape((len(doc), len(attrs)))
        extra = numpy.array(
            [[hash_string(value) for value in row] for row in token_features(doc)],
            dtype="uint64",
        ).reshape((len(doc), len(EXTRA)))
        arrays.append(numpy.hstack([base, extra]))
    return arrays


def _features(attrs: Sequence[str]) -> Model:
    def forward(model: Model, docs: Sequence[Doc], is_train: bool):
        arrays = [model.ops.asarray(a, dtype="uint64") for a in extract(docs, attrs)]
        return arrays, lambda d_features: []

    return Model("attribution_features", forward, attrs={"attrs": list(attrs)})


@registry.architectures("newsclaims.AttributionEmbed.v1")
def attribution_embed(width: int, attrs: list[str], rows: list[int], extra_rows: int) -> Model:
    """``MultiHashEmbed`` over ``attrs`` (``rows`` each) plus the ``EXTRA`` features
    (``extra_rows`` each)."""
    all_rows = list(rows) + [extra_rows] * len(EXTRA)
    embeddings = [
        HashEmbed(width, n_rows, column=i, seed=8 + i, dropout=0.0)
        for i, n_rows in enumerate(all_rows)
    ]
    return chain(
        _features(attrs),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(all_rows), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
