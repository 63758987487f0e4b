"""What follows or precedes a number's digits: currency mark, scale, unit and rate.

Each function reads the text at a character offset with the compiled regexes of
``QuantitiesLexicons`` ("US$" before "58.24"; "bn", "barrels", "a year" after it).
A unit is ``(name, dimension)``: the registry's canonical name, singular and lower
case ("kilometre", "degree celsius", "british pound"), and what it measures.

Surface forms that name more than one unit are decided by their context
(``resolve``), and otherwise read as the lexicons say:

* "pound(s)": mass ("300 pounds of beef"), but money when the sentence has a
  sterling mark or word (``data/sterling_words.txt``: "£", "pence"), or no "of"
  follows and the number is scaled ("5 million pounds") or the sentence speaks of
  prices (``data/price_words.txt``: "costs", "paid", "worth") and not of weight
  (``data/weight_words.txt``: "weighs", "lost"): "the car costs 30,000 pounds";
* "$", "dollar(s)": the US dollar, unless the article names another dollar
  ("A$", "Canadian dollars", "HK$") and no US one ("US$", "USD", "US dollars"):
  then that dollar; a mark with a country ("A$", "C$", "NZ$") is its own dollar;
* "degree(s)", "deg", "°": a temperature when "celsius"/"fahrenheit" or a "c"/"f"
  follows ("6 deg c", "100 degrees f", "-3C", "°F", lexicon rows) or the sentence
  speaks of weather (``data/temperature_words.txt``: "temperatures", "heat") or
  the number is below zero ("minus 20 degrees");
  otherwise an angle. "C" and "F" right after a number are temperatures, unless
  the sentence speaks of circuits (``data/electric_words.txt``: "capacitor",
  "voltage"): then a coulomb and a farad, in either case; lower-case "c" and "f"
  otherwise only in a sentence that speaks of weather or heat ("temperatures
  hit 40c", "a 12 c melting point") or below zero ("-10c"), else a cent before a
  rate ("5c a litre") and no unit ("iPhone 5c");
* "nm": a nanometre, but a newton metre in a sentence about torque ("400 nm of
  torque");
* "mw", "mwh", "mhz", "mpa" in lower case: the mega- units news writes, not the
  milli- ones, and "mah" the milliampere hour of a battery (``data/units.tsv``);
  a lower-case "w" is a watt only glued to the number ("a 65w charger"; "9 w
  57th st" is an address);
* "won": the South Korean currency after a scaled number ("7 trillion won"),
  else the verb ("of 10 played, 7 won");
* "m": a million after a currency or before a plural noun ("$13.6m", "1.5m
  people"), else a metre ("the 100m sprint") (``scale_at``);
* "in": an inch only as "in." or right after feet ("6 ft 2 in"; the registry's
  "in" is skipped: "5 in a row");
  "ft", "yd", "mi" are feet, yards and miles; primes are feet and inches only together
  ("5'11\"", "5’4”": ``prime_height_at``; a lone "5'" is no unit).
"""

from __future__ import annotations

import re

from .atoms import Finder
from .lexicon import US_DOLLAR

#: Parts of speech that can be the counted noun of a number (or a rate's noun).
NOUN_POS = frozenset({"NOUN", "PROPN"})
#: Rate after a unit: "a year", "per day", "/h", "-a-day".
#: A yearly rate written the Latin way: "£40,000 p.a.", "£40,000pa", "per annum".
ANNUAL_RE = re.compile(r"[ \u00a0]?(?:p\.a\.|pa\b|per[ \u00a0]+annum\b)", re.I)
#: An adverb of frequency after an amount is its rate: "$2,000 monthly", "$50 hourly".
FREQUENCY_RE = re.compile(
    r"[ \u00a0]+(?P<adverb>annually|yearly|monthly|weekly|daily|hourly)\b", re.I
)
FREQUENCY_PER = {
    "annually": "year",
    "yearly": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
    "hourly": "hour",
}
PER_RE = re.compile(r"[ \u00a0]?-?(?P<w>per|an|a|/)(?:[ \u00a0]+|-|(?<=/))(?=[A-Za-z])", re.I)
WORD_RE = re.compile(r"[A-Za-z]+")
#: A conversion in brackets after an amount.
CONVERSION_RE = re.compile(r"[ \u00a0]*\([^()]{1,40}\)")
#: Feet written right before a number ("6 ft 2 in", "5 feet 11 in"), and the bare "in".
FEET_BEFORE_RE = re.compile(r"\d[ \u00a0]?(?:ft|feet|foot)\.?[ \u00a0]+$", re.I)
#: A sentence about an engine's torque, where "nm" is a newton metre, not a nanometre.
TORQUE_RE = re.compile(r"\btorque\b", re.I)
#: The number (and space or hyphen) at the end of the text before a unit, and a minus
#: sign or word before it.
NUMBER_BEFORE_RE = re.compile(r"[\d.,]+[ \u00a0-]?$")
MINUS_BEFORE_RE = re.compile(r"(?:^|[^\w-])[-−]$|\bminus[ \u00a0-]?$", re.I)
BARE_IN_RE = re.compile(r"[ \u00a0]?in\b\.?", re.I)
#: Inches written after feet without their unit ("6ft 2"), and a word glued after them.
INCHES_RE = re.compile(r"(?:[0-9]|1[01])")
WORD_AFTER_RE = re.compile(r"[\w.,]\w")
#: A height in primes: feet right before inches ("5'11\"", "5’4”", "6′2″").
FEET_PRIME_RE = re.compile(r"['’′](?=\d{1,2}(?:\.\d+)?[\"”″])")
INCH_PRIME_RE = re.compile(r"[\"”″]")
PRIME_BEFORE_RE = re.compile(r"\d['’′]$")


