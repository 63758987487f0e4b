"""One speaker across articles: a corpus-wide speaker id for every claim's source.

Within an article the claims stage already resolves a source to its fullest
name ("Kirby" -> canonical "John Kirby"). Across articles, ``resolve_speakers``
joins those canonical names by a deterministic rule over the records alone
(no lookup anywhere):

1. **People** (source type ``person``). The name is what follows the last
   title word ("Mr", "President", "spokesman", …: ``TITLE_WORDS``, the entities
   stage's ``titles.txt`` and a few role words) or other
   lower-case word of the source's canonical name ("National Security Council
   spokesman John Kirby" -> "John Kirby"; "von", "der" … may stand inside a
   name, and so may a word they start with a hyphen, "al-Assad"; a title word
   that ends it is part of it: "Martin Luther King"), without suffixes
   ("Jr"); names are compared case- and accent-insensitively, word by word,
   and names that differ only by hyphens and spaces are one name ("Kim Jong
   Un" = "Kim Jong-un", compared in the form with the fewest words).
   - A name of two or more words is one speaker with every other name of the
     same first and last word ("John F. Kirby" = "John Kirby"); an initial
     ("J. Kirby") joins the one full name with that last word and a first
     word of that initial.
   - A surname that begins with a particle ("von der Leyen", "bin Salman")
     joins the one full name with that last word ("Ursula von der Leyen").
   - A one-word name ("Kirby") joins the one full name in the corpus that
     ends with it; when none or several do, or the word is also a full name's
     first word ("Kim": "Kim Jong-un" and "Soo Kim"), it stays a speaker of
     its own. A first name alone ("John") never joins a full name: across
     articles it could be anyone (family-name-first names, "Kim" for "Kim
     Jong-un", are joined within an article, where the claims stage resolves
     them).
   - A title alone ("President", "the Prime Minister", "the spokesman": every
     word a title word) is never joined across articles, like an anonymous
     source.
2. **Organisations, governments, media, documents** (every other named
   type): the canonical name without a leading "the", compared case- and
   accent-insensitively; an acronym, with or without "the" and dots ("NSC",
   "The NSC", "U.N."), is its letters ("U.N." = "UN") and joins the one name
   whose initials it is ("National Security Council", "United Nations").
3. **Anonymous and unknown sources** ("officials", "experts") are never joined
   across articles: each article's "officials" are other people.

The speaker's name is the most frequent full form of its names (ties: the
longest, then alphabetical). A person's id is ``person:`` and that name as a
slug (``person:john-kirby``); an organisation's is ``org:`` and the slug of
its key, the name without "the" (``org:white-house`` however often "The
White House" is written, ``org:national-security-council`` for "NSC");
anonymous sources and bare titles get ``anonymous:ARTICLE:slug``. Titles and
organisations come from the mentions as written ("National Security Council
spokesman John Kirby": organisation "National Security Council", title
"spokesman"), for display only: they never join or split speakers.

``speaker_rows(records)`` sums up each speaker (articles, claims, denials,
accusations, first and last publication date): the review's speakers page
shows them and the DuckDB export's ``speakers_across_articles`` view computes
the same from its tables.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..lexicons import word_list

#: The entities stage's title words ("mr", "president", "spokesman", "analyst"), one list
#: for both: read through ``pipeline.lexicons`` (not the stage's package, which loads spaCy).
ENTITY_TITLES = "components/entities/data/titles.txt"
#: Words of a role that the entities stage does not count as titles (dropping them from
#: a PERSON span would change its name there) but that end a role before a name here:
#: "Former Secretary of State", "House Speaker", "Deputy Foreign Minister".
ROLE_WORDS = frozenset(
    {
        "acting",
        "commissioner",
        "defence",
        "defense",
        "deputy",
        "foreign",
        "former",
        "press",
        "secretary-general",
        "speaker",
        "state",
        "vice",
    }
)
#: Words that introduce a name rather than belong to it (lower case, no final period).
TITLE_WORDS = word_list(ENTITY_TITLES) | ROLE_WORDS
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Lower-case words that may stand inside a name ("Ursula von der Leyen").
NAME_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "bin", "al", "da", "del", "di", "la", "le", "du", "ibn"}
)
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&"})
PERSON = "person"
ANONYMOUS_TYPES = frozenset({"anonymous", "unknown"})


@dataclass(frozen=True)
class SourceMention:
    """One claim's source, as the records give it."""

    article_id: str
    claim_id: str
    text: str
    canonical: str
    type: str
    stance: str = "assert"
    date: str | None = None


