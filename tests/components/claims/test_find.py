"""The claims stage end to end: model-parsed texts and the claim dicts it writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.components.claims import find_claims
from pipeline.components.claims.candidate import Candidate
from pipeline.components.claims.cue_model import CueModel
from pipeline.components.claims.docview import DocView
from pipeline.components.claims.find import claim_kind, cue_decision, denies, takes_that_clause
from pipeline.components.claims.lexicon import load_lexicon
from pipeline.components.claims.quotes import find_quotes
from pipeline.runner import process_text

from ...contract import assert_valid_record
from .parsed import KIM_SAID, SENATOR_SAID
from .test_verb_cues import _crowd

SAMPLE = Path(__file__).parents[3] / "corpora" / "sample" / "000_0310359b324a0dcd.txt"


def text_of(text: str, span: dict | None) -> str | None:
    return None if span is None else text[span["start"] : span["end"]]


def content_text(text: str, claim: dict) -> str:
    content = claim["content"]
    parts = content.get("spans") or [[content["start"], content["end"]]]
    return " … ".join(text[s:e] for s, e in parts)


# --- rules on hand-built parses ----------------------------------------------------------


def test_a_quotation_opening_a_new_sentence_is_its_own_claim_unless_configured() -> None:
    claims = find_claims(KIM_SAID)
    assert [content_text(KIM_SAID.text, c) for c in claims] == [
        "“This is over,”",
        "“We are going home now.”",
    ]
    assert {(c["kind"], c["source"]["canonical"], c["cue"]["start"]) for c in claims} == {
        ("direct", "Kim", KIM_SAID.text.index("said"))
    }
    [one] = find_claims(KIM_SAID, split_sentence_quotes=False)
    assert content_text(KIM_SAID.text, one) == "“This is over,” … “We are going home now.”"


def test_any_verb_with_a_subject_and_a_that_clause_is_asked() -> None:
    lexicon = load_lexicon()
    assert takes_that_clause(SENATOR_SAID[2], lexicon)
    assert not takes_that_clause(SENATOR_SAID[6], lexicon)
    assert cue_decision(SENATOR_SAID[2], lexicon, None, DocView(SENATOR_SAID)) == (True, None)


def test_the_cue_model_adds_and_keeps_verbs_by_its_thresholds() -> None:
    lexicon = load_lexicon()
    ate = _crowd("ate", "eat")
    view = DocView(ate)
    assert cue_decision(ate[2], lexicon, None, view) == (False, None)
    eager = CueModel({"lemma=eat": 5.0}, threshold=0.9, keep_threshold=0.9)
    asked, score = cue_decision(ate[2], lexicon, eager, view)
    assert asked and score > 0.99
    doubtful = CueModel({"lemma=say": -5.0}, threshold=0.5, keep_threshold=0.5)
    said = _crowd("said", "say")
    assert cue_decision(said[2], lexicon, doubtful, DocView(said))[0] is False


def test_kinds_by_how_much_of_the_content_is_quoted() -> None:
    text = KIM_SAID.text
    quotes, _ = find_quotes(text)
    view = DocView(KIM_SAID)
    cue = text.index("said")

    def kind(content, **extra) -> str:
        return claim_kind(view, Candidate(cue=(cue, cue + 4), content=content, **extra), quotes)

    assert kind([(0, 15)]) == "direct"
    assert kind([(0, 24)]) == "mixed"  # "Kim said" is outside the quotation
    assert kind([(16, 24)]) == "indirect"
    assert kind([(0, 15)], kind="according_to") == "according_to"


def test_a_statement_calling_something_false_is_a_denial() -> None:
    text = "He said the report was fabricated."
    candidate = Candidate(cue=(3, 7), content=[(8, len(text) - 1)])
    assert denies(text, candidate, load_lexicon())
    assert not denies("He said the report was accurate.", candidate, load_lexicon())


# --- claims on texts (the model parses them) -----------------------------------------

#: (text, [(kind, stance, source, cue, content, addressee)]) -- every claim expected, in order.
CASES = [
    (
        "The senator said that taxes will rise.",
        [("indirect", "assert", "The senator", "said", "that taxes will rise", None)],
    ),
    (
        "“We will win this race,” the governor said on Monday.",
        [("direct", "assert", "the governor", "said", "“We will win this race,”", None)],
    ),
    (
        "The mayor told reporters the bridge would reopen in May.",
        [
            (
                "indirect",
                "assert",
                "The mayor",
                "told",
                "the bridge would reopen in May",
                "reporters",
            )
        ],
    ),
    (
        "Officials have vehemently denied the accusations.",
        [("indirect", "deny", "Officials", "denied", "the accusations", None)],
    ),
    (
        "According to the report, the company lost $5 million last year.",
        [
            (
                "according_to",
                "assert",
                "the report",
                "According to",
                "the company lost $5 million last year",
                None,
            )
        ],
    ),
    (
        "It also offers, experts told RFA, a potential opportunity to supply troops.",
        [
            (
                "indirect",
                "assert",
                "experts",
                "told",
                "It also offers … a potential opportunity to supply troops",
                "RFA",
            )
        ],
    ),
    (
        "The minister said the deal was “a historic step” for both countries.",
        [
            (
                "mixed",
                "assert",
                "The minister",
                "said",
                "the deal was “a historic step” for both countries",
                None,
            )
        ],
    ),
    (
        "Kirby said: “The deliveries must stop immediately.”",
        [("direct", "assert", "Kirby", "said", "“The deliveries must stop immediately.”", None)],
    ),
    (
        "Cruz called Trump a “pathological liar” on Tuesday.",
        [("mixed", "assert", "Cruz", "called", "Trump a “pathological liar”", None)],
    ),
    (
        "Outside the hall, protesters chanted “What curfew?”",
        [("direct", "assert", "protesters", "chanted", "“What curfew?”", None)],
    ),
    (
        'She said:\n\n"We have to fix the roads first."',
        [("direct", "assert", "She", "said", '"We have to fix the roads first."', None)],
    ),
    (
        "Fans kept asking “where do we go from here?”",
        [("direct", "assert", "Fans", "asking", "“where do we go from here?”", None)],
    ),
    (
        # a verbless last sentence in the quotation may be parsed as a second subject
        "“The party is in retreat mode. Full retreat mode,” said Marta Ocampo, a Nevada organizer.",
        [
            (
                "direct",
                "assert",
                "Marta Ocampo, a Nevada organizer",
                "said",
                "“The party is in retreat mode. Full retreat mode,”",
                None,
            )
        ],
    ),
    (
        "Democratic strategist Lena Ortiz: “Smaller campaigns have seen the biggest gains.”",
        [
            (
                "direct",
                "assert",
                "Democratic strategist Lena Ortiz",
                ":",
                "“Smaller campaigns have seen the biggest gains.”",
                None,
            )
        ],
    ),
    (
        "The senator argued for a new tax on carbon.",
        [("indirect", "assert", "The senator", "argued", "a new tax on carbon", None)],
    ),
    (
        "HOST: Will the mayor be at the hearing tomorrow?\n"
        "AIDE: She will not be attending the hearing tomorrow morning.",
        [
            (
                "indirect",
                "assert",
                "HOST",
                ":",
                "Will the mayor be at the hearing tomorrow?",
                None,
            ),
            (
                "indirect",
                "assert",
                "AIDE",
                ":",
                "She will not be attending the hearing tomorrow morning.",
                None,
            ),
        ],
    ),
    # texts that must yield nothing
    ('Burton thinks that cats are "cuties"', []),
    ("Hillary Clinton: 1,769.\nBernie Sanders: 1,501.", []),
    ("The Latest: Trump's taxes were not leaked by the state.", []),
    ("The regime supported the “special operation” in the east.", []),
    ("Russia’s illegal colonization (“annexation”) of several regions continued.", []),
    ("", []),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims_table(make_doc, text: str, expected: list[tuple]) -> None:
    doc = make_doc(text, "2023-06-13")
    got = [
        (
            c["kind"],
            c["stance"],
            text_of(text, c["source"]),
            text_of(text, c["cue"]),
            content_text(text, c),
            text_of(text, c["addressee"]),
        )
        for c in doc._.newsclaims_claims or []
    ]
    if text.startswith("Burton"):
        # Beliefs are attributions in PolNeAR; what must not be there is a quote claim.
        got = [g for g in got if g[0] in ("direct", "mixed")]
    assert got == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the writer's comment after a comma is not part of what was said
        (
            "The mayor said the bridge was designed by Ana Ruiz, who also built the harbour.",
            "the bridge was designed by Ana Ruiz",
        ),
        (
            "Officials said the fire started in a warehouse, which had been empty for years.",
            "the fire started in a warehouse",
        ),
        (
            "The agency said exports fell in May, prompting calls for new subsidies.",
            "exports fell in May",
        ),
        # a restrictive relative clause is part of it
        (
            "The coach said the players who trained hardest would start on Sunday.",
            "the players who trained hardest would start on Sunday",
        ),
    ],
)
def test_trailing_comment_is_cut_from_content(nlp, text: str, content: str) -> None:
    assert [content_text(text, c) for c in nlp(text)._.newsclaims_claims] == [content]


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
@pytest.mark.parametrize(
    ("text", "cue", "phrase"),
    [
        ("The company has not said that profits rose.", "said", "has not said"),
        ("Officials have vehemently denied the report.", "denied", "have vehemently denied"),
        ("The ministry said in a statement that talks had failed.", "said", "said in a statement"),
        # PolNeAR mostly leaves "in an interview" out of the cue
        ("The coach said in an interview that the team was tired.", "said", None),
        (
            "The senator continued to insist that the tax would hurt farmers.",
            "insist",
            "continued to insist",
        ),
        ("The senator said that taxes will rise.", "said", None),
    ],
)
def test_cue_is_the_verb_and_cue_phrase_the_verb_group(
    make_doc, text: str, cue: str, phrase: str | None
) -> None:
    [claim] = make_doc(text)._.newsclaims_claims
    assert text_of(text, claim["cue"]) == cue
    assert text_of(text, claim.get("cue_phrase")) == phrase
    record = process_text(text, date="2023-06-13")
    assert_valid_record(record)
    if phrase is not None:
        assert record["claims"][0]["cue_phrase"]["text"] == phrase


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
    ("text", "speaker", "canonical", "kind"),
    [
        (
            "Former CIA analyst Soo Kim spoke first. “It is a deal,” Kim continued.",
            "Kim",
            "Soo Kim",
            "person",
        ),
        (
            "John Kirby briefed the press. “We condemn it,” Kirby said.",
            "Kirby",
            "John Kirby",
            "person",
        ),
        ("Experts say the sanctions are failing.", "Experts", "experts", "anonymous"),
        ("Sarah Lee called. She said the plan would fail.", "She", "Sarah Lee", "person"),
    ],
)
def test_speakers_are_resolved(
    make_doc, text: str, speaker: str, canonical: str, kind: str
) -> None:
    doc = make_doc(text)
    sources = [c["source"] for c in doc._.newsclaims_claims if c["source"]]
    assert sources, text
    source = sources[-1]
    assert text_of(text, source) == speaker
    assert source["canonical"].lower() == canonical.lower()
    assert source["type"] == kind


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "“",
        '"""',
        "said said said",
        "“Unbalanced quote\n\n” ” “",
        "According to",
        ": : :",
        "\n\n\n",
        "A: B: C:\nD: “E",
    ],
)
def test_messy_text_never_raises(text: str) -> None:
    record = process_text(text, date=None)
    assert_valid_record(record)
    assert not any(w["code"] == "W010" for w in record["warnings"])


