"""Units left out of a bare number and carried over from its neighbour.

News writes a unit once and leaves it out of the numbers that share it:

* a partitive: "280 million of the 1.5 billion shekels" (the part is in shekels);
* a coordination: "3.5 percent in May and 4 in June", "a 1.4 degree angle in
  2018 and 2.1 last year": the bare number after "and"/"or"/"but", with no
  verb between it and the amount before it;
* parallel changes: "increased by 2 percent but decreased by 1";
* the end of a span whose start is a range: "from 14-18 mpg to 24".

The bare number takes the unit (and currency, rate and dimension) of its
neighbour; ``unit_text`` stays None, for no unit is written there. A number
with a counted noun, a unit or a currency of its own is left as it is, and so
is one in another sentence.
"""

from __future__ import annotations

import re

from .atoms import Atom, Finder

#: Between a part and its whole: "280 million of the 1.5 billion shekels".
PARTITIVE_RE = re.compile(
    r"[ \u00a0]+of[ \u00a0]+(?:(?:the|its|their|his|her|our|this|that)[ \u00a0]+)?", re.I
)
#: The words that coordinate a bare number with the amount before it.
COORDINATORS = frozenset({"and", "or", "but", "versus", "vs", "vs."})
#: Parts of speech that make the stretch between two amounts a clause of its own.
CLAUSE_POS = frozenset({"VERB", "AUX"})
#: The most tokens between a coordinated amount and the bare number.
MAX_GAP = 8
BY_RE = re.compile(r"(?:^|(?<=[^A-Za-z]))by[ \u00a0]+$", re.I)
FROM_RE = re.compile(r"(?:^|(?<=[^A-Za-z]))from[ \u00a0]+$", re.I)
TO_RE = re.compile(r"[ \u00a0]+to[ \u00a0]+", re.I)


def carry_units(finder: Finder, atoms: list[Atom]) -> None:
    """Give each bare number of ``atoms`` (in text order) the unit it shares with a
    neighbour in its sentence (see the module docstring)."""
    for i, atom in enumerate(atoms):
        if not is_bare(atom):
            continue
        after = atoms[i + 1] if i + 1 < len(atoms) else None
        before = atoms[i - 1] if i > 0 else None
        if after is not None and has_unit(after) and _partitive(finder, atom, after):
            share_unit(atom, after)
        elif (
            before is not None
            and has_unit(before)
            and _same_sentence(finder, before, atom)
            and (
                _coordinated(finder, before, atom)
                or _parallel_by(finder, before, atom)
                or _from_range_to(finder, before, atom)
            )
        ):
            share_unit(atom, before)


def is_bare(atom: Atom) -> bool:
    """A number with nothing that says what it counts or measures."""
    return (
        atom.unit is None
        and not atom.currency
        and atom.obj is None
        and atom.per is None
        and not atom.fraction
    )


def has_unit(atom: Atom) -> bool:
    """A unit to share: an age ("Maddon, 66, and ...") is a person's, not the next number's."""
    return atom.unit is not None and atom.dimension != "age"


def share_unit(atom: Atom, source: Atom) -> None:
    """``atom`` takes ``source``'s unit, currency, dimension and rate (not its written text)."""
    atom.unit, atom.dimension, atom.currency, atom.per = (
        source.unit,
        source.dimension,
        source.currency,
        source.per,
    )


def _partitive(finder: Finder, part: Atom, whole: Atom) -> bool:
    return PARTITIVE_RE.fullmatch(finder.text, part.end, whole.span_start) is not None


def _same_sentence(finder: Finder, a: Atom, b: Atom) -> bool:
    first, second = finder.token_at(a.start), finder.token_at(b.start)
    if first is None or second is None or not finder.doc.has_annotation("SENT_START"):
        return True
    return first.sent.start == second.sent.start


def _coordinated(finder: Finder, before: Atom, atom: Atom) -> bool:
    """ "3.5 percent in May and 4": a coordinator right before the bare number and no verb
    between it and the amount before."""
    tokens = [finder.doc[i] for i in finder.tokens_between(before.end, atom.span_start)]
    tokens = [t for t in tokens if before.end <= t.idx < atom.span_start]
    if not tokens or len(tokens) > MAX_GAP or tokens[-1].lower_ not in COORDINATORS:
        return False
    return not any(t.pos_ in CLAUSE_POS for t in tokens)


def _parallel_by(finder: Finder, before: Atom, atom: Atom) -> bool:
    """ "increased by 2 percent but decreased by 1": both amounts of a change after "by"."""
    text = finder.text
    return bool(
        BY_RE.search(text, max(0, atom.span_start - 4), atom.span_start)
        and BY_RE.search(text, max(0, before.span_start - 4), before.span_start)
    )


def _from_range_to(finder: Finder, before: Atom, atom: Atom) -> bool:
    """ "from about 14-18 mpg to 24": the end of a span that starts with a range."""
    text = finder.text
    return bool(
        before.low is not None
        and FROM_RE.search(text, max(0, before.span_start - 6), before.span_start)
        and TO_RE.fullmatch(text, before.end, atom.span_start)
    )