@dataclass
class CorpusSpeaker:
    speaker_id: str
    name: str
    type: str
    names: list[str] = field(default_factory=list)  # the canonical names joined, sorted
    titles: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)


def fold(text: str) -> str:
    """Lower case without accents, for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "unnamed"


def _words(text: str) -> list[str]:
    text = re.sub(r"[’']s\b", "", text)
    return [w.strip('.,;:()[]"“”‘’') for w in text.split() if w.strip('.,;:()[]"“”‘’')]


def _is_role_word(word: str) -> bool:
    folded = fold(word).rstrip(".")
    # "al-Assad", "bin-Salman": a particle joined to the name by a hyphen is part of it
    particle = folded in NAME_PARTICLES or folded.split("-")[0] in NAME_PARTICLES
    return folded in TITLE_WORDS or (word[:1].islower() and not particle)


def person_name(canonical: str) -> list[str]:
    """The words of a person's name: what follows the last title or lower-case word
    ("National Security Council spokesman John Kirby" -> John Kirby), without suffixes."""
    words = _words(canonical)
    while len(words) > 1 and fold(words[-1]).rstrip(".") in SUFFIXES:
        words.pop()
    # a capitalised title word that ends the name is the name ("Martin Luther King")
    last_role = max(
        (
            i
            for i, w in enumerate(words)
            if _is_role_word(w) and (i < len(words) - 1 or w[:1].islower())
        ),
        default=-1,
    )
    return words[last_role + 1 :]


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z]\.?", word))


def role_of(text: str, canonical: str) -> tuple[str | None, str | None]:
    """(organisation, title) of a mention as written: what precedes or follows the name."""
    name = person_name(canonical)
    words = _words(text)
    folded = [fold(w) for w in words]
    last = fold(name[-1]) if name else None
    if not name or last not in folded:
        return None, None
    end = folded.index(last) + 1
    start = end - len(name)
    before = words[: max(start, 0)]
    after = words[end:]
    role = before if before else after
    while role and fold(role[0]) in ("the", "a", "an", "former", "of", "and"):
        role = role[1:]
    if not role:
        return None, None
    # the title is the run of lower-case or title words at the end ("spokesman",
    # "Secretary of State"); capitalised words before it name the organisation
    cut = len(role)
    while cut > 0 and (
        role[cut - 1][:1].islower() or fold(role[cut - 1]).rstrip(".") in TITLE_WORDS
    ):
        cut -= 1
    if before:
        organisation, title = role[:cut], role[cut:]
    else:  # "Kwon Jong Gun, director general of the North Korean Department of U.S. Affairs"
        title, organisation = role, []
    return (" ".join(organisation) or None), (" ".join(title) or None)


def _own_role(mention: SourceMention) -> tuple[str | None, str | None]:
    """The role inside a canonical name that carries one ("NSC spokesman John Kirby")."""
    name = person_name(mention.canonical)
    if len(_words(mention.canonical)) == len(name):
        return None, None
    return role_of(mention.canonical, " ".join(name))


# --- the rule ------------------------------------------------------------------------------


def _without_the(canonical: str) -> list[str]:
    words = _words(canonical)
    if words and fold(words[0]) == "the":
        words = words[1:]
    return words


def _acronym(canonical: str) -> str | None:
    """The letters of a name that is one acronym ("NSC", "the U.N." -> "UN"), else ``None``."""
    words = _without_the(canonical)
    if len(words) != 1:
        return None
    letters = words[0].replace(".", "")
    return letters if re.fullmatch(r"[A-Z]{2,6}", letters) else None


def _org_key(canonical: str) -> str:
    """Case- and accent-folded name without "the"; an acronym as its letters ("u.n." = "un")."""
    acronym = _acronym(canonical)
    return fold(acronym) if acronym else fold(" ".join(_without_the(canonical)))


def _initials(name: str) -> str:
    return "".join(w[0] for w in _words(name) if fold(w) not in ACRONYM_SKIP and w[:1].isupper())


def _choose_name(forms: Iterable[str]) -> str:
    counts = Counter(forms)
    return min(counts, key=lambda form: (-counts[form], -len(form), form))


def _compact(words: list[str]) -> str:
    """A name's words folded, with hyphens as spaces: "Kim Jong-un" = "Kim Jong Un"."""
    return " ".join(fold(" ".join(words)).replace("-", " ").split())


