"""Long documents (issue 12): the lookups that replaced scans answer what the scans did.

Each test holds the code as it was before (a scan of every quotation, content,
claim, speaker or entity, asked per token or per candidate) and checks that
the function now gives the same output, on generated input or on a parsed
article long enough to have many of each.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest

from pipeline.components.claims.attach import (
    ClaimsBefore,
    _rstrip_end,
    _verb_before,
    drop_duplicates,
    drop_nested,
)
from pipeline.components.claims.candidate import Candidate
from pipeline.components.claims.docview import DocView
from pipeline.components.claims.find import claim_kind
from pipeline.components.claims.layout import (
    SIGNED_QUOTE,
    SPEAKER_LINE,
    SPEAKER_QUOTE_LINE,
    _is_speaker_label,
    extend_to_quotes,
    signed_quote_candidates,
    speaker_line_candidates,
)
from pipeline.components.claims.lexicon import load_lexicons
from pipeline.components.claims.quotes import Quote, find_quotes
from pipeline.components.claims.speakers import Speaker, SpeakerMemory, _named_entity
from pipeline.components.claims.verbs import has_own_subject
from pipeline.components.entities import entity_at

from .test_quotes import quote_laden_text

ARTICLE = "\n\n".join(
    [
        "SEOUL — North Korea’s Korean Central News Agency (KCNA) said on Tuesday that the "
        "talks had failed. “We will not return,” said Kim Yo Jong, a senior official. "
        "The senator continued to insist that the vote was rigged. "
        "“The talks are over.” Kim said the United States had lied.",
        "The message appreciated that the envoy had come. The message said the summit was "
        "“a waste of time,” according to KCNA.",
        "AIDE: Well, look, we never agreed to any of this, and we never will.",
        "“Smaller campaigns have no chance at all this year.” ― Pamela Padilla",
        "Soo Kim, a former CIA analyst, told reporters: “The regime is nervous.” "
        "She said the regime was “isolated” and that Pyongyang would wait. "
        "John Kirby said the Pentagon was watching. Kirby added that “nothing has changed.”",
        "Democratic strategist Lena Ortiz: “Voters are worried about prices and jobs.”",
        "The report said that KCNA had changed its tone. It said the statement, issued by "
        "the Russian embassy in Pyongyang, was “clear.”",
    ]
)


@pytest.fixture(scope="module")
def article(make_doc):
    """A parsed article (all stages run), repeated so that there are many of everything."""
    return make_doc("\n\n".join([ARTICLE] * 6), "2023-06-13")


def random_candidates(text: str, rng: random.Random, count: int) -> list[Candidate]:
    candidates = []
    for _ in range(count):
        cue = rng.randrange(0, len(text) - 10)
        parts = []
        position = rng.randrange(0, len(text) - 10)
        for _ in range(rng.choice([1, 1, 2, 3])):
            start = min(position, len(text) - 2)
            end = min(start + rng.randrange(1, 200), len(text))
            parts.append((start, end))
            position = end + rng.randrange(0, 50)
        candidates.append(Candidate(cue=(cue, cue + 4), content=sorted(parts)))
    return candidates


def old_extend_to_quotes(text: str, candidate: Candidate, quotes: list[Quote]) -> None:
    cue_begin, _ = candidate.cue
    parts = []
    for start, end in candidate.content:
        for quote in quotes:
            if (
                quote.start < end
                and start < quote.end
                and not (quote.start < cue_begin < quote.end)
            ):
                start, end = min(start, quote.start), max(end, quote.end)
        parts.append((start, end))
    for index, (start, end) in enumerate(parts):
        for quote in quotes:
            if (
                quote.start == start
                and quote.end < end <= cue_begin
                and text[quote.end - 2 : quote.end - 1] == ","
            ):
                parts[index] = (start, quote.end)
    if parts:
        start, end = parts[-1]
        for quote in quotes:
            if quote.start >= end and cue_begin < start and text[end : quote.start].strip() == ":":
                parts[-1] = (start, quote.end)
                break
    if parts and parts[0][1] <= cue_begin:
        start, end = parts[0]
        for quote in quotes:
            if quote.start > start:
                before = text[start : quote.start].rstrip()
                if quote.start < end <= quote.end and before.endswith(":"):
                    parts[0] = (quote.start, end)
                break
    merged: list[tuple[int, int]] = []
    for start, end in sorted(parts):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    candidate.content = merged


@pytest.mark.parametrize("seed", range(6))
def test_extend_to_quotes_is_as_before(seed: int) -> None:
    text = quote_laden_text(seed)
    quotes, _ = find_quotes(text)
    rng = random.Random(seed)
    for candidate in random_candidates(text, rng, 300):
        # Contents starting on a quotation's mark and ending before a colon, as the rules meet.
        if rng.random() < 0.3 and quotes:
            quote = rng.choice(quotes)
            candidate.content = [(quote.start, min(len(text), quote.end + rng.randrange(0, 20)))]
            candidate.cue = (candidate.content[0][1] + 2, candidate.content[0][1] + 6)
        old = replace(candidate, content=list(candidate.content))
        old_extend_to_quotes(text, old, quotes)
        extend_to_quotes(text, candidate, quotes)
        assert candidate.content == old.content


def old_latest_before(claims: list[Candidate], offset: int) -> Candidate | None:
    previous = None
    for candidate in claims:
        end = candidate.content[-1][1]
        if (
            end <= offset
            and candidate.cue[0] >= end
            and (previous is None or end > previous.content[-1][1])
        ):
            previous = candidate
    return previous


@pytest.mark.parametrize("seed", range(6))
def test_claims_before_finds_the_claim_a_scan_found_as_contents_grow(seed: int) -> None:
    rng = random.Random(seed)
    text = "x" * 5000
    claims = random_candidates(text, rng, 80)
    for claim in claims:  # many with the cue after the content, some ending together
        if rng.random() < 0.6:
            claim.cue = (claim.content[-1][1] + rng.randrange(0, 30),) * 2
        if rng.random() < 0.2:
            claim.content[-1] = (claim.content[-1][0], 1000)
    index = ClaimsBefore(claims)
    everything = list(claims)
    for offset in sorted(rng.randrange(0, 5200) for _ in range(200)):
        assert index.latest_before(offset) is old_latest_before(everything, offset)
        if rng.random() < 0.3:  # a quotation added to a claim, as attach_quotes does
            claim = rng.choice(everything)
            claim.content.append((offset, offset + rng.randrange(1, 40)))
            index.update(claim)
        if rng.random() < 0.2:
            added = Candidate(cue=(offset + 50, offset + 54), content=[(offset, offset + 10)])
            everything.append(added)
            index.add(added)


def test_drop_duplicates_is_as_before() -> None:
    rng = random.Random(0)
    spans = [[(10, 20)], [(10, 25)], [(10, 20), (30, 40)], [(0, 5)], [(12, 20)]]
    candidates = [Candidate(cue=(i, i + 1), content=list(rng.choice(spans))) for i in range(200)]
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.content[0][0], -c.content[-1][1])):
        if not any(other.content == candidate.content for other in kept):
            kept.append(candidate)
    assert drop_duplicates(candidates) == kept
    assert [id(c) for c in drop_duplicates(candidates)] == [id(c) for c in kept]


@pytest.mark.model
def test_drop_nested_is_as_before(article) -> None:
    rng = random.Random(1)
    text = article.text
    candidates = random_candidates(text, rng, 400)
    xcomps = [t.i for t in article if t.dep_ in ("xcomp", "pcomp")]
    for candidate in candidates:
        token = rng.choice(xcomps) if rng.random() < 0.5 else rng.randrange(len(article))
        candidate.cue_token = token
        candidate.cue = (article[token].idx, article[token].idx + len(article[token].text))
    old = []
    for candidate in candidates:
        token = article[candidate.cue_token]
        nested = (
            token.dep_ in ("xcomp", "pcomp")
            and not has_own_subject(token)
            and any(
                other is not candidate and any(s <= candidate.cue[0] < e for s, e in other.content)
                for other in candidates
            )
        )
        if not nested:
            old.append(candidate)
    new = drop_nested(candidates, article)
    assert [id(c) for c in new] == [id(c) for c in old]
    assert len(new) < len(candidates)  # some were nested


@pytest.mark.parametrize("chars", [" \t", None])
def test_rstrip_end_is_the_length_of_the_stripped_prefix(chars: str | None) -> None:
    text = "said:  \n\n \t “x” a, \t\n"
    for end in range(len(text) + 1):
        assert _rstrip_end(text, end, chars) == len(text[:end].rstrip(chars))


@pytest.mark.model
def test_verb_before_is_as_before(article) -> None:
    from pipeline.components.claims.attach import WINDOW_BEFORE
    from pipeline.components.claims.verbs import find_subject, is_reporting_verb

    def old_verb_before(view: DocView, quote: Quote, lexicons):
        doc = view.doc
        before = view.text[: quote.start].rstrip(" \t")
        if before.endswith("\n") and before.rstrip().endswith(":"):
            before = before.rstrip()
        if not before.endswith((":", ",")):
            tokens = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
            if (
                tokens is not None
                and is_reporting_verb(tokens[0], lexicons)
                and find_subject(tokens[0]) is not None
            ):
                return tokens[0]
            return None
        tokens = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if tokens is None:
            return None
        mark = tokens[0]
        window = doc[max(view.sentence(mark).start, mark.i - WINDOW_BEFORE) : mark.i]
        verbs = [
            t for t in window if is_reporting_verb(t, lexicons) and find_subject(t) is not None
        ]
        return verbs[-1] if verbs else None

    view, lexicons = DocView(article), load_lexicons()
    quotes, _ = find_quotes(view.text)
    found = [(_verb_before(view, q, lexicons), old_verb_before(view, q, lexicons)) for q in quotes]
    assert all(new == old for new, old in found)
    assert any(new is not None for new, _ in found)


@pytest.mark.model
def test_signed_quotes_and_speaker_lines_are_as_before(article) -> None:
    view, lexicons = DocView(article), load_lexicons()
    text, doc = view.text, view.doc
    quotes, _ = find_quotes(text)
    rng = random.Random(2)
    claimed_by = random_candidates(text, rng, 40)

    claimed = [(s, e) for c in claimed_by for s, e in c.content]
    signed = []
    for match in SIGNED_QUOTE.finditer(text):
        dash = match.start("dash")
        before = [q for q in quotes if q.end <= dash and not text[q.end : dash].strip()]
        if not before or any(s < before[-1].end and before[-1].start < e for s, e in claimed):
            continue
        speaker = doc.char_span(match.start("speaker"), match.end("speaker"), "contract")
        if speaker is not None and len(speaker):
            signed.append((dash, before[-1].start, before[-1].end))
    new = signed_quote_candidates(view, quotes, claimed_by)
    assert [(c.cue[0], *c.content[0]) for c in new] == signed

    matches = list(SPEAKER_LINE.finditer(text))
    seen = {m.start() for m in matches}
    matches += [m for m in SPEAKER_QUOTE_LINE.finditer(text) if m.start() not in seen]
    lines = []
    for match in matches:
        speaker = match.group("speaker")
        if any(
            word.lower() in lexicons.words["not_speakers"] for word in speaker.split()
        ) or re.fullmatch(r"[\d:. apm]+", speaker.lower()):
            continue
        start, end = match.start("content"), match.end("content")
        end = len(text[:end].rstrip())
        if any(s < end and start < e for s, e in claimed):
            continue
        head = doc.char_span(match.start("speaker"), match.end("speaker"), "contract")
        if head is not None and len(head) and _is_speaker_label(head, text[start:end]):
            lines.append((start, end))
    new_lines = speaker_line_candidates(view, claimed_by, lexicons)
    assert [c.content[0] for c in new_lines] == lines
    assert signed and lines


@pytest.mark.model
def test_claim_kind_is_as_before(article) -> None:
    view = DocView(article)
    quotes, _ = find_quotes(view.text)

    def old_kind(candidate: Candidate) -> str:
        quoted = [q for q in quotes if any(q.start < e and s < q.end for s, e in candidate.content)]
        if not quoted:
            return "indirect"
        outside = sum(
            1
            for s, e in candidate.content
            for i in range(s, e)
            if view.text[i].isalnum() and not any(q.start <= i < q.end for q in quoted)
        )
        return "direct" if outside == 0 else "mixed"

    candidates = random_candidates(view.text, random.Random(3), 300)
    candidates += [Candidate(cue=(0, 1), content=[(q.start, q.end)]) for q in quotes]
    lexicons = load_lexicons()
    kinds = [claim_kind(view, c, quotes, lexicons) for c in candidates]
    assert kinds == [old_kind(c) for c in candidates]
    assert {"direct", "mixed", "indirect"} <= set(kinds)


@pytest.mark.model
def test_docview_entity_lookups_are_the_scans_they_replace(article) -> None:
    view = DocView(article)
    ents = view.ents
    for token in article:
        assert view.ent_at(token.i) == next((e for e in ents if e.start <= token.i < e.end), None)
        if token.pos_ == "NOUN":
            earlier = next(
                (
                    t.i
                    for t in reversed(article[: token.i])
                    if t.lemma_ == token.lemma_ and t.pos_ == "NOUN"
                ),
                None,
            )
            assert view.last_noun_before(token.lemma_, token.i) == earlier
    for start in range(0, len(article), 7):
        for end in (start + 1, start + 5, start + 30):
            assert view.ents_within(start, end) == tuple(
                e for e in ents if start <= e.start and e.end <= end
            )
    for ent in ents:
        name = ent.text
        for before in (ent.start_char, ent.end_char + 500, len(view.text)):
            last, words = name.split()[-1], len(name.split())
            best = None
            for other in ents:
                if other.label_ == "PERSON" and other.start_char < before:
                    parts = other.text.split()
                    if len(parts) > words and parts[-1] == last:
                        best = other.text
            assert view.last_person_ending_with(last, longer_than=words, before=before) == best


@pytest.mark.model
def test_speaker_entities_are_found_as_before(article) -> None:
    view = DocView(article)
    entities = article._.newsclaims_entities
    assert len(view.entities) == len(entities)
    for token in article:
        start, end = token.idx, token.idx + len(token.text)
        # entity_at over all the stage's mentions, as the speakers asked it.
        found = entity_at(article, start, end)
        assert (found is None) == (not any(e["start"] < end and start < e["end"] for e in entities))
        assert view.entity_at(start, end) is found
        span = article[token.left_edge.i : token.right_edge.i + 1]
        assert _named_entity(span, token, view) == old_named_entity(span, token, view.ents)


def old_named_entity(span, head, ents):
    from pipeline.components.claims.speakers import NAME_LABELS

    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ in NAME_LABELS and head.pos_ != "PROPN":
            for ent in ents:
                if ent.start <= child.i < ent.end:
                    return ent
    if head.ent_type_ in NAME_LABELS:
        for ent in ents:
            if ent.start <= head.i < ent.end:
                return ent
    candidates = [
        ent
        for ent in ents
        if span.start <= ent.start and ent.end <= span.end and ent.label_ in NAME_LABELS
    ]
    if candidates and head.lemma_.lower() not in ("report", "statement", "information", "message"):
        people = [ent for ent in candidates if ent.label_ == "PERSON"]
        return (people or candidates)[-1] if head.pos_ == "PROPN" else None
    return None


@pytest.mark.parametrize("seed", range(4))
def test_speaker_memory_answers_what_a_scan_of_all_speakers_did(seed: int) -> None:
    rng = random.Random(seed)
    names = ["Soo Kim", "Kim", "Kim Yo Jong", "John Kirby", "Kirby", "the ministry", "KCNA"]
    types = ["person", "organization", "government", "media", "anonymous", "document"]
    speakers = [
        Speaker(start, start + 5, rng.choice(names), rng.choice(types))
        for start in (rng.randrange(0, 3000) for _ in range(150))
    ]
    memory = SpeakerMemory(speakers[:10])  # as the tests build one, and as remember() grows it
    for speaker in speakers[10:]:
        memory.remember(speaker)
    assert memory.speakers == speakers
    for before in range(0, 3100, 37):
        for wanted in (None, ("person",), ("document", "organization"), ("anonymous", "media")):
            scanned = next(
                (
                    s
                    for s in reversed(speakers)
                    if s.start < before and (wanted is None or s.type in wanted)
                ),
                None,
            )
            assert memory.last(wanted, before=before) is scanned
        for name in ("Kim", "Kirby", "Kim Jong", "Yo Jong"):
            last, words = name.split()[-1], len(name.split())
            scanned = next(
                (
                    s.canonical
                    for s in reversed(speakers)
                    if s.start < before
                    and s.type == "person"
                    and len(s.canonical.split()) > words
                    and s.canonical.split()[-1] == last
                ),
                None,
            )
            assert memory.last_full_name(last, longer_than=words, before=before) == scanned
