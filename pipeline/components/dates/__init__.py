"""The dates stage: TimeML TIMEX3 items (type, value, mod, interval) for every time expression.

Assigns ``doc._.newsclaims_dates``: one dict per TIMEX3, ``{"start", "end", "type",
"value", "mod", "interval"}`` (character offsets into ``doc.text``), plus
``"range": {"start", "end"}`` on both ends of "between X and Y" / "from X to Y".
Requires the parser (clause tense), the model's DATE/TIME entities (to confirm
ambiguous candidates) and ``doc._.pub_date`` (the reference date; None leaves
relative expressions underspecified, never today's clock).

The modules, in the order a text goes through them:

``lexicon``      the word lists of ``data/lexicon.tsv`` (``numbers``: number words)
``patterns``     the patterns compiled from the lexicon (``Rules``)
``extents``      candidate extents (``checks``: which matches are timexes)
``tense``        the clause's tense, which places a weekday or a month
``normalise``    type, value and mod of a candidate, one handler a pattern family:
                 ``absolute``, ``deictic``, ``relative``, ``quarters`` (and the
                 financial mode), ``durations``, ``times``, ``modifiers``
``anchoring``    the per-document ``Context``: publication date, earlier mentions
``calendar``     date arithmetic and intervals
``compact``, ``coordination``  dates dateparser reads, and a coordination's neighbours
``find``         ``find_dates``, which runs them all on a ``Doc``

Corpus habits, kept as they are and named where they act: the financial mode of
earnings reports (``quarters.py``), dividend-notice words that put a date ahead
(``tense.py``), and TimeBank's spellings of some values (a comment says "TimeBank's
spelling" where a value follows that corpus rather than the calendar).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..._extensions import get_list
from ...guard import guarded
from ...lexicons import load_saved, save_resources
from .find import find_dates
from .lexicon import PATH, read_lexicon
from .patterns import Rules, compile_rules, shipped_rules

__all__ = ["DatesStage", "find_dates", "make_dates"]


class DatesStage:
    """Writes ``doc._.newsclaims_dates``; never raises on an article."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.rules: Rules = shipped_rules()  # compiled once, at load

    @guarded("newsclaims_dates")
    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "newsclaims_dates").extend(find_dates(doc, rules=self.rules))
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Save the lexicon (as shipped) into ``path``, so a saved pipeline carries it."""
        save_resources([PATH], path)

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> DatesStage:
        """Read the lexicon saved in ``path`` and compile the patterns from it."""
        text = load_saved([PATH], path)[PATH]
        self.rules = compile_rules(read_lexicon(text))
        return self


@Language.factory(
    "newsclaims_dates",
    assigns=["doc._.newsclaims_dates"],
    requires=["token.dep", "token.tag", "token.pos", "token.lemma", "doc.ents", "doc.sents"],
    default_config={},
)
def make_dates(nlp: Language, name: str) -> DatesStage:
    return DatesStage(nlp, name)
