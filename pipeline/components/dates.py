"""The dates stage: TimeML TIMEX3 items (type, value, mod, interval) for every time expression.

Assigns ``doc._.newsclaims_dates``: one dict per TIMEX3, ``{"start", "end", "type",
"value", "mod", "interval"}`` (character offsets into ``doc.text``), plus
``"range": {"start", "end"}`` on both ends of "between X and Y" / "from X to Y".
Requires the parser (clause tense) and ``doc._.pub_date`` (the reference date;
None leaves relative expressions underspecified, never today's clock).

Extents come from compiled patterns (``timex/extents.py``) run once over the text,
with TimeML's extent rules (modifiers such as "about", "early", "the end of"
included, "in"/"on" excluded); they cover what the model's DATE/TIME entities give
and what they miss (durations, sets, "now", "recently"). The entities are used to
confirm the ambiguous candidates ("a week", bare "months"): on TempEval-3 the
entities the patterns do not cover are 35 timexes against 125 non-timexes (ages,
"80486"), so patterns first, entities as a check. Values: ``timex/normalise.py``.
dateparser only reads the compact absolute dates the patterns leave ("13.06.2023",
"2023/06/13", "4-Nov-2019"), always with a four-digit year; it is not used for
relative expressions (it reads "Tuesday" on a Tuesday as a week ago and "January"
as a day).
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

from .._extensions import get_list
from ..guard import guarded
from .timex.extents import find_candidates
from .timex.lexicon import load_lexicon
from .timex.normalise import Context, interval, normalise, reported_quarter

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
FUTURE_VERBS = {"expect", "schedule", "plan", "intend", "hope", "aim", "set", "due"}
SCHEDULE_VERBS = {"schedule", "plan", "postpone", "reschedule"}
VERB_POS = {"VERB", "AUX"}
_FINANCIAL = re.compile(r"\bquarter|\bper\s+share\b|\bnet\s+income\b|\bearnings\b", re.I)
_MULTI_QUARTER = re.compile(
    r"\b(?:nine|six)\s+months\b|\bfirst\s+half\b|\byear[\s-]to[\s-]date\b", re.I
)
#: Compact absolute dates with a four-digit year: day-month-year or year-month-day with
#: dots, slashes or hyphens, and "4-Nov-2019". The year is required so that no value
#: ever comes from today's clock.
_COMPACT_DATE = re.compile(
    r"(?<![\w./-])(?:\d{1,2}[./-]\d{1,2}[./-][12]\d{3}|[12]\d{3}[./-]\d{1,2}[./-]\d{1,2}"
    r"|\d{1,2}-[A-Za-z]{3,9}\.?-[12]\d{3})(?![\w/-]|\.\d)"
)
#: A bare day after a day of the month: "[April 24] and 25", "[May 3]-4", followed by
#: punctuation, the end or a preposition (not "March 3 and 4 others were hurt").
_ELIDED_DAY = re.compile(
    r"\s*(?:-|–|and|or|to|through)\s*((3[01]|[12]\d|[1-9])(?:st|nd|rd|th)?)"
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:in|at|on|when|with|for|and|to)\b)"
)
#: An ordinal coordinated with the next one: "[second] and fourth quarters".
_ELIDED_ORDINAL = re.compile(
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s*(?:,|and|or|,\s+and)\s+$", re.I
)
_RANGE_GAP = re.compile(r"^\s*(?:and|to|through|until|till|-|–)\s*$", re.I)
_RANGE_OPEN = re.compile(r"(?:between|from)\s+$", re.I)


def parse_pub_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_PAST_CUE = re.compile(r"(?:\bsince|\bago)\s+$", re.I)
_FUTURE_CUE = re.compile(
    r"(?:\bas\s+(?:early|soon)\s+as|\bno\s+later\s+than|\bby|\buntil|\btill|"
    r"\bpayable|\brecord|\beffective|\bexpires?\s+(?:on\s+)?)\s+$",
    re.I,
)


def _past_perfect(verb: Token) -> bool:
    """The verb, or the one its infinitive hangs from ("had been due to expire"), has 'had'."""
    for _ in range(3):
        if any(
            c.dep_ == "aux" and c.lower_ in ("had", "'d") and c.tag_ == "VBD" for c in verb.children
        ):
            return True
        if verb.head is verb:
            break
        verb = verb.head
    return False


def _names_a_noun(token: Token) -> bool:
    """A month or weekday name that modifies a noun ("a June accord", "the Monday vote"),
    not a time word's ("June nights", "Tuesday morning", which are the timex itself)."""
    if token.dep_ != "compound" or token.head.pos_ != "NOUN":
        return False
    lex = load_lexicon()
    word, head = token.lower_, token.head.lower_
    if word not in lex["month"] and word not in lex["weekday"]:
        return False
    return not any(w in lex["unit"] or w in lex["partofday"] for w in (head, head[:-1]))


