"""Quotations attached to the attribution next to them; duplicate and nested cues."""

from __future__ import annotations

from pipeline.components.claims.attach import attach_quotes, drop_duplicates, drop_nested
from pipeline.components.claims.candidate import Candidate
from pipeline.components.claims.docview import DocView
from pipeline.components.claims.layout import extend_to_quotes
from pipeline.components.claims.lexicon import load_lexicon
from pipeline.components.claims.quotes import find_quotes
from pipeline.components.claims.verb_cues import verb_candidate

from .parsed import KIM_SAID, parsed, span_text
from .test_cue_phrase import CONTINUED


def texts(candidate: Candidate) -> list[str]:
    return [span_text(KIM_SAID, part) for part in candidate.content]


def test_an_unclaimed_quotation_goes_to_the_verb_after_it_and_the_next_one_continues() -> None:
    view = DocView(KIM_SAID)
    quotes, _ = find_quotes(view.text)
    [added] = attach_quotes(view, quotes, [], load_lexicon(), split_quotes=False)
    assert span_text(KIM_SAID, added.cue) == "said"
    assert added.source_head.text == "Kim"
    assert added.kind == "direct"
    assert texts(added) == ["“This is over,”", "“We are going home now.”"]


def test_split_quotes_makes_the_continuation_a_claim_of_its_own() -> None:
    view = DocView(KIM_SAID)
    quotes, _ = find_quotes(view.text)
    said = verb_candidate(KIM_SAID[7], view, load_lexicon())
    extend_to_quotes(view.text, said, quotes)
    assert texts(said) == ["“This is over,”"]
    [added] = attach_quotes(view, quotes, [said], load_lexicon(), split_quotes=True)
    assert texts(added) == ["“We are going home now.”"]
    assert (added.cue, added.source_head) == (said.cue, said.source_head)
    assert texts(said) == ["“This is over,”"]


def test_a_quotation_without_an_attribution_next_to_it_is_no_claim() -> None:
    doc = parsed(
        "The regime backed the “special operation” today.",
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("regime", 2, "nsubj", "NOUN", "NN", "regime"),
            ("backed", 2, "ROOT", "VERB", "VBD", "back"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("“", 6, "punct", "PUNCT", "``", '"'),
            ("special", 6, "amod", "ADJ", "JJ", "special"),
            ("operation", 2, "dobj", "NOUN", "NN", "operation"),
            ("”", 6, "punct", "PUNCT", "''", '"'),
            ("today", 2, "npadvmod", "NOUN", "NN", "today"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
    )
    view = DocView(doc)
    quotes, _ = find_quotes(view.text)
    assert attach_quotes(view, quotes, [], load_lexicon(), split_quotes=False) == []


def test_one_claim_per_content() -> None:
    first = Candidate(cue=(0, 4), content=[(10, 20)])
    second = Candidate(cue=(30, 34), content=[(10, 20)])
    other = Candidate(cue=(30, 34), content=[(10, 25)])
    assert drop_duplicates([second, first, other]) == [other, second]


def test_a_cue_that_borrowed_its_subject_inside_another_content_is_dropped() -> None:
    doc = CONTINUED  # "The senator continued to insist that …": insist is an xcomp
    insist = Candidate(cue=(doc[4].idx, doc[4].idx + 6), content=[(doc[5].idx, 63)], cue_token=4)
    outer = Candidate(cue=(doc[2].idx, doc[2].idx + 9), content=[(doc[3].idx, 63)], cue_token=2)
    assert drop_nested([outer, insist], doc) == [outer]
    assert drop_nested([insist], doc) == [insist]
