"""Date words that are part of a name: "Saturday Night Live", "21st Century Fox",
"Jill June", "a memoir by Wednesday Martin".

The model's NER decides: a timex without digits that lies inside a larger name
(``NAME_LABELS``: a person, an organisation, a title, a law, a product, a building) whose
other words are title-case words is part of that name (of a person's name only a month
or weekday: "Merry Christmas" is no person); so is a month or weekday that the parse reads
as a compound of the person's name right after it. Holidays the model calls
events ("Black Friday", "Labor Day") and names with a year ("the Cleveland 2016 Host
Committee") stay timexes.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from ...lang.calendar import months, weekdays

#: The model's entity labels for names that a date word may be a part of.
NAME_LABELS = ("PERSON", "ORG", "WORK_OF_ART", "LAW", "PRODUCT", "FAC")

#: A word of a title-case name: capitalised (a possessive or hyphenated part may follow),
#: or one of the short words titles leave in lower case ("Back to the Future").
_NAME_WORD = re.compile(
    r"[A-Z][^\W\d]*(?:['’.&-][^\W\d]*)*|(?:of|the|a|an|and|to|in|on|for|by|at|with|from)"
)
#: The timex words that stay timexes at the start of a name: the model often runs a
#: sentence's "Today in America, ..." into a title.
_DEICTIC = ("today", "now", "tonight", "yesterday", "tomorrow")


def part_of_a_name(
    doc: Doc,
    text: str,
    start: int,
    end: int,
    names: list[tuple[int, int, str]],
    name_starts: list[int],
    token_index: int,
) -> bool:
    """Whether the timex at ``text[start:end]`` (``text`` is ``doc.text``, read once by the
    caller: ``Doc.text`` joins every token on each call; the timex's first token is
    ``token_index``) is a word of a name: inside one of ``names`` (the model's name
    entities in order: start, end, label; ``name_starts`` their starts), or a month or
    weekday compounded with the person's name after it."""
    if any(ch.isdigit() for ch in text[start:end]):
        return False
    word = text[start:end].lower()
    # Entities do not overlap: only the last one to start at or before the timex can hold it.
    last = bisect.bisect_right(name_starts, start) - 1
    for name_start, name_end, label in names[last : last + 1] if last >= 0 else ():
        if name_end < end or (name_start, name_end) == (start, end):
            continue
        if label == "PERSON" and word not in months() and word not in weekdays():
            continue  # people are named June or Wednesday, not "Merry Christmas"
        if name_start == start and word in _DEICTIC:
            continue
        if _title_case(text[name_start:start] + " " + text[end:name_end]):
            return True
    token = doc[token_index]
    return (
        token.idx + len(token) == end
        and token.text[0].isupper()
        and token.dep_ == "compound"
        and token.head.i == token.i + 1
        and token.head.ent_type_ == "PERSON"
        and token.head.ent_iob_ == "B"
    )


def _title_case(rest: str) -> bool:
    """Whether ``rest`` is the words of a title-case name, one capitalised at least ("the
    Bastille Day" is the holiday); quote marks may stand around them ("Baseball''")."""
    words = [word.strip("\"'“”‘’,") for word in rest.split()]
    words = [word for word in words if word]
    return (
        bool(words)
        and all(_NAME_WORD.fullmatch(word) for word in words)
        and any(word[0].isupper() for word in words)
    )
