"""Clusters: one entity per referent (rules on hand-built ``Doc``s, entities set by hand).

``find_entities`` runs every step of the stage; the cases here are about which
mentions end up in one entity and which name is its canonical one.
"""

from __future__ import annotations

import pytest

from pipeline.components.entities import find_entities
from pipeline.components.entities.clusters import (
    _compatible,
    _exact_key,
    _group,
    _Grouping,
    affix_match,
    cluster_entities,
    is_subsequence,
)
from pipeline.components.entities.lexicon import load_lexicons
from pipeline.components.entities.mentions import find_mentions

from .docs import hand_doc, table

CASES = [
    pytest.param("", [], [], id="empty"),
    pytest.param("Apples (and pears) are fruit.", [], [], id="no-abbreviation"),
    pytest.param(
        "The Ministry of Foo (see below) said so.",
        [("The Ministry of Foo", "ORG")],
        [("The Ministry of Foo", "Ministry of Foo", "a")],
        id="lowercase-parenthetical",
    ),
    pytest.param(
        "It rained on Tuesday and 5 people came.",
        [("Tuesday", "DATE"), ("5", "CARDINAL")],
        [],
        id="numbers-and-dates-are-not-ours",
    ),
    pytest.param("He said — fine.", [("—", "ORG")], [], id="punctuation-junk"),
    pytest.param(
        "Radio Free Asia (RFA) reported it. Experts told RFA so.",
        [("Radio Free Asia", "ORG")],
        [
            ("Radio Free Asia", "Radio Free Asia", "a"),
            ("RFA", "Radio Free Asia", "a"),
            ("RFA", "Radio Free Asia", "a"),
        ],
        id="abbreviation-missed-by-model",
    ),
    pytest.param(
        "RFA is not yet defined. Radio Free Asia (RFA) is. RFAX is another word.",
        [("Radio Free Asia", "ORG")],
        [("Radio Free Asia", "Radio Free Asia", "a"), ("RFA", "Radio Free Asia", "a")],
        id="abbreviation-only-after-definition-whole-token",
    ),
    pytest.param(
        "In January, White House National Security Council (NSC) director John Kirby spoke. "
        "The NSC said more.",
        [("White House National Security Council", "ORG"), ("John Kirby", "PERSON")],
        [
            ("White House National Security Council", "White House National Security Council", "a"),
            ("NSC", "White House National Security Council", "a"),
            ("John Kirby", "John Kirby", "b"),
            ("NSC", "White House National Security Council", "a"),
        ],
        id="abbreviation-inside-longer-entity",
    ),
    pytest.param(
        "The outlet the Korean Central News Agency (KCNA) said. KCNA added.",
        [("the Korean Central News Agency", "ORG"), ("KCNA", "ORG")],
        [
            ("the Korean Central News Agency", "Korean Central News Agency", "a"),
            ("KCNA", "Korean Central News Agency", "a"),
            ("KCNA", "Korean Central News Agency", "a"),
        ],
        id="abbreviation-model-tagged-short-form",
    ),
    pytest.param(
        "The Committee to Protect Journalists (CPJ) said. CPJ added.",
        [],
        [
            ("Committee to Protect Journalists", "Committee to Protect Journalists", "a"),
            ("CPJ", "Committee to Protect Journalists", "a"),
            ("CPJ", "Committee to Protect Journalists", "a"),
        ],
        id="abbreviation-long-form-found-by-algorithm",
    ),
    pytest.param(
        "KCNA (Korean Central News Agency) said so. KCNA added.",
        [("KCNA", "ORG")],
        [
            ("KCNA", "Korean Central News Agency", "a"),
            ("Korean Central News Agency", "Korean Central News Agency", "a"),
            ("KCNA", "Korean Central News Agency", "a"),
        ],
        id="abbreviation-defined-short-form-first",
    ),
    pytest.param(
        "Output rose, says gross domestic product (GDP) data. GDP fell.",
        [],
        [],
        id="lowercase-long-form-is-not-an-entity",
    ),
    pytest.param(
        "South Korea’s JoongAng Daily reported. North Korea's army moved.",
        [("South Korea’s", "GPE"), ("JoongAng Daily", "ORG"), ("North Korea's", "GPE")],
        [
            ("South Korea", "South Korea", "a"),
            ("JoongAng Daily", "JoongAng Daily", "b"),
            ("North Korea", "North Korea", "c"),
        ],
        id="possessive-trimmed",
    ),
    pytest.param(
        "John Kirby spoke. Kirby said more. John Kirby ended.",
        [("John Kirby", "PERSON"), ("Kirby", "PERSON"), ("John Kirby", "PERSON")],
        [
            ("John Kirby", "John Kirby", "a"),
            ("Kirby", "John Kirby", "a"),
            ("John Kirby", "John Kirby", "a"),
        ],
        id="surname",
    ),
    pytest.param(
        "Sen. Ted Cruz spoke. Cruz left. Billionaire Donald Trump came.",
        [("Sen. Ted Cruz", "PERSON"), ("Cruz", "PERSON"), ("Billionaire Donald Trump", "PERSON")],
        [
            ("Sen. Ted Cruz", "Ted Cruz", "a"),
            ("Cruz", "Ted Cruz", "a"),
            ("Billionaire Donald Trump", "Donald Trump", "b"),
        ],
        id="titles-inside-person-spans",
    ),
    pytest.param(
        "Kirby spoke first. Then John Kirby said more.",
        [("Kirby", "PERSON"), ("John Kirby", "PERSON")],
        [("Kirby", "John Kirby", "a"), ("John Kirby", "John Kirby", "a")],
        id="surname-before-full-name",
    ),
    pytest.param(
        "The leader Kim Jong-un met analyst Soo Kim. Kim said no. The leader Kim smiled. "
        "Kim Jong Un left.",
        [
            ("Kim Jong-un", "PERSON"),
            ("Soo Kim", "PERSON"),
            ("Kim", "PERSON"),
            ("Kim", "PERSON"),
            ("Kim Jong Un", "PERSON"),
        ],
        [
            ("Kim Jong-un", "Kim Jong-un", "a"),
            ("Soo Kim", "Soo Kim", "b"),
            ("Kim", "Soo Kim", "b"),
            ("Kim", "Kim Jong-un", "a"),
            ("Kim Jong Un", "Kim Jong-un", "a"),
        ],
        id="bare-name-recency-and-title",
    ),
    pytest.param(
        "Kim Yo-jong spoke. Kwon Jong Gun replied.",
        [("Kim Yo-jong", "PERSON"), ("Kwon Jong Gun", "PERSON")],
        [("Kim Yo-jong", "Kim Yo-jong", "a"), ("Kwon Jong Gun", "Kwon Jong Gun", "b")],
        id="full-names-sharing-a-word-stay-apart",
    ),
    pytest.param(
        "Georgia voted. Kim visited Georgia.",
        [("Georgia", "GPE"), ("Kim", "PERSON"), ("Georgia", "GPE")],
        [("Georgia", "Georgia", "a"), ("Kim", "Kim", "b"), ("Georgia", "Georgia", "a")],
        id="person-never-joins-a-place",
    ),
    pytest.param(
        "North Korea said North Korean troops would stay.",
        [("North Korea", "GPE"), ("North Korean", "NORP")],
        [("North Korea", "North Korea", "a"), ("North Korean", "North Korean", "b")],
        id="nationality-apart-from-country",
    ),
    pytest.param(
        "The United Nations Security Council met. The Security Council voted. "
        "The Council of Europe and the Security Council agreed.",
        [
            ("The United Nations Security Council", "ORG"),
            ("The Security Council", "ORG"),
            ("The Council of Europe", "ORG"),
            ("the Security Council", "ORG"),
        ],
        [
            ("The United Nations Security Council", "United Nations Security Council", "a"),
            ("The Security Council", "United Nations Security Council", "a"),
            ("The Council of Europe", "Council of Europe", "b"),
            ("the Security Council", "United Nations Security Council", "a"),
        ],
        id="organisation-suffix",
    ),
    pytest.param(
        "The Wagner Group fights. Wagner denied it.",
        [("Wagner Group", "ORG"), ("Wagner", "ORG")],
        [("Wagner Group", "Wagner Group", "a"), ("Wagner", "Wagner Group", "a")],
        id="organisation-prefix-with-name-suffix",
    ),
    pytest.param(
        "The White House said so. The House voted. White House Press Office staff left.",
        [("The White House", "ORG"), ("The House", "ORG"), ("White House Press Office", "ORG")],
        [
            ("The White House", "White House", "a"),
            ("The House", "House", "b"),
            ("White House Press Office", "White House Press Office", "c"),
        ],
        id="generic-head-and-unrelated-prefix-stay-apart",
    ),
    pytest.param(
        "The European Court of Justice ruled. Justice was served. Clinton’s State Department "
        "and her State Department and the State Department agree.",
        [
            ("The European Court of Justice", "ORG"),
            ("Justice", "ORG"),
            ("Clinton’s State Department", "ORG"),
            ("her State Department", "ORG"),
            ("the State Department", "ORG"),
        ],
        [
            ("The European Court of Justice", "European Court of Justice", "a"),
            ("Justice", "Justice", "b"),
            ("Clinton’s State Department", "State Department", "c"),
            ("her State Department", "State Department", "c"),
            ("the State Department", "State Department", "c"),
        ],
        id="no-suffix-after-of-and-possessors-are-not-canonical",
    ),
    pytest.param(
        "North Korea and South Korea met. Korea was split.",
        [("North Korea", "GPE"), ("South Korea", "GPE"), ("Korea", "GPE")],
        [
            ("North Korea", "North Korea", "a"),
            ("South Korea", "South Korea", "b"),
            ("Korea", "Korea", "c"),
        ],
        id="place-qualifier-keeps-places-apart",
    ),
    pytest.param(
        "Jeb Bush Super PAC Spends Big\nThe PAC backing Jeb Bush spent more. Bush said so.",
        [("Jeb Bush Super", "PERSON"), ("Jeb Bush", "PERSON"), ("Bush", "PERSON")],
        [
            ("Jeb Bush Super", "Jeb Bush", "a"),
            ("Jeb Bush", "Jeb Bush", "a"),
            ("Bush", "Jeb Bush", "a"),
        ],
        id="headline-names-do-not-give-the-canonical",
    ),
    pytest.param(
        "PASADENA — Voters in Pasadena met. Jeb Bush-spent money. Jeb Bush left.",
        [
            ("PASADENA", "GPE"),
            ("Pasadena", "GPE"),
            ("Jeb Bush-spent", "PERSON"),
            ("Jeb Bush", "PERSON"),
        ],
        [
            ("PASADENA", "Pasadena", "a"),
            ("Pasadena", "Pasadena", "a"),
            ("Jeb Bush-spent", "Jeb Bush", "b"),
            ("Jeb Bush", "Jeb Bush", "b"),
        ],
        id="dateline-capitals-and-run-on-words",
    ),
    pytest.param(
        "Members of Students for Clean Water (SCW) and a Green Party group met SCW.",
        [("Students for Clean Water (SCW", "ORG"), ("a Green Party", "ORG")],
        [
            ("Students for Clean Water", "Students for Clean Water", "a"),
            ("SCW", "Students for Clean Water", "a"),
            ("a Green Party", "Green Party", "b"),
            ("SCW", "Students for Clean Water", "a"),
        ],
        id="model-span-into-parenthesis-and-leading-article",
    ),
    pytest.param(
        "Donald Trump spoke. Later Trump insisted. Jim Sanders SVP met the SVP.",
        [
            ("Donald Trump", "PERSON"),
            ("Trump", "ORG"),
            ("Jim Sanders SVP", "PERSON"),
            ("SVP", "ORG"),
        ],
        [
            ("Donald Trump", "Donald Trump", "a"),
            ("Trump", "Donald Trump", "a"),
            ("Jim Sanders SVP", "Jim Sanders SVP", "b"),
            ("SVP", "SVP", "c"),
        ],
        id="surname-mislabelled-org-is-a-person-acronyms-are-not",
    ),
    pytest.param(
        "Jon Tester spoke. “No,” Tester said. MILLS and mills and Mills Corp did not.",
        [("Jon Tester", "PERSON"), ("Mills Corp", "ORG")],
        [
            ("Jon Tester", "Jon Tester", "a"),
            ("Tester", "Jon Tester", "a"),
            ("Mills Corp", "Mills Corp", "b"),
        ],
        id="surname-missed-by-model",
    ),
    pytest.param(
        "Bill Mills spoke. MILLS and mills and Mills Corp did not.",
        [("Bill Mills", "PERSON"), ("Mills Corp", "ORG")],
        [("Bill Mills", "Bill Mills", "a"), ("Mills Corp", "Mills Corp", "b")],
        id="surname-not-added-in-capitals-lower-case-or-inside-an-entity",
    ),
    pytest.param(
        "Jim Jordan flew to Jordan. Jordan welcomed him.",
        [("Jim Jordan", "PERSON"), ("Jordan", "GPE"), ("Jordan", "GPE")],
        [("Jim Jordan", "Jim Jordan", "a"), ("Jordan", "Jordan", "b"), ("Jordan", "Jordan", "b")],
        id="place-sharing-a-surname-stays-a-place",
    ),
    pytest.param(
        "The U.S. and the United States and the US agree.",
        [("U.S.", "GPE"), ("the United States", "GPE"), ("US", "GPE")],
        [
            ("U.S.", "United States", "a"),
            ("the United States", "United States", "a"),
            ("US", "United States", "a"),
        ],
        id="spelling-variants",
    ),
]


