"""``article_record``, the one record builder, on annotations written by hand.

The offsets below were counted by hand and every expected span text is written
out, so these tests check the offsets against the text and do not compare a
slice with itself.
"""

from __future__ import annotations

import copy
import random

from pipeline.about import SCHEMA, __version__
from pipeline.article import Article
from pipeline.errors import Errors
from pipeline.schema import article_record

from .contract import assert_valid_record

TEXT = (
    "\u201cOil exports rose 5% in March,\u201d Kim Soo told reporters in Seoul. "
    "\U0001f6e2 Prices fell, officials said."
)
STAGE_WARNING = {"code": "W003", "message": "Unbalanced quote marks: 1 opening and 0 closing."}


def annotations() -> dict[str, list]:
    """What the four stages would put on the Doc of ``TEXT``, not in offset order."""
    return {
        "entities": [
            {"start": 58, "end": 63, "label": "GPE", "entity_id": "e2", "canonical": "Seoul"},
            {"start": 32, "end": 39, "label": "PERSON", "entity_id": "e1", "canonical": "Kim Soo"},
        ],
        "quantities": [
            {
                "start": 18,
                "end": 20,
                "value": 5.0,
                "low": None,
                "high": None,
                "change": "up",
                "unit": "percent",
                "unit_text": "%",
                "per": None,
                "object": {"start": 5, "end": 12},
                "approximate": False,
            },
        ],  # fmt: skip
        "dates": [{"start": 24, "end": 29, "type": "DATE", "value": "2023-03", "mod": None}],
        "claims": [
            {
                "kind": "indirect",
                "stance": None,
                "source": {"start": 80, "end": 89, "entity_id": None, "type": "government"},
                "cue": {"start": 90, "end": 94},
                "content": {"start": 67, "end": 78},
                "addressee": None,
            },
            {
                "kind": "direct",
                "stance": "assert",
                "source": {
                    "start": 32,
                    "end": 39,
                    "entity_id": "e1",
                    "canonical": "Kim Soo",
                    "type": "person",
                },
                "cue": {"start": 40, "end": 44},
                "content": {"start": 0, "end": 31, "spans": [[0, 31]]},
                "addressee": {"start": 45, "end": 54},
                "confidence": 0.9,
            },
        ],  # fmt: skip
        "warnings": [STAGE_WARNING],
    }


def article(**fields) -> Article:
    return Article(id="a1", text=TEXT, date="2023-06-13", title="Oil", **fields)


def test_span_texts_are_the_words_at_the_offsets() -> None:
    record = article_record(article(), annotations(), model="m")
    assert_valid_record(record)
    assert [e["text"] for e in record["entities"]] == ["Kim Soo", "Seoul"]
    [quantity] = record["quantities"]
    assert (quantity["text"], quantity["object"]["text"]) == ("5%", "exports")
    assert [d["text"] for d in record["dates"]] == ["March"]
    first, second = record["claims"]
    assert first["content"]["text"] == "\u201cOil exports rose 5% in March,\u201d"
    assert (first["source"]["text"], first["cue"]["text"]) == ("Kim Soo", "told")
    assert first["addressee"]["text"] == "reporters"
    # After a character outside the Basic Multilingual Plane: offsets count code points.
    assert second["content"]["text"] == "Prices fell"
    assert (second["source"]["text"], second["cue"]["text"]) == ("officials", "said")


def test_items_are_sorted_and_claims_numbered_and_linked() -> None:
    record = article_record(article(), annotations(), model="m")
    assert [e["start"] for e in record["entities"]] == [32, 58]
    first, second = record["claims"]
    assert (first["id"], second["id"]) == ("c1", "c2")
    assert first["content"]["spans"] == [[0, 31]]
    assert second["content"]["spans"] == [[67, 78]]  # a content without parts is one part
    assert first["mentions"] == {"entities": [], "quantities": [0], "dates": [0]}
    assert second["mentions"] == {"entities": [], "quantities": [], "dates": []}
    # Defaults of the contract, and fields a stage adds, kept as they are.
    assert second["stance"] == "assert"
    assert second["source"]["canonical"] == "officials"
    assert first["confidence"] == 0.9
    assert record["quantities"][0]["approximate"] is False


def test_the_record_has_the_contract_fields_in_order() -> None:
    record = article_record(article(path="in/a1.txt", line=None), annotations(), model="m")
    assert list(record) == [
        "schema", "id", "source", "meta", "text", "entities", "quantities", "dates", "claims",
        "warnings", "pipeline",
    ]  # fmt: skip
    assert record["schema"] == SCHEMA and record["id"] == "a1"
    assert record["source"] == {"path": "in/a1.txt", "line": None, "sha256": None}
    assert record["meta"] == {"title": "Oil", "date": "2023-06-13", "url": None, "publisher": None}
    assert record["pipeline"] == {"version": __version__, "model": "m", "settings": {}}
    made = article_record(article(), annotations(), model="m", settings={"dates_domain": "news"})
    assert made["pipeline"]["settings"] == {"dates_domain": "news"}


