"""Attributions whose cue is no reporting verb: a reporting noun ("his claim
that …"), "according to X" and "in a poll, …"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import Candidate, char_span, char_spans, exclude, subtree_bounds
from .cue_phrase import cue_start
from .docview import DocView
from .lexicon import ClaimsLexicons
from .verbs import find_subject

#: Prepositions through which a verb issues a reporting noun ("said in a statement").
ISSUING_PREPOSITIONS = frozenset({"in", "through", "via"})
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
ARTICLES = frozenset({"a", "an", "the"})


def _issuing_verb(noun: Token) -> Token | None:
    """The verb that issues a reporting noun in a phrase after it: "Awad says in a
    statement that …" (the parser hung the that-clause on the noun, not the verb)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ISSUING_PREPOSITIONS:
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i > noun.i:
        return None
    if any(t.lower_ in POSSESSIVE_MARKS for t in noun.doc[verb.i + 1 : noun.i]):
        return None  # "… in Tulsa police’s statement that …", the possessor misparsed
    return verb


def nominal_candidates(doc: Doc, lexicons: ClaimsLexicons) -> list[Candidate]:
    """ "his claim that X", "Trump's assertion that X": a reporting noun with a that-clause.

    The source is the possessor ("his", "Trump’s"), or none; the cue the noun. A noun
    in a phrase of a verb with a subject ("Awad says in a statement that X") is that
    verb's: its subject the source, the verb the cue, "says in a statement" the phrase.
    """
    found = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicons.nominal_cues:
            continue
        clauses = [
            c
            for c in noun.rights
            if c.dep_ in ("acl", "ccomp", "appos", "relcl")
            and any(
                t.dep_ == "mark" and t.lower_ == "that" and t.i == c.left_edge.i for t in c.children
            )
        ]
        if not clauses:
            continue
        clause = clauses[0]
        owners = [c for c in noun.lefts if c.dep_ == "poss"]
        content = char_span(doc, *subtree_bounds(clause))
        if content is None:
            continue
        start = noun.i
        # "a passing promise", "the false accusations": PolNeAR's nominal cue phrase
        # takes the noun's adjectives and its article.
        while (
            start > 0
            and doc[start - 1].head.i == noun.i
            and (doc[start - 1].dep_ == "amod" or doc[start - 1].lower_ in ARTICLES)
        ):
            start -= 1
        stance = lexicons.nominal_cues[noun.lemma_.lower()]
        verb = None if owners else _issuing_verb(noun)
        subject = find_subject(verb) if verb is not None else None
        if verb is not None and subject is not None:
            # "Awad says in a statement that …": the verb's subject is the source and
            # the verb group up to the noun the cue phrase, as PolNeAR annotates it.
            found.append(
                Candidate(
                    cue=(verb.idx, verb.idx + len(verb.text)),
                    cue_phrase=(cue_start(verb, lexicons).idx, noun.idx + len(noun.text)),
                    content=[content],
                    stance=stance,
                    source_head=subject,
                    cue_token=verb.i,
                )
            )
            continue
        found.append(
            Candidate(
                cue=(noun.idx, noun.idx + len(noun.text)),
                cue_phrase=(doc[start].idx, noun.idx + len(noun.text)),
                content=[content],
                stance=stance,
                source_head=owners[0] if owners else None,
                source_span=(owners[0].left_edge.i, owners[0].right_edge.i + 1) if owners else None,
                cue_token=noun.i,
            )
        )
    return found


def _rest_of_sentence(view: DocView, cue: Token, source: Token) -> list[tuple[int, int]]:
    """Token ranges of the cue's sentence outside the phrase from the cue to the source's end."""
    sent = view.sentence(cue)
    return exclude((sent.start, sent.end), (cue.i, source.right_edge.i + 1))


def in_source_candidates(doc: Doc, view: DocView, lexicons: ClaimsLexicons) -> list[Candidate]:
    """ "In a CNN poll, 38 percent of voters said …", "Trump is ahead in the polls":
    source the poll, cue "in", content the rest of the sentence."""
    found = []
    for token in doc:
        if token.lower_ != "in" or token.dep_ != "prep":
            continue
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if not objects or objects[0].lemma_.lower() not in lexicons.words["in_sources"]:
            continue
        source = objects[0]
        if token.i != view.sentence(token).start and token.head.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        content = char_spans(doc, _rest_of_sentence(view, token, source))
        if content:
            source_span = (source.left_edge.i, source.right_edge.i + 1)
            cue = (token.idx, token.idx + len(token.text))
            found.append(
                Candidate(
                    cue, content, source_head=source, source_span=source_span, cue_token=token.i
                )
            )
    return found


def according_to_candidates(doc: Doc, view: DocView) -> list[Candidate]:
    """ "according to X": source X, content the rest of the sentence."""
    found = []
    for token in doc[:-1]:
        to = doc[token.i + 1]
        if token.lower_ != "according" or to.lower_ != "to":
            continue
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:
            continue
        source = objects[0]
        parts = _rest_of_sentence(view, token, source)
        if (
            len(parts) == 2
            and parts[0][1] - parts[0][0] <= 4
            and not any(t.pos_ in ("VERB", "AUX") for t in doc[parts[0][0] : parts[0][1]])
        ):
            # "That month, according to X, Russia shipped ...": the adverbial is not the
            # claim; a longer opening, or one with a verb, is part of the statement.
            parts = parts[1:]
        content = char_spans(doc, parts)
        if content:
            cue = (token.idx, to.idx + len(to.text))
            found.append(
                Candidate(cue, content, kind="according_to", source_head=source, cue_token=token.i)
            )
    return found