@pytest.mark.parametrize("text,ents,expected", CASES)
def test_find_entities(text: str, ents: list[tuple[str, str]], expected: list[tuple]) -> None:
    doc = hand_doc(text, ents)
    entities = find_entities(doc)
    for entity in entities:
        assert entity["label"] and entity["canonical"]
    assert table(doc, entities) == expected


@pytest.mark.parametrize(
    "text,ents,related",
    [
        (
            "North Korea said North Korean troops stay.",
            [("North Korea", "GPE"), ("North Korean", "NORP")],
            {"North Korean": "North Korea"},
        ),
        (
            "Ukraine and Ukrainian farmers.",
            [("Ukraine", "GPE"), ("Ukrainian", "NORP")],
            {"Ukrainian": "Ukraine"},
        ),
        ("Iran and Iraqi troops.", [("Iran", "GPE"), ("Iraqi", "NORP")], {}),
        ("Russian troops left.", [("Russian", "NORP")], {}),
    ],
)
def test_nationalities_are_related_to_their_country(
    text: str, ents: list[tuple[str, str]], related: dict[str, str]
) -> None:
    doc = hand_doc(text, ents)
    entities = find_entities(doc)
    ids = {e["canonical"]: e["entity_id"] for e in entities}
    got = {e["canonical"]: e["related"] for e in entities if "related" in e}
    assert got == {nationality: ids[country] for nationality, country in related.items()}
    assert len(set(ids.values())) == len(ids)  # still separate entities


