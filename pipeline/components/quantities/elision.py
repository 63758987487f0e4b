"""Units and changes left out of a number and carried over from its neighbour.

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

Two more kinds of elision share what the neighbour has:

* a suspended compound ("four-, five- and six-cylinder engines", "10- to
  12-team divisions"): the number before a hanging hyphen counts what the last
  compound of the series counts (``share_suspended``, before ranges are joined,
  so that "10- to 12-team" becomes one range);
* "a NOUN or two" ("another pick or two", "a day or two"): the number counts the
  noun, or is in its unit (``share_noun_before``, before ranges are joined);
* a gapped change ("Ross was down 2.3%, Burlington by 2.6%"): an amount after
  "by" with no change verb of its own and no verb between it and a rise or fall
  before it rises or falls with it.
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
OF_AFTER_RE = re.compile(r"[ \u00a0]+of\b", re.I)
BY_RE = re.compile(r"(?:^|(?<=[^A-Za-z]))by[ \u00a0]+$", re.I)
FROM_RE = re.compile(r"(?:^|(?<=[^A-Za-z]))from[ \u00a0]+$", re.I)
TO_RE = re.compile(r"[ \u00a0]+to[ \u00a0]+", re.I)
#: The determiners of the one thing that "or two" adds to: "a day or two".
SINGLE_DETERMINERS = frozenset({"a", "an", "another", "one"})
#: A hanging hyphen after a number and what may follow it before the next compound.
SUSPENDED_RE = re.compile(r"[-‐](?=[ \u00a0]*(?:,|(?:and|or|to)\b))", re.I)
SUSPENSION_GAP_RE = re.compile(r"[ \u00a0]*,?[ \u00a0]*(?:(?:and|or|to)[ \u00a0]+)?", re.I)


def share_suspended(finder: Finder, atoms: list[Atom]) -> None:
    """ "four-, five- and six-cylinder": a number before a hanging hyphen takes the unit
    and counted noun of the compound that completes the series (``atoms`` in text order)."""
    text = finder.text
    for i in range(len(atoms) - 2, -1, -1):
        atom, after = atoms[i], atoms[i + 1]
        if (
            atom.low is None
            and atom.number_end == atom.end
            and SUSPENDED_RE.match(text, atom.number_end)
            and SUSPENSION_GAP_RE.fullmatch(text, atom.number_end + 1, after.span_start)
            and (after.unit is not None or after.obj is not None)
        ):
            share_unit(atom, after)
            atom.obj, atom.end, atom.keep_bare = after.obj, atom.number_end + 1, True


def share_noun_before(finder: Finder, atoms: list[Atom]) -> None:
    """ "another pick or two", "a day or two": a bare number word after "or" that the
    parse hangs on the singular noun before it counts that noun (or is in its unit)."""
    doc = finder.doc
    for atom in atoms:
        if not (atom.words and is_bare(atom) and atom.low is None):
            continue
        token = finder.token_at(atom.start)
        if token is None or token.i < 2 or doc[token.i - 1].lower_ not in ("or", "and"):
            continue
        noun = doc[token.i - 2]
        if token.head.i != noun.i or noun.tag_ != "NN":
            continue
        if not any(t.lower_ in SINGLE_DETERMINERS for t in noun.lefts):
            continue
        unit = finder.lex.units.get(noun.lower_)
        if unit is not None:
            atom.unit, atom.dimension = unit
        else:
            atom.obj = (noun.idx, noun.idx + len(noun))
        atom.keep_bare = True


def carry_units(finder: Finder, atoms: list[Atom]) -> None:
    """Give each bare number of ``atoms`` (in text order) the unit it shares with a
    neighbour in its sentence (see the module docstring)."""
    for i, atom in enumerate(atoms):
        after = atoms[i + 1] if i + 1 < len(atoms) else None
        before = atoms[i - 1] if i > 0 else None
        if atom.change == "=" and before is not None and _gapped_change(finder, before, atom):
            atom.change = before.change
        if not is_bare(atom):
            continue
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
    """A unit to share (an age too: "between the ages of 18 and 29")."""
    return atom.unit is not None


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
    if first is None or second is None or not finder.parsed:
        return True
    return first.sent.start == second.sent.start


def _gapped_change(finder: Finder, before: Atom, atom: Atom) -> bool:
    """ "down 2.3%, Burlington by 2.6%": a rise or fall before, "by" and no verb between."""
    if before.change not in ("up", "down") or atom.mod_start is not None:
        return False
    if not BY_RE.search(finder.text, max(0, atom.start - 4), atom.start):
        return False
    return _same_sentence(finder, before, atom) and not any(
        t.pos_ in CLAUSE_POS for t in _tokens_between(finder, before.end, atom.start)
    )


def _tokens_between(finder: Finder, start: int, end: int) -> list:
    """The tokens that start in ``[start, end)``."""
    tokens = [finder.doc[i] for i in finder.tokens_between(start, end)]
    return [t for t in tokens if start <= t.idx < end]


def _coordinated(finder: Finder, before: Atom, atom: Atom) -> bool:
    """ "3.5 percent in May and 4": a coordinator right before the bare number and no verb
    between it and the amount before."""
    if OF_AFTER_RE.match(finder.text, atom.end):
        return False  # "52 percent of the vote and 3 of the 5 districts": a part of another
    tokens = _tokens_between(finder, before.end, atom.span_start)
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
