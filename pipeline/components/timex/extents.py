"""Candidate TIMEX3 extents: a few compiled patterns, each run once over the text.

Each pattern has a ``family`` that tells ``normalise`` how to read its groups.
Overlapping candidates are resolved longest-first; then modifiers around a
candidate ("about", "early", "the end of", "or so") are folded into its extent,
as the TimeML guidelines include them ("more than four decades ago", "the end
of 1990", "mid-1996").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import load_lexicon


@dataclass
class Candidate:
    start: int
    end: int
    family: str
    groups: dict[str, str | None]
    mod: str | None = None
    position: str | None = None  # START / MID / END from "early", "the end of", ...
    extra: dict = field(default_factory=dict)


def _alt(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


B = r"(?<![\w$£€#@&/])"  # no word, currency or label character right before
E = r"(?![\w@]|-[A-Za-z])"  # nor a compound going on ("quarter-to-quarter")


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern]]:
    lex = load_lexicon()
    month = _alt(lex["month"])
    weekday = _alt(lex["weekday"])
    season = _alt(lex["season"])
    part = "morning|afternoon|evening|night"
    numword = _alt(w for w in lex["number"])
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    num1 = (
        rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{tens})[\s-](?:{ones})|{numword})"
        rf"(?:\s+(?:hundred|thousand))?"
    )
    num = rf"{num1}(?:\s+(?:to|or)\s+{num1})?"
    unit = (
        r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|year|decade|century|"
        r"centuries|quarter)"
    )
    year = r"(?:1[5-9]\d\d|20\d\d)"
    yearb = rf"(?<![\d,.$£€#/:])(?<!\d-){year}(?![\d%]|[.,]\d|-\d|\s*(?:%|percent|per\s+cent))"
    daynum = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    ordinal = r"first|second|third|fourth|1st|2nd|3rd|4th|last|final"
    rel = (
        r"this|last|next|past|previous|coming|current|that|"
        r"the\s+(?:current|past|last|previous|coming|next|following|same|latest|most\s+recent|"
        r"prior|preceding|year-earlier|year-ago|year\s+earlier|corresponding|comparable|entire|whole|full|first|final)"
    )
    relword = (
        rf"fiscal\s+year|fiscal\s+quarter|fiscal\s+period|year|month|week|weekend|day|quarter|decade|century|"
        rf"half|period|{weekday}|{month}|{season}|{part}"
    )
    ampm = r"(?:a\.m\.?|p\.m\.?|am(?!\w)|pm(?!\w))"
    tz = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|local\s+time))"
    clock_words = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    centuryord = (
        r"\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
        r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
        r"nineteenth|twentieth|twenty-first"
    )
    spec = [
        (
            "date_mdy",
            rf"{B}(?:(?P<wd>{weekday}),?\s+)?(?P<month>{month})\s*(?P<day>{daynum})(?:,?\s+(?P<year>{year}))?{E}",
        ),
        (
            "date_dmy",
            rf"{B}(?:the\s+)?(?P<day>{daynum})(?:\s+of)?\s+(?P<month>{month})(?:,?\s+(?P<year>{year}))?{E}",
        ),
        ("date_my", rf"{B}(?P<month>{month}),?\s+(?:of\s+)?(?P<year>{year}){E}"),
        (
            "date_month_words",
            rf"{B}(?P<month>{month})\s+nineteen\s+(?P<y19>(?:{tens})(?:[\s-](?:{ones}))?){E}",
        ),
        (
            "date_month_rel",
            rf"{B}(?P<month>{month})(?:\s+(?P<rel>this|last|next)\s+year|(?P<of>\s+of\s+(?P<rel2>this|last|next)\s+year)){E}",
        ),
        ("date_month", rf"{B}(?P<month>{month}){E}"),
        (
            "year_words",
            rf"{B}(?:(?P<the>the)\s+year\s+)?(?:nineteen(?:\s+hundred(?:\s+and)?)?\s+(?P<y19>(?:{tens})(?:[\s-](?:{ones}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|"
            rf"(?P<y2000>two\s+thousand)(?:\s+(?:and\s+)?(?P<y20>{ones}|ten))?){E}",
        ),
        (
            "date_numeric",
            rf"{B}(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{{4}}|\d\d){E}",
        ),
        ("date_iso", rf"{B}(?P<y>{year})-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9]){E}"),
        (
            "year",
            rf"{B}(?:(?P<the>the)\s+(?=(?:fiscal\s+)?{year}\s+(?:period|quarter|season|fiscal\s+year)))?"
            rf"(?:(?P<fiscal>fiscal|calendar)(?:\s+year)?\s+)?(?:the\s+year\s+)?(?P<year>{yearb})"
            rf"(?:\s+(?P<suffix>period|quarter|season)(?!\s+(?:of|ended)))?{E}",
        ),
        (
            "decade",
            rf"{B}(?:the\s+)?(?:(?P<early>early|mid|late)[\s-]+)?(?:(?P<dec4>1[5-9]\d0|20\d0)'?s|"
            rf"'(?P<dec2>\d0)s|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)){E}",
        ),
        ("century", rf"{B}(?:the\s+)?(?P<ord>{centuryord})\s+century{E}"),
        (
            "quarter",
            rf"{B}(?:(?P<det>the|its|their|a\s+flat)\s+)?(?:(?P<pyear>{year})\s+|(?P<yrel>this|last|next)\s+year's\s+|"
            rf"(?P<yago>year-ago|year-earlier|comparable\s+year-ago)\s+)?(?:(?P<fiscal1>fiscal|calendar)[\s-]+)?(?P<ord>{ordinal})[\s-]+"
            rf"(?:(?:fiscal|calendar)[\s-]+)?(?P<what>quarter|half|period)(?P<plural>s)?"
            rf"(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<year>{year})|(?P<relyear>this|last|next)\s+year))?{E}",
        ),
        (
            "relative",
            rf"{B}(?P<rel>{rel}|this\s+past|this\s+coming)\s+(?P<word>{relword})(?:\s+(?P<year>{yearb}))?{E}",
        ),
        (
            "the_unit",
            rf"{B}the\s+(?P<word>year|quarter|week|weekend|fiscal\s+year)"
            rf"(?P<ended>(?=\s+(?:ended|ending)\b(?:\s+(?P<endmonth>{month})(?!\w))?))?{E}",
        ),
        (
            "year_ago_adj",
            rf"{B}(?:(?P<det>the)\s+)?year[\s-](?P<which>earlier|ago)(?:\s+(?P<what>quarter|period))?{E}",
        ),
        (
            # "the quarter a year ago", "the same period a year earlier", "the corresponding
            # period last year", "last year's quarter": one period.
            "period_year_ago",
            rf"{B}(?:the\s+(?:same\s+|corresponding\s+|comparable\s+)?(?P<what>quarter|period)\s+"
            rf"(?:a\s+year\s+(?:ago|earlier)|last\s+year)|"
            rf"last\s+year's\s+(?:same\s+|comparable\s+|corresponding\s+)?(?P<lwhat>quarter|period)){E}",
        ),
        (
            "year_end",
            rf"{B}(?:the\s+)?(?:(?P<fy>fiscal\s+)?(?P<hy>year-end)|year\s+end|year's\s+end){E}",
        ),
        (
            "deictic_day",
            rf"{B}(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>{part}))?(?!\w)",
        ),
        (
            "part_of_day",
            # Not "the night of Oct. 23": TimeBank marks the date alone (2 of 2).
            rf"{B}(?P<rel>this|last|tomorrow|yesterday|that|the)\s+(?P<part>{part}){E}"
            rf"(?!\s+of\s+(?:(?:{weekday}),?\s+)?(?:{month})\b)",
        ),
        (
            # "by mid afternoon", "at mid-afternoon yesterday": the middle of a part of day.
            "mid_part",
            rf"{B}mid[\s-]?(?P<part>morning|afternoon|evening)"
            rf"(?:\s+(?P<word>yesterday|today|tomorrow))?{E}",
        ),
        (
            "deictic",
            rf"{B}(?:right\s+|more\s+|(?P<then>then[\s-]+))?(?P<word>{_alt(lex['deictic'])}|overnight|recent|current){E}",
        ),
        (
            "weekday",
            rf"{B}(?P<weekday>{weekday})(?P<plural>s)?(?:,?\s+(?P<part>{part})(?P<partplural>s)?)?{E}",
        ),
        (
            "season",
            rf"{B}(?:(?P<det>the|this|last|next|that|past)\s+)?(?P<season>{season})(?:\s+(?:of\s+)?(?:(?P<year>{yearb})|"
            rf"nineteen\s+(?P<y19>(?:{tens})(?:[\s-](?:{ones}))?)))?{E}",
        ),
        (
            "time",
            rf"{B}(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>{ampm}|o'clock){tz}?"
            rf"(?:\s+(?:in\s+the\s+)?(?P<part>{part}))?|{B}(?P<hour2>[01]?\d|2[0-3]):(?P<minute2>[0-5]\d){tz}?{E}|"
            rf"{B}(?P<noon>noon|midnight|midday){E}|"
            # "at 4 in the morning", "at five in the afternoon": an hour and a part of day.
            rf"{B}(?P<hour3>1[0-2]|[1-9]|{clock_words})\s+in\s+the\s+(?P<part3>{part}){E}",
        ),
        # A rate's "a year" ("$1 billion a year", "500,000 barrels a year"): a SET.
        ("set_rate", rf"{B}an?\s+(?P<word>year|month|week|day|hour){E}"),
        (
            "duration",
            rf"{B}(?:(?P<det>the|another|an\s+additional|the\s+(?:past|last|next|first|final|latest|coming|"
            rf"previous|following|preceding|remaining|recent|same)|past|last|next|first|recent)\s+)?"
            rf"(?P<num>{num})(?:\s+|-)(?:(?:more|additional|straight|consecutive|full|long|trading|business|"
            rf"calendar)\s+)?(?P<unit>{unit})(?P<plural>s)?(?P<half>\s+and\s+a\s+half)?(?P<old>-old|-long)?"
            rf"(?:\s+(?:or\s+(?:{unit})s?\s+|(?P<orso>or\s+so)\s+)?(?P<dir>ago|earlier|from\s+now|hence|old|of\s+age))?{E}",
        ),
        (
            "duration_bare",
            rf"{B}(?:(?P<det>the\s+(?:past|last|next|coming|recent)|recent|past|coming|future)\s+)?"
            rf"(?P<unit>year|month|week|day|decade|hour|minute|centurie|quarter)s(?:\s+(?:and|or)\s+(?:year|month|week|day)s)?(?:\s+(?P<dir>ago))?{E}",
        ),
        ("set_word", rf"{B}(?P<word>{_alt(lex['set'])}){E}"),
        (
            "set_every",
            rf"{B}(?P<every>every|each|per)\s+(?:(?P<other>other)\s+)?(?P<word>{unit}|{weekday}|{month}|{season}|{part}){E}",
        ),
        (
            "holiday",
            # "Election Day" capitalised: the U.S. one; "election day" may be any country's.
            rf"{B}(?:(?P<rel>last|this|next)\s+)?(?P<word>{_alt(lex['holiday'])}|thanksgiving(?:\s+day)?|"
            rf"easter(?:\s+sunday)?|(?-i:Election\s+Day)){E}",
        ),
    ]
    return [(family, re.compile(regex, re.I)) for family, regex in spec]


#: Words one of which a family's match must contain (lower case): a substring test on the
#: whole text skips the family's pattern for most documents (the patterns cost ~3 µs a
#: character each; these tests almost nothing).
REQUIRED_WORDS = {
    "date_month_words": ("nineteen",),
    "year_words": ("nineteen", "two thousand"),
    "date_numeric": ("/",),
    "date_iso": ("-",),
    "decade": ("0s", "0's", "ties"),
    "century": ("century",),
    "quarter": ("quarter", "half", "period"),
    "year_ago_adj": ("year-", "year "),
    "period_year_ago": ("a year", "last year"),
    "mid_part": ("mid",),
    "year_end": ("end",),
    "deictic_day": ("today", "yesterday", "tomorrow", "tonight"),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "time": ("a.m", "p.m", "am", "pm", "o'clock", ":", "noon", "midnight", "midday", " in the "),
    "set_every": ("every", "each", "per "),
    "holiday": (
        "christmas",
        "new year",
        "independence",
        "halloween",
        "valentine",
        "thanksgiving",
        "easter",
        "election day",
    ),
}


@lru_cache(maxsize=1)
def _mod_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    lex = load_lexicon()
    # A modifier right before the candidate: "about", "more than", "the end of", "early".
    before = re.compile(
        rf"(?:{B}(?P<mod>{_alt(lex['mod'])})\s+|"
        rf"{B}(?P<pos>the\s+(?:very\s+)?(?:end|close|beginning|start|middle|turn|first\s+half|"
        rf"second\s+half|last\s+half)\s+of|early|late|mid|earlier|later)(?:\s+|-))$",
        re.I,
    )
    after = re.compile(r"^\s+(?:or\s+so|or\s+more|or\s+later|and\s+beyond)(?!\w)", re.I)
    labels = re.compile(rf"(?:{B}(?:{_alt(lex['label'])})\s*)$", re.I)
    # "the day before", "the day after": anaphoric dates.
    the_day = re.compile(r"^\s+(?:before|after)(?!\w)", re.I)
    return before, after, labels, the_day


_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|last|this|next|early|late|mid|from|through|to|between|before|after|during|"
    r"and|or|since|each|every|that|-)\s*)$",
    re.I,
)
_AMBIGUOUS_MONTHS = {"may", "march", "jan", "dec", "oct", "nov", "aug", "sept", "sep", "apr", "feb"}


def find_candidates(text: str) -> list[Candidate]:
    """All candidate extents in ``text``, non-overlapping, longest first, modifiers folded in."""
    found: list[Candidate] = []
    lower = text.lower()
    for family, pattern in patterns():
        required = REQUIRED_WORDS.get(family)
        if required and not any(word in lower for word in required):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if start == end:
                continue
            groups = match.groupdict()
            keep = _keep(text, family, match, groups)
            if not keep:
                continue
            start = _trim_determiner(text, family, match, groups)
            found.append(
                Candidate(start, end, family, groups, extra={"weak": True} if keep is WEAK else {})
            )
    chosen = _longest_first(found)
    chosen = _merge_time_and_date(text, chosen)
    for cand in chosen:
        _fold_modifiers(text, cand)
    return chosen


def _longest_first(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first then earliest, in text order."""
    starts: list[int] = []  # sorted starts of the chosen spans
    ends: list[int] = []  # their ends, in the same order
    chosen: list[Candidate] = []
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
    det = (groups.get("det") or "").lower()
    if det != "the":
        return start
    if family == "year_ago_adj":
        # "the [year-earlier] results", but "the year-earlier period" whole.
        return start if groups.get("what") else match.end() - len(match.group(0)[3:].lstrip())
    body = match.group(0)[len(groups["det"]) :].lstrip()
    hyphenated = bool(
        re.match(
            r"^[\w.]+-(?:fiscal-)?(?:quarter|half|second|minute|hour|day|week|month|year|decade)",
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


class _Weak:
    """A candidate kept only where the model also sees a DATE/TIME entity ("a day", "months")."""

    def __bool__(self) -> bool:
        return True


WEAK = _Weak()


def _keep(text: str, family: str, match: re.Match, groups: dict) -> bool | _Weak:
    """Whether a match is a timex (True), is not (False) or needs the model's word (WEAK)."""
    start = match.start()
    _, _, labels, _ = _mod_patterns()
    if family in ("year", "date_numeric", "time", "duration") and labels.search(
        text[max(0, start - 20) : start]
    ):
        return False  # "Section 427", "Room 1990"
    if family in ("relative", "duration", "time", "the_unit") and _title_case_name(
        text, match, groups
    ):
        return False  # "60 Minutes", ABC's "This Week", "High Noon"
    check = _FAMILY_CHECKS.get(family)
    return check(text, match, groups) if check else True


def _keep_month(text: str, match: re.Match, groups: dict) -> bool:
    month = groups["month"]
    if not month[0].isupper():
        return False
    if "day" not in groups and "year" not in groups:  # a bare month name
        bare = month.lower().rstrip(".")
        start = match.start()
        if bare in _AMBIGUOUS_MONTHS and not _MONTH_CONTEXT.search(
            text[max(0, start - 12) : start]
        ):
            return False  # "He may visit", "the March accession" needs a preposition
        if len(month) <= 4 and not month.endswith(".") and bare not in ("june", "july", "may"):
            return False  # "Jan" without its dot is too often a name
    return True


def _keep_relative(text: str, match: re.Match, groups: dict) -> bool:
    return not re.match(
        r"\.?\s*\d", text[match.end() : match.end() + 3]
    )  # "last Oct. 23" is "Oct. 23"


def _keep_weekday(text: str, match: re.Match, groups: dict) -> bool:
    return groups["weekday"][0].isupper()


def _keep_season(text: str, match: re.Match, groups: dict) -> bool:
    before = text[max(0, match.start() - 10) : match.start()]
    if (
        groups["det"] is None
        and groups["year"] is None
        and not re.search(
            r"\b(?:in|this|last|next|during|since|until|by|early|late|mid)\s*-?$", before, re.I
        )
    ):
        return False
    if (
        groups["season"].lower() == "fall"
        and (groups["det"] or "").lower() == "the"
        and groups["year"] is None
    ):
        # "the fall of the Berlin Wall" is an event; "in the fall" a season.
        return bool(re.search(r"\b(?:in|during|by|until|since)\s+$", before, re.I))
    return True


def _keep_deictic(text: str, match: re.Match, groups: dict) -> bool:
    word = groups["word"].lower()
    after = text[match.end() : match.end() + 30]
    if word in ("current", "recent") and not re.match(r"\s+[a-z]", after):
        return False  # only the adjective before a noun ("the current crisis")
    if word == "the past" and re.match(
        r"\s+(?:year|month|week|decade|\d|few|several|two|three)", after, re.I
    ):
        return False
    if word == "soon":
        # "as soon as Tuesday", "soon after the attack", "sooner": a conjunction or comparison.
        before = text[max(0, match.start() - 4) : match.start()]
        return not (
            re.search(r"\bas\s+$", before, re.I)
            or re.match(r"\s+(?:after|afterwards?|as|enough\s+to)\b", after, re.I)
        )
    return not (word == "the future" and re.match(r"\s+of\b", after, re.I))


def _keep_set_word(text: str, match: re.Match, groups: dict) -> bool:
    start = match.start()
    # "the JoongAng Daily": a capitalised set word in mid-sentence is a name.
    return not (
        match.group(0)[0].isupper()
        and start > 0
        and not re.search(r"[.!?\"'“‘]\s*$", text[max(0, start - 3) : start])
    )


def _keep_deictic_day(text: str, match: re.Match, groups: dict) -> bool:
    # "USA Today", "This is VOA Today.": a capitalised "Today" after a capitalised word in
    # mid-sentence is a title.
    before = text[max(0, match.start() - 20) : match.start()]
    return not (
        groups["word"][0].isupper()
        and re.search(r"\b[A-Z][A-Za-z.]*\s+$", before) is not None
        and not re.search(r"[.!?:;\"'“‘]\s*$", before)
    )


def _keep_duration(text: str, match: re.Match, groups: dict) -> bool | _Weak:
    word = match.group(0)
    num = groups["num"].lower()
    unit = groups["unit"].lower()
    if (groups.get("old") or "").lower() == "-old" or (groups["dir"] or "").lower() in (
        "old",
        "of age",
    ):
        return False  # ages
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", num) and not groups.get("plural"):
        return False  # "the 1988 quarter" is a year, not 1988 quarters
    if unit in ("second", "quarter") and num in ("a", "an", "one"):
        return False
    if unit == "quarter" and groups.get("plural") and "-" in word:
        return False  # "three-quarters of its food" is a fraction
    if unit == "night" and groups["det"] is None:
        return False
    if (
        num in ("a", "an", "one")
        and groups["det"] is None
        and groups["dir"] is None
        and "-" not in word
    ):
        # "a day of talks" is mostly not a timex; "for a day", "within a week" are.
        before = text[max(0, match.start() - 12) : match.start()].lower()
        if not re.search(
            r"\b(?:for|in|within|over|after|than|about|nearly|almost|only|just|least|to|of)\s+$",
            before,
        ):
            return WEAK
    return True


def _keep_duration_bare(text: str, match: re.Match, groups: dict) -> bool | _Weak:
    before = text[max(0, match.start() - 10) : match.start()]
    if re.search(
        r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|"
        r"seventy|eighty|ninety))\s*$",
        before,
        re.I,
    ):
        return False  # "37 years old": an age the duration pattern refused
    if groups["unit"].lower() == "quarter" and groups["det"] is None:
        return False  # "the first and third quarters": ordinals, not a stretch of quarters
    if groups["det"] is None and groups["dir"] is None:  # noqa: SIM102 - one condition a line
        if not re.search(
            r"\b(?:for|in|over|within|after|than|took|take|takes|lasted|last|the)\s+$", before, re.I
        ) and not re.match(
            r"\s+(?:after|before|later|earlier)\b", text[match.end() : match.end() + 8]
        ):
            return WEAK
    return True


_RATE_BEFORE = re.compile(
    r"(?:\d|%|\b(?:percent|thousand|million|billion|trillion|dozen|hundred))(?:\s+[a-z]+s)?\s+$",
    re.I,
)


def _keep_set_rate(text: str, match: re.Match, groups: dict) -> bool:
    return bool(_RATE_BEFORE.search(text[max(0, match.start() - 30) : match.start()]))


def _keep_set_every(text: str, match: re.Match, groups: dict) -> bool:
    return groups["every"].lower() != "per" or groups["word"].lower() in (
        "year",
        "day",
        "week",
        "month",
        "hour",
        "quarter",
    )


def _keep_time(text: str, match: re.Match, groups: dict) -> bool:
    if groups.get("hour3"):
        # "at 4 in the morning" is a clock time; "arrested 12 in the morning raid" a count.
        before = text[max(0, match.start() - 10) : match.start()]
        return bool(_CLOCK_PREP.search(before)) and not re.match(
            r"\s+[a-z]", text[match.end() : match.end() + 2]
        )
    return True


_CLOCK_PREP = re.compile(r"(?i)\b(?:at|by|until|till|around|about|before|after|from)\s+$")


_FAMILY_CHECKS = {
    "time": _keep_time,
    "date_month": _keep_month,
    "date_my": _keep_month,
    "date_mdy": _keep_month,
    "date_dmy": _keep_month,
    "relative": _keep_relative,
    "weekday": _keep_weekday,
    "season": _keep_season,
    "deictic": _keep_deictic,
    "deictic_day": _keep_deictic_day,
    "set_word": _keep_set_word,
    "duration": _keep_duration,
    "duration_bare": _keep_duration_bare,
    "set_every": _keep_set_every,
    "set_rate": _keep_set_rate,
}


_NAME_LIKE = re.compile(
    r"(?i)(?:second|minute|hour|day|night|week|weekend|month|year|decade|century|quarter|"
    r"morning|afternoon|evening|noon|midnight|midday)s?"
)


def _title_case_name(text: str, match: re.Match, groups: dict) -> bool:
    """A capitalised unit word in mid-sentence is part of a name, not a time."""
    word = groups.get("unit") or groups.get("word") or groups.get("noon") or ""
    if not word or not word[0].isupper() or not _NAME_LIKE.fullmatch(word):
        return False
    at = match.start(_unit_group(groups))
    before = text[max(0, at - 3) : at]
    return not re.search(
        r"(?:^|[.!?\n]\s*|[\"“‘']\s*)$", text[max(0, match.start() - 3) : match.start()]
    ) or bool(re.search(r"\w\s$", before))


def _unit_group(groups: dict) -> str:
    for key in ("unit", "word", "noon"):
        if groups.get(key):
            return key
    return "unit"


def _merge_time_and_date(text: str, cands: list[Candidate]) -> list[Candidate]:
    """'10 a.m. Friday', '5 p.m. EST Nov. 9', 'noon Thursday': one TIME."""
    out: list[Candidate] = []
    for cand in cands:
        if (
            out
            and out[-1].family == "time"
            and cand.family in ("weekday", "deictic_day", "date_mdy", "date_dmy", "relative")
        ):
            gap = text[out[-1].end : cand.start]
            if re.fullmatch(r",?\s*(?:on\s+)?", gap, re.I) and len(gap) <= 5:
                prev = out[-1]
                out[-1] = Candidate(
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


_PAREN_GAP = re.compile(r"\s*\([^()]{1,30}\)\s*,?\s*(?:on\s+)?|\s*\(", re.I)


_WEEK_OF = re.compile(r"(?i)\bthe\s+week\s+of\s+$")
_DAY_BEFORE = re.compile(r"(?i)(?<![\w-])day\s+(before|after)\s+$")
_DAY_FAMILIES = ("weekday", "date_mdy", "date_dmy", "deictic_day", "relative", "holiday")


def _fold_modifiers(text: str, cand: Candidate) -> None:
    before, after, _, the_day = _mod_patterns()
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
            prepositional = word in ("over", "around", "under", "about", "some") and (
                cand.family not in ("duration", "time")
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
