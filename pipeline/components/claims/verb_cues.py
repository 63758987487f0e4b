"""Attributions headed by a reporting verb, from the dependency parse.

A reporting verb gives a cue; its subject the source; its clausal complement
(or, for some verbs, its object, its question, its prepositional phrase) the
content. A verb of seeming ("X seemed to Y") gives an attribution without a
source. Which verbs take which complement as content are word lists in
``data/`` (``lexicons.words``: ``xcomp_content_verbs``, ``object_content_verbs``,
``tell_verbs``, ...; ``lexicons.phrasal_cues``); the dependency labels they are
read from stay here.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import Candidate, char_span, char_spans, exclude, subtree_bounds
from .content import cut_at_other_cues, cut_trailing_comment, ends_with_quote, starts_with_quote
from .cue_phrase import cue_start, phrase_end
from .docview import DocView
from .lexicon import ClaimsLexicons
from .verbs import SUBJECT_DEPS, find_subject, inverted_speaker, unparsed_subject, verb_lemma

#: Dependency labels of a clausal complement that holds what was said.
CONTENT_DEPS = ("ccomp",)
#: What a verb of seeming says about its subject ("seemed to carry", "appears likely").
RAISING_COMPLEMENTS = ("xcomp", "acomp", "oprd", "attr")
#: What opens the question a verb of asking reports: a subordinator or a wh-word's tag.
QUESTION_MARKS = frozenset({"if", "whether"})
QUESTION_WORDS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _question(head: Token, after: int) -> Token | None:
    for child in head.children:
        if child.i <= after:
            continue
        first = child.left_edge
        if child.dep_ in ("advcl", "ccomp") and (
            first.lower_ in QUESTION_MARKS or first.tag_ in QUESTION_WORDS
        ):
            return child
        if child.dep_ == "prep" and child.lower_ == "about":
            return child
    return None


def question_candidate(verb: Token, lexicons: ClaimsLexicons) -> Candidate | None:
    """ "HuffPost asked the contender if he …", "Asked by Thrush if Clinton …, Sharpton
    said", "asked the frontrunner about the dispute": the question is the content;
    the asker (the subject, the agent of a passive, or nobody) the source."""
    doc = verb.doc
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    passive = verb.tag_ == "VBN" and not own and verb.dep_ in ("advcl", "ROOT", "relcl")
    if passive:
        agents = [c for c in verb.children if c.dep_ == "agent"]
        pobj = [c for c in agents[0].children if c.dep_ == "pobj"] if agents else []
        subject = pobj[0] if pobj else None
    elif own:
        subject = own[0]
    else:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    question = _question(verb, verb.i)
    if question is None and objects:
        question = _question(objects[0], objects[0].i)
    if question is None:
        return None
    content = char_span(doc, *subtree_bounds(question))
    if content is None:
        return None
    addressee = objects[0] if objects and objects[0].i < question.i else None
    return Candidate(
        cue=(verb.idx, verb.idx + len(verb.text)),
        cue_phrase=(cue_start(verb, lexicons).idx, verb.idx + len(verb.text)),
        content=[content],
        source_head=subject,
        addressee=(addressee.idx, addressee.idx + len(addressee.text)) if addressee else None,
        cue_token=verb.i,
    )


def _addressee(verb: Token, lemma: str, lexicons: ClaimsLexicons) -> Token | None:
    """Who a verb of telling addresses ("told RFA", "urged North Korea")."""
    if lemma not in lexicons.words["tell_verbs"]:
        return None
    for child in verb.children:
        if (
            child.dep_ in ("dobj", "dative")
            and child.i > verb.i
            # "called Machado on Friday" (an addressee), not "called Trump a liar"
            and (
                lemma != "call"
                or child.pos_ in ("PRON", "PROPN")
                and not any(c.dep_ in ("oprd", "xcomp", "attr", "ccomp") for c in verb.children)
            )
        ):
            return child
    return None


def _object_content(verb: Token, lemma: str, lexicons: ClaimsLexicons) -> list[tuple[int, int]]:
    """The verb's direct object as its content ("denied the accusations"), with
    what follows it for ``object_and_rest_verbs`` ("accused X of Y")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i]
    if not objects:
        return []
    start = objects[0].left_edge.i
    end = objects[0].right_edge.i + 1
    if lemma in lexicons.words["object_and_rest_verbs"]:
        # "accused X in September of selling ...": the object and what follows.
        for child in verb.rights:
            if child.i > objects[0].i and (
                child.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
                or (child.dep_ == "prep" and child.lower_ in lexicons.words["rest_prepositions"])
                # "in September of selling …": the parser hung "of" on the date
                or (
                    child.dep_ == "prep"
                    and any(
                        t.dep_ == "prep" and t.lower_ in lexicons.words["rest_prepositions"]
                        for t in child.subtree
                    )
                )
            ):
                end = max(end, child.right_edge.i + 1)
    return [(start, end)]


