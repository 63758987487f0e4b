"""The claims stage's lexicons, read from ``pipeline/resources/claims_*.txt``.

Each file has one entry a line (``#`` starts a comment). Two-column files
separate the entry from its value with a TAB. A malformed line raises
``ResourceError`` naming the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...lexicons import ResourceError, resource_lines

STANCES = ("assert", "deny", "accuse")
SOURCE_TYPES = ("person", "organization", "media", "government", "document", "anonymous", "unknown")

_ENTRY_RE = re.compile(r"^[a-z][a-z'’\- ]*[a-z*]$|^[a-z]$")


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
    """The packaged lexicons (read once per process)."""
    cue_verbs = {word: "assert" for word in read_words("claims_cue_verbs.txt")}
    cue_verbs.update({word: "deny" for word in read_words("claims_deny_verbs.txt")})
    cue_verbs.update({word: "accuse" for word in read_words("claims_accuse_verbs.txt")})
    multiword = tuple(
        tuple(phrase.split()) for phrase in sorted(read_words("claims_multiword_cues.txt"))
    )
    return Lexicon(
        cue_verbs=cue_verbs,
        multiword_cues=multiword,
        nominal_cues=read_mapping("claims_nominal_cues.txt", STANCES),
        anonymous_sources=read_words("claims_anonymous_sources.txt"),
        source_types=read_mapping("claims_source_types.txt", SOURCE_TYPES),
        denial_content=phrase_pattern(read_words("claims_denial_content.txt")),
        raising_verbs=read_words("claims_raising_verbs.txt"),
        not_cue_verbs=read_words("claims_not_cue_verbs.txt"),
        in_sources=read_words("claims_in_sources.txt"),
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
