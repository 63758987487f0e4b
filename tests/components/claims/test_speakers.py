"""Speakers: the source span, its type and its resolved name (hand-built parses)."""

from __future__ import annotations

from pipeline.components.claims.docview import DocView
from pipeline.components.claims.lexicon import load_lexicon
from pipeline.components.claims.speakers import (
    Speaker,
    SpeakerMemory,
    resolve_speaker,
    source_tokens,
)

from .parsed import KIM_SAID, parsed

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
        source_tokens(head), head, memory or SpeakerMemory(), load_lexicon(), DocView(doc)
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
