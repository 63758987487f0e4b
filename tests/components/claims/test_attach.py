"""Quotations attached to the attribution next to them; duplicate and nested cues."""

from __future__ import annotations

import pytest

from pipeline.components.claims import find_claims
from pipeline.components.claims.attach import attach_quotes, drop_duplicates, drop_nested
from pipeline.components.claims.candidate import Candidate
from pipeline.components.claims.docview import DocView
from pipeline.components.claims.layout import extend_to_quotes
from pipeline.components.claims.lexicon import load_lexicons
from pipeline.components.claims.quotes import find_quotes
from pipeline.components.claims.verb_cues import verb_candidate

from .parsed import CONTINUED, KIM_SAID, content_text, parsed, span_text, text_of


def texts(candidate: Candidate) -> list[str]:
    return [span_text(KIM_SAID, part) for part in candidate.content]


def test_an_unclaimed_quotation_goes_to_the_verb_after_it_and_the_next_one_continues() -> None:
    view = DocView(KIM_SAID)
    quotes, _ = find_quotes(view.text)
    [added] = attach_quotes(view, quotes, [], load_lexicons(), split_quotes=False)
    assert span_text(KIM_SAID, added.cue) == "said"
    assert added.source_head.text == "Kim"
    assert added.kind == "direct"
    assert texts(added) == ["“This is over,”", "“We are going home now.”"]


def test_an_attached_quotation_takes_the_whole_verb_group_as_its_cue_phrase() -> None:
    doc = parsed(
        "“This is over,” Kim said Tuesday.",
        [
            ("“", 7, "punct", "PUNCT", "``", '"'),
            ("This", 2, "nsubj", "PRON", "DT", "this"),
            ("is", 7, "ccomp", "AUX", "VBZ", "be"),
            ("over", 2, "advmod", "ADV", "RB", "over"),
            (",", 7, "punct", "PUNCT", ",", ","),
            ("”", 7, "punct", "PUNCT", "''", '"'),
            ("Kim", 7, "nsubj", "PROPN", "NNP", "Kim"),
            ("said", 7, "ROOT", "VERB", "VBD", "say"),
            ("Tuesday", 7, "npadvmod", "PROPN", "NNP", "Tuesday"),
            (".", 7, "punct", "PUNCT", ".", "."),
        ],
        ents=[(6, 7, "PERSON")],
    )
    view = DocView(doc)
    quotes, _ = find_quotes(view.text)
    [added] = attach_quotes(view, quotes, [], load_lexicons(), split_quotes=False)
    assert span_text(doc, added.cue) == "said"
    assert span_text(doc, added.cue_phrase) == "said Tuesday"


def test_split_quotes_makes_the_continuation_a_claim_of_its_own() -> None:
    view = DocView(KIM_SAID)
    quotes, _ = find_quotes(view.text)
    said = verb_candidate(KIM_SAID[7], view, load_lexicons())
    extend_to_quotes(view.text, said, quotes)
    assert texts(said) == ["“This is over,”"]
    [added] = attach_quotes(view, quotes, [said], load_lexicons(), split_quotes=True)
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
    assert attach_quotes(view, quotes, [], load_lexicons(), split_quotes=False) == []


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


# --- end to end (the model parses the text) ----------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # a quotation going on in the same sentence: one claim with two parts
        (
            '"My hope," he said, "is that we can work together."',
            ['"My hope," … "is that we can work together."'],
        ),
        # a quotation opening a new sentence after the attribution: a claim of its own
        (
            "“This is over,” Kim said. “We are going home now.”",
            ["“This is over,”", "“We are going home now.”"],
        ),
        (
            "“It’s over,” he said of the race, in which he was sure she would lose. "
            "“In my view, anyway.”",
            ["“It’s over,”", "“In my view, anyway.”"],
        ),
    ],
)
def test_split_quotes_by_default(make_doc, text: str, contents: list[str]) -> None:
    doc = make_doc(text)
    assert [content_text(text, c) for c in doc._.newsclaims_claims] == contents
    assert all(c["kind"] == "direct" for c in doc._.newsclaims_claims)
    assert len({(c["source"]["start"], c["cue"]["start"]) for c in doc._.newsclaims_claims}) == 1


