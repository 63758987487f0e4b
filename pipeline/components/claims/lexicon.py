"""The claims stage's lexicons, read from ``pipeline/components/claims/data/*.txt``.

Each file has one entry a line (``#`` starts a comment). Two-column files
separate the entry from its value with a TAB. A malformed line raises
``ResourceError`` naming the file and the line. ``read_lexicon`` builds the
``Lexicon`` from the shipped files or from saved copies (``from_disk``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ...lexicons import ResourceError, resource_lines
from ...schema import SOURCE_TYPES, STANCES

DATA = "components/claims/data"
#: The stage's lexicon files (names for ``pipeline.lexicons``), as ``to_disk`` saves them.
LEXICON_FILES = tuple(
    f"{DATA}/{name}.txt"
    for name in (
        "cue_verbs",
        "deny_verbs",
        "accuse_verbs",
        "multiword_cues",
        "nominal_cues",
        "anonymous_sources",
        "source_types",
        "denial_content",
        "raising_verbs",
        "not_cue_verbs",
        "in_sources",
    )
)

_ENTRY_RE = re.compile(r"^[a-z][a-z'’\- ]*[a-z*]$|^[a-z]$")


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (for sets kept in code)."""
    return frozenset(words.split())


def read_entries(name: str, *, text: str | None = None) -> list[tuple[int, str, str | None]]:
    """``(line number, entry, value or None)`` of a resource file, validated."""
    entries = []
    for number, raw in resource_lines(name, text=text):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        entry, _, value = line.partition("\t")
        entry = entry.strip()
        if not _ENTRY_RE.match(entry):
            raise ResourceError(name, number, f"{raw!r} is not a lower-case word or phrase")
        entries.append((number, entry, value.strip() or None))
    return entries


def read_words(name: str, *, text: str | None = None) -> frozenset[str]:
    """A one-column lexicon; a second column is an error."""
    words = set()
    for number, entry, value in read_entries(name, text=text):
        if value is not None:
            raise ResourceError(name, number, f"unexpected second column {value!r}")
        words.add(entry)
    return frozenset(words)


def read_mapping(name: str, allowed: tuple[str, ...], *, text: str | None = None) -> dict[str, str]:
    """A two-column lexicon whose values must be in ``allowed``."""
    mapping = {}
    for number, entry, value in read_entries(name, text=text):
        if value not in allowed:
            raise ResourceError(name, number, f"value {value!r} is not one of {', '.join(allowed)}")
        mapping[entry] = value
    return mapping


@dataclass(frozen=True)
class Lexicon:
    #: reporting verb lemma -> stance
    cue_verbs: dict[str, str] = field(default_factory=dict)
    #: multi-word cues as word tuples ("according", "to")
    multiword_cues: tuple[tuple[str, ...], ...] = ()
    #: nominal cue lemma -> stance
    nominal_cues: dict[str, str] = field(default_factory=dict)
    #: head lemmas of unnamed/group sources
    anonymous_sources: frozenset[str] = frozenset()
    #: head lemma (or lower-case phrase) -> source type
    source_types: dict[str, str] = field(default_factory=dict)
    #: words and phrases that make a statement a denial ("fabricating", "baseless")
    denial_content: re.Pattern[str] | None = None
    #: verbs of seeming ("X seems to Y": no source, content X … to Y)
    raising_verbs: frozenset[str] = frozenset()
    #: verbs with a that-clause that are never cues ("this means that …")
    not_cue_verbs: frozenset[str] = frozenset()
    #: nouns that are the source of what is "in" them ("in a CNN poll, …")
    in_sources: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped lexicons (read once per process)."""
    return read_lexicon()


def read_lexicon(texts: Mapping[str, str] | None = None) -> Lexicon:
    """The lexicons from ``texts`` (``{file name: text}``, as ``load_saved`` gives
    them), the shipped file for any name missing there."""
    texts = texts or {}

    def words(name: str) -> frozenset[str]:
        name = f"{DATA}/{name}.txt"
        return read_words(name, text=texts.get(name))

    def mapping(name: str, allowed: tuple[str, ...]) -> dict[str, str]:
        name = f"{DATA}/{name}.txt"
        return read_mapping(name, allowed, text=texts.get(name))

    cue_verbs = {word: "assert" for word in words("cue_verbs")}
    cue_verbs.update({word: "deny" for word in words("deny_verbs")})
    cue_verbs.update({word: "accuse" for word in words("accuse_verbs")})
    multiword = tuple(tuple(phrase.split()) for phrase in sorted(words("multiword_cues")))
    return Lexicon(
        cue_verbs=cue_verbs,
        multiword_cues=multiword,
        nominal_cues=mapping("nominal_cues", STANCES),
        anonymous_sources=words("anonymous_sources"),
        source_types=mapping("source_types", SOURCE_TYPES),
        denial_content=phrase_pattern(words("denial_content")),
        raising_verbs=words("raising_verbs"),
        not_cue_verbs=words("not_cue_verbs"),
        in_sources=words("in_sources"),
    )


def phrase_pattern(phrases: frozenset[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any phrase as whole words (``*`` ends a prefix)."""
    if not phrases:
        return None
    alternatives = []
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase.endswith("*"):
            alternatives.append(re.escape(phrase[:-1]) + r"\w*")
        else:
            alternatives.append(re.escape(phrase))
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)
