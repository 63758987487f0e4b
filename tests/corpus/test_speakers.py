"""The speaker rule across articles, on hand-written mentions (no model needed)."""

from __future__ import annotations

import pytest

from pipeline.corpus.speakers import SourceMention, person_name, resolve_speakers, role_of


def mention(
    article: str, claim: str, canonical: str, kind: str = "person", text: str = ""
) -> SourceMention:
    return SourceMention(article, claim, text or canonical, canonical, kind)


@pytest.mark.parametrize(
    ("canonical", "name"),
    [
        ("National Security Council spokesman John Kirby", ["John", "Kirby"]),
        ("Secretary of State Antony Blinken", ["Antony", "Blinken"]),
        ("Ursula von der Leyen", ["Ursula", "von", "der", "Leyen"]),
        ("Martin Luther King Jr.", ["Martin", "Luther", "King"]),
        ("Mr. Kirby", ["Kirby"]),
        ("Kim Jong-un", ["Kim", "Jong-un"]),
        ("the spokesman", []),
    ],
)
def test_person_name(canonical: str, name: list[str]) -> None:
    assert person_name(canonical) == name


def test_role_as_written() -> None:
    assert role_of("National Security Council spokesman John Kirby", "John Kirby") == (
        "National Security Council", "spokesman",
    )  # fmt: skip
    assert role_of("Kwon Jong Gun, director general of the Department", "Kwon Jong Gun") == (
        None, "director general of the Department",
    )  # fmt: skip
    assert role_of("Kirby", "John Kirby") == (None, None)


MENTIONS = [
    mention("a", "c1", "Kirby"),
    mention("b", "c1", "John Kirby"),
    mention("c", "c1", "National Security Council spokesman John Kirby"),
    mention("c", "c2", "J. Kirby"),
    mention("d", "c1", "Kim"),
    mention("d", "c2", "Soo Kim"),
    mention("e", "c1", "Kim Jong-un"),
    mention("e", "c2", "NSC", "government"),
    mention("f", "c1", "National Security Council", "government", "The National Security Council"),
    mention("f", "c2", "officials", "anonymous"),
    mention("g", "c1", "officials", "anonymous"),
    mention("g", "c2", "the spokesman"),
]


def test_one_speaker_across_articles() -> None:
    assignment, speakers = resolve_speakers(MENTIONS)
    kirby = {assignment[(a, c)] for a, c in [("a", "c1"), ("b", "c1"), ("c", "c1"), ("c", "c2")]}
    assert kirby == {"person:john-kirby"}
    assert speakers["person:john-kirby"].name == "John Kirby"
    assert speakers["person:john-kirby"].titles == ["spokesman"]
    assert speakers["person:john-kirby"].organisations == ["National Security Council"]
    # "Kim" is in two full names: it stays a speaker of its own
    assert assignment[("d", "c1")] == "person:kim"
    assert assignment[("d", "c2")] == "person:soo-kim"
    assert assignment[("e", "c1")] == "person:kim-jong-un"
    assert assignment[("e", "c2")] == assignment[("f", "c1")] == "org:national-security-council"
    # anonymous sources and unnamed people are never joined across articles
    assert assignment[("f", "c2")] != assignment[("g", "c1")]
    assert assignment[("g", "c2")].startswith("anonymous:g:")


def test_the_rule_does_not_depend_on_order() -> None:
    forward = resolve_speakers(MENTIONS)
    backward = resolve_speakers(list(reversed(MENTIONS)))
    assert forward == backward


def test_two_johns_keep_the_bare_surname_apart() -> None:
    assignment, _ = resolve_speakers(
        [
            mention("a", "c1", "John Kirby"),
            mention("b", "c1", "Jane Kirby"),
            mention("c", "c1", "Kirby"),
        ]  # fmt: skip
    )
    assert assignment[("c", "c1")] == "person:kirby"
    assert len(set(assignment.values())) == 3


def test_title_words_are_the_entities_stage_titles_and_the_role_words() -> None:
    from pipeline.components.entities.lexicon import TITLES, load_lexicons
    from pipeline.corpus.speakers import ENTITY_TITLES, ROLE_WORDS, TITLE_WORDS

    assert ENTITY_TITLES == TITLES
    assert load_lexicons().titles | ROLE_WORDS == TITLE_WORDS
    assert not ROLE_WORDS & load_lexicons().titles  # a word is in one list, not both


def speaker_of(mentions: list[SourceMention]) -> dict[tuple[str, str], str]:
    assignment, _ = resolve_speakers(mentions)
    return assignment


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Kim Jong Un", "Kim Jong-un"),  # hyphen and space variants
        ("Lee Jae-myung", "Lee Jae Myung"),
        ("von der Leyen", "Ursula von der Leyen"),  # a surname with particles
        ("al-Assad", "Bashar al-Assad"),
        ("Kirby", "National Security Council spokesman John Kirby"),
    ],
)
def test_people_named_two_ways_are_one_speaker(one: str, other: str) -> None:
    assignment = speaker_of([mention("a", "c1", one), mention("b", "c1", other)])
    assert assignment[("a", "c1")] == assignment[("b", "c1")]
    assert assignment[("a", "c1")].startswith("person:")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("John", "John Kirby"),  # a first name alone is nobody in particular
        ("President", "President Joe Biden"),  # a title alone, too
        ("the spokesman", "the spokesman"),
        ("Prime Minister", "Prime Minister"),
        ("Jean-Pierre Raffarin", "Jean Raffarin"),  # a hyphenated first name is its own
    ],
)
def test_people_that_stay_apart_across_articles(one: str, other: str) -> None:
    assignment = speaker_of([mention("a", "c1", one), mention("b", "c1", other)])
    assert assignment[("a", "c1")] != assignment[("b", "c1")]


def test_bare_titles_are_speakers_of_their_article_only() -> None:
    assignment = speaker_of([mention("a", "c1", "President"), mention("a", "c2", "President")])
    assert assignment[("a", "c1")] == assignment[("a", "c2")] == "anonymous:a:president"


@pytest.mark.parametrize(
    ("names", "speaker_id"),
    [
        (["The NSC", "National Security Council"], "org:national-security-council"),
        (["U.N.", "United Nations", "UN", "the United Nations"], "org:united-nations"),
        (["U.N.", "UN"], "org:un"),
        (["The White House", "The White House", "White House"], "org:white-house"),
        (["the White House"], "org:white-house"),
    ],
)
def test_organisations_named_several_ways_are_one_speaker_with_a_stable_id(
    names: list[str], speaker_id: str
) -> None:
    mentions = [mention(f"a{i}", "c1", name, "government") for i, name in enumerate(names)]
    assert set(speaker_of(mentions).values()) == {speaker_id}
