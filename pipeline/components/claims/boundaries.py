"""Where a claim's content begins and ends: candidates and what is seen at each.

The rules and the tagger each draw a content's bounds; PolNeAR's annotators
often drew them a few words off ("that" in or out, the sentence's last
clause, a trailing ", he said", the words after the cue). For every claim,
``start_candidates`` and ``end_candidates`` offer the token positions near its
current bounds (within ``WINDOW`` tokens, in its paragraph) and the ends of the
next sentences; ``start_features`` and ``end_features`` describe each one as
readable strings (the words, tags and dependencies at the boundary and at the
current bound, sentence, paragraph and quotation edges, the cue's place and
the edges of the clauses it heads, reporting verbs passed over, the distance
from the current bound). ``boundary_model`` scores them; a claim's start and
end are chosen independently.

The tagger's own spans are not among the features: on PolNeAR train, which it
was trained on, they are far better than on new text, and a chooser trained
there learned to trust them too much (and taggers trained on half of train to
tag the other half gave no better chooser on dev).

Everything here looks at a bounded window of tokens around a claim, so the cost
is linear in the number of claims and never scans the doc per claim. A
candidate's features are those of its token alone (``start_token_features``,
``end_token_features``: the same for every claim, so ``boundary_model`` scores
them once per doc) and those of its place in the claim (``start_claim_features``,
``end_claim_features``). A content never takes in its own cue or source: the
candidates stop before them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, ORTH, POS, SENT_START
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from .docview import DocView
from .lexicon import ClaimsLexicons
from .quotes import QUOTE_TOKENS
from .verbs import is_reporting_verb

#: Tokens either side of a current bound that may become the new bound.
WINDOW = 10
#: Sentences after the current end whose last word may become the new end.
NEXT_SENTENCES = 2


def _bucket(distance: int) -> str:
    """A signed distance in tokens, coarser as it grows."""
    size = abs(distance)
    if size <= 2:
        label = str(size)
    elif size <= 4:
        label = "3-4"
    elif size <= 8:
        label = "5-8"
    elif size <= 16:
        label = "9-16"
    else:
        label = "17+"
    return label if distance >= 0 else f"-{label}"


class BoundaryView:
    """What the boundary features read of one doc: token offsets, paragraph and
    sentence edges, quote marks and reporting verbs, per token (computed once)."""

    def __init__(self, view: DocView, lexicons: ClaimsLexicons) -> None:
        self.view = view
        self.doc: Doc = view.doc
        self.lexicons = lexicons
        self.starts: list[int] = self.doc.to_array(IDX).tolist()
        self._sentence_ends: dict[int, int] = {}

    def token_at(self, offset: int) -> int:
        """The token holding character ``offset`` (or the next one)."""
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return 0
        token = self.doc[index]
        return index if offset < token.idx + len(token.text) else min(index + 1, len(self.doc) - 1)

    def token_ending_at(self, offset: int) -> int:
        """The last token starting before character ``offset``."""
        return max(bisect_left(self.starts, offset) - 1, 0)

    @cached_property
    def words(self) -> list[bool]:
        """Whether each token may begin or end a content (not punctuation, a quote
        mark or space)."""
        flags = self.doc.to_array([IS_PUNCT, IS_SPACE])
        return [
            not (punct or space) and not quote
            for (punct, space), quote in zip(flags.tolist(), self._quotes, strict=True)
        ]

    @cached_property
    def _quotes(self) -> list[bool]:
        """Whether each token is a quote mark."""
        marks = {self.doc.vocab.strings.add(mark) for mark in QUOTE_TOKENS}
        return [orth in marks for orth in self.doc.to_array(ORTH).tolist()]

    @cached_property
    def _breaks(self) -> list[bool]:
        """Whether a line break lies before each token (in it or in the one before)."""
        text, breaks = self.view.text, [False] * (len(self.doc) + 1)
        breaks[0] = True
        offset = text.find("\n")
        while offset >= 0:
            i = self.token_at(offset)
            if self.starts[i] <= offset:  # inside token i: before it and the next
                breaks[i] = breaks[i + 1] = True
            offset = text.find("\n", offset + 1)
        return breaks

    @cached_property
    def _quotes_before(self) -> list[int]:
        """The number of quote-mark tokens before each token (and in all, last)."""
        return [0, *accumulate(self._quotes)]

    @cached_property
    def _sentences_before(self) -> list[int]:
        """The number of sentence starts up to each token, itself included."""
        return list(accumulate(start == 1 for start in self.doc.to_array(SENT_START).tolist()))

    def word_from(self, i: int, step: int) -> int:
        """The first word token from ``i`` on in direction ``step`` (``i`` when none)."""
        j = i
        while 0 <= j < len(self.doc) and not self.words[j]:
            j += step
        return j if 0 <= j < len(self.doc) else i

    def breaks_before(self, i: int) -> bool:
        """A line break between token ``i - 1`` and token ``i``."""
        return i <= 0 or i >= len(self.doc) or self._breaks[i]

    def quotes_between(self, low: int, high: int) -> int:
        """Quote-mark tokens in ``[low, high)``."""
        return self._quotes_before[high] - self._quotes_before[low]

    def sentences_between(self, low: int, high: int) -> int:
        """Sentence starts in ``(low, high]``."""
        return self._sentences_before[high] - self._sentences_before[low]

    @cached_property
    def _reporting_before(self) -> list[int]:
        """The number of reporting verbs before each token (and in all, last)."""
        doc, lexicons = self.doc, self.lexicons
        verbs = {VERB, AUX}
        flags = [
            pos in verbs and is_reporting_verb(doc[i], lexicons)
            for i, pos in enumerate(doc.to_array(POS).tolist())
        ]
        return [0, *accumulate(flags)]

    def reporting_between(self, low: int, high: int) -> bool:
        """A reporting verb among tokens ``[low, high)``."""
        return self._reporting_before[high] > self._reporting_before[low]

    def last_word_of_sentence(self, i: int) -> int:
        """The last word token of token ``i``'s sentence."""
        end = self.view.sentence_bounds(i)[1]
        if end not in self._sentence_ends:
            j = end - 1
            while j > 0 and not self.words[j]:
                j -= 1
            self._sentence_ends[end] = j
        return max(self._sentence_ends[end], i)


