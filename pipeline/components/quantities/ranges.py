"""Joining neighbouring numbers into ranges and proportions.

"5 to 6%", "between 5% and 6%", "three or four years", "from $420,000 to $3.5
million" become one quantity with ``low``/``high``; "1 in 4 adults", "4 in 10
voters" a proportion;
scores ("2-0") and year spans ("between 2014 and 2017") are dropped. Bare numbers
that are no quantity (years, a lone "one", numbers inside a counted noun) go here
too, once ranges have used them as bounds.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from ...intervals import SpanIndex
from .atoms import Atom, Finder
from .changes import change_before
from .filters import year_like

#: What may join two numbers into a range.
CONNECTOR_RE = re.compile(r"^[ \u00a0]*(?P<c>-|–|—|to-?|and|or|through|in|out of)[ \u00a0]*$", re.I)
#: What may stand between "from X" and "to Y": a short aside without a clause break (a
#: full stop or colon between digits is none: "at 9.15pm", "at 10:45").
FROM_TO_GAP_RE = re.compile(r"^(?:[^.;:!?()]|(?<=\d)[.:](?=\d)){0,40}?\bto[ \u00a0]*$", re.I)
CONVERSION_GAP_RE = re.compile(r"[ \u00a0]*(?:\(|/)[ \u00a0]*$")
#: The same change again in another unit: "fell 350 points, or 1.1 percent".
RESTATED_GAP_RE = re.compile(r"[ \u00a0]*,[ \u00a0]*or[ \u00a0]+$", re.I)
BETWEEN_RE = re.compile(r"\bbetween[ \u00a0]+$")
FROM_RE = re.compile(r"\bfrom[ \u00a0]+$")
BY_RE = re.compile(r"\bby[ \u00a0]+$")
#: A number and a comma before a number: the number is in a list ("7, 8 or 10 percent").
LIST_BEFORE_RE = re.compile(r"\d,[ \u00a0]*$")


def join_pairs(atoms: list[Atom], join: Callable[[Atom, Atom], Atom | str | None]) -> list[Atom]:
    """Walk ``atoms``, replacing each neighbouring pair of single values that ``join``
    joins (a range ``Atom``, or ``"drop"`` for neither) and keeping the rest."""
    result: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms) and a.low is None and atoms[i + 1].low is None:
            joined = join(a, atoms[i + 1])
            if joined is not None:
                if joined != "drop":
                    result.append(joined)
                i += 2
                continue
        result.append(a)
        i += 1
    return result


def join_ranges(finder: Finder, atoms: list[Atom]) -> list[Atom]:
    """Join "5 to 6%", "between 5% and 6%", "from $420,000 to $3.5 million" into ranges,
    then drop the bare numbers that are no quantity."""
    text = finder.text
    result = join_pairs(atoms, lambda a, b: _range(finder, a, b, text[a.end : b.span_start]))
    for previous, atom in zip(result, result[1:], strict=False):
        # A conversion in brackets shares the bound: "under 180 hp (134 kW / 182 PS)"; an
        # amount restated after ", or" in another unit the change ("350 points, or 1.1%").
        if (
            atom.change == "="
            and atom.mod_start is None
            and (
                CONVERSION_GAP_RE.match(text, previous.end, atom.start)
                or _restated(previous, atom, text)
            )
        ):
            atom.change = previous.change
    result = [a for a in result if a.keep_bare]
    objects = SpanIndex((a.obj for a in result if a.obj), lambda obj: obj)
    kept = [
        a
        for a in result
        if not (a.low is None and year_like(a, text) and not a.counted)
        and not objects.containing(a.start)  # "two new 737 Max jets"
        and not (
            a.fraction is False and a.words and a.value == 1 and a.obj is None and a.unit is None
        )
    ]
    return _join_from_to(finder, kept)


def _restated(previous: Atom, atom: Atom, text: str) -> bool:
    """ "fell 350 points, or 1.1 percent": a change and the same change in another unit."""
    return bool(
        previous.change in ("up", "down")
        and (previous.unit or previous.currency)
        and (atom.unit or atom.currency)
        and RESTATED_GAP_RE.match(text, previous.end, atom.start)
    )


def _join_from_to(finder: Finder, atoms: list[Atom]) -> list[Atom]:
    """Join "from $2,410 on Monday to $2,288" across a short aside."""
    text = finder.text

    def join(a: Atom, b: Atom) -> Atom | None:
        before_a = text[max(0, a.span_start - 6) : a.span_start].lower()
        if (
            FROM_RE.search(before_a)
            and FROM_TO_GAP_RE.match(text[a.end : b.span_start])
            and not (a.unit and b.unit and a.unit != b.unit)
            and b.mod_start is None
        ):
            return range_atom(a, b, low=a.value, change=a.change)
        return None

    return join_pairs(atoms, join)


def _range(finder: Finder, a: Atom, b: Atom, between: str) -> Atom | str | None:
    """The range or proportion ``a`` and ``b`` make, "drop" for a score or year span,
    or None when they stay two quantities."""
    match = CONNECTOR_RE.match(between)
    if not match or b.mod_start is not None and b.mod_start < b.start and b.change not in ("~",):
        return None
    connector = match.group("c").lower()
    text = finder.text
    before_a = text[max(0, a.span_start - 9) : a.span_start].lower()
    between_word = BETWEEN_RE.search(before_a) is not None
    from_word = FROM_RE.search(before_a) is not None
    if connector in ("in", "out of"):
        return _proportion(a, b)
    if connector == "and" and not between_word:
        return None
    if connector == "or" and (a.unit or not (a.words and b.words or _suspended_or(a, b, before_a))):
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None
    if (
        connector.startswith("to")
        and a.change in ("up", "down")
        and (a.unit or a.currency)
        and not from_word
    ):
        return None
    if connector in ("-", "–", "—") and _score(a, b):
        return "drop"  # a score ("2-0", "89-89"), not a range
    if year_like(a, text) and year_like(b, text):
        return "drop"  # "between 2014 and 2017", "1600 and 1900"
    if year_like(a, text):
        return None  # "from 20 mpg in 2008 to 29 mpg": the year is not a bound
    by_word = BY_RE.search(before_a) is not None
    if by_word and connector.startswith("to") and b.value > 2 * a.value:
        return None  # "rose by 1,200 to 5,400": a change, then the level it reached
    low = a.value
    if not a.scaled and b.scaled and a.value * b.multiplier <= b.value * 1.000001:
        low = a.value * b.multiplier  # "3 to 4 thousand fans", "US $40 to $45 billion"
    change = a.change if a.change != "=" else ("~" if b.change == "~" else "=")
    if change == "=" and (b.unit or b.currency):
        change = change_before(finder, a.start) or "="  # "dropped by 1 to 1.5 degrees"
    return range_atom(a, b, low=low, change=change)


def _proportion(a: Atom, b: Atom) -> Atom | None:
    """ "1 in 4 adults", "4 in 10 voters", "two in three Germans": a proportion, counted by
    what follows; more than one in a denominator of ten at most, a hundred or a thousand,
    as polls write them."""
    whole = a.value == int(a.value) and b.value == int(b.value)
    poll = b.value <= 10 or b.value in (100, 1000)
    if (
        whole
        and (a.value == 1 or (1 < a.value < b.value and poll))
        and not a.unit
        and not b.unit
        and not a.obj
        and b.value > 1
        and b.low is None
    ):
        return Atom(
            start=a.start,
            end=b.end,
            value=a.value / b.value,
            number_end=b.number_end,
            mod_start=a.mod_start,
            change=a.change,
            fraction=True,
            obj=b.obj,
        )
    return None


def _suspended_or(a: Atom, b: Atom, before: str) -> bool:
    """ "20 or 30 percent", "60 or 80 makers": two bounds in digits, the first bare and
    smaller, the second with what both count; a range, as "three or four years" is; not
    the end of a list ("100,000, 200,000 or 250,000 refugees")."""
    return (
        not LIST_BEFORE_RE.search(before)
        and not a.words
        and not b.words
        and a.obj is None
        and not a.currency
        and not a.scaled
        and a.value < b.value
        and bool(b.unit or b.currency or b.obj or b.scaled)
    )


def _score(a: Atom, b: Atom) -> bool:
    """Two bare whole numbers in digits, the second not larger: "2-0", "89-89"."""
    return (
        not a.words
        and not b.words
        and not a.unit
        and not b.unit
        and a.value == int(a.value)
        and b.value == int(b.value)
        and b.value <= a.value
        and not a.scaled
        and not b.scaled
    )


def range_atom(a: Atom, b: Atom, *, low: float, change: str) -> Atom:
    """The range from ``a`` to ``b``: ``value`` NaN, ``low``/``high`` set."""
    return Atom(
        start=a.start,
        end=b.end,
        value=math.nan,
        number_end=b.number_end,
        mod_start=a.mod_start,
        change=change,
        unit=b.unit or a.unit,
        unit_text=b.unit_text or a.unit_text,
        dimension=b.dimension or a.dimension,
        currency=a.currency or b.currency,
        scaled=a.scaled or b.scaled,
        per=b.per or a.per,
        obj=b.obj or a.obj,
        low=low,
        high=b.value,
    )
