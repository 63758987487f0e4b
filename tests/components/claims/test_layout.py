"""Contents and quotations in the text's layout: paragraphs, sentences, lines."""

from __future__ import annotations

import pytest

from pipeline.components.claims.candidate import Candidate
from pipeline.components.claims.docview import DocView
from pipeline.components.claims.layout import (
    clip_to_paragraph,
    extend_to_quotes,
    signed_quote_candidates,
    speaker_line_candidates,
    split_sentence_continuations,
)
from pipeline.components.claims.lexicon import load_lexicons
from pipeline.components.claims.quotes import find_quotes

from .parsed import KIM_SAID, content_text, parsed, span_text, text_of

LEX = load_lexicons()


def spans(text: str, candidate: Candidate) -> list[str]:
    return [text[s:e] for s, e in candidate.content]


def test_a_content_stays_in_its_cue_s_paragraph() -> None:
    text = "WASHINGTON\nThe senator said taxes will rise \nNext paragraph."
    cue = text.index("said")
    candidate = Candidate(cue=(cue, cue + 4), content=[(0, len(text))])
    clip_to_paragraph(text, candidate)
    assert spans(text, candidate) == ["The senator said taxes will rise"]
    nothing = Candidate(cue=(cue, cue + 4), content=[(0, 10)])
    clip_to_paragraph(text, nothing)
    assert nothing.content == []


def test_a_content_reaching_into_a_quotation_takes_all_of_it() -> None:
    text = "He said the deal was “a historic step for us” in May."
    quotes, _ = find_quotes(text)
    cue = text.index("said")
    candidate = Candidate(cue=(cue, cue + 4), content=[(text.index("the"), text.index("step"))])
    extend_to_quotes(text, candidate, quotes)
    assert spans(text, candidate) == ["the deal was “a historic step for us”"]


def test_a_quotation_around_the_cue_is_not_taken() -> None:
    text = "“Taxes, he said, will rise.”"
    quotes, _ = find_quotes(text)
    cue = text.index("said")
    candidate = Candidate(cue=(cue, cue + 4), content=[(text.index("will"), len(text) - 2)])
    extend_to_quotes(text, candidate, quotes)
    assert spans(text, candidate) == ["will rise"]  # unchanged


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the writer's introduction before the colon is not what "he said"
        (
            "Murphy went on about fundraising: “There is a ton of it,” he said.",
            "“There is a ton of it,”",
        ),
        # no colon: the content is left as it is
        ("In Iowa, “there is a ton of it,” he said.", "In Iowa, “there is a ton of it,”"),
    ],
)
def test_a_quotation_after_a_colon_is_what_the_cue_after_it_says(text: str, content: str) -> None:
    quotes, _ = find_quotes(text)
    cue = text.index("said")
    candidate = Candidate(cue=(cue, cue + 4), content=[(0, text.index("” he") + 1)])
    extend_to_quotes(text, candidate, quotes)
    assert spans(text, candidate) == [content]


@pytest.mark.model
def test_a_quotation_after_a_colon_is_what_the_cue_after_it_says_end_to_end(make_doc) -> None:
    text = (
        "A few minutes later, Murphy complained about the tasks his job entails, especially "
        "fundraising: “There is just a ton of nonsense with this job,” he said."
    )
    claims = make_doc(text)._.newsclaims_claims
    said = [c for c in claims if text_of(text, c["cue"]) == "said"]
    assert [(content_text(text, c), text_of(text, c["source"])) for c in said] == [
        ("“There is just a ton of nonsense with this job,”", "he")
    ]


def test_a_quotation_opening_a_new_sentence_is_a_claim_of_its_own() -> None:
    text = KIM_SAID.text
    cue = text.index("said")
    quoted = [(0, 15), (26, 50)]
    said = Candidate(cue=(cue, cue + 4), content=quoted, kind="mixed")
    first, second = split_sentence_continuations(text, [said])
    assert spans(text, first) == ["“This is over,”"]
    assert (spans(text, second), second.kind, second.cue) == (
        ["“We are going home now.”"],
        "direct",
        said.cue,
    )
    same_sentence = '"My hope," he said, "is that we can work."'
    cue = same_sentence.index("said")
    one = Candidate(cue=(cue, cue + 4), content=[(0, 10), (20, len(same_sentence))])
    assert split_sentence_continuations(same_sentence, [one]) == [one]


