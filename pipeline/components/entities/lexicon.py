"""The entities stage's word lists, read from ``pipeline/components/entities/data/``.

``titles.txt`` (title words before a name), ``variants.tsv`` (spellings of one
referent), ``generic_heads.txt``, ``name_suffixes.txt`` and
``place_qualifiers.txt`` (what the affix rule of ``clusters`` may drop or keep).
``read_lexicons`` parses the shipped files or given texts (what the component's
``from_disk`` read from a saved pipeline); ``load_lexicons`` gives the shipped
ones, read once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ...lexicons import ResourceError, resource_lines, word_list
from .names import name_key

DATA = "components/entities/data"
TITLES = f"{DATA}/titles.txt"
VARIANTS = f"{DATA}/variants.tsv"
GENERIC_HEADS = f"{DATA}/generic_heads.txt"
NAME_SUFFIXES = f"{DATA}/name_suffixes.txt"
PLACE_QUALIFIERS = f"{DATA}/place_qualifiers.txt"
#: Every data file of the stage, as ``pipeline.lexicons`` names them (paths in the package).
DATA_FILES = (TITLES, VARIANTS, GENERIC_HEADS, NAME_SUFFIXES, PLACE_QUALIFIERS)


@dataclass(frozen=True)
class EntitiesLexicons:
    """The word lists the rules use."""

    titles: frozenset[str] = frozenset()
    variants: dict[str, str] = field(default_factory=dict)
    generic_heads: frozenset[str] = frozenset()
    name_suffixes: frozenset[str] = frozenset()
    place_qualifiers: frozenset[str] = frozenset()


def variant_table(name: str = VARIANTS, *, text: str | None = None) -> dict[str, str]:
    """``{variant key: key of the line's first name}`` from a tab-separated lexicon."""
    variants: dict[str, str] = {}
    for number, line in resource_lines(name, text=text):
        names = [name_key(part) for part in line.split("\t") if part.strip()]
        if len(names) < 2:
            raise ResourceError(
                name, number, f"expected two or more tab-separated names, got {line!r}"
            )
        for variant in names:
            variants[variant] = names[0]
    return variants


def read_lexicons(texts: Mapping[str, str] | None = None) -> EntitiesLexicons:
    """Parse and validate the lexicons: ``texts[name]`` where given, else the shipped file."""
    texts = texts or {}
    return EntitiesLexicons(
        titles=word_list(TITLES, text=texts.get(TITLES)),
        variants=variant_table(VARIANTS, text=texts.get(VARIANTS)),
        generic_heads=word_list(GENERIC_HEADS, text=texts.get(GENERIC_HEADS)),
        name_suffixes=word_list(NAME_SUFFIXES, text=texts.get(NAME_SUFFIXES)),
        place_qualifiers=word_list(PLACE_QUALIFIERS, text=texts.get(PLACE_QUALIFIERS)),
    )


@lru_cache(maxsize=1)
def load_lexicons() -> EntitiesLexicons:
    """The shipped lexicons, read once per process (the default of every ``find_*``)."""
    return read_lexicons()
