"""Placing a weekday or a month by its clause's tense."""

from __future__ import annotations

import pytest

from tests.components.dates.helpers import CASE_FIELDS, SAMPLE_DATE, assert_timex

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
