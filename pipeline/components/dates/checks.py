"""Which pattern matches are time expressions: one check a family, on the text around it.

A check says yes (True), no (False), or ``WEAK``: a timex only where the model also
sees a DATE/TIME entity ("a day of talks", bare "months"). Most refusals are names
and labels ("Section 427", ABC's "This Week", "USA Today"), ages ("37 years old")
and words with another sense ("He may visit", "the fall of the Berlin Wall").
"""

from __future__ import annotations

import re

from ...lang.calendar import month_homonyms, months, weekdays
from ...lang.numbers import words_of_kinds
from ...lexicons import alternation
from .numbers import cardinal_words


class _Weak:
    """A candidate kept only where the model also sees a DATE/TIME entity ("a day", "months")."""

    def __bool__(self) -> bool:
        return True


WEAK = _Weak()


def keep(text: str, family: str, match: re.Match, groups: dict, labels: re.Pattern) -> bool | _Weak:
    """Whether a match is a timex (True), is not (False) or needs the model's word (WEAK).

    ``labels`` finds a label word right before a number (``DatesLexicons.labels``)."""
    start = match.start()
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


_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|last|this|next|early|late|mid|from|through|to|between|before|after|during|"
    r"and|or|since|each|every|that|-)\s*)$",
    re.I,
)
#: Month names that are also ordinary words ("may", "march") and the abbreviations the
#: stage reads, without their dot ("jan", "sept"; not the rare "mar", "jun", "jul").
_AMBIGUOUS_MONTHS = month_homonyms() | {
    word for word in months(rare=False) if word + "." in months(rare=False)
}


def _keep_month(text: str, match: re.Match, groups: dict) -> bool:
    month = groups["month"]
    if not month[0].isupper():
        return False
    if "day" not in groups and "year" not in groups:  # a bare month name
        bare = month.lower().rstrip(".")
        start = match.start()
        if (
            bare in _AMBIGUOUS_MONTHS
            and not _MONTH_CONTEXT.search(text[max(0, start - 12) : start])
            and not _modifies_a_noun(text, match)
        ):
            return False  # "He may visit", "the March on Washington": no preposition
        if len(month) <= 4 and not month.endswith(".") and bare not in ("june", "july", "may"):
            return False  # "Jan" without its dot is too often a name
    return True


def _modifies_a_noun(text: str, match: re.Match) -> bool:
    """A capitalised month between a determiner and a lower-case word that is no preposition,
    verb or conjunction: a month before its noun ("the March accession", "a May speech"),
    not "the March on Washington", "the March of Dimes"."""
    before = text[max(0, match.start() - 8) : match.start()]
    after = _NEXT_WORD.match(text, match.end())
    return (
        bool(_DETERMINER_BEFORE.search(before))
        and after is not None
        and after[1] not in _NOT_A_NOUN_AFTER
    )


_DETERMINER_BEFORE = re.compile(r"(?:\b(?:[Tt]he|an?|his|her|its|their|our|this)|'s)\s+$")
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_NOT_A_NOUN_AFTER = frozenset(
    ("of", "on", "to", "for", "and", "or", "but", "not")
    + ("be", "is", "was", "are", "were", "has", "have", "had")
    + ("will", "would", "could", "should")
)


def _keep_relative(text: str, match: re.Match, groups: dict) -> bool:
    word = groups["word"]
    if word[0].islower() and (word.lower() in _MONTH_AND_WEEKDAY_WORDS):
        return False  # "states that may not", "next march": a month or weekday is capitalised
    return not re.match(
        r"\.?\s*\d", text[match.end() : match.end() + 3]
    )  # "last Oct. 23" is "Oct. 23"


_MONTH_AND_WEEKDAY_WORDS = frozenset(months()) | frozenset(weekdays())


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
    joined = re.search(r"(\w+)-$", text[max(0, match.start() - 12) : match.start()])
    if joined and joined[1].lower() not in ("more", "most"):
        return False  # "a Johnny-come-lately": the last part of a hyphenated word
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
    if (
        groups["word"][0].isupper()
        and _QUOTED_TITLE.search(before)
        and _CLOSING.match(text, match.end())
    ):
        return False  # NBC's "Today", the ''Today'' show: a quoted title in mid-sentence
    return not (
        groups["word"][0].isupper()
        and re.search(r"\b[A-Z][A-Za-z.]*\s+$", before) is not None
        and not re.search(r"[.!?:;\"'“‘]\s*$", before)
    )


