"""The claims stage (placeholder: replaced by the real stage).

Assigns: ``doc._.newsclaims_claims``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._extensions import get_list


def find_claims(doc: Doc) -> list[dict]:
    return []


class ClaimsStage:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "newsclaims_claims").extend(find_claims(doc))
        return doc


@Language.factory("newsclaims_claims", assigns=["doc._.newsclaims_claims"])
def make_claims(nlp: Language, name: str) -> ClaimsStage:
    return ClaimsStage(nlp, name)