@pytest.mark.model
@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "He said",
                "“",
                "”",
                '"',
                "''",
                ":",
                ",",
                ".",
                "\n",
                "according to",
                "Kim",
                "it",
                "told RFA",
                "that",
                "denied",
                "the claim",
                "―",
                "Smith:",
                " ",
                "experts say",
            ]
        ),
        max_size=25,
    )
)
def test_stage_never_raises_on_odd_texts(make_doc, words: list[str]) -> None:
    text = " ".join(words)
    doc = make_doc(text)
    assert not any(w["code"] == "W010" for w in doc._.newsclaims_warnings or [])
    for claim in doc._.newsclaims_claims or []:
        parts = claim["content"].get("spans") or [
            [claim["content"]["start"], claim["content"]["end"]]
        ]
        assert all(0 <= s < e <= len(text) for s, e in parts)


@pytest.mark.model
def test_unbalanced_quotes_warn() -> None:
    record = process_text("He said “this never closes. Then more text.", date="2023-06-13")
    assert_valid_record(record)
    assert any(w["code"] == "W003" for w in record["warnings"])


# --- the sample article ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(nlp) -> dict:
    record = process_text(
        SAMPLE.read_text(encoding="utf-8"), date="2023-06-13", id="000_0310359b324a0dcd", nlp=nlp
    )
    assert_valid_record(record)
    return record


