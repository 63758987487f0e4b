"""Build ``data/registry_units.tsv``: units and currencies from maintained registries.

Run ``make units`` (``python -m pipeline.components.quantities.registry``) after
upgrading pint, babel or pycountry; the output is committed, so the stage never
imports them. Rerunning with the same versions rewrites the same file.

* **physical units** come from pint's definitions (``pint.UnitRegistry()``, its
  ``default_en.txt``): each unit's name, symbol and aliases, their plurals, and
  the SI prefixes of the metric units (``registry_sources/prefixed.txt``) with
  their symbols ("km", "MWh", "GHz"). A unit's dimension is named from its
  pint dimensionality (``registry_sources/dimensions.tsv``; units of other
  dimensions, and those named there as dimensionless, are left out). Its
  canonical name is pint's, lower case, words spaced, with the British
  spelling where pint lists one ("metre", "litre", so "kilometre");
* **currencies** are the ISO 4217 codes in force (pycountry, less the X-codes
  of funds and metals), with babel's English name (the canonical name, lower
  case: "british pound", "japanese yen"; "dollar" for the US dollar, from
  ``registry_sources/currency_names.tsv``), its plural, its English
  symbol ("$", "A$", "£", "€", "₹"), the symbols of its other locales that name
  it alone ("₽", "₦", "Ksh", "GH₵"; ``regional_symbols``) and the code
  itself ("EUR"); a name's
  last word stands alone ("yen", "shekels") when no other currency ends with it;
* surfaces that are English words or letters news uses otherwise ("in", "a",
  "are", "point", "s", "t") are skipped (``registry_sources/skip.txt``); the
  stage's own ``data/units.tsv`` adds what news needs beyond, and rules in
  ``units.py`` decide the surfaces that stay ambiguous.

Rows: ``surface<TAB>unit<TAB>dimension<TAB>flags``; flags ``cs`` (match case)
and ``before`` (a currency mark that may stand before the number).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import pint
import pycountry
from babel import Locale, localedata
from babel.numbers import get_currency_name, get_currency_symbol

SOURCES = Path(__file__).parent / "registry_sources"  # the build's inputs, not shipped
OUTPUT = Path(__file__).parent / "data" / "registry_units.tsv"
#: SI prefixes given to the metric units of ``registry_prefixed.txt``.
PREFIXES = ("kilo", "mega", "giga", "tera", "centi", "milli", "micro", "nano", "hecto")
#: Name fragments of pint units that are physical constants or national variants.
NOT_NEWS_RE = re.compile(
    r"constant|planck|atomic_unit|H2O|Hg|_\d|conventional|international|^US_|^UK_|imperial|"
    r"tex_|survey|sidereal|tropical|synodic|gregorian|julian|common_year|leap_year|^mean_|"
    r"^ab|^stat|^delta_|css_|x_unit|classical|_mass$|bohr|hartree|rydberg|wien|TNT|^force_|"
    r"density|_star|_force$|^dry_|beer_|_pica|_point|didot|cicero|printers|scaled_"
)
SYMBOL_RE = re.compile(r"[^\W\d_]+|[^\W\d_]{1,3}_[^\W\d_]{1,3}")
#: Dimensions whose two-letter symbols are read in any case ("kw", "GB", "kv", "hz").
ANY_CASE_PAIRS = frozenset({"power", "information", "energy", "voltage", "frequency"})
#: Prefixes too rare in news to read their units' symbols in any case.
RARE_PREFIXES = ("centi", "hecto", "micro", "nano")
BRITISH = (("meter", "metre"), ("liter", "litre"))


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def british(name: str) -> str:
    for american, british_spelling in BRITISH:
        name = name.replace(american, british_spelling)
    return name


def plural(name: str) -> str:
    """The plural of a unit name: its head word ("miles per hour", "degrees celsius",
    "square feet", "centuries", "inches")."""
    words = name.split(" ")
    head = words.index("per") - 1 if "per" in words else 0 if words[0] == "degree" else -1
    word = words[head]
    irregular = {"foot": "feet", "century": "centuries", "millennium": "millennia"}
    if word in irregular:
        word = irregular[word]
    elif word in irregular.values():
        pass  # pint's plural alias ("feet")
    elif re.search(r"[^aeiou]y$", word):
        word = word[:-1] + "ies"
    elif re.search(r"(s|x|ch|sh)$", word):
        word += "es"
    elif word != "hertz" and not word.endswith("s"):
        word += "s"
    words[head] = word
    return " ".join(words)


def _is_word(alias: str) -> bool:
    return bool(re.fullmatch(r"[a-z][a-z_-]*[a-z]", alias))


def pint_rows(skip: frozenset[str]) -> list[tuple[str, str, str, str]]:
    registry = pint.UnitRegistry()
    dimensions = {dim: name for dim, name in _rows(SOURCES / "dimensions.tsv")}
    prefixed = {line[0] for line in _rows(SOURCES / "prefixed.txt")}
    rows: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    for definition in registry._units.values():
        name = definition.name
        if name in seen or NOT_NEWS_RE.search(name):
            continue
        seen.add(name)
        dimension = dimensions.get(name) or dimensions.get(str(registry.get_dimensionality(name)))
        if dimension in (None, "-"):
            continue
        canonical = british(name.replace("_", " ").lower())
        words = {name, *(a for a in definition.aliases if _is_word(a))}
        for word in sorted(words):
            spaced = word.replace("_", " ").lower()
            for form in {spaced, british(spaced)} - skip:  # a skipped word goes with its plural
                rows += [(form, canonical, dimension, ""), (plural(form), canonical, dimension, "")]
        symbols = {definition.symbol, *(a for a in definition.aliases if not _is_word(a))}
        # "sq_ft" is written "sq ft"; symbols with digits or more parts are not news's.
        symbols = {s.replace("_", " ") for s in symbols if SYMBOL_RE.fullmatch(s)}
        rows += [(s, canonical, dimension, "cs") for s in sorted(symbols)]
        if dimension == "length" and name in prefixed:
            rows += _square_and_cubic(canonical, definition.symbol)
        if name in prefixed:
            for prefix in PREFIXES:
                entry = registry._prefixes[prefix]
                unit = prefix + canonical
                for form in {prefix + name.replace("_", " "), unit}:
                    rows += [(form, unit, dimension, ""), (plural(form), unit, dimension, "")]
                for symbol in {entry.symbol, *entry.aliases} - {"u", "mu", "mc"}:
                    for base in sorted(symbols):
                        rows.append((symbol + base, unit, dimension, "cs"))
                    if dimension == "length":
                        rows += _square_and_cubic(unit, symbol + definition.symbol)
    return [row for row in rows if row[0] not in skip and row[0].lower() not in skip]


def _square_and_cubic(unit: str, symbol: str) -> list[tuple[str, str, str, str]]:
    """ "square kilometre", "sq km", "km²", "km2" and the cubic forms of a metric length."""
    rows = []
    for power, word, short, sign in ((2, "square", "sq", "²"), (3, "cubic", "cu", "³")):
        name, dimension = f"{word} {unit}", "area" if power == 2 else "volume"
        for american in {name, name.replace("metre", "meter")}:
            rows += [(american, name, dimension, ""), (plural(american), name, dimension, "")]
        for form in (f"{short} {symbol}", f"{symbol}{sign}", f"{symbol}{power}"):
            rows.append((form, name, dimension, "cs"))
    return rows


def lower_cased_symbols(
    rows: list[tuple[str, str, str, str]], skip: frozenset[str]
) -> list[tuple[str, str, str, str]]:
    """Symbols with capitals also in any case ("ghz", "KWH" in lower- or upper-cased text)
    when no other unit's symbol reads the same ("mw" is milliwatt or megawatt: left out),
    of three letters or more, or two of a power, energy, voltage or data unit ("kw", "gb")."""
    units_of: dict[str, set[str]] = defaultdict(set)
    for surface, unit, _, _flags in rows:
        units_of[surface.lower()].add(unit)
    return [
        (surface.lower(), unit, dimension, "")
        for surface, unit, dimension, flags in rows
        if "cs" in flags
        and surface != surface.lower()
        and (len(surface) > 2 or (len(surface) == 2 and dimension in ANY_CASE_PAIRS))
        and not unit.startswith(RARE_PREFIXES)
        and len(units_of[surface.lower()]) == 1
        and surface.lower() not in skip
    ]


def currency_rows(skip: frozenset[str]) -> list[tuple[str, str, str, str]]:
    codes = sorted(c.alpha_3 for c in pycountry.currencies if not c.alpha_3.startswith("X"))
    # the contract's own names ("dollar" is the US dollar): registry_sources/currency_names.tsv
    short_names = {code: name for code, name in _rows(SOURCES / "currency_names.tsv")}
    rows: list[tuple[str, str, str, str]] = []
    by_last_word: dict[str, set[str]] = defaultdict(set)
    names = {}
    for code in codes:
        name = get_currency_name(code, locale="en").lower()
        if "(" in name:
            continue
        names[code] = name
        many = get_currency_name(code, count=2, locale="en").lower()
        unit = short_names.get(code, name)
        rows += [(name, unit, "currency", ""), (many, unit, "currency", "")]
        rows.append((code, unit, "currency", "cs before"))
        symbol = get_currency_symbol(code, locale="en")
        if symbol != code:
            rows.append((symbol, unit, "currency", "cs before"))
        for word in {name.split(" ")[-1], many.split(" ")[-1]}:
            by_last_word[word].add(unit)
    for symbol, code in sorted(regional_symbols(codes).items()):
        if code in names:
            rows.append((symbol, short_names.get(code, names[code]), "currency", "cs before"))
    for word, currencies in sorted(by_last_word.items()):
        if len(currencies) == 1 and " " in next(iter(currencies)):
            rows.append((word, next(iter(currencies)), "currency", ""))
    return [row for row in rows if row[0] not in skip]


def regional_symbols(codes: list[str]) -> dict[str, str]:
    """Symbol -> currency code from babel's locales, for the symbols that name one
    currency: a currency sign alone or after a country's letters from any locale ("₽"
    in "ru", "₺", "฿", "EG£", "RD$"), and from the regional English locales also
    letters with a sign or small letters ("GH₵", "kr.", "Ksh", "Rp" in "en_GH",
    "en_DK", "en_KE", "en_ID"). "$" and capitals alone ("R", "MK", "SR") name many
    things in news."""
    currencies_of: dict[str, set[str]] = defaultdict(set)
    for identifier in localedata.locale_identifiers():
        english = identifier.startswith("en_")
        symbols = Locale.parse(identifier).currency_symbols
        for code in codes:
            symbol = symbols.get(code)
            if symbol and symbol != code and (english or _signed(symbol)):
                currencies_of[symbol].add(code)
    return {
        symbol: next(iter(currencies))
        for symbol, currencies in currencies_of.items()
        if len(currencies) == 1
        and (not symbol.isalpha() or (len(symbol) > 1 and not symbol.isupper()))
    }


def _signed(symbol: str) -> bool:
    """A currency sign, alone or after a country's capitals ("₽", "EG£", "RD$")."""
    sign = symbol[-1]
    letters = symbol[:-1]
    return unicodedata.category(sign) == "Sc" and (
        not letters or (letters.isascii() and letters.isalpha() and letters[0].isupper())
    )


def build() -> str:
    skip = frozenset(line[0] for line in _rows(SOURCES / "skip.txt"))
    physical = pint_rows(skip)
    rows = physical + lower_cased_symbols(physical, skip) + currency_rows(skip)
    unique: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for row in rows:
        key = ("cs", row[0]) if "cs" in row[3] else ("ci", row[0].lower())
        unique.setdefault(key, row)  # the first unit to claim a surface keeps it
    versions = ", ".join(f"{name} {version(name)}" for name in ("pint", "babel", "pycountry"))
    header = [
        "# Generated by `make units` (pipeline/components/quantities/registry.py) from "
        + versions
        + "; do not edit: data/units.tsv adds and overrides.",
        "# surface<TAB>unit<TAB>dimension<TAB>flags (cs: match case; before: a currency mark "
        "that may precede the number)",
    ]
    body = ["\t".join(r[:3]) + ("\t" + r[3] if r[3] else "") for r in sorted(unique.values())]
    return "\n".join(header + body) + "\n"


if __name__ == "__main__":
    OUTPUT.write_text(build(), encoding="utf-8")
    print(f"wrote {OUTPUT}")
