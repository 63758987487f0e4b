"""Speakers: the source span of a cue, its type and its resolved (canonical) name.

Resolution order: a pronoun takes the last compatible speaker (he/she: a
person; it: a non-person source; they: a group or organisation); a name takes
the entities stage's cluster (``entity_at``, which reads
``doc._.newsclaims_entities``) when that stage ran before this one; without it
``entity_at`` finds nothing, no source gets an entity id, and a name takes a
surname matching an earlier speaker ("Kim continued" -> "Soo Kim"),
else the fullest earlier PERSON name ending with it ("Kirby" -> "John Kirby"),
else the mention's own named entity or its text without the determiner.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from .docview import DocView
from .lexicon import ClaimsLexicons
from .verbs import find_subject, inverted_speaker

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "we"})
THING_PRONOUNS = frozenset({"it"})
GROUP_PRONOUNS = frozenset({"they", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
#: A dash before the speaker's head ends a dateline or a headline parsed into the
#: subject: "WASHINGTON (AP) — Donald Trump", "RED STATES OUTNUMBER BLUE - Jeffrey Jones".
DASHES = frozenset({"—", "–", "-", "--", "―"})


def _is_dash(token: Token) -> bool:
    """A dash between spaces ("Kim Jong-un", "(D-Calif.)" hold hyphens, not dashes)."""
    doc = token.doc
    return (
        token.text in DASHES
        and bool(token.whitespace_)
        and token.i > 0
        and bool(doc[token.i - 1].whitespace_)
    )


#: Tokens that may end a source span but belong to the sentence, not the speaker.
_TRIM = frozenset({",", "—", "–", "-", "(", ")", '"', "“", "”", ":", ";"})


@dataclass
class Speaker:
    start: int
    end: int
    canonical: str
    type: str
    entity_id: str | None = None

    def as_source(self, start: int, end: int) -> dict[str, Any]:
        return {
            "start": start,
            "end": end,
            "entity_id": self.entity_id,
            "canonical": self.canonical,
            "type": self.type,
        }


@dataclass
class SpeakerMemory:
    """Speakers met so far in a document, for pronouns and short names.

    Add speakers with ``remember``: it also files them by type and person
    speakers by the last word of their name, so that a question asked per claim
    looks at the speakers that can answer it, not at all of them (a long
    document has thousands).
    """

    speakers: list[Speaker] = field(default_factory=list)
    _by_type: dict[str, list[int]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _people: dict[str, dict[int, list[int]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        speakers, self.speakers = self.speakers, []
        for speaker in speakers:
            self.remember(speaker)

    def remember(self, speaker: Speaker) -> None:
        position = len(self.speakers)
        self.speakers.append(speaker)
        self._by_type.setdefault(speaker.type, []).append(position)
        parts = speaker.canonical.split()
        if speaker.type == "person" and parts:
            self._people.setdefault(parts[-1], {}).setdefault(len(parts), []).append(position)

    def last(self, types: tuple[str, ...] | None = None, *, before: int) -> Speaker | None:
        """The latest speaker met that starts before offset ``before``, of one of ``types``."""
        if types is None:
            groups = [range(len(self.speakers))]
        else:
            groups = [self._by_type.get(kind, []) for kind in set(types)]
        latest = self._latest(groups, before)
        return self.speakers[latest] if latest is not None else None

    def last_full_name(self, last: str, *, longer_than: int, before: int) -> str | None:
        """The canonical name of the latest person speaker starting before offset
        ``before`` whose name ends with the word ``last`` and has more than
        ``longer_than`` words."""
        by_length = self._people.get(last, {})
        groups = [positions for words, positions in by_length.items() if words > longer_than]
        latest = self._latest(groups, before)
        return self.speakers[latest].canonical if latest is not None else None

    def _latest(self, groups: list, before: int) -> int | None:
        """The highest position in ``groups`` (each ascending) of a speaker starting before."""
        latest = None
        for positions in groups:
            for position in reversed(positions):
                if self.speakers[position].start < before:
                    if latest is None or position > latest:
                        latest = position
                    break
        return latest


def source_tokens(
    subject: Token, adverbs: frozenset[str] = frozenset(), *, cue_verbs: Container[str] = ()
) -> Span:
    """The subject's phrase: its whole subtree, appositions and relative clauses
    included ("Joseph, who has four children"; "a GAO report released last year"),
    as PolNeAR annotates sources; cut at a line break (a dateline or headline
    parsed into the subject), without punctuation at the ends nor the writer's
    ``adverbs`` opening it ("Even Donald Trump": the ``source_adverbs`` words).
    """
    doc = subject.doc
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    if subject.dep_ == "dobj" and inverted_speaker(subject.head) != subject:
        # "prompting experts to suggest": the object alone (not "“…,” added Murphy")
        start, end = subject.left_edge.i, subject.i + 1
    reported = [c for c in subject.lefts if c.dep_ in REPORTED_DEPS]
    if reported:
        start = max(start, reported[-1].right_edge.i + 1)
    title = _title_before(subject, start)
    if title is not None:
        start = title.left_edge.i
    when = next((c for c in subject.rights if _says_when(c) or _reports(c, cue_verbs)), None)
    if when is not None:
        end = min(end, when.left_edge.i)
    for token in doc[start:end]:
        if "\n" in token.text_with_ws or token.i < subject.i and _is_dash(token):
            if token.i < subject.i:
                start = token.i + 1
            elif token.i >= subject.i:
                end = min(end, token.i + 1)
                break
    while end > start and doc[end - 1].text in _TRIM and not _closes_bracket(doc, start, end):
        end -= 1
    while start < end and (
        (doc[start].text in _TRIM or doc[start].is_space)
        and doc[start].text != "("
        or (doc[start].dep_ == "advmod" and doc[start].lower_ in adverbs and start < subject.i)
    ):
        start += 1
    return doc[start:end]


#: How the small model sometimes hangs the quotation before its speaker on the
#: speaker's name ("“That’s a legitimate concern,” Sarandon, 69, told MSNBC": the
#: quoted clause a ccomp of "Sarandon"): the statement, not part of the source.
REPORTED_DEPS = frozenset({"ccomp"})


def _title_before(subject: Token, start: int) -> Token | None:
    """A second subject of the same verb right before the subject's phrase: the
    small model's parse of a title before a name ("Vatican spokesman | the Rev.
    Federico Lombardi told", "Tennis | great Billie Jean King remembered", "his
    nephew | Michery el Soheil added"), which PolNeAR counts in the source."""
    before = start - 1
    doc = subject.doc
    while before >= 0 and doc[before].is_space and "\n" not in doc[before].text:
        before -= 1
    if before < 0 or subject.dep_ not in ("nsubj", "nsubjpass") or doc[before].is_punct:
        return None
    other = doc[before]
    while other.head.i != other.i and other.head != subject.head and other.head.i < start:
        other = other.head
    if other.head == subject.head and other.dep_ == subject.dep_ and other.pos_ in SOURCE_POS:
        return other
    return None


