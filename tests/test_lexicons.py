"""The shared lexicon reader: entries, comments, and errors that name the file and line."""

from __future__ import annotations

import pytest

from pipeline.lexicons import ResourceError, resource_lines, resource_rows, resource_text


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


@pytest.mark.parametrize(
    "name",
    [
        "claims_cue_verbs.txt",
        "components/dates/data/lexicon.tsv",
        "entities_titles.txt",
        "quantities_units.tsv",
    ],
)
def test_every_stage_reads_its_lexicons_from_the_installed_package(name: str) -> None:
    assert list(resource_lines(name, text=resource_text(name)))


def test_a_lexicon_named_by_its_path_in_the_package_is_read_and_named_in_errors() -> None:
    assert resource_text("resources/record.schema.json") == resource_text("record.schema.json")
    with pytest.raises(ResourceError, match=r"pipeline/components/x/data/u.tsv line 1:"):
        resource_rows("components/x/data/u.tsv", (2, 2), text="a\n")


def test_saved_lexicons_read_back_as_shipped(tmp_path) -> None:
    from pipeline.lexicons import load_saved, save_resources

    names = ["components/dates/data/lexicon.tsv", "resources/entities_titles.txt"]
    save_resources(names, tmp_path / "stage")
    assert sorted(p.name for p in (tmp_path / "stage").iterdir()) == [
        "entities_titles.txt",
        "lexicon.tsv",
    ]
    (tmp_path / "stage" / "entities_titles.txt").write_text("edited\n", encoding="utf-8")
    texts = load_saved(names, tmp_path / "stage")
    assert texts["components/dates/data/lexicon.tsv"] == resource_text(
        "components/dates/data/lexicon.tsv"
    )
    assert texts["resources/entities_titles.txt"] == "edited\n"
