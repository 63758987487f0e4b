"""``find_claims``: the attributed claims of a parsed doc, as plain dicts.

Every finder proposes candidates (``verb_cues``, ``nominal_cues``); ``layout``
and ``attach`` fit their contents to paragraphs and quotations; ``speakers``
resolves their sources; this module decides which verbs are asked
(``cue_decision``), a claim's kind and stance, and writes the dicts.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from .attach import attach_quotes, drop_duplicates, drop_nested
from .candidate import Candidate
from .cue_model import CueModel, is_candidate
from .docview import DocView
from .layout import (
    clip_to_paragraph,
    extend_to_quotes,
    signed_quote_candidates,
    speaker_line_candidates,
    split_sentence_continuations,
)
from .lexicon import ClaimsLexicons, load_lexicons
from .nominal_cues import according_to_candidates, in_source_candidates, nominal_candidates
from .quotes import Quote, find_quotes, quote_at, quotes_overlapping
from .speakers import SpeakerMemory, resolve_speaker, source_tokens
from .verb_cues import raising_candidates, verb_candidate
from .verbs import is_reporting_verb, verb_lemma


def find_claims(
    doc: Doc,
    lexicons: ClaimsLexicons | None = None,
    *,
    split_quotes: bool = False,
    split_sentence_quotes: bool = True,
    quotes: list[Quote] | None = None,
    cue_model: CueModel | None = None,
    view: DocView | None = None,
) -> list[dict[str, Any]]:
    """The attributed claims of a parsed ``doc`` as plain dicts (character offsets).

    ``quotes``: the quotations of ``doc.text`` when the caller has found them;
    ``view``: the doc's ``DocView`` when the caller has built it.
    ``cue_model``: a learned cue scorer (``cue_model.py``) that decides which
    verbs are cues; without one, the lexicon and the that-clause rule decide.

    ``split_quotes``: a quotation split by its attribution ("“A,” she said,
    “B”") gives two claims; by default it is one claim whose content has two
    spans, as PolNeAR annotates it (one attribution per cue).
    ``split_sentence_quotes``: only a quotation that opens a new sentence after
    its attribution ("“A,” Kim continued. “B.”") is a claim of its own; one that
    goes on in the same sentence ("“A,” he said, “b …”") stays one claim. On by
    default: the output contract wants one checkable statement per claim (the
    seed reference has two claims for "“A,” Kim continued. “B.”"), although
    PolNeAR, with one attribution per cue, annotates one.
    """
    view = view or DocView(doc)
    lexicons = lexicons or load_lexicons()
    if quotes is None:
        quotes, _ = find_quotes(view.text)
    candidates = find_candidates(
        view, quotes, lexicons, split_quotes=split_quotes, cue_model=cue_model
    )
    if split_sentence_quotes:
        candidates = split_sentence_continuations(view.text, candidates)
    candidates.extend(speaker_line_candidates(view, candidates, lexicons))
    candidates.extend(signed_quote_candidates(view, quotes, candidates))
    memory = SpeakerMemory()
    return [
        _claim(view, candidate, quotes, lexicons, memory)
        for candidate in sorted(candidates, key=lambda c: (c.cue[0], c.content[0][0]))
    ]


def find_candidates(
    view: DocView,
    quotes: list[Quote],
    lexicons: ClaimsLexicons,
    *,
    split_quotes: bool,
    cue_model: CueModel | None,
) -> list[Candidate]:
    """The attributions of the cues outside quotations, their contents fitted to
    paragraphs and quotations, and the quotations attached to them."""
    doc, text = view.doc, view.text
    candidates: list[Candidate] = []
    for token in doc:
        if quote_at(quotes, token.idx) is not None:
            continue
        asked, score = cue_decision(token, lexicons, cue_model, view)
        if asked:
            candidate = verb_candidate(token, view, lexicons)
            if candidate is not None:
                candidate.cue_score = score
                candidates.append(candidate)
    for candidate in (
        according_to_candidates(doc, view)
        + nominal_candidates(doc, lexicons)
        + raising_candidates(doc, lexicons)
        + in_source_candidates(doc, view, lexicons)
    ):
        if quote_at(quotes, candidate.cue[0]) is None:
            candidates.append(candidate)
    for candidate in candidates:
        clip_to_paragraph(text, candidate)
    candidates = [c for c in candidates if c.content]
    for candidate in candidates:
        extend_to_quotes(text, candidate, quotes)
    candidates = drop_nested(drop_duplicates(candidates), doc)
    candidates.extend(attach_quotes(view, quotes, candidates, lexicons, split_quotes=split_quotes))
    return candidates


def takes_that_clause(verb: Token, lexicons: ClaimsLexicons) -> bool:
    """ "The message appreciated that …": a verb with a subject and a that-clause
    after it reports that clause, whether or not it is in the lexicon."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() not in lexicons.words["not_cue_verbs"]
        and any(c.dep_ == "nsubj" for c in verb.children)
        and any(
            c.dep_ == "ccomp"
            and c.i > verb.i
            and c.left_edge.lower_ == "that"
            and c.left_edge.dep_ == "mark"
            for c in verb.children
        )
    )


