"""The entities stage: named-entity mentions, abbreviations and in-article clusters.

Assigns ``doc._.newsclaims_entities`` (one dict per mention: ``start``, ``end``,
``label``, ``entity_id``, ``canonical``; character offsets into ``doc.text``) and
the span group ``doc.spans["newsclaims_entities"]`` (label = entity label,
``kb_id`` = entity_id). Requires the model's ``doc.ents`` (and sentence
boundaries, when there are any, to bound abbreviation long forms).

The algorithm is four steps of pure functions a test can call on a hand-built ``Doc``:

1. ``find_mentions``: the model's entities with the labels below, trimmed of a
   trailing possessive ("South Korea’s" → "South Korea"), junk dropped.
2. ``find_abbreviations`` + ``add_abbreviation_mentions``: "Radio Free Asia (RFA)"
   definitions found with the Schwartz & Hearst (2003) algorithm; every later
   "RFA" (a whole token) becomes a mention of the long form's entity, even where
   the model missed it.
3. ``repair_person_labels`` + ``add_surname_mentions``: bare surnames the model
   tagged ORG ("Trump insisted") are given back to PERSON, and those it missed
   ("Tester said") added, when the article names that person in full.
4. ``cluster_entities``: one entity per referent: exact repeats, surnames and
   other name parts of a person ("Kirby" → "John Kirby", the most recent
   compatible person, unless a title picks another), organisation and place
   suffixes/prefixes ("Security Council" → "United Nations Security Council",
   "Wagner" → "Wagner Group"), spelling variants ("U.S." → "United States").

``entity_at(doc, start, end)`` resolves a character span (a claim's speaker) to
the entity mention that best stands for it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from .._extensions import get_list
from ..lexicons import ResourceError, resource_lines, word_list
from ..guard import guarded

STAGE = "newsclaims_entities"

#: Model labels that name things; numbers, dates and amounts are other stages' work.
ENTITY_LABELS = frozenset(
    [
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    ]
)
#: Labels the model confuses with one another: an exact same name joins across them
#: ("Russia" tagged GPE here and ORG there is one referent).
INSTITUTION_OR_PLACE = frozenset({"ORG", "GPE", "LOC", "FAC"})
#: Labels whose shorter names may join a longer name by suffix/prefix.
AFFIX_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
#: Labels the model gives bare surnames ("Trump insisted" as ORG).
SURNAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT"})
#: Labels of names people share with places and peoples: repaired only with evidence.
SHARED_NAME_LABELS = frozenset({"NORP", "GPE", "LOC", "FAC"})
#: Places: the suffix rule keeps "North"/"New"/… (see entities_place_qualifiers.txt).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
#: Determiners and possessive pronouns the model leaves on a name ("her State Department").
#: Only lower-case pronouns: "Her Majesty" and "This Is Us" keep theirs.
LEADING_THE = re.compile(
    r"^(?:(?i:the|a|an)\s+|(?:his|her|their|its|our|my|your|this|that|these|those)\s+(?=[A-Z]))"
)
TRIM_START = " \t\r\n\"“”‘’'([{«—–-,;:"
TRIM_END = " \t\r\n\"“”‘’'()[]{}»—–-,;:!?"
NAME_SPLIT = re.compile(r"[\s\-‐‑–—/]+")
HEADLINE_LINE = re.compile(r"[^\n]+")
#: Punctuation skipped when looking for the title before a name ("[North Korean leader] Kim").
TITLE_SKIP = frozenset({"[", "]", "(", ")", ",", "“", "”", '"', "‘", "’", "'", "—", "–", "-"})
#: Words a title-case long form may contain in lower case ("Department of Justice").
LONG_FORM_FUNCTION_WORDS = frozenset(
    [
        "of",
        "and",
        "for",
        "the",
        "on",
        "in",
        "to",
        "at",
        "against",
        "without",
        "with",
        "&",
        "de",
        "du",
        "des",
        "la",
        "le",
        "al",
        "el",
        "y",
        "von",
        "van",
        "der",
        "bin",
        "ibn",
        "da",
        "di",
        "dos",
        "das",
        "del",
        "della",
    ]
)
#: Tokens a long-form window never crosses (the long form ends at the "(").
LONG_FORM_STOP = frozenset({"(", ")", ";", ":", "“", "”", '"', "—", "–", "[", "]", ","})
#: Speaker spans: which entity stands for "former CIA analyst Soo Kim" (PERSON first).
SPEAKER_LABEL_RANK = {"PERSON": 0, "ORG": 1, "NORP": 3, "GPE": 3}


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class EntityLexicons:
    """The word lists the rules use (``pipeline/resources/entities_*``)."""

    titles: frozenset[str] = frozenset()
    variants: dict[str, str] = field(default_factory=dict)
    generic_heads: frozenset[str] = frozenset()
    name_suffixes: frozenset[str] = frozenset()
    place_qualifiers: frozenset[str] = frozenset()


def _variant_table(name: str) -> dict[str, str]:
    variants: dict[str, str] = {}
    for number, line in resource_lines(name):
        names = [name_key(part) for part in line.split("\t") if part.strip()]
        if len(names) < 2:
            raise ResourceError(
                name, number, f"expected two or more tab-separated names, got {line!r}"
            )
        for variant in names:
            variants[variant] = names[0]
    return variants


@lru_cache(maxsize=1)
def load_lexicons() -> EntityLexicons:
    """Read and validate the entities resources once per process."""
    return EntityLexicons(
        titles=word_list("entities_titles.txt"),
        variants=_variant_table("entities_variants.tsv"),
        generic_heads=word_list("entities_generic_heads.txt"),
        name_suffixes=word_list("entities_name_suffixes.txt"),
        place_qualifiers=word_list("entities_place_qualifiers.txt"),
    )


# --------------------------------------------------------------------------- names


def canonical_name(text: str) -> str:
    """The name as a canonical form: no leading "the", no possessive, single spaces."""
    name = " ".join(text.split())
    name = POSSESSIVE.sub("", name).rstrip()
    stripped = LEADING_THE.sub("", name)
    return stripped or name


def name_tokens(text: str) -> tuple[str, ...]:
    """Comparable words of a name: lower case, no periods, hyphens split ("Jong-un")."""
    words = NAME_SPLIT.split(canonical_name(text).lower().replace(".", "").replace("’", "'"))
    return tuple(word.strip("'\",()[]") for word in words if word.strip("'\",()[]"))


def name_key(text: str) -> str:
    return " ".join(name_tokens(text))


# --------------------------------------------------------------------------- mentions


@dataclass
class Mention:
    """One entity mention: character offsets into ``doc.text`` and its name.

    ``same_as`` is the (start, end) of a mention it must share an entity with
    (an abbreviation and its long form); ``title`` is the title word right
    before it ("leader" in "leader Kim Jong-un"); ``headline`` says it is on a
    headline-like line, where the model often runs a name into the next word.
    """

    start: int
    end: int
    label: str
    name: str
    tokens: tuple[str, ...]
    title: str | None = None
    same_as: tuple[int, int] | None = None
    origin: str = "model"
    headline: bool = False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without edge punctuation and a final possessive."""
    while start < end and text[start] in TRIM_START:
        start += 1
    # "Students for Clean Water (SCW": the model ran into a parenthesis.
    opening = text.find("(", start, end)
    if opening > start and text.find(")", opening, end) < 0:
        end = opening
    while end > start and text[end - 1] in TRIM_END:
        end -= 1
    match = POSSESSIVE.search(text, start, end)
    if match and match.start() > start:
        end = match.start()
    while end > start and text[end - 1] in TRIM_END:
        end -= 1
    return start, end


