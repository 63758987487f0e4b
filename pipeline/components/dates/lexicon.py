"""The dates lexicon (``data/lexicon.tsv``): ``kind<TAB>word[<TAB>value]`` lines.

Every word list the stage's patterns and values use: month and weekday names,
number words, units, seasons, parts of the day, ordinals, modifiers, set adverbs,
deictic words, fixed-date holidays and the labels that make a number no year.
The component reads it once (or its saved copy, see ``DatesStage.from_disk``) and
passes it down with the patterns compiled from it (``patterns.Rules``).

Month, weekday and season names and the words that count ("three", "a couple of",
"several") are not in the file: every stage shares them (``pipeline/lang/``), and
``read_lexicon`` adds them under ``month``, ``weekday``, ``season`` and ``number``
in the file's own notation ("01", "1", "SP", "X" for a count with no value).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...lang.calendar import months, seasons, weekdays
from ...lang.numbers import count_words
from ...lexicons import ResourceError, resource_lines

#: The lexicon's path inside the ``pipeline`` package.
PATH = "components/dates/data/lexicon.tsv"
#: The kinds the file holds; ``month``, ``weekday``, ``number`` and ``season`` come
#: from the shared calendar and number words (``shared_words``).
KINDS = (
    "unit",
    "partofday",
    "ordinal",
    "mod",
    "set",
    "deictic",
    "holiday",
    "label",
)

#: ``{kind: {word: value}}``, words in lower case.
Lexicon = dict[str, dict[str, str]]


def read_lexicon(text: str | None = None) -> Lexicon:
    """The shipped lexicon, or the one in ``text``; a bad line raises ``ResourceError``
    naming the file and line."""
    lexicon: Lexicon = {kind: {} for kind in KINDS} | shared_words()
    for number, line in resource_lines(PATH, text=text):
        fields = line.split("\t")
        if len(fields) not in (2, 3) or fields[0] not in KINDS or not fields[1].strip():
            raise ResourceError(
                PATH,
                number,
                f"expected 'kind<TAB>word[<TAB>value]' with kind in {sorted(KINDS)}, got {line!r}",
            )
        lexicon[fields[0]][fields[1].strip().lower()] = (
            fields[2].strip() if len(fields) == 3 else ""
        )
    return lexicon


def shared_words() -> Lexicon:
    """The calendar and count words of ``pipeline/lang/``, in this lexicon's notation."""
    return {
        "month": {word: f"{month:02d}" for word, month in months(rare=False).items()},
        "weekday": {word: str(day) for word, day in weekdays().items()},
        "number": {word: _count(value) for word, value in count_words().items()},
        "season": dict(seasons()),
    }


def _count(value: float | None) -> str:
    return "X" if value is None else str(int(value)) if value == int(value) else str(value)


@lru_cache(maxsize=1)
def shipped_lexicon() -> Lexicon:
    """The lexicon as the package ships it, read once per process."""
    return read_lexicon()


def lower_words(text: str | None) -> str:
    """``text`` as a lexicon key: lower case, single spaces, no outer space ("" for None)."""
    return re.sub(r"\s+", " ", (text or "").strip().lower())


def month_number(word: str, lexicon: Lexicon) -> int:
    """1-12 for a month name or abbreviation, with or without its dot ("Sept", "Jan.")."""
    months = lexicon["month"]
    w = word.lower()
    return int(months.get(w) or months.get(w.rstrip(".")) or months[w + "."])