def _reports(child: Token, cue_verbs: Container[str]) -> bool:
    """A relative clause that is an attribution of its own ("Barkley, who said he
    typically votes Democratic, said …": its verb one of ``cue_verbs``), which
    PolNeAR annotates apart and leaves out of the speaker (train: 56 of 90)."""
    return child.dep_ == "relcl" and child.pos_ == "VERB" and child.lemma_.lower() in cue_verbs


#: Parts of speech of a title parsed as a subject of its own.
SOURCE_POS = frozenset({"NOUN", "PROPN"})


#: Entity types of a time: "the report on Wednesday" says when, not who.
TIME_LABELS = frozenset({"DATE", "TIME"})
#: The prepositions of such a time ("a study from 2011" is which study: kept).
TIME_PREPOSITIONS = frozenset({"on", "during", "at"})


def _says_when(child: Token) -> bool:
    """A modifier after the speaker's head that tells when the speaker spoke, not
    who the speaker is: "the report on Wednesday cited …", "a congressional report
    on Wednesday". PolNeAR train leaves such times out of the source (9 of 9);
    other prepositions ("Peter King of New York", "a letter from the ministry") it
    keeps. Present participles ("Marco Rubio, speaking at a rally, …") it leaves
    out more often than not too (24 of 38), but cutting them hurt one dev half."""
    return (
        child.dep_ == "prep"
        and child.lower_ in TIME_PREPOSITIONS
        and any(o.dep_ == "pobj" and o.ent_type_ in TIME_LABELS for o in child.children)
    )


