"""Candidate TIMEX3 extents: the compiled patterns (``patterns.py``), each run once over the text.

Each candidate has the ``family`` of the pattern that found it, which tells the
normalisers how to read its groups. Overlapping candidates are resolved
longest-first; a clock time and the day after it become one; then modifiers around
a candidate ("about", "early", "the end of", "or so") are folded into its extent,
as the TimeML guidelines include them ("more than four decades ago", "the end of
1990", "mid-1996").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .checks import WEAK, keep
from .patterns import REQUIRED_WORDS, DatesLexicons
from .scan import matches, scannable, start_positions


@dataclass
class TimexCandidate:
    """A candidate extent and what its pattern read."""

    start: int
    end: int
    family: str
    groups: dict[str, str | None]
    mod: str | None = None  # a modifier word before it: "about", "more than"
    position: str | None = None  # START / MID / END from "early", "the end of", ...
    #: "weak" (needs a model entity), "after" ("or so"), "week_of", "day_shift", and for a
    #: clock time with its day the "time" and "date" candidates.
    extra: dict = field(default_factory=dict)


def find_candidates(text: str, lexicons: DatesLexicons) -> list[TimexCandidate]:
    """All candidate extents in ``text``, non-overlapping, longest first, modifiers folded in."""
    found: list[TimexCandidate] = []
    lower = text.lower()
    scans = scannable(text, lower)
    starts: dict[str, list[int]] = {}  # start pattern -> its positions; months serve four families
    for family, pattern in lexicons.families:
        required = REQUIRED_WORDS.get(family)
        if required and not any(word in lower for word in required):
            continue
        anchor = lexicons.anchors.get(family)
        if scans and anchor and not anchor.search(lower):
            continue
        start = lexicons.starts.get(family)
        if scans and start:
            if start.pattern not in starts:
                starts[start.pattern] = start_positions(start, lower)
            found_matches = matches(pattern, text, starts[start.pattern])
        else:
            found_matches = pattern.finditer(text)
        for match in found_matches:
            start, end = match.span()
            if start == end:
                continue
            groups = match.groupdict()
            verdict = keep(text, family, match, groups, lexicons.labels)
            if not verdict:
                continue
            start = _trim_determiner(text, family, match, groups)
            found.append(
                TimexCandidate(
                    start, end, family, groups, extra={"weak": True} if verdict is WEAK else {}
                )
            )
    chosen = _longest_first(found)
    chosen = _merge_time_and_date(text, chosen)
    for cand in chosen:
        _fold_modifiers(text, cand, lexicons)
    return _outside_folds(chosen)


def _outside_folds(chosen: list[TimexCandidate]) -> list[TimexCandidate]:
    """The candidates not inside a neighbour's folded-in modifiers ("hours" in "the early
    hours of Sunday"); ``chosen`` is in text order and did not overlap before folding."""
    kept = []
    for i, cand in enumerate(chosen):
        inside = any(
            other.start <= cand.start and cand.end <= other.end
            for other in chosen[max(0, i - 2) : i + 3]
            if other is not cand
        )
        if not inside:
            kept.append(cand)
    return kept


def _longest_first(found: list[TimexCandidate]) -> list[TimexCandidate]:
    """Non-overlapping candidates, longest first then earliest, in text order."""
    starts: list[int] = []  # sorted starts of the chosen spans
    ends: list[int] = []  # their ends, in the same order
    chosen: list[TimexCandidate] = []
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect.bisect_left(starts, cand.start)
        if (i < len(starts) and starts[i] < cand.end) or (i > 0 and ends[i - 1] > cand.start):
            continue
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
        chosen.insert(i, cand)
    return chosen