def test_warnings_come_from_reading_then_the_run_then_the_stages() -> None:
    read = {"code": "W007", "message": "The publication date 'soon' is not an ISO date."}
    undated = Article(id="a1", text=TEXT, date=None, warnings=[read])
    stages = annotations()
    stages["warnings"] = [STAGE_WARNING, dict(read)]
    record = article_record(undated, stages, model="m", pieces=3)
    assert [w["code"] for w in record["warnings"]] == ["W007", "W002", "W005", "W003"]
    assert "3 pieces" in record["warnings"][2]["message"]


def test_an_empty_text_has_w004_and_no_w002() -> None:
    record = article_record(Article(id="e", text=" \n", date=None), None, model="m")
    assert [w["code"] for w in record["warnings"]] == ["W004"]
    assert record["entities"] == record["claims"] == []


def test_the_article_is_not_changed() -> None:
    undated = Article(id="a1", text=TEXT, date=None)
    before = copy.deepcopy(undated)
    stages = annotations()
    article_record(undated, stages, model="m", pieces=2)
    second = article_record(undated, stages, model="m", pieces=2)
    assert undated == before and stages == annotations()
    assert [w["code"] for w in second["warnings"]] == ["W002", "W005", "W003"]


def test_an_article_that_could_not_be_read_has_its_error_and_nothing_else() -> None:
    error = Errors.E005.as_dict(path="x.bin")
    broken = Article(id="x", text="", path="x.bin", error=error)
    record = article_record(broken, annotations(), model="m")
    assert_valid_record(record)
    assert record["error"] == error
    assert list(record)[-2:] == ["error", "pipeline"]
    for key in ("entities", "quantities", "dates", "claims", "warnings"):
        assert record[key] == [], key


def test_claim_mentions_are_what_a_scan_of_every_item_found() -> None:
    """Long documents (issue 12): the items inside a claim's content are found by a
    binary search over their starts, not by a scan of them all per claim."""
    rng = random.Random(0)
    text = "x" * 3000
    annotations: dict = {
        "entities": [],
        "quantities": [],
        "dates": [],
        "claims": [],
        "warnings": [],
    }
    for key in ("entities", "quantities", "dates"):
        for _ in range(150):
            start = rng.randrange(0, 2990)
            item = {"start": start, "end": start + rng.choice([1, 3, 8])}
            if key == "entities":
                item.update(label="ORG", entity_id=f"e{rng.randrange(1, 40)}", canonical="x")
            annotations[key].append(item)
    for _ in range(120):
        start = rng.randrange(0, 2900)
        end = start + rng.randrange(1, 90)
        content = {"start": start, "end": end}
        if rng.random() < 0.4:
            later = min(end + rng.randrange(0, 40), 2990)
            content = {
                "start": start,
                "end": later + 5,
                "spans": [[start, end], [later, later + 5]],
            }
        annotations["claims"].append(
            {"kind": "direct", "stance": "assert", "source": None, "cue": None, "content": content}
        )
    record = article_record(Article(id="a", text=text), annotations, model="m")

    def inside(item: dict, parts: list) -> bool:
        return any(start <= item["start"] and item["end"] <= end for start, end in parts)

    linked = 0
    for claim in record["claims"]:
        parts = claim["content"]["spans"]
        ids = {e["entity_id"] for e in record["entities"] if inside(e, parts)}
        assert claim["mentions"] == {
            "entities": sorted(ids, key=lambda i: int(i[1:])),
            "quantities": [i for i, q in enumerate(record["quantities"]) if inside(q, parts)],
            "dates": [i for i, d in enumerate(record["dates"]) if inside(d, parts)],
        }
        linked += bool(ids)
    assert linked > 20


def test_a_quotation_cut_off_its_claim_names_the_claim_it_continues() -> None:
    """ "“A,” Kim continued. “B.”": B is a claim of its own, linked to A by ``continues``."""
    text = "\u201cIt is a deal,\u201d Kim continued. \u201cThey will sign.\u201d Lee said no."
    cue = {"start": 20, "end": 29}
    source = {"start": 16, "end": 19, "entity_id": None, "type": "person"}

    def claim(start: int, end: int, **extra) -> dict:
        content = {"start": start, "end": end}
        return {"kind": "direct", "source": source, "cue": cue, "content": content, **extra}

    lee = {
        "kind": "indirect",
        "source": {"start": 49, "end": 52, "entity_id": None, "type": "person"},
        "cue": {"start": 53, "end": 57},
        "content": {"start": 58, "end": 60},
    }
    claims = [lee, claim(31, 48, continuation=True), claim(0, 15)]
    record = article_record(Article(id="a2", text=text), {"claims": claims}, model="m")
    assert_valid_record(record)
    first, second, third = record["claims"]
    assert [c["content"]["text"] for c in record["claims"]] == [
        "\u201cIt is a deal,\u201d",
        "\u201cThey will sign.\u201d",
        "no",
    ]
    assert (first["continues"], second["continues"], third["continues"]) == (None, "c1", None)
    assert all("continuation" not in c for c in record["claims"])
