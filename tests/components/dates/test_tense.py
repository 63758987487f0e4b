"""Placing a weekday or a month by its clause's tense."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.components.dates.lexicon import load_lexicons
from pipeline.components.dates.tense import clause_tense, closest_year, weekday_date
from tests.components.dates.helpers import CASE_FIELDS, SAMPLE_DATE, assert_timex, one, timexes

VOCAB = spacy.blank("en").vocab


def _doc(rows: str) -> Doc:
    """A parsed Doc from lines of ``word head dep pos tag lemma`` (head: a token index)."""
    fields = [line.split() for line in rows.strip().splitlines()]
    words = [f[0] for f in fields]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in (".", ",", "'s") for i in range(len(words))
    ]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=[int(f[1]) for f in fields],
        deps=[f[2] for f in fields],
        pos=[f[3] for f in fields],
        tags=[f[4] for f in fields],
        lemmas=[f[5] for f in fields],
    )


def _tense(rows: str, word: str, notices: bool = False) -> str | None:
    doc = _doc(rows)
    token = next(t for t in doc if t.text == word)
    return clause_tense(token, doc.text, load_lexicons().words, notices=notices)


# End to end, on model-parsed sentences: (text, pub_date, extent, type, value, mod).
CASES = [
    (
        "The council confirmed on Tuesday that oil was shipped.",
        SAMPLE_DATE,
        "Tuesday",
        "DATE",
        "2023-06-13",
        None,
    ),
    ("Kim sent a message on Monday.", SAMPLE_DATE, "Monday", "DATE", "2023-06-12", None),
    ("Kim will visit on Friday.", SAMPLE_DATE, "Friday", "DATE", "2023-06-16", None),
    # "would" on the date's own verb is the future of a report: ahead.
    (
        "Aides said the father would be traveling to Washington Thursday.",
        SAMPLE_DATE,
        "Thursday",
        "DATE",
        "2023-06-15",
        None,
    ),
    # "by Wednesday" is a deadline ahead, unless the clause looks back from a past point.
    (
        "Only three banks had repaid their loans by Wednesday, regulators said.",
        SAMPLE_DATE,
        "Wednesday",
        "DATE",
        "2023-06-07",
        None,
    ),
    (
        "The banks must repay their loans by Wednesday.",
        SAMPLE_DATE,
        "Wednesday",
        "DATE",
        "2023-06-14",
        None,
    ),
    (
        "Bidders have until Friday's deadline to respond.",
        SAMPLE_DATE,
        "Friday",
        "DATE",
        "2023-06-16",
        None,
    ),
    # A month or weekday that modifies a noun is not placed by the clause's tense.
    (
        "The lender still hopes to find a buyer, as required by a June accord with its investors.",
        "2023-10-27",
        "June",
        "DATE",
        "2023-06",
        None,
    ),
    (
        "The club hopes to reopen after the Monday blaze.",
        "2023-10-27",
        "Monday",
        "DATE",
        "2023-10-23",
        None,
    ),
    # A date between a scheduling verb and its infinitive is the date it sets; one before
    # the verb is when the plan was made.
    (
        "The mayor scheduled a vote Friday to decide the budget.",
        SAMPLE_DATE,
        "Friday",
        "DATE",
        "2023-06-16",
        None,
    ),
    (
        "On Friday, the council planned to refund the fees.",
        SAMPLE_DATE,
        "Friday",
        "DATE",
        "2023-06-09",
        None,
    ),
    ("The statement in January announced it.", SAMPLE_DATE, "January", "DATE", "2023-01", None),
    (
        "A report accused North Korea in September of selling shells.",
        SAMPLE_DATE,
        "September",
        "DATE",
        "2022-09",
        None,
    ),
    ("The summit will be held in September.", SAMPLE_DATE, "September", "DATE", "2023-09", None),
    # A past-tense clause's month: the next month is the coming one, later ones last year's.
    (
        "Refiners were warned of a cutback in September.",
        "2023-08-16",
        "September",
        "DATE",
        "2023-09",
        None,
    ),
    (
        "Refiners were warned of a cutback in November.",
        "2023-08-16",
        "November",
        "DATE",
        "2022-11",
        None,
    ),
    # An infinitive under a past passive looks back: "was forced to make the May trip".
    (
        "The boy was forced to make the trip in November.",
        "2023-01-28",
        "November",
        "DATE",
        "2022-11",
        None,
    ),
    # Weekday direction: "until" looks ahead, a past perfect back, "plan"/"schedule" ahead.
    (
        "The agency extended its deadline until Thursday.",
        SAMPLE_DATE,
        "Thursday",
        "DATE",
        "2023-06-15",
        None,
    ),
    (
        "Until Thursday, police had not named a suspect.",
        SAMPLE_DATE,
        "Thursday",
        "DATE",
        "2023-06-08",
        None,
    ),
    ("The offer had been due to expire Friday.", SAMPLE_DATE, "Friday", "DATE", "2023-06-09", None),
    (
        "Protesters planned a march on Saturday.",
        SAMPLE_DATE,
        "Saturday",
        "DATE",
        "2023-06-17",
        None,
    ),
    (
        "A vigil planned for Saturday was canceled.",
        SAMPLE_DATE,
        "Saturday",
        "DATE",
        "2023-06-10",
        None,
    ),
    ("Officials postponed the vote until March.", SAMPLE_DATE, "March", "DATE", "2024-03", None),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_timex(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


# Rule tests on hand-built parses: the clause's verb, auxiliaries and cues decide.
SENT = """
Kim 1 nsubj PROPN NNP Kim
sent 1 ROOT VERB VBD send
a 3 det DET DT a
message 1 dobj NOUN NN message
on 1 prep ADP IN on
Monday 4 pobj PROPN NNP Monday
. 1 punct PUNCT . .
"""
WILL_VISIT = """
Kim 2 nsubj PROPN NNP Kim
will 2 aux AUX MD will
visit 2 ROOT VERB VB visit
on 2 prep ADP IN on
Friday 3 pobj PROPN NNP Friday
. 2 punct PUNCT . .
"""
HAD_REPAID_BY = """
Only 1 advmod ADV RB only
three 2 nummod NUM CD three
banks 4 nsubj NOUN NNS bank
had 4 aux AUX VBD have
repaid 4 ROOT VERB VBN repay
their 6 poss PRON PRP$ their
loans 4 dobj NOUN NNS loan
by 4 prep ADP IN by
Wednesday 7 pobj PROPN NNP Wednesday
. 4 punct PUNCT . .
"""
MUST_REPAY_BY = """
Banks 2 nsubj NOUN NNS bank
must 2 aux AUX MD must
repay 2 ROOT VERB VB repay
loans 2 dobj NOUN NNS loan
by 2 prep ADP IN by
Wednesday 4 pobj PROPN NNP Wednesday
. 2 punct PUNCT . .
"""
UNTIL_FRIDAYS_DEADLINE = """
Bidders 1 nsubj NOUN NNS bidder
have 1 ROOT VERB VBP have
until 1 prep ADP IN until
Friday 5 poss PROPN NNP Friday
's 3 case PART POS 's
deadline 2 pobj NOUN NN deadline
. 1 punct PUNCT . .
"""
WEDNESDAYS_RULING = """
Wednesday 2 poss PROPN NNP Wednesday
's 0 case PART POS 's
ruling 4 nsubjpass NOUN NN ruling
was 4 auxpass AUX VBD be
upheld 4 ROOT VERB VBN uphold
. 4 punct PUNCT . .
"""
JUNE_ACCORD = """
It 1 nsubj PRON PRP it
signed 1 ROOT VERB VBD sign
a 4 det DET DT a
June 4 compound PROPN NNP June
accord 1 dobj NOUN NN accord
. 1 punct PUNCT . .
"""
JUNE_NIGHTS = """
It 1 nsubj PRON PRP it
rained 1 ROOT VERB VBD rain
on 1 prep ADP IN on
June 4 compound PROPN NNP June
nights 2 pobj NOUN NNS night
. 1 punct PUNCT . .
"""
SCHEDULED_A_VOTE_FRIDAY = """
The 1 det DET DT the
mayor 2 nsubj NOUN NN mayor
scheduled 2 ROOT VERB VBD schedule
a 4 det DET DT a
vote 2 dobj NOUN NN vote
Friday 2 npadvmod PROPN NNP Friday
to 7 aux PART TO to
decide 2 xcomp VERB VB decide
the 9 det DET DT the
budget 7 dobj NOUN NN budget
. 2 punct PUNCT . .
"""
ON_FRIDAY_PLANNED_TO = """
On 5 prep ADP IN on
Friday 0 pobj PROPN NNP Friday
, 5 punct PUNCT , ,
the 4 det DET DT the
council 5 nsubj NOUN NN council
planned 5 ROOT VERB VBD plan
to 7 aux PART TO to
refund 5 xcomp VERB VB refund
the 9 det DET DT the
fees 7 dobj NOUN NNS fee
. 5 punct PUNCT . .
"""
VIGIL_PLANNED_FOR = """
A 1 det DET DT a
vigil 6 nsubjpass NOUN NN vigil
planned 1 acl VERB VBN plan
for 2 prep ADP IN for
Saturday 3 pobj PROPN NNP Saturday
was 6 auxpass AUX VBD be
canceled 6 ROOT VERB VBN cancel
. 6 punct PUNCT . .
"""
FORCED_TO_MAKE = """
The 1 det DET DT the
boy 3 nsubjpass NOUN NN boy
was 3 auxpass AUX VBD be
forced 3 ROOT VERB VBN force
to 5 aux PART TO to
make 3 xcomp VERB VB make
the 7 det DET DT the
trip 5 dobj NOUN NN trip
in 5 prep ADP IN in
November 8 pobj PROPN NNP November
. 3 punct PUNCT . .
"""


def _modal(aux: str) -> str:
    return WILL_VISIT.replace("will 2 aux AUX MD will", f"{aux} 2 aux AUX MD {aux}")


def _verb(rows: str, old: str, new: str) -> str:
    assert old in rows
    return rows.replace(old, new)


@pytest.mark.parametrize(
    ("rows", "word", "tense"),
    [
        (SENT, "Monday", "past"),
        (
            _verb(SENT, "sent 1 ROOT VERB VBD send", "sends 1 ROOT VERB VBZ send"),
            "Monday",
            "present",
        ),
        (WILL_VISIT, "Friday", "future"),
        (_modal("should"), "Friday", "modal"),
        (_modal("could"), "Friday", "modal"),  # "could", "might" as other modals (not "could have")
        # A deadline is ahead, unless the clause looks back from an earlier point.
        (HAD_REPAID_BY, "Wednesday", "past"),
        (MUST_REPAY_BY, "Wednesday", "future"),
        # A possessive or noun-modifying weekday or month is not placed by the tense ...
        (UNTIL_FRIDAYS_DEADLINE, "Friday", "future"),  # ... but a deadline's is ahead
        (WEDNESDAYS_RULING, "Wednesday", None),
        (JUNE_ACCORD, "June", None),
        (JUNE_NIGHTS, "June", "past"),  # "June nights" is the timex itself
        # A date between a scheduling verb and its infinitive is the date it sets.
        (SCHEDULED_A_VOTE_FRIDAY, "Friday", "future"),
        (ON_FRIDAY_PLANNED_TO, "Friday", "past"),
        (VIGIL_PLANNED_FOR, "Saturday", None),  # a participle modifier sets no date
        # An infinitive under a past passive takes the head's past.
        (FORCED_TO_MAKE, "November", "past"),
    ],
)
def test_clause_tense_on_a_parse(rows, word, tense):
    assert _tense(rows, word) == tense


@pytest.mark.parametrize(
    ("before", "news", "earnings"),
    [
        ("since", "past", "past"),
        # Dividend-notice words put a date ahead only in earnings reports.
        ("payable", "past", "future"),
        ("record", "past", "future"),
        ("effective", "past", "future"),
    ],
)
def test_a_cue_before_the_date_decides_whatever_the_verb(before, news, earnings):
    rows = _verb(SENT, "on 1 prep ADP IN on", f"{before} 1 prep ADP IN {before}")
    assert _tense(rows, "Monday") == news
    assert _tense(rows, "Monday", notices=True) == earnings


@pytest.mark.model
def test_closed_at_a_record_tuesday_is_the_past_tuesday_in_news(make_doc):
    text = "The index closed at a record Tuesday, its third gain in a row."
    # 2023-06-15 is a Thursday.
    assert one(timexes(make_doc, text, "2023-06-15"), "Tuesday")["value"] == "2023-06-13"
    earnings = timexes(make_doc, text, "2023-06-15", "earnings")
    assert one(earnings, "Tuesday")["value"] == "2023-06-20"  # a dividend notice's "record"


@pytest.mark.model
def test_a_past_report_names_the_coming_days_it_announces(make_doc):
    text = "The company declared a dividend, payable Dec. 7 to holders of record Nov. 22."
    items = timexes(make_doc, text, "1989-10-27")
    assert one(items, "Dec. 7")["value"] == "1989-12-07"
    assert one(items, "Nov. 22")["value"] == "1989-11-22"
    text = "The company said it paid the last dividend on Dec. 7."
    assert one(timexes(make_doc, text, "1990-05-20"), "Dec. 7")["value"] == "1989-12-07"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        # A present clause that says a schedule looks ahead (2023-06-13 is a Tuesday).
        ("The report is due on April 30.", "April 30", "2024-04-30"),
        ("The ruling is expected Friday, lawyers said.", "Friday", "2023-06-16"),
        ("The hearing is set for Monday.", "Monday", "2023-06-19"),
        # A schedule noun the subject of "is": the deadline ahead, not the Friday past.
        ("The deadline is Friday.", "Friday", "2023-06-16"),
        ("The filing deadline is June 5.", "June 5", "2024-06-05"),
        # Not in the past, nor without a word of schedule.
        ("The payment was due on April 30.", "April 30", "2023-04-30"),
        ("The bank is open on Monday.", "Monday", "2023-06-12"),
        # A scheduled event's present (begin, hold, vote, ...) before a weekday: ahead.
        ("The party convention begins Monday in Denver.", "Monday", "2023-06-19"),
        ("Ohio holds its primary on Tuesday.", "Tuesday", "2023-06-13"),
        ("Ohio holds its primary on Saturday.", "Saturday", "2023-06-17"),
        ("Ohio held its primary on Saturday.", "Saturday", "2023-06-10"),
        # "ahead of", "heading into", "before" an event's day: the day to come, unless a
        # clause looks back from after it.
        ("Polls tightened ahead of Friday's runoff.", "Friday", "2023-06-16"),
        ("He campaigned hard before Sunday's vote.", "Sunday", "2023-06-11"),
        ("She will try to win him over before Sunday's vote.", "Sunday", "2023-06-18"),
        ("Its share before Friday's purchases is 7%.", "Friday", "2023-06-09"),
        ("He had won 40 seats heading into Friday's runoff.", "Friday", "2023-06-09"),
        ("The deadline was Friday.", "Friday", "2023-06-09"),
    ],
)
def test_a_present_schedule_looks_ahead(make_doc, text, extent, value):
    assert one(timexes(make_doc, text, SAMPLE_DATE), extent)["value"] == value


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A month named in a clause that looks ahead (published early in March): the
        # coming one; not when the clause reports the past, nor a month just gone.
        ("The November election will decide who runs the state.", "2024-11"),
        ("The senator is up for re-election in November.", "2024-11"),
        ("If she wins in November, taxes will go up.", "2024-11"),
        ("The scandal could hurt him in November.", "2024-11"),
        ("Voters will have the last word come November.", "2024-11"),
        ("Sales fell sharply in November.", "2023-11"),
        ("The firm must still file its February report.", "2024-02"),
    ],
)
def test_a_month_in_a_clause_ahead_is_the_coming_one(make_doc, text, value):
    month = next(w for w in ("November", "February") if w in text)
    assert one(timexes(make_doc, text, "2024-03-04"), month)["value"] == value


def test_no_verb_no_tense():
    assert _tense("Friday 0 ROOT PROPN NNP Friday", "Friday") is None
    assert _tense("by 0 ROOT ADP IN by\nFriday 0 pobj PROPN NNP Friday", "Friday") == "future"


REF = date(2023, 8, 16)  # a Wednesday


@pytest.mark.parametrize(
    ("month", "day", "tense", "year"),
    [
        (9, None, "past", 2023),  # the coming month, in a past-tense report
        (11, None, "past", 2022),
        (3, None, "future", 2024),
        (3, None, "modal", 2024),
        (10, None, None, 2023),  # up to three months ahead: the coming one
        (12, None, None, 2022),
        (8, 20, "past", 2023),  # within a week of publication: this year's
        (10, 7, "past", 2023),  # "declared a dividend, payable Oct. 7": a day up to a quarter ahead
        (11, 16, "past", 2023),
        (12, 1, "past", 2022),  # four months ahead: the last one
        (1, 2, "past", 2023),  # behind: this year's
        (12, 25, "present", 2022),
        # A month without a day in a present clause, or a modal's, looks ahead unless it is
        # up to three months gone.
        (12, None, "present", 2023),
        (6, None, "present", 2023),
        (5, None, "modal", 2023),
        (7, 20, "modal", 2023),
        (4, None, "ahead", 2024),
    ],
)
def test_closest_year(month, day, tense, year):
    assert closest_year(REF, month, day, tense) == year


@pytest.mark.parametrize(
    ("ref", "month", "day", "year"),
    [
        (date(1989, 11, 2), 1, 2, 1990),  # "is payable Jan. 2": up to three months ahead
        (date(1989, 11, 2), 2, None, 1990),
        (date(1989, 11, 2), 3, 1, 1989),  # four months ahead: the last one
        (date(1990, 1, 20), 12, 15, 1989),
    ],
)
def test_closest_year_without_tense_crosses_the_years_end(ref, month, day, year):
    assert closest_year(ref, month, day, None) == year


@pytest.mark.parametrize(
    ("weekday", "tense", "rel", "expected"),
    [
        (1, "past", None, date(2023, 8, 14)),
        (1, "future", None, date(2023, 8, 21)),
        (5, None, None, date(2023, 8, 11)),
        (3, "future", None, REF),
        (3, None, "last", date(2023, 8, 9)),
        (3, None, "next", date(2023, 8, 23)),
        (5, None, "this", date(2023, 8, 18)),
    ],
)
def test_weekday_date(weekday, tense, rel, expected):
    assert weekday_date(REF, weekday, tense, rel) == expected


REPORTED_FUTURE = """
He 1 nsubj PRON PRP he
said 1 ROOT VERB VBD say
he 4 nsubj PRON PRP he
would 4 aux AUX MD would
travel 1 ccomp VERB VB travel
Thursday 4 npadvmod PROPN NNP Thursday
"""
WOULD_HAVE = """
The 1 det DET DT the
vote 5 nsubjpass NOUN NN vote
would 5 aux AUX MD would
have 5 aux AUX VB have
been 5 auxpass AUX VBN be
held 5 ROOT VERB VBN hold
Monday 5 npadvmod PROPN NNP Monday
"""
SAID_THAT_WOULD = """
He 1 nsubj PRON PRP he
said 1 ROOT VERB VBD say
Friday 1 npadvmod PROPN NNP Friday
he 5 nsubj PRON PRP he
would 5 aux AUX MD would
resign 1 ccomp VERB VB resign
"""


@pytest.mark.parametrize(
    ("rows", "word", "tense"),
    [
        (REPORTED_FUTURE, "Thursday", "future"),  # the date's own verb has "would"
        (WOULD_HAVE, "Monday", "modal"),  # "would have been held": not ahead
        (SAID_THAT_WOULD, "Friday", "past"),  # the date is the saying's
    ],
)
def test_would_on_the_dates_own_verb_looks_ahead(rows, word, tense):
    assert _tense(rows, word) == tense


@pytest.mark.model
def test_effective_before_a_calendar_date_looks_ahead_in_news(make_doc):
    # 2023-06-13 is a Tuesday: "effective Feb. 1" is the coming one, as announced.
    text = "The company created an office of the chairman, effective Feb. 1."
    assert one(timexes(make_doc, text, SAMPLE_DATE), "Feb. 1")["value"] == "2024-02-01"
    # A weekday after it is left to the clause: he resigned the Monday before.
    text = "He resigned effective Monday, the company said."
    assert one(timexes(make_doc, text, SAMPLE_DATE), "Monday")["value"] == "2023-06-12"
