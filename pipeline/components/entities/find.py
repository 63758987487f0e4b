"""``find_entities``: the entities stage's whole algorithm, four steps of pure functions.

1. ``mentions.find_mentions``: the model's naming entities, trimmed;
2. ``abbreviations``: "Radio Free Asia (RFA)" definitions and the later "RFA"s;
3. ``surnames``: bare surnames given back to PERSON, and those the model missed;
4. ``clusters.cluster_entities``: one entity per referent ("Kirby" = "John Kirby").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .abbreviations import add_abbreviation_mentions, find_abbreviations
from .clusters import cluster_entities
from .lexicon import EntitiesLexicons, load_lexicons
from .mentions import find_mentions
from .surnames import add_surname_mentions, repair_person_labels


def find_entities(doc: Doc, lexicons: EntitiesLexicons | None = None) -> list[dict[str, Any]]:
    """Mentions, abbreviations and clusters of ``doc``: the stage's whole output."""
    lexicons = lexicons or load_lexicons()
    text = doc.text  # rebuilt from the tokens on every access: once here
    mentions = find_mentions(doc, lexicons=lexicons, text=text)
    abbreviations = find_abbreviations(doc, text=text)
    mentions = add_abbreviation_mentions(doc, mentions, abbreviations, lexicons=lexicons, text=text)
    mentions = add_surname_mentions(
        doc, repair_person_labels(mentions), lexicons=lexicons, text=text
    )
    return cluster_entities(doc, mentions, lexicons=lexicons)
