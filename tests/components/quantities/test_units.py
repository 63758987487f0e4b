"""Currency marks, scales, units and rates around a number (``quantities.units``)."""

from __future__ import annotations

import pytest

from pipeline.components.quantities.find import find_quantities
from pipeline.components.quantities.units import (
    counted_after,
    currency_before,
    per_at,
    scale_at,
    unit_at,
)

from . import finder_of, hand_doc


def plain(text: str):
    """A doc whose rule under test reads only characters: one NOUN token per word."""
    rows = [(word, "NOUN", "NN", "ROOT", 0) for word in text.split()]
    return finder_of(hand_doc(text, rows))


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("It cost US$58.24", 11, (8, "dollar", "currency")),
        ("a HK$216,925 deal", 5, (2, "hong kong dollar", "currency")),
        ("£1,000 each", 1, (0, "british pound", "currency")),
        ("sold 1,000 each", 5, None),
    ],
)
def test_currency_before(text: str, at: int, expected) -> None:
    assert currency_before(plain(text), at) == expected


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("5 kilometres away", 1, (12, "kilometre", "length", "kilometres")),
        ("9.4 per cent more", 3, (12, "percent", "percentage", "per cent")),
        ("155mph winds", 3, (6, "mile per hour", "speed", "mph")),
        ("5 kilometresque", 1, None),  # a unit ends at a word boundary
    ],
)
def test_unit_at_reads_the_longest_unit(text: str, at: int, expected) -> None:
    assert unit_at(plain(text), at) == expected


def test_scale_m_is_millions_only_before_a_counted_noun_or_after_a_currency() -> None:
    text = "1.5m people and 37m walls"
    rows = [
        ("1.5", "NUM", "CD", "nummod", 2),
        ("m", "NOUN", "NN", "compound", 2),
        ("people", "NOUN", "NNS", "ROOT", 2),
        ("and", "CCONJ", "CC", "cc", 2),
        ("37", "NUM", "CD", "nummod", 6),
        ("m", "NOUN", "NN", "compound", 6),
        ("walls", "NOUN", "NN", "conj", 2),
    ]
    finder = finder_of(hand_doc(text, rows))
    assert scale_at(finder, 3, currency=False) == (4, 1e6)
    assert scale_at(finder, 18, currency=False) is None  # metres: "walls" is no plural tag
    assert scale_at(finder, 18, currency=True) == (19, 1e6)
    assert counted_after(finder, 4) and not counted_after(finder, 19)


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("5 billion", 1, (9, 1e9)),
        ("5.5bn", 3, (5, 1e9)),
        ("10k", 2, (3, 1000.0)),
        ("5 b", 1, None),  # "b" is a billion only after a currency mark
    ],
)
def test_scale_at(text: str, at: int, expected) -> None:
    assert scale_at(plain(text), at, currency=False) == expected