def _trim_determiner(text: str, family: str, match: re.Match, groups: dict) -> int:
    """Start of the extent: TimeML leaves "the" out of adjectival timexes.

    "the [14-day] period", "the [third-quarter] loss".
    """
    start = match.start()
    if family == "day_predicate":
        return match.start("body")  # "it was [a great day]": the subject and verb are not the time
    det = (groups.get("det") or "").lower()
    if (
        det == "last"
        and family in ("duration", "duration_bare")
        and _VERB_BEFORE.search(text[max(0, start - 12) : start])
    ):
        # "expected to last several weeks", "could last two years": the verb, not "the last".
        return match.end() - len(match.group(0)[len(groups["det"]) :].lstrip())
    if det in _POSSESSIVES:
        # "its [third quarter]", "their [fiscal 1990]": a possessive determiner is the
        # owner's, not part of the time (TimeBank leaves it out 11 times in 12).
        return match.end() - len(match.group(0)[len(groups["det"]) :].lstrip())
    if det != "the":
        return start
    if family == "year_ago_adj":
        # "the [year-earlier] results", but "the year-earlier period" whole.
        return start if groups.get("what") else match.end() - len(match.group(0)[3:].lstrip())
    body = match.group(0)[len(groups["det"]) :].lstrip()
    hyphenated = bool(
        re.match(
            r"^(?:fiscal\s+)?[\w.]+-(?:fiscal-)?(?:quarter|half|second|minute|hour|day|week|month|year|decade)",
            body,
            re.I,
        )
    )
    if family == "quarter" and hyphenated:
        return match.end() - len(body)
    if family == "duration" and (
        hyphenated or (groups.get("unit") or "").lower() in ("day", "hour", "minute", "second")
    ):
        return match.end() - len(body)
    return start


def _merge_time_and_date(text: str, cands: list[TimexCandidate]) -> list[TimexCandidate]:
    """'10 a.m. Friday', '5 p.m. EST Nov. 9', 'noon Thursday': one TIME."""
    out: list[TimexCandidate] = []
    for cand in cands:
        if (
            out
            and out[-1].family == "time"
            and cand.family in ("weekday", "deictic_day", "date_mdy", "date_dmy", "relative")
        ):
            gap = text[out[-1].end : cand.start]
            if re.fullmatch(r",?\s*(?:on\s+)?", gap, re.I) and len(gap) <= 5:
                prev = out[-1]
                out[-1] = TimexCandidate(
                    prev.start,
                    cand.end,
                    "time_date",
                    {**prev.groups},
                    extra={"time": prev, "date": cand},
                )
                continue
        out.append(cand)
    for time, after in zip(out, out[1:], strict=False):
        if (
            time.family == "time"
            and after.family in _DAY_FAMILIES + ("time_date",)
            and _PAREN_GAP.fullmatch(text[time.end : after.start])
        ):
            # "at 9:20 a.m. (0620 GMT) Friday", "at 5 in the morning (5 a.m. Thursday)":
            # the day after the aside dates the time.
            time.extra["date"] = after.extra.get("date", after)
    return out


#: Possessive determiners, which patterns read but extents leave out.
_POSSESSIVES = ("its", "their")

#: What makes a following "last" the verb: "to", a modal or a negation before it.
_VERB_BEFORE = re.compile(
    r"(?i)(?:\b(?:to|will|would|could|can|may|might|must|should|shall|not)|n't|'ll)\s+$"
)
_PAREN_GAP = re.compile(r"\s*\([^()]{1,30}\)\s*,?\s*(?:on\s+)?|\s*\(", re.I)


_WEEK_OF = re.compile(r"(?i)\bthe\s+week\s+of\s+$")
_DAY_BEFORE = re.compile(r"(?i)(?<![\w-])day\s+(before|after)\s+$")
_DAY_FAMILIES = ("weekday", "date_mdy", "date_dmy", "deictic_day", "relative", "holiday")
#: "one day" after a modal or an infinitive's "to" ("Islam will one day be", "hopes to one
#: day run"): some day ahead, not a length.
_SOME_DAY = re.compile(r"(?i)one\s+day")
#: "the year before.", "the month after that,": the unit next to the one the text is at; not
#: "the week before Christmas", whose "before" takes an object.
_YEAR_APPOSITION = re.compile(r"\b(\d{4}),?\s+(?:(?:which|that)\s+(?:is|was)\s+)?$")
_UNIT_NEXT = re.compile(r"(?i)\s+(before|after)(?:\s+that)?(?=\s*(?:[,.;:!?)]|$))")
_MODAL_BEFORE = re.compile(r"(?i)\b(?:will|would|shall|should|could|can|may|might|must|to)\s+$")


