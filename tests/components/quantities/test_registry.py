"""The registry units build (``quantities.registry``, ``make units``)."""

from __future__ import annotations

from importlib.metadata import version

import pytest

from pipeline.components.quantities.registry import OUTPUT, british, build, plural


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("mile", "miles"),
        ("mile per hour", "miles per hour"),
        ("degree celsius", "degrees celsius"),
        ("square foot", "square feet"),
        ("feet", "feet"),  # pint's plural alias stays
        ("century", "centuries"),
        ("inch", "inches"),
        ("hertz", "hertz"),
    ],
)
def test_plural_of_a_unit_name(name: str, expected: str) -> None:
    assert plural(name) == expected


def test_the_british_spelling_is_canonical() -> None:
    assert british("kilometer per hour") == "kilometre per hour"
    assert british("milliliter") == "millilitre"


def test_the_shipped_file_is_what_make_units_builds() -> None:
    shipped = OUTPUT.read_text(encoding="utf-8")
    versions = ", ".join(f"{name} {version(name)}" for name in ("pint", "babel", "pycountry"))
    if versions not in shipped.splitlines()[0]:
        pytest.skip(f"built from other versions than the installed {versions}: run make units")
    assert build() == shipped
