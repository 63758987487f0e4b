"""The entities stage: mentions, abbreviations, clusters, ``entity_at``.

Rule logic runs on hand-built ``Doc``s (entities set by hand, no model); the
sample article runs through the real pipeline and ``process_text``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from pipeline.components.entities import (
    best_long_form_start,
    cluster_entities,
    entity_at,
    find_abbreviations,
    find_entities,
    find_mentions,
    headline_lines,
    is_short_form,
    name_tokens,
)
from pipeline.runner import process_text
from tests.contract import assert_valid_record

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "sample" / "000_0310359b324a0dcd.txt"
SAMPLE_DATE = "2023-06-13"

_BLANK = spacy.blank("en")


def hand_doc(text: str, ents: list[tuple[str, str]] = ()) -> Doc:
    """``text`` tokenised by the blank English tokenizer, with ``ents`` (text, label) set
    in order of appearance (each searched after the previous one)."""
    doc = _BLANK(text)
    spans, position = [], 0
    for ent_text, label in ents:
        start = text.index(ent_text, position)
        span = doc.char_span(start, start + len(ent_text), label=label)
        assert span is not None, f"{ent_text!r} is not on token boundaries"
        spans.append(span)
        position = start + len(ent_text)
    doc.ents = spans
    return doc


def table(doc: Doc, entities: list[dict]) -> list[tuple[str, str, str]]:
    """(mention text, canonical, group letter): letters are equal iff entity ids are."""
    letters: dict[str, str] = {}
    rows = []
    for entity in entities:
        letter = letters.setdefault(entity["entity_id"], "abcdefghijklmnopqrstuvwxyz"[len(letters)])
        rows.append((doc.text[entity["start"] : entity["end"]], entity["canonical"], letter))
    return rows


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


def test_repaired_surname_is_labelled_person() -> None:
    doc = hand_doc(
        "Donald Trump spoke. Trump insisted.", [("Donald Trump", "PERSON"), ("Trump", "ORG")]
    )
    assert [e["label"] for e in find_entities(doc)] == ["PERSON", "PERSON"]


def test_entity_ids_in_order_of_first_mention() -> None:
    doc = hand_doc(
        "Russia met China. Russia left. India came.",
        [("Russia", "GPE"), ("China", "GPE"), ("Russia", "GPE"), ("India", "GPE")],
    )
    assert [e["entity_id"] for e in find_entities(doc)] == ["e1", "e2", "e1", "e3"]


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
    doc = _BLANK(text)
    found = find_abbreviations(doc)
    assert [(a.short, a.long) for a in found] == expected
    for abbreviation in found:
        assert text[abbreviation.short_start : abbreviation.short_end] == abbreviation.short
        assert text[abbreviation.long_start : abbreviation.long_end] == abbreviation.long


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


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Kim Jong-un", ("kim", "jong", "un")),
        ("Kim Jong Un", ("kim", "jong", "un")),
        ("the U.S.", ("us",)),
        ("South Korea’s", ("south", "korea")),
        ("her State Department", ("state", "department")),
        ("Her Majesty", ("her", "majesty")),
    ],
)
def test_name_tokens(text: str, expected: tuple[str, ...]) -> None:
    assert name_tokens(text) == expected


def test_find_mentions_keeps_the_in_span_drops_possessive() -> None:
    doc = hand_doc("Then the Yalu River’s banks flooded.", [("the Yalu River’s", "LOC")])
    [mention] = find_mentions(doc)
    assert doc.text[mention.start : mention.end] == "the Yalu River"
    assert mention.name == "Yalu River"


def test_cluster_entities_on_mentions() -> None:
    doc = hand_doc(
        "John Kirby spoke. Kirby said more.", [("John Kirby", "PERSON"), ("Kirby", "PERSON")]
    )
    entities = cluster_entities(doc, find_mentions(doc))
    assert [(e["start"], e["end"], e["entity_id"], e["canonical"]) for e in entities] == [
        (0, 10, "e1", "John Kirby"),
        (18, 23, "e1", "John Kirby"),
    ]


def test_entity_at() -> None:
    doc = hand_doc(
        "Former CIA analyst Soo Kim said so. South Korea’s JoongAng Daily reported.",
        [
            ("CIA", "ORG"),
            ("Soo Kim", "PERSON"),
            ("South Korea’s", "GPE"),
            ("JoongAng Daily", "ORG"),
        ],
    )
    doc._.newsclaims_entities = find_entities(doc)
    text = doc.text

    def at(phrase: str) -> str | None:
        start = text.index(phrase)
        entity = entity_at(doc, start, start + len(phrase))
        return None if entity is None else text[entity["start"] : entity["end"]]

    assert at("Former CIA analyst Soo Kim") == "Soo Kim"
    assert at("Kim") == "Soo Kim"
    assert at("South Korea’s JoongAng Daily") == "JoongAng Daily"
    assert at("said so") is None
    start = text.index("CIA analyst")
    assert entity_at(doc, start, start + 11, labels=["ORG"])["canonical"] == "CIA"


# --------------------------------------------------------------------------- the model


@pytest.fixture(scope="module")
def sample_doc(make_doc):
    return make_doc(SAMPLE.read_text(encoding="utf-8"), SAMPLE_DATE)


def _at(doc: Doc, start: int, text: str) -> dict:
    [entity] = [e for e in doc._.newsclaims_entities if e["start"] == start]
    assert doc.text[entity["start"] : entity["end"]] == text
    assert entity["end"] == start + len(text)
    return entity


@pytest.mark.model
@pytest.mark.parametrize(
    "start,text,canonical,same_as",
    [
        (0, "The United Nations Security Council", "United Nations Security Council", None),
        (2043, "Security Council", "United Nations Security Council", 0),
        (2423, "the Security Council", "United Nations Security Council", 0),
        (2354, "South Korea", "South Korea", None),
        (2799, "Radio Free Asia", "Radio Free Asia", None),
        (2816, "RFA", "Radio Free Asia", 2799),
        (3657, "RFA", "Radio Free Asia", 2799),  # "Soo Kim told RFA": the model misses it
        (3342, "RFA", "Radio Free Asia", 2799),  # "experts told RFA"
        (466, "Kim Jong-un", "Kim Jong-un", None),
        (1014, "Kim", "Kim Jong-un", 466),
        (1739, "Kim", "Kim Jong-un", 466),  # "the Kim regime"
        (3644, "Soo Kim", "Soo Kim", None),
        (3775, "Kim", "Soo Kim", 3644),  # "Kim continued": the most recent Kim
        (3875, "Kim", "Kim Jong-un", 466),  # "[North Korean leader] Kim": the title decides
        (4919, "Kim Jong-un", "Kim Jong-un", 466),
        (
            4087,
            "White House National Security Council",
            "White House National Security Council",
            None,
        ),
        (4126, "NSC", "White House National Security Council", 4087),
        (4155, "John Kirby", "John Kirby", None),
        (4382, "Kirby", "John Kirby", 4155),
        (4229, "Wagner Group", "Wagner Group", None),
        (4345, "Wagner", "Wagner Group", 4229),
        (5103, "the Korean Central News Agency", "Korean Central News Agency", None),
        (5135, "KCNA", "Korean Central News Agency", 5103),
        (4416, "North Korea", "North Korea", 133),  # "North Korea’s actions"
        (3966, "U.S.", "United States", 2780),
    ],
)
def test_sample_article(
    sample_doc: Doc, start: int, text: str, canonical: str, same_as: int | None
) -> None:
    entity = _at(sample_doc, start, text)
    assert entity["canonical"] == canonical
    if same_as is not None:
        assert (
            entity["entity_id"]
            == _at(
                sample_doc,
                same_as,
                sample_doc.text[
                    same_as : next(
                        e["end"] for e in sample_doc._.newsclaims_entities if e["start"] == same_as
                    )
                ],
            )["entity_id"]
        )


@pytest.mark.model
def test_sample_keeps_nationality_and_persons_apart(sample_doc: Doc) -> None:
    by_start = {e["start"]: e for e in sample_doc._.newsclaims_entities}
    assert by_start[1420]["entity_id"] != by_start[133]["entity_id"]  # North Korean / North Korea
    assert by_start[3644]["entity_id"] != by_start[466]["entity_id"]  # Soo Kim / Kim Jong-un
    assert by_start[4816]["entity_id"] != by_start[466]["entity_id"]  # Kwon Jong Gun


@pytest.mark.model
def test_sample_span_group(sample_doc: Doc) -> None:
    group = sample_doc.spans["newsclaims_entities"]
    entities = sample_doc._.newsclaims_entities
    assert len(group) == len(entities)
    for span, entity in zip(group, entities, strict=True):
        assert (span.start_char, span.end_char) == (entity["start"], entity["end"])
        assert span.label_ == entity["label"] and span.kb_id_ == entity["entity_id"]


@pytest.mark.model
def test_sample_record_is_valid(nlp) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    record = process_text(text, date=SAMPLE_DATE, nlp=nlp)
    assert_valid_record(record)
    entities = record["entities"]
    assert all(text[e["start"] : e["end"]] == e["text"] for e in entities)
    ids = [e["entity_id"] for e in entities]
    first_seen = list(dict.fromkeys(ids))
    assert first_seen == [f"e{i}" for i in range(1, len(first_seen) + 1)]
    labels = {e["label"] for e in entities}
    assert not labels & {"DATE", "CARDINAL", "QUANTITY", "ORDINAL", "MONEY", "PERCENT", "TIME"}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n ",
        "(((",
        "“Unbalanced quote said Kim (",
        "A (B) C (DE) (FG (H.I.) ) ( ) ’s ’s",
        "The U.S.’s",
        "x" * 50,
    ],
)
def test_messy_text_never_raises(nlp, text: str) -> None:
    record = process_text(text, nlp=nlp)
    assert_valid_record(record)


def test_entity_at_on_a_doc_without_entities() -> None:
    doc = _BLANK("Nothing here.")
    assert entity_at(doc, 0, 7) is None


def test_stage_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsclaims_entities")
    doc = nlp("Radio Free Asia (RFA) said.")
    assert doc.spans["newsclaims_entities"] is not None
    assert [doc.text[e["start"] : e["end"]] for e in doc._.newsclaims_entities] == [
        "Radio Free Asia",
        "RFA",
    ]


def test_stage_failure_becomes_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.components.entities as entities

    def broken(doc: Doc, **_: object) -> list:
        raise RuntimeError("boom")

    nlp = spacy.blank("en")
    nlp.add_pipe("newsclaims_entities")
    monkeypatch.setattr(entities, "find_entities", broken)
    doc = nlp("Radio Free Asia (RFA) said.")
    assert doc._.newsclaims_entities == []
    assert [w["code"] for w in doc._.newsclaims_warnings] == ["W010"]


def test_headline_lines() -> None:
    text = (
        "Trump Rampages Through Iowa\nTrump said he would win. Voters agreed.\n"
        "Related — White House: “We’ve Chosen” to Keep Oil"
    )
    lines = headline_lines(text)
    assert [text[start:end] for start, end in lines] == [
        "Trump Rampages Through Iowa",
        "Related — White House: “We’ve Chosen” to Keep Oil",
    ]


def test_hand_doc_helper() -> None:
    doc = hand_doc("Radio Free Asia said.", [("Radio Free Asia", "ORG")])
    assert [(span.text, span.label_) for span in doc.ents] == [("Radio Free Asia", "ORG")]
    assert isinstance(doc.ents[0], Span)


@pytest.mark.model
@pytest.mark.parametrize(
    "phrase,head,expected",
    [
        ("former CIA analyst Soo Kim", True, "Soo Kim"),
        ("former CIA analyst Soo Kim", False, "Soo Kim"),
        ("South Korea’s JoongAng Daily", True, "JoongAng Daily"),
        ("North Korean officials", True, None),  # the nationality only modifies
        ("North Korean officials", False, "North Korean"),
        (
            "the government propaganda outlet the Korean Central News Agency (KCNA)",
            True,
            "Korean Central News Agency",
        ),  # an apposition to the head
        (
            "Kwon Jong Gun, director general of the North Korean Department of U.S. Affairs",
            True,
            "Kwon Jong Gun",
        ),
        (
            "White House National Security Council (NSC) communications director John Kirby",
            True,
            "John Kirby",
        ),
        ("Kirby", True, "John Kirby"),
    ],
)
def test_entity_at_speakers_in_sample(
    sample_doc: Doc, phrase: str, head: bool, expected: str | None
) -> None:
    start = sample_doc.text.index(phrase)
    entity = entity_at(sample_doc, start, start + len(phrase), head=head)
    assert (entity and entity["canonical"]) == expected


def test_stage_output_survives_docbin() -> None:
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    nlp.add_pipe("newsclaims_entities")
    doc = nlp("Radio Free Asia (RFA) said. RFA added.")
    docbin = DocBin(store_user_data=True, docs=[doc])
    [restored] = DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab)
    # msgpack gives the list back as a tuple
    assert list(restored._.newsclaims_entities) == doc._.newsclaims_entities
    assert [(s.text, s.kb_id_) for s in restored.spans["newsclaims_entities"]] == [
        ("Radio Free Asia", "e1"),
        ("RFA", "e1"),
        ("RFA", "e1"),
    ]