def _issued_statement(verb: Token, lexicons: ClaimsLexicons) -> Token | None:
    """The participle that says what the text an ``issuing_verbs`` verb issues says:
    "issued a statement saying …", "posted a message on Twitter reading …"."""
    if verb_lemma(verb, lexicons) not in lexicons.words["issuing_verbs"]:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return None
    for child in objects[0].rights:
        if child.dep_ == "acl" and child.tag_ == "VBG" and child.right_edge.i > child.i:
            return child
    return None


def _phrasal_content(
    verb: Token, lemma: str, lexicons: ClaimsLexicons
) -> tuple[list[tuple[int, int]], Token]:
    """ "called for an investigation", "pointed to the polls": the content after the
    particle, and the particle, which ends the cue."""
    for child in verb.rights:
        if (
            child.dep_ in ("prep", "prt")
            and child.lower_ in lexicons.phrasal_cues[lemma]
            and child.i == verb.i + 1
        ):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            rest = [
                c for c in verb.rights if c.i > child.i and c.dep_ in ("xcomp", "ccomp", "oprd")
            ]
            if objects:
                end = max([objects[0].right_edge.i] + [c.right_edge.i for c in rest]) + 1
                return [(objects[0].left_edge.i, end)], child
            if child.dep_ == "prt":
                return [subtree_bounds(c) for c in rest if c.dep_ in ("dobj", "ccomp")], child
            return [], child
    return [], verb