QUOTES = {
    "“I would guess": "Soo Kim",
    "“At this stage": "Soo Kim",
    "“North Korea is willing": "Soo Kim",
    "“As we have said": "John Kirby",
    "“We obviously condemn": "John Kirby",
    "“Trying to tarnish": "Kwon Jong Gun",
}


@pytest.mark.model
@pytest.mark.parametrize(("opening", "canonical"), QUOTES.items())
def test_sample_quotes_have_their_speakers(sample: dict, opening: str, canonical: str) -> None:
    text = sample["text"]
    start = text.index(opening)
    owners = [
        c
        for c in sample["claims"]
        if any(s == start for s, _ in c["content"]["spans"]) and c["kind"] == "direct"
    ]
    assert len(owners) == 1, opening
    assert owners[0]["source"]["canonical"] == canonical


@pytest.mark.model
def test_sample_kim_continued_is_the_source_span(sample: dict) -> None:
    text = sample["text"]
    start = text.index("“At this stage")
    claim = next(c for c in sample["claims"] if c["content"]["start"] == start)
    assert claim["source"]["text"] == "Kim"
    assert claim["cue"]["text"] == "continued"
    assert claim["source"]["type"] == "person"


@pytest.mark.model
def test_sample_soo_kim_told_rfa(sample: dict) -> None:
    claim = next(c for c in sample["claims"] if c["content"]["text"].startswith("“I would guess"))
    assert claim["source"]["text"] in ("former CIA analyst Soo Kim", "Soo Kim")
    assert (claim["cue"]["text"], claim["addressee"]["text"]) == ("told", "RFA")