@dataclass
class Bounds:
    """One claim's content as token positions, and what its features need of the claim.

    ``low`` and ``high``: the content may begin after ``low`` and end before
    ``high`` (its cue and source, when they lie before or after it)."""

    first: int  # the content's first token
    last: int  # its last token
    cue: Token | None
    low: int = -1
    high: int = 1 << 62
    left_edges: dict[int, str] = field(default_factory=dict)  # of the cue's children: dep
    right_edges: dict[int, str] = field(default_factory=dict)
    children: frozenset[int] = frozenset()  # the cue's children
    start_now: str = ""  # what is at the current start: the word before | its part of speech
    end_now: str = ""  # what is at the current end: its part of speech | the word after

    def __post_init__(self) -> None:
        if self.cue is not None:
            for child in self.cue.children:
                self.left_edges.setdefault(child.left_edge.i, child.dep_)
                self.right_edges.setdefault(child.right_edge.i, child.dep_)
            self.children = frozenset(child.i for child in self.cue.children)


def _paragraph_tokens(bv: BoundaryView, i: int, limit: int, step: int) -> list[int]:
    """Tokens from ``i`` (excluded) up to ``limit`` tokens in direction ``step``,
    stopping at a line break."""
    found = []
    j = i
    for _ in range(limit):
        if step < 0 and bv.breaks_before(j):
            break
        j += step
        if not 0 <= j < len(bv.doc):
            break
        if step > 0 and bv.breaks_before(j):
            break
        found.append(j)
    return found


def start_candidates(bv: BoundaryView, bounds: Bounds, ceiling: int) -> list[int]:
    """Word tokens that may begin the content: within ``WINDOW`` of its first token
    in its paragraph, after ``bounds.low``, not after ``ceiling``."""
    first = bounds.first
    near = _paragraph_tokens(bv, first, WINDOW, -1) + [first]
    near += _paragraph_tokens(bv, first, WINDOW, 1)
    words = bv.words
    return sorted(i for i in set(near) if bounds.low < i <= ceiling and words[i])


def end_candidates(bv: BoundaryView, bounds: Bounds, floor: int) -> list[int]:
    """Word tokens that may end the content: within ``WINDOW`` of its last token in
    its paragraph, and the last words of its sentence and the next ones of the
    paragraph; not before ``floor``, before ``bounds.high``."""
    last = bounds.last
    near = _paragraph_tokens(bv, last, WINDOW, -1) + [last]
    near += _paragraph_tokens(bv, last, WINDOW, 1)
    sentence_end = bv.last_word_of_sentence(last)
    near.append(sentence_end)
    for _ in range(NEXT_SENTENCES):
        following = bv.word_from(sentence_end + 1, 1) if sentence_end + 1 < len(bv.doc) else 0
        if following <= sentence_end or bv.breaks_before(following):
            break
        sentence_end = bv.last_word_of_sentence(following)
        near.append(sentence_end)
    words = bv.words
    return sorted(i for i in set(near) if floor <= i < bounds.high and words[i])


def _word(token: Token) -> str:
    return token.lower_


