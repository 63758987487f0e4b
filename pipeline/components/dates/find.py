"""``find_dates``: the TIMEX3 items of a document, in text order.

Extents come from compiled patterns (``extents.py``) run once over the text, with
TimeML's extent rules (modifiers such as "about", "early", "the end of" included,
"in"/"on" excluded); they cover what the model's DATE/TIME entities give and what
they miss (durations, sets, "now", "recently"). The entities only confirm the
ambiguous candidates ("a week", bare "months"): on TempEval-3 the entities the
patterns do not cover are mostly not timexes (ages, "80486"), so patterns come
first and entities are a check; a year-like number the model counts with
("about 1500 people") is dropped. Each candidate is then placed by the clause's
tense (``tense.py``) and valued (``normalise.py``) against the per-document
``Context``; compact numeric dates (``compact.py``) and the neighbours of a
coordination (``coordination.py``) come last.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from datetime import date

from spacy.attrs import IDX
from spacy.tokens import Doc

from .anchoring import Context
from .calendar import interval
from .compact import with_compact_dates
from .coordination import mark_ranges, with_elided
from .extents import TimexCandidate, find_candidates
from .lexicon import load_lexicons
from .names import NAME_LABELS, part_of_a_name
from .normalise import normalise
from .patterns import DatesLexicons
from .quarters import (
    financial_mode,
    reported_quarter,
    reports_quarter,
    reports_several_quarters,
)
from .tense import clause_tense


def parse_pub_date(value: str | None) -> date | None:
    """The publication date of an ISO string ("2023-06-13", "2023-06-13T09:00"), else None."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


#: The readings the stage offers: ``news`` (any news) and ``earnings`` (earnings reports:
#: the financial mode of ``quarters.py`` and the dividend-notice words of ``tense.py``).
DOMAINS = ("news", "earnings")


#: The families that name a quarter ("the third quarter", "Q3"): one may be the reported one.
_QUARTERS = ("quarter", "quarter_code", "month_span")

#: Modifiers that may be a preposition of their own, not part of the time.
_PREPOSITIONS = ("over", "about")

#: Verbs whose object is a length: "over" before it says "more than".
_LENGTH_VERBS = ("last", "take")

#: The model's entity labels for counts and amounts.
_COUNT_LABELS = ("CARDINAL", "QUANTITY", "MONEY")


def _counts_things(
    doc: Doc,
    text: str,
    starts: list[int],
    cand: TimexCandidate,
    counts: list[tuple[int, int, str]],
    has_parse: bool,
    mods: Mapping[str, str],
) -> bool:
    """Whether a bare year-like number counts things rather than naming a year: the model
    reads it as an amount ("2000 kilometers"), or it numbers a plural noun and the model
    reads it as a count ("about 1500 people") or a modifier of amounts, the lexicon's
    ``mod`` words, comes before it ("some 2000 soldiers"); not "the 2020 elections",
    "predicting 1990 earnings", "her 2000 Senate campaign"."""
    if not re.fullmatch(r"\d{4}", text[cand.start : cand.end]):  # ``text`` is ``doc.text``
        return False
    # ``counts`` are the model's entities: sorted and disjoint, so only the last starting
    # at or before the candidate can hold it (a bisection, not a scan of all of them).
    index = bisect.bisect_right(counts, cand.start, key=_first) - 1
    amount = counts[index][2] if index >= 0 and cand.end <= counts[index][1] else None
    if amount in ("QUANTITY", "MONEY"):
        return True  # "2000 kilometers", "2000 dollars"
    if not has_parse:
        return False
    token = doc[bisect.bisect_right(starts, cand.start) - 1]
    if token.dep_ != "nummod" or token.head.tag_ != "NNS" or token.i == 0:
        return False  # "her 2000 Senate campaign", which the model may call a count too
    # A count of the plural noun for the model, or after a modifier of amounts ("some",
    # "nearly", "more than", "up to").
    return amount == "CARDINAL" or doc[token.i - 1].lower_ in {p.split()[-1] for p in mods}


def _first(item: tuple[int, ...]) -> int:
    return item[0]


def _overlaps_any(spans: list[tuple[int, int]], ends: list[int], start: int, end: int) -> bool:
    """Whether any of ``spans`` (sorted and disjoint, as the model's entities; ``ends``
    their ends) overlaps ``[start, end)``: only the first ending after ``start`` can."""
    index = bisect.bisect_right(ends, start)
    return index < len(spans) and spans[index][0] < end


def _drop_preposition(doc: Doc, starts: list[int], cand: TimexCandidate) -> None:
    """Leave out of ``cand`` a folded-in "over" or "about" that the parse reads as a
    preposition with the duration as its object ("evolved [over] several years": during
    them; "talking [about] three days": their topic), keeping it where it modifies the
    amount ("over a week later", "about five hours", a quantity modifier, or before the
    object of a verb of length: "to last over a week")."""
    token = doc[bisect.bisect_right(starts, cand.start) - 1]
    if token.head.lemma_ in _LENGTH_VERBS:
        return  # "likely to last over a week": how long, more than a week
    if token.idx == cand.start and token.lower_ in _PREPOSITIONS and token.dep_ == "prep":
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.idx < cand.end:
            cand.start, cand.mod = after.idx, None


