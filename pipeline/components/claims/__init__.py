"""The claims stage: attributed statements (who said what, to whom, how).

Assigns: ``doc._.newsclaims_claims``, one dict per claim:
``{"kind", "stance", "source", "cue", "content", "addressee"}`` with character
offsets (``content["spans"]`` only when the content is discontinuous).
Requires: the parser (dependency labels, sentences) and NER, and
``doc._.newsclaims_entities`` (read through the entities stage's public
``entity_at``) for a source's canonical name and entity id. Without the
entities stage the extension is empty: every source is then named from the
parse and NER alone, with ``entity_id`` None. Adds warning W003 for unbalanced
quote marks.

The algorithm lives in this package: ``quotes`` (quote marks), ``verbs``
(reporting verbs and their subjects), ``verb_cues`` and ``nominal_cues``
(attributions over the parse), ``cue_phrase`` (the verb group), ``content``
(trimming a content), ``cue_model`` (the learned cue scorer), ``layout`` and
``attach`` (paragraphs, lines and quotations), ``speakers`` (source spans,
types and resolution), ``lexicon`` (the ``data/*.txt`` files, read into
``ClaimsLexicons``), ``docview`` (what is read of one doc).
``find.find_claims`` ties them together:

1. every reporting verb outside a quotation with a content and a source gives
   a claim (an agentless passive gives one without a source), and so does any
   verb with a subject and a that-clause ("The message appreciated that …");
   so do "according to X", "in a CNN poll, …", "his claim that …", verbs of
   seeming ("X seemed to Y", no source), questions ("asked if …"), "NAME: …"
   lines and "“…” ― NAME" signatures;
2. a content stays in its cue's paragraph, and one that reaches into a
   quotation takes all of it;
3. an unclaimed quotation next to an attribution ("…,” Kim said", "Trump said,
   “…”") belongs to it; one after a claim whose cue follows its content
   continues that claim: as a claim of its own with the same source and cue
   when it opens a new sentence ("…,” Kim continued. “…”; the default
   ``split_sentence_quotes=True``), else as a second content span ("“A,” he
   said, “b …”", PolNeAR's convention; ``split_quotes=True`` splits those too);
   other quotations (scare quotes, titles) are not claims;
4. kinds: content all inside quotations -> direct; partly -> mixed (never for
   verbs of thinking: 'Burton thinks that cats are "cuties"'); stance from the
   cue lexicons, or deny when the statement calls something fabricated or false.

When the attribution tagger (``tagger.py``, the ``newsclaims_attribution_tagger``
component, trained on PolNeAR train) ran before this stage, ``merge`` lets its
spans set where contents, sources and cue phrases begin and end, and every
claim says where it came from (``origin``) and how sure the tagger is
(``model_probability``); the accept model (``accept_model``, trained on the
proposals of taggers that never saw the articles) says which of the tagger's
contents the rules miss become claims, and the source chooser
(``source_model``, trained like it) which source each of them takes (a source
span of the tagger, the cue's subject, the subject of the verb the content
hangs on, or none); then the boundary chooser (``boundaries``,
``boundary_model``, trained on PolNeAR train) sets where each content begins
and ends (``bounds_probability``), and the rule judge (``rule_judge``, trained
with the same fold taggers) drops the rules' claims it finds unlikely, each
claim it judged carrying its ``claim_probability``; the tagger's contents that
overlapped only dropped claims are proposed then, as the others were
(``merge.readded_claims``: many dropped claims are real attributions drawn with
the wrong bounds); without the tagger
(``pipeline.load(rules_only=True)``) the claims are the rules' alone. Either way,
each claim's cue phrase is settled last: a rule claim's on its final content
(``cue_phrase.settled_phrase``: "was asked about", "went on to explain"), a
tagger-added claim's cue span opened at its verb group
(``cue_phrase.grown_tagger_cue``: "concerns about", "has yet to address").

Tuned on PolNeAR train/dev only (see ``pipeline/evaluate/claims.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..._extensions import add_warning, get_list
from ...errors import Warnings
from ...guard import guarded
from ...intervals import SpanIndex
from ..stage import DataStage
from .accept_model import AcceptModel, load_accept_model, proposal_features
from .boundaries import BoundaryView
from .boundary_model import load_boundary_model, rebound_claims
from .cue_model import MODEL_FILE, CueModel, load_cue_model
from .cue_phrase import grown_tagger_cue, settled_phrase
from .docview import DocView
from .find import find_claims
from .lexicon import DATA_FILES, ClaimsLexicons, load_lexicons, read_lexicons
from .merge import Proposing, in_cue_order, merge_claims, readded_claims
from .quotes import Quote, find_quotes
from .rule_judge import RuleJudge, judge_rule_claims, load_rule_judge
from .source_model import SourceModel, candidate_features, load_source_model
from .speakers import (
    SpeakerMemory,
    content_subject_phrase,
    cue_subject_phrase,
    resolve_speaker,
    source_phrase,
)
from .tagger import EXTENSION as TAGGER_SPANS
from .tagger import TAGGER, make_attribution_tagger

STAGE = "newsclaims_claims"

__all__ = [
    "STAGE",
    "TAGGER",
    "ClaimsLexicons",
    "ClaimsStage",
    "find_claims",
    "load_lexicons",
    "make_attribution_tagger",
    "make_claims",
]

#: The cue model's file name in a saved pipeline.
MODEL_NAME = Path(MODEL_FILE).name


class ClaimsStage(DataStage):
    """Writes ``find_claims`` to ``doc._.newsclaims_claims``; never raises on an article.

    Its rules are the files of ``data/`` (``self.data``, parsed into
    ``self.lexicons``) and the cue model's weights; ``to_disk`` saves them beside
    the pipeline and ``from_disk`` reads them back, so a saved pipeline runs with
    the rules it was saved with.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        split_quotes: bool = False,
        split_sentence_quotes: bool = True,
        cue_model: bool = True,
        boundary_model: bool = True,
        accept_model: bool = True,
        source_model: bool = True,
        rule_judge: bool = True,
        propose_dropped: bool = True,
    ) -> None:
        self.split_quotes = split_quotes
        self.split_sentence_quotes = split_sentence_quotes
        super().__init__(name, DATA_FILES, load_lexicons(), read_lexicons)
        self.lexicons: ClaimsLexicons
        self.cue_model = load_cue_model() if cue_model else None
        self.boundary_model = load_boundary_model() if boundary_model else None
        self.accept_model: AcceptModel | None = load_accept_model() if accept_model else None
        #: when a list, every proposal of the tagger is a claim and goes in it with its
        #: features, as ``(features, claim)`` (``accept_training.py``)
        self.proposals: list[tuple[list[str], dict[str, Any]]] | None = None
        self.source_model: SourceModel | None = load_source_model() if source_model else None
        #: when a list, every tagger-added claim goes in it with its source candidates
        #: and their features, as ``(claim, candidates, features)``, and keeps the first
        #: candidate (``source_training.py``)
        self.source_choices: (
            list[tuple[dict[str, Any], list[dict[str, Any]], list[list[str]]]] | None
        ) = None
        self.rule_judge: RuleJudge | None = load_rule_judge() if rule_judge else None
        #: when a list, every unit of rule claims the tagger did not confirm stays and
        #: goes in it with its features, as ``(features, claims)`` (``rule_judge_training.py``)
        self.judged: list[tuple[list[str], list[dict[str, Any]]]] | None = None
        #: propose the tagger's contents that overlapped only claims the judge dropped
        self.propose_dropped = propose_dropped

    @guarded(STAGE)
    def __call__(self, doc: Doc) -> Doc:
        view = DocView(doc)
        quotes, (opened, closed) = find_quotes(view.text)
        if opened != closed:
            add_warning(doc, Warnings.W003.as_dict(opened=opened, closed=closed))
        claims = find_claims(
            doc,
            self.lexicons,
            split_quotes=self.split_quotes,
            split_sentence_quotes=self.split_sentence_quotes,
            quotes=quotes,
            cue_model=self.cue_model,
            view=view,
        )
        spans = doc._.get(TAGGER_SPANS)
        if spans is not None:  # the attribution tagger ran before this stage
            proposing = Proposing(
                source_of=lambda s, e: self._source(view, s, e),
                not_speakers=self.lexicons.words["not_speakers"],
                speaker_of_cue=lambda s, e: self._cue_speaker(view, s, e),
                accept=self._accept(view, claims, quotes),
                choose_source=self._choose_source(view, claims, quotes),
                speaker_of_content=lambda s, e: self._content_speaker(view, s, e),
            )
            claims = merge_claims(view.text, claims, spans, quotes, proposing)
            self._rebound(view, claims, quotes)
            if self.rule_judge is not None or self.judged is not None:
                kept = judge_rule_claims(
                    view,
                    claims,
                    spans,
                    quotes,
                    self.rule_judge,
                    cue_verbs=frozenset(self.lexicons.cue_verbs),
                    recorded=self.judged,
                )
                if self.propose_dropped and len(kept) < len(claims):
                    ids = {id(claim) for claim in kept}
                    dropped = [claim for claim in claims if id(claim) not in ids]
                    added = readded_claims(view.text, kept, dropped, spans, quotes, proposing)
                    self._rebound(view, added, quotes)
                    kept = in_cue_order(kept + added)
                claims = kept
        settle_cue_phrases(view, claims, self.lexicons)
        get_list(doc, STAGE).extend(claims)
        return doc

    def _rebound(self, view: DocView, claims: list[dict[str, Any]], quotes: list[Quote]) -> None:
        """The boundary chooser's bounds for ``claims`` (in place), when the stage has it."""
        if self.boundary_model is not None and claims:
            bounds_view = BoundaryView(view, self.lexicons)
            rebound_claims(bounds_view, claims, self.boundary_model, quotes)

    def _accept(
        self, view: DocView, claims: list[dict[str, Any]], quotes: list[Quote]
    ) -> Callable[[dict[str, Any]], bool] | None:
        """The accept model's judge of the tagger's proposals (``merge_claims``), or
        None without the model (and without ``proposals`` to record)."""
        model, recorded = self.accept_model, self.proposals
        if model is None and recorded is None:
            return None
        contents = [claim["content"] for claim in claims]
        spans = [tuple(s) for c in contents for s in c.get("spans") or [[c["start"], c["end"]]]]
        rule_contents = SpanIndex(spans, lambda s: s)
        cue_verbs = frozenset(self.lexicons.cue_verbs)

        def accept(proposal: dict[str, Any]) -> bool:
            features = proposal_features(view, proposal, quotes, rule_contents, cue_verbs)
            if recorded is not None:
                recorded.append((features, proposal["claim"]))
                return True
            assert model is not None
            return model.accepts(features, proposal["content"]["probability"])

        return accept

    def _choose_source(
        self, view: DocView, claims: list[dict[str, Any]], quotes: list[Quote]
    ) -> Callable[[dict[str, Any], list[dict[str, Any]]], int] | None:
        """The source model's choice among a tagger-added claim's source candidates
        (``merge_claims``), or None without the model (and without ``source_choices``
        to record)."""
        model, recorded = self.source_model, self.source_choices
        if model is None and recorded is None:
            return None
        sources = [claim["source"] for claim in claims if claim.get("source")]
        rule_sources = SpanIndex([(s["start"], s["end"]) for s in sources], lambda s: s)

        def choose(proposal: dict[str, Any], candidates: list[dict[str, Any]]) -> int:
            features = [
                candidate_features(view, proposal, candidates, i, rule_sources, quotes)
                for i in range(len(candidates))
            ]
            if recorded is not None:
                recorded.append((proposal["claim"], candidates, features))
                return 0
            assert model is not None
            return model.choose(features)

        return choose

    def _source(self, view: DocView, start: int, end: int) -> dict[str, Any] | None:
        """The source dict of a tagger's source span, named as the rules name theirs;
        the span grows to its noun phrase (``source_phrase``), as the rules' sources
        do ("un" of "Kim Jong-un" is "Kim Jong-un")."""
        span = view.span(start, end)
        if span is None:
            return None
        span = source_phrase(span, self.lexicons.words["source_adverbs"])
        speaker = resolve_speaker(span, span.root, SpeakerMemory(), self.lexicons, view)
        return speaker.as_source(span.start_char, span.end_char)

    def _cue_speaker(self, view: DocView, start: int, end: int) -> dict[str, Any] | None:
        """The source dict of the subject of a tagger's cue span, when the cue is a
        verb with a subject in its line ("Joe Bateman, who …, says …": the rules'
        subject, with its phrase), or a participle describing a noun ("Police
        receive 911 calls saying …": the noun's phrase)."""
        span = view.span(start, end)
        if span is None or span.root.pos_ not in ("VERB", "AUX"):
            return None
        found = cue_subject_phrase(span.root, self.lexicons)
        return self._speaker_in_line(view, found, start, end)

    def _content_speaker(self, view: DocView, start: int, end: int) -> dict[str, Any] | None:
        """The source dict of the subject of the verb a tagger's content hangs on
        (``content_subject_phrase``), when it is in the content's line."""
        span = view.span(start, end)
        if span is None:
            return None
        found = content_subject_phrase(span, self.lexicons)
        return self._speaker_in_line(view, found, start, end)

    def _speaker_in_line(
        self, view: DocView, found: tuple[Token, DocSpan] | None, start: int, end: int
    ) -> dict[str, Any] | None:
        """The source dict of ``found`` (a subject and its phrase) when the phrase is in
        the same line as the span ``[start, end)`` it speaks through."""
        if found is None:
            return None
        subject, phrase = found
        if "\n" in view.text[min(phrase.start_char, start) : max(phrase.end_char, end)]:
            return None
        speaker = resolve_speaker(phrase, subject, SpeakerMemory(), self.lexicons, view)
        return speaker.as_source(phrase.start_char, phrase.end_char)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the data files in use, and the cue model when the stage uses one."""
        super().to_disk(path)
        if self.cue_model is not None:
            (Path(path) / MODEL_NAME).write_text(self.cue_model.to_json(), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ClaimsStage:
        """Use the data files (and cue model) that ``to_disk`` saved in ``path``."""
        path = Path(path)
        super().from_disk(path)
        if self.cue_model is not None and (path / MODEL_NAME).is_file():
            self.cue_model = CueModel.from_json((path / MODEL_NAME).read_text(encoding="utf-8"))
        return self


@Language.factory(
    STAGE,
    assigns=[f"doc._.{STAGE}", "doc._.newsclaims_warnings"],
    requires=[
        "token.dep",
        "token.lemma",
        "token.pos",
        "token.tag",
        "doc.sents",
        "doc.ents",
        # a source's canonical name and entity id; empty without the entities stage
        "doc._.newsclaims_entities",
    ],
    default_config={
        "split_quotes": False,
        "split_sentence_quotes": True,
        "cue_model": True,
        "boundary_model": True,
        "accept_model": True,
        "source_model": True,
        "rule_judge": True,
        "propose_dropped": True,
    },
)
def make_claims(
    nlp: Language,
    name: str,
    split_quotes: bool,
    split_sentence_quotes: bool,
    cue_model: bool,
    boundary_model: bool,
    accept_model: bool,
    source_model: bool,
    rule_judge: bool,
    propose_dropped: bool,
) -> ClaimsStage:
    """``split_quotes``, ``split_sentence_quotes``: see ``find_claims``; ``cue_model``:
    let the shipped cue model (``make train``) choose the cue verbs;
    ``boundary_model``: let the shipped boundary chooser (``make train``) set where
    contents begin and end, when the attribution tagger ran; ``accept_model``: let the
    shipped accept model (``make train``) say which of the tagger's proposals are claims;
    ``source_model``: let the shipped source chooser (``make train``) say which source
    the claims the tagger adds take;
    ``rule_judge``: let the shipped rule judge (``make train``) drop the rules' claims
    it finds unlikely (one model for those the tagger confirmed, one for the others);
    ``propose_dropped``: then propose the tagger's contents that overlapped only the
    claims it dropped, as the others are (accept model, source chooser, boundary
    chooser)."""
    return ClaimsStage(
        nlp,
        name,
        split_quotes=split_quotes,
        split_sentence_quotes=split_sentence_quotes,
        cue_model=cue_model,
        boundary_model=boundary_model,
        accept_model=accept_model,
        source_model=source_model,
        rule_judge=rule_judge,
        propose_dropped=propose_dropped,
    )


def settle_cue_phrases(
    view: DocView, claims: list[dict[str, Any]], lexicons: ClaimsLexicons
) -> None:
    """Each claim's ``cue_phrase``: a rule claim's as its final content bounds make it
    (``settled_phrase``), a tagger-added claim's its cue span opened at its verb group
    (``grown_tagger_cue``); the contract's ``cue`` stays as it is."""
    for claim in claims:
        cue = (claim["cue"]["start"], claim["cue"]["end"])
        if claim.get("origin") == "model":
            phrase = cue
            start, end = grown_tagger_cue(view.doc, cue, lexicons)
        else:
            old = claim.get("cue_phrase")
            phrase = (old["start"], old["end"]) if old else cue
            content = claim["content"]
            spans = [tuple(s) for s in content.get("spans") or [[content["start"], content["end"]]]]
            start, end = settled_phrase(view.doc, cue, phrase, spans)
        if (start, end) != phrase:
            claim["cue_phrase"] = {"text": view.text[start:end], "start": start, "end": end}
