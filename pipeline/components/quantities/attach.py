"""Everything around a number once it is read: unit, rate, modifier or change verb,
counted noun, and the filters that drop dates and labels."""

from __future__ import annotations

import re

from spacy.tokens import Token

from .atoms import Atom, Finder
from .changes import (
    after_by,
    change_before,
    comparative_after,
    modifier_after,
    modifier_before,
    noun_of_change_after,
)
from .filters import age_apposition, age_of_person, is_date_or_label
from .objects import object_after, unit_of_head
from .units import (
    ANNUAL_RE,
    US_DOLLAR,
    inch_after_feet,
    per_at,
    prime_height_at,
    rate_after_conversion,
    resolve,
    unit_at,
)

#: Words after a time that make it the time of an event: "four years later", "two days ago".
TIME_ADVERBIAL_RE = re.compile(r"[ \u00a0]+(?:later|earlier|before|after|ago)\b", re.I)
#: A temperature counted down from zero: "10 degrees below zero" is -10 degrees ("below
#: freezing" is not: 10 below freezing is 22 in Fahrenheit).
BELOW_ZERO_RE = re.compile(r"[ \u00a0]+below[ \u00a0]+zero\b", re.I)
DEGREE_UNITS = frozenset({"degree", "degree celsius", "degree fahrenheit"})
#: What a noun of change after an amount does not take as its extent: "the 40-year
#: decline" lasts 40 years, "a 50-year-old increase" is as old.
NO_EXTENT_DIMENSIONS = frozenset({"time", "age"})
#: "short" after an amount that "falls" or "comes up": a gap to a mark, no change.
SHORT_AFTER_RE = re.compile(r"[ \u00a0]+short\b", re.I)
#: The article of one unit before a counted unit: "three quarters of a ton".
ONE_BEFORE_RE = re.compile(r"\ban?[ \u00a0]+$", re.I)
#: A group of ages named after its bounds: "the 18-24 age group", "the 65+ age bracket".
AGE_GROUP_AFTER_RE = re.compile(
    r"\+?[ \u00a0-]age[ \u00a0-](?:group|bracket|band|range|category|cohort)\b", re.I
)
#: A time after "aged" or "age" is an age ("aged 45 years", "a baby aged six months").
AGE_TIME_UNITS = frozenset({"year", "month", "week", "day"})
AGE_WORD_BEFORE_RE = re.compile(r"\b(?:aged|ages?|the[ \u00a0]+age[ \u00a0]+of)[ \u00a0]+$", re.I)
#: A bound of age after a bare number: "voters 45 and older", "children 5 or younger".
AGE_BOUND_RE = re.compile(r"\b(?:older|younger)$", re.I)