def is_bare_title(canonical: str) -> bool:
    """A person named by a title alone ("President", "the Prime Minister"): nobody in particular
    across articles."""
    words = person_name(canonical)
    return bool(words) and all(fold(w).rstrip(".") in TITLE_WORDS for w in words)


def _person_keys(mentions: list[SourceMention]) -> dict[str, tuple[str, ...]]:
    """Canonical name -> the key of the person it is (first and last word, folded)."""
    names = {m.canonical: person_name(m.canonical) for m in mentions}
    # hyphen and space variants are one name, compared in the form with the fewest words
    variants: dict[str, list[str]] = {}
    for words in sorted(names.values(), key=lambda w: (len(w), w)):
        variants.setdefault(_compact(words), words)
    names = {canonical: variants[_compact(words)] for canonical, words in names.items()}
    full: dict[tuple[str, str], None] = {}
    for words in names.values():
        if len(words) > 1 and not _is_initial(words[0]) and fold(words[0]) not in NAME_PARTICLES:
            full[(fold(words[0]), fold(words[-1]))] = None
    keys: dict[str, tuple[str, ...]] = {}
    for canonical, words in sorted(names.items()):
        if not words:
            keys[canonical] = ("?", fold(canonical))
        elif fold(words[0]) in NAME_PARTICLES:  # "von der Leyen": a surname alone
            last = fold(words[-1])
            matches = [k for k in full if k[1] == last]
            keys[canonical] = matches[0] if len(matches) == 1 else ("", _compact(words))
        elif len(words) > 1 and not _is_initial(words[0]):
            keys[canonical] = (fold(words[0]), fold(words[-1]))
        elif len(words) > 1:  # "J. Kirby"
            initial, last = fold(words[0])[0], fold(words[-1])
            matches = [k for k in full if k[1] == last and k[0].startswith(initial)]
            keys[canonical] = matches[0] if len(matches) == 1 else (f"{initial}.", last)
        else:  # "Kirby": the one full name it ends; never a first name ("John", "Kim")
            word = fold(words[0])
            matches = [k for k in full if k[1] == word]
            first_names = [k for k in full if k[0] == word]
            keys[canonical] = matches[0] if len(matches) == 1 and not first_names else ("", word)
    return keys


def _org_keys(mentions: list[SourceMention]) -> dict[str, str]:
    keys = {m.canonical: _org_key(m.canonical) for m in mentions}
    by_initials: dict[str, list[str]] = defaultdict(list)
    for canonical, key in sorted(keys.items()):
        if len(_without_the(canonical)) > 1:
            by_initials[_initials(canonical)].append(key)
    for canonical in sorted(keys):
        acronym = _acronym(canonical)
        if acronym:
            targets = sorted(set(by_initials.get(acronym, [])))
            if len(targets) == 1:
                keys[canonical] = targets[0]
    return keys