def test_entity_ids_in_order_of_first_mention() -> None:
    doc = hand_doc(
        "Russia met China. Russia left. India came.",
        [("Russia", "GPE"), ("China", "GPE"), ("Russia", "GPE"), ("India", "GPE")],
    )
    assert [e["entity_id"] for e in find_entities(doc)] == ["e1", "e2", "e1", "e3"]


def test_cluster_entities_on_mentions() -> None:
    doc = hand_doc(
        "John Kirby spoke. Kirby said more.", [("John Kirby", "PERSON"), ("Kirby", "PERSON")]
    )
    entities = cluster_entities(doc, find_mentions(doc))
    assert [(e["start"], e["end"], e["entity_id"], e["canonical"]) for e in entities] == [
        (0, 10, "e1", "John Kirby"),
        (18, 23, "e1", "John Kirby"),
    ]


@pytest.mark.parametrize(
    "short,long,label,expected",
    [
        ("security council", "united nations security council", "ORG", True),
        ("wagner", "wagner group", "ORG", True),  # prefix: only name suffixes dropped
        ("white house", "white house press office", "ORG", False),
        ("house", "white house", "ORG", False),  # one generic word
        ("justice", "european court of justice", "ORG", False),  # after "of"
        ("korea", "north korea", "GPE", False),  # a place qualifier dropped
        ("korea", "north korea", "ORG", True),  # only places keep their qualifiers
        ("united nations", "united nations", "ORG", False),  # not shorter
    ],
)
def test_affix_match(short: str, long: str, label: str, expected: bool) -> None:
    assert affix_match(tuple(short.split()), tuple(long.split()), label, load_lexicons()) is (
        expected
    )