def attach_context(finder: Finder, atom: Atom, *, first_token: Token) -> Atom | None:
    """Modifier, change verb, unit's rate and counted object of an atom whose number is
    read; None when the number is a date, clock time or label."""
    if not (atom.currency and ANNUAL_RE.match(finder.text, atom.number_end)):
        _attach_unit(finder, atom)  # "£40,000 p.a." is a rate, not pence
    if atom.unit in DEGREE_UNITS and atom.value > 0:
        below = BELOW_ZERO_RE.match(finder.text, atom.end)
        if below is not None:  # "10 degrees below zero"
            atom.value, atom.end, atom.dimension = -atom.value, below.end(), "temperature"
    per = per_at(finder, atom.end) if (atom.unit or atom.currency) else None
    if per is not None:
        atom.per = per[1]
        atom.end = per[0]
    elif atom.unit or atom.currency:
        # "9 billion shekels ($2.408 billion) a year": the rate after a conversion in
        # brackets; the span stays the amount's own
        atom.per = rate_after_conversion(finder, atom.end)
    modifier = modifier_before(finder, atom.start)
    if modifier is not None:
        atom.mod_start, atom.change = modifier
    elif atom.change == "=":
        direction = change_before(finder, atom.start)
        # "add ten users", "gave up 517 yards": only amounts with a unit rise or fall;
        # "lost four years later": a time before "later" places the event, no change
        if (
            direction is not None
            and (atom.unit or atom.currency or after_by(finder, atom.start))
            and not (atom.dimension == "time" and TIME_ADVERBIAL_RE.match(finder.text, atom.end))
        ):
            atom.change = direction
    if atom.change in ("up", "down") and SHORT_AFTER_RE.match(finder.text, atom.end):
        atom.change = "="  # "falls four points short of": a gap, no fall
    post_modifier = modifier_after(finder, atom.end) if atom.change == "=" else None
    if post_modifier is not None:
        bound = finder.text[atom.end : post_modifier[0]]
        atom.end, atom.change = post_modifier  # "100,000-plus subscribers", "20 or so"
        if atom.unit is None and not atom.currency:
            unit = unit_at(finder, atom.end)  # "15-plus years", "5 or more days"
            unit = resolve(finder, unit, scaled=atom.scaled) if unit is not None else None
            if unit is not None:
                atom.end, atom.unit, atom.dimension, atom.unit_text = unit
                per = per_at(finder, atom.end)  # "35-plus hours a week"
                if per is not None:
                    atom.end, atom.per = per
        if AGE_BOUND_RE.search(bound) and not (atom.unit or atom.currency or atom.scaled):
            atom.unit, atom.dimension, atom.unit_text = "year of age", "age", None
    elif atom.change == "=" and atom.dimension not in NO_EXTENT_DIMENSIONS:
        last = finder.token_at(atom.end - 1)
        direction = noun_of_change_after(last, finder.lex.of_change_lemmas) if last else None
        # "a 3 percent drop", "a 5% pay rise", "closed 2% higher"
        atom.change = direction or comparative_after(finder.text, atom.end) or atom.change
    if (
        atom.unit is None
        and not (atom.currency or atom.scaled)
        and AGE_GROUP_AFTER_RE.match(finder.text, atom.end)
    ):
        atom.unit, atom.dimension = "year of age", "age"  # "the 18-24 age group"
    _attach_object(finder, atom)
    if (
        atom.obj is not None
        and (atom.mod_start is not None or first_token.ent_type_ != "DATE")
        and finder.doc[finder.token_at(atom.obj[1] - 1).i].tag_ == "NNS"
    ):
        atom.counted = True  # "more than 1000 customers" is no year
    if age_apposition(finder, first_token, atom) or age_of_person(finder, first_token, atom):
        atom.unit, atom.dimension, atom.unit_text = "year of age", "age", None
        return atom
    if atom.unit in AGE_TIME_UNITS and AGE_WORD_BEFORE_RE.search(
        finder.text, max(0, atom.span_start - 16), atom.span_start
    ):
        atom.unit, atom.dimension = f"{atom.unit} of age", "age"  # "aged 45 years"
    if is_date_or_label(finder, first_token, atom):
        return None
    return atom


def _attach_unit(finder: Finder, atom: Atom) -> None:
    """The unit right after the number; after a currency mark only a currency word counts."""
    unit = unit_at(finder, atom.number_end)
    if unit is not None:
        end, name, dimension, surface = unit
        if name == US_DOLLAR and surface in ("US", "U.S.") and not atom.currency:
            unit = None
        elif atom.currency and name == US_DOLLAR and surface in ("US", "U.S.", "USD"):
            atom.end = end  # "$76 US": the currency was already read
            unit = None
        elif atom.currency and dimension == "currency" and name != US_DOLLAR:
            atom.currency = False  # "$1.25 sterling", "$1.1396 EUR": the word names the currency
        elif atom.currency:
            unit = None  # "$5 million shares": the rest is not the unit
    unit = resolve(finder, unit, scaled=atom.scaled) if unit is not None else None
    if unit is not None:  # what is left is a unit of its own, or a currency word
        end, name, dimension, surface = unit
        atom.unit, atom.dimension, atom.unit_text, atom.end = name, dimension, surface, end
        atom.fraction = False  # "a quarter point" is an amount of points, no proportion
    elif not atom.currency:
        inch_end = inch_after_feet(finder, atom.start, atom.number_end)
        if inch_end is not None:  # "6 ft 2 in"
            atom.unit, atom.dimension, atom.end = "inch", "length", inch_end
            atom.unit_text = finder.text[atom.number_end : inch_end].strip() or None
        height = prime_height_at(finder, atom.start, atom.number_end)
        if inch_end is None and height is not None:  # "5'11\"", "5’4”"
            atom.end, atom.unit, atom.unit_text = height
            atom.dimension = "length"


def _attach_object(finder: Finder, atom: Atom) -> None:
    """The counted noun, or the unit that is the counted noun ("517 rushing yards")."""
    last = finder.token_at(atom.end - 1)
    if last is None or atom.currency:
        return
    obj = object_after(finder, last, measured=atom.unit is not None)
    head_unit = unit_of_head(finder, obj) if obj is not None and atom.unit is None else None
    if head_unit is not None:
        # "517 rushing yards", "1/16 of a US pint": the counted noun is a unit.
        atom.unit, atom.dimension, atom.unit_text = head_unit
        if ONE_BEFORE_RE.search(finder.text, max(0, obj[0] - 4), obj[0]):
            atom.fraction = False  # "a quarter of an hour": an amount; "a third of the points"
    elif obj is not None:
        atom.obj = obj
        if atom.unit is None and atom.per is None:
            per = per_at(finder, obj[1])  # "3,000 tests per day"
            if per is not None:
                atom.per = per[1]
