"""Attaching quotations to attributions: the quotation next to a cue is its content.

"“A,” she said, “B”": A and B are one claim (two spans), or two claims with
``split_quotes``; "Trump said, “…”" / "said: “…”"; "…,” Kim continued. “…”"
(the same speaker goes on). Quotations left over without an attribution next
to them (scare quotes, titles) are not claims. Also: one claim per content
(``drop_duplicates``) and no claim for a cue that only borrowed its subject
inside another claim's content (``drop_nested``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from spacy.tokens import Doc, Token

from ...intervals import SpanIndex
from .candidate import Candidate, content_index
from .cue_phrase import cue_start, phrase_end
from .docview import DocView
from .lexicon import ClaimsLexicons
from .quotes import Quote, quote_at
from .verbs import find_subject, has_own_subject, is_reporting_verb

#: A quotation needs this many words to be a statement on its own (shorter: scare quotes).
MIN_QUOTE_WORDS = 4
#: Longest gap (characters) between a quoted claim and the next quotation it continues.
MAX_CONTINUATION_GAP = 300
#: Tokens that end the clause searched after a quotation.
SENTENCE_END = frozenset({".", "!", "?"})
#: Tokens searched after a quotation ("…,” Kim continued.") and before one ("Kirby said: “…”").
WINDOW_AFTER = 14
WINDOW_BEFORE = 6


def _verb_after(
    view: DocView, quote: Quote, next_start: int, lexicons: ClaimsLexicons
) -> Token | None:
    """A reporting verb (with its subject) in the short clause right after a quotation."""
    doc = view.doc
    span = doc.char_span(quote.end, next_start, alignment_mode="contract")
    # ``view.text``, not ``doc.text``: spaCy rebuilds that from every token on each call
    if span is None or _introduces_next(view.text, quote, next_start):
        return None
    for token in span[:WINDOW_AFTER]:
        if "\n" in token.text or (token.text in SENTENCE_END and token.i > span.start):
            break
        if is_reporting_verb(token, lexicons):
            subject = find_subject(token)
            if subject is not None and subject.idx >= quote.end:
                return None if _reports_its_own(view.text, quote, token) else token
    return None


def _reports_its_own(text: str, quote: Quote, verb: Token) -> bool:
    """ "“… ever seen,” Reid said. “It shows a lack of character.” Reid said both are
    “non-entities”": a quotation that ends its sentence is not what the verb of the
    next sentence says when that verb has a clause of its own after it."""
    inner = text[quote.start : quote.end].rstrip("”\"' ")
    return (
        quote.closed
        and inner.endswith(".")
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
    )


def _introduces_next(text: str, quote: Quote, next_start: int) -> bool:
    """ "“… all yours.” He added: “…”": after a quotation that ends its sentence, a
    clause that runs up to a colon or comma before the next quotation introduces that
    one (observed on PolNeAR train: such quotations were given to the wrong cue)."""
    if not quote.closed or next_start >= len(text):
        return False
    gap = text[quote.end : next_start]
    return (
        "\n" not in gap
        and gap.rstrip().endswith((":", ","))
        and text[quote.start : quote.end].rstrip("”\"' ").endswith(".")
    )


def _verb_before(view: DocView, quote: Quote, lexicons: ClaimsLexicons) -> Token | None:
    """A reporting verb just before a quotation's colon or comma ("Trump said, “…”")."""
    doc, text = view.doc, view.text
    # The end of the text before the quotation, without spaces and tabs (an offset:
    # a copy of the text before each quotation made the stage quadratic).
    before = _rstrip_end(text, quote.start, " \t")
    if before and text[before - 1] == "\n":
        stripped = _rstrip_end(text, before)
        if stripped and text[stripped - 1] == ":":
            before = stripped  # "He said:\n\n“…”": a quotation set off after a colon
    if not (before and text[before - 1] in ":,"):
        # "…, asking “…”", "protesters chanted “…”": the verb right before the quotation.
        tokens = doc.char_span(before - 1, before, alignment_mode="expand")
        if (
            tokens is not None
            and is_reporting_verb(tokens[0], lexicons)
            and find_subject(tokens[0]) is not None
        ):
            return tokens[0]
        return None
    tokens = doc.char_span(before - 1, before, alignment_mode="expand")
    if tokens is None:
        return None
    mark = tokens[0]
    window = doc[max(view.sentence(mark).start, mark.i - WINDOW_BEFORE) : mark.i]
    verbs = [t for t in window if is_reporting_verb(t, lexicons) and find_subject(t) is not None]
    return verbs[-1] if verbs else None