def find_dates(
    doc: Doc,
    *,
    lexicons: DatesLexicons | None = None,
    pub_date: str | None = None,
    domain: str = "news",
) -> list[dict]:
    """TIMEX3 items of ``doc`` with values relative to ``pub_date`` (``doc._.pub_date`` if
    None), read with ``lexicons`` (the shipped ones if None) as ``domain`` (``DOMAINS``)
    reads them.

    Each item is ``{"start", "end", "type", "value", "mod", "interval"}`` (character
    offsets), plus ``"range"`` on both ends of "between X and Y".
    """
    if domain not in DOMAINS:
        raise ValueError(f"unknown dates domain {domain!r}; choose one of {', '.join(DOMAINS)}")
    if lexicons is None:
        lexicons = load_lexicons()
    text = doc.text
    ref = parse_pub_date(pub_date if pub_date is not None else doc._.pub_date)
    earnings = domain == "earnings"
    # The earnings domain reads a whole text as an earnings report once it says so twice;
    # any news reads a sentence so when the sentence says so (``quarters.reports_quarter``).
    whole_text = earnings and financial_mode(text)
    ctx = Context(ref=ref, lexicon=lexicons.words, financial=whole_text)
    starts = doc.to_array(IDX).tolist()  # token offsets without making Token objects
    has_parse = doc.has_annotation("DEP")
    entities = doc.ents if doc.has_annotation("ENT_IOB") else ()
    # The model's DATE/TIME entities confirm the candidates the patterns alone find too ambiguous.
    ents = [(e.start_char, e.end_char) for e in entities if e.label_ in ("DATE", "TIME")]
    # The model's counts: a year-like number inside one is a count ("about 1500 people").
    counts = [(e.start_char, e.end_char, e.label_) for e in entities if e.label_ in _COUNT_LABELS]
    ent_ends = [end for _, end in ents]
    # The model's names: a date word inside one is a word of the name ("Saturday Night Live").
    names = [(e.start_char, e.end_char, e.label_) for e in entities if e.label_ in NAME_LABELS]
    name_starts = [start for start, _, _ in names]
    items: list[dict] = []
    # Each sentence's first token and its character offsets, read once (``Token.sent``
    # walks the tokens on each call); the sentence -> (whether it reports a game,
    # whether it reports a quarter's results).
    bounds = (
        [(sent.start, sent.start_char, sent.end_char) for sent in doc.sents] if has_parse else []
    )
    sent_starts = [start for start, _, _ in bounds]
    sentences: dict[tuple[int, int, int], tuple[bool, bool]] = {}
    for cand in find_candidates(text, lexicons):
        if cand.extra.get("weak") and not _overlaps_any(ents, ent_ends, cand.start, cand.end):
            continue
        if cand.family == "year" and _counts_things(
            doc, text, starts, cand, counts, has_parse, lexicons.words["mod"]
        ):
            continue
        if has_parse and part_of_a_name(
            doc,
            text,
            cand.start,
            cand.end,
            names,
            name_starts,
            bisect.bisect_right(starts, cand.start) - 1,
        ):
            continue
        ctx.multi_quarter = False
        if cand.mod in _PREPOSITIONS and has_parse:
            _drop_preposition(doc, starts, cand)
        if has_parse and starts:
            i = max(0, bisect.bisect_right(starts, cand.start) - 1)
            ctx.tense = clause_tense(doc[i], text, lexicons.words, notices=earnings)
            sentence = bounds[bisect.bisect_right(sent_starts, i) - 1]
            if sentence not in sentences:
                sentence_text = text[sentence[1] : sentence[2]]
                sentences[sentence] = (
                    bool(lexicons.game.search(sentence_text)),
                    reports_quarter(sentence_text, lexicons.game),
                )
            ctx.game, reports = sentences[sentence]
            ctx.financial = whole_text or reports
            if cand.family in ("year_ago_adj", "duration"):
                # "For the nine months, profit … against year-earlier results": the
                # comparison is with last year's same months, not last year's quarter.
                ctx.multi_quarter = reports_several_quarters(text[sentence[1] : sentence[2]])
        else:
            ctx.tense, ctx.game = None, False
        ctx.alone = _alone_on_its_line(text, cand.start, cand.end)
        try:
            result = normalise(cand, ctx)
        except (OverflowError, ValueError):  # arithmetic past year 1 or 9999: skip the one timex
            result = None
        if result is None:
            continue
        value = result["value"]
        if result["type"] in ("DATE", "TIME") and re.match(r"^\d{4}", value):
            ctx.mentions.append(value)
        fiscal = "fiscal" in text[cand.start : cand.end].lower()
        if cand.family in _QUARTERS and ctx.financial and reported_quarter(value, ctx, fiscal):
            ctx.reported = value
        items.append(
            {
                "start": cand.start,
                "end": cand.end,
                "type": result["type"],
                "value": value,
                "mod": result["mod"],
                "interval": interval(value) if result["type"] in ("DATE", "TIME") else None,
            }
        )
    items = with_compact_dates(text, items)
    items = with_elided(text, items, lexicons.words)
    mark_ranges(text, items)
    return items


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all its line holds (but spaces). Reads only the
    spaces around it, so a text without line breaks costs no more per timex."""
    before = start
    while before > 0 and text[before - 1] != "\n" and text[before - 1].isspace():
        before -= 1
    after = end
    while after < len(text) and text[after] != "\n" and text[after].isspace():
        after += 1
    return (before == 0 or text[before - 1] == "\n") and (after == len(text) or text[after] == "\n")
