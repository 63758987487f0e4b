"""The cue phrase: the verb group around a cue verb, as PolNeAR annotates cues.

The contract's ``cue`` is the bare verb ("said"); the record's added
``cue_phrase`` is the group ("has not said", "said in a statement",
"complained about", "said Tuesday").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

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


#: What may stand between a cue verb and the content it introduces, inside the cue
#: phrase: the verb's preposition or particle ("was asked about", "opened up about",
#: "cried out for"), the content's infinitive "to".
BRIDGE_DEPS = frozenset({"prep", "prt", "agent"})


def settled_phrase(
    doc: Doc, cue: tuple[int, int], phrase: tuple[int, int], content: list[tuple[int, int]]
) -> tuple[int, int]:
    """The cue phrase ``phrase`` of a claim whose cue is the verb ``cue``, given the
    claim's final ``content`` spans (after the tagger and the boundary chooser moved
    them), as PolNeAR annotates cues: the verb group from its subject up to the
    content ("has since said", "went on to explain", "was asked about | the vote").

    * the start takes the verb's adverbs back to the subject ("has since said", "is
      once again questioning") and, for an infinitive right after the verb whose
      subject speaks, that verb's group ("moved to emphasize", "has yet to endorse"),
      as for a gerund of "by" or "in" right after it ("responded by saying");
    * the end runs up to a content that follows when only the verb's preposition or
      particle lies between ("was asked | about", "opens up | about"), or the verb's
      own few words ending in its preposition, or its adverbs ("expressed concern
      about", "spoke briefly about", "complain bitterly");
    * a nominal cue that is the object of the verb right before it takes that verb's
      group ("floated the notion", "raised concern").

    Where and when it was said after the verb ("said in an interview", "said on
    Tuesday") stay out: PolNeAR's annotators take them about as often as not
    (measured on train and dev, where taking them loses more than it wins).
    """
    span = doc.char_span(*cue)
    if span is None or len(span) != 1:
        return phrase
    if span[0].pos_ in ("NOUN", "PROPN"):
        return _object_noun_start(span[0], phrase), phrase[1]
    if span[0].pos_ not in ("VERB", "AUX"):
        return phrase
    verb = span[0]
    start, end = phrase
    start = min(start, _governing_start(verb, start), _interposed_start(verb, start))
    start = min(start, _means_start(verb, start))
    content_start = content[0][0]
    if content_start >= end:
        gap = doc.char_span(end, content_start, alignment_mode="expand")
        tokens = [t for t in gap or () if t.idx >= end]
        if tokens and (all(_bridges(t, verb) for t in tokens) or _own_words(tokens, verb)):
            return start, tokens[-1].idx + len(tokens[-1].text)
    return start, end


#: The longest stretch between a cue verb and its content that the cue phrase takes in
#: when it is the verb's own words ("expressed concern about", "made the case for").
MAX_OWN_WORDS = 4


def _own_words(tokens: list[Token], verb: Token) -> bool:
    """Whether the words between ``verb`` and its content are the verb's own, which
    PolNeAR's cue takes in: only adverbs of the verb ("complain bitterly | that"), its
    object noun that the content hangs on ("expressed concern | that"), or a short
    phrase of the verb ending in the preposition that opens the content ("expressed
    concern about", "made the case for", "spoke passionately about").
    Not with a name or pronoun, a time or a second preposition inside: "talks to
    DuVernay about", "told the audience at his fundraiser for" and "said Tuesday
    about" are left out about as often as taken in (measured on train)."""
    if any(t.is_punct or t.is_space or not _governed_by(t, verb) for t in tokens):
        return False
    if all(t.dep_ == "advmod" and t.head.i == verb.i for t in tokens):
        return True
    last = tokens[-1]
    if _content_noun(last, verb):  # "expressed concern | that …"
        return len(tokens) <= MAX_OWN_WORDS and not any(t.pos_ in ("PROPN", "PRON") for t in tokens)
    return (
        last.dep_ == "prep"
        and len(tokens) <= MAX_OWN_WORDS
        and not any(
            t.pos_ in ("PROPN", "PRON") or t.dep_ in ("dative", "npadvmod", "prep")
            for t in tokens[:-1]
        )
    )


def _content_noun(word: Token, verb: Token) -> bool:
    """Whether ``word`` is a noun object of ``verb`` on which the content right after it
    hangs: "expressed concern | that …", "voiced confidence | that …"; not an
    addressee ("told reporters | that …", where the content hangs on the verb)."""
    doc = word.doc
    if word.dep_ != "dobj" or word.head.i != verb.i or word.pos_ != "NOUN":
        return False
    return word.i + 1 < len(doc) and _governed_by(doc[word.i + 1], word)


def _governed_by(token: Token, verb: Token) -> bool:
    """Whether ``token`` is ``verb`` or hangs on it, however deep."""
    return token.i == verb.i or verb.is_ancestor(token)


def _bridges(token: Token, verb: Token) -> bool:
    """Whether ``token`` belongs to the verb's phrase on the way to its content."""
    if token.dep_ == "aux":
        return token.lower_ == "to" and token.head.i > token.i  # "threatened | to | leave"
    return token.dep_ in BRIDGE_DEPS and token.head.i == verb.i


def _governing_start(verb: Token, start: int) -> int:
    """Where the governing verb's group starts, when ``verb`` is the infinitive of a
    verb right before it whose subject is the source ("Rubio | moved to emphasize",
    "Groberg | went on to explain", "He | has yet to explain"): PolNeAR's cue runs
    from the source to the content, and "to" alone does not part them."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not (verb.dep_ == "xcomp" or verb.dep_ == "advcl" and infinitive):
        return start  # "went on to explain" is sometimes parsed as an adverbial clause
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return start
    head = verb.head
    if head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
        return start
    phrase = verb.doc.char_span(start, verb.idx + len(verb), alignment_mode="expand")
    if phrase is None:
        return start
    between = verb.doc[head.i + 1 : phrase.start]
    if any(t.head.i != head.i or t.dep_ not in ("prt", "advmod", "neg") for t in between):
        return start
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i]
    if not subjects:
        return start
    first = head
    for token in reversed(list(head.lefts)):
        if token.i > subjects[0].i and token.dep_ in ("aux", "auxpass", "neg", "advmod"):
            first = token
        else:
            break
    return first.idx


#: The prepositions by which a verb's gerund says how its subject spoke: "began by
#: saying", "clearly erred in saying".
MEANS_PREPOSITIONS = frozenset({"by", "in"})


def _means_start(verb: Token, start: int) -> int:
    """Where the governing verb's group starts, when ``verb`` is the gerund of "by" or
    "in" right after a verb with a subject and no object ("Trump | responded first by
    saying", "followed up by asking", "clearly erred in saying"), which PolNeAR's cue
    takes in; with an object between ("distanced himself from the movement by
    saying") the gerund stands alone about as often as not (measured on train)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in MEANS_PREPOSITIONS or prep.i != verb.i - 1:
        return start
    head = prep.head
    if head.i >= prep.i or head.pos_ not in ("VERB", "AUX"):
        return start
    if any(
        t.head.i != head.i or t.dep_ not in ("prt", "advmod") for t in verb.doc[head.i + 1 : prep.i]
    ):
        return start
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i for c in head.children):
        return start
    first = _verb_group_start(head)
    return min(start, _interposed_start(head, first))


#: What stands between the subject and its verb inside PolNeAR's cue: "has since
#: said", "is once again questioning" (time phrases there, "Cruz | on Wednesday
#: announced", are left out as often as taken in: measured on dev, they lose).
INTERPOSED_DEPS = frozenset({"advmod"})


def _interposed_start(verb: Token, start: int) -> int:
    """The start of the verb's auxiliaries and adverbs (with their own modifiers:
    "once again", "almost universally") between its subject and the verb, when they
    fill that stretch, which PolNeAR's cue takes; a wh-adverb ("when asked") is not
    the verb group's."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if not subjects:
        return start
    first = doc.char_span(start, verb.idx + len(verb), alignment_mode="expand")
    if first is None:
        return start
    i = first.start - 1
    begin = None
    while i > subjects[0].right_edge.i:
        token = doc[i]
        if token.dep_ in ("aux", "auxpass", "neg") and token.head.i == verb.i:
            begin = token
            i -= 1
            continue
        head = token
        while head.head.i != verb.i and head.head.i < verb.i and head.i != head.head.i:
            head = head.head
        if head.head.i != verb.i or head.dep_ not in INTERPOSED_DEPS or head.tag_ == "WRB":
            break
        begin = head.left_edge
        i = head.left_edge.i - 1
    if begin is None or i != subjects[0].right_edge.i:
        return start  # only when they reach back to the subject
    return begin.idx


#: What a tagger's cue span may begin with that hangs on the word right before it:
#: "concerns | about", "message | of", "struggled | to demonstrate", "rebuked".
LEADING_DEPS = frozenset({"prep", "aux", "prt"})


def grown_tagger_cue(doc: Doc, cue: tuple[int, int], lexicons: ClaimsLexicons) -> tuple[int, int]:
    """The attribution tagger's cue span ``cue``, opened at the verb group it belongs to:
    a preposition or "to" that begins it takes the word it hangs on right before it
    ("concerns about", "struggled to demonstrate"), and a verb the auxiliaries and
    adverbs before it ("has been rebuked", "has yet to address"). A span that begins
    with a verb's negation or adverbs opens at that verb's group ("does | n't want"),
    one that begins inside the object or complement of the verb right before it at
    that verb's group ("don't yet have | a common message about", "turned | his back
    on")."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None or not len(span):
        return cue
    first = span[0]
    while first.dep_ in LEADING_DEPS and first.i > 0 and first.head.i == first.i - 1:
        first = first.head
    if first.dep_ in LEADING_DEPS and first.head.i == first.i + 1 and first.head.i < span.end:
        first = first.head  # "to | demonstrate": the infinitive's verb
    start = min(doc[first.i].idx, cue[0])
    if first.pos_ not in ("VERB", "AUX"):
        anchor = first
        while anchor.i < anchor.head.i < span.end:
            anchor = anchor.head  # "n't | want", "also not | answered", "common | message"
        if anchor.pos_ in ("VERB", "AUX"):
            first = anchor
        else:
            start = min(start, _complement_start(anchor, span.start))
    if first.pos_ in ("VERB", "AUX"):
        start = min(start, cue_start(first, lexicons).idx)
        start = min(_governing_start(first, start), _interposed_start(first, start))
    return start, cue[1]


#: How a tagger's nominal or adjectival cue hangs on the verb right before it: "have |
#: a common message about", "is | immune to", "turned | his back on".
COMPLEMENT_DEPS = frozenset({"acomp", "dobj", "attr"})


def _complement_start(word: Token, first: int) -> int:
    """The start of the verb group that ``word`` (a tagger cue's head) completes, when
    the verb comes right before ``word``'s phrase and the cue (whose first token is
    ``first``) begins inside that phrase ("don't yet have | a common message about",
    "were | slightly more likely to say", "echoed | a theme"); else ``word``'s own start."""
    doc = word.doc
    verb = word.head
    if word.dep_ not in COMPLEMENT_DEPS or verb.pos_ not in ("VERB", "AUX"):
        return doc[first].idx
    if verb.i >= first or word.left_edge.i != verb.i + 1:
        return doc[first].idx
    start = _verb_group_start(verb)
    return min(start, _interposed_start(verb, start))


def _object_noun_start(noun: Token, phrase: tuple[int, int]) -> int:
    """A nominal cue that is the object of the verb right before it takes that verb's
    group ("floated | the notion that …", "raised | concern that …", "has since
    rejected | the idea"), as PolNeAR's cue runs from the source to the content."""
    start = phrase[0]
    verb = noun.head
    if noun.dep_ != "dobj" or verb.i >= noun.i or verb.pos_ not in ("VERB", "AUX"):
        return start
    first = noun.doc.char_span(start, phrase[1], alignment_mode="expand")
    if first is None:
        return start
    between = noun.doc[verb.i + 1 : first.start]
    if any(t.head.i != verb.i or t.dep_ not in ("prt", "advmod") for t in between):
        return start
    verb_start = _verb_group_start(verb)
    return min(start, verb_start)


def _verb_group_start(verb: Token) -> int:
    """The start of ``verb``'s auxiliaries, negation and adverbs right before it."""
    first = verb
    for token in reversed(list(verb.lefts)):
        if token.i == first.i - 1 and token.dep_ in ("aux", "auxpass", "neg", "advmod"):
            first = token
        else:
            break
    return first.idx
