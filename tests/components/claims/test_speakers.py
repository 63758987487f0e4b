"""Speakers: the source span, its type and its resolved name (hand-built parses)."""

from __future__ import annotations

import pytest

from pipeline.components.claims.docview import DocView
from pipeline.components.claims.lexicon import load_lexicons
from pipeline.components.claims.speakers import (
    Speaker,
    SpeakerMemory,
    resolve_speaker,
    source_phrase,
    source_tokens,
)

from .parsed import KIM_SAID, content_text, parsed, text_of

LEE_ROWS = [
    ("Sarah", 1, "compound", "PROPN", "NNP", "Sarah"),
    ("Lee", 2, "nsubj", "PROPN", "NNP", "Lee"),
    ("called", 2, "ROOT", "VERB", "VBD", "call"),
    (".", 2, "punct", "PUNCT", ".", "."),
    ("She", 5, "nsubj", "PRON", "PRP", "she"),
    ("said", 5, "ROOT", "VERB", "VBD", "say"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("plan", 9, "nsubj", "NOUN", "NN", "plan"),
    ("would", 9, "aux", "AUX", "MD", "would"),
    ("fail", 5, "ccomp", "VERB", "VB", "fail"),
    (".", 5, "punct", "PUNCT", ".", "."),
]
LEE_TEXT = "Sarah Lee called. She said the plan would fail."


def lee():
    return parsed(LEE_TEXT, LEE_ROWS, ents=[(0, 2, "PERSON")])


def resolve(doc, i: int, memory: SpeakerMemory | None = None) -> Speaker:
    head = doc[i]
    return resolve_speaker(
        source_tokens(head), head, memory or SpeakerMemory(), load_lexicons(), DocView(doc)
    )


def test_a_pronoun_is_the_last_person_subject_before_it() -> None:
    speaker = resolve(lee(), 4)
    assert (speaker.canonical, speaker.type, speaker.entity_id) == ("Sarah Lee", "person", None)
    assert (speaker.start, speaker.end) == (18, 21)  # the span is the pronoun's own


def test_the_entities_stage_gives_the_name_and_id_when_it_ran() -> None:
    doc = lee()
    assert doc._.newsclaims_entities is None  # the stage did not run: spaCy's entity
    assert resolve(doc, 1).canonical == "Sarah Lee"
    doc._.newsclaims_entities = [
        {"start": 0, "end": 9, "label": "PERSON", "entity_id": "E3", "canonical": "Sarah J. Lee"}
    ]
    speaker = resolve(doc, 1)
    assert (speaker.canonical, speaker.entity_id) == ("Sarah J. Lee", "E3")


def test_a_surname_takes_the_fuller_name_of_an_earlier_speaker() -> None:
    memory = SpeakerMemory([Speaker(0, 7, "Soo Kim", "person")])
    speaker = resolve(KIM_SAID, 6, memory)
    assert (speaker.canonical, speaker.type) == ("Soo Kim", "person")
    assert resolve(KIM_SAID, 6).canonical == "Kim"


def test_the_source_is_the_subject_s_phrase_cut_at_a_line_break() -> None:
    doc = parsed(
        "WASHINGTON\nSenior officials, who asked not to be named, said so.",
        [
            ("WASHINGTON", 3, "compound", "PROPN", "NNP", "WASHINGTON"),
            ("\n", 0, "dep", "SPACE", "_SP", "\n"),
            ("Senior", 3, "amod", "ADJ", "JJ", "senior"),
            ("officials", 12, "nsubj", "NOUN", "NNS", "official"),
            (",", 3, "punct", "PUNCT", ",", ","),
            ("who", 6, "nsubj", "PRON", "WP", "who"),
            ("asked", 3, "relcl", "VERB", "VBD", "ask"),
            ("not", 10, "neg", "PART", "RB", "not"),
            ("to", 10, "aux", "PART", "TO", "to"),
            ("be", 10, "auxpass", "AUX", "VB", "be"),
            ("named", 6, "xcomp", "VERB", "VBN", "name"),
            (",", 3, "punct", "PUNCT", ",", ","),
            ("said", 12, "ROOT", "VERB", "VBD", "say"),
            ("so", 12, "advmod", "ADV", "RB", "so"),
            (".", 12, "punct", "PUNCT", ".", "."),
        ],
    )
    assert source_tokens(doc[3]).text == "Senior officials, who asked not to be named"
    speaker = resolve(doc, 3)
    assert (speaker.canonical, speaker.type) == ("Senior officials", "anonymous")


def test_the_writers_adverb_opening_a_subject_is_not_the_source() -> None:
    doc = parsed(
        "Even Donald Trump has knocked the rules.",
        [
            ("Even", 2, "advmod", "ADV", "RB", "even"),
            ("Donald", 2, "compound", "PROPN", "NNP", "Donald"),
            ("Trump", 4, "nsubj", "PROPN", "NNP", "Trump"),
            ("has", 4, "aux", "AUX", "VBZ", "have"),
            ("knocked", 4, "ROOT", "VERB", "VBN", "knock"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("rules", 4, "dobj", "NOUN", "NNS", "rule"),
            (".", 4, "punct", "PUNCT", ".", "."),
        ],
    )
    adverbs = load_lexicons().words["source_adverbs"]
    assert source_tokens(doc[2], adverbs).text == "Donald Trump"
    assert source_tokens(doc[2]).text == "Even Donald Trump"


def test_a_quotation_parsed_onto_the_speaker_is_not_the_source() -> None:
    doc = parsed(
        "“It is a concern,” Sarandon, 69, told MSNBC.",
        [
            ("“", 7, "punct", "PUNCT", "``", "“"),
            ("It", 2, "nsubj", "PRON", "PRP", "it"),
            ("is", 7, "ccomp", "AUX", "VBZ", "be"),
            ("a", 4, "det", "DET", "DT", "a"),
            ("concern", 2, "attr", "NOUN", "NN", "concern"),
            (",", 7, "punct", "PUNCT", ",", ","),
            ("”", 7, "punct", "PUNCT", "''", "”"),
            ("Sarandon", 11, "nsubj", "PROPN", "NNP", "Sarandon"),
            (",", 7, "punct", "PUNCT", ",", ","),
            ("69", 7, "appos", "NUM", "CD", "69"),
            (",", 7, "punct", "PUNCT", ",", ","),
            ("told", 11, "ROOT", "VERB", "VBD", "tell"),
            ("MSNBC", 11, "dobj", "PROPN", "NNP", "MSNBC"),
            (".", 11, "punct", "PUNCT", ".", "."),
        ],
    )
    assert source_tokens(doc[7]).text == "Sarandon, 69"


# --- end to end (the model parses the text) ----------------------------------------


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


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("Network", "Government", "Office"), "media"),
        (("Government", "Network", "Office"), "government"),
    ],
)
def test_an_organisation_is_typed_by_its_first_media_or_government_word(
    words: tuple[str, str, str], expected: str
) -> None:
    from pipeline.components.claims.speakers import source_type

    text = " ".join(words) + " said ."
    rows = [
        (words[0], 2, "compound", "PROPN", "NNP", words[0].lower()),
        (words[1], 2, "compound", "PROPN", "NNP", words[1].lower()),
        (words[2], 3, "nsubj", "PROPN", "NNP", words[2].lower()),
        ("said", 3, "ROOT", "VERB", "VBD", "say"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    doc = parsed(text, rows, ents=[(0, 3, "ORG")])
    assert source_type(doc[0:3], doc[2], "ORG", load_lexicons()) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a time after the speaker says when, not who: left out
        ("The report on Wednesday cited a memo that warned of hacks.", "The report"),
        ("A congressional report on Tuesday said hackers stole files.", "A congressional report"),
        # a time that says which one is part of it
        ("Another Pew study from 2011 found that most agreed.", "Another Pew study from 2011"),
    ],
)
def test_a_time_after_the_speaker(make_doc, text: str, source: str) -> None:
    claims = make_doc(text)._.newsclaims_claims
    assert [text_of(text, c["source"]) for c in claims] == [source]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "part", "phrase"),
    [
        # a subject: its whole phrase
        ("Marco Rubio defended himself on Saturday.", "Rubio", "Marco Rubio"),
        # the modifiers before the head
        ("Less than a third agreed with the President.", "than a third", "Less than a third"),
        (
            "Washington Post columnist Margaret Sullivan wrote that it was unfair.",
            "Washington Post columnist",
            "Washington Post columnist Margaret Sullivan",
        ),
        # a noun inside a phrase: the phrase up to the noun's end
        (
            "Governors in more than two dozen states balked at accepting any refugees.",
            "dozen states",
            "Governors in more than two dozen states",
        ),
        (
            "Mitt Romney, the 2012 Republican presidential nominee, tweeted in response.",
            "presidential nominee",
            "Mitt Romney, the 2012 Republican presidential nominee",
        ),
        # a word before a noun that modifies it: the noun's phrase
        ("But Republican voters were more divided on the plan.", "Republican", "Republican voters"),
        ("The Obama administration is trying to decide.", "The Obama", "The Obama administration"),
        # a possessor keeps its "’s"
        ("Rubio’s answer was that taxes would fall.", "Rubio", "Rubio’s"),
        # a possessive is no part of what it owns: "his remarks" are not the speaker
        ("His harsh attacks and his remarks about women drew criticism.", "his", "his"),
        # a fragment of a phrase (a prepositional phrase, a conjunct with its "and",
        # a relative clause): the phrase of the noun it hangs on
        (
            "Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem said "
            "the talks had failed.",
            "of Jerusalem",
            "Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem",
        ),
        (
            "Officials from the agency said the plan was sound.",
            "from the agency",
            "Officials from the agency",
        ),
        ("Blumenthal and Cohen wrote that the deal was dead.", "and Cohen", "Blumenthal and Cohen"),
        # a name the parse hangs on the object of an opening adjunct is no part of it
        (
            "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said "
            "the plan was sound.",
            "Jake Sullivan",
            "her senior policy adviser, Jake Sullivan",
        ),
        (
            "His former business partner at Lenox, Lawrence B. Cummings, called him a master.",
            "Lawrence B. Cummings",
            "His former business partner at Lenox, Lawrence B. Cummings",
        ),
        (
            "The senator met Jolly, who was elected to Congress in 2014, and he said it "
            "would pass.",
            "who was elected to Congress in 2014",
            "Jolly, who was elected to Congress in 2014",
        ),
    ],
)
def test_a_tagger_source_grows_to_its_noun_phrase(nlp, text: str, part: str, phrase: str) -> None:
    doc = nlp(text)
    start = text.index(part)
    span = doc.char_span(start, start + len(part), alignment_mode="expand")
    assert source_phrase(span).text == phrase


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a title the small model parses as a second subject belongs to the name
        (
            "Vatican spokesman the Rev. Federico Lombardi told reporters that the pope was tired.",
            "Vatican spokesman the Rev. Federico Lombardi",
        ),
        ("Local news affiliate ABC 7 reported that it was out.", "Local news affiliate ABC 7"),
        ("“It was fine,” his nephew Michery el Soheil added.", "his nephew Michery el Soheil"),
        # a quotation before the speaker is no title
        ("“We are tired of it,” Maria Ocampo said.", "Maria Ocampo"),
    ],
)
def test_a_title_parsed_as_a_second_subject(make_doc, text: str, source: str) -> None:
    claims = make_doc(text)._.newsclaims_claims
    assert [text_of(text, c["source"]) for c in claims] == [source]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # a relative clause that reports is an attribution of its own, not the speaker
        (
            "Barkley, who said he typically votes Democratic, said one candidate he likes "
            "is John Kasich.",
            [("who", "said"), ("Barkley", "said")],
        ),
        # any other relative clause stays with the speaker, as PolNeAR annotates it
        (
            "Chris Cox, who runs the NRA’s lobbying arm, said the bill would fail.",
            [("Chris Cox, who runs the NRA’s lobbying arm", "said")],
        ),
    ],
)
def test_a_relative_clause_that_reports(make_doc, text: str, sources: list) -> None:
    claims = make_doc(text)._.newsclaims_claims
    assert [(text_of(text, c["source"]), text_of(text, c["cue"])) for c in claims] == sources


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a dateline before a dash is no part of the speaker
        ("WASHINGTON (AP) — Donald Trump said that the race was rigged.", "Donald Trump"),
        # hyphens are no dashes
        ("Rep. Zoe Lofgren (D-Calif.) said that it would help.", "Rep. Zoe Lofgren (D-Calif.)"),
        ("Kim Jong-un said that the tests would continue.", "Kim Jong-un"),
    ],
)
def test_a_dateline_before_a_dash(make_doc, text: str, source: str) -> None:
    claims = make_doc(text)._.newsclaims_claims
    assert [text_of(text, c["source"]) for c in claims] == [source]