def _title_before(doc: Doc, token_index: int, titles: frozenset[str]) -> str | None:
    """The title word just before token ``token_index`` (skipping brackets/quotes)."""
    i = token_index - 1
    while i >= 0 and (doc[i].text in TITLE_SKIP or doc[i].is_space):
        i -= 1
    if i < 0:
        return None
    word = doc[i].lower_.rstrip(".")
    return word if word in titles else None


def make_mention(
    doc: Doc,
    start: int,
    end: int,
    label: str,
    *,
    lexicons: EntityLexicons,
    origin: str = "model",
    doc_text: str | None = None,
) -> Mention | None:
    """A trimmed mention of ``doc.text[start:end]``, or None when nothing name-like is left.

    ``doc_text`` is ``doc.text`` when the caller has it (``Doc.text`` joins every
    token on each access).
    """
    doc_text = doc.text if doc_text is None else doc_text
    start, end = _trim(doc_text, start, end)
    if end <= start:
        return None
    text = doc_text[start:end]
    if not any(ch.isalpha() for ch in text):
        return None
    tokens = name_tokens(text)
    title = None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        title = _title_before(doc, span.start, lexicons.titles)
    name = canonical_name(text)
    if label == "PERSON":
        # Titles inside the model's span ("Sen. Ted Cruz", "Billionaire Donald Trump"):
        # keep the span, drop the word from the name.
        words = name.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in lexicons.titles:
            title = title or words[0].lower().rstrip(".")
            words = words[1:]
        name = " ".join(words)
        tokens = name_tokens(name)
    if not tokens:
        return None
    return Mention(start, end, label, name, tokens, title=title, origin=origin)


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Offsets of headline-like lines: short, mostly capitalised, no final period.

    Headlines ("Donald Trump Rampages Through …", "Related — White House: …") are
    where the small model runs names into the next capitalised word; their
    mentions still join clusters but do not give the canonical name.
    """
    lines = []
    for match in HEADLINE_LINE.finditer(text):
        line = match.group().strip()
        words = [word for word in line.split() if len(word) > 3 and word[0].isalpha()]
        if not words or len(line.split()) > 30 or line.endswith((".", ";", ",")):
            continue
        if sum(word[0].isupper() for word in words) >= 0.6 * len(words) and len(words) >= 2:
            lines.append((match.start(), match.end()))
    return lines


def find_mentions(doc: Doc, *, lexicons: EntityLexicons | None = None) -> list[Mention]:
    """The model's named entities (``ENTITY_LABELS``), trimmed, in document order."""
    lexicons = lexicons or load_lexicons()
    mentions = []
    doc_text = doc.text
    headlines = headline_lines(doc_text)
    headline_starts = [start for start, _ in headlines]
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        mention = make_mention(
            doc, ent.start_char, ent.end_char, ent.label_, lexicons=lexicons, doc_text=doc_text
        )
        if mention is None:
            continue
        line = bisect_right(headline_starts, mention.start) - 1
        mention.headline = line >= 0 and mention.end <= headlines[line][1]
        mentions.append(mention)
    return mentions


