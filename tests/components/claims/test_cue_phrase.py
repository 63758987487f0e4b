"""The cue phrase (the verb group), on hand-built parses."""

from __future__ import annotations

import pytest

from pipeline.components.claims.cue_phrase import (
    cue_start,
    grown_tagger_cue,
    phrase_end,
    settled_phrase,
)
from pipeline.components.claims.lexicon import load_lexicons
from pipeline.process import process_text

from ...contract import assert_valid_record
from .parsed import CONTINUED, DENIED, SENATOR_SAID, parsed, text_of


def phrase(token, content_start=None) -> str:
    doc = token.doc
    return doc.text[
        cue_start(token, load_lexicons()).idx : phrase_end(token, load_lexicons(), content_start)
    ]


def test_auxiliaries_and_adverbs_before_the_verb_open_the_phrase() -> None:
    assert cue_start(DENIED[3], load_lexicons()).text == "have"
    assert phrase(DENIED[3]) == "have vehemently denied"
    assert phrase(SENATOR_SAID[2]) == "said"


def test_a_day_right_after_the_verb_ends_the_phrase() -> None:
    doc = parsed(
        "The minister said Tuesday that the bridge would reopen.",
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("minister", 2, "nsubj", "NOUN", "NN", "minister"),
            ("said", 2, "ROOT", "VERB", "VBD", "say"),
            ("Tuesday", 2, "npadvmod", "PROPN", "NNP", "Tuesday"),
            ("that", 8, "mark", "SCONJ", "IN", "that"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("bridge", 8, "nsubj", "NOUN", "NN", "bridge"),
            ("would", 8, "aux", "AUX", "MD", "would"),
            ("reopen", 2, "ccomp", "VERB", "VB", "reopen"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
    )
    assert phrase(doc[2]) == "said Tuesday"


def test_a_catenative_verb_opens_its_infinitive_s_phrase() -> None:
    assert phrase(CONTINUED[4]) == "continued to insist"


def test_the_preposition_that_introduces_the_content_ends_the_phrase() -> None:
    doc = parsed(
        "The union complained about the contract.",
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("union", 2, "nsubj", "NOUN", "NN", "union"),
            ("complained", 2, "ROOT", "VERB", "VBD", "complain"),
            ("about", 2, "prep", "ADP", "IN", "about"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("contract", 3, "pobj", "NOUN", "NN", "contract"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
    )
    assert phrase(doc[2], content_start=4) == "complained about"
    assert phrase(doc[2]) == "complained"  # the content does not start after it


# --- end to end (the model parses the text) ----------------------------------------


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


@pytest.mark.parametrize(
    ("text", "rows", "verb", "expected"),
    [
        (
            "Cruz and Rubio have both argued that he lost.",
            [
                ("Cruz", 5, "nsubj", "PROPN", "NNP", "Cruz"),
                ("and", 0, "cc", "CCONJ", "CC", "and"),
                ("Rubio", 0, "conj", "PROPN", "NNP", "Rubio"),
                ("have", 5, "aux", "AUX", "VBP", "have"),
                ("both", 5, "dep", "PRON", "DT", "both"),
                ("argued", 5, "ROOT", "VERB", "VBN", "argue"),
                ("that", 8, "mark", "SCONJ", "IN", "that"),
                ("he", 8, "nsubj", "PRON", "PRP", "he"),
                ("lost", 5, "ccomp", "VERB", "VBD", "lose"),
                (".", 5, "punct", "PUNCT", ".", "."),
            ],
            5,
            "have both argued",
        ),
        (
            "Both want a strong government.",
            [
                ("Both", 1, "nsubj", "PRON", "DT", "both"),
                ("want", 1, "ROOT", "VERB", "VBP", "want"),
                ("a", 4, "det", "DET", "DT", "a"),
                ("strong", 4, "amod", "ADJ", "JJ", "strong"),
                ("government", 1, "dobj", "NOUN", "NN", "government"),
                (".", 1, "punct", "PUNCT", ".", "."),
            ],
            1,
            "want",
        ),
        (
            "She went on to say that he lost.",
            [
                ("She", 1, "nsubj", "PRON", "PRP", "she"),
                ("went", 1, "ROOT", "VERB", "VBD", "go"),
                ("on", 1, "prt", "ADP", "RP", "on"),
                ("to", 4, "aux", "PART", "TO", "to"),
                ("say", 1, "xcomp", "VERB", "VB", "say"),
                ("that", 7, "mark", "SCONJ", "IN", "that"),
                ("he", 7, "nsubj", "PRON", "PRP", "he"),
                ("lost", 4, "ccomp", "VERB", "VBD", "lose"),
                (".", 1, "punct", "PUNCT", ".", "."),
            ],
            4,
            "went on to say",
        ),
    ],
)
def test_a_floating_both_and_a_catenative_verbs_particle_open_the_phrase(
    text, rows, verb, expected
) -> None:
    assert phrase(parsed(text, rows)[verb]) == expected


@pytest.mark.parametrize(
    ("word", "dep", "pos", "tag", "expected"),
    [
        ("out", "prt", "ADP", "RP", "points out"),
        ("repeatedly", "advmod", "ADV", "RB", "points repeatedly"),
        ("often", "advmod", "ADV", "RB", "points often"),
        ("sadly", "advmod", "ADV", "RB", "points"),  # not a cue adverb
    ],
)
def test_the_verbs_particle_or_a_cue_adverb_after_it_ends_the_phrase(
    word, dep, pos, tag, expected
) -> None:
    doc = parsed(
        f"He points {word} that the plan failed.",
        [
            ("He", 1, "nsubj", "PRON", "PRP", "he"),
            ("points", 1, "ROOT", "VERB", "VBZ", "point"),
            (word, 1, dep, pos, tag, word),
            ("that", 6, "mark", "SCONJ", "IN", "that"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("plan", 6, "nsubj", "NOUN", "NN", "plan"),
            ("failed", 1, "ccomp", "VERB", "VBD", "fail"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
    )
    assert phrase(doc[1], content_start=3) == expected


# --- the cue phrase settled on the claim's final content -----------------------------


def settled(doc, verb: int, content_start: int) -> str:
    """The settled cue phrase of the verb ``doc[verb]`` whose content starts at token
    ``content_start`` and runs to the end of the doc."""
    token = doc[verb]
    phrase = (cue_start(token, load_lexicons()).idx, token.idx + len(token.text))
    content = [(doc[content_start].idx, len(doc.text))]
    start, end = settled_phrase(doc, (token.idx, token.idx + len(token.text)), phrase, content)
    return doc.text[start:end]


ASKED_ABOUT = [
    ("She", 2, "nsubjpass", "PRON", "PRP", "she"),
    ("was", 2, "auxpass", "AUX", "VBD", "be"),
    ("asked", 2, "ROOT", "VERB", "VBN", "ask"),
    ("about", 2, "prep", "ADP", "IN", "about"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("vote", 3, "pobj", "NOUN", "NN", "vote"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize(
    ("content_start", "expected"),
    [
        (4, "was asked about"),  # only the verb's preposition lies before the content
        (3, "was asked"),  # the content takes the preposition itself
    ],
)
def test_the_verbs_preposition_right_before_its_final_content_ends_the_phrase(
    content_start, expected
) -> None:
    doc = parsed("She was asked about the vote.", ASKED_ABOUT)
    assert settled(doc, 2, content_start) == expected


def test_a_phrase_of_place_before_the_content_stays_out() -> None:
    doc = parsed(
        "The coach said in Ohio that the team was tired.",
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("coach", 2, "nsubj", "NOUN", "NN", "coach"),
            ("said", 2, "ROOT", "VERB", "VBD", "say"),
            ("in", 2, "prep", "ADP", "IN", "in"),
            ("Ohio", 3, "pobj", "PROPN", "NNP", "Ohio"),
            ("that", 9, "mark", "SCONJ", "IN", "that"),
            ("the", 7, "det", "DET", "DT", "the"),
            ("team", 9, "nsubj", "NOUN", "NN", "team"),
            ("was", 9, "ROOT", "AUX", "VBD", "be"),
            ("tired", 8, "acomp", "ADJ", "JJ", "tired"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
    )
    assert settled(doc, 2, 5) == "said"


@pytest.mark.parametrize(
    ("text", "rows", "verb", "content_start", "expected"),
    [
        (
            "Rubio moved to emphasize border security.",
            [
                ("Rubio", 1, "nsubj", "PROPN", "NNP", "Rubio"),
                ("moved", 1, "ROOT", "VERB", "VBD", "move"),
                ("to", 3, "aux", "PART", "TO", "to"),
                ("emphasize", 1, "xcomp", "VERB", "VB", "emphasize"),
                ("border", 5, "compound", "NOUN", "NN", "border"),
                ("security", 3, "dobj", "NOUN", "NN", "security"),
                (".", 1, "punct", "PUNCT", ".", "."),
            ],
            3,
            4,
            "moved to emphasize",
        ),
        (
            # the governing verb's object parts it from the infinitive: "to call" alone
            "Ramos used his speech to call for reform.",
            [
                ("Ramos", 1, "nsubj", "PROPN", "NNP", "Ramos"),
                ("used", 1, "ROOT", "VERB", "VBD", "use"),
                ("his", 3, "poss", "PRON", "PRP$", "his"),
                ("speech", 1, "dobj", "NOUN", "NN", "speech"),
                ("to", 5, "aux", "PART", "TO", "to"),
                ("call", 1, "xcomp", "VERB", "VB", "call"),
                ("for", 5, "prep", "ADP", "IN", "for"),
                ("reform", 6, "pobj", "NOUN", "NN", "reform"),
                (".", 1, "punct", "PUNCT", ".", "."),
            ],
            5,
            7,
            "to call for",
        ),
        (
            "She has since said that she attended.",
            [
                ("She", 3, "nsubj", "PRON", "PRP", "she"),
                ("has", 3, "aux", "AUX", "VBZ", "have"),
                ("since", 3, "advmod", "SCONJ", "IN", "since"),
                ("said", 3, "ROOT", "VERB", "VBN", "say"),
                ("that", 6, "mark", "SCONJ", "IN", "that"),
                ("she", 6, "nsubj", "PRON", "PRP", "she"),
                ("attended", 3, "ccomp", "VERB", "VBD", "attend"),
                (".", 3, "punct", "PUNCT", ".", "."),
            ],
            3,
            4,
            "has since said",
        ),
        (
            "Critics once again questioned the plan.",
            [
                ("Critics", 3, "nsubj", "NOUN", "NNS", "critic"),
                ("once", 2, "advmod", "ADV", "RB", "once"),
                ("again", 3, "advmod", "ADV", "RB", "again"),
                ("questioned", 3, "ROOT", "VERB", "VBD", "question"),
                ("the", 5, "det", "DET", "DT", "the"),
                ("plan", 3, "dobj", "NOUN", "NN", "plan"),
                (".", 3, "punct", "PUNCT", ".", "."),
            ],
            3,
            4,
            "once again questioned",
        ),
        (
            # a time phrase between the subject and the verb stays out
            "Cruz on Wednesday announced that he won.",
            [
                ("Cruz", 3, "nsubj", "PROPN", "NNP", "Cruz"),
                ("on", 3, "prep", "ADP", "IN", "on"),
                ("Wednesday", 1, "pobj", "PROPN", "NNP", "Wednesday"),
                ("announced", 3, "ROOT", "VERB", "VBD", "announce"),
                ("that", 6, "mark", "SCONJ", "IN", "that"),
                ("he", 6, "nsubj", "PRON", "PRP", "he"),
                ("won", 3, "ccomp", "VERB", "VBD", "win"),
                (".", 3, "punct", "PUNCT", ".", "."),
            ],
            3,
            4,
            "announced",
        ),
    ],
)
def test_the_phrase_starts_at_the_verb_group_the_subject_governs(
    text, rows, verb, content_start, expected
) -> None:
    assert settled(parsed(text, rows), verb, content_start) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Clinton was asked about the emails by reporters.", "was asked about"),
        ("The senator went on to say that the tax would hurt farmers.", "went on to say"),
        ("Rubio moved to emphasize that border security matters.", "moved to emphasize"),
        ("She has since said that she attended the wedding.", "has since said"),
        # the verb's own words up to the content's preposition, or its adverbs
        (
            "Senator Collins expressed concern about the cost of the new border wall.",
            "expressed concern about",
        ),
        (
            "The governor spoke passionately about her father's drive to build the company.",
            "spoke passionately about",
        ),
        ("Residents complain bitterly that taxes are too high in the city.", "complain bitterly"),
        # the verb a gerund of "by" or "in" says how it was said, with no object between
        ("Trump responded by saying that the report was a hoax.", "responded by saying"),
        ("Clinton clearly erred in saying that the figure was final.", "clearly erred in saying"),
        # the verb's object that the content hangs on; not an addressee
        ("Senator Collins expressed confidence that the bill would pass.", "expressed confidence"),
        ("The mayor told reporters that the budget was balanced.", "told"),
        # an addressee between stays out
        ("Smith talked to Jones about the plan to close the plant in March.", "talked"),
    ],
)
def test_the_settled_phrase_end_to_end(text: str, phrase: str) -> None:
    record = process_text(text, date="2023-06-13")
    assert_valid_record(record)
    assert [c.get("cue_phrase", c["cue"])["text"] for c in record["claims"]] == [phrase]


# --- the attribution tagger's cue spans, opened at their verb group -----------------


@pytest.mark.parametrize(
    ("text", "rows", "cue", "expected"),
    [
        (
            "Investors voiced concerns about the probe.",
            [
                ("Investors", 1, "nsubj", "NOUN", "NNS", "investor"),
                ("voiced", 1, "ROOT", "VERB", "VBD", "voice"),
                ("concerns", 1, "dobj", "NOUN", "NNS", "concern"),
                ("about", 2, "prep", "ADP", "IN", "about"),
                ("the", 5, "det", "DET", "DT", "the"),
                ("probe", 3, "pobj", "NOUN", "NN", "probe"),
                (".", 1, "punct", "PUNCT", ".", "."),
            ],
            "about",
            "voiced concerns about",  # and the verb whose object it is
        ),
        (
            "Clinton has yet to address the donors.",
            [
                ("Clinton", 1, "nsubj", "PROPN", "NNP", "Clinton"),
                ("has", 1, "ROOT", "VERB", "VBZ", "have"),
                ("yet", 1, "advmod", "ADV", "RB", "yet"),
                ("to", 4, "aux", "PART", "TO", "to"),
                ("address", 1, "xcomp", "VERB", "VB", "address"),
                ("the", 6, "det", "DET", "DT", "the"),
                ("donors", 4, "dobj", "NOUN", "NNS", "donor"),
                (".", 1, "punct", "PUNCT", ".", "."),
            ],
            "address",
            "has yet to address",
        ),
        (
            "Trump has been rebuked by opponents.",
            [
                ("Trump", 3, "nsubjpass", "PROPN", "NNP", "Trump"),
                ("has", 3, "aux", "AUX", "VBZ", "have"),
                ("been", 3, "auxpass", "AUX", "VBN", "be"),
                ("rebuked", 3, "ROOT", "VERB", "VBN", "rebuke"),
                ("by", 3, "agent", "ADP", "IN", "by"),
                ("opponents", 4, "pobj", "NOUN", "NNS", "opponent"),
                (".", 3, "punct", "PUNCT", ".", "."),
            ],
            "rebuked",
            "has been rebuked",
        ),
        (
            # the span already starts at its verb group: nothing to add
            "Sanders said little.",
            [
                ("Sanders", 1, "nsubj", "PROPN", "NNP", "Sanders"),
                ("said", 1, "ROOT", "VERB", "VBD", "say"),
                ("little", 1, "dobj", "ADJ", "JJ", "little"),
                (".", 1, "punct", "PUNCT", ".", "."),
            ],
            "said",
            "said",
        ),
    ],
)
def test_a_tagger_cue_opens_at_the_word_it_hangs_on_and_its_verb_group(
    text, rows, cue, expected
) -> None:
    doc = parsed(text, rows)
    start = text.index(cue)
    grown = grown_tagger_cue(doc, (start, start + len(cue)), load_lexicons())
    assert text[grown[0] : grown[1]] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # a span that begins with its verb's negation or adverbs
        ("He doesn't want the attacks to stick.", "n't want", "doesn't want"),
        ("Obama has also not answered the question.", "also not answered", "has also not answered"),
        # a span that begins inside the object or complement of the verb before it
        (
            "The candidates don't yet have a common message about the war.",
            "common message about",
            "don't yet have a common message about",
        ),
        (
            "Voters were slightly more likely to say they preferred Clinton.",
            "slightly more likely to say",
            "were slightly more likely to say",
        ),
        ("Rubio turned his back on the reform bill.", "his back on", "turned his back on"),
        # a subject is no verb's complement
        (
            "Critics said concerns about the cost were overblown.",
            "concerns about",
            "concerns about",
        ),
    ],
)
def test_a_tagger_cue_inside_a_verb_group_opens_at_the_verb(nlp, text, cue, expected) -> None:
    doc = nlp(text)
    start = text.index(cue)
    grown = grown_tagger_cue(doc, (start, start + len(cue)), load_lexicons())
    assert text[grown[0] : grown[1]] == expected


# --- a nominal cue takes the verb whose object it is ---------------------------------


@pytest.mark.parametrize(
    ("text", "rows", "noun", "phrase_start", "expected"),
    [
        (
            "Rubio also rejected the notion that he lost.",
            [
                ("Rubio", 2, "nsubj", "PROPN", "NNP", "Rubio"),
                ("also", 2, "advmod", "ADV", "RB", "also"),
                ("rejected", 2, "ROOT", "VERB", "VBD", "reject"),
                ("the", 4, "det", "DET", "DT", "the"),
                ("notion", 2, "dobj", "NOUN", "NN", "notion"),
                ("that", 7, "mark", "SCONJ", "IN", "that"),
                ("he", 7, "nsubj", "PRON", "PRP", "he"),
                ("lost", 4, "acl", "VERB", "VBD", "lose"),
                (".", 2, "punct", "PUNCT", ".", "."),
            ],
            4,
            3,
            "also rejected the notion",
        ),
        (
            "His claim that he lost was false.",
            [
                ("His", 1, "poss", "PRON", "PRP$", "his"),
                ("claim", 5, "nsubj", "NOUN", "NN", "claim"),
                ("that", 4, "mark", "SCONJ", "IN", "that"),
                ("he", 4, "nsubj", "PRON", "PRP", "he"),
                ("lost", 1, "acl", "VERB", "VBD", "lose"),
                ("was", 5, "ROOT", "AUX", "VBD", "be"),
                ("false", 5, "acomp", "ADJ", "JJ", "false"),
                (".", 5, "punct", "PUNCT", ".", "."),
            ],
            1,
            1,
            "claim",
        ),
    ],
)
def test_a_nominal_cue_takes_the_verb_whose_object_it_is(
    text, rows, noun, phrase_start, expected
) -> None:
    doc = parsed(text, rows)
    cue = (doc[noun].idx, doc[noun].idx + len(doc[noun]))
    phrase = (doc[phrase_start].idx, cue[1])
    start, end = settled_phrase(doc, cue, phrase, [(doc[noun + 1].idx, len(text))])
    assert text[start:end] == expected
