"""Quarters and halves ("the third quarter of 2013", "the first half"), and the reporting
quarter of results.

In a sentence that reports a quarter's results, "the quarter", "the latest period",
"the 1988 period" and "a year earlier" are about the quarter the text has named (else
the last completed calendar quarter) and that quarter a year back, rather than
calendar periods (``ctx.financial``). Any news reads a sentence so when the sentence
says it (``reports_quarter``: "third-quarter profit ... a year earlier", "the quarter
ended Sept. 30", "fiscal", "$1.35 a share"); the ``earnings`` domain reads a whole
text so once it mentions quarters or earnings twice (``financial_mode``), which is
how an earnings report reads but not a basketball report's "fourth quarter".
"""

from __future__ import annotations

import re

from ...lang.calendar import month_number
from .anchoring import Context, Timex, date_timex
from .calendar import RELATIVE_OFFSET, quarter_of, shift
from .extents import TimexCandidate

_FINANCIAL_WORDS = re.compile(r"\bquarter|\bper\s+share\b|\bnet\s+income\b|\bearnings\b", re.I)
_MULTI_QUARTER = re.compile(
    r"\b(?:nine|six)\s+months\b|\bfirst\s+half\b|\byear[\s-]to[\s-]date\b", re.I
)


#: A sentence's own word that it reports a quarter's results: a quarter named as a
#: period (not "a quarter of", "a quarter-point"), "fiscal", a per-share figure.
_REPORTING_CUES = re.compile(
    r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th|latest|current|last|the|this|that"
    r"|year-ago|year-earlier|same|fiscal|\d{4})[\s-]+(?:fiscal[\s-]+)?quarter\b(?!-point)"
    r"|\bquarter\s+ended\b|\bquarterly\b|\bfiscal\b"
    r"|(?:\bcents?|\bpence|\d)\s+(?:a|per)\s+share\b",
    re.I,
)


def financial_mode(text: str) -> bool:
    """Whether ``text`` reports quarterly results: two or more earnings words (the
    ``earnings`` domain's reading of a whole text)."""
    return len(_FINANCIAL_WORDS.findall(text)) >= 2


def reports_quarter(sentence: str, game: re.Pattern) -> bool:
    """Whether a sentence says itself that it reports a quarter's results ("third-quarter
    profit rose from a year earlier", "in the quarter ended Sept. 30", "87 cents a
    share"), and is not about a game ("scored 12 points in the fourth quarter")."""
    if not _REPORTING_CUES.search(sentence):
        return False
    return not game.search(sentence)


def reports_several_quarters(sentence: str) -> bool:
    """Whether a sentence reports "the nine months", "the first half", "year to date": its
    "a year earlier" is last year's same months, not last year's quarter."""
    return bool(_MULTI_QUARTER.search(sentence))


def last_quarter(ctx: Context) -> str | None:
    """The quarter an earnings report is about (what "the quarter" means there).

    The one the text has named ("its fiscal first quarter"), else the latest completed
    calendar quarter."""
    if ctx.reported:
        return ctx.reported
    if ctx.ref is None:
        return "XXXX-QX"
    return shift(None, ctx.ref, -1, "Q")


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
    latest = shift(None, ctx.ref, -1, "Q")
    if value < latest[:4] or (value > latest and ctx.tense != "past"):
        return False
    return fiscal or ctx.reported is None or value >= ctx.reported


def year_ago_quarter(ctx: Context) -> str | None:
    """The reported quarter a year back, or None when no quarter is known."""
    q = last_quarter(ctx)
    return shift(q, ctx.ref, -1, "Y") if q and not q.startswith("X") else None