def resolve_speakers(
    mentions: Iterable[SourceMention],
) -> tuple[dict[tuple[str, str], str], dict[str, CorpusSpeaker]]:
    """``(article_id, claim_id) -> speaker_id`` and ``speaker_id -> CorpusSpeaker``."""
    mentions = sorted(mentions, key=lambda m: (m.article_id, m.claim_id))
    people = [
        m
        for m in mentions
        if m.type == PERSON and person_name(m.canonical) and not is_bare_title(m.canonical)
    ]
    named = [m for m in mentions if m.type not in ANONYMOUS_TYPES and m.type != PERSON]
    person_keys = _person_keys(people)
    org_keys = _org_keys(named)
    groups: dict[tuple, list[SourceMention]] = defaultdict(list)
    for m in mentions:
        if m.type == PERSON and m.canonical in person_keys:
            groups[("person", person_keys[m.canonical])].append(m)
        elif m.type not in ANONYMOUS_TYPES and m.canonical in org_keys:
            groups[("org", org_keys[m.canonical])].append(m)
        else:
            groups[("anonymous", m.article_id, fold(m.canonical))].append(m)
    assignment: dict[tuple[str, str], str] = {}
    speakers: dict[str, CorpusSpeaker] = {}
    for key in sorted(groups, key=repr):
        group = groups[key]
        kind = key[0]
        if kind == "person":
            forms = [" ".join(person_name(m.canonical)) for m in group]
            full_forms = [f for f in forms if len(f.split()) > 1] or forms
            name = _choose_name(full_forms)
        else:
            name = _choose_name(m.canonical for m in group)
        if kind == "anonymous":
            speaker_id = f"anonymous:{group[0].article_id}:{slug(name)}"
        elif kind == "org":  # the key, not the commonest form: "The White House" or not
            speaker_id = f"org:{slug(key[1])}"
        else:
            speaker_id = f"{kind}:{slug(name)}"
        while speaker_id in speakers:  # two keys with one slug ("Kim Jong Un", "Kim Jong-un")
            speaker_id += "+"
        roles = (
            [role for m in group for role in (role_of(m.text, m.canonical), _own_role(m))]
            if kind == "person"
            else []
        )
        speakers[speaker_id] = CorpusSpeaker(
            speaker_id=speaker_id,
            name=name,
            type=Counter(m.type for m in group).most_common(1)[0][0],
            names=sorted({m.canonical for m in group}),
            titles=sorted({t for _, t in roles if t}),
            organisations=sorted({o for o, _ in roles if o}),
        )
        for m in group:
            assignment[(m.article_id, m.claim_id)] = speaker_id
    return assignment, speakers


# --- from records ------------------------------------------------------------------------------


def record_mentions(records: Iterable[dict[str, Any]]) -> list[SourceMention]:
    """The source of every claim of ``records`` that names one."""
    mentions = []
    for record in records:
        date = (record.get("meta") or {}).get("date")
        for claim in record.get("claims") or []:
            source = claim.get("source")
            if not source:
                continue
            mentions.append(
                SourceMention(
                    article_id=str(record["id"]),
                    claim_id=str(claim["id"]),
                    text=source.get("text") or "",
                    canonical=(source.get("canonical") or source.get("text") or "").strip(),
                    type=source.get("type") or "unknown",
                    stance=claim.get("stance") or "assert",
                    date=date,
                )
            )
    return mentions


@dataclass
class SpeakerRow:
    """A speaker over the corpus: what the speakers page and the DuckDB view show."""

    speaker: CorpusSpeaker
    articles: list[str]
    claims: int
    denials: int
    accusations: int
    first_date: str | None
    last_date: str | None


def speaker_rows(records: Iterable[dict[str, Any]]) -> list[SpeakerRow]:
    """Every speaker of ``records``: most articles first, then most claims, then by name."""
    mentions = record_mentions(records)
    assignment, speakers = resolve_speakers(mentions)
    by_speaker: dict[str, list[SourceMention]] = defaultdict(list)
    for m in mentions:
        by_speaker[assignment[(m.article_id, m.claim_id)]].append(m)
    rows = []
    for speaker_id, group in by_speaker.items():
        dates = sorted(m.date for m in group if m.date)
        rows.append(
            SpeakerRow(
                speaker=speakers[speaker_id],
                articles=sorted({m.article_id for m in group}),
                claims=len(group),
                denials=sum(1 for m in group if m.stance == "deny"),
                accusations=sum(1 for m in group if m.stance == "accuse"),
                first_date=dates[0] if dates else None,
                last_date=dates[-1] if dates else None,
            )
        )
    rows.sort(key=lambda r: (-len(r.articles), -r.claims, r.speaker.name, r.speaker.speaker_id))
    return rows
