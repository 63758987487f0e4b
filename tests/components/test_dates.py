"""The dates stage: TIMEX3 extents, types, values, mods and intervals (issue 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.components.dates import find_dates
from pipeline.components.timex.extents import find_candidates
from pipeline.components.timex.lexicon import load_lexicon
from pipeline.components.timex.normalise import interval
from pipeline.runner import process_text
from tests.contract import assert_valid_record

SAMPLE = Path(__file__).parents[2] / "corpora" / "sample" / "000_0310359b324a0dcd.txt"
SAMPLE_DATE = "2023-06-13"  # a Tuesday

pytestmark = pytest.mark.model


def _dates(make_doc, text: str, date: str | None) -> list[dict]:
    doc = make_doc(text, date)
    for item in doc._.newsclaims_dates:
        assert doc.text[item["start"] : item["end"]] == text[item["start"] : item["end"]]
    return [dict(item, text=text[item["start"] : item["end"]]) for item in doc._.newsclaims_dates]


def _one(items: list[dict], extent: str) -> dict:
    found = [d for d in items if d["text"] == extent]
    assert found, f"no {extent!r} in {[d['text'] for d in items]}"
    return found[0]


# (text, pub_date, extent, type, value, mod)
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
    ("Kim eased restrictions this year.", SAMPLE_DATE, "this year", "DATE", "2023", None),
    ("The statement in January announced it.", SAMPLE_DATE, "January", "DATE", "2023-01", None),
    (
        "Shipments were documented in August 2020.",
        SAMPLE_DATE,
        "August 2020",
        "DATE",
        "2020-08",
        None,
    ),
    (
        "A report accused North Korea in September of selling shells.",
        SAMPLE_DATE,
        "September",
        "DATE",
        "2022-09",
        None,
    ),
    ("The summit will be held in September.", SAMPLE_DATE, "September", "DATE", "2023-09", None),
    (
        "Oil resumed after a nearly three-year pause.",
        SAMPLE_DATE,
        "nearly three-year",
        "DURATION",
        "P3Y",
        "APPROX",
    ),
    (
        "They delivered rockets toward the end of last year.",
        SAMPLE_DATE,
        "the end of last year",
        "DATE",
        "2022",
        "END",
    ),
    ("Sales fell last week.", "2023-06-13", "last week", "DATE", "2023-W23", None),
    (
        "Profit rose in the third quarter.",
        "1989-10-26",
        "the third quarter",
        "DATE",
        "1989-Q3",
        None,
    ),
    (
        "Profit rose in the fourth quarter of 2013.",
        SAMPLE_DATE,
        "the fourth quarter of 2013",
        "DATE",
        "2013-Q4",
        None,
    ),
    (
        "It was hot in the summer of 2013.",
        SAMPLE_DATE,
        "the summer of 2013",
        "DATE",
        "2013-SU",
        None,
    ),
    (
        "Prices rose in the first half of 2022.",
        SAMPLE_DATE,
        "the first half of 2022",
        "DATE",
        "2022-H1",
        None,
    ),
    ("The talks lasted two years.", SAMPLE_DATE, "two years", "DURATION", "P2Y", None),
    (
        "The flight took about two hours.",
        SAMPLE_DATE,
        "about two hours",
        "DURATION",
        "PT2H",
        "APPROX",
    ),
    (
        "He waited more than three weeks.",
        SAMPLE_DATE,
        "more than three weeks",
        "DURATION",
        "P3W",
        "MORE_THAN",
    ),
    (
        "He waited less than a month.",
        SAMPLE_DATE,
        "less than a month",
        "DURATION",
        "P1M",
        "LESS_THAN",
    ),
    ("The plant closed two years ago.", SAMPLE_DATE, "two years ago", "DATE", "2021", None),
    ("The paper is published weekly.", SAMPLE_DATE, "weekly", "SET", "P1W", None),
    ("The board meets every year.", SAMPLE_DATE, "every year", "SET", "P1Y", None),
    ("It bans sales above 500,000 barrels a year.", SAMPLE_DATE, "a year", "SET", "P1Y", None),
    ("It took a year to build the plant.", SAMPLE_DATE, "a year", "DURATION", "P1Y", None),
    ("Prices are high now.", SAMPLE_DATE, "now", "DATE", "PRESENT_REF", None),
    ("He is currently in Seoul.", SAMPLE_DATE, "currently", "DATE", "PRESENT_REF", None),
    ("He recently arrived.", SAMPLE_DATE, "recently", "DATE", "PAST_REF", None),
    # "recent weeks" / "months ago": an unspecified number of the unit (TimeBank's DURATION).
    ("Prices fell in recent weeks.", SAMPLE_DATE, "recent weeks", "DURATION", "PXW", None),
    ("Talks stalled in recent months.", SAMPLE_DATE, "recent months", "DURATION", "PXM", None),
    ("The firm was ailing just months ago.", SAMPLE_DATE, "months ago", "DURATION", "PXM", None),
    ("Crime has risen in recent years.", SAMPLE_DATE, "recent years", "DATE", "PAST_REF", None),
    # A bare "the week" names no week of its own (the one just ended, or this one).
    ("Shares rose 3% for the week.", SAMPLE_DATE, "the week", "DATE", "2023-WXX", None),
    ("Shares rose 3% this week.", SAMPLE_DATE, "this week", "DATE", "2023-W24", None),
    # The noun "year-end" is Dec. 31; looking back ("since year-end") the last one.
    ("The deal should close by year-end.", SAMPLE_DATE, "year-end", "DATE", "2023-12-31", None),
    ("Shares are up 5% since year-end.", SAMPLE_DATE, "year-end", "DATE", "2022-12-31", None),
    (
        "Monks have brewed beer in the valley for centuries.",
        SAMPLE_DATE,
        "centuries",
        "DURATION",
        "PXC",
        None,
    ),
    # "mid-afternoon": the middle of the part of day (mod MID).
    ("Shares rose by mid-afternoon.", SAMPLE_DATE, "mid-afternoon", "TIME", "2023-06-13TAF", "MID"),
    (
        "At mid morning yesterday the market fell.",
        SAMPLE_DATE,
        "mid morning yesterday",
        "TIME",
        "2023-06-12TMO",
        "MID",
    ),
    # In an earnings report "a year earlier" is last year's quarter, unless the sentence
    # reports the nine months (or half, or year to date): then last year's.
    (
        "Third-quarter net income rose to $3 million. For the nine months, net income was"
        " $9 million, compared with $7 million a year earlier.",
        "1989-10-26",
        "a year earlier",
        "DATE",
        "1988",
        None,
    ),
    (
        "Third-quarter net income rose to $3 million from $2 million a year earlier,"
        " the company said of its earnings.",
        "1989-10-26",
        "a year earlier",
        "DATE",
        "1988-Q3",
        None,
    ),
    # "the quarter a year ago": one period, the reported quarter a year back.
    (
        "Its loss narrowed from the quarter a year ago, the bank said.",
        "1989-10-26",
        "the quarter a year ago",
        "DATE",
        "1988-Q3",
        None,
    ),
    (
        "Sales rose 5% from the same period a year earlier.",
        "1989-10-26",
        "the same period a year earlier",
        "DATE",
        "1988-Q3",
        None,
    ),
    ("The party began in the 1990s.", SAMPLE_DATE, "the 1990s", "DATE", "199", None),
    ("The war ended in the early 1990s.", SAMPLE_DATE, "the early 1990s", "DATE", "199", "START"),
    ("It was built in the 20th century.", SAMPLE_DATE, "the 20th century", "DATE", "19", None),
    ("Talks resume in mid-2024.", SAMPLE_DATE, "mid-2024", "DATE", "2024", "MID"),
    ("The vote was held in early March.", SAMPLE_DATE, "early March", "DATE", "2023-03", "START"),
    (
        "The blast happened Friday morning.",
        "1998-08-08",
        "Friday morning",
        "DATE",
        "1998-08-07TMO",
        None,
    ),
    ("Rebels shelled the port overnight.", SAMPLE_DATE, "overnight", "TIME", "2023-06-12TNI", None),
    ("Police arrived this morning.", SAMPLE_DATE, "this morning", "TIME", "2023-06-13TMO", None),
    ("The blast came at 10:35 a.m.", "1998-08-07", "10:35 a.m.", "TIME", "1998-08-07T10:35", None),
    (
        "The company was founded on March 12, 1998.",
        SAMPLE_DATE,
        "March 12, 1998",
        "DATE",
        "1998-03-12",
        None,
    ),
    ("Shares rose yesterday.", SAMPLE_DATE, "yesterday", "DATE", "2023-06-12", None),
    ("Sales rose in fiscal 1989.", SAMPLE_DATE, "fiscal 1989", "DATE", "1989", None),
    # "The latest (fiscal) year" is the last completed one.
    (
        "The chain booked $2 billion of revenue for the latest fiscal year.",
        SAMPLE_DATE,
        "the latest fiscal year",
        "DATE",
        "2022",
        None,
    ),
    ("Profit rose from a year ago.", SAMPLE_DATE, "a year ago", "DATE", "2022", None),
    ("It will close in the spring.", SAMPLE_DATE, "the spring", "DATE", "2024-SP", None),
    ("Sales rose in the year to 2023.", SAMPLE_DATE, "2023", "DATE", "2023", None),
    (
        "A hearing is set for the week of March 6.",
        "2000-02-24",
        "the week of March 6",
        "DATE",
        "2000-W10",
        None,
    ),
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
    (
        "Elections are this coming Sunday.",
        SAMPLE_DATE,
        "this coming Sunday",
        "DATE",
        "2023-06-18",
        None,
    ),
    ("Polls closed this past Sunday.", SAMPLE_DATE, "this past Sunday", "DATE", "2023-06-11", None),
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
    # Future references: "soon" (not "as soon as", "soon after", nor in a past clause),
    # "the near term", "a later date", "coming quarters".
    ("The court will soon rule on the appeal.", SAMPLE_DATE, "soon", "DATE", "FUTURE_REF", None),
    (
        "They want a deal as soon as possible.",
        SAMPLE_DATE,
        "as soon as possible",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    (
        "Margins will stay thin in the near term.",
        SAMPLE_DATE,
        "the near term",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    (
        "The notes may be sold at a later date.",
        SAMPLE_DATE,
        "a later date",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    (
        "Sales should improve in coming quarters.",
        SAMPLE_DATE,
        "coming quarters",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    (
        "The credits cut taxes in future quarters.",
        SAMPLE_DATE,
        "future quarters",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    # "the past/last year|month|week": the calendar unit the period mostly covers.
    ("Exports grew over the past year.", SAMPLE_DATE, "the past year", "DATE", "2022", None),
    ("Prices doubled in the last year.", "2021-02-01", "the last year", "DATE", "2020", None),
    ("Talks stalled over the past month.", SAMPLE_DATE, "the past month", "DATE", "2023-05", None),
    ("Talks stalled over the past month.", "2023-06-28", "the past month", "DATE", "2023-06", None),
    ("He has been ill for the last week.", SAMPLE_DATE, "the last week", "DATE", "2023-W23", None),
    ("He has been ill for the past week.", "2023-06-16", "the past week", "DATE", "2023-W24", None),
    ("Output fell over the past decade.", SAMPLE_DATE, "the past decade", "DURATION", "P10Y", None),
    (
        "Output fell over the past two years.",
        SAMPLE_DATE,
        "the past two years",
        "DURATION",
        "P2Y",
        None,
    ),
    # "and a half": the half of the unit, in the next smaller unit.
    (
        "The pilot waited a minute and a half.",
        SAMPLE_DATE,
        "a minute and a half",
        "DURATION",
        "PT1M30S",
        None,
    ),
    (
        "The hearing lasted an hour and a half.",
        SAMPLE_DATE,
        "an hour and a half",
        "DURATION",
        "PT1H30M",
        None,
    ),
    (
        "The siege lasted two years and a half.",
        SAMPLE_DATE,
        "two years and a half",
        "DURATION",
        "P2Y6M",
        None,
    ),
    # An hour with "in the morning/afternoon/evening".
    (
        "The convoy leaves at 4 in the morning.",
        SAMPLE_DATE,
        "4 in the morning",
        "TIME",
        "2023-06-13T04:00",
        None,
    ),
    (
        "The vote ended at five in the afternoon.",
        SAMPLE_DATE,
        "five in the afternoon",
        "TIME",
        "2023-06-13T17:00",
        None,
    ),
    # Extents: a season of a year in words, plural weekday nights, "or so ago", "then current".
    (
        "Rents rose in the winter of nineteen eighty-seven.",
        SAMPLE_DATE,
        "the winter of nineteen eighty-seven",
        "DATE",
        "1987-WI",
        None,
    ),
    (
        "Flights leave on Tuesday nights.",
        SAMPLE_DATE,
        "Tuesday nights",
        "SET",
        "XXXX-WXX-2TNI",
        None,
    ),
    (
        "A year or so ago the plant closed.",
        SAMPLE_DATE,
        "A year or so ago",
        "DATE",
        "2022",
        "APPROX",
    ),
    (
        "They may buy at the then current price.",
        SAMPLE_DATE,
        "then current",
        "DATE",
        "PAST_REF",
        None,
    ),
    (
        "The vote failed. Today the council meets again.",
        SAMPLE_DATE,
        "Today",
        "DATE",
        "2023-06-13",
        None,
    ),
    # A clock time takes the day after an aside, else the day the text is at.
    (
        "The explosion came at 9:20 a.m. (0620 GMT) Friday.",
        SAMPLE_DATE,
        "9:20 a.m.",
        "TIME",
        "2023-06-09T09:20",
        None,
    ),
    (
        "She will depart at 5 in the morning (5 a.m. EDT Thursday).",
        SAMPLE_DATE,
        "5 in the morning",
        "TIME",
        "2023-06-15T05:00",
        None,
    ),
    (
        "The rally began on June 9. Police arrived at 10 p.m.",
        SAMPLE_DATE,
        "10 p.m.",
        "TIME",
        "2023-06-09T22:00",
        None,
    ),
    ("Police arrived at 10 p.m.", SAMPLE_DATE, "10 p.m.", "TIME", "2023-06-13T22:00", None),
    # "the day before/after" a day: that day shifted by one.
    (
        "The day before last Tuesday's hearing, the chief quit.",
        SAMPLE_DATE,
        "day before last Tuesday",
        "DATE",
        "2023-06-05",
        None,
    ),
    (
        "The riots began the day after June 3, 2021.",
        SAMPLE_DATE,
        "day after June 3, 2021",
        "DATE",
        "2021-06-04",
        None,
    ),
]


# Holidays: fixed ones by the closest year; movable ones computed for the year.
HOLIDAYS = [
    ("The store reopened after Easter.", SAMPLE_DATE, "Easter", "2023-04-09"),
    ("The parade will be held on Thanksgiving.", SAMPLE_DATE, "Thanksgiving", "2023-11-23"),
    ("Shops closed early on Christmas Eve.", "2024-01-03", "Christmas Eve", "2023-12-24"),
    ("Voters will go to the polls on Election Day.", "2024-10-20", "Election Day", "2024-11-05"),
    ("Turnout fell on Election Day, officials said.", "2023-12-01", "Election Day", "2023-11-07"),
]


@pytest.mark.parametrize("text,date,extent,value", HOLIDAYS)
def test_holiday(make_doc, text, date, extent, value):
    assert _one(_dates(make_doc, text, date), extent)["value"] == value


# Anaphoric expressions: against the previous date of the right granularity in the text.
ANAPHORIC = [
    (
        "Stocks fell on Friday, June 9, down 3% from the previous Friday.",
        "the previous Friday",
        "2023-06-02",
    ),
    (
        "Talks began on Friday, June 9. The following Monday they broke down.",
        "The following Monday",
        "2023-06-12",
    ),
    ("The plant opened in 2019. The following year it closed.", "The following year", "2020"),
    ("They met on March 3, 2021. The same day the deal was signed.", "The same day", "2021-03-03"),
    # "Overnight": the night before the day the text is at.
    (
        "Tokyo stocks slid on Friday, June 9, after overnight losses on Wall Street.",
        "overnight",
        "2023-06-08TNI",
    ),
    ("Sales fell in May 2020. That month, prices rose.", "That month", "2020-05"),
    ("It opened on Jan. 5, 2022. The next day it closed.", "The next day", "2022-01-06"),
    ("The treaty was signed in 1999. A year earlier, talks had stalled.", "A year earlier", "1998"),
    (
        "The treaty was signed in 1999. The previous year, talks had stalled.",
        "The previous year",
        "1998",
    ),
]


# In an earnings report "the quarter", "the latest period", "the 2022 period" and "a year
# earlier" are about the quarter the report has named, else the last completed one.
REPORTED_QUARTER = [
    (
        "Lakeshore Mills posted a loss for its fiscal first quarter. Revenue in the quarter"
        " rose 8% on higher earnings from paper.",
        "the quarter",
        "2023-Q1",
    ),
    (
        "Lakeshore Mills posted a loss for its fiscal first quarter, citing earnings at its"
        " paper unit. In the 2022 period, it earned $4 million.",
        "the 2022 period",
        "2022-Q1",
    ),
    (
        "Harbor Foods said fourth-quarter profit fell 12%, hurt by lower earnings abroad."
        " Revenue for the latest period climbed to $2 billion.",
        "the latest period",
        "2023-Q4",
    ),
    # A coming quarter in a forecast is not the reported one ...
    (
        "Orion Insurance said third-quarter earnings came to $40 million. The storm will cut"
        " fourth-quarter profit. Claims rose in the latest quarter.",
        "the latest quarter",
        "2023-Q3",
    ),
    # ... nor an earlier one the report looks back to.
    (
        "Net income rose 20% in the third quarter, after a weak second quarter. Sales in"
        " the quarter climbed 6%, the company said of its earnings.",
        "the quarter",
        "2023-Q3",
    ),
    (
        "Orders rose in the third quarter, while exports in last year's quarter totaled"
        " $5 million, the firm said of its earnings.",
        "last year's quarter",
        "2022-Q3",
    ),
    (
        "Harbor Foods said its third-quarter loss widened on lower earnings. This quarter's"
        " loss includes a $5 million charge.",
        "This quarter",
        "2023-Q3",
    ),
    (
        "Harbor Foods said its third-quarter loss widened on lower earnings, and it expects"
        " a profit this quarter.",
        "this quarter",
        "2023-Q4",
    ),
    (
        "Orders rose in the third quarter, against a loss for the comparable period last"
        " year, the firm said of its earnings.",
        "the comparable period last year",
        "2022-Q3",
    ),
    # "The quarter ended May 31": the calendar quarter holding most of March to May.
    (
        "In the quarter ended May 31, the retailer's net income fell 5% on lower earnings.",
        "the quarter",
        "2023-Q2",
    ),
    (
        "Over the quarter ending Jan. 31, the airline's earnings grew 9% to $1.40 per share.",
        "the quarter",
        "2022-Q4",
    ),
]


@pytest.mark.parametrize("text,extent,value", REPORTED_QUARTER)
def test_reported_quarter(make_doc, text, extent, value):
    assert _one(_dates(make_doc, text, "2023-11-02"), extent)["value"] == value


@pytest.mark.parametrize("text,extent,value", ANAPHORIC)
def test_anaphoric(make_doc, text, extent, value):
    assert _one(_dates(make_doc, text, SAMPLE_DATE), extent)["value"] == value


@pytest.mark.parametrize("text,date,extent,type_,value,mod", CASES)
def test_timex(make_doc, text, date, extent, type_, value, mod):
    item = _one(_dates(make_doc, text, date), extent)
    assert (item["type"], item["value"], item["mod"]) == (type_, value, mod)


XFAIL_CASES = [
    # Fiscal years that do not follow the calendar need the company's fiscal calendar.
    ("In fiscal 1988 the company earned more.", "1989-11-02", "fiscal 1988", "DATE", "1989", None),
]


@pytest.mark.parametrize("text,date,extent,type_,value,mod", XFAIL_CASES)
@pytest.mark.xfail(
    reason="non-calendar fiscal years need the company's fiscal calendar", strict=True
)
def test_timex_unsolved(make_doc, text, date, extent, type_, value, mod):
    item = _one(_dates(make_doc, text, date), extent)
    assert (item["type"], item["value"], item["mod"]) == (type_, value, mod)


@pytest.mark.parametrize(
    "text,extents,values",
    [
        (
            "The fair will open to visitors April 24 and 25.",
            ["April 24", "25"],
            ["2024-04-24", "2024-04-25"],
        ),
        (
            "Talks were held May 3-4th, officials said.",
            ["May 3", "4th"],
            ["2023-05-03", "2023-05-04"],
        ),
        ("On March 3 and 4 others were hurt.", ["March 3"], ["2023-03-03"]),
        (
            "Ticket sales peak during its second and fourth quarters.",
            ["second", "fourth quarters"],
            ["XXXX-Q2", "XXXX-Q4"],
        ),
        (
            "Profit rose in the first and second quarters of 2022.",
            ["first", "second quarters of 2022"],
            ["2022-Q1", "2022-Q2"],
        ),
        # "The night of <date>": the date alone is the timex, as TimeBank marks it.
        ("The fire broke out on the night of May 2, police said.", ["May 2"], ["2023-05-02"]),
    ],
)
def test_dates_next_to_a_date(make_doc, text, extents, values):
    items = _dates(make_doc, text, SAMPLE_DATE)
    assert [(i["text"], i["value"]) for i in items] == list(zip(extents, values, strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "One of the three suspects was released.",
        "Under Section 427 of the act, the fine is due.",
        "Call 202-555-1990 for details.",
        "The bill passed 1,999 to 12.",
        "He may visit, she said.",
        "Sales rose 2023 percent.",
        "The JoongAng Daily reported the shipments.",
        "The boy, 6-year-old Elian, was rescued.",
        "Mr. Reupke, 52 years old, had been the editor.",
        "Japan imports about three-quarters of its fuel.",
        "The talks resume as soon as the envoy lands.",
        "He told USA Today the plan was dead.",
        "He was soon released by the police.",
        "Residents fled the old quarters of the city.",
        "Observers said the election day passed calmly in the capital.",
        'He said on CBS\'s "60 Minutes" that he was sorry.',
        "",
        "“Odd ‘quotes’ —",
    ],
)
def test_no_timex(make_doc, text):
    assert _dates(make_doc, text, SAMPLE_DATE) == []


@pytest.mark.parametrize(
    "text",
    ["Police arrested 12 in the morning raid.", "Rebels killed 4 in the evening attack."],
)
def test_count_before_part_of_day_is_no_clock_time(make_doc, text):
    assert not [
        d for d in _dates(make_doc, text, SAMPLE_DATE) if d["type"] == "TIME" and ":" in d["value"]
    ]


def test_sample_article(make_doc):
    text = SAMPLE.read_text(encoding="utf-8")
    items = _dates(make_doc, text, SAMPLE_DATE)

    def at(extent: str, occurrence: int = 0) -> dict:
        return [d for d in items if d["text"] == extent][occurrence]

    assert at("Tuesday")["value"] == "2023-06-13"
    assert at("Monday")["value"] == "2023-06-12"
    assert at("this year")["value"] == "2023"
    assert at("January")["value"] == "2023-01"  # "in January" -> extent "January"
    assert not any(d["text"].startswith("in ") or d["text"].startswith("on ") for d in items)
    assert at("That month")["value"] == "2023-01"  # anaphoric to January, not to "2020"
    assert at("August 2020")["value"] == "2020-08"
    assert at("September")["value"] == "2022-09"
    pause = at("nearly three-year")
    assert (pause["type"], pause["value"], pause["mod"]) == ("DURATION", "P3Y", "APPROX")
    end = at("the end of last year")
    assert (end["value"], end["mod"]) == ("2022", "END")
    first, second = at("December 2022"), at("April 2023")
    assert (first["type"], first["value"], second["type"], second["value"]) == (
        "DATE",
        "2022-12",
        "DATE",
        "2023-04",
    )
    assert first["range"] == second["range"] == {"start": "2022-12-01", "end": "2023-05-01"}
    assert first["interval"] == {"start": "2022-12-01", "end": "2023-01-01"}


def test_sample_record_is_valid(nlp):
    record = process_text(SAMPLE.read_text(encoding="utf-8"), date=SAMPLE_DATE, nlp=nlp)
    assert_valid_record(record)
    assert len(record["dates"]) >= 15


@pytest.mark.parametrize(
    "text,extent,value",
    [
        ("The council met on Tuesday.", "Tuesday", "XXXX-WXX-2"),
        ("The statement in January announced it.", "January", "XXXX-01"),
        ("Sales rose this year.", "this year", "XXXX"),
        ("Sales fell last month.", "last month", "XXXX-XX"),
        ("The plant closed two years ago.", "two years ago", "XXXX"),
        ("Shares rose yesterday.", "yesterday", "XXXX-XX-XX"),
        ("That month, oil was shipped.", "That month", "XXXX-XX"),
    ],
)
def test_no_relative_value_without_pub_date(make_doc, text, extent, value):
    item = _one(_dates(make_doc, text, None), extent)
    assert item["value"] == value
    assert item["interval"] is None


def test_absolute_values_without_pub_date(make_doc):
    item = _one(_dates(make_doc, "It happened in August 2020.", None), "August 2020")
    assert item["value"] == "2020-08"


def test_no_clock_in_stage_sources():
    root = Path(__file__).parents[2] / "pipeline" / "components"
    for path in [root / "dates.py", *sorted((root / "timex").glob("*.py"))]:
        source = path.read_text(encoding="utf-8")
        for forbidden in ("datetime.now", "date.today", "datetime.today", "time.time("):
            assert forbidden not in source, f"{path.name} reads the clock ({forbidden})"


def test_find_dates_on_doc_without_parse(nlp):
    doc = nlp.make_doc("The talks ended on Tuesday after two years.")
    items = find_dates(doc, pub_date=SAMPLE_DATE)
    assert [(doc.text[d["start"] : d["end"]], d["value"]) for d in items] == [
        ("Tuesday", "2023-06-13"),
        ("two years", "P2Y"),
    ]


def test_bad_pub_date_degrades(make_doc):
    item = _one(_dates(make_doc, "Shares rose yesterday.", "not a date"), "yesterday")
    assert item["value"] == "XXXX-XX-XX"


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2023-06-13", ("2023-06-13", "2023-06-14")),
        ("2023-01", ("2023-01-01", "2023-02-01")),
        ("2022", ("2022-01-01", "2023-01-01")),
        ("2023-W11", ("2023-03-13", "2023-03-20")),
        ("2013-Q3", ("2013-07-01", "2013-10-01")),
        ("2013-SU", ("2013-06-01", "2013-09-01")),
        ("2013-H2", ("2013-07-01", "2014-01-01")),
        ("199", ("1990-01-01", "2000-01-01")),
        ("19", ("1900-01-01", "2000-01-01")),
        ("P3Y", None),
        ("PRESENT_REF", None),
        ("XXXX-01", None),
    ],
)
def test_interval(value, expected):
    result = interval(value)
    assert (None if result is None else (result["start"], result["end"])) == expected


def test_candidates_without_model():
    text = "Between December 2022 and April 2023, nearly three-year talks ended."
    spans = [text[c.start : c.end] for c in find_candidates(text)]
    assert spans == ["December 2022", "April 2023", "nearly three-year"]


def test_lexicon_loads():
    lexicon = load_lexicon()
    assert lexicon["month"]["january"] == "01"
    assert lexicon["mod"]["nearly"] == "APPROX"


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("The deal was signed on 13.06.2023 in Berlin.", "13.06.2023", "2023-06-13"),
        ("It was signed 2023/06/13.", "2023/06/13", "2023-06-13"),
        ("The vote on 4-Nov-2019 was close.", "4-Nov-2019", "2019-11-04"),
    ],
)
def test_compact_absolute_dates_are_read_by_dateparser(make_doc, text, extent, value):
    [timex] = [d for d in make_doc(text, SAMPLE_DATE)._.newsclaims_dates if d["type"] == "DATE"]
    assert (text[timex["start"] : timex["end"]], timex["value"]) == (extent, value)


@pytest.mark.parametrize(
    "text",
    [
        "Version 1.2.3 shipped.",
        "Scores were 3/4 and 2/3.",  # no year: never completed from today's clock
        "Call 555-12-2023 for tickets.",
        "On 31.02.2023 nothing happened.",  # no such day
    ],
)
def test_compact_numbers_that_are_not_dates_give_none(make_doc, text):
    assert [d for d in make_doc(text, SAMPLE_DATE)._.newsclaims_dates if d["type"] == "DATE"] == []
