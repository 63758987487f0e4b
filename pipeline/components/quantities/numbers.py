"""Reading numbers: digits with one regex over the text ("44,655", "5.5bn", "US$58.24",
"1/16", "5 ½", "1.99×10−30") and number words from the tokens ("three", "a dozen", "one and a
half", "tens of thousands", "two-thirds", "one in three"), with the shared parser of
``pipeline.lang.numbers``. Each number becomes an ``Atom`` with its surroundings
(``attach.attach_context``)."""

from __future__ import annotations

import math
import re

from ...lang.numbers import read_number
from .atoms import Atom, Finder
from .attach import attach_context
from .changes import modifier_before
from .units import ANNUAL_RE, currency_before, inch_after_feet, resolve, scale_at, unit_at

#: A written number: "44,655", "5.5", ".001", "1/16", "1.99×10−30", and the Indian
#: grouping of lakhs and crores ("1,00,000", "12,34,567"); a point after letters ends an
#: abbreviation ("Rs.12 million" is 12 million).
DIGITS_RE = re.compile(
    r"(?P<num>\d{1,2}(?:,\d\d)+,\d{3}(?!\d|,\d)(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d+(?:\.\d+)?|(?<![A-Za-z])\.\d+)"
    r"(?:[/⁄](?P<den>\d+)(?![\d,.]*\d)|[ \u00a0]?(?P<vulgar>[½⅓⅔¼¾⅛⅜⅝⅞]))?"
    r"(?:[×x]10(?P<exp>[-−]?\d+))?"
)
#: The vulgar fractions written after a whole number ("5 ½ years", "2¼ miles").
VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4}
VULGAR.update({"⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8})
#: A run of this many digits without separators is an identifier, not an amount.
ID_DIGITS = 10
#: The longest markup attribute value skipped whole ("2016-06-29T10:00:00+00:00").
MAX_ATTRIBUTE = 40
#: Clock times and ordinals at a number's offset.
CLOCK_RE = re.compile(r"\d{1,2}(?:[:.]\d{2})?[ \u00a0]?(?:[ap]\.?m\b\.?)|\d{1,2}:\d{2}\b", re.I)
AM_PM_RE = re.compile(r"[ap]\.?m", re.I)
ORDINAL_TAIL_RE = re.compile(r"(?:st|nd|rd|th|s|′s|'s|’s)\b")
#: Vague counts before a scale word: "several hundred", "a few thousand".
VAGUE_BEFORE_SCALE = frozenset({"several", "few"})
#: An age group named by its bound: "the over-65s", "under-18s".
AGE_GROUP_RE = re.compile(r"\b(?P<bound>over|under)-$", re.I)
AGE_GROUP_TAIL_RE = re.compile(r"s\b")
AGE_GROUP_CHANGE = {"over": ">", "under": "<"}
RATIO_RE = re.compile(r"\d+:\d+")
FRACTION_USE_RE = re.compile(r"[ \u00a0]+of\b", re.I)
LIST_NUMBER_RE = re.compile(r"\d{1,2}[.)][ \t]+\S")
PHONE_RE = re.compile(r"\(?\d{3}\)?[-. ]\d{3}[-.]\d{4}\b|\(?0\d{1,4}\)?[ .-]\d{3,4}[ .-]?\d{3,4}\b")
#: Prefixes glued with a hyphen that keep the number ("minus-5", "sub-7", "to-260,000").
HYPHEN_PREFIX_RE = re.compile(
    r"(?:^|(?<=[^A-Za-z]))(?P<word>minus|sub|to|now)[-‐][ \u00a0]?$", re.I
)
#: The first number of a range and its dash, right before the second ("5-" in "$5-10m").
RANGE_START_RE = re.compile(r"(?<![\d.,])\d[\d.,]*[ \u00a0]?[-–][ \u00a0]?$")
BY_BEFORE_RE = re.compile(r"(?:^|(?<=[^A-Za-z]))by[ \u00a0]+$", re.I)
MINUS_RE = re.compile(r"(?:^|(?<=[^A-Za-z]))(?P<word>minus)[ \u00a0]$", re.I)


def number_value(match: re.Match) -> float:
    """The value of a ``DIGITS_RE`` match: "44,655" 44655, "1/16" 0.0625, "5 ½" 5.5,
    "1.99×10−30"."""
    value = float(match.group("num").replace(",", ""))
    if match.group("den"):
        den = float(match.group("den"))
        value = value / den if den else value
    if match.group("vulgar"):
        value += VULGAR[match.group("vulgar")]
    if match.group("exp"):
        value *= 10.0 ** int(match.group("exp").replace("−", "-"))
    return value


def _sign_and_currency(
    finder: Finder, start: int
) -> tuple[int, bool, tuple[int, str, str] | None] | None:
    """(expression start, negative, currency) of the number at ``start``; None when it is
    glued to a word ("V10", "TA-35", "COVID-19") rather than a sign or currency mark."""
    text = finder.text
    before = text[start - 1] if start else " "
    window = text[max(0, start - 8) : start]
    currency = currency_before(finder, start)
    if currency is None and before in "-−" and start > 1:
        currency = currency_before(finder, start - 1)  # "$-50.8bn"
    qstart, negative = start, False
    if before.isalpha() and currency is None and not HYPHEN_PREFIX_RE.search(window):
        return None
    if before in "-−‐":
        prev = text[start - 2] if start > 1 else " "
        if prev.isalpha():
            glued = HYPHEN_PREFIX_RE.search(window)
            if glued is None:
                return None
            if glued.group("word").lower() == "minus":  # "minus-5 yards"
                negative, qstart = True, start - len(glued.group())
        elif not prev.isdigit():  # "-5", "$-50.8bn"; "5-6" is a range
            negative, qstart = True, start - 1
    minus = MINUS_RE.search(window)
    if minus and not negative:  # "minus 387 Fahrenheit"
        negative, qstart = True, start - (len(window) - minus.start())
    if before == "+":
        qstart = start - 1
    if currency is not None:
        qstart = min(qstart, currency[0])
    return qstart, negative, currency


def _skip_to(finder: Finder, match: re.Match) -> int | None:
    """Where reading resumes when the digits at ``match`` are no number of their own
    (clock time, ratio, phone number, "9/11", a markup attribute's value, an identifier);
    -1 to skip just this match; None to read it."""
    text = finder.text
    start, end = match.span()
    before = text[start - 1] if start else " "
    if (
        before.isdigit()
        or before in ".,:/@#_"
        and not (
            before == "." and currency_before(finder, start)  # "Rs.12 million"
        )
    ):
        return -1
    if before in "\"'" and text[max(0, start - 2) : start - 1] == "=":
        close = text.find(before, end, end + MAX_ATTRIBUTE)  # a markup attribute's value:
        return close if close != -1 else -1  # timestamp="1449075600", datetime="2016-06-29"
    if end - start >= ID_DIGITS and match.group("num").isdigit():
        return -1  # an identifier or a timestamp: "672137288055398401"
    clock = CLOCK_RE.match(text, start)
    if clock and (":" in clock.group() or AM_PM_RE.search(clock.group())):
        return clock.end()
    if (
        LIST_NUMBER_RE.match(text, start)
        and text[text.rfind("\n", 0, start) + 1 : start].strip() == ""
    ):
        return -1  # "1. Open the box." at the start of a line
    ratio = RATIO_RE.match(text, start)
    if ratio:
        return ratio.end()  # "3:1", "2:1 majority"
    phone = PHONE_RE.match(text, start)
    if phone:
        return phone.end()
    if match.group("den") and not FRACTION_USE_RE.match(text, end) and not unit_at(finder, end):
        return end  # "9/11", "24/7": a date or a phrase, not a fraction
    return None


def _range_after_currency(finder: Finder, start: int) -> bool:
    """Whether the number at ``start`` ends a range that starts with a currency ("$5-10m":
    the "m" is millions, as after the mark)."""
    before = RANGE_START_RE.search(finder.text, max(0, start - 24), start)
    return before is not None and currency_before(finder, before.start()) is not None


def _age_group(finder: Finder, match: re.Match) -> Atom | None:
    """ "the over-65s", "under-18s": people above or below an age, a bound of age."""
    text = finder.text
    start, end = match.span()
    bound = AGE_GROUP_RE.search(text, max(0, start - 6), start)
    if bound is None or not AGE_GROUP_TAIL_RE.match(text, end):
        return None
    value = number_value(match)
    if not 0 < value < 120 or value != int(value):
        return None
    return Atom(
        start=start,
        end=end + 1,
        value=value,
        number_end=end,
        mod_start=bound.start(),
        change=AGE_GROUP_CHANGE[bound.group("bound").lower()],
        unit="year of age",
        dimension="age",
    )


def find_digit_atoms(finder: Finder) -> list[Atom]:
    """Every number written in digits, with its currency, scale, unit and surroundings."""
    text = finder.text
    atoms: list[Atom] = []
    skip_until = 0
    for match in DIGITS_RE.finditer(text):
        start, end = match.span()
        if start < skip_until:
            continue
        skip = _skip_to(finder, match)
        if skip is not None:
            skip_until = max(skip_until, skip)
            continue
        group = _age_group(finder, match)
        if group is not None:
            atoms.append(group)
            finder.use(group)
            skip_until = group.end
            continue
        prefix = _sign_and_currency(finder, start)
        if prefix is None:
            continue  # glued to a word: "V10", "TA-35", "COVID-19"
        qstart, negative, currency = prefix
        value = -number_value(match) if negative else number_value(match)
        pos = end
        # Ordinals and decades: "96th", "1990s", "2022’s".
        if ORDINAL_TAIL_RE.match(text, pos) and not unit_at(finder, pos):
            continue
        scaled = False
        multiplier = 1.0
        money = currency is not None or _range_after_currency(finder, start)
        while True:
            scale = scale_at(finder, pos, currency=money)
            if scale is None:
                break
            pos, factor = scale
            value *= factor
            multiplier *= factor
            scaled = True
        # Glued letters that are neither scale nor unit make a code, not a number: "9AB8", "3D",
        # "iPhone 5c" (a "c" is Celsius only where the sentence speaks of weather).
        if pos < len(text) and text[pos].isalpha():
            yearly = currency is not None and ANNUAL_RE.match(text, pos)  # "£40,000pa"
            glued = unit_at(finder, pos)
            inch = inch_after_feet(finder, start, pos)  # "6ft 2in"
            if (
                not yearly
                and (glued is None or resolve(finder, glued, scaled=scaled) is None)
                and inch is None
            ):
                continue
        atom = Atom(
            start=qstart, end=pos, value=value, number_end=pos, scaled=scaled, multiplier=multiplier
        )
        if currency is not None:
            atom.currency = True
            atom.unit, atom.dimension = currency[1], currency[2]
            atom.unit_text = (
                text[currency[0] : start].strip().rstrip("-−") or text[currency[0] : start]
            )
        if text[start - 1 : start] == "+":
            atom.change = "up"  # "Dow +0.2%"
        first = finder.token_at(start)
        if first is None:
            continue
        finished = attach_context(finder, atom, first_token=first)
        if finished is None:
            continue
        atoms.append(finished)
        finder.use(finished)
        skip_until = finished.end
    return atoms


def find_word_atoms(finder: Finder) -> list[Atom]:
    """Numbers in words: "three", "a dozen", "one and a half", "tens of thousands", "two-thirds"."""
    doc, lex = finder.doc, finder.lex
    atoms: list[Atom] = []
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        lower = finder.lowers[i]
        if finder.used[i] or (
            lower not in lex.number_words
            and lower not in lex.vague_plurals
            and lower not in ("a", "an")
        ):
            i += 1
            continue
        atom, last = _read_words(finder, i)
        if (
            atom is not None
            and last + 1 < n
            and doc[last + 1].lower_ == "of"
            and lower == "one"
            and last == i
        ):
            atom = None  # "one of Russia's closest allies" picks one out, it does not count
        if atom is None:
            i += 1
            continue
        vague = False
        if last == i:  # a lone scale word: "several hundred", "a couple of hundred"
            read = _vague_scale(finder, i, atom)
            vague, atom = read is not atom, read
        finished = attach_context(finder, atom, first_token=token)
        if finished is not None:
            # A bare number word ("three") is kept only with a unit or counted noun, or as
            # a range bound ("three or four years"); see ``ranges.join_ranges``; a vague
            # count ("several hundred or even 1,000 megawatts") only with them.
            finished.keep_bare = bool(
                finished.unit
                or finished.obj
                or (
                    not vague and (finished.fraction or finished.low is not None or finished.scaled)
                )
            )
            atoms.append(finished)
            finder.use(finished)
        i = last + 1
    return atoms


def _read_words(finder: Finder, i: int) -> tuple[Atom | None, int]:
    """The atom of the number words starting at token ``i`` and the index of its last token."""
    doc, lex = finder.doc, finder.lex
    n = len(doc)
    token = doc[i]
    lower = finder.lowers[i]
    if lower in lex.vague_plurals:
        return _vague_plural(finder, i)
    proportion = _one_in(finder, i)
    if proportion is not None:
        return proportion
    half = _half_a(finder, i) or _fraction_of_scale(finder, i)
    if half is not None:
        return half
    reading = read_number(finder.lowers, i, lex.number_words)
    if reading is None:
        return None, i
    last = reading.last
    start = token.idx
    end = doc[last].idx + len(doc[last].text.rstrip("-‐") or doc[last].text)
    if reading.kind == "fold":
        atom = Atom(start=start, end=end, value=reading.value, number_end=end, words=True)
        atom.unit, atom.dimension, atom.unit_text = "times", "count", doc[last].text
        return atom, last
    if reading.kind == "fraction":
        if (
            not _after_by(finder, start)
            and (last + 1 >= n or doc[last + 1].lower_ != "of")
            and not (
                finder.lowers[i] in ("a", "an")
                and finder.lowers[last] in ("half", "quarter")
                and unit_at(finder, end) is not None
            )
        ):
            # "a third-party", "this half", "a third-year student": no proportion; "a
            # quarter-point cut", "a half-hour": half or a quarter of one unit
            return None, i
        atom = Atom(
            start=start, end=end, value=reading.value, number_end=end, words=True, fraction=True
        )
        return atom, last
    atom = Atom(
        start=start, end=end, value=reading.value, number_end=end, words=True, scaled=reading.scaled
    )
    return atom, last


def _vague_scale(finder: Finder, i: int, atom: Atom) -> Atom:
    """A lone scale word after a vague count or "a couple of": "several hundred people"
    and "a few thousand" are the range of the plural ("hundreds": 100 to 1,000), "a
    couple of hundred" is 200; else ``atom`` as read ("hundred")."""
    lowers = finder.lowers
    plural = finder.lex.vague_plurals.get(lowers[i] + "s")
    if plural is None or i < 1:
        return atom
    first = None
    if lowers[i - 1] in VAGUE_BEFORE_SCALE:
        first = i - 2 if i >= 2 and lowers[i - 1] == "few" and lowers[i - 2] == "a" else i - 1
        low, high, value = plural[0], plural[1], math.nan
    elif lowers[i - 1] == "couple" or (i >= 2 and lowers[i - 2 : i] == ["couple", "of"]):
        first = i - 1 if lowers[i - 1] == "couple" else i - 2
        first = first - 1 if first >= 1 and lowers[first - 1] == "a" else first
        low, high, value = None, None, 2 * atom.value
    if first is None:
        return atom
    return Atom(
        start=finder.doc[first].idx,
        end=atom.end,
        value=value,
        number_end=atom.number_end,
        words=True,
        scaled=True,
        low=low,
        high=high,
    )


def _after_by(finder: Finder, start: int) -> bool:
    """ "widened by a third", "fell by nearly a third": "by" before the number or its
    bound or approximation."""
    modifier = modifier_before(finder, start)
    if modifier is not None:
        start = modifier[0]
    return BY_BEFORE_RE.search(finder.text, max(0, start - 4), start) is not None


def _fraction_of_scale(finder: Finder, i: int) -> tuple[Atom, int] | None:
    """ "a half-billion dollars", "a quarter million people": the fraction of the scale word
    after it (with or without a hyphen), from "a" or the fraction word."""
    doc, words = finder.doc, finder.lex.number_words
    j = i + 1 if finder.lowers[i] in ("a", "an") else i
    fraction = words.get(finder.lowers[j]) if j < len(doc) else None
    if fraction is None or fraction[1] != "fraction" or finder.lowers[j] not in ("half", "quarter"):
        return None
    k = j + 1
    if k < len(doc) and doc[k].text in ("-", "‐"):
        k += 1
    scale = words.get(finder.lowers[k]) if k < len(doc) else None
    if scale is None or scale[1] != "scale":
        return None
    end = doc[k].idx + len(doc[k])
    atom = Atom(
        start=doc[i].idx,
        end=end,
        value=fraction[0] * scale[0],
        number_end=end,
        words=True,
        scaled=True,
    )
    return atom, k


def _half_a(finder: Finder, i: int) -> tuple[Atom, int] | None:
    """ "half a million votes", "half a dozen parks": half of the number after it; "half a
    percentage point", "half a mile": half of one unit (the unit is read after "a")."""
    doc, words = finder.doc, finder.lex.number_words
    if finder.lowers[i] != "half" or i + 2 >= len(doc) or finder.lowers[i + 1] not in ("a", "an"):
        return None
    article = doc[i + 1]
    if unit_at(finder, article.idx + len(article)) is not None:
        end = article.idx + len(article)
        return Atom(start=doc[i].idx, end=end, value=0.5, number_end=end, words=True), i + 1
    if words.get(finder.lowers[i + 2], (0, ""))[1] not in ("scale", "dozen"):
        return None
    reading = read_number(finder.lowers, i + 1, words)
    if reading is None:
        return None
    end = doc[reading.last].idx + len(doc[reading.last])
    atom = Atom(
        start=doc[i].idx,
        end=end,
        value=reading.value / 2,
        number_end=end,
        words=True,
        scaled=reading.scaled,
    )
    return atom, reading.last


def _vague_plural(finder: Finder, i: int) -> tuple[Atom | None, int]:
    """ "dozens of people", "tens of thousands of students", "hundreds of miles": a range;
    a larger plural scale after "of" multiplies it ("hundreds of millions of dollars" is
    1e8 to 1e9, "dozens of thousands" 12,000 to 120,000)."""
    doc, plurals = finder.doc, finder.lex.vague_plurals
    n = len(doc)
    token = doc[i]
    low, high = plurals[token.lower_]
    j = i
    if (
        j + 2 < n
        and doc[j + 1].lower_ == "of"
        and doc[j + 2].lower_ in plurals
        and plurals[doc[j + 2].lower_][0] >= high
    ):
        inner = plurals[doc[j + 2].lower_][0]
        low, high = low * inner, high * inner
        j += 2
    if j + 1 < n and doc[j + 1].lower_ == "of":
        end = doc[j].idx + len(doc[j])
        atom = Atom(
            start=token.idx, end=end, value=math.nan, number_end=end, words=True, low=low, high=high
        )
        return atom, j
    return None, i


def _one_in(finder: Finder, i: int) -> tuple[Atom, int] | None:
    """ "one in three", "one out of three": a proportion, and the index of its last token."""
    doc, words = finder.doc, finder.lex.number_words
    n = len(doc)
    if doc[i].lower_ != "one" or i + 2 >= n:
        return None
    k = i + 1
    if doc[k].lower_ == "in":
        k += 1
    elif doc[k].lower_ == "out" and i + 3 < n and doc[k + 1].lower_ == "of":
        k += 2
    else:
        return None
    if k < n and doc[k].lower_ in words and words[doc[k].lower_][1] in ("unit", "ten"):
        end = doc[k].idx + len(doc[k])
        atom = Atom(
            start=doc[i].idx,
            end=end,
            value=1 / words[doc[k].lower_][0],
            number_end=end,
            words=True,
            fraction=True,
        )
        return atom, k
    return None
