"""A failing stage becomes a warning on the record; the article is never lost."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import _extensions  # noqa: F401
from pipeline.article import Article
from pipeline.guard import guarded
from pipeline.process import process_articles

from .contract import assert_valid_record


class Exploding:
    @guarded("newsclaims_dates")
    def __call__(self, doc: Doc) -> Doc:
        doc._.newsclaims_dates = [{"start": 0, "end": 1, "type": "DATE", "value": "x"}]
        if "boom" in doc.text:
            raise ValueError("boom")
        doc._.newsclaims_dates = []
        return doc


@Language.factory("newsclaims_test_exploding")
def make_exploding(nlp: Language, name: str) -> Exploding:
    return Exploding()


def test_a_stage_failure_is_a_warning_and_the_other_articles_go_on() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsclaims_test_exploding")
    articles = [
        Article(id=str(i), text=t, date="2023-06-13")
        for i, t in enumerate(["fine text", "this goes boom", "fine again"])
    ]
    records = list(process_articles(articles, nlp=nlp))
    assert [r["id"] for r in records] == ["0", "1", "2"]
    for record in records:
        assert_valid_record(record)
    assert records[1]["dates"] == []
    assert [w["code"] for w in records[1]["warnings"]] == ["W010"]
    assert "boom" in records[1]["warnings"][0]["message"]
    assert records[0]["warnings"] == [] and records[2]["warnings"] == []