def _scheduled(verb: Token, token: Token) -> bool:
    """Whether the date is what a scheduling verb sets ("has scheduled a briefing Thursday",
    "planned a rally on Saturday", "scheduled a vote Friday to pass the budget"), not the time
    of its infinitive ("planned to refund on Friday", "On Friday, it planned to refund")."""
    infinitives = [c.i for c in verb.children if c.dep_ == "xcomp"]
    return not infinitives or verb.i < token.i < min(infinitives)


def clause_tense(token: Token, text: str | None = None) -> str | None:
    """Tense of the clause governing ``token``.

    ``past``, ``future``, ``modal`` (should, would, ...),
    ``present`` or None when there is no verb."""
    # ``text`` is doc.text, passed in because Doc.text rebuilds the string on every access.
    text = token.doc.text if text is None else text
    before = text[max(0, token.idx - 20) : token.idx]
    if _PAST_CUE.search(before):
        return "past"
    cue = _FUTURE_CUE.search(before)
    deadline = cue is not None and cue.group(0).lower().startswith(("until", "till", "by"))
    if cue and not deadline:
        return "future"
    if token.dep_ == "poss" or _names_a_noun(token):
        # "Wednesday's ruling", "under a June accord": a nominal modifier, not placed by
        # the clause's tense; "by Friday's deadline" is ahead.
        return "future" if deadline else None
    verb = token
    for _ in range(6):
        if verb.pos_ in VERB_POS and verb.dep_ != "aux":
            break
        if verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in VERB_POS:
        return "future" if deadline else None
    if deadline:
        # "until Tuesday", "by Tuesday" are a deadline ahead, unless the clause looks back
        # from an earlier point ("Until Thursday, they had not named a successor", "only
        # two had paid by Wednesday").
        return "past" if _past_perfect(verb) else "future"
    for _ in range(2):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if _past_perfect(verb):
            # "had been due to expire Friday", "had been scheduled for Monday": the last one.
            return "past"
        if any(a.lower_ in FUTURE_AUX for a in auxes) or (
            verb.lemma_ in FUTURE_VERBS and verb.tag_ in ("VB", "VBZ", "VBP", "VBG")
        ):
            return "future"
        if verb.lemma_ in SCHEDULE_VERBS and verb.dep_ != "acl" and _scheduled(verb, token):
            # Not "a service planned for Saturday was canceled" (acl): the main clause's.
            return "future"
        if any(a.tag_ == "MD" and a.lower_ not in ("could", "might") for a in auxes):
            return "modal"
        if any(a.lower_ == "going" for a in auxes) or any(
            a.lower_ == "to" and a.tag_ == "TO" for a in auxes
        ):
            # "is going to sign", "plans to meet Friday": the infinitive looks forward.
            head = verb.head
            head_past = head.tag_ == "VBD" or (
                head.tag_ == "VBN"
                and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children)
            )
            if head is not verb and head_past:
                # "was kidnapped to make the trip", "asked to leave Friday": the head's past.
                return "past" if head.lemma_ not in FUTURE_VERBS else "future"
            return "future"
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            return "past"
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
        if verb.dep_ in ("xcomp", "advcl", "conj", "ccomp", "relcl") and verb.head is not verb:
            verb = verb.head
            continue
        break
    return None