class ClaimsBefore:
    """The claims so far, for "the latest claim before offset X whose cue follows its
    content" without a scan of them all (``_continued_claim`` asks it per quotation).

    Claims are kept in the order they were added; a claim whose content changed is
    told again (``update``). Of claims ending at the same offset, the first added wins.
    """

    def __init__(self, claims: list[Candidate]) -> None:
        self._claims: list[Candidate] = []
        self._order: dict[int, int] = {}  # id(claim) -> position
        self._keys: list[tuple[int, int]] = []  # sorted (content end, position) of claims
        self._key_of: dict[int, tuple[int, int]] = {}  # position -> its key in _keys
        for claim in claims:
            self.add(claim)

    def add(self, claim: Candidate) -> None:
        self._order[id(claim)] = len(self._claims)
        self._claims.append(claim)
        self.update(claim)

    def update(self, claim: Candidate) -> None:
        position = self._order[id(claim)]
        old = self._key_of.pop(position, None)
        if old is not None:
            del self._keys[bisect_left(self._keys, old)]
        end = claim.content[-1][1]
        if claim.cue[0] >= end:  # only a claim whose cue follows its content is continued
            key = (end, position)
            insort(self._keys, key)
            self._key_of[position] = key

    def latest_before(self, offset: int) -> Candidate | None:
        """The claim with the latest content end at or before ``offset``, cue after content."""
        index = bisect_right(self._keys, (offset, len(self._claims)))
        if not index:
            return None
        end = self._keys[index - 1][0]
        return self._claims[self._keys[bisect_left(self._keys, (end, -1))][1]]


def _rstrip_end(text: str, end: int, chars: str | None = None) -> int:
    """``len(text[:end].rstrip(chars))``, without copying the text."""
    while end > 0 and (text[end - 1] in chars if chars is not None else text[end - 1].isspace()):
        end -= 1
    return end


def _continued_claim(text: str, quote: Quote, claims: ClaimsBefore) -> Candidate | None:
    """The claim an unattributed quotation continues: "…,” Kim continued. “…”, the
    previous quoted claim's speaker goes on (however short the quotation: "“There
    she is,” he said. “Right on time.”"), also in the next paragraph when that one
    opens with the quotation. It is the latest claim before the quotation whose cue
    follows its content ("…,” said Caddell, speaking of X. “…”: not "speaking of X")."""
    previous = claims.latest_before(quote.start)
    if previous is None:
        return None
    gap = text[previous.content[-1][1] : quote.start]
    words = len(text[quote.start : quote.end].split())
    if words < MIN_QUOTE_WORDS and not gap.rstrip().endswith((".", ",", ":")):
        return None  # a short quotation inside the sentence is a scare quote
    # The next paragraph opens with the quotation and has no attribution of its own
    # (the caller checked): still the same claim.
    next_paragraph = (
        words >= MIN_QUOTE_WORDS
        and gap.count("\n") > 0
        and not gap.split("\n", 1)[1].strip("\n \t\xa0")
        and len(gap.strip().splitlines()) <= 1
        and "\n\n\n" not in gap.replace(" ", "")
    )
    if (
        len(gap) <= MAX_CONTINUATION_GAP
        and ("\n" not in gap or next_paragraph)
        and previous.cue[1] <= quote.start
    ):
        return previous
    return None


