"""Surnames: bare surnames of people the article names in full are PERSON mentions.

The small model often tags a bare surname as ORG ("Trump insisted", "Calderon
told CNBC") and misses others altogether ("Tester said"); such surnames are
often speakers. ``repair_person_labels`` gives the mislabelled ones back to
PERSON, ``add_surname_mentions`` adds the missed ones. Both only act when the
article names that person in full.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from copy import copy

from spacy.tokens import Doc

from .lexicon import EntitiesLexicons, load_lexicons
from .mentions import Mention, make_mention, tokens_with_text

#: Labels the model gives bare surnames ("Trump insisted" as ORG).
SURNAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT"})
#: Labels of names people share with places and peoples: repaired only with evidence.
SHARED_NAME_LABELS = frozenset({"NORP", "GPE", "LOC", "FAC"})


def repair_person_labels(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with surnames the model mislabelled given back to PERSON.

    A one-word ORG/WORK_OF_ART/PRODUCT mention that is the last word of a full
    PERSON name in the same article becomes PERSON; a one-word NORP/GPE/LOC/FAC
    only when the model also used that word alone as a PERSON ("Bannon will
    interview …" tagged FAC), since places and peoples share names with people
    ("Jordan", "Washington", "American"). Acronyms ("SVP") are left alone.
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
    doc: Doc,
    mentions: Sequence[Mention],
    *,
    lexicons: EntitiesLexicons | None = None,
    text: str | None = None,
) -> list[Mention]:
    """``mentions`` plus the surnames of named people where the model tagged nothing.

    A token that is the last word of a full PERSON name in the article (not on a
    headline line), written the same way, capitalised but not in capitals, a
    proper noun where there are tags (unless the model tagged that surname alone
    as PERSON elsewhere), and outside every entity of the model, becomes a
    PERSON mention. ``text``: ``doc.text`` when the caller has it.
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
    doc_text = doc.text if text is None else text
    has_tags = doc.has_annotation("POS")
    starts = [m.start for m in result]
    added = []
    for i in tokens_with_text(doc, surnames):
        token = doc[i]
        if token.ent_type_:
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
