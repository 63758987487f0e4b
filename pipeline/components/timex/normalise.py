"""TIMEX3 type, value, mod and interval of one candidate extent.

The reference date is the publication date (deictic expressions: "Tuesday",
"last year"); anaphoric ones ("that month", "the following year", "a year
earlier") use the previously mentioned date of the right granularity. Without
a publication date, relative expressions get underspecified values
(``XXXX-01``, ``XXXX-WXX-2``): nothing here reads the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .extents import Candidate
from .lexicon import load_lexicon

POSITION_MOD = {
    "early": "START",
    "earlier": "START",
    "the beginning of": "START",
    "the start of": "START",
    "the very beginning of": "START",
    "the first half of": "START",
    "mid": "MID",
    "the middle of": "MID",
    "late": "END",
    "later": "END",
    "the end of": "END",
    "the very end of": "END",
    "the close of": "END",
    "the turn of": "END",
    "the second half of": "END",
    "the last half of": "END",
}
AFTER_MOD = {
    "or so": "APPROX",
    "or more": "EQUAL_OR_MORE",
    "or later": "ON_OR_AFTER",
    "and beyond": "ON_OR_AFTER",
}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
CENTURY_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}


@dataclass
class Context:
    """What a value depends on besides the words: reference date, tense, earlier mentions."""

    ref: date | None
    tense: str | None = None  # "past", "future", "modal" (would, should, ...) or None
    mentions: list[str] = field(default_factory=list)  # earlier DATE/TIME values, in order
    financial: bool = False  # the text reports quarterly results
    multi_quarter: bool = False  # the sentence reports "the nine months", "the first half"
    reported: str | None = None  # the quarter the report is about, once the text names it


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").strip().lower())


def _month(word: str) -> int:
    lex = load_lexicon()["month"]
    w = word.lower()
    return int(lex.get(w) or lex.get(w.rstrip(".")) or lex[w + "."])


def _number(text: str) -> float | None:
    """A count written as digits or words; None when unknown ("several")."""
    lex = load_lexicon()["number"]
    t = _norm(text).replace(",", "")
    t = re.split(r"\s+(?:to|or)\s+", t)[0]
    half = 0.5 if t.endswith(" 1/2") else 0.0
    t = t[:-4] if half else t
    try:
        return float(t) + half
    except ValueError:
        pass
    try:
        return float(t)
    except ValueError:
        pass
    if t in lex:
        v = lex[t]
        return None if v == "X" else float(v)
    parts = re.split(r"[\s-]+", t)
    total = 0.0
    for part in parts:
        if part in ("hundred", "thousand"):
            total = (total or 1) * (100 if part == "hundred" else 1000)
        elif part in lex and lex[part] != "X":
            total += float(lex[part])
        else:
            try:
                total += float(part)
            except ValueError:
                return None
    return total or None


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, 28))


def _closest_year(ref: date, month: int, day: int | None, tense: str | None) -> int:
    """The year of a month (and day) without a year: past: the last one; future: the next."""
    if tense == "modal":  # "should go home by Jan. 14": modals look ahead for calendar dates
        tense = "future"
    elif tense == "present":
        tense = None
    here = (ref.month, ref.day if day is not None else 0)
    there = (month, day or 0)
    if day is not None and abs((date(ref.year, month, min(day, 28)) - ref).days) <= 7:
        return ref.year  # a date within a week of publication is this year's, whatever the tense
    if tense == "past":
        if there > here and (month - ref.month) % 12 <= 1:
            # "paid on Dec. 3 to holders on Nov. 12" in a past-tense report, "said the
            # visit is slated for September" late in August: the coming dates and month.
            return ref.year if month >= ref.month else ref.year + 1
        return ref.year if there <= here else ref.year - 1
    if tense == "future":
        return ref.year if there >= here else ref.year + 1
    # No tense: news mostly reports the past; a date up to three months ahead is the coming one.
    ahead = (month - ref.month) % 12
    if there <= here:
        return ref.year
    return ref.year if ahead <= 3 else ref.year - 1


def _last_mention(ctx: Context, granularity: str) -> str | None:
    """The most recent earlier value with at least ``granularity`` (year/quarter/month/week/day)."""
    pattern = {
        "year": r"^\d{4}",
        "quarter": r"^\d{4}-(?:Q[1-4]|\d\d)",
        "month": r"^\d{4}-\d\d",
        "week": r"^\d{4}-(?:W\d\d|\d\d-\d\d)",
        "day": r"^\d{4}-\d\d-\d\d",
    }[granularity]
    for value in reversed(ctx.mentions):
        if re.match(pattern, value):
            return value
    return None


def _value_date(value: str) -> date | None:
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def _shift(value: str | None, ref: date | None, n: int, unit: str) -> str | None:
    """``value`` (or the reference date) moved ``n`` units, at the unit's granularity."""
    base = _value_date(value) if value else None
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
        base = None
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