@pytest.mark.model
def test_polnear_convention_keeps_a_split_quote_as_one_claim(nlp) -> None:
    text = "“This is over,” Kim said. “We are going home now.”"
    claims = find_claims(nlp(text), split_sentence_quotes=False)
    assert [content_text(text, c) for c in claims] == ["“This is over,” … “We are going home now.”"]


@pytest.mark.model
def test_split_quotes_option_gives_two_claims(nlp) -> None:
    text = "“This is over,” Kim said. “We are going home now.”"
    doc = nlp(text)
    claims = find_claims(doc, split_quotes=True)
    assert [content_text(text, c) for c in claims] == [
        "“This is over,”",
        "“We are going home now.”",
    ]
    assert {text_of(text, c["source"]) for c in claims} == {"Kim"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # a quotation opening a new sentence after the attribution: its own claim
        (
            "“The talks are over,” the minister said. “We will leave tomorrow.”",
            ["“The talks are over,”", "“We will leave tomorrow.”"],
        ),
        (
            "“Prices will fall,” Lee continued. “Nobody expects a recession this year.”",
            ["“Prices will fall,”", "“Nobody expects a recession this year.”"],
        ),
        # the quotation goes on in the same sentence: one claim, two spans
        (
            '"The plan," she said, "is to finish the bridge by May."',
            ['"The plan," … "is to finish the bridge by May."'],
        ),
    ],
)
def test_split_sentence_quotes_option(nlp, text: str, contents: list[str]) -> None:
    claims = find_claims(nlp(text), split_sentence_quotes=True)
    assert [content_text(text, c) for c in claims] == contents
    assert all(c["kind"] == "direct" for c in claims)
    assert len({(c["source"]["start"], c["cue"]["start"]) for c in claims}) == 1
    # the quotation cut off is marked, so that the record can say which claim it continues
    assert [bool(c.get("continuation")) for c in claims] == [i > 0 for i in range(len(claims))]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # the clause after a quotation that ends its sentence introduces the next one
        (
            "“Let us be clear about this,” he wrote. “If you are offended, that is your "
            "fault.” He added: “This latest fuss is beyond hilarious, and I never posted it.”",
            [
                ("wrote", ["“Let us be clear about this,”"]),
                ("wrote", ["“If you are offended, that is your fault.”"]),
                ("added", ["“This latest fuss is beyond hilarious, and I never posted it.”"]),
            ],
        ),
        (
            "“The vote is over,” the senator said. “We lost this one.” She then added, "
            "“We will be back next year with a better bill.”",
            [
                ("said", ["“The vote is over,”"]),
                ("said", ["“We lost this one.”"]),
                ("added", ["“We will be back next year with a better bill.”"]),
            ],
        ),
        # a quotation ended by a period with its attribution after it, nothing following
        (
            "“We will win this race.” Kim said, looking at the crowd.",
            [("said", ["“We will win this race.”"])],
        ),
    ],
)
def test_a_clause_before_a_colon_or_comma_introduces_the_next_quotation(
    nlp, text: str, contents: list[tuple[str, list[str]]]
) -> None:
    claims = find_claims(nlp(text))
    found = [
        (
            text_of(text, c["cue"]),
            [
                text[s:e]
                for s, e in c["content"].get("spans")
                or [[c["content"]["start"], c["content"]["end"]]]
            ],
        )
        for c in claims
    ]
    assert found == contents


@pytest.mark.model
@pytest.mark.parametrize(
    ("tail", "said_by_reid"),
    [
        # the next sentence's verb reports its own clause: the quotation goes on
        # from the claim before it
        (' Reid said both Rubio and Cruz are "non-entities in the Senate."', False),
        # the verb has nothing of its own to report: the quotation is what it says
        (" Reid said.", True),
    ],
)
def test_a_quotation_ending_its_sentence_and_the_verb_of_the_next_one(
    make_doc, tail: str, said_by_reid: bool
) -> None:
    text = (
        '"I just think what Rubio has done on immigration is one of the worst machinations '
        'I have seen," the Senate minority leader said. "It shows a lack of character in my '
        'opinion."' + tail
    )
    claims = make_doc(text)._.newsclaims_claims
    quoted = [c for c in claims if content_text(text, c).startswith('"It shows')]
    assert len(quoted) == 1
    source = text_of(text, quoted[0]["source"])
    assert source == ("Reid" if said_by_reid else "the Senate minority leader")
