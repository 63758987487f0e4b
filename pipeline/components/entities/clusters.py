"""Clusters: one entity per referent in the article, with a canonical name.

``cluster_entities`` groups mentions: exact repeats, surnames and other name
parts of a person ("Kirby" → "John Kirby", the most recent compatible person,
unless a title picks another), organisation and place suffixes/prefixes
("Security Council" → "United Nations Security Council", "Wagner" → "Wagner
Group"), spelling variants ("U.S." → "United States"), and the ``same_as``
links of abbreviations. Nationalities ("North Korean") stay apart from their
country but carry a ``related`` link to it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from .lexicon import EntitiesLexicons, load_lexicons
from .mentions import Mention
from .names import FUNCTION_WORDS, name_key

#: Labels the model confuses with one another: an exact same name joins across them
#: ("Russia" tagged GPE here and ORG there is one referent).
INSTITUTION_OR_PLACE = frozenset({"ORG", "GPE", "LOC", "FAC"})
#: Labels whose shorter names may join a longer name by suffix/prefix.
AFFIX_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
#: Places: the suffix rule keeps "North"/"New"/… (see data/place_qualifiers.txt).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


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


def _exact_key(mention: Mention, lexicons: EntitiesLexicons) -> tuple[str, str]:
    key = " ".join(mention.tokens)
    if mention.label == "NORP" and key.endswith("s") and len(key) > 4:
        key = key[:-1]  # "North Koreans" / "North Korean"
    return (_label_group(mention.label), lexicons.variants.get(key, key))


def is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    """Are the words of ``short`` in ``long``, in order ("Jong Un" in "Kim Jong Un")?"""
    words = iter(long)
    return all(word in words for word in short)


def affix_match(
    short: tuple[str, ...], long: tuple[str, ...], label: str, lexicons: EntitiesLexicons
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
        if n == 1 and dropped[-1] in FUNCTION_WORDS:
            return False  # "Justice" is not the head of "Court of Justice"
        return label not in PLACE_LABELS or not any(
            word in lexicons.place_qualifiers for word in dropped
        )
    if long[:n] == short:
        return all(word in lexicons.name_suffixes for word in long[n:])
    return False


def _compatible(mention: Mention, cluster: _Cluster, lexicons: EntitiesLexicons) -> bool:
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
    if not word or not word[0].islower() or word.lower() in FUNCTION_WORDS:
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


class _Grouping:
    """The clusters built so far over ``ordered`` mentions, and the indexes that find them."""

    def __init__(self, ordered: Sequence[Mention], lexicons: EntitiesLexicons) -> None:
        self.ordered = ordered
        self.lexicons = lexicons
        self.clusters: list[_Cluster] = []
        self.cluster_of: dict[int, int] = {}  # mention index -> cluster index
        self.at_offsets: dict[tuple[int, int], int] = {}  # (start, end) -> cluster index
        self.by_token: dict[str, set[int]] = defaultdict(set)
        self.by_key: dict[tuple[str, str], set[int]] = defaultdict(set)

    def new(self) -> int:
        self.clusters.append(_Cluster())
        return len(self.clusters) - 1

    def add(self, index: int, cluster_index: int) -> None:
        mention = self.ordered[index]
        cluster = self.clusters[cluster_index]
        cluster.mentions.append(index)
        cluster.names.add(mention.tokens)
        key = _exact_key(mention, self.lexicons)
        cluster.keys.add(key)
        self.by_key[key].add(cluster_index)
        cluster.labels.add(mention.label)
        if mention.title:
            cluster.titles.add(mention.title)
        if mention.same_as is None and _fuller(
            mention.tokens, mention.name, cluster.fullest, " ".join(cluster.fullest)
        ):
            cluster.fullest = mention.tokens
        cluster.last = max(cluster.last, mention.start)
        for word in mention.tokens:
            self.by_token[word].add(cluster_index)
        self.cluster_of[index] = cluster_index
        self.at_offsets[(mention.start, mention.end)] = cluster_index

    def best_match(self, mention: Mention) -> int | None:
        """The earlier cluster ``mention`` joins: compatible, same title first, most recent."""
        best = self._best_among(mention, self._compatible_ids(mention))
        if best is not None and best[1]:
            # A tie on the most recent (not met: mentions do not share a start): decide
            # among the clusters of every word of the name, in the set order that decided.
            best = self._best_among(mention, self._ids_of_every_word(mention))
        return best[0] if best is not None else None

    def _ids_of_every_word(self, mention: Mention) -> set[int]:
        candidate_ids = set(self.by_key.get(_exact_key(mention, self.lexicons), ()))
        for word in mention.tokens:
            candidate_ids |= self.by_token.get(word, set())
        return candidate_ids

    def _compatible_ids(self, mention: Mention) -> set[int]:
        """The clusters that may be compatible with ``mention`` (see ``_compatible``),
        without the clusters of every word of its name: on a long document "of" or
        "National" are in hundreds of clusters. A person's cluster holds all the words
        of the name (a name of the cluster, or its fullest name, has them): the rarest
        word's clusters. Other labels: the exact key, else the fullest name is a suffix or
        prefix of the name, or the name of it: the clusters of its first or last word."""
        tokens = mention.tokens
        if not tokens:
            return set(self.by_key.get(_exact_key(mention, self.lexicons), ()))
        if mention.label == "PERSON":
            return min((self.by_token.get(word, set()) for word in tokens), key=len)
        return (
            set(self.by_key.get(_exact_key(mention, self.lexicons), ()))
            | self.by_token.get(tokens[0], set())
            | self.by_token.get(tokens[-1], set())
        )

    def _best_among(self, mention: Mention, candidate_ids: set[int]) -> tuple[int, bool] | None:
        """The chosen cluster among ``candidate_ids``, and whether another was as recent."""
        candidates = [
            c for c in candidate_ids if _compatible(mention, self.clusters[c], self.lexicons)
        ]
        if not candidates:
            return None
        if mention.title:
            titled = [c for c in candidates if mention.title in self.clusters[c].titles]
            candidates = titled or candidates
        chosen = max(candidates, key=lambda c: self.clusters[c].last)
        last = self.clusters[chosen].last
        return chosen, sum(self.clusters[c].last == last for c in candidates) > 1


def _fuller_names_by_word(ordered: Sequence[Mention]) -> dict[str, list[int]]:
    """``{word: indexes of the names of two or more words holding it}``, in text order."""
    by_word: dict[str, list[int]] = defaultdict(list)
    for index, mention in enumerate(ordered):
        if len(mention.tokens) > 1 and mention.same_as is None:
            for word in set(mention.tokens):
                by_word[word].append(index)
    return by_word


def _later_fuller(
    ordered: Sequence[Mention],
    index: int,
    by_word: dict[str, list[int]],
    lexicons: EntitiesLexicons,
) -> int | None:
    """The first later mention that is a fuller name of ``ordered[index]`` ("John Kirby")."""
    mention = ordered[index]
    if not mention.tokens:
        return None
    pool = by_word.get(mention.tokens[-1], [])
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


def _group(ordered: Sequence[Mention], lexicons: EntitiesLexicons) -> _Grouping:
    """Every mention of ``ordered`` put in a cluster (see ``cluster_entities``)."""
    grouping = _Grouping(ordered, lexicons)
    deferred: list[int] = []  # linked to a mention further on ("KCNA (Korean Central …)")
    reserved: dict[int, int] = {}  # mention index -> cluster it was promised to
    fuller_names = _fuller_names_by_word(ordered)
    for index, mention in enumerate(ordered):
        if mention.same_as is not None and mention.same_as in grouping.at_offsets:
            grouping.add(index, grouping.at_offsets[mention.same_as])
            continue
        if mention.same_as is not None and mention.same_as > (mention.start, mention.end):
            deferred.append(index)
            continue
        if index in reserved:
            grouping.add(index, reserved.pop(index))
            continue
        match = grouping.best_match(mention)
        if match is not None:
            grouping.add(index, match)
            continue
        new_cluster = grouping.new()
        fuller = _later_fuller(ordered, index, fuller_names, lexicons)
        if fuller is not None and fuller not in reserved:
            reserved[fuller] = new_cluster
        grouping.add(index, new_cluster)
    for index in deferred:
        anchor = ordered[index].same_as
        if anchor in grouping.at_offsets:
            grouping.add(index, grouping.at_offsets[anchor])
        else:
            grouping.add(index, grouping.new())
    return grouping


def _canonical_names(grouping: _Grouping) -> dict[int, str]:
    """``{cluster index: canonical name}``: the best-ranked name that is no abbreviation."""
    ordered = grouping.ordered
    canonical: dict[int, str] = {}
    for cluster_index, cluster in enumerate(grouping.clusters):
        names = [
            ordered[index]
            for index in sorted(cluster.mentions)
            if ordered[index].origin != "abbreviation" or len(cluster.mentions) == 1
        ] or [ordered[cluster.mentions[0]]]
        # max() keeps the first of equals: the earliest mention.
        canonical[cluster_index] = max(names, key=_canonical_rank).name
    return canonical


def cluster_entities(
    doc: Doc, mentions: Sequence[Mention], *, lexicons: EntitiesLexicons | None = None
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
    grouping = _group(ordered, lexicons)
    canonical = _canonical_names(grouping)
    entity_ids: dict[int, str] = {}
    records = []
    for index, mention in enumerate(ordered):
        cluster_index = grouping.cluster_of[index]
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