def _weekday_date(ref: date, weekday: int, tense: str | None, rel: str | None = None) -> date:
    delta = weekday - ref.isoweekday()
    if rel == "last":
        return ref - timedelta(days=(ref.isoweekday() - weekday) % 7 or 7)
    if rel == "next":
        return ref + timedelta(days=(weekday - ref.isoweekday()) % 7 or 7)
    if rel == "this":
        return ref + timedelta(days=delta)
    if delta == 0:
        return ref
    # A weekday in a present-tense clause is scheduled ("leaves Thursday", "is traveling Friday").
    if tense == "future":
        return ref + timedelta(days=delta % 7)
    return ref - timedelta(days=(-delta) % 7)


def _last_quarter(ctx: Context) -> str | None:
    """The quarter an earnings report is about (what "the quarter" means there).

    The one the text has named ("its fiscal first quarter"), else the latest completed
    calendar quarter."""
    if ctx.reported:
        return ctx.reported
    if ctx.ref is None:
        return "XXXX-QX"
    return _shift(None, ctx.ref, -1, "Q")


def reported_quarter(value: str, ctx: Context, fiscal: bool = False) -> bool:
    """Whether a named quarter is (now) the one the report is about.

    A quarter of the reporting year, not last year's comparison, in a clause that
    reports rather than forecasts; one after the latest completed calendar quarter only
    in a past clause (a fiscal quarter reported: "fourth-quarter profit fell", not "a
    charge against fourth-quarter profit is likely"). An earlier calendar quarter named
    later looks back ("after a weak second quarter") and does not replace the reported
    one; a fiscal one does (another company's fiscal calendar)."""
    if not re.match(r"^\d{4}-Q[1-4]$", value) or ctx.ref is None:
        return False
    if ctx.tense in ("future", "modal"):
        return False
    latest = _shift(None, ctx.ref, -1, "Q")
    if value < latest[:4] or (value > latest and ctx.tense != "past"):
        return False
    return fiscal or ctx.reported is None or value >= ctx.reported


def _with_mod(result: dict, cand: Candidate) -> dict:
    lex = load_lexicon()["mod"]
    if cand.mod:
        result["mod"] = lex.get(cand.mod.replace("  ", " "), result.get("mod"))
    if cand.position:
        result["mod"] = POSITION_MOD.get(cand.position, result.get("mod"))
    if cand.extra.get("after"):
        result["mod"] = AFTER_MOD.get(cand.extra["after"], result.get("mod"))
    elif cand.groups.get("orso"):  # "a week or so ago"
        result["mod"] = "APPROX"
    return result


def normalise(cand: Candidate, ctx: Context) -> dict | None:
    """``{"type", "value", "mod"}`` of a candidate, or None when it is not a timex after all."""
    result = _normalise(cand, ctx)
    if result is None:
        return None
    shift = cand.extra.get("day_shift")
    if shift:
        day = _value_date(result["value"]) if result["type"] == "DATE" else None
        if day is None or len(result["value"]) != 10:
            return None  # "the day before last week": not a day to count from
        result["value"] = day_value(day + timedelta(days=shift))
    result.setdefault("mod", None)
    return _with_mod(result, cand)


def _date(value: str | None, undefined: str) -> dict:
    return {"type": "DATE", "value": value or undefined}


