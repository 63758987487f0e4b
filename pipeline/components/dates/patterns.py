"""The patterns that find candidate TIMEX3 extents, compiled from the dates lexicon.

Each pattern has a ``family`` that tells the normalisers how to read its named
groups. ``compile_lexicons`` builds them, with the modifier and label patterns, from
the word lists (``lexicon.read_words``); the component keeps the result
(``DatesLexicons``) and passes it to ``find_dates``. Number words come from the shared
tables (``numbers.py``), day words from the shared calendar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lang.calendar import day_offsets
from ...lexicons import alternation
from .numbers import CENTURY_WORDS, DECADE_WORDS, cardinal_words
from .scan import anchor_patterns, start_patterns

if TYPE_CHECKING:  # lexicon.py compiles its word lists with this module
    from .lexicon import Lexicon

B = r"(?<![\w$£€#@&/])"  # no word, currency or label character right before
E = r"(?![\w@]|-[A-Za-z])"  # nor a compound going on ("quarter-to-quarter")


@dataclass(frozen=True)
class DatesLexicons:
    """The word lists and the patterns compiled from them: all a text is read with."""

    words: Lexicon
    families: tuple[tuple[str, re.Pattern], ...]
    #: A modifier right before a candidate: "about", "more than", "the end of", "early",
    #: and the wire style's "end-2023", "start-March".
    modifier_before: re.Pattern
    #: A modifier right after one: "or so", "or more", "or later", "and beyond".
    modifier_after: re.Pattern
    #: A label before a number that makes it no year or time: "Section 427", "Room 1990".
    labels: re.Pattern
    #: A word of a game report: its quarters are a game's, not a reporting period.
    game: re.Pattern
    #: ``{family: pattern}``: where a match of the family can begin (``scan.start_patterns``).
    starts: dict[str, re.Pattern]
    #: ``{family: pattern}``: what every match of the family holds (``scan.anchor_patterns``).
    anchors: dict[str, re.Pattern]


def compile_lexicons(words: Lexicon) -> DatesLexicons:
    """The patterns of every family, and of modifiers and labels, for the word lists ``words``."""
    before = re.compile(
        rf"(?:{B}(?P<mod>{alternation(words['mod'])})\s+|"
        rf"{B}(?P<pos>the\s+(?:very\s+)?(?:end|close|beginning|start|middle|turn|first\s+half|"
        rf"second\s+half|last\s+half|(?:early|small|wee)\s+hours)\s+of|early|late|mid|earlier|later|end(?=-)|start(?=-))"
        rf"(?:\s+|-))$",
        re.I,
    )
    after = re.compile(r"^\s+(?:or\s+so|or\s+more|or\s+later|and\s+beyond)(?!\w)", re.I)
    labels = re.compile(rf"(?:{B}(?:{alternation(words['label'])})\s*)$", re.I)
    game = re.compile(rf"\b(?:{alternation(words['game'])})\b", re.I)
    return DatesLexicons(
        words,
        _family_patterns(words),
        before,
        after,
        labels,
        game,
        start_patterns(words),
        anchor_patterns(words),
    )


def _family_patterns(lex: Lexicon) -> tuple[tuple[str, re.Pattern], ...]:
    """``(family, pattern)`` pairs, in the order they are tried.

    A family's pattern is tried only where ``scan.start_patterns`` says a match can
    begin: a new first word of a family goes there too."""
    month = alternation(lex["month"])
    weekday = alternation(lex["weekday"])
    season = alternation(lex["season"])
    part = alternation(lex["part"])
    # "mid-afternoon", but "midnight" is a clock time.
    mid_part = alternation(word for word, code in lex["part"].items() if code != "NI")
    clock_parts = alternation(word for word in lex["partofday"] if word not in lex["part"])
    numword = alternation(w for w in lex["number"])
    tens = alternation(cardinal_words(20, 90))
    ones = alternation(cardinal_words(1, 9))
    teens = alternation(cardinal_words(10, 19))
    num1 = (
        rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{tens})[\s-](?:{ones})|{numword})"
        rf"(?:\s+(?:hundred|thousand))?"
    )
    num = rf"{num1}(?:\s+(?:to|or)\s+{num1})?"
    # How often: "once", "twice", "three times", "several times".
    freq = rf"once|twice|thrice|(?:{num1}|several|a\s+few|many)\s+times"
    unit = (
        r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|year|decade|century|"
        r"centuries|quarter)"
    )
    year = r"(?:1[5-9]\d\d|20\d\d)"
    yearb = rf"(?<![\d,.$£€#/:])(?<!\d-){year}(?![\d%]|[.,]\d|-\d|\s*(?:%|percent|per\s+cent))"
    daynum = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    # "June 16 of last year", "March 3 this year": the year named relative to publication.
    of_rel_year = r",?\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year"
    ordinal = alternation(lex["ordinal"])
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
    # A time zone after a clock time: US zones with or without S/D ("EST", "ET"), GMT,
    # UTC, the European and Asian ones news gives, or in words ("Eastern time").
    tz = (
        r"(?:\s+(?:(?-i:[ECMP][SD]?T|GMT|UTC|BST|CES?T|JST|AES?T|HKT|SGT|IST)|"
        r"(?:Eastern|Central|Mountain|Pacific)(?:\s+(?:Standard|Daylight))?\s+time|"
        r"local\s+time)(?!\w))"
    )
    clock_words = alternation(cardinal_words(1, 12))
    centuryord = rf"\d{{1,2}}(?:st|nd|rd|th)|{alternation(CENTURY_WORDS)}"
    spec = [
        (
            "date_mdy",
            rf"{B}(?:(?P<wd>{weekday}),?\s+)?(?P<month>{month})\s*(?P<day>{daynum})(?:,?\s+(?P<year>{year})|{of_rel_year})?{E}",
        ),
        (
            "date_dmy",
            rf"{B}(?:the\s+)?(?P<day>{daynum})(?:\s+of)?\s+(?P<month>{month})(?:,?\s+(?P<year>{year})|{of_rel_year})?{E}",
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
            rf"{B}(?:(?P<the>the)\s+year\s+)?(?:nineteen(?:\s+hundred(?:\s+and)?)?\s+(?P<y19>(?:{tens})(?:[\s-](?:{ones}))?|{teens})|"
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
            rf"'(?P<dec2>\d0)s|(?P<decw>{alternation(DECADE_WORDS)})){E}",
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
            # Not "the month of May", "the week of March 6": the date the phrase names.
            # "the day" only as "the day before." / "the day after that,".
            rf"{B}the\s+(?P<word>year|quarter|month|week|weekend|decade|fiscal\s+year|"
            rf"day(?=\s+(?:before|after)(?:\s+that)?\s*(?:[,.;:!?)]|$)))"
            rf"(?!\s+of\s+(?:{month}|{weekday}|\d))(?P<ended>(?=\s+(?:ended|ending)\b(?:\s+(?P<endmonth>{month})(?!\w))?))?{E}",
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
            # "today's" names the noun after it (``owned``: "today's youth" is the general present).
            rf"{B}(?P<word>{alternation(day_offsets())})(?:\s+(?P<part>{part}))?(?!\w)"
            r"(?=(?:['’]s\s+(?P<owned>[a-z]+))?)",
        ),
        (
            # A day named as what it is: "today is the eighth day of the blockade", "it was
            # a great day for Poland". The subject and verb place it; the extent is ``body``.
            "day_predicate",
            rf"{B}(?P<subj>it|this|that|{alternation(day_offsets())})(?:\s+|(?=['’]s))"
            r"(?P<verb>is|was|['’]s)\s+[`'\"“‘]*"
            # Not "it was the day after his birthday": a day counted from an event.
            rf"(?P<body>(?:a|an|the|another)\s+(?:(?!of\b)[a-z-]+\s+){{0,2}}day){E}"
            r"(?!\s+(?:before|after)\b)",
        ),
        (
            "part_of_day",
            # Not "the night of Oct. 23": the date alone (TimeBank's spelling).
            rf"{B}(?P<rel>this|last|tomorrow|yesterday|that|the)\s+(?P<part>{part}){E}"
            rf"(?!\s+of\s+(?:(?:{weekday}),?\s+)?(?:{month})\b)",
        ),
        (
            # "by mid afternoon", "at mid-afternoon yesterday": the middle of a part of day.
            "mid_part",
            rf"{B}mid[\s-]?(?P<part>{mid_part})"
            rf"(?:\s+(?P<word>yesterday|today|tomorrow))?{E}",
        ),
        (
            "deictic",
            rf"{B}(?:right\s+|more\s+|(?P<then>then[\s-]+))?(?P<word>{alternation(lex['deictic'])}){E}",
        ),
        (
            "weekday",
            rf"{B}(?P<weekday>{weekday})(?P<plural>s)?(?:,?\s+(?P<part>{part})(?P<partplural>s)?)?{E}",
        ),
        (
            "season",
            # "the winter of 2022-23": the season that begins in the first year.
            rf"{B}(?:(?P<det>the|this|last|next|that|past)\s+)?(?P<season>{season})(?:\s+(?:of\s+)?(?:(?P<ystart>{year})[-/](?:\d\d|{year})(?![\d%])|"
            rf"(?P<year>{yearb})|"
            rf"nineteen\s+(?P<y19>(?:{tens})(?:[\s-](?:{ones}))?)))?{E}",
        ),
        (
            "time",
            # A space after the colon is a typo in a clock time with a.m./p.m. ("11: 06 a.m.").
            rf"{B}(?P<hour>[01]?\d|2[0-3])(?:(?::\s?|\.)(?P<minute>[0-5]\d))?\s*(?P<ampm>{ampm}|o'clock){tz}?"
            rf"(?:\s+(?:in\s+the\s+)?(?P<part>{part}))?|{B}(?P<hour2>[01]?\d|2[0-3]):(?P<minute2>[0-5]\d){tz}?{E}|"
            rf"{B}(?P<noon>{clock_parts}){E}|"
            # The wire's "at 0600 GMT": four digits only with GMT or UTC.
            rf"{B}(?P<hour4>[01]\d|2[0-3])(?P<minute4>[0-5]\d)\s+(?-i:GMT|UTC){E}|"
            # "at 4 in the morning", "at five in the afternoon": an hour and a part of day.
            rf"{B}(?P<hour3>1[0-2]|[1-9]|{clock_words})\s+in\s+the\s+(?P<part3>{part}){E}",
        ),
        # A rate's "a year" ("$1 billion a year", "500,000 barrels a year", "a
        # $400-million-a-year business", "$12-an-hour workers"): a SET.
        ("set_rate", rf"{B}an?(?:\s+|-)(?P<word>year|month|week|day|hour){E}"),
        # A frequency: "twice a year", "three times a week", "once per day": a SET.
        (
            "set_freq",
            rf"{B}(?P<freq>{freq})\s+(?:an?|per|every|each)\s+(?P<word>year|month|week|day|hour){E}",
        ),
        (
            "duration",
            # ``within``: right after "in" ("would be redeemed in five years": a date ahead).
            rf"{B}(?P<within>(?<=\bin\s))?(?:(?P<det>the|another|an\s+additional|the\s+(?:past|last|next|first|final|latest|coming|"
            rf"previous|following|preceding|remaining|recent|same)|past|last|next|first|recent)\s+)?"
            rf"(?P<num>{num})(?:\s+|-)(?:(?:more|additional|straight|consecutive|full|long|trading|business|"
            rf"calendar)\s+)?(?P<unit>{unit})(?P<plural>s)?(?P<half>\s+and\s+a\s+half)?(?P<old>-old|-long)?"
            # "a year or two": a second count after the unit (not "or weeks", below), read
            # but left out of the extent (TempEval-3 has it both ways).
            rf"(?:(?=(?P<alt>\s+or\s+(?:two|three|four|five|\d{{1,2}})(?!\s+(?:{unit})|[\w-]))))?"
            rf"(?:\s+(?:or\s+(?:{unit})s?\s+|(?P<orso>or\s+so)\s+)?(?P<dir>ago|earlier|from\s+now|hence|old|of\s+age))?{E}",
        ),
        (
            "duration_bare",
            # "(in) the weeks before the shooting": the unit after a bare "the" and before
            # "before"/"after" (the groups ``the`` and ``event``) is a period placed by an event.
            rf"{B}(?:(?P<det>the\s+(?:past|last|next|coming|recent)|recent|past|coming|future)\s+|(?P<the>(?<=\bthe\s)))?"
            rf"(?P<unit>year|month|week|day|decade|hour|minute|centurie|quarter)s(?:\s+(?:and|or)\s+(?:year|month|week|day)s)?"
            rf"(?:\s+(?P<dir>ago)|(?P<event>(?=\s+(?:before|after|following|preceding)\b)))?{E}",
        ),
        # A unit made an adjective without a count: "a day-long meeting", "a decades-long
        # dispute", "a near-decade-long war" ("a year-long pause", with its count "a", is a
        # ``duration``).
        (
            "duration_long",
            rf"{B}(?:(?P<near>near|nearly|almost)-)?"
            rf"(?P<unit>year|month|week|day|decade|hour|minute|centur(?:y|ie))(?P<plural>s)?-long{E}",
        ),
        ("set_word", rf"{B}(?P<word>{alternation(lex['set'])}){E}"),
        (
            # "every year", "each Monday", "every other week"; with a count, "every four
            # years", "every few months".
            "set_every",
            rf"{B}(?P<every>every|each|per)\s+(?:(?P<other>other)\s+)?"
            rf"(?:(?P<word>{unit}|{weekday}|{month}|{season}|{part})|"
            rf"(?P<num>{num1}|few|several)\s+(?P<units>{unit})s){E}",
        ),
        (
            "holiday",
            # "Election Day" capitalised: the U.S. one; "election day" may be any country's.
            rf"{B}(?:(?P<rel>last|this|next)\s+)?(?P<word>{alternation(lex['holiday'])}|thanksgiving(?:\s+day)?|"
            rf"easter(?:\s+sunday)?|(?-i:Election\s+Day))(?:\s+(?P<span>week|weekend))?{E}",
        ),
        (
            # "the April-June quarter", "the July-to-September period": three (or six)
            # months a report names by their ends.
            "month_span",
            rf"{B}(?:the\s+)?(?P<first>{month})\s*(?:-|–|to|through)\s*(?P<last>{month})\s+"
            rf"(?P<what>quarter|period|half){E}",
        ),
        (
            # Business news's codes, in capitals: "Q3", "Q3 2023", "H1 of 2024", "Q2 FY24",
            # and the fiscal year "FY2023", "FY 24".
            "quarter_code",
            rf"{B}(?-i:(?P<letter>[QH])(?P<n>[1-4])(?:\s+(?:of\s+)?(?P<year>{year})|"
            rf"\s*FY\s?'?(?P<fy>(?:19|20)?\d\d))?|FY\s?'?(?P<fyear>(?:19|20)?\d\d)){E}",
        ),
    ]
    return tuple((family, re.compile(regex, re.I)) for family, regex in spec)


#: Words one of which a family's match must contain (lower case): a substring test on the
#: whole text skips the family's pattern for most documents (a pattern run costs far more
#: than these tests). The holiday words are the first words of the lexicon's ``holiday``
#: entries and of the movable holidays the pattern adds.
REQUIRED_WORDS = {
    "date_month_words": ("nineteen",),
    "year_words": ("nineteen", "two thousand"),
    "date_numeric": ("/",),
    "date_iso": ("-",),
    "decade": ("0s", "0's", "ties"),
    "century": ("century",),
    "day_predicate": ("day",),
    "quarter": ("quarter", "half", "period"),
    "quarter_code": ("q1", "q2", "q3", "q4", "h1", "h2", "fy"),
    "month_span": ("quarter", "period", "half"),
    "year_ago_adj": ("year-", "year "),
    "period_year_ago": ("a year", "last year"),
    "mid_part": ("mid",),
    "duration_long": ("-long",),
    "year_end": ("end",),
    "deictic_day": tuple(day_offsets()),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "time": (
        "a.m",
        "p.m",
        "am",
        "pm",
        "o'clock",
        ":",
        "noon",
        "midnight",
        "midday",
        " in the ",
        " gmt",
        " utc",
    ),
    "set_every": ("every", "each", "per "),
    "set_freq": ("once", "twice", "thrice", "times"),
    "holiday": (
        "christmas",
        "new year",
        "independence",
        "halloween",
        "valentine",
        "veterans",
        "juneteenth",
        "boxing",
        "patrick",
        "bastille",
        "labor day",
        "memorial",
        "luther king",
        "presidents",
        "columbus",
        "mother's",
        "father's",
        "good friday",
        "black friday",
        "cyber monday",
        "super tuesday",
        "thanksgiving",
        "easter",
        "election day",
    ),
}