def test_a_rate_after_a_unit() -> None:
    text = "500,000 barrels a year ago and $3 per day"
    rows = [
        ("500,000", "NUM", "CD", "nummod", 1),
        ("barrels", "NOUN", "NNS", "ROOT", 1),
        ("a", "DET", "DT", "det", 3),
        ("year", "NOUN", "NN", "npadvmod", 4),
        ("ago", "ADV", "RB", "advmod", 1),
        ("and", "CCONJ", "CC", "cc", 1),
        ("$", "SYM", "$", "nmod", 7),
        ("3", "NUM", "CD", "conj", 1),
        ("per", "ADP", "IN", "prep", 7),
        ("day", "NOUN", "NN", "pobj", 8),
    ]
    finder = finder_of(hand_doc(text, rows))
    assert per_at(finder, 15) is None  # "a year ago" is when, not a rate
    assert per_at(finder, 34) == (41, "day")


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("$1,271 an ounce", 6, (15, "ounce")),
        ("$3,500 a month", 6, (14, "month")),
        ("20 km/h", 5, (7, "h")),  # a symbol after "/" is read as written
        ("$5 a share", 2, (10, "share")),
        ("$5 a car", 2, None),  # "a" makes a rate only before a rate word
    ],
)
def test_per_at(text: str, at: int, expected) -> None:
    assert per_at(plain(text), at) == expected


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        # Names, plurals, symbols and SI prefixes from pint's definitions.
        ("12 km away", 2, ("kilometre", "length", "km")),
        ("3 miles away", 1, ("mile", "length", "miles")),
        ("6 ft tall", 1, ("foot", "length", "ft")),
        ("40 sq ft rooms", 2, ("square foot", "area", "sq ft")),
        ("50mL acid", 2, ("millilitre", "volume", "mL")),
        ("5 GHz chips", 1, ("gigahertz", "frequency", "GHz")),
        ("20 µm wide", 2, ("micrometre", "length", "µm")),
        ("9 kilograms each", 1, ("kilogram", "mass", "kilograms")),
        ("2 centuries ago", 1, ("century", "time", "centuries")),
        ("-3C outside", 2, ("degree celsius", "temperature", "C")),
        ("6 deg c outside", 1, ("degree celsius", "temperature", "deg c")),
        ("100 degrees f outside", 3, ("degree fahrenheit", "temperature", "degrees f")),
        # Currencies with codes, names and symbols from babel and pycountry.
        ("5m EUR deal", 2, ("euro", "currency", "EUR")),
        ("5 million euros", 9, ("euro", "currency", "euros")),
        ("30 yen each", 2, ("japanese yen", "currency", "yen")),
        ("9 shekels each", 1, ("israeli new shekel", "currency", "shekels")),
        ("4 Swiss francs", 1, ("swiss franc", "currency", "Swiss francs")),
    ],
)
def test_units_from_the_registries(text: str, at: int, expected) -> None:
    found = unit_at(plain(text), at)
    assert found is not None and found[1:] == expected
    assert text[at : found[0]].strip(" -") == expected[2]  # the offsets hold the surface


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("5 in a row", 1, None),  # "in" is no inch
        ("won 5 are", 5, None),  # pint's "are" (100 m²) is skipped
        ("5 point lead", 1, ("point", "count", "point")),  # news's point, not pint's
        ("5 a year", 1, None),  # pint's "a" (annum) is skipped
    ],
)
def test_registry_surfaces_that_are_words_are_skipped(text: str, at: int, expected) -> None:
    found = unit_at(plain(text), at)
    assert (found[1:] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beef sold 300 pounds of it.", ("pound", "mass")),
        ("He weighs 300 pounds.", ("pound", "mass")),
        ("The fine was 300 pounds, or £300.", ("british pound", "currency")),
        ("They raised 5 million pounds.", ("british pound", "currency")),
        ("They shipped 5 million pounds of beef.", ("pound", "mass")),
        ("Temperatures reached 40 degrees.", ("degree", "temperature")),
        ("The ramp turns 40 degrees.", ("degree", "angle")),
        ("The capacitor stored 2.5 F at 5 volts.", ("farad", "capacitance")),
        ("temperatures hit 40c in delhi.", ("degree celsius", "temperature")),
        ("the plant makes 500 mw of power.", ("megawatt", "power")),  # news's mw
        ("The 5 mW laser.", ("milliwatt", "power")),
        ("Phoenix hit 115F on Sunday.", ("degree fahrenheit", "temperature")),
        ("Seoul set aside 7 trillion won for it.", ("south korean won", "currency")),
    ],
)
@pytest.mark.model
def test_ambiguous_units_are_decided_by_context(text: str, expected, nlp) -> None:
    quantity = find_quantities(nlp(text))[0]
    assert (quantity["unit"], quantity["dimension"]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It costs $5.", "dollar"),
        ("It costs A$7, or $5.", "australian dollar"),  # the article's dollar
        ("It costs A$7 (US$5), or $5.", "dollar"),  # a US dollar is named too
        ("It costs 10 Canadian dollars ($7.5).", "dollar"),  # a conversion in brackets
        ("It costs C$10 and 3 dollars.", "canadian dollar"),
    ],
)
@pytest.mark.model
def test_a_bare_dollar_is_the_articles_dollar(text: str, expected, nlp) -> None:
    quantity = find_quantities(nlp(text))[-1]
    assert quantity["unit"] == expected and quantity["dimension"] == "currency"


@pytest.mark.parametrize(
    ("text", "unit", "value", "surface"),
    [
        ("It paid EUR 5m.", "euro", 5e6, "EUR 5m"),
        ("It paid 5 million euros.", "euro", 5e6, "5 million euros"),
        ("It paid £3bn.", "british pound", 3e9, "£3bn"),
        ("It paid A$10.", "australian dollar", 10, "A$10"),
    ],
)
@pytest.mark.model
def test_currency_codes_and_symbols(text: str, unit: str, value: float, surface: str, nlp) -> None:
    (quantity,) = find_quantities(nlp(text))
    assert (quantity["unit"], quantity["dimension"], quantity["value"]) == (unit, "currency", value)
    assert text[quantity["start"] : quantity["end"]] == surface