def cue_decision(
    token: Token, lexicons: ClaimsLexicons, model: CueModel | None, view: DocView
) -> tuple[bool, float | None]:
    """Whether a verb is asked for an attribution (``verb_candidate``), and the
    model's probability that it is a cue when the model scored it.

    The rules propose: a reporting verb of the lexicons, or any verb with a
    subject and a that-clause after it. The model, when there is one, scores
    the other verbs: a lexicon verb is kept unless the model is confident it
    is no cue here ("continue to add"), a verb the rules do not know is added
    when the model is confident it is one ("laid out her proposals", "is
    raising questions about the debate").
    """
    if takes_that_clause(token, lexicons):
        return True, None
    in_lexicon = is_reporting_verb(token, lexicons)
    if model is None or not is_candidate(token):
        return in_lexicon, None
    if not in_lexicon:
        lemma = token.lemma_.lower()
        if lemma in lexicons.words["raising_verbs"] or lemma in lexicons.words["not_cue_verbs"]:
            return False, None  # "appears to", and verbs the lexicon rules out
    score = model.score(token, in_lexicon, view)
    return score >= (model.keep_threshold if in_lexicon else model.threshold), score


def claim_kind(
    view: DocView, candidate: Candidate, quotes: list[Quote], lexicons: ClaimsLexicons
) -> str:
    """according_to; direct when the content is all inside quotations, mixed when
    partly, else indirect (always for verbs of thinking)."""
    if candidate.kind == "according_to":
        return "according_to"
    if (
        candidate.cue_token is not None
        and view.doc[candidate.cue_token].lemma_.lower() in lexicons.words["cognitive_verbs"]
    ):
        return "indirect"
    return quoted_kind(view.text, candidate.content, quotes)


def quoted_kind(text: str, content: list[tuple[int, int]], quotes: list[Quote]) -> str:
    """direct when the content spans are all inside quotations, mixed when partly,
    else indirect."""
    quoted = [q for s, e in content for q in quotes_overlapping(quotes, s, e)]
    if not quoted:
        return "indirect"
    chars_outside = 0
    for start, end in content:
        for i in range(start, end):
            if text[i].isalnum() and not any(q.start <= i < q.end for q in quoted):
                chars_outside += 1
    return "direct" if chars_outside == 0 else "mixed"


def denies(text: str, candidate: Candidate, lexicons: ClaimsLexicons) -> bool:
    """A statement that calls something fabricated, baseless or false is a denial."""
    if lexicons.denial_content is None:
        return False
    return any(lexicons.denial_content.search(text[s:e]) for s, e in candidate.content)


