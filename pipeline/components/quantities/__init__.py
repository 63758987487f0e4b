"""The quantities stage: numbers with their unit, bound or change, rate and counted object.

Assigns ``doc._.newsclaims_quantities``: one dict per quantity,
``{"start", "end", "value", "low", "high", "change", "unit", "unit_text", "per",
"object": {"start", "end"} | None, "dimension"}``, character offsets into
``doc.text``. The span covers the quantity expression: its bound or
approximation words ("upwards of", "nearly"), currency mark, number, scale,
unit and rate ("above 500,000 barrels a year"); the counted noun is ``object``
("oil" in "44,655 barrels of oil", "cases" in "1 million cases").
``unit`` is the canonical name of a unit from maintained registries (pint's
units, babel's and pycountry's currencies, compiled into
``data/registry_units.tsv`` by ``registry.py``, ``make units``) or of the few
that news adds (``data/units.tsv``: percent, basis point, year of age,
barrel, times); ``dimension`` says what it measures (``length``,
``currency``, ``temperature``, ``count`` for a counted noun, ``fraction`` for
a proportion, None for a bare number). Surface forms that name several units
("pounds", "$", "degrees", "m", "C"/"F") are decided by context: see
``units``. NewsQuant's unit names are derived when scoring
(``pipeline.evaluate.quantities``), not written here.

Deliberate choices: "one of the best ..." is not a quantity (issue 4), though
NewsQuant counts it as 1 (and the scorer does not add it); a number
after a name ("FTSE 100", "iPhone 11") or before an address or model ("49 Zorro
Ranch Road", "787 Dreamliner") is a label, and so is a debt's term before it
("the 10-year yield", ``data/tenor_words.txt``; "a 10-year sentence" is an amount of time); a bare
whole number between commas after a name ("Maddon, 66,") is an age (unit
``year of age``, dimension ``age``), and so is one a person is, turns or dies at
("since he was 5", "the victim was 19", "she turned 50", "died at 82"; nouns of a
person in ``data/person_words.txt``).

Requires the model's tokens, POS tags, dependency parse and entities (DATE and
TIME entities exclude dates and clock times).

How it works, in one pass per document and no per-pattern passes:

1. ``numbers``: digit numbers are found with one compiled regex over ``doc.text``
   ("44,655", "5.5bn", "US$58.24", "Y=28,030", "640bhp"); number words
   ("three", "a dozen", "one and a half", "tens of thousands", "two-thirds")
   are read from the tokens with the shared parser ``pipeline.lang.numbers``;
2. ``units`` and ``changes``: around each number, compiled regexes anchored at
   its offsets read the currency mark and modifier before it and the scale,
   unit and rate after it (lexicons in ``data/``, read and compiled by ``lexicon``);
3. ``changes``, ``objects``, ``filters``: tokens give the change verb ("rose",
   "fell by"), the counted noun (the number's ``nummod`` head, or the noun
   phrase after "of") and the filters (years, dates, clock times, ordinals,
   names like "Game 7", "one of"); ``attach`` applies them to a number;
4. ``ranges``: neighbouring numbers joined by "to", "-", "between ... and",
   "from ... to" become one range (``value`` None, ``low``/``high`` set);
5. ``elision``: a number takes what it leaves out from a neighbour: the unit
   ("280 million of the 1.5 billion shekels", "3.5 percent in May and 4 in
   June"), the counted noun of a suspended compound ("four-, five- and
   six-cylinder", before ranges are joined) and a gapped change ("down 2.3%,
   Burlington by 2.6%");
6. ``find``: ``find_quantities(doc)`` runs the steps and writes the dicts.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..._extensions import get_list
from ...guard import guarded
from ..stage import DataStage
from .find import find_quantities
from .lexicon import DATA_FILES, QuantitiesLexicons, load_lexicons, read_lexicons

STAGE = "newsclaims_quantities"

__all__ = [
    "STAGE",
    "QuantitiesLexicons",
    "QuantitiesStage",
    "find_quantities",
    "load_lexicons",
    "make_quantities",
]


class QuantitiesStage(DataStage):
    """Writes ``find_quantities(doc)`` to ``doc._.newsclaims_quantities``; never raises.

    Its rules are the files of ``data/`` (``self.data``, parsed into
    ``self.lexicons``); ``to_disk`` saves them as read and ``from_disk`` reads
    them back, so a saved pipeline runs with the rules it was saved with. The
    number words are the package-wide table of ``pipeline.lang``, not saved.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name, DATA_FILES, load_lexicons(), read_lexicons)
        self.lexicons: QuantitiesLexicons

    @guarded(STAGE)
    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, STAGE).extend(find_quantities(doc, self.lexicons))
        return doc


@Language.factory(
    STAGE,
    assigns=[f"doc._.{STAGE}"],
    requires=["token.pos", "token.dep", "token.lemma", "doc.ents"],
    default_config={},
)
def make_quantities(nlp: Language, name: str) -> QuantitiesStage:
    return QuantitiesStage(nlp, name)
