"""Entity mentions: the model's named entities, trimmed to the name they hold.

``find_mentions`` keeps the model's entities with a naming label, trims edge
punctuation and a final possessive ("South Korea’s" → "South Korea"), drops
what has no letter left, and notes the title word before a name ("leader Kim
Jong-un") and whether the mention is on a headline-like line. Requires
``doc.ents``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

import numpy
from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .lexicon import EntitiesLexicons, load_lexicons
from .names import POSSESSIVE, canonical_name, name_tokens

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


def tokens_with_text(doc: Doc, texts: Iterable[str]) -> list[int]:
    """The indexes of the tokens whose text is one of ``texts``, in order.

    Read from the doc's array of word ids: a loop over ``doc`` makes a ``Token``
    object per token, which on a long document costs more than the rest of a pass.
    """
    wanted = set(texts)
    if not wanted or not len(doc):
        return []
    words = doc.to_array(ORTH)
    hits = numpy.flatnonzero(numpy.isin(words, [get_string_id(text) for text in wanted]))
    return [int(i) for i in hits if doc[int(i)].text in wanted]


TRIM_START = " \t\r\n\"“”‘’'([{«—–-,;:"
TRIM_END = " \t\r\n\"“”‘’'()[]{}»—–-,;:!?"
HEADLINE_LINE = re.compile(r"[^\n]+")
#: Punctuation skipped when looking for the title before a name ("[North Korean leader] Kim").
TITLE_SKIP = frozenset({"[", "]", "(", ")", ",", "“", "”", '"', "‘", "’", "'", "—", "–", "-"})


@dataclass
class Mention:
    """One entity mention: character offsets into ``doc.text`` and its name.

    ``same_as`` is the (start, end) of a mention it must share an entity with
    (an abbreviation and its long form); ``title`` is the title word right
    before it ("leader" in "leader Kim Jong-un"); ``headline`` says it is on a
    headline-like line, where the model often runs a name into the next word.
    ``origin`` says which rule made it: "model", "long_form", "abbreviation"
    or "surname".
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


def trim(text: str, start: int, end: int) -> tuple[int, int]:
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


def title_before(doc: Doc, token_index: int, titles: frozenset[str]) -> str | None:
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
    lexicons: EntitiesLexicons,
    origin: str = "model",
    doc_text: str | None = None,
) -> Mention | None:
    """A trimmed mention of ``doc.text[start:end]``, or None when nothing name-like is left.

    ``doc_text`` is ``doc.text`` when the caller has it (``Doc.text`` joins every
    token on each access).
    """
    doc_text = doc.text if doc_text is None else doc_text
    start, end = trim(doc_text, start, end)
    if end <= start:
        return None
    text = doc_text[start:end]
    if not any(ch.isalpha() for ch in text):
        return None
    tokens = name_tokens(text)
    title = None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        title = title_before(doc, span.start, lexicons.titles)
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


def find_mentions(
    doc: Doc, *, lexicons: EntitiesLexicons | None = None, text: str | None = None
) -> list[Mention]:
    """The model's named entities (``ENTITY_LABELS``), trimmed, in document order
    (``text``: ``doc.text`` when the caller has it)."""
    lexicons = lexicons or load_lexicons()
    mentions = []
    doc_text = doc.text if text is None else text
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
