"""Reading the lexicons shipped in the package, shared by every stage.

A lexicon is named by its path inside the ``pipeline`` package
("components/quantities/data/units.tsv"); a bare file name is one in
``pipeline/resources/``. It is a UTF-8 text file of one entry a line, fields
separated by tabs; blank lines and lines starting with ``#`` are skipped. Files are read from the
installed package (``importlib.resources``), never from the source tree, and a
malformed line raises ``ResourceError`` naming the file and the line, as
medspacy validates its rule files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from importlib.resources import files
from pathlib import Path


class ResourceError(ValueError):
    """A lexicon line is malformed; the message names the file and line."""

    def __init__(self, name: str, number: int, problem: str) -> None:
        super().__init__(f"pipeline/{resource_path(name)} line {number}: {problem}")


def resource_path(name: str) -> str:
    """The lexicon's path inside the package: ``name`` itself, or ``resources/name``."""
    return name if "/" in name else f"resources/{name}"


def resource_text(name: str) -> str:
    return files("pipeline").joinpath(*resource_path(name).split("/")).read_text(encoding="utf-8")


def resource_lines(name: str, *, text: str | None = None) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` for each entry line of resource ``name`` (or of ``text``)."""
    if text is None:
        text = resource_text(name)
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def resource_rows(
    name: str, columns: tuple[int, int], *, text: str | None = None
) -> list[tuple[int, list[str]]]:
    """``(line number, fields)`` of a tab-separated resource with ``low..high`` non-empty fields."""
    low, high = columns
    rows = []
    for number, line in resource_lines(name, text=text):
        fields = [field.strip() for field in line.split("\t")]
        if not low <= len(fields) <= high or not all(fields):
            raise ResourceError(
                name,
                number,
                f"expected {low} to {high} non-empty tab-separated fields, got {line!r}",
            )
        rows.append((number, fields))
    return rows


def word_list(name: str, *, text: str | None = None) -> frozenset[str]:
    """A one-column lexicon of lower-case words or phrases."""
    words = set()
    for number, line in resource_lines(name, text=text):
        entry = line.strip()
        if "\t" in entry or entry != entry.lower():
            raise ResourceError(name, number, f"expected one lower-case entry, got {line!r}")
        words.add(entry)
    return frozenset(words)


def save_resources(names: Iterable[str], folder: str | Path) -> None:
    """Write each named lexicon, as the package ships it, into ``folder`` under its file name.

    A stage's ``to_disk`` calls this, so ``nlp.to_disk()`` gives a pipeline that
    carries its own rules; ``load_saved`` reads them back in ``from_disk``.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / Path(name).name).write_text(resource_text(name), encoding="utf-8")


def load_saved(names: Iterable[str], folder: str | Path) -> dict[str, str]:
    """``{name: text}`` of the lexicons ``save_resources`` wrote into ``folder``."""
    folder = Path(folder)
    return {name: (folder / Path(name).name).read_text(encoding="utf-8") for name in names}


class StageData:
    """The data files one stage reads, as texts: the shipped ones, or those saved with a
    pipeline. Every stage keeps one (``stage.data``), parses its lexicons from
    ``data.texts``, and saves exactly these texts in ``to_disk``, so an edited file
    survives a second save."""

    def __init__(self, names: Iterable[str], texts: Mapping[str, str] | None = None) -> None:
        self.names = tuple(names)
        self.texts = dict(texts) if texts is not None else {n: resource_text(n) for n in self.names}

    @classmethod
    def from_disk(cls, names: Iterable[str], folder: str | Path) -> StageData:
        names = tuple(names)
        return cls(names, load_saved(names, folder))

    def to_disk(self, folder: str | Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name in self.names:
            (folder / Path(name).name).write_text(self.texts[name], encoding="utf-8")


def alternation(words: Iterable[str], *, space: str = r"\s+") -> str:
    r"""A regex alternation of ``words``, longest first (ties in the order given), with
    ``space`` for each space inside a word: ``alternation(["a b", "c"])`` is ``a\s+b|c``."""
    unique = list(dict.fromkeys(words))
    return "|".join(
        re.escape(w).replace(r"\ ", space) for w in sorted(unique, key=len, reverse=True)
    )
