"""Golden test: the sample article's whole record, compared field by field with tests/golden/.

The expected file is regenerated only deliberately, with `make golden`, and the
commit that changes it says why. Run-specific fields (the pipeline version)
are not compared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.io.readers import read_articles
from pipeline.process import process_articles

from .contract import assert_valid_record

pytestmark = pytest.mark.model

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden"
CASES = [
    (
        ROOT / "corpora" / "sample" / "000_0310359b324a0dcd.txt",
        GOLDEN / "000_0310359b324a0dcd.expected.json",
    ),
]
LISTS = ("entities", "quantities", "dates", "claims", "warnings")


def produce(nlp, source: Path) -> dict:
    [record] = process_articles(read_articles([source]), nlp=nlp)
    record["source"]["path"] = source.relative_to(ROOT).as_posix()
    return record


@pytest.mark.parametrize(("source", "expected_path"), CASES, ids=lambda p: Path(p).name)
def test_golden_record(nlp, source: Path, expected_path: Path) -> None:
    record = produce(nlp, source)
    assert_valid_record(record)
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert_valid_record(expected)
    for key in ("schema", "id", "meta", "text"):
        assert record[key] == expected[key], key
    assert record["source"]["sha256"] == expected["source"]["sha256"]
    for key in LISTS:
        got, want = record[key], expected[key]
        for i, (g, w) in enumerate(zip(got, want, strict=False)):
            assert g == w, f"{key}[{i}] differs:\n got  {g}\n want {w}"
        assert len(got) == len(want), f"{key}: {len(got)} items, expected {len(want)}"


def main() -> None:  # `make golden`: rewrite the expected files from the current pipeline
    from pipeline.nlp import load_cached

    nlp = load_cached()
    for source, expected_path in CASES:
        record = produce(nlp, source)
        expected_path.write_text(
            json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {expected_path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
