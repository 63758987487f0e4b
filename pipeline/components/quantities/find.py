"""``find_quantities(doc)``: every quantity of a document as a plain dict.

One pass per document: digit numbers, then number words on the tokens digits
did not use, each with its surroundings; then ranges are joined, bare numbers
take the unit they share with a neighbour (``elision``), and each atom becomes
the dict the stage writes (see the package docstring).
"""

from __future__ import annotations

import math
from typing import Any

from spacy.tokens import Doc

from .atoms import Atom, Finder
from .elision import carry_units, share_noun_before, share_suspended
from .lexicon import QuantitiesLexicons, load_lexicons
from .numbers import find_digit_atoms, find_word_atoms
from .ranges import join_ranges


def find_quantities(doc: Doc, lexicons: QuantitiesLexicons | None = None) -> list[dict[str, Any]]:
    """Every quantity in ``doc`` as a plain dict (see the package docstring)."""
    finder = Finder(doc, lexicons or load_lexicons())
    atoms = find_digit_atoms(finder) + find_word_atoms(finder)
    atoms.sort(key=lambda a: a.start)
    share_suspended(finder, atoms)
    share_noun_before(finder, atoms)
    quantities = join_ranges(finder, atoms)
    carry_units(finder, quantities)
    return [quantity_dict(a) for a in quantities]


def dimension(atom: Atom) -> str | None:
    """What the quantity measures: its unit's dimension, ``fraction`` for a proportion of
    something ("two-thirds of voters"), ``count`` for a counted noun, else None."""
    if atom.fraction:
        return "fraction"
    if atom.dimension:
        return atom.dimension
    return "count" if atom.obj else None


def quantity_dict(atom: Atom) -> dict[str, Any]:
    """The plain dict the stage writes for ``atom`` (offsets into ``doc.text``)."""
    is_range = atom.low is not None
    return {
        "start": atom.span_start,
        "end": atom.end,
        "value": None if is_range else _clean(atom.value),
        "low": _clean(atom.low) if is_range else None,
        "high": _clean(atom.high) if is_range else None,
        "change": atom.change,
        "unit": atom.unit,
        "unit_text": atom.unit_text,
        "per": atom.per,
        "object": {"start": atom.obj[0], "end": atom.obj[1]} if atom.obj else None,
        "dimension": dimension(atom),
    }


def _clean(value: float | None) -> float | int | None:
    """A whole float as an int, others rounded to 10 places (below 1, to 10 significant
    digits: "1.99×10−30 kg" is no 0); NaN or infinity as None. The value is first cut to 15
    significant digits, which drops the error of a scale's product ("$4.1 billion" is
    4.1 * 1e9 = 4099999999.9999995): 4100000000."""
    if value is None or not math.isfinite(value):
        return None
    value = float(f"{value:.15g}")
    if value == int(value) and abs(value) < 1e15:
        return int(value)
    return float(f"{value:.10g}") if abs(value) < 1 else round(value, 10)