#: An opening quote after a word in mid-sentence ("NBC's “", "the ''"), and the closing
#: quote right after the quoted word (a comma or full stop may come first, US style).
_QUOTED_TITLE = re.compile(r"[\w’',]\s+(?:[\"“‘]|'{1,2})$")
_CLOSING = re.compile(r"[,.]?(?:[\"”’]|'{1,2})")


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
    if num in ("a", "an") and groups.get("plural"):
        return False  # "a months-long strike": the article of the noun, no count of months
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
    if _COUNT_BEFORE.search(before):
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


_COUNT_BEFORE = re.compile(
    rf"(?:\d|\b(?:{alternation(cardinal_words(1, 10) + cardinal_words(20, 90))}))\s*$", re.I
)
_RATE_BEFORE = re.compile(
    rf"(?:\d|%|\b(?:percent|{alternation(words_of_kinds(('scale', 'dozen')))})s?)"
    r"(?:\s+of)?(?:\s+[a-z]+s)?[\s-]+$",
    re.I,
)


def _keep_set_rate(text: str, match: re.Match, groups: dict) -> bool:
    return bool(_RATE_BEFORE.search(text[max(0, match.start() - 30) : match.start()]))


def _keep_set_every(text: str, match: re.Match, groups: dict) -> bool:
    return groups["every"].lower() != "per" or (groups["word"] or "").lower() in (
        "year",
        "day",
        "week",
        "month",
        "hour",
        "quarter",
    )


def _keep_time(text: str, match: re.Match, groups: dict) -> bool:
    if groups.get("hour4") and text[max(0, match.start() - 1) : match.start()] == "(":
        return False  # "10:35 a.m. (0735 GMT)": the same time restated in an aside
    if groups.get("hour2") and re.fullmatch(r"\d\d?:\d\d", match.group(0)):
        name = _NAME_BEFORE.search(text[max(0, match.start() - 20) : match.start()])
        if name and name[1].lower() not in _CLOCK_NAMES:
            return False  # "Romans 8:31", "Exodus 18:21": a chapter and verse, not a time
    if groups.get("hour3"):
        # "at 4 in the morning" is a clock time; "arrested 12 in the morning raid" a count.
        before = text[max(0, match.start() - 10) : match.start()]
        return bool(_CLOCK_PREP.search(before)) and not re.match(
            r"\s+[a-z]", text[match.end() : match.end() + 2]
        )
    return True


_CLOCK_PREP = re.compile(r"(?i)\b(?:at|by|until|till|around|about|before|after|from)\s+$")
#: A capitalised word right before a bare "8:31": a name ("Romans 8:31"), unless it is one
#: of ``_CLOCK_NAMES``, words that may come before a clock time ("At 10:30", "Friday 9:30").
_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+)[ \t]+$")
_CLOCK_NAMES = frozenset(
    {"at", "by", "until", "till", "around", "about", "before", "after", "from", "since"}
    | {"to", "and", "or", "on", "noon", "midnight", "today", "tonight", "tomorrow", "yesterday"}
    | set(weekdays())
    | set(months())
)


def _keep_holiday(text: str, match: re.Match, groups: dict) -> bool:
    """Not a holiday that begins a name: "Easter Island", "Christmas Island", "the Easter
    Rising" (a capitalised word after it that is no time word; "Easter Monday", "Christmas
    Day" and "Christmas Eve" are times)."""
    after = _CAPITALISED_NEXT.match(text, match.end())
    if after is None or re.search(r"(?i)\b(?:day|eve)$", match.group(0)):
        return True  # "the Memorial Day Parade": a day's name is a date before any noun
    word = after.group(1)
    return bool(_NAME_LIKE.fullmatch(word)) or word.lower() in weekdays() or word == "Eve"


_CAPITALISED_NEXT = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


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
    "holiday": _keep_holiday,
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
