"""Reporting verbs and their subjects (the speaker's head token) in the parse."""

from __future__ import annotations

from spacy.tokens import Token

from .docview import DocView
from .lexicon import ClaimsLexicons
from .quotes import QUOTE_TOKENS

#: Subjects of a reporting verb.
SUBJECT_DEPS = ("nsubj",)
#: The verb inherits the subject of its head ("..., noting that", "reporting ..., observed that").
INHERIT_DEPS = ("advcl", "conj", "xcomp", "pcomp")


def find_subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it depends on ("…, noting that").

    An infinitive's subject is its head's object when there is one ("prompting
    experts to suggest"). A verb right after a quotation with its speaker parsed
    as its object ("“…,” added Murphy") has that speaker (``inverted_speaker``).
    """
    if not has_own_subject(verb):
        inverted = inverted_speaker(verb)
        if inverted is not None:
            return inverted
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


#: How the small model hangs a speaker named after its verb on that verb ("“…,”
#: added Murphy": dobj; "“…,” said Skelly": advmod).
INVERTED_DEPS = frozenset({"dobj", "advmod", "npadvmod"})
#: Parts of speech of such a speaker's head ("read one": a number).
SPEAKER_POS = frozenset({"PROPN", "NOUN", "PRON", "NUM"})
#: Tags of a finite verb: a participle after a quotation ("“…,” telling reporters",
#: "“…,” blaming Bloomberg") goes on from the sentence's own subject.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: What ends a quotation before its attribution: "“…,” added", "“…?” asked".
QUOTE_END_PUNCT = frozenset({",", "?", "!"})


def inverted_speaker(verb: Token) -> Token | None:
    """The speaker of a finite main verb without a subject that follows a quotation's closing
    mark ("“…,” added Murphy", "“…,” added another New Hampshire Republican"): the
    noun phrase right after the verb, which the small model parses as its object."""
    doc = verb.doc
    before = [t for t in doc[max(0, verb.i - 4) : verb.i] if not t.is_space]
    if (
        verb.dep_ != "ROOT"
        or verb.tag_ not in FINITE_TAGS
        or len(before) < 2
        or before[-1].text not in QUOTE_TOKENS
        or before[-2].text not in QUOTE_END_PUNCT
    ):
        return None
    first = next(verb.rights, None)
    if (
        first is not None
        and first.dep_ in INVERTED_DEPS
        and first.pos_ in SPEAKER_POS
        and first.left_edge.i == verb.i + 1
        and _ends_clause(first)
    ):
        return first
    return None


def _ends_clause(noun: Token) -> bool:
    """The noun's phrase ends the clause ("added Murphy.", "added Murphy, referring
    to …"), as an inverted speaker's does; an object goes on ("denounced her record
    as secretary and said …")."""
    doc = noun.doc
    after = noun.right_edge.i + 1
    return after >= len(doc) or doc[after].text in CLAUSE_ENDS or doc[after].is_space


#: What follows an inverted speaker's phrase.
CLAUSE_ENDS = frozenset({".", ",", ";", "!", "?"})


def has_own_subject(verb: Token) -> bool:
    """The verb has a subject of its own (not one inherited from its head)."""
    return any(child.dep_ in SUBJECT_DEPS for child in verb.children)


def verb_lemma(token: Token, lexicons: ClaimsLexicons) -> str:
    """The token's lemma, lower-cased, corrected by ``lexicons.lemma_fixes`` ("hoped":
    the small model lemmatises it "hop")."""
    return lexicons.lemma_fixes.get(token.lower_) or token.lemma_.lower()


def is_reporting_verb(token: Token, lexicons: ClaimsLexicons) -> bool:
    """A verb whose lemma is a cue verb of the lexicon."""
    return (
        token.pos_ in ("VERB", "AUX")
        and token.tag_.startswith("VB")
        and verb_lemma(token, lexicons) in lexicons.cue_verbs
    )


#: Parts of speech a speaker's head may have when the parser missed the subject.
SOURCE_POS = frozenset({"PROPN", "NOUN"})


def unparsed_subject(verb: Token, view: DocView) -> tuple[Token, tuple[int, int]] | None:
    """The speaker of a main reporting verb with a clause, when the small model did
    not parse it as the subject: right after the verb ("…,” says Ana Whitfield, a
    fundraiser", the name with its apposition) or opening the sentence ("Maria
    Alvarez, a … teacher, said she …"). The head token and the token range of the
    source."""
    if verb.dep_ != "ROOT" or not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    doc = verb.doc
    sent = view.sentence(verb)
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
        appositions = [
            c for c in doc[end].rights if c.dep_ == "appos" and c.right_edge.i < sent.end
        ]
        last = appositions[-1].right_edge.i + 1 if appositions else end + 1
        while last > end + 1 and doc[last - 1].is_punct:
            last -= 1
        return doc[end], (after, last)
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
