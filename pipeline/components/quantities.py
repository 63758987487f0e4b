"""The quantities stage (placeholder: replaced by the real stage).

Assigns: ``doc._.newsclaims_quantities``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._extensions import get_list


def find_quantities(doc: Doc) -> list[dict]:
    return []


class QuantitiesStage:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "newsclaims_quantities").extend(find_quantities(doc))
        return doc


@Language.factory("newsclaims_quantities", assigns=["doc._.newsclaims_quantities"])
def make_quantities(nlp: Language, name: str) -> QuantitiesStage:
    return QuantitiesStage(nlp, name)