def _closes_bracket(doc: Doc, start: int, end: int) -> bool:
    """The span's last token is a ")" that closes a "(" inside the span."""
    return doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1])


#: Parts of speech of a noun phrase's head.
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: How a noun hangs on the noun phrase it is part of: "Fox News’ [Bret Baier]",
#: "[the World Anti-Doping Agency] and [14 organizations]", "Governors in [states]".
PART_DEPS = frozenset({"compound", "conj", "appos", "pobj"})
#: How a word before a noun modifies it: "Republican [voters]", "The Obama [administration]".
PREMODIFIER_DEPS = frozenset({"amod", "nmod", "nummod", "det"})
#: The dependents before a noun that belong to its phrase ("the", "Tennis great", "Mr.").
MODIFIER_DEPS = frozenset(
    {"det", "amod", "compound", "nummod", "quantmod", "advmod", "poss", "nmod", "predet"}
)


def source_phrase(span: Span, adverbs: frozenset[str] = frozenset()) -> Span:
    """A source span found by the attribution tagger, grown to the noun phrase it
    is a part of, as the rules' sources are: a subject takes its whole phrase
    ("un" of "Kim Jong-un" is "Kim Jong-un"), any other noun its phrase up to its
    own end ("Tennis great Billie Jean King", "Governors in more than two dozen
    states"), within its line."""
    root = _phrase_root(span.root)
    if root.dep_ in ("nsubj", "nsubjpass"):
        phrase = source_tokens(root, adverbs)
        return phrase if phrase.start <= span.start and span.end <= phrase.end else span
    head = root
    named = None  # the last apposition climbed over
    while (
        head.dep_ in PART_DEPS or head.dep_ in PREMODIFIER_DEPS and head.head.i > head.i
    ) and head.head.i != head.i:
        parent = head.head.head if head.dep_ == "pobj" else head.head
        if head.dep_ == "pobj" and head.head.dep_ != "prep" or parent.pos_ not in NOMINAL_POS:
            break
        if head.dep_ == "appos":
            named = head
        head = parent
    if named is not None and _adjunct(head):
        head = named
    doc = span.doc
    modifiers = [c.left_edge.i for c in head.lefts if c.dep_ in MODIFIER_DEPS]
    start = min([span.start, head.i, *modifiers])
    end = max(span.end, head.i + 1)
    if end < len(doc) and doc[end].dep_ == "case" and doc[end].head.i == end - 1:
        end += 1  # "Rubio’s": a possessor keeps its "’s"
    for token in doc[start : span.start]:
        if "\n" in token.text_with_ws or token.is_sent_end or _is_dash(token):
            start = token.i + 1
    while start < span.start and (doc[start].text in _TRIM or doc[start].is_space):
        start += 1
    if any("\n" in t.text_with_ws for t in doc[span.end - 1 : end - 1]):
        end = span.end
    while end > span.end and doc[end - 1].text in _TRIM:
        end -= 1
    return doc[start:end]


def _adjunct(noun: Token) -> bool:
    """Whether ``noun`` is the object of a preposition that modifies a verb: the
    phrase says where or when ("In a statement to the Observer, her senior policy
    adviser, Jake Sullivan, said"), and a name the parse hangs on it as an
    apposition is a phrase of its own."""
    return (
        noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX")
    )