def verb_candidate(verb: Token, view: DocView, lexicons: ClaimsLexicons) -> Candidate | None:
    """The attribution a reporting verb heads, if it has a content."""
    doc = verb.doc
    lemma = verb_lemma(verb, lexicons)
    if lemma in lexicons.words["question_verbs"]:
        question = question_candidate(verb, lexicons)
        if question is not None:
            return question
    sent = view.sentence(verb)
    subject = find_subject(verb)
    if subject is not None and (subject.lower_, lemma) in lexicons.discourse_markers:
        return None
    addressee = _addressee(verb, lemma, lexicons)
    token_parts: list[tuple[int, int]] = []
    no_source = False
    source_span = None
    if subject is None and not any(c.dep_ in ("nsubjpass", "agent") for c in verb.children):
        fallback = unparsed_subject(verb, view)
        if fallback is not None:
            subject, source_span = fallback
    if subject is None:
        # "was first reported by the local paper": the agent is the source,
        # the passive subject the content.
        agents = [c for c in verb.children if c.dep_ == "agent"]
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        pobj = [c for c in agents[0].children if c.dep_ == "pobj"] if agents else []
        if pobj and passive:
            subject = pobj[0]
            token_parts.append(subtree_bounds(passive[0]))
        elif passive and verb.dep_ in ("ROOT", "conj"):
            # "was charged with manslaughter", "is not thought to be capable":
            # an attribution with no source; the passive subject and the rest.
            rest = [c for c in verb.rights if c.dep_ in ("prep", "xcomp", "oprd", "ccomp")]
            if rest:
                token_parts.append((passive[0].left_edge.i, max(c.right_edge.i for c in rest) + 1))
                no_source = True
    complements = [c for c in verb.children if c.dep_ in CONTENT_DEPS] if not token_parts else []
    if complements:
        # Complements on both sides (a sentence split missed at "…"): the right one.
        # But "“A,” she said, “B”" is one split quotation: keep both.
        right = [c for c in complements if c.i > verb.i]
        left = [c for c in complements if c.i < verb.i]
        # And "“It’s over,” he said of the race, in which …": the quotation.
        if right and left:
            if ends_with_quote(left[-1]) and not starts_with_quote(right[0]):
                complements = left
            elif not (starts_with_quote(right[0]) and ends_with_quote(left[-1])):
                complements = right
        for comp in complements:
            token_parts.append(subtree_bounds(comp))
    if not token_parts and lemma in lexicons.words["xcomp_content_verbs"]:
        token_parts = [
            subtree_bounds(c) for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
        ]
    if not token_parts and verb.dep_ == "relcl":
        # "Bannon, who Beck called “a horrible human being”", "the server, which he
        # described as “like a leaking boat”": the relative pronoun and the predicate.
        pronouns = [
            c
            for c in verb.children
            if c.dep_ == "dobj" and c.i < verb.i and c.tag_ in ("WP", "WDT")
        ]
        rest = [
            c
            for c in verb.rights
            if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
            or (c.dep_ == "prep" and c.lower_ == "as")
        ]
        if pronouns and rest:
            token_parts = [
                (pronouns[0].i, pronouns[0].i + 1),
                (rest[0].left_edge.i, max(c.right_edge.i for c in rest) + 1),
            ]
    if not token_parts and lemma in lexicons.words["clause_as_xcomp_verbs"] and addressee is None:
        # "Gomez said seeing so many officers was a welcome sight": the small model
        # parses the that-less clause as an xcomp; not a to-infinitive ("said to be").
        token_parts = [
            subtree_bounds(c)
            for c in verb.children
            if c.dep_ == "xcomp"
            and c.i > verb.i
            and not any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children)
            and c.left_edge.i == verb.i + 1
        ]
    if (
        not token_parts
        and addressee is not None
        and lemma in lexicons.words["addressee_and_rest_verbs"]
    ):
        # "urged North Korea to cease": the addressee and what it is urged to do.
        rest = [c for c in verb.rights if c.i > addressee.i and c.dep_ in ("xcomp", "ccomp")]
        if rest:
            token_parts = [(addressee.left_edge.i, max(c.right_edge.i for c in rest) + 1)]
    if not token_parts and addressee is not None:
        xcomps = [c for c in verb.rights if c.i > addressee.i and c.dep_ == "xcomp"]
        if xcomps:
            token_parts = [subtree_bounds(xcomps[0])]
    if (
        not token_parts
        and addressee is None
        # "“…,” posted Sharon Geyer": the object is the speaker, not what is said
        and (subject is None or subject != inverted_speaker(verb))
        and (
            lemma in lexicons.words["object_content_verbs"]
            or lemma not in lexicons.words["no_object_content_verbs"]
            # "sees the plan as a step back …": an object with its "as" predicate
            or lemma in lexicons.words["view_as_verbs"]
            and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i for c in verb.children)
        )
    ):
        token_parts = _object_content(verb, lemma, lexicons)
    cue_end_token = verb
    phrase_token = verb  # the last token of the cue phrase, before what phrase_end adds
    issued = _issued_statement(verb, lexicons) if token_parts else None
    if issued is not None:
        # "issued a statement saying that …": what the statement says is the content,
        # "issued a statement saying" the cue phrase, as PolNeAR annotates it.
        token_parts = [(issued.i + 1, issued.right_edge.i + 1)]
        phrase_token = issued
    if not token_parts and lemma in lexicons.phrasal_cues:
        token_parts, cue_end_token = _phrasal_content(verb, lemma, lexicons)
    if addressee is not None and not token_parts:
        # "told RFA, a potential opportunity ...": spaCy hangs the rest on the addressee.
        for child in addressee.rights:
            if child.dep_ == "appos":
                token_parts.append(subtree_bounds(child))
    if not token_parts:
        # "speaks about racial issues", "argued for the assassination of …",
        # "has not responded to Calderon’s remarks", "hinting at his playbook"
        for child in verb.rights:
            if child.dep_ == "prep" and child.lower_ in lexicons.words["content_prepositions"]:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    token_parts = [subtree_bounds(objects[0])]
                break
    # A cue clause hanging on the content's verb has nothing of its own to report.
    bare = not any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "attr") for c in verb.children)
    as_clause = verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )
    if (
        not token_parts
        and subject is not None
        and (
            verb.dep_ == "parataxis"
            or (verb.dep_ in ("ccomp", "advcl") and verb.head.i < verb.i and bare)
            or as_clause
        )
    ):
        # "as Mr. Bown observed, …": the clause the as-clause hangs on.
        # "X did Y, sources said" / "The storm, officials said, was the worst":
        # the cue clause hangs on the content's verb; content is the rest of it.
        token_parts = exclude(subtree_bounds(verb.head), subtree_bounds(verb))
    if not token_parts or (subject is None and not no_source):
        return None
    # Parenthetical attribution "A, experts told RFA, B": content is A and B.
    left = min(subject.left_edge.i if subject is not None else verb.i, verb.i)
    if any(p[1] <= left for p in token_parts) and left > sent.start and doc[left - 1].text == ",":
        right = verb.right_edge.i + 1
        if addressee is not None:
            right = addressee.i + 1
        if (
            right < sent.end - 1
            and doc[right].text == ","
            and not any(p[0] >= right for p in token_parts)
        ):
            token_parts.append((right + 1, sent.end))
            token_parts = [(max(p[0], sent.start), p[1]) for p in token_parts]
    # A participle or relative clause after a comma at the end of the content
    # (", prompting experts to suggest ...", ", who …") is the writer's comment.
    token_parts = [cut_trailing_comment(doc, part) for part in token_parts]
    # Another attribution joined to the content ("… and suggested that Y", "…, the
    # footage showed") is its own claim, not part of this one.
    token_parts = [cut_at_other_cues(doc, part, verb, lexicons) for part in token_parts]
    # Content never contains the cue clause itself, nor the verb group's auxiliaries
    # ("The birth … is expected | to coincide": "is" is the cue's, not the content's).
    cue_clause = (
        min(subject.left_edge.i if subject is not None else verb.i, cue_start(verb, lexicons).i),
        cue_end_token.i + 1,
    )
    cleaned: list[tuple[int, int]] = []
    for part in token_parts:
        cleaned.extend(
            exclude(part, cue_clause)
            if part[0] < cue_clause[1] and cue_clause[0] < part[1]
            else [part]
        )
    content = char_spans(doc, sorted(cleaned))
    if not content:
        return None
    return Candidate(
        cue=(verb.idx, cue_end_token.idx + len(cue_end_token.text)),
        cue_phrase=(
            cue_start(verb, lexicons).idx,
            phrase_end(
                phrase_token if phrase_token.i > cue_end_token.i else cue_end_token,
                lexicons,
                min(p[0] for p in cleaned) if cleaned else None,
            ),
        ),
        content=content,
        stance=lexicons.cue_verbs.get(lemma, "assert"),
        source_head=subject,
        addressee=(addressee.idx, addressee.idx + len(addressee.text))
        if addressee is not None
        else None,
        cue_token=verb.i,
        source_span=source_span,
    )


def raising_candidates(doc: Doc, lexicons: ClaimsLexicons) -> list[Candidate]:
    """ "Both objections seemed to carry little weight": an attribution with no
    source; the content is the subject and the complement, the cue the verb."""
    found = []
    for verb in doc:
        if (
            verb.pos_ not in ("VERB", "AUX")
            or verb.lemma_.lower() not in lexicons.words["raising_verbs"]
        ):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
        complements = [c for c in verb.children if c.dep_ in RAISING_COMPLEMENTS and c.i > verb.i]
        if not subjects or not complements:
            continue
        if subjects[0].lower_ in ("it", "there"):
            continue  # "it seems that …": no subject to speak of
        parts = [subtree_bounds(subjects[0]), subtree_bounds(complements[0])]
        content = char_spans(doc, parts)
        if len(content) != 2:
            continue
        found.append(
            Candidate(
                cue=(verb.idx, verb.idx + len(verb.text)),
                cue_phrase=(cue_start(verb, lexicons).idx, verb.idx + len(verb.text)),
                content=content,
                cue_token=verb.i,
            )
        )
    return found
