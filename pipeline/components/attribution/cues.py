"""Cue-driven attributions from the dependency parse.

A reporting verb (lexicon) gives a cue; its subject the source; its clausal
complement (or, for some verbs, its object) the content. "according to X"
gives an ``according_to`` attribution whose content is the rest of the
sentence. Results are ``Candidate`` objects with token/character spans; the
stage (``claims.py``) adds quotes, speakers and the output dicts.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .sentences import sentence_of

#: Dependency labels of a clausal complement that holds what was said.
CONTENT_DEPS = ("ccomp",)
#: Verbs whose to-infinitive holds the content ("claimed to have confirmed").
XCOMP_CONTENT = frozenset(
    {
        "claim",
        "deny",
        "promise",
        "pledge",
        "vow",
        "predict",
        "hope",
        "expect",
        "want",
        "plan",
        "decide",
        "refuse",
        "decline",
        "seek",
        "agree",
        "offer",
        "threaten",
        "appear",
    }
)
#: Verbs of saying whose clause the parser may attach as an xcomp.
CLAUSE_AS_XCOMP = frozenset({"say", "tell", "write", "add", "insist", "argue", "claim", "note"})
#: Verbs whose direct object is not what they report ("added glory", "continued the work").
NO_OBJECT_CONTENT = frozenset(
    {
        "add",
        "continue",
        "learn",
        "point",
        "refer",
        "post",
        "find",
        "see",
        "know",
        "feel",
        "think",
        "believe",
        "answer",
        "maintain",
        "seek",
        "offer",
        "hope",
        "want",
        "plan",
    }
)
#: Verbs whose direct object can be the content ("denied the accusations").
OBJECT_CONTENT = frozenset(
    {
        "deny",
        "reject",
        "dismiss",
        "refute",
        "dispute",
        "rebut",
        "report",
        "confirm",
        "announce",
        "reveal",
        "acknowledge",
        "admit",
        "accuse",
        "allege",
        "charge",
        "blame",
        "predict",
        "disclose",
        "repeat",
        "reiterate",
        "tweet",
        "post",
        "write",
        "ask",
        "say",
        "decry",
        "condemn",
        "criticize",
        "denounce",
        "slam",
        "blast",
        "claim",
        "estimate",
        "call",
        "cite",
        "describe",
        "praise",
    }
)
#: Prepositions that carry the rest of an object content ("criticized X as Y",
#: "accused X of Y", "blasted X for Y"); others are circumstances ("during a stop").
REST_PREPOSITIONS = frozenset({"as", "of", "for", "to", "with", "over"})
#: Verbs whose object with an "as" predicate is a view ("sees the piece as …"),
#: unlike "maintained its status as …".
VIEW_AS = frozenset({"see", "view", "consider", "regard", "describe", "portray", "characterize"})
#: A cue verb's first prepositional phrase with one of these holds its content
#: when nothing else does.
PREPOSITION_CONTENT = frozenset({"about", "for", "against"})
#: Verb + particle cues ("called for", "pointed out").
PHRASAL_CUES = {
    "call": ("for", "on"),
    "point": ("to", "out"),
    "refer": ("to",),
    "talk": ("about",),
    "speak": ("about", "of"),
    "liken": ("to",),
    "compare": ("to", "with"),
}
#: Verbs whose content is everything they govern after the object ("called X a liar").
OBJECT_AND_REST = frozenset(
    {
        "call",
        "cite",
        "describe",
        "accuse",
        "charge",
        "blame",
        "allege",
        "praise",
        "criticize",
        "criticise",
        "condemn",
        "denounce",
        "slam",
        "blast",
        "attack",
        "dismiss",
        "reject",
        "mock",
        "liken",
        "compare",
    }
)
#: Any reporting verb's direct object may be its content (PolNeAR annotates "noted the rule").
OBJECTS_FOR_ALL = True
#: Passive cues without an agent are attributions without a source (PolNeAR annotates them).
PASSIVE_WITHOUT_SOURCE = True
#: Subjects of a reporting verb.
SUBJECT_DEPS = ("nsubj",)
#: Addressees ("told RFA"), for verbs of telling.
TELL_VERBS = frozenset(
    {
        "tell",
        "inform",
        "assure",
        "remind",
        "brief",
        "warn",
        "ask",
        "advise",
        "encourage",
        "urge",
        "call",
    }
)
#: Verbs whose content is the addressee and what they are asked to do ("urged X to Y").
ADDRESSEE_AND_REST = frozenset({"encourage", "urge", "warn", "advise", "call", "ask"})
#: "you know", "you see": discourse markers, not attributions.
DISCOURSE_MARKERS = frozenset({("you", "know"), ("you", "see"), ("i", "mean"), ("you", "think")})
#: The verb inherits the subject of its head ("..., noting that", "reporting ..., observed that").
INHERIT_DEPS = ("advcl", "conj", "xcomp", "pcomp")
PUNCT_EDGE = frozenset({",", ".", ";", ":", "—", "–", "-", "(", ")", "…"})


@dataclass
class Candidate:
    cue: tuple[int, int]  # character span
    content: list[tuple[int, int]]  # character spans, sorted
    stance: str = "assert"
    kind: str = "indirect"
    source_head: Token | None = None
    source: Span | None = None
    addressee: tuple[int, int] | None = None
    cue_token: int | None = None
    source_span: tuple[int, int] | None = None  # token range, when not the subject's phrase
    cue_phrase: tuple[int, int] | None = (
        None  # the verb group ("has not said"), when longer than the cue
    )
    cue_score: float | None = None  # the cue model's probability, for verbs it scored


LEADING_CONJUNCTIONS = frozenset({"but", "and", "so", "yet", "or"})


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Character span of tokens [start, end) without punctuation at its ends, nor a
    sentence-opening conjunction ("But the goal is not revenue", PolNeAR leaves it out)."""
    while start < end and (
        doc[start].text in PUNCT_EDGE
        or doc[start].is_space
        or (
            doc[start].dep_ == "cc"
            and doc[start].is_sent_start
            and doc[start].lower_ in LEADING_CONJUNCTIONS
        )
    ):
        start += 1
    while end > start and (doc[end - 1].text in PUNCT_EDGE or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def subtree_bounds(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


#: Adverbs that belong to the cue phrase when they sit in the verb group
#: ("also said", "have vehemently denied").
CUE_ADVERBS = frozenset(
    {
        "also",
        "never",
        "not",
        "n't",
        "repeatedly",
        "previously",
        "recently",
        "already",
        "often",
        "vehemently",
        "publicly",
        "later",
        "further",
        "again",
        "just",
        "first",
        "long",
        "even",
    }
)


def _phrase_end(token: Token, lexicon: Lexicon, content_start: int | None = None) -> int:
    """End of the cue phrase, as PolNeAR annotates it.

    A multi-word cue right after the verb belongs to it ("said in a
    statement", "told reporters in an interview" -> "in an interview"); so
    does the preposition or particle that introduces the content ("talked
    about the plan", "was accused of lying": ``content_start`` is the content's
    first token) and a day named right after the verb ("said Tuesday").
    """
    doc = token.doc
    end = token.idx + len(token.text)
    for words in lexicon.multiword_cues:
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
        if after.head.i == verb.i and after.dep_ == "npadvmod" and after.lower_ in DAY_WORDS:
            return after.idx + len(after.text)
    return end


#: Days that PolNeAR keeps in the cue phrase when they follow the verb ("said Tuesday").
DAY_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"today", "yesterday", "tonight"}
)