def _source(
    view: DocView, candidate: Candidate, lexicons: ClaimsLexicons, memory: SpeakerMemory
) -> dict[str, Any] | None:
    """The claim's source, resolved (and remembered for later pronouns), if it has one."""
    if candidate.source_head is None:
        return None
    outer = _outer_speaker(view, candidate, lexicons)
    if outer is not None:
        candidate.source_head, candidate.source_span = outer, None
    span = (
        view.doc[candidate.source_span[0] : candidate.source_span[1]]
        if candidate.source_span
        else source_tokens(
            candidate.source_head,
            lexicons.words["source_adverbs"],
            cue_verbs=lexicons.cue_verbs,
        )
    )
    if len(span) and "\n" in view.text[span.start_char : candidate.cue[0]]:
        span = span[:0]  # a subject in another paragraph (a dateline) is no source
    if not len(span) or any(
        s < span.end_char and span.start_char < e for s, e in candidate.content
    ):
        return None
    if _expletive(span, candidate, view, lexicons):
        return None
    speaker = resolve_speaker(span, candidate.source_head, memory, lexicons, view)
    memory.remember(speaker)
    return speaker.as_source(span.start_char, span.end_char)


#: Subjects that stand for no one: "it seems that …", "there appears to be …".
EXPLETIVES = frozenset({"it", "there"})


def _expletive(span: Span, candidate: Candidate, view: DocView, lexicons: ClaimsLexicons) -> bool:
    """The source is the empty subject of a verb of seeming ("It appears that the
    plan failed"), which speaks for no one: PolNeAR train gives such claims no
    source (8 of 9)."""
    if len(span) != 1 or span[0].lower_ not in EXPLETIVES or candidate.cue_token is None:
        return False
    return verb_lemma(view.doc[candidate.cue_token], lexicons) in lexicons.words["raising_verbs"]


def _outer_speaker(view: DocView, candidate: Candidate, lexicons: ClaimsLexicons) -> Token | None:
    """The speaker of a cue the parse coordinated with what another speaker says
    ("Kasich says he'd sit Putin down and tells the crowd …": "tells" hangs on
    "sit"): the cue shares the subject of the reporting verb, not the one of the
    clause it reports. (An advcl cue hung there, "Trump insisted that he has …,
    claiming …", is often the same, but taking the outer subject for it cost one
    dev half a quoted source.)"""
    if candidate.cue_token is None or candidate.source_span is not None:
        return None
    cue = view.doc[candidate.cue_token]
    if cue.dep_ != "conj" or any(c.dep_ == "nsubj" for c in cue.children):
        return None
    reported = cue.head
    if reported.dep_ != "ccomp" or not is_reporting_verb(reported.head, lexicons):
        return None
    subjects = [c for c in reported.head.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects else None


def _claim(
    view: DocView,
    candidate: Candidate,
    quotes: list[Quote],
    lexicons: ClaimsLexicons,
    memory: SpeakerMemory,
) -> dict[str, Any]:
    """The claim dict of ``doc._.newsclaims_claims`` for one candidate."""
    text = view.text
    source = _source(view, candidate, lexicons, memory)
    content: dict[str, Any] = {
        "start": candidate.content[0][0],
        "end": candidate.content[-1][1],
    }
    if len(candidate.content) > 1:
        content["spans"] = [[s, e] for s, e in candidate.content]
    stance = candidate.stance
    if stance == "assert" and denies(text, candidate, lexicons):
        stance = "deny"
    claim = {
        "kind": claim_kind(view, candidate, quotes, lexicons),
        "stance": stance,
        "source": source,
        "cue": {"start": candidate.cue[0], "end": candidate.cue[1]},
        "content": content,
        "addressee": {"start": candidate.addressee[0], "end": candidate.addressee[1]}
        if candidate.addressee
        else None,
    }
    if candidate.cue_phrase and candidate.cue_phrase != candidate.cue:
        # An added record field (the contract allows additions): a full span, text included.
        start, end = candidate.cue_phrase
        claim["cue_phrase"] = {"text": text[start:end], "start": start, "end": end}
    if candidate.cue_score is not None:
        # An added field: how sure the cue model is that this verb reports here.
        claim["cue_score"] = round(candidate.cue_score, 3)
    if candidate.continuation:
        # The record turns this into ``continues``: the id of the claim it goes on from.
        claim["continuation"] = True
    return claim