#: How a tagger's span that is only part of a phrase hangs on the phrase's noun:
#: "[of Jerusalem]", "[and Cohen]", "Jolly, [who was elected to Congress]".
FRAGMENT_DEPS = frozenset({"prep", "cc", "relcl"})


def _phrase_root(root: Token) -> Token:
    """The noun a fragment's root hangs on, when the attribution tagger's span is
    a fragment of a noun phrase ("Archbishop Aris Shirvanian [of Jerusalem]",
    "Blumenthal [and Cohen]", "Jolly, [who was elected to Congress in 2014]"); the
    root itself otherwise. PolNeAR train: none of 34 such spans is the gold source
    as the tagger found it."""
    if root.dep_ in FRAGMENT_DEPS and root.head.i < root.i and root.head.pos_ in NOMINAL_POS:
        return root.head
    return root


def cue_subject_phrase(verb: Token, lexicons: ClaimsLexicons) -> tuple[Token, Span] | None:
    """Who speaks through a cue verb the attribution tagger found, and that
    speaker's phrase: the verb's subject with its phrase ("Joe Bateman, who …,
    says …"), or the noun a participle cue describes, up to the cue ("Police
    receive 911 calls saying …"); None when the verb has neither."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i:
        noun = verb.head
        phrase = verb.doc[noun.left_edge.i : verb.i]
        while len(phrase) and phrase[-1].text in _TRIM:
            phrase = phrase[:-1]
        return (noun, phrase) if len(phrase) else None
    subject = find_subject(verb)
    if subject is None:
        return None
    phrase = source_tokens(subject, lexicons.words["source_adverbs"], cue_verbs=lexicons.cue_verbs)
    return (subject, phrase) if len(phrase) else None


#: How far up the parse from a content's root ``content_subject_phrase`` looks.
HEAD_STEPS = 6


def content_subject_phrase(content: Span, lexicons: ClaimsLexicons) -> tuple[Token, Span] | None:
    """The subject of the verb a content hangs on, and its phrase: the first verb
    with a subject (``cue_subject_phrase``) up the parse from the content's root,
    outside the content ("it is steering clear of criticizing Trump …": "it"; "a
    best seller, which explored the changes …": "which"); None when the subject is
    inside the content or there is no such verb."""
    token = content.root
    for _ in range(HEAD_STEPS):
        if token.head.i == token.i:
            return None
        token = token.head
        if content.start <= token.i < content.end or token.pos_ not in ("VERB", "AUX"):
            continue
        found = cue_subject_phrase(token, lexicons)
        if found is None:
            continue
        phrase = found[1]
        return None if phrase.start < content.end and content.start < phrase.end else found
    return None


def _last_subject(view: DocView, before: int, *, person: bool, after: int) -> Token | None:
    """The last non-pronoun sentence subject between ``after`` and ``before`` (character
    offsets), within the three sentences before: a PERSON for he/she, else a noun that is
    not a person ("The message appreciated … It said")."""
    doc = view.doc
    token = doc.char_span(before, before + 1, alignment_mode="expand")
    if token is None:
        return None
    sentence_start = view.sentence(token[0]).start
    for _ in range(3):
        if sentence_start == 0:
            break
        sentence_start = view.sentence(doc[sentence_start - 1]).start
    for candidate in reversed(doc[sentence_start : token[0].i]):
        if candidate.idx <= after:
            return None
        if candidate.dep_ not in ("nsubj", "nsubjpass") or candidate.pos_ == "PRON":
            continue
        if person and candidate.ent_type_ == "PERSON":
            return candidate
        if (
            not person
            and candidate.pos_ == "NOUN"
            and candidate.ent_type_ != "PERSON"
            and candidate.tag_ == "NN"
        ):
            return candidate
    return None


def _strip_determiner(span: Span) -> str:
    tokens = list(span)
    while tokens and (
        tokens[0].lower_ in DETERMINERS or tokens[0].dep_ == "poss" and tokens[0].pos_ == "PRON"
    ):
        tokens = tokens[1:]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def _strip_epithets(name: str, lexicons: ClaimsLexicons) -> str:
    """ "alleged declassified U.S. intelligence report" -> "U.S. intelligence report"."""
    if lexicons.epithets is None:
        return name
    return lexicons.epithets.sub("", name) or name


def _cut_at_comma(span: Span) -> Span:
    for token in span:
        if token.text in (",", "(") and token.i > span.start:
            return span.doc[span.start : token.i]
    return span


def _named_entity(span: Span, head: Token, view: DocView) -> Span | None:
    """The spaCy named entity containing the head, else the last one in the span."""
    for child in head.children:
        # "the government propaganda outlet the Korean Central News Agency (KCNA)"
        if child.dep_ == "appos" and child.ent_type_ in NAME_LABELS and head.pos_ != "PROPN":
            ent = view.ent_at(child.i)
            if ent is not None:
                return ent
    if head.ent_type_ in NAME_LABELS:
        ent = view.ent_at(head.i)
        if ent is not None:
            return ent
    candidates = [
        ent for ent in view.ents_within(span.start, span.end) if ent.label_ in NAME_LABELS
    ]
    if candidates and head.lemma_.lower() not in ("report", "statement", "information", "message"):
        # A name inside the phrase ("former CIA analyst Soo Kim"): prefer a PERSON.
        people = [ent for ent in candidates if ent.label_ == "PERSON"]
        return (people or candidates)[-1] if head.pos_ == "PROPN" else None
    return None


def _full_person_name(view: DocView, name: str, before: int, memory: SpeakerMemory) -> str | None:
    """An earlier fuller name ending with ``name`` (a speaker first, then any PERSON)."""
    last = name.split()[-1]
    words = len(name.split())
    return memory.last_full_name(
        last, longer_than=words, before=before
    ) or view.last_person_ending_with(last, longer_than=words, before=before)


def _issuer(head: Token) -> str | None:
    """ "a statement from the Russian embassy in Pyongyang" -> "Russian embassy in Pyongyang"."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (
                    obj.ent_type_ or obj.pos_ == "PROPN" or any(t.ent_type_ for t in obj.subtree)
                ):
                    doc = head.doc
                    return _strip_determiner(doc[obj.left_edge.i : obj.right_edge.i + 1])
    return None


