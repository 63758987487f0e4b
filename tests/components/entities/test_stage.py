"""The component: factory, span group, warnings, serialisation; the sample article end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.components.entities import EntitiesStage
from pipeline.components.entities.lexicon import DATA_FILES, TITLES
from pipeline.lexicons import resource_text
from pipeline.process import process_text
from tests.contract import assert_valid_record

from .docs import SAMPLE, SAMPLE_DATE


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
def test_sample_record_is_valid(nlp, sample_doc: Doc) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    record = process_text(text, date=SAMPLE_DATE, nlp=nlp)
    assert_valid_record(record)
    entities = record["entities"]
    # The record carries the stage's mentions, in text order.
    fields = ("start", "end", "label", "entity_id", "canonical")
    assert [tuple(e[k] for k in fields) for e in entities] == sorted(
        tuple(e[k] for k in fields) for e in sample_doc._.newsclaims_entities
    )
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


def test_factory_config_and_declared_annotations() -> None:
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("newsclaims_entities", config={"spans_key": "names"})
    assert isinstance(stage, EntitiesStage)
    doc = nlp("Radio Free Asia (RFA) said.")
    assert [span.text for span in doc.spans["names"]] == ["Radio Free Asia", "RFA"]
    meta = nlp.get_pipe_meta("newsclaims_entities")
    assert meta.default_config == {"spans_key": "newsclaims_entities"}
    assert meta.requires == ["doc.ents"]
    assert "doc._.newsclaims_entities" in meta.assigns


def _last_kim(nlp: spacy.Language) -> str:
    """The canonical name of the last, titled "Kim" (entities set by hand)."""
    text = "The emir Kim Jong-un met analyst Soo Kim. Kim said no. The emir Kim smiled."
    doc = nlp.make_doc(text)
    spans, position = [], 0
    for name in ("Kim Jong-un", "Soo Kim", "Kim", "Kim"):
        start = text.index(name, position)
        spans.append(doc.char_span(start, start + len(name), label="PERSON"))
        position = start + len(name)
    doc.ents = spans
    return nlp(doc)._.newsclaims_entities[-1]["canonical"]


def test_a_saved_pipeline_reads_its_saved_lexicons(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsclaims_entities")
    # "emir" is no title in the shipped list: the bare "Kim" joins the most recent Kim.
    assert _last_kim(nlp) == "Soo Kim"
    nlp.to_disk(tmp_path / "saved")
    folder = tmp_path / "saved" / "newsclaims_entities"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        Path(name).name for name in DATA_FILES
    )
    assert (folder / "titles.txt").read_text(encoding="utf-8") == resource_text(TITLES)
    titles = folder / "titles.txt"
    titles.write_text(titles.read_text(encoding="utf-8") + "emir\n", encoding="utf-8")

    loaded = spacy.load(tmp_path / "saved")
    # Now "emir" is a title: the Kim introduced as "emir Kim Jong-un" is picked.
    assert _last_kim(loaded) == "Kim Jong-un"
    assert _last_kim(nlp) == "Soo Kim"  # the shipped lexicons are untouched

    # Saving the loaded pipeline keeps the edited list.
    loaded.to_disk(tmp_path / "again")
    assert _last_kim(spacy.load(tmp_path / "again")) == "Kim Jong-un"
