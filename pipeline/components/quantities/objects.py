"""The counted noun of a number ("oil" in "44,655 barrels of oil", "cases" in "1 million
cases") and the unit that is a counted noun ("517 rushing yards")."""

from __future__ import annotations

from spacy.tokens import Token

from .atoms import Finder
from .units import NOUN_POS, unit_at

#: Words that cannot start the noun phrase after "of".
NOT_OBJECT_POS = frozenset({"PRON", "DET", "PUNCT", "NUM", "ADP", "CCONJ", "SCONJ", "AUX", "VERB"})

#: Units that a counted noun is not, though the lexicon reads it so: "three times",
#: "two points", "two pennies", "two associate degrees" (a degree is written right after
#: its number: "a 30 degree angle").
NOT_HEAD_UNITS = frozenset({"times", "point", "penny", "degree"})
#: ``(start, end)`` of a counted noun phrase.
Object = tuple[int, int]


def object_after(finder: Finder, last: Token, *, measured: bool) -> Object | None:
    """The counted noun: the number's noun head after it, or the noun phrase after "of"."""
    doc = finder.doc
    nxt = last.i + 1
    while nxt < len(doc) and doc[nxt].text in ("-", "‐"):
        nxt += 1
    if nxt >= len(doc):
        return None
    if doc[nxt].lower_ == "of":
        return phrase_from(finder, nxt + 1)
    if measured:
        return None
    head = last.head
    if (
        last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod")
        and head.i > last.i
        and head.pos_ in NOUN_POS
    ):
        between = doc[last.i + 1 : head.i + 1]
        if (
            head.i - last.i <= 5
            and "," not in between.text
            and doc[nxt].tag_ != "CD"
            and not any(t.ent_type_ in ("DATE", "TIME") and not _frequency(t) for t in between)
            and all(_modifies_noun(t) for t in between[:-1])
        ):
            return object_span(finder, nxt, head.i)
    if (
        doc[nxt].pos_ in NOUN_POS
        and doc[nxt].tag_ in ("NNS", "NNPS")
        and doc[nxt].ent_type_ != "DATE"
    ):
        return object_span(finder, nxt, nxt)
    return None


def unit_of_head(finder: Finder, obj: Object) -> tuple[str, str, str] | None:
    """(unit, dimension, text) when the object's head noun, or the whole object ("a
    quarter of a percentage point"), is a unit of the lexicons."""
    head = finder.token_at(obj[1] - 1)
    if head is None or head.pos_ not in NOUN_POS:
        return None
    whole = unit_at(finder, obj[0]) if obj[0] < head.idx else None
    if whole is not None and whole[0] == obj[1] and whole[1] not in NOT_HEAD_UNITS:
        return whole[1], whole[2], whole[3]
    entry = finder.lex.units.get(head.lower_)
    if entry is None or entry[0] in NOT_HEAD_UNITS:
        return None
    return entry[0], entry[1], head.text


def phrase_from(finder: Finder, i: int) -> Object | None:
    """The noun phrase starting at token ``i`` (after "of"): adjectives and nouns up to
    the last noun."""
    doc = finder.doc
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    if i >= len(doc) or doc[i].pos_ in NOT_OBJECT_POS or doc[i].like_num:
        return None
    j = i
    while (
        j < len(doc)
        and (doc[j].pos_ in ("ADJ", "NOUN", "PROPN") or doc[j].text in ("-",))
        and not doc[j].like_num
    ):
        if doc[j].pos_ in NOUN_POS and (j + 1 >= len(doc) or doc[j + 1].pos_ not in NOUN_POS):
            return object_span(finder, i, j)
        j += 1
    return None


def object_span(finder: Finder, first: int, last: int) -> Object:
    span = finder.doc[first : last + 1]
    return span.start_char, span.end_char


def _frequency(token: Token) -> bool:
    """An adjective of frequency that the model marks a date: "320 million monthly active
    users", "2 million daily readers"."""
    return token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.pos_ in NOUN_POS


def _modifies_noun(token: Token) -> bool:
    """A word inside a counted noun phrase: "recorded" songs, "first-team" players."""
    if token.pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "PUNCT", "ADV", "PART"):
        return token.pos_ != "PUNCT" or token.text in "-‐"
    return token.pos_ == "VERB" and token.dep_ in ("amod", "compound")