def _normalise(cand: Candidate, ctx: Context) -> dict | None:  # noqa: C901 - one branch per family
    g = cand.groups
    ref, tense = ctx.ref, ctx.tense
    fam = cand.family
    if fam in ("date_mdy", "date_dmy") and cand.extra.get("week_of"):
        inner = _normalise(Candidate(cand.start, cand.end, fam, g), ctx)
        day = _value_date(inner["value"]) if inner else None
        return _date(week_value(day) if day else None, "XXXX-WXX")
    if fam in ("date_mdy", "date_dmy"):
        month = _month(g["month"])
        day = int(re.match(r"\d+", g["day"]).group())
        if g.get("year"):
            return _date(_safe_day(int(g["year"]), month, day), f"{g['year']}-{month:02d}-XX")
        if ref is None:
            return _date(None, f"XXXX-{month:02d}-{day:02d}")
        return _date(
            _safe_day(_closest_year(ref, month, day, tense), month, day),
            f"XXXX-{month:02d}-{day:02d}",
        )
    if fam == "date_my":
        return _date(f"{int(g['year'])}-{_month(g['month']):02d}", "")
    if fam == "date_month_words":
        n = _number(g["y19"])
        return _date(f"{1900 + int(n)}-{_month(g['month']):02d}", "") if n else None
    if fam == "date_month_rel":
        month = _month(g["month"])
        rel = (g.get("rel") or g.get("rel2")).lower()
        if ref is None:
            return _date(None, f"XXXX-{month:02d}")
        return _date(f"{ref.year + {'this': 0, 'last': -1, 'next': 1}[rel]}-{month:02d}", "")
    if fam == "year_words":
        if g.get("y2000"):
            n = _number(g["y20"]) if g.get("y20") else 0
            return _date(f"{2000 + int(n or 0)}", "")
        n = _number(g["y19"])
        return _date(f"{1900 + int(n)}", "") if n else None
    if fam == "date_month":
        month = _month(g["month"])
        if ref is None:
            return _date(None, f"XXXX-{month:02d}")
        return _date(f"{_closest_year(ref, month, None, tense)}-{month:02d}", "")
    if fam == "date_numeric":
        y = int(g["y"])
        y = y if y > 99 else (1900 + y if y > 30 else 2000 + y)
        return _date(_safe_day(y, int(g["m"]), int(g["d"])), "")
    if fam == "date_iso":
        return _date(_safe_day(int(g["y"]), int(g["m"]), int(g["d"])), "")
    if fam == "year":
        if (g.get("suffix") or "").lower() in ("period", "quarter") and ctx.financial and ref:
            # "the 1988 period" in an earnings report: that year's reporting quarter.
            q = _last_quarter(ctx)
            return _date(f"{g['year']}-{q[5:]}", "")
        return _date(g["year"], "")
    if fam == "decade":
        if g["dec4"]:
            value = g["dec4"][:3]
        elif g["dec2"]:
            value = "19" + g["dec2"][0]
        else:
            value = f"19{DECADE_WORDS[g['decw'].lower()]}"
        result = _date(value, "")
        if g.get("early"):
            result["mod"] = POSITION_MOD[g["early"].lower()]
        return result
    if fam == "century":
        o = g["ord"].lower()
        n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else CENTURY_WORDS.get(o)
        return _date(f"{n - 1:02d}", "") if n else None
    if fam == "quarter":
        return _quarter(cand, ctx)
    if fam in ("relative", "the_unit"):
        return _relative(cand, ctx)
    if fam in ("year_ago_adj", "period_year_ago"):
        q = (
            _last_quarter(ctx)
            if g.get("what") or g.get("lwhat") or (ctx.financial and not ctx.multi_quarter)
            else None
        )
        if q and not q.startswith("X"):
            return _date(_shift(q, ref, -1, "Y"), "")
        return _date(_shift(None, ref, -1, "Y"), "XXXX")
    if fam == "year_end":
        if ref and g.get("hy") and not g.get("fy"):
            # The noun "year-end" is the balance-sheet date, Dec. 31 (TimeBank 2 of 2); in a
            # past clause ("since year-end") the one before the reference date.
            y = ref.year - 1 if ctx.tense == "past" else ref.year
            return _date(f"{y}-12-31", "")
        return {"type": "DATE", "value": str(ref.year) if ref else "XXXX", "mod": "END"}
    if fam == "deictic_day":
        word = g["word"].lower()
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        day = day_value(ref + timedelta(days=offset)) if ref else None
        part = g.get("part")
        if word == "tonight" or part:
            code = "NI" if word == "tonight" else PART_CODE[part.lower()]
            return {"type": "TIME", "value": f"{day or 'XXXX-XX-XX'}T{code}"}
        if word == "today" and ref is None:
            return _date(None, "PRESENT_REF")
        return _date(day, "XXXX-XX-XX")
    if fam == "mid_part":
        offset = {"": 0, "today": 0, "yesterday": -1, "tomorrow": 1}[_norm(g.get("word"))]
        day = day_value(ref + timedelta(days=offset)) if ref else "XXXX-XX-XX"
        return {"type": "TIME", "value": f"{day}T{PART_CODE[g['part'].lower()]}", "mod": "MID"}
    if fam == "part_of_day":
        rel = g["rel"].lower()
        code = PART_CODE[g["part"].lower()]
        if rel in ("that", "the"):
            anchor = _last_mention(ctx, "day")
            day = anchor[:10] if anchor else (day_value(ref) if ref else None)
        else:
            offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
            if rel == "last" and code != "NI":
                offset = -1
            day = day_value(ref + timedelta(days=offset)) if ref else None
        return {"type": "TIME", "value": f"{day or 'XXXX-XX-XX'}T{code}"}
    if fam == "deictic":
        word = _norm(g["word"])
        if word == "overnight":
            return {"type": "TIME", "value": f"{_overnight(ctx)}TNI"}
        if g.get("then") and word in ("current", "currently"):
            return _date("PAST_REF", "")  # "the then current price": current at a past time
        if word == "soon" and tense == "past":
            return None  # "was soon released": how quickly, not a time ahead
        value = load_lexicon()["deictic"].get(word)
        return _date(value, "PRESENT_REF") if value else None
    if fam == "weekday":
        wd = int(load_lexicon()["weekday"][g["weekday"].lower()])
        part = g.get("part")
        if g.get("plural") or g.get("partplural"):  # "Mondays", "Tuesday nights": every one
            return {
                "type": "SET",
                "value": f"XXXX-WXX-{wd}" + (f"T{PART_CODE[part.lower()]}" if part else ""),
            }
        day = day_value(_weekday_date(ref, wd, tense)) if ref else f"XXXX-WXX-{wd}"
        if part:
            # TimeBank types a weekday with a part of day as DATE (18 of 26 cases).
            return {"type": "DATE", "value": f"{day}T{PART_CODE[part.lower()]}"}
        return _date(day, "")
    if fam == "season":
        code = load_lexicon()["season"][g["season"].lower()]
        det = _norm(g.get("det"))
        if g.get("year"):
            return _date(f"{g['year']}-{code}", "")
        if g.get("y19") and _number(g["y19"]):
            return _date(
                f"{1900 + int(_number(g['y19']))}-{code}", ""
            )  # "the winter of nineteen eighty-seven"
        if ref is None:
            return _date(None, f"XXXX-{code}")
        start = SEASON_START[code]
        y = ref.year
        if det == "last" or (det in ("", "the", "that") and tense == "past" and start > ref.month):
            y = ref.year - 1 if start >= ref.month else ref.year
        elif det == "next" or (det in ("", "the") and tense == "future" and start < ref.month):
            y = ref.year + 1 if start <= ref.month else ref.year
        return _date(f"{y}-{code}", "")
    if fam == "time":
        day = None
        if cand.extra.get("date") is not None:
            inner = _normalise(cand.extra["date"], ctx)
            if inner and re.match(r"^\d{4}-\d\d-\d\d", inner["value"]):
                day = inner["value"][:10]
        return _time(cand, ctx, day)
    if fam == "time_date":
        inner = normalise(cand.extra["date"], ctx)
        day = inner["value"][:10] if inner and re.match(r"^(\d{4}|XXXX)-", inner["value"]) else None
        return _time(cand.extra["time"], ctx, day)
    if fam == "duration":
        return _duration(cand, ctx)
    if fam == "duration_bare":
        unit = g["unit"].lower()
        code = load_lexicon()["unit"][unit]
        dirn = _norm(g.get("dir"))
        det = _norm(g.get("det"))
        # "recent months", "recent weeks", "months ago": TimeBank annotates an unspecified
        # number of the unit, DURATION PXM/PXW (6 of 8); "recent years" is PAST_REF (6 of
        # 8) and "coming months/quarters" FUTURE_REF (3 of 4).
        if (dirn == "ago" or det == "recent") and code.endswith("Y"):
            return _date("PAST_REF", "")
        if det in ("coming", "future"):
            return _date("FUTURE_REF", "")
        return {"type": "DURATION", "value": _duration_value(None, code)}
    if fam == "set_word":
        return {"type": "SET", "value": load_lexicon()["set"][g["word"].lower()]}
    if fam == "set_rate":
        code = load_lexicon()["unit"][g["word"].lower()]
        return {"type": "SET", "value": _duration_value(1, code)}
    if fam == "set_every":
        return _set_every(cand)
    if fam == "holiday":
        return _holiday(cand, ctx)
    return None


