"""Numbers that are no quantity (dates, clock times, labels, list numbers, years) and
bare numbers that are ages ("Maddon, 66, has ...")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ...lang.calendar import months, weekdays
from .atoms import Atom, Finder

#: The most names between an address's number and its street word ("Zorro Ranch Road").
MAX_STREET_NAMES = 4
#: Tags of words that are no part of a street's name: verbs and plural nouns.
NOT_STREET_NAME_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "NNS", "NNPS"})
#: Words right before a number that make it an age, and bound words between them.
AGE_WORDS = frozenset({"aged", "age", "ages"})
AGE_BOUNDS = frozenset({"between", "from"})
#: A bare number that a person is or turns is an age ("he was 5", "she turned 50",
#: "Smith, who is 54,"): the verbs, the number's relations to them, and the pronouns of
#: one person ("they were 5" may count them). An event a person's life ends or changes
#: at ("died at 82", "retired at 65") gives an age too.
AGE_VERBS = frozenset({"be", "turn"})
AGE_DEPS = frozenset({"attr", "acomp", "dobj"})
PERSON_PRONOUNS = frozenset({"i", "you", "he", "she", "who"})
AGE_AT_VERBS = frozenset({"die", "retire"})
#: Marks of feet and inches next to a number ("5'2\"", "5’2”").
FEET_MARKS = frozenset("'’′″\"”")
#: Words after a number that make it no age: a record ("10 for 12", "1 of 5"), golf's
#: score ("3 under par"), a range ("5 to 6"); "in" before a number ("1 in 4").
NOT_AGE_AFTER = frozenset({"for", "of", "under", "over", "out", "to", "-", "–", "/"})
#: Digits of a 24-hour clock ("0930 hrs", "1400 GMT").
CLOCK_RE = re.compile(r"[0-2]\d[0-5]\d")
ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)", re.I)
#: Units of a debt's term ("the 10-year yield"), and the most names and adjectives
#: between the term and the debt ("the 10-year U.S. Treasury yield").
TENOR_UNITS = frozenset({"year", "month", "week"})
MAX_TENOR_GAP = 2
#: Month names and abbreviations ("Jan.", "sept"), and weekday names.
MONTHS = frozenset(months())
WEEKDAYS = frozenset(weekdays())


def is_duration(token: Token, atom: Atom) -> bool:
    """Whether a number with a time word after it is a duration ("2 hrs", "90 mins"), not
    a clock time: its unit measures time and its digits are no 24-hour clock ("1400 hrs")."""
    return atom.dimension == "time" and not CLOCK_RE.fullmatch(token.text)


def is_date_or_label(finder: Finder, token: Token, atom: Atom) -> bool:
    """Whether the number at ``token`` is part of a date or clock time, or names a thing
    ("Game 7", "FTSE 100", "49 Zorro Ranch Road") or a list item."""
    doc, lex = finder.doc, finder.lex
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.ent_type_ in ("DATE", "TIME"):
        ent = finder.ent_at(token.i)
        if ent is not None and any(t.lower_ in MONTHS or t.lower_ in WEEKDAYS for t in ent):
            return True
    if prev is not None and (prev.lower_ in MONTHS and prev.text[0].isupper()):
        return True
    if nxt is not None and nxt.lower_ in MONTHS and nxt.text[0].isupper() and atom.unit is None:
        return True
    if nxt is not None and nxt.lower_ in lex.time_words and not is_duration(token, atom):
        return True
    if is_tenor(finder, atom):
        return True
    if atom.currency or atom.unit is not None or atom.scaled:
        return False
    if street_address(finder, atom):
        return True
    if prev is not None and not token.is_sent_start:
        if prev.lower_ in lex.label_words or prev.text in ("#", "No", "No."):
            return True  # "Game 7", "Channel 5", "No. 3"
        if (
            (prev.pos_ == "PROPN" or prev.text[:1].isupper())
            and prev.text[:1].isalpha()
            and prev.lower_ not in lex.modifiers
            and prev.lower_ not in MONTHS
            and not prev.is_sent_start
            and prev.text not in ("US", "U.S.")
        ):
            return True  # a name or model: "FTSE 100", "iPhone 11", "Big 12"
        if (
            prev.tag_ == "NN"
            and prev.i > 0
            and doc[prev.i - 1].lower_ == "the"
            and atom.obj is None
            and prev.lower_ not in lex.modifiers
        ):
            return True  # a name in lower case: "the sp 500 is poised", "the base iphone 11"
    following = nxt
    while following is not None and (following.text in "-–" or following.tag_ == "CD"):
        following = doc[following.i + 1] if following.i + 1 < len(doc) else None
    if (
        following is not None
        and following.text[:1].isupper()
        and following.pos_ == "PROPN"
        and atom.low is None
        and (atom.obj is None or doc[finder.token_at(atom.obj[1] - 1).i].tag_ == "NNP")
    ):
        return True  # an address or a model: "49 Zorro Ranch Road", "787 Dreamliner"
    # list numbering
    return token.is_sent_start and nxt is not None and nxt.text in (".", ")", ":")


def is_tenor(finder: Finder, atom: Atom) -> bool:
    """ "the 10-year yield", "30-year fixed mortgage rates": a term joined by a hyphen to
    its number before a debt it names (``data/tenor_words.txt``) is a name."""
    if atom.unit not in TENOR_UNITS or finder.text[atom.number_end : atom.number_end + 1] != "-":
        return False
    last = finder.token_at(atom.end - 1)
    if last is None:
        return False
    doc = finder.doc
    for k in range(last.i + 1, min(last.i + 2 + MAX_TENOR_GAP, len(doc))):
        if doc[k].lower_ in finder.lex.tenor_words:
            return True
        if doc[k].pos_ not in ("PROPN", "ADJ") and doc[k].tag_ != "VBN":  # "fixed"
            return False
    return False


def street_address(finder: Finder, atom: Atom) -> bool:
    """ "49 Zorro Ranch Road", "9 E 71st St,", "22 Ave Foch": a street word right after the
    number, or ending the few names after it (``data/street_words.txt``)."""
    doc, streets = finder.doc, finder.lex.street_words
    token = finder.token_at(atom.number_end - 1)
    if token is None:
        return False
    for k in range(token.i + 1, min(token.i + 1 + MAX_STREET_NAMES, len(doc))):
        word = doc[k]
        if word.lower_ in streets:
            after = doc[k + 1] if k + 1 < len(doc) else None
            if after is not None and after.text in ("-", "–", "‐"):
                return False  # "20 drive-in theaters"
            if k == token.i + 1:
                return word.lower_ != "way"  # "3 way" is no address, "El Brillo Way" is
            return after is None or after.is_punct or after.lower_ in ("in", "on")
        numbered = word.like_num or word.text in ("-", "–")  # "16-18 Industrial Avenue"
        if not (word.is_alpha or numbered or ORDINAL_RE.fullmatch(word.text)) or word.is_stop:
            return False
        if word.tag_ in NOT_STREET_NAME_TAGS:
            return False  # "six terraces overlooking Fifth Avenue": counted, then a clause
    return False


def age_apposition(finder: Finder, token: Token, atom: Atom) -> bool:
    """ "Maddon, 66, has ...": a bare whole number between commas after a name (or after a
    person's name and before a full stop or semicolon, or in brackets after a person's
    name: "Cruz (45)"), or in apposition to a singular noun ("the boy, 15,"), is an age;
    so is one right after "aged" or "age" ("a man aged 45", "at age 90") or "the age of"
    ("at the age of 43")."""
    doc = finder.doc
    i = token.i
    if atom.unit or atom.currency or atom.obj or atom.words or not 0 < atom.value < 120:
        return False
    if atom.value != int(atom.value) or i < 1:
        return False
    if doc[i - 1].lower_ in AGE_WORDS:
        return True  # "a man aged 45", "she died at age 90", "ages 18 to 29"
    if i >= 2 and doc[i - 1].lower_ in AGE_BOUNDS and doc[i - 2].lower_ in AGE_WORDS:
        return True  # "aged between 18 and 24", "aged from 5 to 11"
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in ("age", "ages"):
        return True  # "at the age of 43", "between the ages of 18 and 29"
    if i < 2 or i + 1 >= len(doc):
        return False
    noun = doc[i - 2]
    if doc[i - 1].text == "(" and doc[i + 1].text == ")":
        return noun.ent_type_ == "PERSON" and noun.pos_ == "PROPN"  # "John Smith (45), of"
    if doc[i - 1].text != "," or doc[i + 1].text not in (",", ".", ";"):
        return False
    if doc[i + 1].text != ",":
        return noun.ent_type_ == "PERSON"  # a caption's "Geert Supré, 56."; "Ivanka, 34;"
    # "Maddon, 66,"; a common noun only where the parse makes the number its apposition
    # ("the boy, 15, was arrested"; lower-cased names are often tagged as nouns)
    return noun.pos_ == "PROPN" or (
        noun.tag_ == "NN" and token.dep_ == "appos" and token.head.i == noun.i
    )


def age_of_person(finder: Finder, token: Token, atom: Atom) -> bool:
    """ "since he was 5", "she turned 50", "Smith, who is 54,", "the victim was 19", "he
    died at 82": a bare whole number that a person (a pronoun of one person, a person's
    name or a singular noun of ``data/person_words.txt``) is or turns, or that a life
    event happens at, is an age."""
    doc = token.doc
    if atom.unit or atom.currency or atom.obj or atom.scaled or not 0 < atom.value < 120:
        return False
    if atom.value != int(atom.value) or (atom.words and atom.value == 1):
        return False  # "he is one of them", "she was the one"
    text = finder.text
    end = token.idx + len(token)
    if text[end : end + 1] in FEET_MARKS or text[token.idx - 1 : token.idx] in FEET_MARKS:
        return False  # "someone who is 5'2\"": a height in feet and inches
    after = doc[token.i + 1 : token.i + 3]
    if after and (
        after[0].lower_ in NOT_AGE_AFTER
        or (after[0].lower_ == "in" and len(after) > 1 and after[1].like_num)
    ):
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "at":
        return head.head.lemma_ in AGE_AT_VERBS  # "died at 82", "retired at 65"
    if token.dep_ not in AGE_DEPS or head.lemma_ not in AGE_VERBS:
        return False
    if token.dep_ == "dobj" and head.lemma_ != "turn":
        return False
    return any(
        child.dep_ == "nsubj"
        and (
            child.lower_ in PERSON_PRONOUNS
            or (child.pos_ == "PROPN" and child.ent_type_ == "PERSON")
            or (child.tag_ == "NN" and child.lemma_.lower() in finder.lex.person_words)
        )
        for child in head.children
    )


def is_year(text: str, value: float) -> bool:
    """Four digits from 1000 to 2199: forecasts ("by 2120") are years too."""
    return len(text) == 4 and text.isdigit() and 1000 <= value < 2200


def year_like(atom: Atom, text: str) -> bool:
    """A bare four-digit year: no currency, unit or scale."""
    raw = text[atom.start : atom.number_end]
    return is_year(raw, atom.value) and not atom.currency and atom.unit is None and not atom.scaled
