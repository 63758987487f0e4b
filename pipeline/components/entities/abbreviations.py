"""Abbreviations: "Radio Free Asia (RFA)" defines RFA, and every later "RFA" is that entity.

``find_abbreviations`` finds the definitions with the Schwartz & Hearst (2003)
algorithm ("A simple algorithm for identifying abbreviation definitions in
biomedical text"), as scispacy's ``abbreviation.py`` does; sentence boundaries,
when the doc has them, bound the long form. ``add_abbreviation_mentions`` links
the long form to the model's entity around it and makes every later short form
(a whole token) a mention of that entity, even where the model missed it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass

from spacy.tokens import Doc

from .lexicon import EntitiesLexicons, load_lexicons
from .mentions import Mention, make_mention, tokens_with_text
from .names import FUNCTION_WORDS, NAME_SPLIT

#: Tokens a long-form window never crosses (the long form ends at the "(").
LONG_FORM_STOP = frozenset({"(", ")", ";", ":", "“", "”", '"', "—", "–", "[", "]", ","})


@dataclass(frozen=True)
class Abbreviation:
    """A definition "long form (SHORT)": character offsets of both parts."""

    short_start: int
    short_end: int
    long_start: int
    long_end: int
    short: str
    long: str


def is_short_form(text: str) -> bool:
    """Could ``text`` be an abbreviation? "RFA", "U.N.", "KCNA" yes; "and", "Hamas" no;
    nor a party and state ("R-Texas", "D-Vt.") after a US politician's name."""
    if not 2 <= len(text) <= 10 or not text[0].isalnum():
        return False
    if "-" in text and any(ch.islower() for ch in text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 2


def best_long_form_start(short: str, long: str) -> int | None:
    """Schwartz & Hearst (2003): where in ``long`` the shortest long form of ``short`` starts.

    Each letter of the short form, from the end, is matched right to left in the
    candidate text; the first letter must begin a word. Returns the index in
    ``long`` of that word, or None when the letters do not all match.
    """
    s_index, l_index = len(short) - 1, len(long) - 1
    while s_index >= 0:
        char = short[s_index].lower()
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            long[l_index].lower() != char
            or (s_index == 0 and l_index > 0 and long[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    return long.rfind(" ", 0, l_index + 1) + 1


def looks_like_name(text: str) -> bool:
    """Title case, particles aside: "Committee to Protect Journalists" yes,
    "gross domestic product" no."""
    words = [word for word in NAME_SPLIT.split(text) if word]
    return (
        bool(words)
        and all(
            word[0].isupper() or word[0].isdigit() or word.lower() in FUNCTION_WORDS
            for word in words
        )
        and words[0][0].isupper()
    )


def find_abbreviations(doc: Doc, *, text: str | None = None) -> list[Abbreviation]:
    """Definitions "long form (SHORT)" and "SHORT (long form)" in ``doc``, in text order.

    Schwartz & Hearst style. "long form (SHORT)": the short form is one token
    between parentheses; the long form is looked for among the words just before
    the "(" in the same sentence (at most min(letters + 5, 2 × letters) words, as
    in the paper), and is the shortest run of words whose letters spell the short
    form in order. "SHORT (long form)": the whole parenthesis (2 to 10 words) is
    the long form when its letters spell the token before the "(" from its first
    word on. ``text``: ``doc.text`` when the caller has it.
    """
    abbreviations = []
    text = doc.text if text is None else text
    has_sents = doc.has_annotation("SENT_START")
    for i in tokens_with_text(doc, ["("]):
        if not 1 <= i < len(doc) - 2:
            continue
        if doc[i + 2].text == ")":
            found = _long_form_before(doc, text, i, has_sents=has_sents)
        else:
            found = _long_form_inside(doc, text, i)
        if found is not None:
            abbreviations.append(found)
    return abbreviations


def _long_form_before(doc: Doc, text: str, i: int, *, has_sents: bool) -> Abbreviation | None:
    """ "Radio Free Asia (RFA)": ``doc[i]`` is the "(", ``doc[i + 1]`` the short form."""
    short_token = doc[i + 1]
    short = short_token.text
    if not is_short_form(short):
        return None
    letters = sum(ch.isalnum() for ch in short)
    max_words = min(letters + 5, letters * 2)
    sent_start = doc[i].sent.start if has_sents else 0
    first = i
    words = 0
    while first - 1 >= sent_start and words < max_words:
        previous = doc[first - 1]
        if previous.text in LONG_FORM_STOP or previous.is_space:
            break
        first -= 1
        if not previous.is_punct:
            words += 1
    if first == i:
        return None
    window_start = doc[first].idx
    window_end = doc[i - 1].idx + len(doc[i - 1].text)
    window = text[window_start:window_end]
    offset = best_long_form_start(short, window)
    if offset is None:
        return None
    long_start = window_start + offset
    long_text = text[long_start:window_end]
    # Schwartz-Hearst's sanity checks: the long form is longer than the short
    # form and does not contain it.
    if len(long_text) <= len(short) or short.lower() in long_text.lower().split():
        return None
    short_start = short_token.idx
    return Abbreviation(
        short_start, short_start + len(short), long_start, window_end, short, long_text
    )


def _long_form_inside(doc: Doc, text: str, i: int) -> Abbreviation | None:
    """ "KCNA (Korean Central News Agency)": ``doc[i]`` is the "(", the short form before it."""
    short_token = doc[i - 1]
    short = short_token.text
    if not is_short_form(short):
        return None
    close = next((j for j in range(i + 1, min(i + 13, len(doc))) if doc[j].text == ")"), None)
    if close is None or close - i - 1 < 2:
        return None
    if any(doc[j].text in LONG_FORM_STOP for j in range(i + 1, close)):
        return None
    long_start = doc[i + 1].idx
    long_end = doc[close - 1].idx + len(doc[close - 1].text)
    long_text = text[long_start:long_end]
    if best_long_form_start(short, long_text) != 0 or short.lower() in long_text.lower().split():
        return None
    short_start = short_token.idx
    return Abbreviation(
        short_start, short_start + len(short), long_start, long_end, short, long_text
    )


def _overlapping(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[int]:
    """Indexes of the ``mentions`` (sorted, ``starts`` their starts) overlapping [start, end).

    Mentions never nest, so those overlapping a range are contiguous.
    """
    i = max(bisect_right(starts, start) - 1, 0)
    found = []
    while i < len(mentions) and mentions[i].start < end:
        if mentions[i].end > start:
            found.append(i)
        i += 1
    return found


def add_abbreviation_mentions(
    doc: Doc,
    mentions: Sequence[Mention],
    abbreviations: Sequence[Abbreviation],
    *,
    lexicons: EntitiesLexicons | None = None,
    text: str | None = None,
) -> list[Mention]:
    """``mentions`` plus the long forms and every later short form of ``abbreviations``.

    The long form is the model's entity that contains it ("White House National
    Security Council" for the Schwartz–Hearst long form "National Security
    Council" of NSC: the letters N-S-C pick the shorter run, the entity around it
    is the referent), else the long form itself becomes a mention (label of the
    model's entity ending where it ends, else ORG) if it looks like a name. Every
    occurrence of the short form as a whole token from the definition on (up to
    the next definition of the same short form) is a mention of that entity.
    ``text``: ``doc.text`` when the caller has it.
    """
    lexicons = lexicons or load_lexicons()
    # Copies: the links below must not change the caller's mentions.
    result = [copy(m) for m in sorted(mentions, key=lambda m: (m.start, m.end))]
    if not abbreviations:
        return result
    doc_text = doc.text if text is None else text
    starts = [m.start for m in result]

    by_text: dict[str, list[int]] = defaultdict(list)
    for i in tokens_with_text(doc, {abbreviation.short for abbreviation in abbreviations}):
        by_text[doc[i].text].append(doc[i].idx)

    definitions = sorted(abbreviations, key=lambda a: a.short_start)
    # Where each definition's short form is defined next (its uses end there).
    next_definition: list[int] = [len(doc_text) + 1] * len(definitions)
    defined_at: dict[str, int] = {}
    for n in range(len(definitions) - 1, -1, -1):
        short = definitions[n].short
        next_definition[n] = defined_at.get(short, len(doc_text) + 1)
        defined_at[short] = definitions[n].short_start
    for n, abbreviation in enumerate(definitions):
        hits = _overlapping(result, starts, abbreviation.long_start, abbreviation.long_end)
        containing = [
            i
            for i in hits
            if result[i].start <= abbreviation.long_start and abbreviation.long_end <= result[i].end
        ]
        if containing:
            long_mention = result[containing[0]]
        else:
            if not looks_like_name(doc_text[abbreviation.long_start : abbreviation.long_end]):
                continue
            label = next(
                (result[i].label for i in hits if result[i].end == abbreviation.long_end), "ORG"
            )
            created = make_mention(
                doc,
                abbreviation.long_start,
                abbreviation.long_end,
                label,
                lexicons=lexicons,
                origin="long_form",
                doc_text=doc_text,
            )
            if created is None:
                continue
            for i in reversed(hits):
                del result[i]
                del starts[i]
            long_mention = created
            _insert(result, starts, created)
        anchor = (long_mention.start, long_mention.end)
        until = next_definition[n]
        for start in by_text[abbreviation.short]:
            if start < abbreviation.short_start or start >= until:
                continue
            end = start + len(abbreviation.short)
            hits = _overlapping(result, starts, start, end)
            if hits:
                exact = [i for i in hits if result[i].start == start and result[i].end == end]
                if exact and (result[exact[0]].start, result[exact[0]].end) != anchor:
                    result[exact[0]].same_as = anchor
                    result[exact[0]].label = long_mention.label
                continue
            short_mention = make_mention(
                doc,
                start,
                end,
                long_mention.label,
                lexicons=lexicons,
                origin="abbreviation",
                doc_text=doc_text,
            )
            if short_mention is None:
                continue
            short_mention.same_as = anchor
            _insert(result, starts, short_mention)
    return result


def _insert(mentions: list[Mention], starts: list[int], mention: Mention) -> None:
    """Put ``mention`` in its place in the sorted ``mentions`` (after those with its
    offsets), and its start in ``starts``: a sort of them all per mention added
    made the stage quadratic in the number of abbreviations."""
    i = bisect_right(mentions, (mention.start, mention.end), key=_offsets)
    mentions.insert(i, mention)
    starts.insert(i, mention.start)


def _offsets(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end
