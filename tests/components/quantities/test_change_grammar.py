"""The grammar of change on model-parsed sentences: which amounts rise or fall and which
are levels (``quantities.changes``, ``quantities.ranges``)."""

from __future__ import annotations

import pytest

from .test_finder import quantities_of

pytestmark = pytest.mark.model

# (sentence, value, change): the change of the quantity with that value.
CHANGE_CASES = [
    # a noun of change "of" an amount
    ("The company reported a drop of 15% in revenue.", 15, "down"),
    ("There was an increase of 4.2 percent in prices.", 4.2, "up"),
    ("The fall of 6% was the largest since 2008.", 6, "down"),
    ("The bank announced a hike of 25 basis points.", 25, "up"),
    ("Shoppers face a rise of $3 a month.", 3, "up"),
    # ... but a loss, a gain or growth "of" an amount is a level
    ("The firm posted a loss of 63 cents per share.", 63, "="),
    ("Analysts expect growth of 3% next year.", 3, "="),
    ("The store takes a cut of 30% on each sale.", 30, "="),
    # a noun of change that the amount modifies
    ("Rents went up again, a sharp 4 percent rise.", 4, "up"),
    ("Turnout fell 2,000 voters, a 12% decline on 2019.", 12, "down"),
    ("Nurses will get a 6% pay rise.", 6, "up"),
    ("That is a 15-point increase from June.", 15, "up"),
    ("Enrolment saw a threefold increase.", 3, "up"),
    ("The board approved a 50 basis point hike.", 50, "up"),
    # ... not through a comparison, nor a time: "the 20-year decline" lasts 20 years
    ("Mills saw a 9 percent greater drop in output.", 9, "="),
    ("The 20-year decline of the coal towns goes on.", 20, "="),
    ("He got 41% of the vote, a drop from 2016.", 41, "="),
    # a comparative after the amount, unless it compares it with something
    ("Banks pulled the index 0.7 percent lower on Monday.", 0.7, "down"),
    ("The shares finished 12.5% higher at 4.10 euros.", 12.5, "up"),
    ("Her rating is three points higher than his.", 3, "="),
    # a bound or approximation after the noun wins, as after a verb
    ("Investors saw a drop of more than 10% in value.", 10, ">"),
    # verbs of change, with or without "by"
    ("The economy contracted 1.2% in the second quarter.", 1.2, "down"),
    ("The economy contracted by 0.3% last year.", 0.3, "down"),
    ("The government cut spending by $3 billion.", 3e9, "down"),
    ("Shares closed down 4.5 percent.", 4.5, "down"),
    # the amount is the verb's extent in the parse, with its object between
    ("The plan may reduce emissions only 23 percent.", 23, "down"),
    ("He has already lost his investors 19.3 percent this year.", 19.3, "down"),
    # ... but not a score after "lose"
    ("Sanders lost that district 68%-31% in the primary.", 68, "="),
    ("She lost the state 36 percent to 51 percent.", 36, "="),
    # a particle of a verb that is no rise or fall, an adjective that compares nothing,
    # a time that places an event
    ("Women made up 52 percent of the workforce.", 52, "="),
    ("The city freed up $4 million for repairs.", 4e6, "="),
    ("Crime has gone down 20 percent.", 20, "down"),
    ("The incumbent is up a narrow three points.", 3, "="),
    ("The champion retired and lost two years later.", 2, "="),
    # a change restated in another unit after ", or"
    ("The Dow fell 350 points, or 1.1 percent, on Friday.", 1.1, "down"),
    ("Output rose 0.4 percentage points, or about 3%.", 3, "~"),
    # an amount after "to", "at" or "from" is a level
    ("Unemployment fell to 3.5% in May.", 3.5, "="),
    ("Sales were up from $2 billion a year earlier.", 2e9, "="),
    ("The bank cut its forecast to 1.5%.", 1.5, "="),
]


@pytest.mark.parametrize(("text", "value", "change"), CHANGE_CASES)
def test_change_of_an_amount(nlp, text, value, change):
    quantities = quantities_of(text, nlp)
    changes = [q["change"] for q in quantities if _first(q) == pytest.approx(value)]
    assert changes == [change]


def _first(quantity: dict) -> float:
    """The value, or the low bound of a range."""
    return quantity["low"] if quantity["value"] is None else quantity["value"]


def test_a_fraction_after_by_and_a_bound(nlp):
    (quantity,) = quantities_of("Car sales plunged by nearly a third.", nlp)
    assert (quantity["text"], quantity["change"]) == ("nearly a third", "~")
    assert quantity["value"] == pytest.approx(1 / 3)