@pytest.mark.model
def test_sample_denial_accusation_and_according_to(sample: dict) -> None:
    by_cue = {c["cue"]["text"]: c for c in sample["claims"] if c["cue"]}
    denial = by_cue["denied"]
    assert (denial["stance"], denial["source"]["text"], denial["content"]["text"]) == (
        "deny",
        "North Korean officials",
        "the accusations",
    )
    accusation = by_cue["accused"]
    assert accusation["stance"] == "accuse"
    assert accusation["source"]["type"] == "document"
    according = by_cue["according to"]
    assert according["kind"] == "according_to"
    assert according["source"]["text"].startswith("the Security Council information")
    assert according["content"]["text"] == "Russia shipped 44,655 barrels of oil to North Korea"


@pytest.mark.model
def test_sample_parenthetical_experts_told_rfa(sample: dict) -> None:
    claim = next(c for c in sample["claims"] if c["content"]["text"].startswith("It also offers"))
    text = sample["text"]
    assert [text[s:e] for s, e in claim["content"]["spans"]] == [
        "It also offers",
        "a potential opportunity to supply Russian troops with North Korean weapons",
    ]
    assert (claim["source"]["type"], claim["addressee"]["text"]) == ("anonymous", "RFA")


@pytest.mark.model
@pytest.mark.parametrize(
    "phrase", ["“special operation”", "(“annexation”)", "“We’ve Chosen”", "“on the Market"]
)
def test_sample_scare_quotes_and_related_line_are_not_claims(sample: dict, phrase: str) -> None:
    start = sample["text"].index(phrase)
    assert not any(
        c["content"]["start"] <= start < c["content"]["end"] for c in sample["claims"]
    ), phrase


