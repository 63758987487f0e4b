"""Attributions whose cue is no reporting verb: a reporting noun ("his claim
that …"), "according to X" and "in a poll, …"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import Candidate, char_span, char_spans, exclude, subtree_bounds
from .docview import DocView
from .lexicon import ClaimsLexicons


def nominal_candidates(doc: Doc, lexicons: ClaimsLexicons) -> list[Candidate]:
    """ "his claim that X", "Trump's assertion that X": a reporting noun with a that-clause.

    The source is the possessor ("his", "Trump’s"), or none; the cue the noun.
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
        while start > 0 and doc[start - 1].head.i == noun.i and doc[start - 1].dep_ == "amod":
            start -= 1
        found.append(
            Candidate(
                cue=(noun.idx, noun.idx + len(noun.text)),
                cue_phrase=(doc[start].idx, noun.idx + len(noun.text)),
                content=[content],
                stance=lexicons.nominal_cues[noun.lemma_.lower()],
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
