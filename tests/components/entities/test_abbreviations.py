"""Abbreviations: Schwartz & Hearst definitions and the mentions they add."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from copy import copy

import pytest
from spacy.tokens import Doc

from pipeline.components.entities.abbreviations import (
    Abbreviation,
    _overlapping,
    add_abbreviation_mentions,
    best_long_form_start,
    find_abbreviations,
    is_short_form,
    looks_like_name,
)
from pipeline.components.entities.lexicon import EntitiesLexicons, load_lexicons
from pipeline.components.entities.mentions import Mention, find_mentions, make_mention

from .docs import BLANK, hand_doc


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Radio Free Asia (RFA) said.", [("RFA", "Radio Free Asia")]),
        ("the Korean Central News Agency (KCNA) said.", [("KCNA", "Korean Central News Agency")]),
        # The letters N-S-C pick the shortest run "National Security Council".
        (
            "White House National Security Council (NSC) said.",
            [("NSC", "National Security Council")],
        ),
        ("the United Nations (U.N.) said.", [("U.N.", "United Nations")]),
        ("KCNA (Korean Central News Agency) said.", [("KCNA", "Korean Central News Agency")]),
        ("Apples (and pears) are fruit.", []),
        ("The US (and its allies) agreed.", []),
        ("Prices (see Table) rose.", []),
        ("He met Smith (RFA) today.", []),
        ("The team (2019) won.", []),
    ],
)
def test_find_abbreviations(text: str, expected: list[tuple[str, str]]) -> None:
    doc = BLANK(text)
    found = find_abbreviations(doc)
    assert [(a.short, a.long) for a in found] == expected
    # The offsets cut the expected strings out of the text.
    assert [
        (text[a.short_start : a.short_end], text[a.long_start : a.long_end]) for a in found
    ] == expected


@pytest.mark.parametrize(
    "short,long,expected",
    [
        ("RFA", "reports by Radio Free Asia", "Radio Free Asia"),
        ("NSC", "White House National Security Council", "National Security Council"),
        ("U.N.", "the United Nations", "United Nations"),
        ("XYZ", "Radio Free Asia", None),
    ],
)
def test_best_long_form_start(short: str, long: str, expected: str | None) -> None:
    start = best_long_form_start(short, long)
    assert (None if start is None else long[start:]) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("RFA", True),
        ("U.N.", True),
        ("KCNA", True),
        ("MoD", True),
        ("COVID-19", True),
        ("R-Texas", False),
        ("D-Vt.", False),
        ("and", False),
        ("Hamas", False),
        ("2019", False),
        ("A", False),
    ],
)
def test_is_short_form(text: str, expected: bool) -> None:
    assert is_short_form(text) is expected


def test_a_long_form_never_crosses_a_sentence_start() -> None:
    # "Free Radio. Asia (FRA)": without sentences the letters F-R-A reach back
    # into the previous sentence; with "Asia" starting a sentence they cannot.
    words = ["Free", "Radio", ".", "Asia", "(", "FRA", ")", "said", "."]
    spaces = [True, False, True, True, False, False, True, False, False]
    unsplit = Doc(BLANK.vocab, words=words, spaces=spaces)
    assert [a.long for a in find_abbreviations(unsplit)] == ["Free Radio. Asia"]
    split = Doc(
        BLANK.vocab,
        words=words,
        spaces=spaces,
        sent_starts=[True, False, False, True, False, False, False, False, False],
    )
    assert find_abbreviations(split) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("CPJ (Committee to Protect Journalists) said.", "Committee to Protect Journalists"),
        ("CPJ (Committee) said.", None),  # one word is no long form
        ("CPJ (Protect Journalists Committee) said.", None),  # letters must start at word one
        ("CPJ (Committee to; Protect Journalists) said.", None),  # no stop token inside
    ],
)
def test_long_form_inside_the_parenthesis(text: str, expected: str | None) -> None:
    found = find_abbreviations(BLANK(text))
    assert [a.long for a in found] == ([] if expected is None else [expected])


def test_abbreviation_mentions_link_later_short_forms_until_a_redefinition() -> None:
    text = "Radio Free Asia (RFA) said. RFA added. Rural Farm Agency (RFA) met. RFA left."
    doc = hand_doc(text, [("Radio Free Asia", "ORG"), ("Rural Farm Agency", "ORG")])
    mentions = find_mentions(doc)
    before = [(m.start, m.end, m.same_as) for m in mentions]
    result = add_abbreviation_mentions(doc, mentions, find_abbreviations(doc))
    assert [(m.start, m.end, m.same_as) for m in mentions] == before  # the input is not changed
    radio = (0, len("Radio Free Asia"))
    rural_start = text.index("Rural")
    rural = (rural_start, rural_start + len("Rural Farm Agency"))
    assert [(text[m.start : m.end], m.same_as, m.origin) for m in result] == [
        ("Radio Free Asia", None, "model"),
        ("RFA", radio, "abbreviation"),
        ("RFA", radio, "abbreviation"),
        ("Rural Farm Agency", None, "model"),
        ("RFA", rural, "abbreviation"),
        ("RFA", rural, "abbreviation"),
    ]


def test_a_long_form_the_model_missed_takes_the_label_of_the_entity_ending_there() -> None:
    text = "The Committee to Protect Journalists (CPJ) said."
    doc = hand_doc(text, [("Protect Journalists", "NORP")])
    result = add_abbreviation_mentions(doc, find_mentions(doc), find_abbreviations(doc))
    assert [(text[m.start : m.end], m.label, m.origin) for m in result] == [
        ("Committee to Protect Journalists", "NORP", "long_form"),
        ("CPJ", "NORP", "abbreviation"),
    ]


# Long documents (issue 12): mentions are put in place instead of re-sorting them
# all after each definition; the result must be what the code below (as it was) gave.
# fmt: off
def old_add_abbreviation_mentions(
    doc: Doc,
    mentions: Sequence[Mention],
    abbreviations: Sequence[Abbreviation],
    *,
    lexicons: EntitiesLexicons | None = None,
) -> list[Mention]:
    """``mentions`` plus the long forms and every later short form of ``abbreviations``.

    The long form is the model's entity that contains it ("White House National
    Security Council" for the Schwartz–Hearst long form "National Security
    Council" of NSC: the letters N-S-C pick the shorter run, the entity around it
    is the referent), else the long form itself becomes a mention (label of the
    model's entity ending where it ends, else ORG) if it looks like a name. Every
    occurrence of the short form as a whole token from the definition on (up to
    the next definition of the same short form) is a mention of that entity.
    """
    lexicons = lexicons or load_lexicons()
    # Copies: the links below must not change the caller's mentions.
    result = [copy(m) for m in sorted(mentions, key=lambda m: (m.start, m.end))]
    if not abbreviations:
        return result
    doc_text = doc.text
    starts = [m.start for m in result]

    by_text: dict[str, list[int]] = defaultdict(list)
    shorts = {abbreviation.short for abbreviation in abbreviations}
    for token in doc:
        if token.text in shorts:
            by_text[token.text].append(token.idx)

    definitions = sorted(abbreviations, key=lambda a: a.short_start)
    for n, abbreviation in enumerate(definitions):
        hits = _overlapping(result, starts, abbreviation.long_start, abbreviation.long_end)
        containing = [
            i
            for i in hits
            if result[i].start <= abbreviation.long_start and abbreviation.long_end <= result[i].end
        ]
        if containing:
            long_mention = result[containing[0]]
        else:
            if not looks_like_name(doc_text[abbreviation.long_start : abbreviation.long_end]):
                continue
            label = next(
                (result[i].label for i in hits if result[i].end == abbreviation.long_end), "ORG"
            )
            created = make_mention(
                doc,
                abbreviation.long_start,
                abbreviation.long_end,
                label,
                lexicons=lexicons,
                origin="long_form",
                doc_text=doc_text,
            )
            if created is None:
                continue
            for i in reversed(hits):
                del result[i]
            long_mention = created
            result.append(created)
            result.sort(key=lambda m: (m.start, m.end))
            starts = [m.start for m in result]
        anchor = (long_mention.start, long_mention.end)
        short = abbreviation.short
        until = next(
            (later.short_start for later in definitions[n + 1 :] if later.short == short),
            len(doc_text) + 1,
        )
        added = False
        for start in by_text[abbreviation.short]:
            if start < abbreviation.short_start or start >= until:
                continue
            end = start + len(abbreviation.short)
            hits = _overlapping(result, starts, start, end)
            if hits:
                exact = [i for i in hits if result[i].start == start and result[i].end == end]
                if exact and (result[exact[0]].start, result[exact[0]].end) != anchor:
                    result[exact[0]].same_as = anchor
                    result[exact[0]].label = long_mention.label
                continue
            short_mention = make_mention(
                doc,
                start,
                end,
                long_mention.label,
                lexicons=lexicons,
                origin="abbreviation",
                doc_text=doc_text,
            )
            if short_mention is None:
                continue
            short_mention.same_as = anchor
            result.append(short_mention)
            added = True
        if added:
            result.sort(key=lambda m: (m.start, m.end))
            starts = [m.start for m in result]
    return result


# fmt: on


@pytest.mark.model
def test_abbreviation_mentions_are_as_before_on_a_long_article(make_doc) -> None:
    paragraph = (
        "Radio Free Asia (RFA) said the Korean Central News Agency (KCNA) had lied. RFA and "
        "KCNA disagree. The Committee to Protect Journalists (CPJ) said RFA was right. "
        "Later the Rural Farm Agency (RFA) met the CPJ. RFA left, and KCNA stayed. "
        "The Security Council (UNSC) met. UNSC members and the CPJ spoke. "
    )
    doc = make_doc("\n\n".join([paragraph] * 8))
    mentions = find_mentions(doc)
    abbreviations = find_abbreviations(doc)
    assert len(abbreviations) >= 30
    new = add_abbreviation_mentions(doc, mentions, abbreviations)
    old = old_add_abbreviation_mentions(doc, mentions, abbreviations)
    assert [vars(m) for m in new] == [vars(m) for m in old]
    assert sum(m.origin == "abbreviation" for m in new) >= 40
    assert add_abbreviation_mentions(doc, mentions, abbreviations, text=doc.text) == new