def attach_quotes(
    view: DocView,
    quotes: list[Quote],
    candidates: list[Candidate],
    lexicons: ClaimsLexicons,
    *,
    split_quotes: bool,
) -> list[Candidate]:
    """Give every unclaimed quotation next to an attribution to that attribution.

    "“A,” she said, “B”": A and B are one claim (two spans), or two claims with
    ``split_quotes``; "Trump said, “…”" / "said: “…”"; "…,” Kim continued.
    “…”" (the same speaker goes on). Quotations left over without an
    attribution next to them (scare quotes, titles) are not claims.
    """
    text = view.text
    by_cue = {
        c.cue_token: c for c in candidates if c.cue_token is not None and c.kind != "according_to"
    }
    added: list[Candidate] = []
    # What this loop adds to contents are quotations before the current one, which
    # (disjoint) never overlap it: the contents found before the loop decide.
    claimed = content_index(candidates)
    claims = ClaimsBefore(candidates)

    def attach(quote: Quote, verb: Token) -> None:
        existing = by_cue.get(verb.i)
        if existing is not None and not split_quotes:
            existing.content = sorted(existing.content + [(quote.start, quote.end)])
            claims.update(existing)
            return
        addressee = (
            [c for c in verb.rights if c.dep_ in ("dobj", "dative")]
            if verb.lemma_.lower() in lexicons.words["quote_addressee_verbs"]
            else []
        )
        candidate = Candidate(
            cue=(verb.idx, verb.idx + len(verb.text)),
            content=[(quote.start, quote.end)],
            cue_phrase=(cue_start(verb, lexicons).idx, phrase_end(verb, lexicons)),
            stance=lexicons.cue_verbs.get(verb.lemma_.lower(), "assert"),
            kind="direct",
            source_head=find_subject(verb),
            cue_token=verb.i,
            addressee=(addressee[0].idx, addressee[0].idx + len(addressee[0].text))
            if addressee
            else None,
        )
        added.append(candidate)
        claims.add(candidate)
        by_cue.setdefault(verb.i, candidate)

    for index, quote in enumerate(quotes):
        if claimed.overlapping(quote.start, quote.end):
            continue
        next_start = quotes[index + 1].start if index + 1 < len(quotes) else len(text)
        verb = _verb_after(view, quote, next_start, lexicons) or _verb_before(view, quote, lexicons)
        if verb is not None and quote_at(quotes, verb.idx) is None:
            attach(quote, verb)
            continue
        previous = _continued_claim(text, quote, claims)
        if previous is None:
            continue
        if split_quotes:
            added.append(
                Candidate(
                    cue=previous.cue,
                    content=[(quote.start, quote.end)],
                    stance=previous.stance,
                    kind="direct",
                    source_head=previous.source_head,
                    addressee=previous.addressee,
                    cue_token=previous.cue_token,
                )
            )
            claims.add(added[-1])
        else:
            previous.content.append((quote.start, quote.end))
            claims.update(previous)
    return added


def drop_duplicates(candidates: list[Candidate]) -> list[Candidate]:
    """One claim per content: of two cues with the same content, keep the first."""
    kept: list[Candidate] = []
    seen: set[tuple[tuple[int, int], ...]] = set()
    for candidate in sorted(candidates, key=lambda c: (c.content[0][0], -c.content[-1][1])):
        content = tuple(candidate.content)
        if content not in seen:
            seen.add(content)
            kept.append(candidate)
    return kept


def drop_nested(candidates: list[Candidate], doc: Doc) -> list[Candidate]:
    """Drop a cue inside another claim's content that only borrowed its subject
    ("claimed to have confirmed ...", "requires its members to report ...")."""
    kept = []
    contents = SpanIndex(
        ((span, candidate) for candidate in candidates for span in candidate.content),
        lambda item: item[0],
    )
    for candidate in candidates:
        token = doc[candidate.cue_token] if candidate.cue_token is not None else None
        nested = (
            token is not None
            and candidate.kind != "according_to"
            and token.dep_ in ("xcomp", "pcomp")
            and not has_own_subject(token)
            and any(other is not candidate for _, other in contents.containing(candidate.cue[0]))
        )
        if not nested:
            kept.append(candidate)
    return kept
