"""The dates stage: TimeML TIMEX3 items (type, value, mod, interval) for every time expression.

Assigns ``doc._.newsclaims_dates``: one dict per TIMEX3, ``{"start", "end", "type",
"value", "mod", "interval"}`` (character offsets into ``doc.text``), plus
``"range": {"start", "end"}`` on both ends of "between X and Y" / "from X to Y".
Requires the parser (clause tense), the model's DATE/TIME entities (to confirm
ambiguous candidates) and ``doc._.pub_date`` (the reference date; None leaves
relative expressions underspecified, never today's clock).

The component keeps its data file as read (``self.data``, saved as is by ``to_disk``)
and the lexicons parsed from it (``self.lexicons``).

The modules, in the order a text goes through them:

``lexicon``      the word lists of ``data/lexicon.tsv`` with the shared calendar and
                 number words (``pipeline/lang/``): ``read_lexicons``, ``load_lexicons``
``patterns``     the patterns compiled from them (``DatesLexicons``); ``numbers``:
                 counts as TimeML writes them, and the shared number words (cardinals,
                 decades, century ordinals) as the patterns and values use them
``extents``      candidate extents (``checks``: which matches are timexes; ``names``:
                 date words the model reads as words of a name, "Saturday Night Live")
``tense``        the clause's tense, which places a weekday or a month
``normalise``    type, value and mod of a candidate, one handler a pattern family:
                 ``absolute``, ``deictic``, ``relative``, ``quarters`` (and the
                 financial mode), ``durations``, ``times``, ``modifiers``
``anchoring``    the per-document ``Context``: publication date, earlier mentions
``calendar``     date arithmetic and intervals
``compact``, ``coordination``  dates dateparser reads, and a coordination's neighbours
``find``         ``find_dates``, which runs them all on a ``Doc``

The component's ``domain`` (config ``{"domain": "news"}``, the default, or
``"earnings"``) picks the reading: only ``earnings`` reads a whole text as an
earnings report once it mentions quarters or earnings twice (the financial mode of
``quarters.py``) and dividend-notice words (payable, record, effective) as dates
ahead (``tense.py``; any news reads "effective" before a calendar date so); under
``news`` a sentence decides for itself whether it reports a quarter's results. The
gold notation of TempEval-3 ("the week" as "1989-WXX", "the past year" as the year
before, AQUAINT's "Friday morning", "9 a.m. Tuesday" as DATEs) is applied when scoring
(``pipeline/evaluate/timebank.py``), not here; a comment says "TimeBank's spelling"
where a value still follows that corpus.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..._extensions import get_list
from ...guard import guarded
from ..stage import DataStage
from .find import DOMAINS, find_dates
from .lexicon import DATA_FILES, load_lexicons, read_lexicons
from .patterns import DatesLexicons

__all__ = ["DOMAINS", "STAGE", "DatesStage", "find_dates", "make_dates"]

STAGE = "newsclaims_dates"


class DatesStage(DataStage):
    """Writes ``doc._.newsclaims_dates``; never raises on an article."""

    def __init__(self, nlp: Language, name: str, domain: str = "news") -> None:
        if domain not in DOMAINS:
            raise ValueError(f"unknown dates domain {domain!r}; choose one of {', '.join(DOMAINS)}")
        super().__init__(name, DATA_FILES, load_lexicons(), read_lexicons)
        self.lexicons: DatesLexicons
        self.domain = domain

    @guarded(STAGE)
    def __call__(self, doc: Doc) -> Doc:
        found = find_dates(doc, lexicons=self.lexicons, domain=self.domain)
        get_list(doc, STAGE).extend(found)
        return doc


@Language.factory(
    STAGE,
    assigns=[f"doc._.{STAGE}"],
    requires=[
        "doc._.pub_date",
        "token.dep",
        "token.tag",
        "token.pos",
        "token.lemma",
        "doc.ents",
        "doc.sents",
    ],
    default_config={"domain": "news"},
)
def make_dates(nlp: Language, name: str, domain: str = "news") -> DatesStage:
    """The stage; ``domain`` "news" (any news) or "earnings" (also reads a whole text as an
    earnings report, and dividend-notice words as dates ahead)."""
    return DatesStage(nlp, name, domain)