@pytest.mark.model
def test_sample_imperialists_apostrophe_is_not_a_quote(sample: dict) -> None:
    start = sample["text"].index("imperialists’")
    assert not any(
        c["kind"] in ("direct", "mixed") and c["content"]["start"] <= start < c["content"]["end"]
        for c in sample["claims"]
    )


@pytest.mark.model
def test_sample_it_said_is_the_message(sample: dict) -> None:
    claim = next(c for c in sample["claims"] if c["source"] and c["source"]["text"] == "It")
    assert "message" in claim["source"]["canonical"].lower()
    assert claim["content"]["text"].startswith("that thanks to the correct decision")


@pytest.mark.model
def test_sample_the_message_appreciated(sample: dict) -> None:
    assert any(c["cue"] and c["cue"]["text"] == "appreciated" for c in sample["claims"])


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


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "contents"),
    [
        (
            "Both objections seemed to carry little weight with the judges.",
            "seemed",
            ["Both objections", "to carry little weight with the judges"],
        ),
        (
            "The new rules appear to have calmed the markets.",
            "appear",
            ["The new rules", "to have calmed the markets"],
        ),
    ],
)
def test_verbs_of_seeming_have_no_source(make_doc, text: str, cue: str, contents: list) -> None:
    [claim] = make_doc(text)._.newsclaims_claims
    assert text_of(text, claim["cue"]) == cue
    assert claim["source"] is None
    spans = claim["content"].get("spans") or [[claim["content"]["start"], claim["content"]["end"]]]
    assert [text[s:e] for s, e in spans] == contents


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The mayor hoped that the bridge would open in May.",
        "The coach is hoping that the team wins on Sunday.",
    ],
)
def test_hope_is_a_cue_despite_its_lemma(make_doc, text: str) -> None:
    claims = make_doc(text)._.newsclaims_claims
    assert [text_of(text, c["cue"]) for c in claims] in (["hoped"], ["hoping"])
    assert claims[0]["source"] is not None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The council regretted that the library would close.",
            "regretted",
            "that the library would close",
        ),
        (
            "The letter stressed that farmers had lost their harvest.",
            "stressed",
            "that farmers had lost their harvest",
        ),
    ],
)
def test_a_verb_with_a_that_clause_is_a_cue(make_doc, text: str, cue: str, content: str) -> None:
    [claim] = make_doc(text)._.newsclaims_claims
    assert (text_of(text, claim["cue"]), content_text(text, claim)) == (cue, content)
    assert claim["source"] is not None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "In a recent Gallup poll, most farmers backed the new tariff.",
            "a recent Gallup poll",
            "most farmers backed the new tariff",
        ),
        (
            "In the latest survey, the mayor leads by ten points.",
            "the latest survey",
            "the mayor leads by ten points",
        ),
    ],
)
def test_in_a_poll_is_an_attribution(make_doc, text: str, source: str, content: str) -> None:
    claims = [c for c in make_doc(text)._.newsclaims_claims if text_of(text, c["cue"]) == "In"]
    assert [(text_of(text, c["source"]), content_text(text, c)) for c in claims] == [
        (source, content)
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "The reporter asked the governor if he would sign the bill.",
            "The reporter",
            "if he would sign the bill",
        ),
        (
            "Asked whether the plant would close, the manager shook his head.",
            None,
            "whether the plant would close",
        ),
    ],
)
def test_the_question_is_what_was_asked(make_doc, text: str, source, content: str) -> None:
    claims = [
        c
        for c in make_doc(text)._.newsclaims_claims
        if text_of(text, c["cue"]) in ("asked", "Asked")
    ]
    assert [(text_of(text, c["source"]), content_text(text, c)) for c in claims] == [
        (source, content)
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Small donors have the energy. They don't have the money to match the big groups, "
            "says Ana Whitfield, a Democratic fundraiser.",
            "Ana Whitfield, a Democratic fundraiser",
            "They don't have the money to match the big groups",
        ),
        (
            '"We read every one of those letters," said Maria G. Alvarez, '
            "president of the association.",
            "Maria G. Alvarez, president of the association",
            '"We read every one of those letters,"',
        ),
    ],
)
def test_speaker_after_the_verb(make_doc, text: str, source: str, content: str) -> None:
    claims = make_doc(text)._.newsclaims_claims
    assert [(text_of(text, c["source"]), content_text(text, c)) for c in claims] == [
        (source, content)
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The union endorsed the mayor in March.", "endorsed", "the mayor"),
        ("Most farmers oppose the new tariff.", "oppose", "the new tariff"),
    ],
)
def test_endorse_and_oppose_are_cues(make_doc, text: str, cue: str, content: str) -> None:
    [claim] = make_doc(text)._.newsclaims_claims
    assert (text_of(text, claim["cue"]), content_text(text, claim)) == (cue, content)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The new rule means that fewer buses will run at night.",
        "The city will ensure that every school has a nurse.",
    ],
)
def test_that_clause_of_a_non_cue_verb_is_no_claim(make_doc, text: str) -> None:
    assert make_doc(text)._.newsclaims_claims == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "The senator surprised her party by saying she would vote against the budget.",
            "The senator",
            "saying",
        ),
        (
            "The mayor angered residents after announcing that the pool would close.",
            "The mayor",
            "announcing",
        ),
    ],
)
def test_gerund_after_preposition_takes_the_main_subject(
    make_doc, text: str, source: str, cue: str
) -> None:
    claims = [c for c in make_doc(text)._.newsclaims_claims if text_of(text, c["cue"]) == cue]
    assert [text_of(text, c["source"]) for c in claims] == [source]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Tom Reyes said seeing so many volunteers at the shelter was a welcome surprise.",
            "seeing so many volunteers at the shelter was a welcome surprise",
        ),
        (
            "Okafor said having the governor at the top of the list puts those districts at risk.",
            "having the governor at the top of the list puts those districts at risk",
        ),
    ],
)
def test_clause_parsed_as_xcomp_is_the_content(make_doc, text: str, content: str) -> None:
    [claim] = make_doc(text)._.newsclaims_claims
    assert (text_of(text, claim["cue"]), content_text(text, claim)) == ("said", content)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "parts"),
    [
        (
            "She criticised the plan, which she described as “like a leaking boat.”",
            "described",
            ["which", "as “like a leaking boat.”"],
        ),
        (
            "She praised Chris Christie, whom she describes as a tough prosecutor.",
            "describes",
            ["whom", "as a tough prosecutor"],
        ),
    ],
)
def test_relative_pronoun_object_and_predicate(make_doc, text: str, cue: str, parts) -> None:
    [claim] = [c for c in make_doc(text)._.newsclaims_claims if text_of(text, c["cue"]) == cue]
    assert [text[s:e] for s, e in claim["content"]["spans"]] == parts


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        (
            "The World Health Organization released a report on Monday. "
            "The report warned that cases were rising in Europe.",
            "report from World Health Organization",
        ),
        (
            "A statement from the Kenyan Interior Ministry arrived late. "
            "The statement said that the curfew would be lifted.",
            "statement from Kenyan Interior Ministry",
        ),
        # no issuer to take the name from: the document keeps its own name
        (
            "A report was leaked last week. The report said that the mine had been closed.",
            "report",
        ),
    ],
)
def test_a_definite_document_takes_its_issuer_from_an_earlier_mention(
    make_doc, text: str, canonical: str
) -> None:
    claims = make_doc(text, "2023-06-13")._.newsclaims_claims
    sources = [c["source"] for c in claims if c["source"] and c["source"]["type"] == "document"]
    assert sources and sources[-1]["canonical"] == canonical