#: US dollar surfaces that name no country: another dollar of the article may be meant.
BARE_DOLLARS = frozenset({"$", "dollar", "dollars", "bucks"})
#: The letters read as temperatures after a number, and what they are in a circuit.
ELECTRIC = {"C": ("coulomb", "electric charge"), "F": ("farad", "capacitance")}


def currency_before(finder: Finder, start: int) -> tuple[int, str, str] | None:
    """(start, unit, dimension) of a currency mark right before ``start`` ("US$", "€")."""
    window = finder.text[max(0, start - 6) : start]
    match = finder.lex.prefix_re.search(window)
    if not match:
        return None
    key = re.sub(r"[ \u00a0]", "", match.group("prefix"))
    unit, dimension = finder.lex.prefixes.get(key) or finder.lex.prefixes[key.lower()]
    if key in BARE_DOLLARS and not finder.text[:start].rstrip(" \u00a0$").endswith("("):
        unit = finder.article_dollar or unit  # "(US$7.5 million)" after another currency
    return start - (len(window) - match.start("prefix")), unit, dimension


def resolve(
    finder: Finder, unit: tuple[int, str, str, str], *, scaled: bool
) -> tuple[int, str, str, str] | None:
    """``unit`` (end, name, dimension, surface) with its ambiguous surface decided by the
    context (see the module docstring); None when the surface is no unit there."""
    end, name, dimension, surface = unit
    lower = surface.lower()
    if name == "pound" and dimension == "mass" and lower.startswith("pound"):
        sentence = finder.sentence_text(end)
        of_after = re.match(r"[ \u00a0]+of\b", finder.text[end : end + 4])
        if (
            finder.lex.sterling_re.search(sentence)
            or (scaled and not of_after)
            or (
                not of_after
                and finder.lex.price_re.search(sentence)
                and not finder.lex.weight_re.search(sentence)
            )
        ):
            return end, "british pound", "currency", surface
    elif lower == "won" and not scaled:
        return None  # "7 trillion won" is money, "played 10, 7 won" a verb
    elif name == US_DOLLAR and lower in BARE_DOLLARS and finder.article_dollar:
        return end, finder.article_dollar, dimension, surface
    elif surface.upper() in ELECTRIC and finder.lex.electric_re.search(finder.sentence_text(end)):
        return end, *ELECTRIC[surface.upper()], surface  # "the capacitor held 2.5 F" (or "f")
    elif (
        surface in ("c", "f")
        and not finder.lex.temperature_re.search(finder.sentence_text(end))
        and not below_zero(finder, end - len(surface))
    ):
        if surface == "c" and per_at(finder, end) is not None:
            return end, "cent", "currency", surface  # "5c a litre", "20c per kWh"
        return None  # "iPhone 5c"; "temperatures hit 40c", "-10c" are Celsius
    elif name == "nanometre" and TORQUE_RE.search(finder.sentence_text(end)):
        return end, "newton metre", "torque", surface  # "400 nm of torque" in lower case
    elif surface == "w" and not finder.text[end - 2 : end - 1].isdigit():
        return None  # "a 65w charger" is a watt, "9 w 57th st" an address's west
    elif (
        name == "degree"
        and dimension == "angle"
        and (
            finder.lex.temperature_re.search(finder.sentence_text(end))
            or below_zero(finder, end - len(surface))
        )
    ):
        return end, name, "temperature", surface
    return unit


def below_zero(finder: Finder, unit_start: int) -> bool:
    """Whether the number before the unit at ``unit_start`` is negative ("-10c", "minus
    20 degrees"): news writes temperatures below zero, rarely angles or cents."""
    before = NUMBER_BEFORE_RE.sub("", finder.text[max(0, unit_start - 24) : unit_start])
    return bool(MINUS_BEFORE_RE.search(before))


def inch_after_feet(finder: Finder, start: int, end: int) -> int | None:
    """The end of "in" after the number at ``start``..``end`` when feet come right before
    it ("6 ft 2 in tall", "6ft 2in"): there the registry's skipped "in" is an inch; a
    whole number below 12 without it is one too ("he is 6ft 2", "5 foot 11")."""
    text = finder.text
    if not FEET_BEFORE_RE.search(text, max(0, start - 12), start):
        return None
    match = BARE_IN_RE.match(text, end)
    if match:
        return match.end()
    if INCHES_RE.fullmatch(text, start, end) and not WORD_AFTER_RE.match(text, end):
        return end
    return None


