"""Doc extensions hold plain data that survives serialisation."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, DocBin

from pipeline._extensions import get_list

pytestmark = pytest.mark.model


def test_annotations_survive_a_docbin_round_trip_and_stay_extendable(nlp, make_doc) -> None:
    doc = make_doc("“We will act,” John Kirby said on Tuesday.", "2023-06-13")
    docs = list(
        DocBin(docs=[doc], store_user_data=True)
        .from_bytes(DocBin(docs=[doc], store_user_data=True).to_bytes())
        .get_docs(nlp.vocab)
    )
    restored: Doc = docs[0]
    assert restored._.pub_date == "2023-06-13"
    for name in ("newsclaims_entities", "newsclaims_dates", "newsclaims_claims"):
        assert doc._.get(name), f"{name} is empty: the round trip would prove nothing"
        assert list(restored._.get(name)) == list(doc._.get(name))
        get_list(restored, name).append({"start": 0, "end": 1})