def _fold_modifiers(text: str, cand: TimexCandidate, lexicons: DatesLexicons) -> None:
    """Widen ``cand`` over the modifiers around it and note what they say."""
    before, after = lexicons.modifier_before, lexicons.modifier_after
    if (
        cand.family == "duration"
        and _SOME_DAY.fullmatch(text[cand.start : cand.end])
        and _MODAL_BEFORE.search(text[max(0, cand.start - 8) : cand.start])
    ):
        cand.extra["some_day"] = True
        return
    if cand.family == "the_unit" and cand.groups["word"].lower() == "year":
        named = _YEAR_APPOSITION.search(text[max(0, cand.start - 24) : cand.start])
        if named:
            # "in 2010, the year the court ruled", "2014, which is the year he joined": the
            # year just named.
            cand.extra["year"] = named.group(1)
    if cand.family == "the_unit" and not cand.groups.get("ended"):
        shift = _UNIT_NEXT.match(text, cand.end)
        if shift:
            cand.end = shift.end()
            cand.extra["unit_shift"] = -1 if shift.group(1).lower() == "before" else 1
            return
    if cand.family in ("date_mdy", "date_dmy"):
        week_of = _WEEK_OF.search(text[max(0, cand.start - 20) : cand.start])
        if week_of:
            # "the week of March 6": the week holding that day.
            cand.start -= len(text[max(0, cand.start - 20) : cand.start]) - week_of.start()
            cand.extra["week_of"] = True
            return
    if cand.family in _DAY_FAMILIES:
        shift = _DAY_BEFORE.search(text[max(0, cand.start - 16) : cand.start])
        if shift:
            # "the day before Oct. 12", "the day after last Tuesday's hearing": a day away.
            cand.start -= len(text[max(0, cand.start - 16) : cand.start]) - shift.start()
            cand.extra["day_shift"] = -1 if shift.group(1).lower() == "before" else 1
            return
    window = text[max(0, cand.start - 40) : cand.start]
    for _ in range(2):
        match = before.search(window)
        if not match:
            break
        if match.group("mod"):
            word = re.sub(r"\s+", " ", match.group("mod").lower())
            body = text[cand.start : cand.end]
            prepositional = word in ("over", "around", "under", "about", "some", "up to") and (
                cand.family not in ("duration", "time", "time_date")
                or re.match(r"(?i)the\b|past\b|last\b|next\b", body)
            )
            if (
                cand.mod is None
                and not prepositional
                and cand.family not in ("deictic", "set_word", "set_every")
            ):
                cand.mod = match.group("mod").lower()
                cand.start -= len(window) - match.start()
                window = window[: match.start()]
                continue
            break
        pos = re.sub(r"\s+", " ", match.group("pos").lower())
        if cand.position is None and cand.family not in (
            "duration",
            "duration_bare",
            "set_word",
            "set_every",
            "time",
        ):
            if pos in ("earlier", "later") and cand.family not in (
                "relative",
                "deictic_day",
                "weekday",
            ):
                break
            if cand.family == "decade" and pos in ("early", "mid", "late"):
                break
            cand.position = pos
            cand.start -= len(window) - match.start()
            window = window[: match.start()]
            continue
        break
    match = after.match(text[cand.end : cand.end + 20])
    if match and cand.family in ("duration", "year", "date_my", "relative"):
        cand.extra["after"] = re.sub(r"\s+", " ", match.group(0).strip().lower())
        cand.end += match.end()
