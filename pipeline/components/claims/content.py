"""Trimming a content found in the parse: the writer's comment and other cues go."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import ClaimsLexicons
from .quotes import QUOTE_TOKENS
from .verbs import SUBJECT_DEPS, has_own_subject, is_reporting_verb


def starts_with_quote(token: Token) -> bool:
    """The token's phrase opens with a quote mark (or right after one)."""
    doc = token.doc
    i = token.left_edge.i
    return doc[i].text in QUOTE_TOKENS or (i > 0 and doc[i - 1].text in QUOTE_TOKENS)


def ends_with_quote(token: Token) -> bool:
    """The token's phrase ends with a quote mark (or one or two tokens before one)."""
    doc = token.doc
    i = token.right_edge.i
    return (
        doc[i].text in QUOTE_TOKENS
        or (i + 1 < len(doc) and doc[i + 1].text in QUOTE_TOKENS)
        or (i + 2 < len(doc) and doc[i + 2].text in QUOTE_TOKENS)
    )


def cut_trailing_comment(doc: Doc, part: tuple[int, int]) -> tuple[int, int]:
    """The content without the writer's comment at its end, after a comma: a
    participle clause (", prompting experts to suggest …") or a non-restrictive
    relative clause (", who chairs the committee")."""
    start, end = part
    for token in doc[start:end]:
        edge = token.left_edge
        if (
            edge.i > start
            and _after_comma(doc, edge.i)
            and token.right_edge.i + 1 >= end - 1
            and (
                (token.dep_ == "advcl" and token.tag_ == "VBG" and edge.i == token.i)
                or (token.dep_ == "relcl" and edge.lower_ in ("which", "who"))
            )
        ):
            return start, edge.i - 1
    return part


def _after_comma(doc: Doc, i: int) -> bool:
    """A comma right before token ``i``, or before the closing quote mark there (",”")."""
    if i > 0 and doc[i - 1].text == ",":
        return True
    return i > 1 and doc[i - 1].text in QUOTE_TOKENS and doc[i - 2].text == ","


def cut_at_other_cues(
    doc: Doc, part: tuple[int, int], verb: Token, lexicons: ClaimsLexicons
) -> tuple[int, int]:
    """The content up to another attribution joined to it ("… and suggested that Y",
    "…, the footage showed"): that one is a claim of its own."""
    start, end = part
    for token in doc[start:end]:
        if token.i == verb.i or not is_reporting_verb(token, lexicons):
            continue
        if token.dep_ == "conj" and _second_that_clause(token):
            continue  # "says A and that she expects B": the cue's second that-clause
        if token.dep_ == "conj" and start <= token.head.i < end and token.head.i != verb.i:
            conjunctions = [c for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
            cut = conjunctions[-1].i if conjunctions else token.left_edge.i
        elif token.dep_ == "parataxis" and has_own_subject(token) and token.head.i < token.i:
            cut = min([token.i] + [c.left_edge.i for c in token.children if c.dep_ in SUBJECT_DEPS])
        else:
            continue
        if cut > start + 1:
            return start, cut
    return part


def _second_that_clause(token: Token) -> bool:
    """ "says the plan fails and that she expects B": a conjoined clause opened by
    "that" is one more clause of the verb that reports the first one."""
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.i < token.i for c in token.children)