@pytest.mark.model
def test_every_quantity_has_a_dimension_field(nlp) -> None:
    text = "About 1 million cases, two-thirds of voters, 7 and 5% were seen."
    found = {text[q["start"] : q["end"]]: q["dimension"] for q in find_quantities(nlp(text))}
    assert found["About 1 million"] == "count"
    assert found["two-thirds"] == "fraction"
    assert found["5%"] == "percentage"
    assert found["7"] is None


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("paid a$10", 7, (5, "australian dollar", "currency")),  # lower-cased text
        ("paid hk$10", 8, (5, "hong kong dollar", "currency")),
        ("paid HK $10", 9, (5, "hong kong dollar", "currency")),  # the lexicon's space
        ("paid a $10", 8, (7, "dollar", "currency")),  # "a" is the article
        ("paid eur 10", 9, (5, "euro", "currency")),  # a code in any case ...
        ("paid usd10m", 8, (5, "dollar", "currency")),
        ("rub 10 drops in", 4, None),  # ... but one that is a word only as written, or glued
        ("paid rub10", 8, (5, "russian ruble", "currency")),
        ("paid rs 500", 8, (5, "indian rupee", "currency")),  # a mark without "cs"
        ("paid EUR 10", 9, (5, "euro", "currency")),
        ("at cop26 talks", 6, None),  # codes that are words or names are skipped
    ],
)
def test_currency_marks_with_a_sign_in_any_case(text: str, at: int, expected) -> None:
    assert currency_before(plain(text), at) == expected


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("5 ghz chips", 1, ("gigahertz", "frequency", "ghz")),
        ("5 KWH used", 1, ("kilowatt hour", "energy", "KWH")),
        ("5 gb of data", 1, ("gigabyte", "information", "gb")),
        ("5 mw plant", 1, ("megawatt", "power", "mw")),  # not the registry: units.tsv
        ("5 mv cell", 1, None),  # millivolt or megavolt: left to the case
        ("5 MW plant", 1, ("megawatt", "power", "MW")),
    ],
)
def test_symbols_in_any_case_when_unambiguous(text: str, at: int, expected) -> None:
    found = unit_at(plain(text), at)
    assert (found[1:] if found else None) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", ["the iPhone 5c sold well.", "he bought an iPhone 5c a year ago."])
def test_a_lower_case_c_is_no_unit_without_weather(text: str, nlp) -> None:
    assert find_quantities(nlp(text)) == []


@pytest.mark.model
def test_a_lower_case_c_before_a_rate_is_a_cent(nlp) -> None:
    (found,) = find_quantities(nlp("petrol is 5c a litre dearer."))
    assert (found["value"], found["unit"], found["per"]) == (5, "cent", "litre")


@pytest.mark.model
def test_won_after_a_bare_number_is_the_verb(nlp) -> None:
    text = "Of the 10 games played, 7 won."
    (seven,) = [q for q in find_quantities(nlp(text)) if q["value"] == 7]
    assert (seven["unit"], text[seven["start"] : seven["end"]]) == (None, "7")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the rate is 110 jpy to 1 usd", [(110, "japanese yen"), (1, "dollar")]),
        ("it raised 5 million gbp", [(5e6, "british pound")]),
        ("he paid 5 rub", [(5, None)]),
    ],
)
def test_lower_case_currency_codes_after_a_number(text: str, expected: list) -> None:
    quantities = find_quantities(plain(text).doc)
    assert [(q["value"], q["unit"]) for q in quantities] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a 4500 mah battery", [(4500, "milliampere hour")]),
        ("a 65w charger", [(65, "watt")]),
        ("a 40 W lamp", [(40, "watt")]),
        ("at 9 w 57th", [(9, None)]),  # a lower-case "w" apart from the number: no watt
        ("up 3 pct", [(3, "percent")]),
    ],
)
def test_lower_case_abbreviations(text: str, expected: list) -> None:
    quantities = find_quantities(plain(text).doc)
    assert [(q["value"], q["unit"]) for q in quantities] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he is 6 ft 2 in tall", [(6, "foot"), (2, "inch")]),
        ("he is 5 feet 11 in tall", [(5, "foot"), (11, "inch")]),
        ("won 5 in a row", [(5, None)]),  # "in" after no feet is the preposition
    ],
)
def test_inches_after_feet(text: str, expected: list) -> None:
    quantities = find_quantities(plain(text).doc)
    assert [(q["value"], q["unit"]) for q in quantities] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the capacitor held 2.5 f", [(2.5, "farad")]),
        ("the capacitor held 2.5 F", [(2.5, "farad")]),
        ("a 12 c melting point", [(12, "degree celsius")]),
        ("the iphone 5c is cheap", []),  # no weather, no circuit: a letter of a name
    ],
)
def test_lower_case_c_and_f_by_their_sentence(text: str, expected: list) -> None:
    quantities = find_quantities(plain(text).doc)
    assert [(q["value"], q["unit"]) for q in quantities] == expected


def test_a_rate_after_a_conversion_in_brackets_is_the_amount_befores() -> None:
    text = "a dividend of 50 yen ( $0.45 ) a share"
    quantities = find_quantities(plain(text).doc)
    assert [(q["value"], q["unit"], q["per"]) for q in quantities] == [
        (50, "japanese yen", "share"),
        (0.45, "dollar", None),
    ]
    assert quantities[0]["end"] == text.index("yen") + 3  # the span is the amount's own