def _overnight(ctx: Context) -> str:
    """The night "overnight" names: the one before the day the text is at, the last day it
    mentioned, else the publication date ("shares fell Friday on losses overnight in Tokyo"
    are Thursday night's losses)."""
    anchor = _last_mention(ctx, "day")
    day = _value_date(anchor) if anchor else ctx.ref
    return day_value(day - timedelta(days=1)) if day else "XXXX-XX-XX"


def _safe_day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return f"{y}-{m:02d}"


def _quarter(cand: Candidate, ctx: Context) -> dict | None:
    g = cand.groups
    o = g["ord"].lower()
    what = g["what"].lower()
    code = load_lexicon()["ordinal"].get(o, "0")
    n = (2 if what == "half" else 4) if code == "L" else int(code)
    if what == "period" or not n:
        return None
    if what == "half" and n > 2:
        return None
    letter = "Q" if what == "quarter" else "H"
    if g.get("year") or g.get("pyear"):
        year: int | None = int(g.get("year") or g["pyear"])
    elif g.get("yrel") and ctx.ref:
        year = ctx.ref.year + {"this": 0, "last": -1, "next": 1}[g["yrel"].lower()]
    elif g.get("yago") and ctx.ref:
        q = _last_quarter(ctx)
        year = int(q[:4]) - 1 if q and q[0].isdigit() else ctx.ref.year - 1
    elif g.get("relyear") and ctx.ref:
        year = ctx.ref.year + {"this": 0, "last": -1, "next": 1}[g["relyear"].lower()]
    elif ctx.ref:
        # A quarter without a year is the publication year's (an earnings report's
        # "third-quarter" in October), or last year's in a past clause when it lies ahead.
        year = ctx.ref.year
        current = quarter_of(ctx.ref)[1] if letter == "Q" else (1 if ctx.ref.month <= 6 else 2)
        if ctx.tense == "past" and n > current:
            year -= 1
    else:
        year = None
    value = f"{year if year else 'XXXX'}-{letter}{n}"
    if g.get("plural") and not g.get("year"):
        return {"type": "SET", "value": f"XXXX-{letter}{n}"}
    return _date(value, "")


