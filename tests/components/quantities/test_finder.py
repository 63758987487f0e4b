"""The quantities stage end to end (model-parsed sentences through ``process_text``):
values, units, bounds, changes, ranges, rates and counted objects."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.process import process_text
from tests.contract import assert_valid_record

pytestmark = pytest.mark.model

SAMPLE = Path(__file__).resolve().parents[3] / "corpora" / "sample" / "000_0310359b324a0dcd.txt"


def quantities_of(text: str, nlp) -> list[dict]:
    record = process_text(text, date="2023-06-13", nlp=nlp)
    assert_valid_record(record)
    failures = [w for w in record["warnings"] if "newsclaims_quantities" in w["message"]]
    assert not failures, failures  # the stage caught an exception of its own
    return record["quantities"]


def only(text: str, nlp) -> dict:
    quantities = quantities_of(text, nlp)
    assert len(quantities) == 1, [q["text"] for q in quantities]
    return quantities[0]


# --------------------------------------------------------------------------- the sample article


@pytest.fixture(scope="module")
def sample_quantities(nlp) -> list[dict]:
    return quantities_of(SAMPLE.read_text(encoding="utf-8"), nlp)


def find(quantities: list[dict], text: str) -> dict:
    hits = [q for q in quantities if text in q["text"]]
    assert hits, f"no quantity with {text!r} in {[q['text'] for q in quantities]}"
    return hits[0]


def test_sample_barrels_of_oil(sample_quantities):
    quantity = find(sample_quantities, "44,655")
    assert quantity["value"] == 44655
    assert quantity["unit"] == "barrel"
    assert quantity["object"]["text"] == "oil"
    quantity = find(sample_quantities, "67,300")
    assert (quantity["value"], quantity["unit"], quantity["object"]["text"]) == (
        67300,
        "barrel",
        "oil",
    )


def test_sample_upwards_of_a_million_cases(sample_quantities):
    quantity = find(sample_quantities, "1 million")
    assert quantity["text"] == "upwards of 1 million"
    assert (quantity["value"], quantity["change"]) == (1000000, ">")
    assert quantity["object"]["text"] == "cases"


def test_sample_rate_with_bound(sample_quantities):
    quantity = find(sample_quantities, "500,000")
    assert quantity["text"] == "above 500,000 barrels a year"
    assert (quantity["value"], quantity["change"], quantity["unit"], quantity["per"]) == (
        500000,
        ">",
        "barrel",
        "year",
    )


def test_sample_nearly_three_year_pause(sample_quantities):
    quantity = find(sample_quantities, "three")
    assert (quantity["value"], quantity["unit"], quantity["change"]) == (3, "year", "~")


def test_sample_has_no_year_or_one_of(sample_quantities):
    texts = [q["text"] for q in sample_quantities]
    assert not any(year in text for text in texts for year in ("2020", "2022", "2023"))
    assert "one" not in texts  # "one of Russia's closest international allies"
    assert len(sample_quantities) == 5, texts


# --------------------------------------------------------------------------- tables

VALUE_UNIT_CASES = [
    ("The fund raised $5.5bn last year.", 5.5e9, "dollar", "="),
    ("It costs 10k dollars.", 10000, "dollar", "="),
    ("Prices rose 1.5 million percent.", 1.5e6, "percent", "up"),
    ("The deficit was $-50.8bn.", -50.8e9, "dollar", "="),
    ("Unemployment stood at 4.1 per cent.", 4.1, "percent", "="),
    ("The tax is 25% on imports.", 25, "percent", "="),
    ("She ran 5 kilometres.", 5, "kilometre", "="),
    ("The truck weighs 3,500 pounds.", 3500, "pound", "="),
    ("The winds reached 155mph.", 155, "mile per hour", "="),
    ("A 15-year-old boy was arrested.", 15, "year of age", "="),
    ("Sales grew sixfold.", 6, "times", "up"),
    ("It cost 333.6 million yen.", 333.6e6, "japanese yen", "="),
    ("Shares were sold for £1,000 each.", 1000, "british pound", "="),
    ("The index lost 2.3% on Monday.", 2.3, "percent", "down"),
    ("Inflation fell by 0.4 percentage points.", 0.4, "percentage point", "down"),
    ("The temperature dropped to minus 5 degrees Celsius.", -5, "degree celsius", "="),
    ("Nintendo fell 4.28 percent.", 4.28, "percent", "down"),
    ("The loan is worth up to $8 million.", 8e6, "dollar", "<="),
    ("They spent at least $2 billion.", 2e9, "dollar", ">="),
    ("Turnout was less than 40%.", 40, "percent", "<"),
    ("The plant makes about 600 megawatts.", 600, "megawatt", "~"),
    ("The house cost more than $1.2 million.", 1.2e6, "dollar", ">"),
    ("Debt hit $1.2trn last year.", 1.2e12, "dollar", "="),
    ("The wall is 3m tall.", 3, "metre", "="),
    ("Gold was flat at US$1,950.", 1950, "dollar", "="),
    ("The tanker carried 1.5 million barrels.", 1.5e6, "barrel", "="),
    ("A proton weighs about 1.67×10−27 kilograms.", 1.67e-27, "kilogram", "~"),
    ("The grain weighs 0.000000000012 grams.", 1.2e-11, "gram", "="),
    ("The Fed cut rates by a quarter of a percentage point.", 0.25, "percentage point", "down"),
    ("Rates rose half a percentage point.", 0.5, "percentage point", "up"),
    ("She ran half a mile.", 0.5, "mile", "="),
    ("The deal is worth a half-billion dollars.", 5e8, "dollar", "="),
]


@pytest.mark.parametrize(("text", "value", "unit", "change"), VALUE_UNIT_CASES)
def test_value_unit_change(nlp, text, value, unit, change):
    quantity = only(text, nlp)
    assert quantity["value"] == pytest.approx(value, rel=1e-9, abs=0)
    assert quantity["unit"] == unit
    assert quantity["change"] == change


COUNT_CASES = [
    ("Three people were hurt.", 3, "people"),
    ("The club signed a dozen players.", 12, "players"),
    ("He waited one and a half hours.", 1.5, None),
    ("The city has 13,000 workers.", 13000, "workers"),
    ("She bought two new cars.", 2, "new cars"),
    ("More than 700 heart transplants were done.", 700, "heart transplants"),
    ("Some 1.5m people have fled.", 1.5e6, "people"),
]


@pytest.mark.parametrize(("text", "value", "counted"), COUNT_CASES)
def test_counts_and_objects(nlp, text, value, counted):
    quantity = only(text, nlp)
    assert quantity["value"] == pytest.approx(value)
    if counted is None:
        assert quantity["unit"] == "hour"
    else:
        assert quantity["unit"] is None
        assert quantity["object"]["text"] == counted


PROPORTION_CASES = [
    ("One in three voters backed the plan.", 1 / 3),
    ("Half of the staff left.", 0.5),
    ("Nearly two-thirds of the sales came from CDs.", 2 / 3),
    ("A third of the population lives there.", 1 / 3),
    ("Only 1 in 4 adults exercise.", 1 / 4),
    ("Add 1/16 of a pint.", 1 / 16),
    # more than one in a poll's denominator
    ("About 4 in 10 Republican voters backed him.", 4 / 10),
    ("Two out of three Americans feel the country is on the wrong track.", 2 / 3),
    ("More than six in 10 said they were tired.", 6 / 10),
]


def test_more_than_one_in_another_denominator_stays_two_numbers(nlp):
    quantities = quantities_of("He scored 12 in 30 minutes.", nlp)
    assert all(q["dimension"] != "fraction" for q in quantities)


@pytest.mark.parametrize(("text", "value"), PROPORTION_CASES)
def test_proportions(nlp, text, value):
    quantity = only(text, nlp)
    assert quantity["value"] == pytest.approx(value)


RANGE_CASES = [
    ("Rents are forecast to rise between 5% and 6%.", 5, 6, "percent"),
    ("Growth will be 5-6% this year.", 5, 6, "percent"),
    ("Homes sell for anywhere from $420,000 to $3.5 million.", 420000, 3.5e6, "dollar"),
    ("There were 3 to 4 thousand fans.", 3000, 4000, None),
    ("He drove at 15 to 22 miles per hour.", 15, 22, "mile per hour"),
    ("Guidance was US $89 to $93 billion.", 89e9, 93e9, "dollar"),
    ("Dozens of people were killed.", 12, 120, None),
    ("Tens of thousands of students study there.", 1e4, 1e5, None),
]


@pytest.mark.parametrize(("text", "low", "high", "unit"), RANGE_CASES)
def test_ranges(nlp, text, low, high, unit):
    quantity = only(text, nlp)
    assert quantity["value"] is None
    assert (quantity["low"], quantity["high"]) == (pytest.approx(low), pytest.approx(high))
    assert quantity["unit"] == unit


RATE_CASES = [
    ("They have a $3,500 a month mortgage.", "month"),
    ("Crude was $58.24 per barrel.", "barrel"),
    ("The plant provides 3,000 tests per day.", "day"),
    ("The refinery makes 52,000 barrels a day.", "day"),
]


@pytest.mark.parametrize(("text", "per"), RATE_CASES)
def test_rates(nlp, text, per):
    assert only(text, nlp)["per"] == per


NOTHING_CASES = [
    "The shipments were documented in August 2020.",
    "The program started in 2020.",
    "He died on March 14 in Nairobi.",
    "The meeting starts at 10:30 a.m. on Tuesday.",
    "He left at 5pm.",
    "He finished second in the race and third in the final.",
    "Call 555-123-4567 for details.",
    "North Korea, one of Russia's closest allies, denied it.",
    "They tied Game 7 at 89-89.",
    "The FTSE 100 opened higher.",
    "Apple released the iPhone 11 on Friday.",
    "It was the 96th-minute winner in the 1990s.",
    "Burton thinks that cats are cuties.",
    "The 9/11 attacks changed the service, which now runs 24/7.",
    "Call us on 020 7946 0958 today.",
    "The ratio was 3:1.",
    "The vote was 6-3.",
    "",
]


@pytest.mark.parametrize("text", NOTHING_CASES)
def test_texts_without_quantities(nlp, text):
    assert quantities_of(text, nlp) == []


def test_list_numbering_is_not_a_quantity(nlp):
    assert quantities_of("Steps to follow:\n1. Open the box.\n2. Read the note.", nlp) == []


def test_change_then_level_is_not_a_range(nlp):
    quantities = quantities_of("Cases rose by 1,200 to 5,400.", nlp)
    assert [(q["value"], q["change"]) for q in quantities] == [(1200, "up"), (5400, "=")]


def test_offsets_and_units_as_written(nlp):
    text = "Blackmores rose 9.4 per cent to $84, while HK$216,925 changed hands."
    quantities = quantities_of(text, nlp)
    by_value = {q["value"]: q for q in quantities}
    assert by_value[9.4]["unit_text"] == "per cent"
    assert by_value[9.4]["change"] == "up"
    assert by_value[84]["change"] == "="
    assert by_value[216925]["unit"] == "hong kong dollar"
    # The span covers the unit and the currency mark, at these offsets.
    assert [(q["start"], q["end"], text[q["start"] : q["end"]]) for q in quantities] == [
        (16, 28, "9.4 per cent"),
        (32, 35, "$84"),
        (43, 53, "HK$216,925"),
    ]


def test_change_verb_with_object_between(nlp):
    assert only("The brand expects to grow sales by 35 per cent.", nlp)["change"] == "up"


def test_range_across_a_clock_time(nlp):
    quantity = only("Ether fell from $2,410 at 9.15pm to $2,288.", nlp)
    assert (quantity["low"], quantity["high"]) == (2410, 2288)


def test_elided_unit_is_carried_over(nlp):
    quantities = quantities_of("Sales increased by 2 percent but exports decreased by 1.", nlp)
    assert [q["unit"] for q in quantities] == ["percent", "percent"]


def test_range_interrupted_by_a_date(nlp):
    quantity = only("Output rose from 40 tonnes per hour in 2015 to 52 tonnes.", nlp)
    assert (quantity["low"], quantity["high"]) == (40, 52)


def test_messy_text_does_not_raise(nlp):
    for text in ("“ ” 5 %% $$ --- 3-", "\u00a0\u00a0 12\u00a0km", "$", "1/0 of them", "x" * 50):
        quantities_of(text, nlp)


# One string of fragments reads better than a fifty-line list.
FRAGMENT_STRING = (
    "about|more than|$|US$|£|5|1,200|3.5|-|to|and|between|%|per cent|million|bn|m|barrels|of|oil"
    "|a|year|rose|fell|by|one|three|dozen|half|in|2020|May|(|)|/|km|people|,|.|10:30|p.m.|Game|7"
    "|minus|~|1/4|’s|“|”|\n"
)
FRAGMENTS = FRAGMENT_STRING.split("|")


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=14), st.sampled_from(["", " "]))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_text_gives_valid_spans(nlp, fragments, glue):
    text = glue.join(fragments) if glue else " ".join(fragments).replace(" ,", ",")
    for quantity in quantities_of(text, nlp):
        assert quantity["start"] < quantity["end"]
        if quantity["value"] is None:
            assert quantity["low"] is not None and quantity["high"] is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # markup attributes and identifiers are no amounts
        ('<tweet id="747941240054812672" datetime="2016-06-28">5 people died</tweet>', [5]),
        ('author="JebBush" timestamp="1449075600" said 3 things', [3]),
        # a vulgar fraction after a whole number
        ("He survived 5 ½ years in prison.", [5.5]),
        ("She ran 2¼ miles.", [2.25]),
    ],
)
def test_markup_identifiers_and_vulgar_fractions(text: str, expected: list, nlp) -> None:
    assert [q["value"] for q in quantities_of(text, nlp)] == expected


@pytest.mark.parametrize(
    "text",
    ["He died at the age of 43.", "Voters between the ages of 18 and 29 agreed."],
)
def test_numbers_after_the_age_of_are_ages(text: str, nlp) -> None:
    quantities = quantities_of(text, nlp)
    assert quantities and all(q["unit"] == "year of age" for q in quantities)


def test_academic_degrees_are_counted_not_measured(nlp) -> None:
    quantities = quantities_of("He holds two associate degrees and a 30 degree angle.", nlp)
    assert [(q["value"], q["unit"]) for q in quantities] == [(2, None), (30, "degree")]


def test_year_olds_are_ages(nlp) -> None:
    quantity = only("Peacekeepers were paying 13-year-olds.", nlp)
    assert (quantity["value"], quantity["unit"]) == (13, "year of age")


@pytest.mark.parametrize(
    ("text", "per"),
    [("Copper traded at $8,300 a tonne.", "metric ton"), ("Petrol costs 150p a litre.", "litre")],
)
def test_a_rate_after_a_named_by_its_written_word(nlp, text, per):
    assert only(text, nlp)["per"] == per
