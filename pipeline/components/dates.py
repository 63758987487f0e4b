"""The dates stage (placeholder: replaced by the real stage).

Assigns: ``doc._.newsclaims_dates``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._extensions import get_list


def find_dates(doc: Doc) -> list[dict]:
    return []


class DatesStage:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "newsclaims_dates").extend(find_dates(doc))
        return doc


@Language.factory("newsclaims_dates", assigns=["doc._.newsclaims_dates"])
def make_dates(nlp: Language, name: str) -> DatesStage:
    return DatesStage(nlp, name)
