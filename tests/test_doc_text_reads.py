"""The claims, dates and quantities stages read ``Doc.text`` once per document.

spaCy rebuilds ``Doc.text`` from every token on each read, so a read per candidate
makes a stage quadratic in the document's length (``make bench``'s length row): a
read per quotation made the claims stage 21 times as costly per word at 128k words as
at 2k, and a name check that read it once per timex the dates stage 60 times."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import pipeline.components as components

#: Package -> the modules that read ``doc.text``, once per document, and pass it on
#: (claims: the DocView every rule reads it from, and the tagger's features, once per
#: doc or piece).
READS_DOC_TEXT = {
    "claims": {"docview.py", "tagger_features.py"},
    "dates": {"find.py"},
    "quantities": {"atoms.py"},
}


def doc_text_readers(folder: Path) -> set[str]:
    """The modules in ``folder`` with an expression ``doc.text`` or ``<x>.doc.text``."""
    readers = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Attribute) and node.attr == "text"):
                continue
            owner = node.value
            name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", None)
            if name == "doc":
                readers.add(path.name)
    return readers


@pytest.mark.parametrize("package", sorted(READS_DOC_TEXT))
def test_only_the_stage_entry_reads_doc_text(package: str) -> None:
    readers = doc_text_readers(Path(components.__file__).parent / package)
    assert readers <= READS_DOC_TEXT[package], sorted(readers - READS_DOC_TEXT[package])


def test_the_reader_finds_doc_text(tmp_path: Path) -> None:
    # The name check as it first was (one read per timex), and a view's document.
    (tmp_path / "names.py").write_text(
        "def part_of_a_name(doc, start, end):\n    text = doc.text\n", encoding="utf-8"
    )
    (tmp_path / "view.py").write_text("def f(view):\n    return view.doc.text\n", encoding="utf-8")
    (tmp_path / "clean.py").write_text("def f(text):\n    return text.upper()\n", encoding="utf-8")
    assert doc_text_readers(tmp_path) == {"names.py", "view.py"}