def cue_start(verb: Token) -> Token:
    """The first token of the verb group: auxiliaries, negation and adverbs right
    before the verb belong to the cue phrase ("has said", "is stressing", "also
    said", "have vehemently denied"), as PolNeAR annotates cues (train: 2,900
    such cues, 50 bare verbs). The contract's ``cue`` stays the bare verb."""
    doc = verb.doc
    first = verb
    i = verb.i - 1
    while i >= 0:
        token = doc[i]
        if token.head.i == verb.i and (
            token.dep_ in ("aux", "auxpass", "neg")
            or (token.dep_ == "advmod" and (token.lower_ in CUE_ADVERBS or token.pos_ == "ADV"))
        ):
            first = token
            i -= 1
            continue
        break
    head = verb.head
    if (
        verb.dep_ == "xcomp"
        and first.i > 0
        and doc[first.i - 1].i == head.i
        and head.lemma_.lower() in CATENATIVES
    ):
        return cue_start(head)  # "continued to call for", "refused to say"
    return first


#: Verbs whose infinitive complement's cue PolNeAR extends back to them
#: ("continued to call for", "seemed to think", "refused to say"; train: cue
#: phrase F1 +0.002).
CATENATIVES = frozenset(
    {"continue", "go", "seem", "appear", "begin", "start", "keep", "try", "refuse", "decline"}
)


