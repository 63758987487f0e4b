"""The entities stage: named-entity mentions, abbreviations and in-article clusters.

Assigns ``doc._.newsclaims_entities`` (one dict per mention: ``start``, ``end``,
``label``, ``entity_id``, ``canonical``; character offsets into ``doc.text``) and
the span group ``doc.spans["newsclaims_entities"]`` (label = entity label,
``kb_id`` = entity_id). Requires the model's ``doc.ents`` (and sentence
boundaries, when there are any, to bound abbreviation long forms).

``find.find_entities`` runs four steps of pure functions a test can call on a
hand-built ``Doc``:

1. ``mentions.find_mentions``: the model's naming entities, trimmed of edge
   punctuation and a final possessive ("South Korea’s" → "South Korea").
2. ``abbreviations``: "Radio Free Asia (RFA)" definitions (Schwartz & Hearst
   2003); every later "RFA" becomes a mention of the long form's entity.
3. ``surnames``: bare surnames the model tagged ORG ("Trump insisted") given
   back to PERSON, and those it missed ("Tester said") added, when the article
   names that person in full.
4. ``clusters.cluster_entities``: one entity per referent ("Kirby" = "John Kirby").

``lookup.entity_at`` is the stage's public API for other stages (the claims
stage resolves speakers with it). The rules' word lists are in ``data/``, read
by ``lexicon``; the component keeps their texts (``data``, a ``StageData``) and
what it parsed from them (``lexicons``), and ``to_disk``/``from_disk`` save and
load those texts with the pipeline, so an edited file survives a second save.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ..._extensions import get_list
from ...guard import guarded
from ..stage import DataStage
from .abbreviations import Abbreviation, add_abbreviation_mentions, find_abbreviations
from .clusters import cluster_entities
from .find import find_entities
from .lexicon import DATA_FILES, EntitiesLexicons, load_lexicons, read_lexicons
from .lookup import entity_at
from .mentions import Mention, find_mentions, headline_lines
from .surnames import add_surname_mentions, repair_person_labels

#: The factory's name, the extension it writes and its default span-group key.
STAGE = "newsclaims_entities"


class EntitiesStage(DataStage):
    """Writes ``doc._.newsclaims_entities`` and ``doc.spans[spans_key]``.

    ``data`` holds the texts of the stage's data files (the shipped ones, or
    those ``from_disk`` read from a saved pipeline); ``lexicons`` is what
    ``read_lexicons`` parsed from them.
    """

    def __init__(self, nlp: Language, name: str, *, spans_key: str = STAGE) -> None:
        self.spans_key = spans_key
        super().__init__(name, DATA_FILES, load_lexicons(), read_lexicons)
        self.lexicons: EntitiesLexicons

    @guarded(STAGE)
    def __call__(self, doc: Doc) -> Doc:
        entities = find_entities(doc, lexicons=self.lexicons)
        doc.spans[self.spans_key] = SpanGroup(
            doc, name=self.spans_key, spans=entity_spans(doc, entities)
        )
        get_list(doc, STAGE).extend(entities)
        return doc


def entity_spans(doc: Doc, entities: Iterable[dict[str, Any]]) -> list[Span]:
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
    STAGE,
    assigns=[f"doc._.{STAGE}", "doc.spans"],
    requires=["doc.ents"],
    default_config={"spans_key": STAGE},
)
def make_entities(nlp: Language, name: str, spans_key: str = STAGE) -> EntitiesStage:
    """The entities stage; ``spans_key`` names the span group it writes."""
    return EntitiesStage(nlp, name, spans_key=spans_key)


__all__ = [
    "DATA_FILES",
    "STAGE",
    "Abbreviation",
    "EntitiesStage",
    "EntitiesLexicons",
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
    "read_lexicons",
    "repair_person_labels",
]
