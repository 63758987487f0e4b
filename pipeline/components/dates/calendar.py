"""Date arithmetic on TIMEX3 values: days, weeks, months, quarters, halves, seasons, holidays.

Values are TimeML's: "2023-06-13", "2023-W24", "2023-06", "2023-Q2", "2023-H1",
"2023-SU", "2023", "199" (a decade), "19" (a century). Nothing here reads the clock.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

#: "this", "last", "next" -> the units they move from the reference's ("last year": -1).
RELATIVE_OFFSET = {"this": 0, "last": -1, "next": 1}
#: The first month of each TimeML season.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    """The ISO week holding ``d``: "2023-W24"."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months (day capped at 28, so every month has it)."""
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, 28))


def value_date(value: str) -> date | None:
    """The day a value starts with ("2023-06-13", "2023-06-13TMO"), else None."""
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def safe_day(y: int, m: int, d: int) -> str:
    """The day's value, or its month's when there is no such day ("Feb. 30")."""
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return f"{y}-{m:02d}"


def _week_monday(year: int, week: int) -> date | None:
    """The Monday of ISO week ``week`` of ``year``, or None when the year has no such week."""
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def shift(value: str | None, ref: date | None, n: int, unit: str) -> str | None:
    """``value`` (or the reference date) moved ``n`` units, at the unit's granularity.

    ``unit`` is a TimeML unit letter: Y, Q, M, W, D, or 10Y (decades), 100Y (centuries).
    """
    base = value_date(value) if value else None
    if value and base is None:
        m = re.match(r"^(\d{4})(?:-(Q[1-4]|H[12]|\d\d|W\d\d))?$", value)
        if m:
            y = int(m[1])
            rest = m[2]
            if unit == "Y":
                return f"{y + n}" + (f"-{rest}" if rest else "")
            if rest and rest.startswith("Q") and unit == "Q":
                q = (y * 4 + int(rest[1]) - 1) + n
                return f"{q // 4}-Q{q % 4 + 1}"
            if rest and rest.isdigit() and unit == "M":
                d = add_months(date(y, int(rest), 1), n)
                return f"{d.year}-{d.month:02d}"
            if rest and rest.startswith("W") and unit == "W":
                # "a week earlier" than "that week" (2023-W09): the week before it.
                base = _week_monday(y, int(rest[1:]))
    if base is None:
        base = ref
    if base is None:
        return None
    if unit == "Y":
        return str(base.year + n)
    if unit == "M":
        d = add_months(base, n)
        return f"{d.year}-{d.month:02d}"
    if unit == "Q":
        y, q = quarter_of(base)
        q0 = y * 4 + q - 1 + n
        return f"{q0 // 4}-Q{q0 % 4 + 1}"
    if unit == "W":
        return week_value(base + timedelta(weeks=n))
    if unit == "D":
        return day_value(base + timedelta(days=n))
    if unit == "10Y":
        return str((base.year + 10 * n) // 10)
    if unit == "100Y":
        return f"{(base.year + 100 * n) // 100:02d}"
    return None


def truncate(value: str, unit: str) -> str | None:
    """A value cut to the unit's granularity ("2023-01-05" -> "2023-01" for months)."""
    if unit == "Y":
        return value[:4]
    if unit == "M" and re.match(r"^\d{4}-\d\d", value):
        return value[:7]
    if unit == "D" and re.match(r"^\d{4}-\d\d-\d\d", value):
        return value[:10]
    if unit == "W":
        d = value_date(value)
        return week_value(d) if d else (value if re.match(r"^\d{4}-W\d\d$", value) else None)
    if unit == "Q":
        if re.match(r"^\d{4}-Q[1-4]$", value):
            return value
        d = value_date(value)
        if d:
            return f"{d.year}-Q{quarter_of(d)[1]}"
        m = re.match(r"^(\d{4})-(\d\d)$", value)
        if m:
            return f"{m[1]}-Q{(int(m[2]) - 1) // 3 + 1}"
    return None


def undefined(unit: str) -> str:
    """The value of a unit's period that cannot be placed: "XXXX-XX" for a month."""
    return {
        "Y": "XXXX",
        "M": "XXXX-XX",
        "W": "XXXX-WXX",
        "D": "XXXX-XX-XX",
        "Q": "XXXX-QX",
        "10Y": "XXX",
        "100Y": "XX",
    }.get(unit, "XXXX")


def quarter_ending(ref: date, month: int) -> str:
    """The calendar quarter of "the quarter ended May 31": the one holding most of the
    three months that end with the latest such month (March to May: the second)."""
    year = ref.year if month <= ref.month else ref.year - 1
    middle = add_months(date(year, month, 1), -1)
    return f"{middle.year}-Q{quarter_of(middle)[1]}"


def easter(y: int) -> date:
    """Easter Sunday of year ``y`` (the Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def movable_holiday(word: str, y: int, rule: str | None = None) -> date:
    """The date of a movable holiday in year ``y``: Thanksgiving (the fourth Thursday of
    November), U.S. Election Day (the Tuesday after the first Monday of November), Easter;
    or the one a lexicon ``rule`` gives (``holiday_by_rule``)."""
    if rule:
        return holiday_by_rule(rule, y)
    nov1 = date(y, 11, 1)
    if word.startswith("thanksgiving"):
        return nov1 + timedelta(days=(4 - nov1.isoweekday()) % 7 + 21)
    if word.startswith("election"):
        return nov1 + timedelta(days=(1 - nov1.isoweekday()) % 7 + 1)
    return easter(y)


_WEEKDAY_CODES = {"MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7}


def holiday_by_rule(rule: str, y: int) -> date:
    """The day a holiday rule of the lexicon names in year ``y``: "09-MO-1" the first Monday
    of September (Labor Day), "05-MO-L" the last Monday of May (Memorial Day), "EASTER-2"
    two days before Easter (Good Friday), "THANKSGIVING+1" the day after Thanksgiving
    (Black Friday)."""
    m = re.fullmatch(r"(EASTER|THANKSGIVING)([+-]\d+)", rule)
    if m:
        base = easter(y) if m[1] == "EASTER" else movable_holiday("thanksgiving", y)
        return base + timedelta(days=int(m[2]))
    month, code, nth = rule.split("-")
    weekday = _WEEKDAY_CODES[code]
    if nth == "L":
        next_month = date(y + int(month) // 12, int(month) % 12 + 1, 1)
        last = next_month - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(y, int(month), 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (int(nth) - 1))


def interval(value: str) -> dict | None:
    """``{"start", "end"}`` (ISO dates, end exclusive) of a calendar period, else None."""
    try:
        return _interval(value)
    except (ValueError, OverflowError):
        return None


def _span(a: date, b: date) -> dict:
    return {"start": a.isoformat(), "end": b.isoformat()}


def _interval(value: str) -> dict | None:
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$", value)
    if m:
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return _span(d, d + timedelta(days=1))
    m = re.match(r"^(\d{4})-(\d\d)$", value)
    if m:
        d = date(int(m[1]), int(m[2]), 1)
        return _span(d, add_months(d, 1))
    m = re.match(r"^(\d{4})$", value)
    if m:
        return _span(date(int(m[1]), 1, 1), date(int(m[1]) + 1, 1, 1))
    m = re.match(r"^(\d{4})-W(\d\d)(-WE)?$", value)
    if m:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return _span(monday + timedelta(days=5), monday + timedelta(days=7))
        return _span(monday, monday + timedelta(days=7))
    m = re.match(r"^(\d{4})-Q([1-4])$", value)
    if m:
        d = date(int(m[1]), 3 * int(m[2]) - 2, 1)
        return _span(d, add_months(d, 3))
    m = re.match(r"^(\d{4})-H([12])$", value)
    if m:
        d = date(int(m[1]), 6 * int(m[2]) - 5, 1)
        return _span(d, add_months(d, 6))
    m = re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value)
    if m:
        d = date(int(m[1]), SEASON_START[m[2]], 1)
        return _span(d, add_months(d, 3))
    m = re.match(r"^(\d{3})$", value)
    if m:
        return _span(date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 10, 1, 1))
    m = re.match(r"^(\d{2})$", value)
    if m and int(m[1]) > 0:
        return _span(date(int(m[1]) * 100, 1, 1), date(int(m[1]) * 100 + 100, 1, 1))
    return None