def find_subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it depends on ("…, noting that").

    An infinitive's subject is its head's object when there is one ("prompting
    experts to suggest").
    """
    current = verb
    for _ in range(3):
        subjects = [child for child in current.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            # "“… Full retreat mode,” said Marta Ocampo": the parser may make a quoted
            # fragment a second subject; the speaker is the one nearest the verb.
            return min(subjects, key=lambda child: abs(child.i - current.i))
        if current.dep_ in INHERIT_DEPS and current.head.i != current.i:
            if current.dep_ == "xcomp":
                objects = [c for c in current.head.children if c.dep_ == "dobj" and c.i < current.i]
                if objects:
                    return objects[0]
            current = current.head
            if (
                verb.dep_ == "pcomp"
                and current.dep_ == "prep"
                and current.lower_ in PCOMP_INHERIT
                and current.head.pos_ in ("VERB", "AUX")
            ):
                # "distinguished himself by saying he'd …": the subject of the verb
                # the preposition hangs on.
                current = current.head
        else:
            return None
    return None


#: Prepositions whose gerund shares the main clause's subject ("by saying", "after telling").
PCOMP_INHERIT = frozenset({"by", "after", "before", "while", "in", "without", "when"})


def has_own_subject(verb: Token) -> bool:
    return any(child.dep_ in SUBJECT_DEPS for child in verb.children)


#: Word forms the small model lemmatises wrongly ("hoped", "hoping" -> "hop";
#: PolNeAR train: 60 "hope" cues missed).
WORD_LEMMAS = {"hope": "hope", "hopes": "hope", "hoped": "hope", "hoping": "hope"}


def verb_lemma(token: Token) -> str:
    return WORD_LEMMAS.get(token.lower_) or token.lemma_.lower()


def is_reporting_verb(token: Token, lexicon: Lexicon) -> bool:
    return (
        token.pos_ in ("VERB", "AUX")
        and token.tag_.startswith("VB")
        and verb_lemma(token) in lexicon.cue_verbs
    )


QUOTE_TOKENS = frozenset({"“", "”", '"', "''", "``"})


def _starts_with_quote(token: Token) -> bool:
    doc = token.doc
    i = token.left_edge.i
    return doc[i].text in QUOTE_TOKENS or (i > 0 and doc[i - 1].text in QUOTE_TOKENS)


def _ends_with_quote(token: Token) -> bool:
    doc = token.doc
    i = token.right_edge.i
    return (
        doc[i].text in QUOTE_TOKENS
        or (i + 1 < len(doc) and doc[i + 1].text in QUOTE_TOKENS)
        or (i + 2 < len(doc) and doc[i + 2].text in QUOTE_TOKENS)
    )


def _exclude(bounds: tuple[int, int], cut: tuple[int, int]) -> list[tuple[int, int]]:
    """Token range ``bounds`` minus ``cut``."""
    start, end = bounds
    parts = []
    if start < cut[0]:
        parts.append((start, min(end, cut[0])))
    if cut[1] < end:
        parts.append((max(start, cut[1]), end))
    return parts


def _cut_trailing_comment(doc: Doc, part: tuple[int, int]) -> tuple[int, int]:
    """The content without the writer's comment at its end, after a comma: a
    participle clause (", prompting experts to suggest …") or a non-restrictive
    relative clause (", who chairs the committee"; PolNeAR train: content F1
    +0.002, exact content +0.002)."""
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


def _cut_at_other_cues(
    doc: Doc, part: tuple[int, int], verb: Token, lexicon: Lexicon
) -> tuple[int, int]:
    start, end = part
    for token in doc[start:end]:
        if token.i == verb.i or not is_reporting_verb(token, lexicon):
            continue
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


#: Verbs of asking: their content is the question ("if …", "whether …", "who …",
#: "about …", "to …"); "Asked if …, Bush said" has no source of its own.
QUESTION_VERBS = frozenset({"ask"})
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


def question_candidate(verb: Token, lexicon: Lexicon) -> Candidate | None:
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
    content = _char_span(doc, *subtree_bounds(question))
    if content is None:
        return None
    addressee = objects[0] if objects and objects[0].i < question.i else None
    return Candidate(
        cue=(verb.idx, verb.idx + len(verb.text)),
        cue_phrase=(cue_start(verb).idx, verb.idx + len(verb.text)),
        content=[content],
        source_head=subject,
        addressee=(addressee.idx, addressee.idx + len(addressee.text)) if addressee else None,
        cue_token=verb.i,
    )


SOURCE_POS = frozenset({"PROPN", "NOUN"})


def _unparsed_subject(verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """The speaker of a main reporting verb with a clause, when the small model did
    not parse it as the subject: right after the verb ("…,” says Ana Whitfield, a
    fundraiser") or opening the sentence ("Maria Alvarez, a … teacher, said she …").
    The head token and the token range of the source."""
    if verb.dep_ != "ROOT" or not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    doc = verb.doc
    sent = sentence_of(verb)
    before = doc[verb.i - 1] if verb.i > sent.start else None
    after = verb.i + 1
    if (
        before is not None
        and (before.text == "," or before.text in QUOTE_TOKENS)
        and after < sent.end
        and doc[after].pos_ in SOURCE_POS
        and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    ):
        end = after
        while end + 1 < sent.end and doc[end + 1].pos_ == "PROPN":
            end += 1
        return doc[end], (after, end + 1)
    if before is None or before.i == sent.start:
        return None
    if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    if before.text == "," and doc[sent.start].pos_ == "PROPN":
        end = sent.start
        while end + 1 < verb.i and doc[end + 1].pos_ == "PROPN":
            end += 1
        return doc[end], (sent.start, verb.i - 1)
    return None


def verb_candidate(verb: Token, lexicon: Lexicon) -> Candidate | None:
    """The attribution a reporting verb heads, if it has a content."""
    doc = verb.doc
    lemma = verb_lemma(verb)
    if lemma in QUESTION_VERBS:
        question = question_candidate(verb, lexicon)
        if question is not None:
            return question
    sent = sentence_of(verb)
    subject = find_subject(verb)
    addressee = None
    if subject is not None and (subject.lower_, lemma) in DISCOURSE_MARKERS:
        return None
    if lemma in TELL_VERBS:
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
                addressee = child
                break
    token_parts: list[tuple[int, int]] = []
    no_source = False
    source_span = None
    if subject is None and not any(c.dep_ in ("nsubjpass", "agent") for c in verb.children):
        fallback = _unparsed_subject(verb)
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
        elif passive and PASSIVE_WITHOUT_SOURCE and verb.dep_ in ("ROOT", "conj"):
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
            if _ends_with_quote(left[-1]) and not _starts_with_quote(right[0]):
                complements = left
            elif not (_starts_with_quote(right[0]) and _ends_with_quote(left[-1])):
                complements = right
        for comp in complements:
            token_parts.append(subtree_bounds(comp))
    if not token_parts and lemma in XCOMP_CONTENT:
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
    if not token_parts and lemma in CLAUSE_AS_XCOMP and addressee is None:
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
    if not token_parts and addressee is not None and lemma in ADDRESSEE_AND_REST:
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
        and (
            lemma in OBJECT_CONTENT
            or OBJECTS_FOR_ALL
            and lemma not in NO_OBJECT_CONTENT
            # "sees the plan as a step back …": an object with its "as" predicate
            or lemma in VIEW_AS
            and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i for c in verb.children)
        )
    ):
        objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i]
        if objects and (addressee is None or objects[0].i != addressee.i):
            start = objects[0].left_edge.i
            end = objects[0].right_edge.i + 1
            if lemma in OBJECT_AND_REST:
                # "accused X in September of selling ...": the object and what follows.
                for child in verb.rights:
                    if child.i > objects[0].i and (
                        child.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
                        or (child.dep_ == "prep" and child.lower_ in REST_PREPOSITIONS)
                        # "in September of selling …": the parser hung "of" on the date
                        or (
                            child.dep_ == "prep"
                            and any(
                                t.dep_ == "prep" and t.lower_ in REST_PREPOSITIONS
                                for t in child.subtree
                            )
                        )
                    ):
                        end = max(end, child.right_edge.i + 1)
            token_parts = [(start, end)]
    cue_end_token = verb
    if not token_parts and lemma in PHRASAL_CUES:
        # "called for an investigation", "pointed to the polls": cue and particle.
        for child in verb.rights:
            if (
                child.dep_ in ("prep", "prt")
                and child.lower_ in PHRASAL_CUES[lemma]
                and child.i == verb.i + 1
            ):
                cue_end_token = child
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                rest = [
                    c for c in verb.rights if c.i > child.i and c.dep_ in ("xcomp", "ccomp", "oprd")
                ]
                if objects:
                    token_parts = [
                        (
                            objects[0].left_edge.i,
                            max([objects[0].right_edge.i] + [c.right_edge.i for c in rest]) + 1,
                        )
                    ]
                elif child.dep_ == "prt":
                    token_parts = [subtree_bounds(c) for c in rest if c.dep_ in ("dobj", "ccomp")]
                break
    if addressee is not None and not token_parts:
        # "told RFA, a potential opportunity ...": spaCy hangs the rest on the addressee.
        for child in addressee.rights:
            if child.dep_ == "appos":
                token_parts.append(subtree_bounds(child))
    if not token_parts:
        # "speaks about racial issues", "argued for the assassination of …",
        # "has not responded to Calderon’s remarks", "hinting at his playbook"
        for child in verb.rights:
            if child.dep_ == "prep" and child.lower_ in PREPOSITION_CONTENT:
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
        token_parts = _exclude(subtree_bounds(verb.head), subtree_bounds(verb))
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
    token_parts = [_cut_trailing_comment(doc, part) for part in token_parts]
    # Another attribution joined to the content ("… and suggested that Y", "…, the
    # footage showed") is its own claim, not part of this one.
    token_parts = [_cut_at_other_cues(doc, part, verb, lexicon) for part in token_parts]
    # Content never contains the cue clause itself.
    cue_clause = (
        min(subject.left_edge.i if subject is not None else verb.i, verb.i),
        cue_end_token.i + 1,
    )
    cleaned: list[tuple[int, int]] = []
    for part in token_parts:
        cleaned.extend(
            _exclude(part, cue_clause)
            if part[0] < cue_clause[1] and cue_clause[0] < part[1]
            else [part]
        )
    content = [c for c in (_char_span(doc, s, e) for s, e in sorted(cleaned)) if c]
    if not content:
        return None
    candidate = Candidate(
        cue=(verb.idx, cue_end_token.idx + len(cue_end_token.text)),
        cue_phrase=(
            cue_start(verb).idx,
            _phrase_end(cue_end_token, lexicon, min(p[0] for p in cleaned) if cleaned else None),
        ),
        content=content,
        stance=lexicon.cue_verbs.get(lemma, "assert"),
        source_head=subject,
        addressee=(addressee.idx, addressee.idx + len(addressee.text))
        if addressee is not None
        else None,
        cue_token=verb.i,
        source_span=source_span,
    )
    return candidate


def nominal_candidates(doc: Doc, lexicon: Lexicon) -> list[Candidate]:
    """ "his claim that X", "Trump's assertion that X": a reporting noun with a that-clause.

    The source is the possessor ("his", "Trump’s"), or none; the cue the noun.
    """
    found = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.nominal_cues:
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
        content = _char_span(doc, *subtree_bounds(clause))
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
                stance=lexicon.nominal_cues[noun.lemma_.lower()],
                source_head=owners[0] if owners else None,
                source_span=(owners[0].left_edge.i, owners[0].right_edge.i + 1) if owners else None,
                cue_token=noun.i,
            )
        )
    return found


#: What a verb of seeming says about its subject ("seemed to carry", "appears likely").
RAISING_COMPLEMENTS = ("xcomp", "acomp", "oprd", "attr")


def raising_candidates(doc: Doc, lexicon: Lexicon) -> list[Candidate]:
    """ "Both objections seemed to carry little weight": an attribution with no
    source; the content is the subject and the complement, the cue the verb."""
    found = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lexicon.raising_verbs:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
        complements = [c for c in verb.children if c.dep_ in RAISING_COMPLEMENTS and c.i > verb.i]
        if not subjects or not complements:
            continue
        if subjects[0].lower_ in ("it", "there"):
            continue  # "it seems that …": no subject to speak of
        parts = [subtree_bounds(subjects[0]), subtree_bounds(complements[0])]
        content = [c for c in (_char_span(doc, s, e) for s, e in parts) if c]
        if len(content) != 2:
            continue
        found.append(
            Candidate(
                cue=(verb.idx, verb.idx + len(verb.text)),
                cue_phrase=(cue_start(verb).idx, verb.idx + len(verb.text)),
                content=content,
                cue_token=verb.i,
            )
        )
    return found


def in_source_candidates(doc: Doc, lexicon: Lexicon) -> list[Candidate]:
    """ "In a CNN poll, 38 percent of voters said …", "Trump is ahead in the polls":
    source the poll, cue "in", content the rest of the sentence."""
    found = []
    for token in doc:
        if token.lower_ != "in" or token.dep_ != "prep":
            continue
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if not objects or objects[0].lemma_.lower() not in lexicon.in_sources:
            continue
        source = objects[0]
        sent = sentence_of(token)
        if token.i != sent.start and token.head.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        parts = _exclude((sent.start, sent.end), (token.i, source.right_edge.i + 1))
        content = [c for c in (_char_span(doc, s, e) for s, e in parts) if c]
        if not content:
            continue
        found.append(
            Candidate(
                cue=(token.idx, token.idx + len(token.text)),
                content=content,
                source_head=source,
                source_span=(source.left_edge.i, source.right_edge.i + 1),
                cue_token=token.i,
            )
        )
    return found


def according_to_candidates(doc: Doc) -> list[Candidate]:
    """ "according to X": source X, content the rest of the sentence."""
    found = []
    for token in doc:
        if (
            token.lower_ != "according"
            or token.i + 1 >= len(doc)
            or doc[token.i + 1].lower_ != "to"
        ):
            continue
        to = doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:
            continue
        source = objects[0]
        sent = sentence_of(token)
        phrase = (token.i, source.right_edge.i + 1)
        parts = _exclude((sent.start, sent.end), phrase)
        if (
            len(parts) == 2
            and parts[0][1] - parts[0][0] <= 4
            and not any(t.pos_ in ("VERB", "AUX") for t in doc[parts[0][0] : parts[0][1]])
        ):
            # "That month, according to X, Russia shipped ...": the adverbial is not the claim.
            parts = parts[1:]
        content = [c for c in (_char_span(doc, s, e) for s, e in parts) if c]
        # Leading adverbials ("That month,") stay part of the content: it is the sentence.
        if not content:
            continue
        found.append(
            Candidate(
                cue=(token.idx, to.idx + len(to.text)),
                content=content,
                kind="according_to",
                source_head=source,
                cue_token=token.i,
            )
        )
    return found
