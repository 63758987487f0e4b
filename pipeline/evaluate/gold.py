"""Which gold a path is (by content), and our own records as gold.

Gold here is a JSONL file of records in our format (``newsclaims.article/1``),
typically written by ``newsclaims import-labelstudio`` from corrected Label
Studio tasks (such records carry a ``gold`` field), or any records file that
was checked by hand. ``is_gold_records(path)`` tells such a file by its
content (its first record names our schema), so ``newsclaims evaluate`` takes
it beside the benchmarks' formats.

Each stage's module scores our records (``evaluate_records`` in ``claims``,
``quantities`` and ``dates``) with the benchmarks' own metrics:

- **claims**: PolNeAR's (``claims.score_documents``): content P/R/F1 at
  alphanumeric Jaccard >= 0.5, "+source", exact content, source and cue,
  quote-marked recall. Our gold marks the cue as the contract does (the bare
  verb), so predictions are scored on their ``cue`` and ``exact_cue_phrase``
  equals ``exact_cue``. Also, over the content+source matches: the share whose
  stance, kind and canonical speaker agree;
- **quantities**: NewsQuant's (``quantities.score``), one article standing for
  one sentence: value, value+unit, value+change; plus ``extent`` P/R/F1 (1:1
  overlap of the spans, as relaxed timex matching). A gold quantity with no
  value (a region added in Label Studio) matches nothing by value;
- **dates**: TempEval-3's (``dates.compare``/``score_counts``): strict and
  relaxed extent, value and type. A gold date without value or type counts as
  a wrong value or type.

Gold articles are matched to predictions by record ``id``; with no
predictions file, the pipeline runs on the gold texts (with their dates).
``gold_format`` tells every gold we read apart, for the CLI to check a path
before loading a model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..about import SCHEMA
from ..article import Article
from ..io.records import iter_records

SCHEMA_PREFIX = SCHEMA.split("/")[0] + "/"


def _first_json(path: Path) -> Any:
    """The JSON value on the first non-empty line of ``path``; ``None`` when there is none."""
    try:
        with open(path, encoding="utf-8") as file:
            first = next((line for line in file if line.strip()), "")
        return json.loads(first) if first else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None


def is_gold_records(path: str | Path) -> bool:
    """Whether ``path`` is a JSONL file whose first record is one of ours (by content)."""
    path = Path(path)
    if not path.is_file():
        return False
    first = _first_json(path)
    return (
        isinstance(first, dict)
        and str(first.get("schema", "")).startswith(SCHEMA_PREFIX)
        and "text" in first
        and "id" in first
    )


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold records of ``path``, in file order."""
    return list(iter_records(path))


def gold_articles(gold: list[dict[str, Any]]) -> list[Article]:
    """The articles of gold records (text and publication date), for the pipeline to run on."""
    return [
        Article(id=r["id"], text=r["text"], date=(r.get("meta") or {}).get("date")) for r in gold
    ]


def is_polnear(path: Path) -> bool:
    """Whether ``path`` is a PolNeAR folder (``text/`` and ``attributions/``)."""
    return path.is_dir() and (path / "text").is_dir() and (path / "attributions").is_dir()


def is_seed(path: Path) -> bool:
    """Whether the first line of ``path`` is a seed reference item (``text`` + ``attributions``)."""
    item = _first_json(path)
    return isinstance(item, dict) and "text" in item and "attributions" in item


def is_newsquant(path: Path) -> bool:
    """Whether ``path`` is a NewsQuant JSON file (a list of sentences with quantities)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(data, list) and all(
        isinstance(item, dict) and "text" in item and "quantities" in item for item in data
    )


def is_timeml(path: Path) -> bool:
    """Whether ``path`` is a TimeML folder or ``.tml`` file (by name)."""
    return path.is_dir() or path.suffix == ".tml"


GOLD_FORMATS = {
    "claims": "a PolNeAR folder (text/ + attributions/), a seed reference (.jsonl)",
    "quantities": "a NewsQuant JSON file",
    "dates": "a TimeML folder or .tml file",
}


def gold_format(stage: str, path: str | Path) -> str | None:
    """Which gold ``path`` is for ``stage`` (by content), or ``None`` when it is none we read."""
    path = Path(path)
    if is_gold_records(path):
        return "records"
    if stage == "claims":
        if is_polnear(path):
            return "polnear"
        return "seed" if path.is_file() and is_seed(path) else None
    if stage == "quantities":
        return "newsquant" if is_newsquant(path) else None
    if stage == "dates":
        return "timeml" if is_timeml(path) else None
    return None


def unknown_gold_message(stage: str, path: str | Path) -> str:
    return (
        f"{path} is not gold for {stage}: expected {GOLD_FORMATS[stage]}, or a JSONL of our "
        "records (as `newsclaims import-labelstudio` writes)"
    )
