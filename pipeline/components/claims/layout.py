"""Where contents and quotations sit in the text's layout: paragraphs, sentences, lines.

A content found in the parse stays in its cue's paragraph and takes all of a
quotation it reaches into (``clip_to_paragraph``, ``extend_to_quotes``); a
quotation that opens a new sentence after its attribution is a claim of its
own (``split_sentence_continuations``); a line "NAME: …" and a quotation
signed "“…” ― NAME" are claims found in the layout alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from .candidate import Candidate, content_index
from .docview import DocView
from .lexicon import ClaimsLexicons
from .quotes import Quote, last_quote_closing_by, quote_opening_at_or_after, quotes_overlapping


def clip_to_paragraph(text: str, candidate: Candidate) -> None:
    """A content found in the parse stays in its cue's paragraph (the parser's
    sentences sometimes run over a line break); quotations may extend it later."""
    start = text.rfind("\n", 0, candidate.cue[0]) + 1
    end = text.find("\n", candidate.cue[1])
    end = len(text) if end < 0 else end
    parts = []
    for s, e in candidate.content:
        s, e = max(s, start), min(e, end)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            parts.append((s, e))
    candidate.content = parts


def extend_to_quotes(text: str, candidate: Candidate, quotes: list[Quote]) -> None:
    """A content that reaches into a quotation takes all of it (never across the cue)."""
    cue_begin, _ = candidate.cue
    parts = []
    for start, end in candidate.content:
        # Taking a quotation never brings in another (they are disjoint), so the
        # ones overlapping the part at first are all it can take.
        for quote in quotes_overlapping(quotes, start, end):
            if (
                quote.start < end
                and start < quote.end
                and not (quote.start < cue_begin < quote.end)
            ):
                start, end = min(start, quote.start), max(end, quote.end)
        parts.append((start, end))
    # "“…,” the county fire chief said": a quotation closed on a comma and
    # followed by its attribution ends the content (the parse may reach into the source).
    for index, (start, end) in enumerate(parts):
        quote = quote_opening_at_or_after(quotes, start)  # the only one that may open at start
        if (
            quote is not None
            and quote.start == start
            and quote.end < end <= cue_begin
            and text[quote.end - 2 : quote.end - 1] == ","
        ):
            parts[index] = (start, quote.end)
    # "… the job of president: “Steadiness …”": a quotation after a colon ends the content.
    if parts:
        start, end = parts[-1]
        # Only the first quotation after the content can follow the colon: the gap to a
        # later one holds the first one's marks.
        quote = quote_opening_at_or_after(quotes, end)
        if quote is not None and cue_begin < start and text[end : quote.start].strip() == ":":
            parts[-1] = (start, quote.end)
    # "Murphy followed up by lamenting …: “There’s just a ton …,” he said": what a
    # cue after the content says is the quotation; the sentence before its colon
    # is the writer's introduction of it.
    if parts and parts[0][1] <= cue_begin:
        start, end = parts[0]
        quote = quote_opening_at_or_after(quotes, start + 1)
        if (
            quote is not None
            and quote.start < end <= quote.end
            and text[start : quote.start].rstrip().endswith(":")
        ):
            parts[0] = (quote.start, end)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(parts):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    candidate.content = merged


#: "AIDE: Well, look, ..." / "Lena Ortiz: Voters Worried ...": a speaker
#: label (1-4 capitalised words) at the start of a line, a colon, the statement.
SPEAKER_LINE = re.compile(
    r"^(?P<speaker>(?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?P<content>\S.*)$", re.M
)
#: "Democratic strategist Lena Ortiz: “Smaller campaigns …”": any short speaker phrase
#: at the start of a line when what follows the colon is a quotation.
SPEAKER_QUOTE_LINE = re.compile(
    r"^(?P<speaker>[A-Z][\w.'’-]*(?:[ \t]+[\w.'’()-]+){0,7}):[ \t]+(?P<content>[“\"].*)$", re.M
)
#: "“…” ― Pamela Padilla": a quotation signed by a name after a dash, ending the line;
#: a hyphen signs only when it opens the line ("“…”\n\n- Bernie Sanders.").
SIGNED_QUOTE = re.compile(
    r"(?P<dash>[―—]|^-)[^\S\n]*(?P<speaker>[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,4})[^\S\n]*$",
    re.M,
)


def signed_quote_candidates(
    view: DocView, quotes: list[Quote], candidates: list[Candidate]
) -> list[Candidate]:
    """ "“…” ― Pamela Padilla": an unclaimed quotation signed by a name after a dash."""
    doc, text = view.doc, view.text
    claimed = content_index(candidates)
    found = []
    for match in SIGNED_QUOTE.finditer(text):
        dash = match.start("dash")
        # Only the last quotation closing before the dash can be right before it: the
        # gap from an earlier one holds the last one's marks.
        quote = last_quote_closing_by(quotes, dash)
        if quote is None or text[quote.end : dash].strip():
            continue
        if claimed.overlapping(quote.start, quote.end):
            continue
        speaker = doc.char_span(
            match.start("speaker"), match.end("speaker"), alignment_mode="contract"
        )
        dash_tokens = doc.char_span(dash, dash + 1, alignment_mode="expand")
        if speaker is None or not len(speaker) or dash_tokens is None:
            continue
        found.append(
            Candidate(
                cue=(dash, dash + 1),
                content=[(quote.start, quote.end)],
                kind="direct",
                source_head=speaker.root,
                source_span=(speaker.start, speaker.end),
                cue_token=dash_tokens[0].i,
            )
        )
    return found


def _is_speaker_label(speaker: Span, content: str) -> bool:
    """ "AIDE: Well, …", "Lena Ortiz: Voters Worried …" make a claim;
    "Hillary Clinton: 1,769." (a figure, a fragment) does not. Page furniture
    ("The Latest:", "Correction:") is filtered by ``lexicons.words["not_speakers"]`` before."""
    return len(re.findall(r"[^\W\d_]+", content)) >= 3


def speaker_line_candidates(
    view: DocView, candidates: list[Candidate], lexicons: ClaimsLexicons
) -> list[Candidate]:
    """ "AIDE: She will not …": a line opened by a speaker label and a colon, unclaimed."""
    doc, text = view.doc, view.text
    claimed = content_index(candidates)
    found = []
    matches = list(SPEAKER_LINE.finditer(text))
    seen = {m.start() for m in matches}
    matches += [m for m in SPEAKER_QUOTE_LINE.finditer(text) if m.start() not in seen]
    for match in matches:
        speaker = match.group("speaker")
        if any(
            word.lower() in lexicons.words["not_speakers"] for word in speaker.split()
        ) or re.fullmatch(r"[\d:. apm]+", speaker.lower()):
            continue
        start, end = match.start("content"), match.end("content")
        while end > start and text[end - 1].isspace():  # text[:end].rstrip(), without the copy
            end -= 1
        if claimed.overlapping(start, end):
            continue
        head_span = doc.char_span(
            match.start("speaker"), match.end("speaker"), alignment_mode="contract"
        )
        colon = doc.char_span(
            match.end("speaker"), match.end("speaker") + 1, alignment_mode="expand"
        )
        if head_span is None or not len(head_span) or colon is None:
            continue
        if not _is_speaker_label(head_span, text[start:end]):
            continue
        found.append(
            Candidate(
                cue=(match.end("speaker"), match.end("speaker") + 1),
                content=[(start, end)],
                source_head=head_span.root,
                source_span=(head_span.start, head_span.end),
                cue_token=colon[0].i,
            )
        )
    return found


QUOTE_OPENINGS = frozenset('“"”')


def split_sentence_continuations(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "“A,” Kim continued. “B.”": a quotation that opens a new sentence after its
    attribution is a claim of its own (same source and cue); "“A,” he said, “b …”"
    (the quotation goes on in the same sentence) stays one claim with two spans."""
    result = []
    for candidate in candidates:
        parts = candidate.content
        cut = None
        for i in range(1, len(parts)):
            gap = text[parts[i - 1][1] : parts[i][0]]
            if (
                text[parts[i][0]] in QUOTE_OPENINGS
                and parts[i - 1][1] <= candidate.cue[0] < parts[i][0]
                and gap.rstrip().endswith((".", "!", "?"))
            ):
                cut = i
                break
        if cut is None:
            result.append(candidate)
            continue
        result.append(replace(candidate, content=parts[:cut]))
        result.append(replace(candidate, content=parts[cut:], kind="direct", continuation=True))
    return result
