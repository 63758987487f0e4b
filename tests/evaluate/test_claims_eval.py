"""Claims evaluation: the brat reader and the PolNeAR / seed scorers, on hand-made data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate.brat import parse_ann, parse_spans, read_polnear
from pipeline.evaluate.claims import (
    alnum_positions,
    evaluate,
    format_report,
    greedy_match,
    jaccard,
    record_items,
    score_documents,
    score_seed,
    trim,
)

TEXT = 'Smith said the plan would fail. "It is over," Jones said, "and we know it." Taxes rose.'
#       0         1         2         3         4         5         6         7         8
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567

ANN = (
    "T1\tSource 0 5\tSmith\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 30\tthe plan would fail\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 46 51\tJones\n"
    "T6\tCue 52 56\tsaid\n"
    'T7\tContent 32 45;58 75\t"It is over," "and we know it."\n'
    "T8\tAttribution 52 56\tsaid\n"
    "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7\n"
    "T9\tDiscuss 76 81\tTaxes\n"
    "A1\tSomething T9\n"
)


def test_parse_spans() -> None:
    assert parse_spans("115 150;160 290") == [(115, 150), (160, 290)]


def test_parse_ann() -> None:
    items = parse_ann(ANN)
    assert len(items) == 2
    assert items[0] == {"source": [(0, 5)], "cue": [(6, 10)], "content": [(11, 30)]}
    assert items[1]["content"] == [(32, 45), (58, 75)]
    assert TEXT[46:51] == "Jones"


def test_parse_ann_no_source_and_extra_content() -> None:
    ann = (
        "T1\tCue 6 10\tsaid\nT2\tContent 11 20\tx\nT3\tContent 21 30\ty\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution-no-source:T4 Cue:T1 Content:T2 Content2:T3\n"
    )
    [item] = parse_ann(ann)
    assert item == {"source": [], "cue": [(6, 10)], "content": [(11, 20), (21, 30)]}


def test_read_polnear_first_annotator_and_dates(tmp_path: Path) -> None:
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "art1.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "art1_b2c3.ann").write_text("", encoding="utf-8")
    (split / "attributions" / "art1_a1b2.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ndev\tart1\t2016-09-12\n", encoding="utf-8"
    )
    [doc] = read_polnear(split)
    assert (doc.id, doc.date, len(doc.attributions)) == ("art1", "2016-09-12", 2)


def test_alnum_jaccard() -> None:
    a = alnum_positions(TEXT, [(0, 10)])  # "Smith said" -> 9 alnum chars
    b = alnum_positions(TEXT, [(6, 10)])  # "said"
    assert len(a) == 9 and jaccard(a, b) == pytest.approx(4 / 9)
    assert jaccard(frozenset(), frozenset()) == 0.0


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([(31, 45)], ((33, 43),)),  # ' "It is over,"' -> It is over
        ([(32, 45), (58, 75)], ((33, 45), (58, 73))),  # ends trimmed, inner edges kept
        ([(30, 31)], ()),  # only punctuation
    ],
)
def test_trim(spans: list, expected: tuple) -> None:
    assert trim(TEXT, spans) == expected


def test_greedy_match_is_one_to_one_best_first() -> None:
    gold = [{"v": 1}, {"v": 2}]
    pred = [{"v": 2}, {"v": 1}, {"v": 1}]
    pairs = greedy_match(gold, pred, lambda g, p: 1.0 if g["v"] == p["v"] else None)
    assert sorted(pairs) == [(0, 1), (1, 0)]


def test_score_documents_counts() -> None:
    gold = parse_ann(ANN)
    pred = [
        # content right, source wrong
        {"content": [(11, 30)], "source": [(76, 81)], "cue": [(6, 10)]},
        # split quote as two claims: one matches (Jaccard >= 0.5), the other is a false positive
        {"content": [(58, 75)], "source": [(46, 51)], "cue": [(52, 56)]},
        {"content": [(32, 45)], "source": [(46, 51)], "cue": [(52, 56)]},
    ]
    m = score_documents([(TEXT, gold, pred)])
    assert (m["content"]["gold"], m["content"]["predicted"], m["content"]["matched"]) == (2, 3, 2)
    assert m["content+source"]["matched"] == 1
    assert m["exact_content"]["matched"] == 1
    assert (m["exact_source"]["gold"], m["exact_source"]["matched"]) == (2, 1)
    assert m["exact_cue"]["matched"] == 2
    assert m["quote_marked"]["gold"] == 1
    assert (m["quote_marked"]["matched"], m["quote_marked"]["matched_with_source"]) == (1, 1)
    assert "content" in format_report({**m, "articles": 1})


def test_score_documents_both_sources_absent_counts() -> None:
    gold = [{"content": [(11, 30)], "source": [], "cue": [(6, 10)]}]
    pred = [{"content": [(11, 30)], "source": [], "cue": []}]
    m = score_documents([(TEXT, gold, pred)])
    assert m["content+source"]["matched"] == 1


def test_score_seed_core_optional_and_checks() -> None:
    reference = [
        {
            "id": "s1",
            "tier": "core",
            "kind": "indirect",
            "stance": "assert",
            "source": [[0, 5]],
            "cue": [[6, 10]],
            "content": [[11, 30]],
            "canonical": "John Smith",
            "canonical_alt": ["Smith"],
        },
        {
            "id": "s2",
            "tier": "core",
            "kind": "direct",
            "stance": "deny",
            "source": [[46, 51]],
            "cue": [[52, 56]],
            "content": [[32, 45]],
            "canonical": "Jones",
        },
        {
            "id": "s3",
            "tier": "optional",
            "kind": "indirect",
            "stance": "assert",
            "source": [],
            "cue": [],
            "content": [[76, 86]],
        },
    ]

    def claim(source, cue, content, canonical, stance="assert", kind="indirect"):
        return {
            "content": [content],
            "source": [source],
            "cue": [cue],
            "claim": {
                "source": {"canonical": canonical},
                "stance": stance,
                "kind": kind,
                "cue": {"start": cue[0], "end": cue[1]},
            },
        }

    pred = [
        claim((0, 5), (6, 10), (11, 30), "smith"),
        claim((46, 51), (52, 56), (58, 75), "Jones", "assert", "direct"),  # wrong part: no match
        claim((0, 5), (6, 10), (76, 86), "x"),  # the optional item: don't care
    ]
    result = score_seed(TEXT, reference, pred)
    assert (result["core"], result["optional"], result["core_matched"]) == (2, 1, 1)
    assert result["canonical_ok"] == 1 and result["stance_ok"] == 1
    assert result["false_positives"] == 1
    assert "core matched" in format_report(result)


def test_evaluate_detects_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a PolNeAR folder"):
        evaluate(tmp_path)


def test_evaluate_polnear_with_predictions_file(tmp_path: Path) -> None:
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "art1.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "art1_a1b2.ann").write_text(ANN, encoding="utf-8")
    record = {
        "id": "art1",
        "text": TEXT,
        "claims": [
            {
                "kind": "indirect",
                "stance": "assert",
                "content": {"start": 11, "end": 30, "spans": [[11, 30]]},
                "source": {"start": 0, "end": 5},
                "cue": {"start": 6, "end": 10},
                "addressee": None,
            },
        ],
    }
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(json.dumps(record) + "\n", encoding="utf-8")
    m = evaluate(split, predictions)
    assert m["benchmark"] == "polnear"
    assert (m["content"]["matched"], m["content"]["predicted"]) == (1, 1)
    assert m["exact_source"]["matched"] == 1
    # one article: it is the even half, and the odd half is empty
    assert m["halves"]["even"]["content"] == m["content"]
    assert m["halves"]["odd"]["content"]["gold"] == 0
    assert "two halves" in format_report(m)


def test_evaluate_seed_with_predictions_file(tmp_path: Path) -> None:
    gold = tmp_path / "seed.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "a",
                "text": TEXT,
                "date": None,
                "attributions": [
                    {
                        "id": "s1",
                        "tier": "core",
                        "kind": "indirect",
                        "stance": "assert",
                        "source": [[0, 5]],
                        "cue": [[6, 10]],
                        "content": [[11, 30]],
                        "canonical": "Smith",
                    }
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(
        json.dumps(
            {
                "id": "a",
                "text": TEXT,
                "claims": [
                    {
                        "kind": "indirect",
                        "stance": "assert",
                        "content": {"start": 11, "end": 30},
                        "source": {"start": 0, "end": 5, "canonical": "Smith"},
                        "cue": {"start": 6, "end": 10},
                    }
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    m = evaluate(gold, predictions)
    assert (m["benchmark"], m["core_matched"], m["canonical_ok"]) == ("seed", 1, 1)


def test_polnear_scores_a_continuation_as_part_of_the_claim_it_continues() -> None:
    """PolNeAR annotates one attribution per cue: Jones's two quotations are one item."""
    jones = {"source": {"start": 46, "end": 51}, "cue": {"start": 52, "end": 56}}
    record = {
        "claims": [
            {"id": "c1", "content": {"start": 32, "end": 45}, "continues": None, **jones},
            {"id": "c2", "content": {"start": 58, "end": 75}, "continues": "c1", **jones},
        ]
    }
    assert [i["content"] for i in record_items(record)] == [[(32, 45)], [(58, 75)]]
    [joined] = record_items(record, one_per_cue=True)
    assert joined["content"] == [(32, 45), (58, 75)]
    assert (joined["source"], joined["cue"]) == ([(46, 51)], [(52, 56)])
    assert [c["id"] for c in joined["claims"]] == ["c1", "c2"]
    # a doc's claims carry ``continuation`` instead: the claim before with the same cue
    doc_claims = [
        {k: v for k, v in c.items() if k not in ("id", "continues")} for c in record["claims"]
    ]
    doc_claims[1]["continuation"] = True
    [from_doc] = record_items({"claims": doc_claims}, one_per_cue=True)
    assert from_doc["content"] == joined["content"]
    gold = [a for a in parse_ann(ANN) if a["cue"] == [(52, 56)]]
    metrics = score_documents([(TEXT, gold, [joined])])
    assert metrics["exact_content"]["matched"] == 1