def find_dates(doc: Doc, *, pub_date: str | None = None) -> list[dict]:
    """TIMEX3 items of ``doc`` with values relative to ``pub_date`` (``doc._.pub_date`` if None)."""
    text = doc.text
    ref = parse_pub_date(pub_date if pub_date is not None else doc._.pub_date)
    ctx = Context(ref=ref, financial=len(_FINANCIAL.findall(text)) >= 2)
    starts = doc.to_array(IDX).tolist()  # token offsets without making Token objects
    has_parse = doc.has_annotation("DEP")
    # The model's DATE/TIME entities confirm the candidates the patterns alone find too ambiguous.
    ents = (
        [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
        if doc.has_annotation("ENT_IOB")
        else []
    )
    items: list[dict] = []
    for cand in find_candidates(text):
        if cand.extra.get("weak") and not any(s < cand.end and cand.start < e for s, e in ents):
            continue
        ctx.multi_quarter = False
        if has_parse and starts:
            i = max(0, bisect.bisect_right(starts, cand.start) - 1)
            ctx.tense = clause_tense(doc[i], text)
            if ctx.financial and cand.family in ("year_ago_adj", "duration"):
                # "For the nine months, profit … against year-earlier results": the
                # comparison is with last year's same months, not last year's quarter.
                sent = doc[i].sent
                ctx.multi_quarter = bool(_MULTI_QUARTER.search(sent.text))
        else:
            ctx.tense = None
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
        if cand.family == "quarter" and ctx.financial and reported_quarter(value, ctx, fiscal):
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
    items = _with_compact_dates(text, items)
    items = _with_elided(text, items)
    _mark_ranges(text, items)
    return items


@lru_cache(maxsize=1)
def _date_parser() -> Any:
    """One dateparser, configured for English, per process (its first use loads its data)."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]},
    )


def _with_compact_dates(text: str, items: list[dict]) -> list[dict]:
    """``items`` plus the compact absolute dates dateparser reads ("13.06.2023"), in order.

    A compact date replaces the pieces the patterns made of it ("2023" of "2023/06/13").
    """
    for match in _COMPACT_DATE.finditer(text):
        start, end = match.span()
        if any(i["start"] == start and i["end"] == end for i in items):
            continue
        parsed = _date_parser().get_date_data(match.group())
        if parsed is None or parsed.date_obj is None or parsed.period != "day":
            continue
        value = parsed.date_obj.date().isoformat()
        items = [i for i in items if i["end"] <= start or end <= i["start"]]
        items.append(_date_item(start, end, "DATE", value))
    return sorted(items, key=lambda item: (item["start"], item["end"]))


def _with_elided(text: str, items: list[dict]) -> list[dict]:
    """``items`` plus the timexes a coordination leaves bare: the day after a day of the
    month ("April 24 and 25", "May 3-4") and the ordinal before quarters or halves ("the
    second and fourth quarters"), each a timex of its own as TimeML annotates them."""
    extra = [e for i in items for e in (_elided_day(text, i), _elided_ordinal(text, i)) if e]
    if not extra:
        return items
    taken = [(i["start"], i["end"]) for i in items]
    extra = [e for e in extra if not any(s < e["end"] and e["start"] < t for s, t in taken)]
    return sorted(items + extra, key=lambda item: (item["start"], item["end"]))


def _elided_day(text: str, item: dict) -> dict | None:
    """The bare day after ``item`` when it is a day of the month ("April 24 and [25]")."""
    day = _ELIDED_DAY.match(text, item["end"]) if item["type"] == "DATE" else None
    if day is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", item["value"]):
        return None
    try:
        value = date.fromisoformat(item["value"]).replace(day=int(day.group(2))).isoformat()
    except ValueError:
        return None
    if value <= item["value"]:
        return None
    return _date_item(*day.span(1), "DATE", value)


def _elided_ordinal(text: str, item: dict) -> dict | None:
    """The bare ordinal before ``item`` when it is an ordinal quarter or half ("the [second]
    and fourth quarters"): the same year (or set) with that number."""
    letter = re.search(r"-([QH])[1-4]$", item["value"])
    ordinals = load_lexicon()["ordinal"]
    words = text[item["start"] : item["end"]].split(None, 1)
    if letter is None or not words or words[0].lower() not in ordinals:
        return None
    before = _ELIDED_ORDINAL.search(text[max(0, item["start"] - 30) : item["start"]])
    if before is None:
        return None
    n = ordinals[before.group(1).lower()]
    if not n.isdigit() or (letter.group(1) == "H" and int(n) > 2):
        return None
    start = item["start"] - len(before.group(0))
    return _date_item(start, start + len(before.group(1)), item["type"], item["value"][:-1] + n)


def _date_item(start: int, end: int, type_: str, value: str) -> dict:
    return {
        "start": start,
        "end": end,
        "type": type_,
        "value": value,
        "mod": None,
        "interval": interval(value) if type_ == "DATE" else None,
    }


def _mark_ranges(text: str, items: list[dict]) -> None:
    """'between December 2022 and April 2023': both items get the range they bound."""
    for first, second in zip(items, items[1:], strict=False):
        if (
            first["interval"]
            and second["interval"]
            and _RANGE_GAP.match(text[first["end"] : second["start"]])
            and _RANGE_OPEN.search(text[max(0, first["start"] - 10) : first["start"]])
        ):
            rng = {"start": first["interval"]["start"], "end": second["interval"]["end"]}
            first["range"] = dict(rng)
            second["range"] = dict(rng)


class DatesStage:
    """Writes ``doc._.newsclaims_dates``; never raises on an article."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        from .timex.extents import patterns

        patterns()  # compile once, at load

    @guarded("newsclaims_dates")
    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "newsclaims_dates").extend(find_dates(doc))
        return doc


@Language.factory("newsclaims_dates", assigns=["doc._.newsclaims_dates"], requires=["token.dep"])
def make_dates(nlp: Language, name: str) -> DatesStage:
    return DatesStage(nlp, name)