AIDE = parsed(
    "AIDE: She will not attend the hearing.",
    [
        ("AIDE", 0, "ROOT", "PROPN", "NNP", "AIDE"),
        (":", 0, "punct", "PUNCT", ":", ":"),
        ("She", 5, "nsubj", "PRON", "PRP", "she"),
        ("will", 5, "aux", "AUX", "MD", "will"),
        ("not", 5, "neg", "PART", "RB", "not"),
        ("attend", 5, "ROOT", "VERB", "VB", "attend"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("hearing", 5, "dobj", "NOUN", "NN", "hearing"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ],
)


def test_a_speaker_label_opening_a_line_is_a_claim() -> None:
    [line] = speaker_line_candidates(DocView(AIDE), [], LEX)
    assert span_text(AIDE, line.cue) == ":"
    assert spans(AIDE.text, line) == ["She will not attend the hearing."]
    assert AIDE[line.source_span[0] : line.source_span[1]].text == "AIDE"
    claimed = Candidate(cue=(0, 1), content=[(6, 20)])
    assert speaker_line_candidates(DocView(AIDE), [claimed], LEX) == []


def test_page_furniture_and_figures_are_no_speaker_lines() -> None:
    def flat(text: str):
        words = text.replace(":", " :").split()
        return parsed(text, [(w, 0, "dep", "X", "XX", w.lower()) for w in words])

    assert (
        speaker_line_candidates(DocView(flat("UPDATE: The bridge is closed again.")), [], LEX) == []
    )
    assert speaker_line_candidates(DocView(flat("Hillary Clinton: 1,769.")), [], LEX) == []


def test_a_quotation_signed_after_a_dash() -> None:
    doc = parsed(
        "“We will win this.” ― Pamela Padilla",
        [
            ("“", 3, "punct", "PUNCT", "``", '"'),
            ("We", 3, "nsubj", "PRON", "PRP", "we"),
            ("will", 3, "aux", "AUX", "MD", "will"),
            ("win", 3, "ROOT", "VERB", "VB", "win"),
            ("this", 3, "dobj", "PRON", "DT", "this"),
            (".", 3, "punct", "PUNCT", ".", "."),
            ("”", 3, "punct", "PUNCT", "''", '"'),
            ("―", 7, "ROOT", "VERB", "VBP", "―"),
            ("Pamela", 9, "compound", "PROPN", "NNP", "Pamela"),
            ("Padilla", 7, "nsubj", "PROPN", "NNP", "Padilla"),
        ],
    )
    quotes, _ = find_quotes(doc.text)
    [signed] = signed_quote_candidates(DocView(doc), quotes, [])
    assert (span_text(doc, signed.cue), signed.kind) == ("―", "direct")
    assert spans(doc.text, signed) == ["“We will win this.”"]
    assert signed.source_head.text == "Padilla"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "signed"),
    [
        # a quotation signed on the next line, after a hyphen opening that line
        (
            "“Almost all new income is going to the top 1 percent.”\n\n- Bernie Sanders.\n\n"
            "The senator is relying on an outdated study.",
            ("-", "“Almost all new income is going to the top 1 percent.”", "Bernie Sanders."),
        ),
        # a hyphen inside a line signs nothing
        ("The vote - “a real disgrace” - Senator Lee said it was over.", None),
    ],
)
def test_a_quotation_signed_on_the_next_line(nlp, text: str, signed: tuple | None) -> None:
    from pipeline.components.claims import find_claims

    claims = [c for c in find_claims(nlp(text)) if text_of(text, c["cue"]) in ("-", "―", "—")]
    found = [
        (text_of(text, c["cue"]), content_text(text, c), text_of(text, c["source"])) for c in claims
    ]
    assert found == ([signed] if signed else [])
