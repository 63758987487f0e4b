"""What the stage reads of a doc, computed once."""

from __future__ import annotations

from pipeline.components.claims.docview import DocView

from .parsed import KIM_SAID, SENATOR_SAID


def test_each_token_knows_its_sentence() -> None:
    view = DocView(KIM_SAID)
    assert view.sentence(KIM_SAID[2]).text == "“This is over,” Kim said."
    assert view.sentence(KIM_SAID[12]).text == "“We are going home now.”"
    assert all(view.sentence(t) == t.sent for t in KIM_SAID)


def test_text_entities_and_the_sentences_with_quote_marks() -> None:
    view = DocView(KIM_SAID)
    assert view.text == KIM_SAID.text
    assert [e.text for e in view.ents] == ["Kim"]
    assert view.quoted_sentences == frozenset({0, 9})
    assert DocView(SENATOR_SAID).quoted_sentences == frozenset()


def test_two_docs_have_two_views() -> None:
    # per-doc state lives in the view, not in the module
    assert DocView(KIM_SAID).text != DocView(SENATOR_SAID).text
