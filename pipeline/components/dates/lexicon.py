"""The dates lexicon (``data/lexicon.tsv``): ``kind<TAB>word[<TAB>value]`` lines.

Every word list the stage's patterns and values use: units, parts of the day,
quarter ordinals, modifiers, set adverbs, deictic words, the nouns of a general
"today's" (``generic``), holidays (fixed dates and
rules for movable ones) and the labels that make a number no year. ``read_lexicons``
parses them (from the shipped file, or the texts a saved pipeline holds:
``DatesStage.from_disk``) and compiles the patterns from them
(``patterns.DatesLexicons``); ``load_lexicons`` gives the shipped ones, read once.

Month, weekday and season names and the words that count ("three", "a couple of",
"several") are not in the file: every stage shares them (``pipeline/lang/``), and
``read_words`` adds them under ``month``, ``weekday``, ``season`` and ``number``
in the file's own notation ("01", "1", "SP", "X" for a count with no value). It
also adds ``part``: the ``partofday`` rows with a TIMEX3 code ("morning": "MO"),
not a clock time ("noon": "12:00").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from ...lang.calendar import months, seasons, weekdays
from ...lang.numbers import count_words
from ...lexicons import ResourceError, resource_lines
from .patterns import DatesLexicons, compile_lexicons

#: The lexicon's path inside the ``pipeline`` package.
PATH = "components/dates/data/lexicon.tsv"
#: The data files the stage reads and saves with a pipeline.
DATA_FILES = (PATH,)
#: The kinds the file holds; ``month``, ``weekday``, ``number`` and ``season`` come
#: from the shared calendar and number words (``shared_words``).
KINDS = (
    "unit",
    "partofday",
    "ordinal",
    "mod",
    "set",
    "deictic",
    "generic",
    "holiday",
    "label",
    "game",
)

#: ``{kind: {word: value}}``, words in lower case.
Lexicon = dict[str, dict[str, str]]


def read_lexicons(texts: Mapping[str, str] | None = None) -> DatesLexicons:
    """The word lists of ``texts[PATH]`` (the shipped file when None) and the patterns
    compiled from them; a bad line raises ``ResourceError`` naming the file and line."""
    return compile_lexicons(read_words(None if texts is None else texts[PATH]))


@lru_cache(maxsize=1)
def load_lexicons() -> DatesLexicons:
    """The shipped lexicons, read and compiled once per process."""
    return read_lexicons()


def read_words(text: str | None = None) -> Lexicon:
    """The word lists of the shipped file, or of ``text``, with the shared ones added."""
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
    # The parts of the day with a TIMEX3 code ("morning": "MO"), not a clock time ("noon").
    lexicon["part"] = {word: code for word, code in lexicon["partofday"].items() if code.isalpha()}
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


def lower_words(text: str | None) -> str:
    """``text`` as a lexicon key: lower case, single spaces, no outer space ("" for None)."""
    return re.sub(r"\s+", " ", (text or "").strip().lower())