def _earlier_document(head: Token, view: DocView) -> str | None:
    """A definite document source named by its earlier mention's issuer.

    "Kim Jong-un sent a message to … The message appreciated that …" -> "message
    from Kim Jong-un": the nearest earlier mention of the same noun, issued by
    the subject of its verb ("X sent/issued/released a statement") or by a
    "from/by/of" phrase ("a report by the ministry").
    """
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
        return None
    doc = head.doc
    earlier = view.last_noun_before(head.lemma_, head.i)
    if earlier is not None:
        token = doc[earlier]
        issuer = _issuer(token)
        if issuer is None and token.dep_ == "dobj":
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            entity = (
                view.entity_at(subject.idx, subject.idx + len(subject.text)) if subject else None
            )
            issuer = entity.get("canonical") if entity else None
        return f"{head.lemma_.lower()} from {issuer}" if issuer else None
    return None


def source_type(span: Span, head: Token, entity_label: str | None, lexicons: ClaimsLexicons) -> str:
    """The source's type (``SOURCE_TYPES`` of the contract)."""
    lemma = head.lemma_.lower()
    text = span.text.lower()
    if entity_label == "PERSON" or head.ent_type_ == "PERSON":
        return "person"
    for phrase, kind in lexicons.source_types.items():
        if " " in phrase and phrase in text:
            return kind
    if lemma in lexicons.source_types and lexicons.source_types[lemma] in ("document", "media"):
        return lexicons.source_types[lemma]
    if lemma in lexicons.words["anonymous_sources"] and head.ent_type_ != "ORG":
        return "anonymous"
    if lemma in lexicons.source_types:
        return lexicons.source_types[lemma]
    if entity_label in ("GPE", "NORP"):
        return "government"
    if entity_label == "ORG" or head.ent_type_ == "ORG":
        # The first media or government word in the span decides, in text order
        # (a set of lemmas here made the type depend on Python's hash seed).
        for token in span:
            kind = lexicons.source_types.get(token.lemma_.lower())
            if kind in ("media", "government"):
                return kind
        return "organization"
    if head.pos_ == "PROPN":
        return "person"
    return "unknown"


