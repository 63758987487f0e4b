"""The cue phrase: the verb group around a cue verb, as PolNeAR annotates cues.

The contract's ``cue`` is the bare verb ("said"); the record's added
``cue_phrase`` is the group ("has not said", "said in a statement",
"complained about", "said Tuesday").
"""

from __future__ import annotations

from spacy.tokens import Token

from ...lang.calendar import day_words, weekdays
from .lexicon import ClaimsLexicons


def phrase_end(token: Token, lexicons: ClaimsLexicons, content_start: int | None = None) -> int:
    """End of the cue phrase, as PolNeAR annotates it.

    A multi-word cue right after the verb belongs to it ("said in a
    statement", "told reporters in an interview" -> "in an interview"); so
    does the preposition or particle that introduces the content ("talked
    about the plan", "was accused of lying": ``content_start`` is the content's
    first token), the verb's own particle ("points out", "fired back"), a cue
    adverb ("said repeatedly") and a day named right after the verb ("said Tuesday").
    """
    doc = token.doc
    end = token.idx + len(token.text)
    for words in lexicons.multiword_cues:
        if words[0] == "according":
            continue
        following = doc[token.i + 1 : token.i + 1 + len(words)]
        if len(following) == len(words) and tuple(t.lower_ for t in following) == words:
            return following[-1].idx + len(following[-1].text)
    if token.i + 1 < len(doc):
        after = doc[token.i + 1]
        verb = token if token.dep_ not in ("prep", "prt") else token.head
        if (
            after.head.i == verb.i
            and after.dep_ in ("prep", "prt")
            and content_start == after.i + 1
        ):
            return after.idx + len(after.text)
        if after.head.i == verb.i and (
            after.dep_ == "prt"  # "points out", "fired back"
            or (after.dep_ == "advmod" and after.lower_ in lexicons.words["cue_adverbs"])
        ):
            return after.idx + len(after.text)  # "said repeatedly", "wrote recently"
        if after.head.i == verb.i and after.dep_ == "npadvmod" and after.lower_ in DAY_WORDS:
            return after.idx + len(after.text)
    return end


#: Days that PolNeAR keeps in the cue phrase when they follow the verb ("said Tuesday").
DAY_WORDS = frozenset(weekdays()) | frozenset(day_words())


def cue_start(verb: Token, lexicons: ClaimsLexicons) -> Token:
    """The first token of the verb group: auxiliaries, negation and adverbs right
    before the verb belong to the cue phrase ("has said", "is stressing", "also
    said", "have vehemently denied"), as PolNeAR annotates cues. The contract's
    ``cue`` stays the bare verb."""
    doc = verb.doc
    first = verb
    i = verb.i - 1
    while i >= 0:
        token = doc[i]
        if (
            token.head.i == verb.i
            and (
                token.dep_ in ("aux", "auxpass", "neg")
                or (
                    token.dep_ == "advmod"
                    and (token.lower_ in lexicons.words["cue_adverbs"] or token.pos_ == "ADV")
                )
            )
        ) or _floating_quantifier(token, verb, lexicons):
            first = token
            i -= 1
            continue
        break
    head = verb.head
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.dep_ == "prt" and before.head.i == head.i:
        before = doc[before.i - 1] if before.i > 0 else None  # "went on to say"
    if (
        verb.dep_ == "xcomp"
        and before is not None
        and before.i == head.i
        and head.lemma_.lower() in lexicons.words["catenative_verbs"]
    ):
        return cue_start(head, lexicons)  # "continued to call for", "refused to say"
    return first


def _floating_quantifier(token: Token, verb: Token, lexicons: ClaimsLexicons) -> bool:
    """ "have both argued", "Bolton and Gorka both denounced": a quantifier of the
    subject inside the verb group (``floating_quantifiers``), whichever of the verb or
    the subject the parser hung it on."""
    if token.lower_ not in lexicons.words["floating_quantifiers"] or token.dep_ in (
        "nsubj",
        "nsubjpass",
        "preconj",
    ):
        return False  # "Both want …": the subject itself; "has both endorsed X and …"
    return token.head.i == verb.i or (
        token.head.head.i == verb.i and token.head.dep_ in ("nsubj", "nsubjpass")
    )