def prime_height_at(finder: Finder, start: int, end: int) -> tuple[int, str, str] | None:
    """(end, unit, unit_text) of a height written in primes after the number at
    ``start``..``end``: the feet of "5'11\"" and the inches after them; a lone prime or
    quote mark is no unit ("5' too short", "he said \"5\"")."""
    text = finder.text
    feet = FEET_PRIME_RE.match(text, end)
    if feet:
        return feet.end(), "foot", feet.group()
    inches = INCH_PRIME_RE.match(text, end)
    if inches and PRIME_BEFORE_RE.search(text, max(0, start - 2), start):
        return inches.end(), "inch", inches.group()
    return None


def unit_at(finder: Finder, pos: int) -> tuple[int, str, str, str] | None:
    """(end, unit, dimension, unit_text) of the longest unit starting at ``pos``."""
    lex = finder.lex
    best = None
    for regex, table, fold in (
        (lex.unit_re, lex.units, True),
        (lex.unit_cs_re, lex.units_cs, False),
    ):
        match = regex.match(finder.text, pos)
        if match and (best is None or match.end() > best[0]):
            surface = match.group("unit")
            key = re.sub(r"[ \u00a0]+", " ", surface.lower() if fold else surface)
            entry = table.get(key) or table.get(surface) or table.get(key.replace("-", " "))
            if entry:
                best = (match.end(), entry[0], entry[1], surface)
    return best


def scale_at(finder: Finder, pos: int, *, currency: bool) -> tuple[int, float] | None:
    """(end, multiplier) of a scale word or abbreviation at ``pos`` ("million", "bn", "k")."""
    lex = finder.lex
    match = lex.scale_re.match(finder.text, pos)
    if match:
        return match.end(), lex.scales[match.group("scale").lower()]
    match = lex.scale_cs_re.match(finder.text, pos)
    if match:
        surface = match.group("scale")
        # "37m" is a length, "$13.6m" and "4.3M" are millions.
        if surface == "m" and not currency and not counted_after(finder, match.end()):
            return None  # "37m", "the 100m sprint": metres; "1.5m people": millions
        if surface in ("b", "B") and not currency:
            return None
        return match.end(), lex.scales[surface]
    return None


def counted_after(finder: Finder, pos: int) -> bool:
    """Whether a plural noun or "of" follows ``pos`` ("1.5m people", "3m of them")."""
    token = finder.token_at(pos)
    if token is None or token.idx < pos:
        token = token.nbor() if token is not None and token.i + 1 < len(finder.doc) else None
    return token is not None and (token.tag_ in ("NNS", "NNPS") or token.lower_ == "of")


def rate_after_conversion(finder: Finder, pos: int) -> str | None:
    """The rate's denominator after a conversion in brackets that follows ``pos`` ("9
    billion shekels ($2.408 billion) a year"): the rate reads past the aside to the amount
    before it, as the text does; the aside's amount keeps no rate."""
    match = CONVERSION_RE.match(finder.text, pos)
    if match is None:
        return None
    per = per_at(finder, match.end())
    return per[1] if per is not None else None


def per_at(finder: Finder, pos: int) -> tuple[int, str] | None:
    """(end, denominator) of a rate at ``pos``: "a year", "per day", "/h"; "p.a.", "pa"
    and "per annum" are "year", "monthly" and the other adverbs of frequency theirs."""
    text = finder.text
    annual = ANNUAL_RE.match(text, pos)
    if annual:
        return annual.end(), "year"
    frequency = FREQUENCY_RE.match(text, pos)
    if frequency:
        return frequency.end(), FREQUENCY_PER[frequency.group("adverb").lower()]
    match = PER_RE.match(text, pos)
    if not match:
        return None
    word_start = match.end()
    unit = unit_at(finder, word_start)
    if unit and unit[2] != "age":
        end, name = unit[0], unit[1]
        if finder.lex.not_rate_after_re.match(text, end):
            return None
        rate_words = finder.lex.rate_words
        if match.group("w").lower() in ("a", "an") and not (
            name in rate_words or unit[3].lower() in rate_words  # "a tonne": metric ton
        ):
            return None
        return end, name
    word = WORD_RE.match(text, word_start)
    if not word:
        return None
    token = finder.token_at(word_start)
    lemma = (
        token.lemma_.lower()
        if token is not None and token.idx == word_start
        else word.group().lower()
    )
    if match.group("w").lower() in ("a", "an") and lemma not in finder.lex.rate_words:
        return None
    if finder.lex.not_rate_after_re.match(text, word.end()):
        return None  # "a year earlier", "a year ago"
    if token is not None and token.pos_ not in NOUN_POS and lemma not in finder.lex.rate_words:
        return None
    return word.end(), lemma