def start_token_features(bv: BoundaryView, i: int) -> list[str]:
    """What a content beginning at token ``i`` begins with, whatever the claim."""
    doc = bv.doc
    token = doc[i]
    features = [
        f"w={_word(token)}",
        f"pos={token.pos_}",
        f"dep={token.dep_}",
        f"tag={token.tag_}",
    ]
    if bv.breaks_before(i):
        features.append("paragraph_start")
    else:
        before = doc[i - 1]
        features += [
            f"w-1={_word(before)}",
            f"pos-1={before.pos_}",
            f"dep-1={before.dep_}",
            f"pos-1,pos={before.pos_},{token.pos_}",
            f"w-1,dep={_word(before)},{token.dep_}",
        ]
        if i > 1:
            features.append(f"pos-2={doc[i - 2].pos_}")
        if before.text in QUOTE_TOKENS:
            features.append("after_quote")
    if token.is_sent_start:
        features.append("sentence_start")
    return features


def start_claim_features(bv: BoundaryView, i: int, bounds: Bounds) -> list[str]:
    """Where a start at token ``i`` lies in the claim: how far it moves, past what."""
    current, cue = bounds.first, bounds.cue
    distance = _bucket(i - current)
    features = [f"dist={distance}"]
    if bounds.start_now:
        features.append(f"now={bounds.start_now},dist={distance}")
    if cue is not None:
        side = "cue_before" if cue.i < i else "cue_inside" if cue.i <= bounds.last else "cue_after"
        features.append(side)
        features.append(f"{side},dist={distance}")
        if cue.i < i:
            features.append(f"from_cue={_bucket(i - cue.i)}")
        if i in bounds.left_edges:
            features.append(f"cue_child={bounds.left_edges[i]}")
        elif i in bounds.children:
            features.append("cue_child_head")
    low, high = sorted((i, current))
    if bv.reporting_between(low, high):
        features.append("reporting_verb_between")
    quotes = bv.quotes_between(low, high)
    if quotes:
        features.append(f"quotes_crossed={min(quotes, 2)},{'in' if i < current else 'out'}")
    return features


def end_token_features(bv: BoundaryView, i: int) -> list[str]:
    """What a content ending at token ``i`` ends with, whatever the claim."""
    doc = bv.doc
    token = doc[i]
    features = [
        f"w={_word(token)}",
        f"pos={token.pos_}",
        f"dep={token.dep_}",
        f"tag={token.tag_}",
    ]
    if bv.breaks_before(i + 1):
        features.append("paragraph_end")
    else:
        after = doc[i + 1]
        features += [
            f"w+1={_word(after)}",
            f"pos+1={after.pos_}",
            f"dep+1={after.dep_}",
            f"pos,pos+1={token.pos_},{after.pos_}",
            f"w+1,dep={_word(after)},{token.dep_}",
        ]
        if i + 2 < len(doc):
            features.append(f"w+2={_word(doc[i + 2])}")
            features.append(f"w+1,w+2={_word(after)},{_word(doc[i + 2])}")
        if after.text in QUOTE_TOKENS:
            features.append("before_quote")
    if bv.last_word_of_sentence(i) == i:
        features.append("sentence_end")
    return features


def end_claim_features(bv: BoundaryView, i: int, bounds: Bounds) -> list[str]:
    """Where an end at token ``i`` lies in the claim: how far it moves, past what."""
    current, cue = bounds.last, bounds.cue
    distance = _bucket(i - current)
    features = [f"dist={distance}"]
    if bounds.end_now:
        features.append(f"now={bounds.end_now},dist={distance}")
    if cue is not None:
        side = "cue_after" if cue.i > i else "cue_inside" if cue.i >= bounds.first else "cue_before"
        features.append(side)
        features.append(f"{side},dist={distance}")
        if cue.i > i:
            features.append(f"to_cue={_bucket(cue.i - i)}")
        if i in bounds.right_edges:
            features.append(f"cue_child={bounds.right_edges[i]}")
    low, high = sorted((i, current))
    if bv.reporting_between(low + 1, high + 1):
        features.append("reporting_verb_between")
    sentences = bv.sentences_between(low, high)
    features.append(f"sentences={'-' if i < current else ''}{min(sentences, 3)}")
    quotes = bv.quotes_between(low + 1, high + 1)
    if quotes:
        features.append(f"quotes_crossed={min(quotes, 2)},{'in' if i > current else 'out'}")
    return features


def start_features(bv: BoundaryView, i: int, bounds: Bounds) -> list[str]:
    """All the features of the claim's content beginning at token ``i``."""
    return start_token_features(bv, i) + start_claim_features(bv, i, bounds)


def end_features(bv: BoundaryView, i: int, bounds: Bounds) -> list[str]:
    """All the features of the claim's content ending at token ``i``."""
    return end_token_features(bv, i) + end_claim_features(bv, i, bounds)
