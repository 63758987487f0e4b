"""The claims stage's lexicons, read from ``pipeline/components/claims/data/*.txt``.

Each file has one lower-case entry a line; two-column files separate the entry
from its value with a TAB. They are read by ``pipeline.lexicons`` (``word_list``,
``resource_rows``: blank lines and lines starting with ``#`` are skipped), and a
malformed line raises ``ResourceError`` naming the file and the line.
``read_lexicons`` builds the ``ClaimsLexicons`` from the shipped files or from the
texts a saved pipeline carries (``from_disk``); ``load_lexicons`` is the shipped
one, read once. The cue model's weights (``data/cue_model.json``) are not a
lexicon: ``cue_model`` reads them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ...lexicons import ResourceError, alternation, resource_rows, word_list
from ...schema import SOURCE_TYPES, STANCES

DATA = "components/claims/data"
#: The one-column word lists (``lexicons.words[name]``), by file name without ``.txt``;
#: each file's header says what its words do.
WORD_LISTS = (
    "anonymous_sources",
    "raising_verbs",
    "not_cue_verbs",
    "in_sources",
    "cognitive_verbs",
    "xcomp_content_verbs",
    "clause_as_xcomp_verbs",
    "no_object_content_verbs",
    "object_content_verbs",
    "object_and_rest_verbs",
    "view_as_verbs",
    "rest_prepositions",
    "content_prepositions",
    "tell_verbs",
    "addressee_and_rest_verbs",
    "question_verbs",
    "quote_addressee_verbs",
    "cue_adverbs",
    "catenative_verbs",
    "source_adverbs",
    "issuing_verbs",
    "floating_quantifiers",
    "not_speakers",
)
#: The stage's data files (names for ``pipeline.lexicons``), as ``to_disk`` saves them.
DATA_FILES = tuple(
    f"{DATA}/{name}.txt"
    for name in (
        "cue_verbs",
        "deny_verbs",
        "accuse_verbs",
        "multiword_cues",
        "nominal_cues",
        "source_types",
        "denial_content",
        "phrasal_cues",
        "discourse_markers",
        "lemma_fixes",
        "epithets",
        *WORD_LISTS,
    )
)


def read_pairs(name: str, *, text: str | None = None) -> list[tuple[int, str, str]]:
    """``(line number, entry, value)`` of a two-column lexicon; the entry is lower case."""
    pairs = []
    for number, (entry, value) in resource_rows(name, (2, 2), text=text):
        if entry != entry.lower():
            raise ResourceError(name, number, f"{entry!r} is not lower case")
        pairs.append((number, entry, value))
    return pairs


def read_mapping(name: str, allowed: tuple[str, ...], *, text: str | None = None) -> dict[str, str]:
    """A two-column lexicon whose values must be in ``allowed``."""
    mapping = {}
    for number, entry, value in read_pairs(name, text=text):
        if value not in allowed:
            raise ResourceError(name, number, f"value {value!r} is not one of {', '.join(allowed)}")
        mapping[entry] = value
    return mapping


@dataclass(frozen=True)
class ClaimsLexicons:
    #: reporting verb lemma -> stance
    cue_verbs: dict[str, str] = field(default_factory=dict)
    #: multi-word cues as word tuples ("according", "to")
    multiword_cues: tuple[tuple[str, ...], ...] = ()
    #: nominal cue lemma -> stance
    nominal_cues: dict[str, str] = field(default_factory=dict)
    #: head lemma (or lower-case phrase) -> source type
    source_types: dict[str, str] = field(default_factory=dict)
    #: words and phrases that make a statement a denial ("fabricating", "baseless")
    denial_content: re.Pattern[str] | None = None
    #: verb lemma -> the particles that make it a cue ("called for", "pointed out")
    phrasal_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    #: (subject, verb lemma) pairs that are discourse markers ("you know")
    discourse_markers: frozenset[tuple[str, ...]] = frozenset()
    #: word form -> lemma, where the small model lemmatises wrongly ("hoped")
    lemma_fixes: dict[str, str] = field(default_factory=dict)
    #: words stripped from the front of an unnamed source's name ("alleged …")
    epithets: re.Pattern[str] | None = None
    #: the word lists of ``WORD_LISTS`` by name: ``words["tell_verbs"]`` are the verbs
    #: of telling, whose object is the addressee ("told RFA")
    words: Mapping[str, frozenset[str]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_lexicons() -> ClaimsLexicons:
    """The shipped lexicons (read once per process)."""
    return read_lexicons()


def read_lexicons(texts: Mapping[str, str] | None = None) -> ClaimsLexicons:
    """The lexicons from ``texts`` (``{name: text}``, as ``StageData`` holds them), the
    shipped file for any name missing there."""
    texts = texts or {}

    def path(name: str) -> str:
        return f"{DATA}/{name}.txt"

    def words(name: str) -> frozenset[str]:
        return word_list(path(name), text=texts.get(path(name)))

    def mapping(name: str, allowed: tuple[str, ...]) -> dict[str, str]:
        return read_mapping(path(name), allowed, text=texts.get(path(name)))

    def pairs(name: str) -> list[tuple[int, str, str]]:
        return read_pairs(path(name), text=texts.get(path(name)))

    cue_verbs = {word: "assert" for word in words("cue_verbs")}
    cue_verbs.update({word: "deny" for word in words("deny_verbs")})
    cue_verbs.update({word: "accuse" for word in words("accuse_verbs")})
    multiword = tuple(tuple(phrase.split()) for phrase in sorted(words("multiword_cues")))
    phrasal: dict[str, set[str]] = {}
    for _number, verb, particle in pairs("phrasal_cues"):
        phrasal.setdefault(verb, set()).add(particle)
    return ClaimsLexicons(
        cue_verbs=cue_verbs,
        multiword_cues=multiword,
        nominal_cues=mapping("nominal_cues", STANCES),
        source_types=mapping("source_types", SOURCE_TYPES),
        denial_content=phrase_pattern(words("denial_content")),
        phrasal_cues={verb: frozenset(particles) for verb, particles in phrasal.items()},
        discourse_markers=frozenset(tuple(p.split()) for p in words("discourse_markers")),
        lemma_fixes={form: lemma for _number, form, lemma in pairs("lemma_fixes")},
        epithets=epithet_pattern(words("epithets")),
        words={name: words(name) for name in WORD_LISTS},
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


def epithet_pattern(words: frozenset[str]) -> re.Pattern[str] | None:
    """The run of epithets (each followed by a space) at the start of a name."""
    if not words:
        return None
    return re.compile(r"^(?:(?:" + alternation(sorted(words)) + r")\s+)+")