def _relative(cand: Candidate, ctx: Context) -> dict | None:
    g = cand.groups
    ref, tense = ctx.ref, ctx.tense
    rel = _norm(g.get("rel")) if cand.family == "relative" else "the"
    word = _norm(g["word"])
    if cand.family == "the_unit" and g.get("ended") is not None and word.endswith("year"):
        # "the year ended Sept. 30": a reporting period, a duration in TimeBank.
        return {"type": "DURATION", "value": "P1Y"}
    if word == "quarter" and g.get("endmonth") and ref:
        return _date(_quarter_ending(ref, _month(g["endmonth"])), "")
    lex = load_lexicon()
    if word.startswith("fiscal "):
        word = word.split()[1]
    if word == "year" and rel in ("the latest", "the most recent") and ref:
        # "sales in the latest fiscal year": the last completed one, as "the latest quarter".
        return _date(str(ref.year - 1), "")
    # "the next day" is a date, anaphoric like "the following day"; "the coming year" the next one.
    if rel == "the next" and word == "day":
        rel = "the following"
    elif rel in ("the next", "the coming"):
        rel = "next"
    durative = rel in ("the past", "the last", "the first", "the final", "the entire", "the whole")
    anaphoric = rel in (
        "that",
        "the same",
        "the following",
        "the previous",
        "the prior",
        "the preceding",
    )
    offset = 0
    if rel in ("last", "past", "previous", "the previous", "the prior", "the preceding"):
        offset = -1
    elif rel in ("next", "coming", "the following"):
        offset = 1
    # Durations: "the past year", "the next week".
    if rel == "the full":
        rel = "the"
    if durative and word in (
        "year",
        "month",
        "week",
        "day",
        "decade",
        "quarter",
        "century",
        "weekend",
    ):
        if rel == "the last" and word == "decade" and ref:
            return _date(str(ref.year // 10 - 1), "")
        if rel in ("the past", "the last") and word in ("year", "month", "week") and ref:
            # "over the past year", "for the last week": TimeBank dates the period by the
            # calendar unit it mostly covers (the year before, the month or week around
            # its midpoint).
            if word == "year":
                return _date(str(ref.year - 1), "")
            middle = ref - timedelta(days=15 if word == "month" else 3)
            return _date(week_value(middle) if word == "week" else middle.strftime("%Y-%m"), "")
        code = lex["unit"][word]
        return {"type": "DURATION", "value": _duration_value(1, code)}
    if word in lex["weekday"]:
        wd = int(lex["weekday"][word])
        if ref is None:
            return _date(None, f"XXXX-WXX-{wd}")
        if anaphoric and rel != "that" and rel != "the same":
            # "down 4% from the previous Friday", "the following Monday": the weekday before
            # (after) the day the text is at, or the publication date.
            anchor = _last_mention(ctx, "day")
            base = _value_date(anchor) if anchor else ref
            base = base or ref
            if offset < 0:
                return _date(
                    day_value(base - timedelta(days=(base.isoweekday() - wd) % 7 or 7)), ""
                )
            return _date(day_value(base + timedelta(days=(wd - base.isoweekday()) % 7 or 7)), "")
        r = {
            "last": "last",
            "past": "last",
            "this past": "last",
            "next": "next",
            "coming": "next",
            "this coming": "next",
            "this": "this",
        }.get(rel)
        return _date(day_value(_weekday_date(ref, wd, tense, r)), "")
    if word in lex["month"] or word.rstrip(".") + "." in lex["month"]:
        month = _month(word)
        if ref is None:
            return _date(None, f"XXXX-{month:02d}")
        if rel in ("last", "past"):
            y = ref.year if month < ref.month else ref.year - 1
        elif rel in ("next", "coming"):
            y = ref.year if month > ref.month else ref.year + 1
        elif rel == "this":
            y = ref.year
        else:
            y = _closest_year(ref, month, None, tense)
        return _date(f"{y}-{month:02d}", "")
    if word in lex["season"]:
        code = lex["season"][word]
        if ref is None:
            return _date(None, f"XXXX-{code}")
        start = SEASON_START[code]
        y = ref.year
        if offset < 0:
            y = ref.year - 1 if start >= ref.month else ref.year
        elif offset > 0:
            y = ref.year + 1 if start <= ref.month else ref.year
        return _date(f"{y}-{code}", "")
    if word in PART_CODE:
        anchor = _last_mention(ctx, "day") if anaphoric else None
        day = (
            anchor[:10]
            if anchor
            else (day_value(ref + timedelta(days=min(offset, 0))) if ref else None)
        )
        return {"type": "TIME", "value": f"{day or 'XXXX-XX-XX'}T{PART_CODE[word]}"}
    if word == "quarter" and rel == "this" and ctx.reported and tense not in ("future", "modal"):
        # "This quarter's loss includes ..." in a report on its named quarter is that one;
        # "expects a profit this quarter" the current one.
        return _date(ctx.reported, "")
    if word == "quarter" and rel in ("the current", "current", "this") and ref:
        return _date(_shift(None, ref, 0, "Q"), "")
    if word in ("period", "quarter") and rel in (
        "the latest",
        "the most recent",
        "the",
        "the current",
        "current",
        "this",
        "the same",
    ):
        return _date(_last_quarter(ctx), "XXXX-QX")
    if word in ("period", "quarter") and rel in (
        "the year-earlier",
        "the year-ago",
        "the year earlier",
        "the corresponding",
        "the comparable",
    ):
        q = _last_quarter(ctx)
        return _date(_shift(q, ref, -1, "Y") if q and not q.startswith("X") else None, "XXXX-QX")
    if word == "period":
        return None
    if word == "weekend":
        if ref is None:
            return _date(None, "XXXX-WXX-WE")
        if offset == 0 and rel == "the" and tense != "future":
            offset = -1 if ref.isoweekday() < 6 else 0
        return _date(week_value(ref + timedelta(weeks=offset)) + "-WE", "")
    unit = {
        "year": "Y",
        "month": "M",
        "week": "W",
        "day": "D",
        "quarter": "Q",
        "decade": "10Y",
        "century": "100Y",
        "half": "H",
    }.get(word)
    if unit is None:
        return None
    if unit == "H":
        if ref is None:
            return _date(None, "XXXX-HX")
        h = 1 if ref.month <= 6 else 2
        k = ref.year * 2 + h - 1 + offset
        return _date(f"{k // 2}-H{k % 2 + 1}", "")
    if anaphoric:
        gran = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter"}.get(
            unit, "year"
        )
        anchor = _last_mention(ctx, gran)
        if anchor:
            base = _truncate(anchor, unit)
            if base is not None:
                return _date(_shift(base, ref, offset, unit) if offset else base, "")
        if ref is None:
            return _date(None, _undefined(unit))
    if ref is None:
        return _date(None, _undefined(unit))
    if unit == "Q" and rel == "the":
        return _date(_last_quarter(ctx), "XXXX-QX")
    if unit == "W" and rel == "the":
        # A bare "the week" ("shares fell 2% for the week") names no week of its own: the
        # one the story is about, which may have just ended; TimeBank writes 1989-WXX.
        return _date(f"{ref.year}-WXX", "")
    return _date(_shift(None, ref, offset, unit), _undefined(unit))


def _quarter_ending(ref: date, month: int) -> str:
    """The calendar quarter of "the quarter ended May 31": the one holding most of the
    three months that end with the latest such month (March to May: the second)."""
    year = ref.year if month <= ref.month else ref.year - 1
    middle = add_months(date(year, month, 1), -1)
    return f"{middle.year}-Q{quarter_of(middle)[1]}"


def _truncate(value: str, unit: str) -> str | None:
    """A mentioned value cut to the unit's granularity ("2023-01-05" -> "2023-01" for months)."""
    if unit == "Y":
        return value[:4]
    if unit == "M" and re.match(r"^\d{4}-\d\d", value):
        return value[:7]
    if unit == "D" and re.match(r"^\d{4}-\d\d-\d\d", value):
        return value[:10]
    if unit == "W":
        d = _value_date(value)
        return week_value(d) if d else (value if re.match(r"^\d{4}-W\d\d$", value) else None)
    if unit == "Q":
        if re.match(r"^\d{4}-Q[1-4]$", value):
            return value
        d = _value_date(value)
        if d:
            return f"{d.year}-Q{quarter_of(d)[1]}"
        m = re.match(r"^(\d{4})-(\d\d)$", value)
        if m:
            return f"{m[1]}-Q{(int(m[2]) - 1) // 3 + 1}"
    return None


def _undefined(unit: str) -> str:
    return {
        "Y": "XXXX",
        "M": "XXXX-XX",
        "W": "XXXX-WXX",
        "D": "XXXX-XX-XX",
        "Q": "XXXX-QX",
        "10Y": "XXX",
        "100Y": "XX",
    }.get(unit, "XXXX")


_SMALLER = {
    "Y": (12, "M"),
    "M": (30, "D"),
    "W": (7, "D"),
    "D": (24, "TH"),
    "TH": (60, "TM"),
    "TM": (60, "TS"),
}


def _duration_value(n: float | None, code: str) -> str:
    if code == "WE":
        return f"P{_fmt_num(2 * n)}D" if n else "PXD"
    if code == "100Y" and n is None:
        return "PXC"  # "for centuries": TimeBank's century unit C, since years can't say it
    mult = 1
    m = re.match(r"^(\d+)(\w+)$", code)
    if m:
        mult, code = int(m[1]), m[2]
    if n is not None and n * mult != int(n * mult) and code in _SMALLER:
        # "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M.
        whole = int(n * mult)
        factor, smaller = _SMALLER[code]
        rest = round((n * mult - whole) * factor)
        if code.startswith("T") or smaller.startswith("T"):
            head = f"P{whole}D" if code == "D" else "P"
            body = (f"{whole}{code[1:]}" if code.startswith("T") else "") + f"{rest}{smaller[1:]}"
            return f"{head}T{body}" if code == "D" else f"PT{body}"
        return f"P{whole}{code}{rest}{smaller}"
    count = _fmt_num(n * mult) if n is not None else "X"
    if code.startswith("T"):
        return f"PT{count}{code[1:]}"
    return f"P{count}{code}"


def _duration(cand: Candidate, ctx: Context) -> dict | None:
    g = cand.groups
    lex = load_lexicon()
    unit_word = g["unit"].lower()
    if unit_word == "centuries":
        unit_word = "century"
    code = lex["unit"][unit_word]
    n = _number(g["num"])
    if n is not None and g.get("half"):
        n += 0.5  # "a minute and a half": PT1M30S
    dirn = _norm(g.get("dir"))
    if dirn:
        step = {"Y": "Y", "M": "M", "W": "W", "D": "D", "10Y": "10Y", "100Y": "100Y", "Q": "Q"}.get(
            code
        )
        if step is None:
            if code in ("TH", "TM", "TS"):
                return {
                    "type": "TIME",
                    "value": "PAST_REF" if dirn in ("ago", "earlier", "before") else "FUTURE_REF",
                }
            return None
        if n is None or n != int(n):
            return _date("PAST_REF" if dirn in ("ago", "earlier", "before") else "FUTURE_REF", "")
        sign = -1 if dirn in ("ago", "earlier", "before") else 1
        anchor = None
        if (
            step == "Y"
            and n == 1
            and ctx.financial
            and not ctx.multi_quarter
            and dirn in ("ago", "earlier")
        ):
            # Earnings reports compare with the year-ago quarter ("from $1.2 billion a year
            # earlier").
            q = _last_quarter(ctx)
            if q and not q.startswith("X"):
                anchor = q
        elif ctx.multi_quarter and step == "Y" and n == 1:
            anchor = None  # "the nine months ... a year earlier": last year's, by the year
        elif dirn not in ("ago", "from now", "hence"):
            anchor = _last_mention(
                ctx,
                {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter"}.get(
                    step, "year"
                ),
            )
            if anchor and step != "Y":
                anchor = _truncate(anchor, step)
            elif anchor and not re.match(r"^\d{4}-Q", anchor):
                anchor = anchor[:4]
        if anchor is None and ctx.ref is None:
            return _date(None, _undefined(step))
        if step in ("10Y", "100Y"):
            step, n = "Y", n * (10 if step == "10Y" else 100)
        value = _shift(anchor, ctx.ref, sign * int(n), step)
        return _date(value, _undefined(step))
    return {"type": "DURATION", "value": _duration_value(n, code)}


def _time(cand: Candidate, ctx: Context, day: str | None) -> dict:
    g = cand.groups
    if g.get("noon"):
        hhmm = "12:00" if g["noon"].lower() in ("noon", "midday") else "24:00"
    else:
        hour_text = g.get("hour") or g.get("hour2") or g.get("hour3")
        hour = int(hour_text) if hour_text.isdigit() else int(_number(hour_text))
        minute = g.get("minute") or g.get("minute2")
        ampm = _norm(g.get("ampm")).replace(".", "")
        part = _norm(g.get("part") or g.get("part3"))
        if (
            ampm.startswith("p") or part in ("afternoon", "evening", "night") and hour < 12
        ) and hour < 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
        hhmm = f"{hour:02d}:{minute}" if minute else f"{hour:02d}:00"
    if day is None:
        # A clock time alone is on the day the text is at ("shot on Oct. 23 ... at 10 p.m."),
        # else the publication date.
        anchor = _last_mention(ctx, "day")
        day = anchor[:10] if anchor else (day_value(ctx.ref) if ctx.ref else "XXXX-XX-XX")
    return {"type": "TIME", "value": f"{day}T{hhmm}"}


def _set_every(cand: Candidate) -> dict | None:
    g = cand.groups
    lex = load_lexicon()
    word = _norm(g["word"])
    k = 2 if g.get("other") else 1
    if word in lex["weekday"]:
        return {"type": "SET", "value": f"XXXX-WXX-{lex['weekday'][word]}"}
    if word in lex["season"]:
        return {"type": "SET", "value": f"XXXX-{lex['season'][word]}"}
    if word in PART_CODE:
        return {"type": "SET", "value": f"XXXX-XX-XXT{PART_CODE[word]}"}
    if word.rstrip(".") + "." in lex["month"] or word in lex["month"]:
        return {"type": "SET", "value": f"XXXX-{_month(word):02d}"}
    w = word[:-1] if word.endswith("s") and word[:-1] in lex["unit"] else word
    if w in lex["unit"]:
        return {"type": "SET", "value": _duration_value(k, lex["unit"][w])}
    return None


def _easter(y: int) -> date:
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


def _holiday(cand: Candidate, ctx: Context) -> dict | None:
    word = _norm(cand.groups["word"])
    rel = _norm(cand.groups.get("rel"))
    if rel in ("last", "next"):
        ctx = Context(
            ref=ctx.ref, tense="past" if rel == "last" else "future", mentions=ctx.mentions
        )
    fixed = load_lexicon()["holiday"].get(word)
    ref = ctx.ref
    if fixed:
        month, day = (int(x) for x in fixed.split("-"))
        if ref is None:
            return _date(None, f"XXXX-{fixed}")
        return _date(f"{_closest_year(ref, month, day, ctx.tense)}-{fixed}", "")
    if ref is None:
        return _date(None, "XXXX-XX-XX")
    d = _holiday_year(word, ref.year)
    if ctx.tense == "past" and d > ref:
        d = _holiday_year(word, ref.year - 1)
    return _date(d.isoformat(), "")


def _holiday_year(word: str, y: int) -> date:
    """The date of a movable holiday in year ``y``: Thanksgiving (the fourth Thursday of
    November), U.S. Election Day (the Tuesday after the first Monday of November), Easter."""
    nov1 = date(y, 11, 1)
    if word.startswith("thanksgiving"):
        return nov1 + timedelta(days=(4 - nov1.isoweekday()) % 7 + 21)
    if word.startswith("election"):
        return nov1 + timedelta(days=(1 - nov1.isoweekday()) % 7 + 1)
    return _easter(y)


def interval(value: str) -> dict | None:
    """``{"start", "end"}`` (ISO dates, end exclusive) of a calendar period, else None."""
    try:
        return _interval(value)
    except (ValueError, OverflowError):
        return None


def _interval(value: str) -> dict | None:
    def span(a: date, b: date) -> dict:
        return {"start": a.isoformat(), "end": b.isoformat()}

    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$", value)
    if m:
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return span(d, d + timedelta(days=1))
    m = re.match(r"^(\d{4})-(\d\d)$", value)
    if m:
        d = date(int(m[1]), int(m[2]), 1)
        return span(d, add_months(d, 1))
    m = re.match(r"^(\d{4})$", value)
    if m:
        return span(date(int(m[1]), 1, 1), date(int(m[1]) + 1, 1, 1))
    m = re.match(r"^(\d{4})-W(\d\d)(-WE)?$", value)
    if m:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return span(monday + timedelta(days=5), monday + timedelta(days=7))
        return span(monday, monday + timedelta(days=7))
    m = re.match(r"^(\d{4})-Q([1-4])$", value)
    if m:
        d = date(int(m[1]), 3 * int(m[2]) - 2, 1)
        return span(d, add_months(d, 3))
    m = re.match(r"^(\d{4})-H([12])$", value)
    if m:
        d = date(int(m[1]), 6 * int(m[2]) - 5, 1)
        return span(d, add_months(d, 6))
    m = re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value)
    if m:
        d = date(int(m[1]), SEASON_START[m[2]], 1)
        return span(d, add_months(d, 3))
    m = re.match(r"^(\d{3})$", value)
    if m:
        return span(date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 10, 1, 1))
    m = re.match(r"^(\d{2})$", value)
    if m and int(m[1]) > 0:
        return span(date(int(m[1]) * 100, 1, 1), date(int(m[1]) * 100 + 100, 1, 1))
    return None