def ordinal_quarter(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """ "the third quarter (of 2013)", "the first half", "1988's fourth quarter"; a plural
    without a year is every such quarter (a SET)."""
    g = cand.groups
    what = g["what"].lower()
    code = ctx.lexicon["ordinal"].get(g["ord"].lower(), "0")
    n = (2 if what == "half" else 4) if code == "L" else int(code)
    if what == "period" or not n:
        return None
    if ctx.game and not (g.get("year") or g.get("pyear") or g.get("yrel") or g.get("relyear")):
        return None  # "scored 12 points in the fourth quarter": a game's quarter, no date
    if what == "half" and n > 2:
        return None
    letter = "Q" if what == "quarter" else "H"
    if g.get("year") or g.get("pyear"):
        year: int | None = int(g.get("year") or g["pyear"])
    elif g.get("yrel") and ctx.ref:
        year = ctx.ref.year + RELATIVE_OFFSET[g["yrel"].lower()]
    elif g.get("yago") and ctx.ref:
        q = last_quarter(ctx)
        year = int(q[:4]) - 1 if q and q[0].isdigit() else ctx.ref.year - 1
    elif g.get("relyear") and ctx.ref:
        year = ctx.ref.year + RELATIVE_OFFSET[g["relyear"].lower()]
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
    return date_timex(value, "")


def quarter_code(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """ "Q3", "Q3 2023", "H1 FY24" as "the third quarter (of 2023)" reads; "FY2023" as
    "fiscal 2023", its year (a TIMEX3 value names calendar periods: the fiscal year's
    company calendar is not known)."""
    g = cand.groups
    if g.get("fyear"):
        return date_timex(_full_year(g["fyear"]), "")
    year = g.get("year") or (_full_year(g["fy"]) if g.get("fy") else None)
    what = "quarter" if g["letter"].upper() == "Q" else "half"
    groups = {"what": what, "ord": _ORDINAL_NUMBER[int(g["n"])], "year": year}
    return ordinal_quarter(TimexCandidate(cand.start, cand.end, "quarter", groups), ctx)


def month_span(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """ "the April-June quarter": the calendar quarter (or half) those months are, as "the
    second quarter" reads; months of no calendar quarter ("the February-April quarter" of
    a retailer's fiscal year) are written by their length, as "the year ended Sept. 30"."""
    g = cand.groups
    first, last = month_number(g["first"]), month_number(g["last"])
    months = (last - first) % 12 + 1
    if months == 3 and first % 3 == 1:
        n, what = (first + 2) // 3, "quarter"
    elif months == 6 and first in (1, 7):
        n, what = (first + 5) // 6, "half"
    else:
        return {"type": "DURATION", "value": f"P{months}M"}
    groups = {"what": what, "ord": _ORDINAL_NUMBER[n], "year": None}
    return ordinal_quarter(TimexCandidate(cand.start, cand.end, "quarter", groups), ctx)


#: The ordinal word (the lexicon's ``ordinal``) of a quarter's or half's number.
_ORDINAL_NUMBER = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}


def _full_year(digits: str) -> str:
    """ "2023" as it is, "23" as 2023 (two digits name this century's years in business
    codes), "98" as 1998."""
    if len(digits) == 4:
        return digits
    return f"{19 if int(digits) >= 50 else 20}{digits}"


def year_ago(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """ "year-earlier", "the quarter a year ago", "last year's quarter": the reported quarter
    a year back when a quarter is meant (or in financial mode), else last year."""
    g = cand.groups
    quarter_meant = g.get("what") or g.get("lwhat") or (ctx.financial and not ctx.multi_quarter)
    q = last_quarter(ctx) if quarter_meant else None
    if q and not q.startswith("X"):
        return date_timex(shift(q, ctx.ref, -1, "Y"), "")
    return date_timex(shift(None, ctx.ref, -1, "Y"), "XXXX")


def year_end(cand: TimexCandidate, ctx: Context) -> Timex | None:
    """ "year-end": the balance-sheet date, Dec. 31 (TimeBank's spelling of the noun); in a past
    clause ("since year-end") the one before the reference date. "The year end", "fiscal
    year-end": the end of the year (mod END)."""
    g, ref = cand.groups, ctx.ref
    if ref and g.get("hy") and not g.get("fy"):
        y = ref.year - 1 if ctx.tense == "past" else ref.year
        return date_timex(f"{y}-12-31", "")
    return {"type": "DATE", "value": str(ref.year) if ref else "XXXX", "mod": "END"}
