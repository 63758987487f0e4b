"""Quarters and halves, and the financial mode of earnings reports."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.components.dates.anchoring import Context
from pipeline.components.dates.lexicon import load_lexicons
from pipeline.components.dates.quarters import (
    financial_mode,
    last_quarter,
    reported_quarter,
    reports_several_quarters,
)
from tests.components.dates.helpers import CASE_FIELDS, SAMPLE_DATE, assert_timex, one, timexes

# End to end, on model-parsed sentences: (text, pub_date, extent, type, value, mod).
CASES = [
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
        "Prices rose in the first half of 2022.",
        SAMPLE_DATE,
        "the first half of 2022",
        "DATE",
        "2022-H1",
        None,
    ),
    # The noun "year-end" is Dec. 31; looking back ("since year-end") the last one.
    ("The deal should close by year-end.", SAMPLE_DATE, "year-end", "DATE", "2023-12-31", None),
    ("Shares are up 5% since year-end.", SAMPLE_DATE, "year-end", "DATE", "2022-12-31", None),
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
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_timex(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


# In an earnings report (the earnings domain) "the quarter", "the latest period", "the 2022
# period" and "a year earlier" are about the quarter the report has named, else the last
# completed one.
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


@pytest.mark.model
@pytest.mark.parametrize("text,extent,value", REPORTED_QUARTER)
def test_reported_quarter_end_to_end(make_doc, text, extent, value):
    assert one(timexes(make_doc, text, "2023-11-02", "earnings"), extent)["value"] == value


# Any news: a sentence that says it reports a quarter's results reads its "a year earlier"
# and "the 1988 period" as the reporting quarter; one that does not reads them by the
# calendar, whatever the rest of the text says; a game's quarter is no date.
EARNINGS_SENTENCE = (
    "Harbor Foods said its quarterly earnings report was late. Profit was $3 million, up"
    " from $2 million a year earlier."
)
DOMAIN_CASES = [
    (
        "Third-quarter profit rose to $3 million, or 12 cents a share, from $2 million a"
        " year earlier.",
        "a year earlier",
        {"news": "2022-Q3", "earnings": "2022-Q3"},
    ),
    (
        "In the 2022 period, Lakeshore Mills earned $4 million, or 9 cents a share, on"
        " higher earnings from paper.",
        "the 2022 period",
        {"news": "2022-Q3", "earnings": "2022-Q3"},
    ),
    # Quarters mentioned twice make the whole text an earnings report only in earnings.
    (EARNINGS_SENTENCE, "a year earlier", {"news": "2022", "earnings": "2022-Q3"}),
]


@pytest.mark.model
@pytest.mark.parametrize("text,extent,values", DOMAIN_CASES)
def test_a_sentence_reports_a_quarter_by_its_own_words(make_doc, text, extent, values):
    for domain, value in values.items():
        assert one(timexes(make_doc, text, "2023-10-26", domain), extent)["value"] == value


@pytest.mark.model
@pytest.mark.parametrize("domain", ["news", "earnings"])
def test_a_games_fourth_quarter_is_no_date(make_doc, domain):
    text = (
        "The Celtics scored 14 straight points in the fourth quarter to beat the Knicks,"
        " and led by 20 in the quarter."
    )
    found = [d["text"] for d in timexes(make_doc, text, "2023-10-26", domain)]
    assert "the fourth quarter" not in found and "the quarter" not in found
    # The same words in a company's report are its quarter, and so are the words that a
    # game and a market share ("points", "rebounded", "basket", "overtime").
    for company in (
        "The company's sales rose 4% in the fourth quarter.",
        "The Dow Jones industrial average fell 50 points in the fourth quarter.",
        "Oil prices rebounded in the fourth quarter after the basket of OPEC crudes fell.",
        "Overtime costs rose in the fourth quarter, the city said.",
    ):
        found = one(timexes(make_doc, company, "2024-01-30", domain), "the fourth quarter")
        assert found["value"] == "2023-Q4", company


@pytest.mark.parametrize(
    ("text", "financial"),
    [
        ("Third-quarter net income rose; earnings per share were 5 cents.", True),
        ("The quarter was quiet.", False),  # one earnings word is not a report
        ("Fans cheered the quarterback's second quarter.", True),  # a word count, no more
    ],
)
def test_financial_mode_needs_two_earnings_words(text, financial):
    assert financial_mode(text) is financial


def test_several_quarters():
    assert reports_several_quarters("For the nine months, profit rose.")
    assert reports_several_quarters("Year-to-date sales fell.")
    assert not reports_several_quarters("For the quarter, profit rose.")


def _context(**kw) -> Context:
    return Context(ref=date(2023, 11, 2), lexicon=load_lexicons().words, **kw)


def test_last_quarter_is_the_reported_one_else_the_last_completed():
    assert last_quarter(_context()) == "2023-Q3"
    assert last_quarter(_context(reported="2023-Q1")) == "2023-Q1"
    assert last_quarter(Context(ref=None, lexicon=load_lexicons().words)) == "XXXX-QX"


@pytest.mark.parametrize(
    ("value", "kw", "fiscal", "reported"),
    [
        ("2023-Q3", {}, False, True),
        ("2023-Q3", {"tense": "future"}, False, False),  # a forecast
        ("2022-Q3", {}, False, False),  # last year's comparison
        ("2023-Q4", {}, False, False),  # ahead of the last completed quarter ...
        ("2023-Q4", {"tense": "past"}, False, True),  # ... unless reported in the past
        ("2023-Q2", {"reported": "2023-Q3"}, False, False),  # looking back
        ("2023-Q2", {"reported": "2023-Q3"}, True, True),  # another fiscal calendar
        ("2023-H1", {}, False, False),
    ],
)
def test_reported_quarter(value, kw, fiscal, reported):
    assert reported_quarter(value, _context(**kw), fiscal) is reported


# Business news's codes for quarters, halves and fiscal years, in capitals.
CODE_CASES = [
    ("Sales rose in Q3 2022, the company said.", "Q3 2022", "2022-Q3"),
    ("Guidance for H1 of 2024 was cut.", "H1 of 2024", "2024-H1"),
    ("It beat estimates for Q2 FY24.", "Q2 FY24", "2024-Q2"),
    ("FY2023 revenue rose 8%.", "FY2023", "2023"),
    ("The outlook for FY 24 is weak.", "FY 24", "2024"),
    # Without a year, as "the third quarter" reads: this year's, last year's in a past
    # clause when it lies ahead (2023-06-13 is in the second quarter).
    ("Q3 sales fell sharply.", "Q3", "2022-Q3"),
    ("The company expects a loss in Q4.", "Q4", "2023-Q4"),
    # A quarter or half named by its months.
    ("It added 5 million users in the April-June quarter.", "the April-June quarter", "2023-Q2"),
    ("Profit rose in the July-September period.", "the July-September period", "2022-Q3"),
    ("Sales in the January-June half rose 3%.", "the January-June half", "2023-H1"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,extent,value", CODE_CASES)
def test_quarter_codes(make_doc, text, extent, value):
    item = one(timexes(make_doc, text, SAMPLE_DATE), extent)
    assert (item["type"], item["value"]) == ("DATE", value)


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["The HQ3 building opened.", "The Q7 sedan and the Q1A form.", "He scored q3 points."]
)
def test_what_is_no_quarter_code(make_doc, text):
    assert timexes(make_doc, text, SAMPLE_DATE) == []


@pytest.mark.model
def test_months_of_no_calendar_quarter_are_a_length(make_doc):
    item = one(
        timexes(make_doc, "Sales fell in the February-April quarter.", SAMPLE_DATE),
        "the February-April quarter",
    )
    assert (item["type"], item["value"]) == ("DURATION", "P3M")