def resolve_speaker(
    span: Span, head: Token, memory: SpeakerMemory, lexicons: ClaimsLexicons, view: DocView
) -> Speaker:
    """Canonical name, type and entity id of the source ``span`` (headed by ``head``)."""
    doc = span.doc
    word = head.lower_
    if word in PRONOUNS and len(span) == 1:
        if word in PERSON_PRONOUNS:
            wanted: tuple[str, ...] | None = ("person",)
        elif word in THING_PRONOUNS:
            wanted = ("document", "organization", "government", "media", "unknown")
        else:
            wanted = ("anonymous", "organization", "government", "media", "person")
        previous = memory.last(wanted, before=span.start_char)
        subject = _last_subject(
            view,
            span.start_char,
            person=word in PERSON_PRONOUNS,
            after=previous.start if previous is not None else -1,
        )
        if subject is not None:
            resolved = resolve_speaker(
                source_tokens(subject, lexicons.words["source_adverbs"]),
                subject,
                memory,
                lexicons,
                view,
            )
            return Speaker(
                span.start_char,
                span.end_char,
                resolved.canonical,
                resolved.type,
                resolved.entity_id,
            )
        if previous is not None:
            return Speaker(
                span.start_char,
                span.end_char,
                previous.canonical,
                previous.type,
                previous.entity_id,
            )
        return Speaker(
            span.start_char,
            span.end_char,
            span.text,
            "person" if word in PERSON_PRONOUNS else "unknown",
        )
    if word in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i < head.i:
        # "Smith, who said ...": the source is "who", the speaker is Smith.
        noun = head.head.head
        named = source_tokens(noun, lexicons.words["source_adverbs"])
        resolved = resolve_speaker(
            doc[noun.i : noun.i + 1] if not len(named) else named, noun, memory, lexicons, view
        )
        return Speaker(
            span.start_char, span.end_char, resolved.canonical, resolved.type, resolved.entity_id
        )
    entity = view.entity_at(head.idx, head.idx + len(head.text))
    named = _named_entity(span, head, view)
    label = entity.get("label") if entity else (named.label_ if named is not None else None)
    kind = source_type(span, head, label, lexicons)
    if entity and entity.get("canonical"):
        canonical = entity["canonical"]
        entity_id = entity.get("entity_id")
    else:
        entity_id = None
        issuer = _issuer(head) if kind == "document" else None
        earlier = _earlier_document(head, view) if kind == "document" and issuer is None else None
        if issuer is not None:
            canonical = issuer
        elif earlier is not None:
            canonical = issuer = earlier
        elif named is not None and kind in ("person", "organization", "media", "government"):
            canonical = _strip_determiner(named)
        else:
            # "the Security Council information published on Tuesday" -> up to the head
            # noun: "Security Council information".
            if span.start <= head.i < span.end and head.pos_ in ("NOUN", "PROPN"):
                canonical = _strip_determiner(span.doc[span.start : head.i + 1])
            else:
                canonical = _strip_determiner(_cut_at_comma(span))
        if kind == "person":
            canonical = _full_person_name(view, canonical, span.start_char, memory) or canonical
        elif named is None and issuer is None:
            canonical = _strip_epithets(canonical, lexicons)
    return Speaker(span.start_char, span.end_char, canonical, kind, entity_id)