@pytest.mark.parametrize(
    "short,long,expected",
    [
        ("jong un", "kim jong un", True),
        ("kim un", "kim jong un", True),
        ("un kim", "kim jong un", False),  # order matters
        ("kim yo", "kim jong un", False),
    ],
)
def test_is_subsequence(short: str, long: str, expected: bool) -> None:
    assert is_subsequence(short.split(), long.split()) is expected


def old_best_match(grouping: _Grouping, mention) -> int | None:
    """``best_match`` as it was: the clusters of every word of the name (issue 12)."""
    candidate_ids = set(grouping.by_key.get(_exact_key(mention, grouping.lexicons), ()))
    for word in mention.tokens:
        candidate_ids |= grouping.by_token.get(word, set())
    candidates = [
        c for c in candidate_ids if _compatible(mention, grouping.clusters[c], grouping.lexicons)
    ]
    if not candidates:
        return None
    if mention.title:
        titled = [c for c in candidates if mention.title in grouping.clusters[c].titles]
        candidates = titled or candidates
    return max(candidates, key=lambda c: grouping.clusters[c].last)


@pytest.mark.model
def test_best_match_among_the_likely_clusters_is_best_match_among_all(make_doc) -> None:
    """Long documents (issue 12): only the clusters of the rarest word (people) or of the
    first and last words (others) are asked, and the answer is the same."""
    paragraph = (
        "Former CIA analyst Soo Kim said the Bank of Korea and the National Assembly of "
        "South Korea met. Kim Jong Un, Kim Yo Jong and President Yoon Suk Yeol spoke; Yoon "
        "and Kim disagreed. The United Nations Security Council and the Security Council of "
        "the African Union met in New York, not York. Wagner Group and Wagner fought. "
        "The National Security Council of the United States and the U.S. Congress spoke."
    )
    doc = make_doc("\n\n".join([paragraph] * 6))
    lexicons = load_lexicons()
    ordered = sorted(find_entities_mentions(doc), key=lambda m: (m.start, m.end))
    grouping = _group(ordered, lexicons)  # the final state: the most clusters to choose from
    matched = 0
    for mention in ordered:
        assert grouping.best_match(mention) == old_best_match(grouping, mention)
        matched += grouping.best_match(mention) is not None
    assert matched > len(ordered) // 2


def find_entities_mentions(doc):
    return find_mentions(doc, lexicons=load_lexicons())