# --------------------------------------------------------------------------- abbreviations


@dataclass(frozen=True)
class Abbreviation:
    """A definition "long form (SHORT)": character offsets of both parts."""

    short_start: int
    short_end: int
    long_start: int
    long_end: int
    short: str
    long: str


def is_short_form(text: str) -> bool:
    """Could ``text`` be an abbreviation? "RFA", "U.N.", "KCNA" yes; "and", "Hamas" no;
    nor a party and state ("R-Texas", "D-Vt.") after a US politician's name."""
    if not 2 <= len(text) <= 10 or not text[0].isalnum():
        return False
    if "-" in text and any(ch.islower() for ch in text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 2


def best_long_form_start(short: str, long: str) -> int | None:
    """Schwartz & Hearst (2003): where in ``long`` the shortest long form of ``short`` starts.

    Each letter of the short form, from the end, is matched right to left in the
    candidate text; the first letter must begin a word. Returns the index in
    ``long`` of that word, or None when the letters do not all match.
    """
    s_index, l_index = len(short) - 1, len(long) - 1
    while s_index >= 0:
        char = short[s_index].lower()
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            long[l_index].lower() != char
            or (s_index == 0 and l_index > 0 and long[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    return long.rfind(" ", 0, l_index + 1) + 1


def _looks_like_name(text: str) -> bool:
    words = [word for word in NAME_SPLIT.split(text) if word]
    return (
        bool(words)
        and all(
            word[0].isupper() or word[0].isdigit() or word.lower() in LONG_FORM_FUNCTION_WORDS
            for word in words
        )
        and words[0][0].isupper()
    )


def find_abbreviations(doc: Doc) -> list[Abbreviation]:
    """Definitions "long form (SHORT)" and "SHORT (long form)" in ``doc``, in text order.

    Schwartz & Hearst style. "long form (SHORT)": the short form is one token
    between parentheses; the long form is looked for among the words just before
    the "(" in the same sentence (at most min(letters + 5, 2 × letters) words, as
    in the paper), and is the shortest run of words whose letters spell the short
    form in order. "SHORT (long form)": the whole parenthesis (2 to 10 words) is
    the long form when its letters spell the token before the "(" from its first
    word on.
    """
    abbreviations = []
    text = doc.text
    has_sents = doc.has_annotation("SENT_START")
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(":
            continue
        if doc[i + 2].text == ")":
            found = _long_form_before(doc, text, i, has_sents=has_sents)
        else:
            found = _long_form_inside(doc, text, i)
        if found is not None:
            abbreviations.append(found)
    return abbreviations


def _long_form_before(doc: Doc, text: str, i: int, *, has_sents: bool) -> Abbreviation | None:
    """ "Radio Free Asia (RFA)": ``doc[i]`` is the "(", ``doc[i + 1]`` the short form."""
    short_token = doc[i + 1]
    short = short_token.text
    if not is_short_form(short):
        return None
    letters = sum(ch.isalnum() for ch in short)
    max_words = min(letters + 5, letters * 2)
    sent_start = doc[i].sent.start if has_sents else 0
    first = i
    words = 0
    while first - 1 >= sent_start and words < max_words:
        previous = doc[first - 1]
        if previous.text in LONG_FORM_STOP or previous.is_space:
            break
        first -= 1
        if not previous.is_punct:
            words += 1
    if first == i:
        return None
    window_start = doc[first].idx
    window_end = doc[i - 1].idx + len(doc[i - 1].text)
    window = text[window_start:window_end]
    offset = best_long_form_start(short, window)
    if offset is None:
        return None
    long_start = window_start + offset
    long_text = text[long_start:window_end]
    # Schwartz-Hearst's sanity checks: the long form is longer than the short
    # form and does not contain it.
    if len(long_text) <= len(short) or short.lower() in long_text.lower().split():
        return None
    short_start = short_token.idx
    return Abbreviation(
        short_start, short_start + len(short), long_start, window_end, short, long_text
    )


def _long_form_inside(doc: Doc, text: str, i: int) -> Abbreviation | None:
    """ "KCNA (Korean Central News Agency)": ``doc[i]`` is the "(", the short form before it."""
    short_token = doc[i - 1]
    short = short_token.text
    if not is_short_form(short):
        return None
    close = next((j for j in range(i + 1, min(i + 13, len(doc))) if doc[j].text == ")"), None)
    if close is None or close - i - 1 < 2:
        return None
    if any(doc[j].text in LONG_FORM_STOP for j in range(i + 1, close)):
        return None
    long_start = doc[i + 1].idx
    long_end = doc[close - 1].idx + len(doc[close - 1].text)
    long_text = text[long_start:long_end]
    if best_long_form_start(short, long_text) != 0 or short.lower() in long_text.lower().split():
        return None
    short_start = short_token.idx
    return Abbreviation(
        short_start, short_start + len(short), long_start, long_end, short, long_text
    )


def add_abbreviation_mentions(
    doc: Doc,
    mentions: Sequence[Mention],
    abbreviations: Sequence[Abbreviation],
    *,
    lexicons: EntityLexicons | None = None,
) -> list[Mention]:
    """``mentions`` plus the long forms and every later short form of ``abbreviations``.

    The long form is the model's entity that contains it ("White House National
    Security Council" for the Schwartz–Hearst long form "National Security
    Council" of NSC: the letters N-S-C pick the shorter run, the entity around it
    is the referent), else the long form itself becomes a mention (label of the
    model's entity ending where it ends, else ORG) if it looks like a name. Every
    occurrence of the short form as a whole token from the definition on (up to
    the next definition of the same short form) is a mention of that entity.
    """
    lexicons = lexicons or load_lexicons()
    # Copies: the links below must not change the caller's mentions.
    result = [copy(m) for m in sorted(mentions, key=lambda m: (m.start, m.end))]
    if not abbreviations:
        return result
    doc_text = doc.text
    starts = [m.start for m in result]

    def overlapping(start: int, end: int) -> list[int]:
        # Mentions never nest, so those overlapping [start, end) are contiguous.
        i = bisect_right(starts, start) - 1
        found = []
        i = max(i, 0)
        while i < len(result) and result[i].start < end:
            if result[i].end > start:
                found.append(i)
            i += 1
        return found

    by_text: dict[str, list[int]] = defaultdict(list)
    shorts = {abbreviation.short for abbreviation in abbreviations}
    for token in doc:
        if token.text in shorts:
            by_text[token.text].append(token.idx)

    definitions = sorted(abbreviations, key=lambda a: a.short_start)
    for n, abbreviation in enumerate(definitions):
        hits = overlapping(abbreviation.long_start, abbreviation.long_end)
        containing = [
            i
            for i in hits
            if result[i].start <= abbreviation.long_start and abbreviation.long_end <= result[i].end
        ]
        if containing:
            long_mention = result[containing[0]]
        else:
            if not _looks_like_name(doc_text[abbreviation.long_start : abbreviation.long_end]):
                continue
            label = next(
                (result[i].label for i in hits if result[i].end == abbreviation.long_end), "ORG"
            )
            created = make_mention(
                doc,
                abbreviation.long_start,
                abbreviation.long_end,
                label,
                lexicons=lexicons,
                origin="long_form",
                doc_text=doc_text,
            )
            if created is None:
                continue
            for i in reversed(hits):
                del result[i]
            long_mention = created
            result.append(created)
            result.sort(key=lambda m: (m.start, m.end))
            starts = [m.start for m in result]
        anchor = (long_mention.start, long_mention.end)
        short = abbreviation.short
        until = next(
            (later.short_start for later in definitions[n + 1 :] if later.short == short),
            len(doc_text) + 1,
        )
        added = False
        for start in by_text[abbreviation.short]:
            if start < abbreviation.short_start or start >= until:
                continue
            end = start + len(abbreviation.short)
            hits = overlapping(start, end)
            if hits:
                exact = [i for i in hits if result[i].start == start and result[i].end == end]
                if exact and (result[exact[0]].start, result[exact[0]].end) != anchor:
                    result[exact[0]].same_as = anchor
                    result[exact[0]].label = long_mention.label
                continue
            short_mention = make_mention(
                doc,
                start,
                end,
                long_mention.label,
                lexicons=lexicons,
                origin="abbreviation",
                doc_text=doc_text,
            )
            if short_mention is None:
                continue
            short_mention.same_as = anchor
            result.append(short_mention)
            added = True
        if added:
            result.sort(key=lambda m: (m.start, m.end))
            starts = [m.start for m in result]
    return result


# --------------------------------------------------------------------------- clusters


@dataclass
class _Cluster:
    mentions: list[int] = field(default_factory=list)
    names: set[tuple[str, ...]] = field(default_factory=set)
    keys: set[tuple[str, str]] = field(default_factory=set)
    fullest: tuple[str, ...] = ()
    titles: set[str] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)
    last: int = -1


def _label_group(label: str) -> str:
    return "INSTITUTION_OR_PLACE" if label in INSTITUTION_OR_PLACE else label


def _exact_key(mention: Mention, lexicons: EntityLexicons) -> tuple[str, str]:
    key = " ".join(mention.tokens)
    if mention.label == "NORP" and key.endswith("s") and len(key) > 4:
        key = key[:-1]  # "North Koreans" / "North Korean"
    return (_label_group(mention.label), lexicons.variants.get(key, key))


def is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    """Are the words of ``short`` in ``long``, in order ("Jong Un" in "Kim Jong Un")?"""
    words = iter(long)
    return all(word in words for word in short)


def affix_match(
    short: tuple[str, ...], long: tuple[str, ...], label: str, lexicons: EntityLexicons
) -> bool:
    """May ``short`` name the same organisation/place as the longer ``long``?

    Suffix: "Security Council" of "United Nations Security Council", unless the
    short name is one generic word ("House") or, for places, the dropped words
    qualify the place ("North Korea" is not "Korea"). Prefix: "Wagner" of
    "Wagner Group", only when the dropped words are name suffixes ("Group", "Inc").
    """
    n = len(short)
    if n == 0 or n >= len(long):
        return False
    if n == 1 and short[0] in lexicons.generic_heads:
        return False
    if long[-n:] == short:
        dropped = long[:-n]
        if n == 1 and dropped[-1] in LONG_FORM_FUNCTION_WORDS:
            return False  # "Justice" is not the head of "Court of Justice"
        return label not in PLACE_LABELS or not any(
            word in lexicons.place_qualifiers for word in dropped
        )
    if long[:n] == short:
        return all(word in lexicons.name_suffixes for word in long[n:])
    return False


def _compatible(mention: Mention, cluster: _Cluster, lexicons: EntityLexicons) -> bool:
    if mention.label == "PERSON":
        if "PERSON" not in cluster.labels:
            return False
        return mention.tokens in cluster.names or is_subsequence(mention.tokens, cluster.fullest)
    if _exact_key(mention, lexicons) in cluster.keys:
        return True
    if mention.label not in AFFIX_LABELS or mention.label not in cluster.labels:
        return False
    return affix_match(mention.tokens, cluster.fullest, mention.label, lexicons) or affix_match(
        cluster.fullest, mention.tokens, mention.label, lexicons
    )


def _fuller(a: tuple[str, ...], a_name: str, b: tuple[str, ...], b_name: str) -> bool:
    return (len(a), len(a_name)) > (len(b), len(b_name))


def _lowercase_word(word: str, after_hyphen: bool) -> bool:
    """A lower-case word that is no particle ("spent" in "Bush-spent"); a short
    syllable after a hyphen is part of the name ("Kim Jong-un", "Moon Jae-in")."""
    if not word or not word[0].islower() or word.lower() in LONG_FORM_FUNCTION_WORDS:
        return False
    return not (after_hyphen and len(word) <= 3)


def _canonical_rank(mention: Mention) -> tuple:
    """How good ``mention`` is as its entity's canonical name (higher is better).

    The fullest name (most words, then most characters) among the names that
    look clean: not on a headline line, no possessor ("Clinton’s State
    Department"), no lower-case word other than a
    particle ("Jeb Bush-spent"), no digits in a person's name ("Anderson Cooper
    360"); then mixed case over capitals ("Pasadena" over the dateline's
    "PASADENA"). Nationalities prefer the shorter of equally long names
    ("North Korean" over "North Koreans"): the plural is not fuller.
    """
    flawed = (
        mention.headline
        or "’s " in mention.name
        or "'s " in mention.name
        or any(
            _lowercase_word(word, index > 0)
            for whole in mention.name.split()
            for index, word in enumerate(whole.split("-"))
        )
    )
    if mention.label == "PERSON" and any(ch.isdigit() for ch in mention.name):
        flawed = True
    length = -len(mention.name) if mention.label == "NORP" else len(mention.name)
    return (not flawed, len(mention.tokens), length, not mention.name.isupper())


def cluster_entities(
    doc: Doc, mentions: Sequence[Mention], *, lexicons: EntityLexicons | None = None
) -> list[dict[str, Any]]:
    """Group ``mentions`` into entities; one dict per mention, in document order.

    Each mention joins, in text order, a compatible earlier entity (see
    ``_compatible``); among several, one whose full name was introduced with the
    same title as this mention ("leader Kim Jong-un" … "leader Kim") wins, else
    the most recently mentioned ("Soo Kim" … "Kim continued"). A name with no
    earlier match but a fuller one later ("Kirby" … "John Kirby") starts the
    entity that fuller name will join. ``same_as`` links (abbreviations) are
    obeyed first. Entity ids are numbered by first mention; ``canonical`` is the
    fullest name in the entity.
    """
    lexicons = lexicons or load_lexicons()
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    clusters: list[_Cluster] = []
    cluster_of: dict[int, int] = {}
    deferred: list[int] = []  # linked to a mention further on ("KCNA (Korean Central …)")
    at_offsets: dict[tuple[int, int], int] = {}
    by_token: dict[str, set[int]] = defaultdict(set)
    by_key: dict[tuple[str, str], set[int]] = defaultdict(set)
    reserved: dict[int, int] = {}  # mention index -> cluster it was promised to

    # Later fuller names, for names that come before them ("Kirby" … "John Kirby").
    later_by_token: dict[str, list[int]] = defaultdict(list)
    for index, mention in enumerate(ordered):
        if len(mention.tokens) > 1 and mention.same_as is None:
            for word in set(mention.tokens):
                later_by_token[word].append(index)

    def add(index: int, cluster_index: int) -> None:
        mention = ordered[index]
        cluster = clusters[cluster_index]
        cluster.mentions.append(index)
        cluster.names.add(mention.tokens)
        key = _exact_key(mention, lexicons)
        cluster.keys.add(key)
        by_key[key].add(cluster_index)
        cluster.labels.add(mention.label)
        if mention.title:
            cluster.titles.add(mention.title)
        if mention.same_as is None and _fuller(
            mention.tokens, mention.name, cluster.fullest, " ".join(cluster.fullest)
        ):
            cluster.fullest = mention.tokens
        cluster.last = max(cluster.last, mention.start)
        for word in mention.tokens:
            by_token[word].add(cluster_index)
        cluster_of[index] = cluster_index
        at_offsets[(mention.start, mention.end)] = cluster_index

    def later_fuller(index: int) -> int | None:
        mention = ordered[index]
        if not mention.tokens:
            return None
        pool = later_by_token.get(mention.tokens[-1], [])
        for candidate_index in pool[bisect_right(pool, index) :]:
            candidate = ordered[candidate_index]
            if len(candidate.tokens) <= len(mention.tokens):
                continue
            if mention.label == "PERSON" and candidate.label == "PERSON":
                if is_subsequence(mention.tokens, candidate.tokens):
                    return candidate_index
            elif (
                mention.label == candidate.label
                and mention.label in AFFIX_LABELS
                and (affix_match(mention.tokens, candidate.tokens, mention.label, lexicons))
            ):
                return candidate_index
        return None

    for index, mention in enumerate(ordered):
        if mention.same_as is not None and mention.same_as in at_offsets:
            add(index, at_offsets[mention.same_as])
            continue
        if mention.same_as is not None and mention.same_as > (mention.start, mention.end):
            deferred.append(index)
            continue
        if index in reserved:
            add(index, reserved.pop(index))
            continue
        candidate_ids = set(by_key.get(_exact_key(mention, lexicons), ()))
        for word in mention.tokens:
            candidate_ids |= by_token.get(word, set())
        candidates = [c for c in candidate_ids if _compatible(mention, clusters[c], lexicons)]
        if candidates:
            if mention.title:
                titled = [c for c in candidates if mention.title in clusters[c].titles]
                candidates = titled or candidates
            add(index, max(candidates, key=lambda c: clusters[c].last))
            continue
        clusters.append(_Cluster())
        new_cluster = len(clusters) - 1
        fuller = later_fuller(index)
        if fuller is not None and fuller not in reserved:
            reserved[fuller] = new_cluster
        add(index, new_cluster)
    for index in deferred:
        anchor = ordered[index].same_as
        if anchor in at_offsets:
            add(index, at_offsets[anchor])
        else:
            clusters.append(_Cluster())
            add(index, len(clusters) - 1)

    # Canonical names and ids in order of first mention.
    entity_ids: dict[int, str] = {}
    canonical: dict[int, str] = {}
    for cluster_index, cluster in enumerate(clusters):
        names = [
            ordered[index]
            for index in sorted(cluster.mentions)
            if ordered[index].origin != "abbreviation" or len(cluster.mentions) == 1
        ] or [ordered[cluster.mentions[0]]]
        # max() keeps the first of equals: the earliest mention.
        canonical[cluster_index] = max(names, key=_canonical_rank).name
    records = []
    for index, mention in enumerate(ordered):
        cluster_index = cluster_of[index]
        if cluster_index not in entity_ids:
            entity_ids[cluster_index] = f"e{len(entity_ids) + 1}"
        records.append(
            {
                "start": mention.start,
                "end": mention.end,
                "label": mention.label,
                "entity_id": entity_ids[cluster_index],
                "canonical": canonical[cluster_index],
            }
        )
    _link_nationalities(records)
    return records


def _related_country(nationality: str, countries: dict[str, str]) -> str | None:
    """The country a nationality adjective names: "North Korean" → "North Korea"."""
    key = name_key(nationality)
    for country_key, entity_id in countries.items():
        if key.startswith(country_key) or (
            len(country_key) >= 6 and key.startswith(country_key[:-1])  # Ukraine → Ukrainian
        ):
            return entity_id
    return None


def _link_nationalities(records: list[dict[str, Any]]) -> None:
    """Give NORP mentions a ``related`` entity_id: the country entity they derive from.

    "North Korean" and "North Korea" stay two entities (a people or an adjective
    is not the state), but a reader may want the link. Only the entities stage's
    dicts carry it; the output record keeps the contract's fields.
    """
    countries = {
        name_key(record["canonical"]): record["entity_id"]
        for record in records
        if record["label"] == "GPE"
    }
    if not countries:
        return
    by_entity: dict[str, str | None] = {}
    for record in records:
        if record["label"] != "NORP":
            continue
        entity_id = record["entity_id"]
        if entity_id not in by_entity:
            by_entity[entity_id] = _related_country(record["canonical"], countries)
        if by_entity[entity_id] is not None:
            record["related"] = by_entity[entity_id]


def repair_person_labels(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with surnames the model mislabelled given back to PERSON.

    The small model often tags a bare surname as ORG ("Trump insisted", "Calderon
    told CNBC"): in a sample of PolNeAR train articles about four such mentions
    per article. A one-word ORG/WORK_OF_ART/PRODUCT mention that is the last word
    of a full PERSON name in the same article becomes PERSON; a one-word
    NORP/GPE/LOC/FAC only when the model also used that word alone as a PERSON
    ("Bannon will interview …" tagged FAC), since places and peoples share names
    with people ("Jordan", "Washington", "American"). Acronyms ("SVP") are left
    alone.
    """
    surnames = {m.tokens[-1] for m in mentions if m.label == "PERSON" and len(m.tokens) > 1}
    bare_persons = {m.tokens for m in mentions if m.label == "PERSON" and len(m.tokens) == 1}
    repaired = []
    for mention in mentions:
        if (
            len(mention.tokens) == 1
            and mention.same_as is None
            and mention.tokens[0] in surnames
            and not mention.name.isupper()
            and (
                mention.label in SURNAME_LABELS
                or (mention.label in SHARED_NAME_LABELS and mention.tokens in bare_persons)
            )
        ):
            mention = copy(mention)
            mention.label = "PERSON"
        repaired.append(mention)
    return repaired


def add_surname_mentions(
    doc: Doc, mentions: Sequence[Mention], *, lexicons: EntityLexicons | None = None
) -> list[Mention]:
    """``mentions`` plus the surnames of named people where the model tagged nothing.

    The small model misses bare surnames as it misses abbreviations ("Tester
    said", "Stumpf said on Tuesday": about one per PolNeAR dev article), and
    those are often speakers. A token that is the last word of a full PERSON
    name in the article (not on a headline line), written the same way,
    capitalised but not in capitals, a proper noun where there are tags (unless
    the model tagged that surname alone as PERSON elsewhere), and outside every
    entity of the model, becomes a PERSON mention.
    """
    lexicons = lexicons or load_lexicons()
    result = sorted(mentions, key=lambda m: (m.start, m.end))
    surnames = set()
    for mention in result:
        words = mention.name.split()
        if mention.label == "PERSON" and len(words) > 1 and not mention.headline:
            last = words[-1]
            if len(last) >= 3 and last[0].isupper() and not last.isupper() and last.isalpha():
                surnames.add(last)
    if not surnames:
        return result
    # Surnames the model itself tagged alone as PERSON need no proper-noun tag
    # ("Trump charges that …", where the tagger reads a noun).
    tagged_alone = {m.name for m in result if m.label == "PERSON" and m.name in surnames}
    doc_text = doc.text
    has_tags = doc.has_annotation("POS")
    starts = [m.start for m in result]
    added = []
    for token in doc:
        if token.text not in surnames or token.ent_type_:
            continue
        if has_tags and token.pos_ != "PROPN" and token.text not in tagged_alone:
            continue
        i = bisect_right(starts, token.idx) - 1
        if i >= 0 and result[i].end > token.idx:
            continue  # inside a mention
        mention = make_mention(
            doc,
            token.idx,
            token.idx + len(token.text),
            "PERSON",
            lexicons=lexicons,
            origin="surname",
            doc_text=doc_text,
        )
        if mention is not None:
            added.append(mention)
    return sorted(result + added, key=lambda m: (m.start, m.end)) if added else result


def find_entities(doc: Doc, *, lexicons: EntityLexicons | None = None) -> list[dict[str, Any]]:
    """Mentions, abbreviations and clusters of ``doc``: the stage's whole output."""
    lexicons = lexicons or load_lexicons()
    mentions = find_mentions(doc, lexicons=lexicons)
    mentions = add_abbreviation_mentions(doc, mentions, find_abbreviations(doc), lexicons=lexicons)
    mentions = add_surname_mentions(doc, repair_person_labels(mentions), lexicons=lexicons)
    return cluster_entities(doc, mentions, lexicons=lexicons)


# --------------------------------------------------------------------------- lookup


def _head_offsets(doc: Doc, start: int, end: int) -> list[tuple[int, int]] | None:
    """Character offsets of the syntactic head of ``doc.text[start:end]`` and its
    appositions ("the outlet the Korean Central News Agency (KCNA)": outlet, Agency,
    KCNA), or None when the doc has no dependency parse."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    heads, stack = [], [span.root]
    while stack:
        token = stack.pop()
        heads.append((token.idx, token.idx + len(token.text)))
        stack.extend(
            child
            for child in token.children
            if child.dep_ == "appos" and span.start <= child.i < span.end
        )
    return heads


def entity_at(
    doc: Doc,
    start: int,
    end: int,
    *,
    labels: Iterable[str] | None = None,
    head: bool = False,
    text: str | None = None,
) -> dict[str, Any] | None:
    """The entity mention that best stands for ``doc.text[start:end]``, or None.

    A mention containing the span wins (the smallest); else, among mentions
    overlapping it, a PERSON before an ORG before anything else ("former CIA
    analyst Soo Kim" → Soo Kim; "South Korea’s JoongAng Daily" → JoongAng Daily),
    a mention not followed by a possessive ("South Korea’s"), then the longest.
    ``labels`` restricts the labels considered.

    With ``head=True`` (for speakers), only a mention holding the span's
    syntactic head or an apposition to it counts, so a modifier does not stand
    for the phrase: "North Korean officials" and "the Russian embassy in
    Pyongyang" give None, "Kwon Jong Gun, director general of the North Korean
    Department …" gives Kwon Jong Gun. Without a parse, ``head`` is ignored.
    ``text`` is ``doc.text`` when the caller has it: spaCy rebuilds that
    string from the tokens on every access.
    """
    allowed = set(labels) if labels is not None else None
    heads = _head_offsets(doc, start, end) if head else None
    entities = doc._.get(STAGE) or []
    best: tuple | None = None
    chosen = None
    for entity in entities:
        if entity["end"] <= start or entity["start"] >= end:
            continue
        if allowed is not None and entity["label"] not in allowed:
            continue
        if heads is not None and not any(
            entity["start"] < head_end and head_start < entity["end"]
            for head_start, head_end in heads
        ):
            continue
        contains = entity["start"] <= start and end <= entity["end"]
        if text is None:
            text = doc.text
        possessive = bool(POSSESSIVE.match(text[entity["end"] : entity["end"] + 2]))
        length = entity["end"] - entity["start"]
        score = (
            0 if contains else 1,
            length if contains else 0,
            SPEAKER_LABEL_RANK.get(entity["label"], 2),
            1 if possessive else 0,
            -length,
            entity["start"],
        )
        if best is None or score < best:
            best, chosen = score, entity
    return chosen


# --------------------------------------------------------------------------- component


class EntitiesStage:
    """Writes ``doc._.newsclaims_entities`` and ``doc.spans["newsclaims_entities"]``."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str = STAGE) -> None:
        self.name = name
        self.spans_key = spans_key
        self.lexicons = load_lexicons()

    @guarded(STAGE)
    def __call__(self, doc: Doc) -> Doc:
        entities = find_entities(doc, lexicons=self.lexicons)
        doc.spans[self.spans_key] = SpanGroup(
            doc, name=self.spans_key, spans=_entity_spans(doc, entities)
        )
        get_list(doc, STAGE).extend(entities)
        return doc


def _entity_spans(doc: Doc, entities: Iterable[dict[str, Any]]) -> list:
    """The entities as ``Span``s (label, kb_id = entity_id) for the span group."""
    spans = []
    for entity in entities:
        span = doc.char_span(
            entity["start"],
            entity["end"],
            label=entity["label"],
            kb_id=entity["entity_id"],
            alignment_mode="expand",
        )
        if span is not None:
            spans.append(span)
    return spans


@Language.factory(
    "newsclaims_entities",
    assigns=["doc._.newsclaims_entities", "doc.spans"],
    requires=["doc.ents"],
    default_config={"spans_key": STAGE},
)
def make_entities(nlp: Language, name: str, spans_key: str = STAGE) -> EntitiesStage:
    return EntitiesStage(nlp, name, spans_key=spans_key)


__all__ = [
    "Abbreviation",
    "EntitiesStage",
    "EntityLexicons",
    "Mention",
    "add_abbreviation_mentions",
    "add_surname_mentions",
    "cluster_entities",
    "entity_at",
    "find_abbreviations",
    "find_entities",
    "find_mentions",
    "headline_lines",
    "load_lexicons",
    "make_entities",
    "repair_person_labels",
]
