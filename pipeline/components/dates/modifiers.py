"""The TIMEX3 ``mod`` of a candidate, from the modifiers folded into its extent.

"about two hours" APPROX (the lexicon's ``mod`` rows), "the end of last year" END,
"mid-2024" MID, "end-2023" END, "two years or so" APPROX, "2023 or later" ON_OR_AFTER.
"""

from __future__ import annotations

from .anchoring import Timex
from .extents import TimexCandidate
from .lexicon import Lexicon

#: A position word before a period -> its mod.
POSITION_MOD = {
    "early": "START",
    "earlier": "START",
    "the beginning of": "START",
    "the start of": "START",
    "the very beginning of": "START",
    "the first half of": "START",
    "the early hours of": "START",  # "the early (small, wee) hours of Sunday"
    "the small hours of": "START",
    "the wee hours of": "START",
    "start": "START",  # "start-2024"
    "mid": "MID",
    "the middle of": "MID",
    "late": "END",
    "later": "END",
    "the end of": "END",
    "end": "END",  # "end-2023", "by end-March"
    "the very end of": "END",
    "the close of": "END",
    "the turn of": "END",
    "the second half of": "END",
    "the last half of": "END",
}
#: A modifier after the extent -> its mod.
AFTER_MOD = {
    "or so": "APPROX",
    "or more": "EQUAL_OR_MORE",
    "or later": "ON_OR_AFTER",
    "and beyond": "ON_OR_AFTER",
}


def with_mod(result: Timex, cand: TimexCandidate, lexicon: Lexicon) -> Timex:
    """``result`` with the mod its candidate's modifiers give (the last one said wins)."""
    mods = lexicon["mod"]
    if cand.mod:
        result["mod"] = mods.get(cand.mod.replace("  ", " "), result.get("mod"))
    if cand.position:
        result["mod"] = POSITION_MOD.get(cand.position, result.get("mod"))
    if cand.extra.get("after"):
        result["mod"] = AFTER_MOD.get(cand.extra["after"], result.get("mod"))
    elif cand.groups.get("orso"):  # "a week or so ago"
        result["mod"] = "APPROX"
    return result
