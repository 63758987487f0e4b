"""The entities stage (placeholder: replaced by the real stage).

Assigns: ``doc._.newsclaims_entities``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._extensions import get_list


def find_entities(doc: Doc) -> list[dict]:
    return []


class EntitiesStage:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "newsclaims_entities").extend(find_entities(doc))
        return doc


@Language.factory("newsclaims_entities", assigns=["doc._.newsclaims_entities"])
def make_entities(nlp: Language, name: str) -> EntitiesStage:
    return EntitiesStage(nlp, name)
