"""The shared lexicon reader: entries, comments, and errors that name the file and line."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

import pytest

from pipeline.lexicons import (
    ResourceError,
    resource_lines,
    resource_path,
    resource_rows,
    resource_text,
)

SAMPLE = Path(__file__).resolve().parents[1] / "corpora" / "sample" / "000_0310359b324a0dcd.txt"

# In a fresh interpreter, outside the source tree: record each lexicon the one
# reader is asked for while the whole pipeline is built and runs on the sample
# article, and the file the package's resources gave for it.
SPY = r"""
import json, sys
import pipeline.lexicons as lexicons

read = {}
shipped_text = lexicons.resource_text

def spy(name):
    text = shipped_text(name)
    read[lexicons.resource_path(name)] = text
    return text

lexicons.resource_text = spy
from pipeline.nlp import load

nlp = load()
doc = nlp.make_doc(open(sys.argv[1], encoding="utf-8").read())
doc._.pub_date = "2023-06-13"
nlp(doc)
print(json.dumps(read))
"""


@pytest.fixture(scope="module")
def lexicons_read() -> dict[str, str]:
    """``{path in the package: text}`` of every lexicon the stages read through the reader."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [sys.executable, "-c", SPY, str(SAMPLE)], cwd=folder, capture_output=True,
            text=True, timeout=300,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def package_text(name: str) -> str:
    """The lexicon as the installed ``pipeline`` package holds it."""
    return files("pipeline").joinpath(*resource_path(name).split("/")).read_text(encoding="utf-8")


def test_lines_skip_blanks_and_comments_and_keep_numbers() -> None:
    text = "# header\n\nsaid\n  # indented comment\naccording to\n"
    assert list(resource_lines("x.txt", text=text)) == [(3, "said"), (5, "according to")]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("barrels\tbarrel\n", 1),  # too few fields
        ("# ok\nbarrel\tbarrel\t=\nlitre\t\t=\n", 3),  # an empty field
        ("a\tb\tc\n" * 2 + "a\tb\tc\td\te\n", 3),  # too many
    ],
)
def test_a_malformed_row_names_the_file_and_line(text: str, line: int) -> None:
    with pytest.raises(ResourceError, match=rf"pipeline/resources/units.tsv line {line}:"):
        resource_rows("units.tsv", (3, 4), text=text)


def test_rows_are_stripped_fields() -> None:
    assert resource_rows("t.tsv", (2, 3), text="a \t b\nc\td\te\n") == [
        (1, ["a", "b"]),
        (2, ["c", "d", "e"]),
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "name",
    [
        "components/claims/data/cue_verbs.txt",
        "components/dates/data/lexicon.tsv",
        "components/entities/data/titles.txt",
        "components/quantities/data/units.tsv",
    ],
)
def test_every_stage_reads_its_lexicons_from_the_installed_package(
    name: str, lexicons_read: dict[str, str]
) -> None:
    assert resource_path(name) in lexicons_read, (
        f"no stage read {name} through pipeline.lexicons; read: {sorted(lexicons_read)}"
    )
    assert lexicons_read[resource_path(name)] == package_text(name)
    assert list(resource_lines(name, text=resource_text(name)))


def test_a_lexicon_named_by_its_path_in_the_package_is_read_and_named_in_errors() -> None:
    assert resource_text("resources/record.schema.json") == resource_text("record.schema.json")
    with pytest.raises(ResourceError, match=r"pipeline/components/x/data/u.tsv line 1:"):
        resource_rows("components/x/data/u.tsv", (2, 2), text="a\n")


def test_saved_lexicons_read_back_as_shipped(tmp_path) -> None:
    from pipeline.lexicons import load_saved, save_resources

    names = ["components/dates/data/lexicon.tsv", "components/entities/data/titles.txt"]
    save_resources(names, tmp_path / "stage")
    assert sorted(p.name for p in (tmp_path / "stage").iterdir()) == [
        "lexicon.tsv",
        "titles.txt",
    ]
    (tmp_path / "stage" / "titles.txt").write_text("edited\n", encoding="utf-8")
    texts = load_saved(names, tmp_path / "stage")
    assert texts["components/dates/data/lexicon.tsv"] == resource_text(
        "components/dates/data/lexicon.tsv"
    )
    assert texts["components/entities/data/titles.txt"] == "edited\n"


def test_stage_data_saves_the_texts_it_holds_and_reads_them_back(tmp_path) -> None:
    from pipeline.lexicons import StageData

    names = ["components/dates/data/lexicon.tsv", "components/entities/data/titles.txt"]
    data = StageData(names)
    assert data.texts[names[1]] == resource_text(names[1])
    data.texts[names[1]] = "emir\n"
    data.to_disk(tmp_path / "stage")
    again = StageData.from_disk(names, tmp_path / "stage")
    assert again.texts == data.texts
    assert sorted(p.name for p in (tmp_path / "stage").iterdir()) == ["lexicon.tsv", "titles.txt"]


def test_alternation_is_longest_first_with_spaces_made_flexible() -> None:
    import re

    from pipeline.lexicons import alternation

    pattern = alternation(["per cent", "per", "cent", "per"], space=r"[ \u00a0]?")
    assert pattern == r"per[ \u00a0]?cent|cent|per"
    assert re.fullmatch(alternation(["a.m."]), "a.m.") and not re.fullmatch(
        alternation(["a.m."]), "axmx"
    )
