"""The entities stage: named-entity mentions, abbreviations and in-article clusters.

Assigns ``doc._.newsclaims_entities`` (one dict per mention: ``start``, ``end``,
``label``, ``entity_id``, ``canonical``; character offsets into ``doc.text``) and
the span group ``doc.spans["newsclaims_entities"]`` (label = entity label,
``kb_id`` = entity_id). Requires the model's ``doc.ents`` (and sentence
boundaries, when there are any, to bound abbreviation long forms).

``find_entities`` runs four steps of pure functions a test can call on a
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
by ``lexicon``; ``to_disk``/``from_disk`` save and load them with the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ..._extensions import get_list
from ...guard import guarded
from ...lexicons import load_saved, save_resources
from .abbreviations import Abbreviation, add_abbreviation_mentions, find_abbreviations
from .clusters import cluster_entities
from .lexicon import LEXICON_FILES, EntityLexicons, load_lexicons, read_lexicons
from .lookup import STAGE, entity_at
from .mentions import Mention, find_mentions, headline_lines
from .surnames import add_surname_mentions, repair_person_labels


def find_entities(doc: Doc, *, lexicons: EntityLexicons | None = None) -> list[dict[str, Any]]:
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


class EntitiesStage:
    """Writes ``doc._.newsclaims_entities`` and ``doc.spans[spans_key]``.

    ``lexicon_texts`` holds the lexicons ``from_disk`` read from a saved
    pipeline (None: the shipped ones), so a saved pipeline saves them again.
    """

    def __init__(self, nlp: Language, name: str, *, spans_key: str = STAGE) -> None:
        self.name = name
        self.spans_key = spans_key
        self.lexicons = load_lexicons()
        self.lexicon_texts: dict[str, str] | None = None

    @guarded(STAGE)
    def __call__(self, doc: Doc) -> Doc:
        entities = find_entities(doc, lexicons=self.lexicons)
        doc.spans[self.spans_key] = SpanGroup(
            doc, name=self.spans_key, spans=entity_spans(doc, entities)
        )
        get_list(doc, STAGE).extend(entities)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicons in use into the folder ``path``, one file each."""
        if self.lexicon_texts is None:
            save_resources(LEXICON_FILES, path)
            return
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in self.lexicon_texts.items():
            (folder / Path(name).name).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntitiesStage:
        """Use the lexicons ``to_disk`` saved in ``path`` instead of the shipped ones."""
        self.lexicon_texts = load_saved(LEXICON_FILES, path)
        self.lexicons = read_lexicons(self.lexicon_texts)
        return self


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
    "newsclaims_entities",
    assigns=["doc._.newsclaims_entities", "doc.spans"],
    requires=["doc.ents"],
    default_config={"spans_key": STAGE},
)
def make_entities(nlp: Language, name: str, spans_key: str = STAGE) -> EntitiesStage:
    """The entities stage; ``spans_key`` names the span group it writes."""
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
    "read_lexicons",
    "repair_person_labels",
]
