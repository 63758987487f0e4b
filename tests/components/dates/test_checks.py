"""Which pattern matches are timexes, without the model: names, labels, ages, other senses."""

from __future__ import annotations

import pytest

from pipeline.components.dates.extents import find_candidates
from pipeline.components.dates.lexicon import load_lexicons


def _extents(text: str) -> dict[str, bool]:
    """``{extent: weak}`` of the candidates kept."""
    return {
        text[c.start : c.end]: bool(c.extra.get("weak"))
        for c in find_candidates(text, load_lexicons())
    }


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Under Section 427 of the act, the fine is due.", "427"),
        ("He flew on Flight 1990 to Paris.", "1990"),
        ("A judge blocked HB 1523 on Thursday.", "1523"),
        ("The Senate passed S.B. 1999 last week.", "1999"),
        ("He may visit, she said.", "may"),
        ("He told USA Today the plan was dead.", "Today"),
        # A quoted "Today" in mid-sentence is a programme's title.
        ("He told NBC's \u201cToday\u201d on Monday that he was sorry.", "Today"),
        ("She joins the ''Today'' show as an anchor.", "Today"),
        ("The JoongAng Daily reported it.", "Daily"),
        ('He said on CBS\'s "60 Minutes" that he was sorry.', "60 Minutes"),
        ("Mr. Reupke, 52 years old, had been the editor.", "52 years old"),
        ("The boy, 6-year-old Elian, was rescued.", "6-year-old"),
        ("They marked the fall of the Berlin Wall.", "the fall"),
        ("Japan imports about three-quarters of its fuel.", "three-quarters"),
        ("Police arrested 12 in the morning raid.", "12 in the morning"),
        ("Jan said so.", "Jan"),
        ("The talks resume as soon as the envoy lands.", "soon"),
        ("He called him a Johnny-come-lately to the cause.", "lately"),
        # Only a day named as what it is: not "days", a compound or a length.
        ("It was the day after his birthday.", "day"),
        ("That was the day-to-day work.", "day"),
    ],
)
def test_refused(text, refused):
    assert not any(refused in extent for extent in _extents(text)), _extents(text)


@pytest.mark.parametrize(
    ("text", "extent", "weak"),
    [
        ("It took a day of talks.", "a day", True),
        ("He stayed for a day.", "a day", False),
        ("Talks went on months.", "months", True),
        ("Talks went on for months.", "months", False),
        ("It bans sales above 500,000 barrels a year.", "a year", False),
        ("Agents did hundreds of interviews a day.", "a day", False),
        ("They met in May.", "May", False),
        ('He said, "Today we vote."', "Today", False),
        ("Prices rose in the fall.", "the fall", False),
    ],
)
def test_kept(text, extent, weak):
    assert _extents(text).get(extent) is weak


@pytest.mark.parametrize(
    ("text", "extents"),
    [
        # A chapter and verse is no clock time.
        ("The photo quotes Romans 8:31 on its back.", []),
        ("He cited Exodus 18:21 in his speech.", []),
        # A bare clock time after a preposition, a weekday or at a sentence start is one.
        ("The polls closed at 8:30 on election night.", ["8:30"]),
        ("About 10:03, the votes were in.", ["About 10:03"]),
        ("The vote is due Friday 9:30, aides said.", ["Friday", "9:30"]),
        # A deictic word after "more-" is one ("a more-recent survey").
        ("Rubio led in a more-recent survey.", ["recent"]),
        # A capitalised "March" or "May" between a determiner and its noun is the month.
        ("The March accession will let them sign.", ["March"]),
        ("She stood by her May speech.", ["May"]),
        ("They joined the March on Washington.", []),
        ("He gave to the March of Dimes.", []),
    ],
)
def test_chapter_and_verse_is_no_time(text, extents):
    assert list(_extents(text)) == extents
