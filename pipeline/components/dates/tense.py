"""Placing a weekday or a month without a year by the tense of its clause.

"Kim sent a message on Monday" is the Monday before publication, "Kim will visit
on Friday" the Friday after. ``clause_tense`` reads the tense from the parse (and
from a few words right before the date); ``closest_year`` and ``weekday_date`` place
the date by it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Token

from .lexicon import Lexicon

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
FUTURE_VERBS = {"expect", "schedule", "plan", "intend", "hope", "aim", "set", "due"}
SCHEDULE_VERBS = {"schedule", "plan", "postpone", "reschedule"}
VERB_POS = {"VERB", "AUX"}

#: Words right before the date that look back: "since May", "ago".
_PAST_CUE = re.compile(r"(?:\bsince|\bago)\s+$", re.I)
#: Words before an event's day that look forward to it: "ahead of Tuesday's primary",
#: "heading into Saturday's caucus"; after "before" the clause's tense decides, even for
#: a possessive ("will drop out before Tuesday's primary").
_LEAD_UP_CUE = re.compile(
    r"(?:\bahead\s+of|\bheading\s+into|\bin\s+advance\s+of|\brun-up\s+to)\s+(?:the\s+)?$", re.I
)
_BEFORE_CUE = re.compile(r"\bbefore\s+(?:the\s+)?$", re.I)
#: Words that put the date ahead: "as soon as Tuesday", "no later than Friday", "come
#: November".
_AHEAD_CUES = r"\bas\s+(?:early|soon)\s+as|\bno\s+later\s+than|\bcome"
#: A deadline ("by Friday", "until Tuesday"): ahead, unless the clause looks back from
#: an earlier point (a past perfect).
_DEADLINE_CUES = r"\bby|\buntil|\btill"
_FUTURE_CUE = re.compile(rf"(?:{_AHEAD_CUES}|{_DEADLINE_CUES})\s+$", re.I)
#: Dividend-notice words of earnings reports (the ``earnings`` domain only): "payable
#: Dec. 3 to holders of record Nov. 12", "effective Monday" are dates ahead even in a
#: past-tense report; in other news "closed at a record Tuesday" is the past Tuesday.
_DIVIDEND_NOTICE_CUES = r"\bpayable|\brecord|\beffective|\bexpires?\s+(?:on\s+)?"
_NOTICE_CUE = re.compile(rf"(?:{_AHEAD_CUES}|{_DEADLINE_CUES}|{_DIVIDEND_NOTICE_CUES})\s+$", re.I)
#: "effective Feb. 1": in any news a calendar date a change takes effect is announced
#: ahead ("a new office of the chairman, effective Feb. 1"); a weekday after it is left
#: to the clause ("resigned effective Monday").
_EFFECTIVE_CUE = re.compile(r"\beffective\s+(?:on\s+|as\s+of\s+)?$", re.I)


def clause_tense(token: Token, text: str, lexicon: Lexicon, *, notices: bool = False) -> str | None:
    """Tense of the clause governing ``token``: ``past``, ``future``, ``modal`` (should,
    would, ...), ``present`` or None when there is no verb.

    ``text`` is ``doc.text``, passed in because ``Doc.text`` rebuilds the string on
    every access. ``notices``: read dividend-notice words as putting the date ahead
    (earnings reports).
    """
    before = text[max(0, token.idx - 20) : token.idx]
    if _PAST_CUE.search(before):
        return "past"
    cue = (_NOTICE_CUE if notices else _FUTURE_CUE).search(before)
    deadline = cue is not None and cue.group(0).lower().startswith(("until", "till", "by"))
    if cue and not deadline:
        return "future"
    if token.lower_ in lexicon["month"] and _EFFECTIVE_CUE.search(before):
        return "future"
    lead_up, prior = _LEAD_UP_CUE.search(before), _BEFORE_CUE.search(before)
    if (lead_up or prior) and (
        token.lower_ in lexicon["weekday"] or token.lower_ in lexicon["month"]
    ):
        # "ahead of Tuesday's primary", "heading into Saturday's caucus": the event still to
        # come, unless the clause looks back from after it ("had captured 1,944 delegates
        # heading into Tuesday's primaries"); a possessive's day too.
        # A month is the coming one unless just gone ("Ahead of the March 1 contests,
        # Rubio assumed ..." in March).
        ahead = "future" if token.lower_ in lexicon["weekday"] else "ahead"
        verb = _governing_verb(token)
        if verb.pos_ not in VERB_POS:
            return ahead
        if _past_perfect(verb):
            return "past"
        if lead_up:
            return ahead
        # "before Tuesday's vote" goes by the clause: "will drop out before" ahead, "the
        # share before Friday's purchases is 7%" back.
        tense = _verb_tense(verb, token)
        return ahead if tense in ("future", "modal") else tense
    verb = _governing_verb(token)
    if token.dep_ == "poss" or _names_a_noun(token, lexicon):
        # "Wednesday's ruling", "under a June accord": a nominal modifier, not placed by
        # the clause's tense; "by Friday's deadline" is ahead. A month's noun in a clause
        # that looks ahead is the coming one ("the November election will decide"), unless
        # the month is just gone ("must file their February reports" in March).
        if deadline:
            return "future"
        if token.lower_ in lexicon["month"] and verb.pos_ in VERB_POS and _looks_ahead(verb):
            return "ahead"
        return None
    if verb.pos_ not in VERB_POS:
        return "future" if deadline else None
    if deadline:
        # "until Tuesday", "by Tuesday" are a deadline ahead, unless the clause looks back
        # from an earlier point ("Until Thursday, they had not named a successor", "only
        # two had paid by Wednesday").
        return "past" if _past_perfect(verb) else "future"
    tense = _verb_tense(verb, token)
    if tense == "present" and (
        _scheduled_by_adjective(token, verb)
        or _schedule_subject(verb)
        or (verb.lemma_ in _SCHEDULED_EVENT_VERBS and token.lower_ in lexicon["weekday"])
    ):
        # "is due on April 30", "is slated for March", "the deadline is midnight Friday":
        # a present schedule looks ahead.
        return "future"
    return tense


def _scheduled_by_adjective(token: Token, verb: Token) -> bool:
    """Whether the date's present clause says a schedule: its verb is a participle of one
    ("is scheduled Tuesday", "is expected Friday"), a copula with one ("is due on April
    30", "is set for March"), or one stands between the date and its verb."""
    if verb.lower_ in _SCHEDULE_WORDS or any(
        c.dep_ == "acomp" and c.lower_ in _SCHEDULE_WORDS for c in verb.children
    ):
        return True
    head = token
    for _ in range(4):
        if head.i in (verb.i, head.head.i):  # spaCy makes a new Token on each access
            return False
        head = head.head
        if head.lower_ in _SCHEDULE_WORDS and head.i != verb.i:
            return True
    return False


#: Verbs of a scheduled event that the present puts on a timetable before a weekday:
#: "the convention begins Monday", "Wisconsin holds its primary Tuesday", "Democrats
#: vote in Arizona on Tuesday" (a headline's present of a past event names no weekday).
_SCHEDULED_EVENT_VERBS = {
    *("begin", "start", "resume", "convene", "kick", "reopen", "expire", "open", "close"),
    *("end", "arrive", "leave", "travel", "head", "visit", "meet", "vote", "hold", "face"),
    *("debate", "return"),
}
#: Adjectives and participles of a schedule, after a present copula: the date is ahead.
_SCHEDULE_WORDS = {"due", "slated", "scheduled", "set", "expected", "poised"}
#: Nouns of a schedule, the subject of a present copula: "the deadline is Friday" is ahead.
_SCHEDULE_NOUNS = {"deadline", "cutoff", "due date", "expiry", "expiration"}


def _schedule_subject(verb: Token) -> bool:
    """Whether ``verb`` is "be" with a schedule noun as subject ("the deadline is midnight
    Friday", "the due date is June 5")."""
    if verb.lemma_ != "be":
        return False
    for child in verb.children:
        if child.dep_ == "nsubj":
            words = {child.lemma_.lower()} | {
                f"{c.lower_} {child.lemma_.lower()}" for c in child.children if c.dep_ == "compound"
            }
            return bool(words & _SCHEDULE_NOUNS)
    return False


#: Verbs whose infinitive looks ahead: "aims to spend", "wants to review".
_AHEAD_VERBS = FUTURE_VERBS | {"want", "need", "like", "prepare", "seek"}


def _looks_ahead(verb: Token) -> bool:
    """Whether ``verb``, or the verb its infinitive hangs from, says what is to come: a
    future or modal auxiliary ("will matter", "would put") or a verb of intent ("aims to
    spend", "is set to go"); not "is continuing to try to sell"."""
    for _ in range(3):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_AUX or a.tag_ == "MD" for a in auxes):
            return not any(a.lemma_ == "have" for a in auxes)
        if verb.lemma_ in _AHEAD_VERBS and verb.tag_ != "VBD":
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _governing_verb(token: Token) -> Token:
    """The first verb (not an auxiliary) up the token's heads, within six steps."""
    verb = token
    for _ in range(6):
        if verb.pos_ in VERB_POS and verb.dep_ != "aux":
            break
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _verb_tense(verb: Token, token: Token) -> str | None:
    """The tense of ``verb``'s clause, or of the clause it hangs from when it has none."""
    governing = verb  # the verb the date hangs from, before climbing to its head
    for _ in range(2):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if _past_perfect(verb):
            # "had been due to expire Friday", "had been scheduled for Monday": the last one.
            return "past"
        if any(a.lower_ in FUTURE_AUX for a in auxes) or (
            verb.lemma_ in FUTURE_VERBS and verb.tag_ in ("VB", "VBZ", "VBP", "VBG")
        ):
            return "future"
        if verb.lemma_ in SCHEDULE_VERBS and verb.dep_ != "acl" and _scheduled(verb, token):
            # Not "a service planned for Saturday was canceled" (acl): the main clause's.
            return "future"
        if any(a.tag_ == "MD" and a.lower_ not in ("could", "might") for a in auxes) or (
            any(a.lower_ in ("could", "might") for a in auxes)
            and not any(a.lemma_ == "have" for a in auxes)
        ):
            if verb is governing and _reported_future(auxes):
                # "said he would travel Thursday": the verb the date hangs from is the
                # future of a report, ahead; not "would have been held Monday".
                return "future"
            return "modal"
        if any(a.lower_ == "going" for a in auxes) or any(
            a.lower_ == "to" and a.tag_ == "TO" for a in auxes
        ):
            # "is going to sign", "plans to meet Friday": the infinitive looks forward.
            head = verb.head
            head_past = head.tag_ == "VBD" or (
                head.tag_ == "VBN"
                and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children)
            )
            if head.i != verb.i and head_past:
                # "was kidnapped to make the trip", "asked to leave Friday": the head's past.
                return "past" if head.lemma_ not in FUTURE_VERBS else "future"
            return "future"
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            return "past"
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
        if verb.dep_ in ("xcomp", "advcl", "conj", "ccomp", "relcl") and verb.head.i != verb.i:
            verb = verb.head
            continue
        break
    return None


def _reported_future(auxes: list[Token]) -> bool:
    """ "would" without "have": the future seen from a report ("would be traveling")."""
    return any(a.lower_ in ("would", "'d") for a in auxes) and not any(
        a.lemma_ == "have" for a in auxes
    )


def _past_perfect(verb: Token) -> bool:
    """The verb, or the one its infinitive hangs from ("had been due to expire"), has 'had'."""
    for _ in range(3):
        if any(
            c.dep_ == "aux" and c.lower_ in ("had", "'d") and c.tag_ == "VBD" for c in verb.children
        ):
            return True
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return False


def _names_a_noun(token: Token, lexicon: Lexicon) -> bool:
    """A month or weekday name that modifies a noun ("a June accord", "the Monday vote"),
    not a time word's ("June nights", "Tuesday morning", which are the timex itself)."""
    if token.dep_ != "compound" or token.head.pos_ != "NOUN":
        return False
    word, head = token.lower_, token.head.lower_
    if word not in lexicon["month"] and word not in lexicon["weekday"]:
        return False
    return not any(w in lexicon["unit"] or w in lexicon["partofday"] for w in (head, head[:-1]))


def _scheduled(verb: Token, token: Token) -> bool:
    """Whether the date is what a scheduling verb sets ("has scheduled a briefing Thursday",
    "planned a rally on Saturday", "scheduled a vote Friday to pass the budget"), not the time
    of its infinitive ("planned to refund on Friday", "On Friday, it planned to refund")."""
    infinitives = [c.i for c in verb.children if c.dep_ == "xcomp"]
    return not infinitives or verb.i < token.i < min(infinitives)


def closest_year(ref: date, month: int, day: int | None, tense: str | None) -> int:
    """The year of a month (and day) without a year: past: the last one; future: the next."""
    if tense == "modal":
        # "should go home by Jan. 14", "could matter in November": modals look ahead for
        # calendar dates, but not back to the date just gone ("could break the Feb. 23
        # accord" early in March).
        tense = "ahead"
    elif tense == "present" and day is None:
        # A month in a present clause, not a report of the past ("is up for re-election
        # in November", "if he wins in November"), is read as a month's noun looking ahead.
        tense = "ahead"
    elif tense == "present":
        tense = None
    if tense == "ahead":
        # A month's noun in a clause looking ahead (``clause_tense``: "the November
        # election will decide"): the coming one, unless it is this month or up to three
        # back ("must file their February reports" in March).
        months_back = (ref.month - month) % 12
        if months_back <= 3:
            return ref.year - (month > ref.month)
        return ref.year + (month < ref.month)
    here = (ref.month, ref.day if day is not None else 0)
    there = (month, day or 0)
    if day is not None and abs((date(ref.year, month, min(day, 28)) - ref).days) <= 7:
        return ref.year  # a date within a week of publication is this year's, whatever the tense
    if tense == "past":
        # A past-tense report names the coming days of what it announces ("declared a
        # dividend, payable Dec. 7" in late October) up to a quarter ahead, and the coming
        # month only when it is the next ("said the visit is slated for September" late in
        # August); news gives a day of another year its year (AP style).
        ahead = 3 if day is not None else 1
        if there > here and (month - ref.month) % 12 <= ahead:
            return ref.year
        return ref.year if there <= here else ref.year - 1
    if tense == "future":
        return ref.year if there >= here else ref.year + 1
    # No tense: news mostly reports the past; a date up to three months ahead is the coming
    # one, across the year's end too ("payable Jan. 2" early in November).
    coming = ref.year if there > here else ref.year + 1
    months_to_coming = month - ref.month + (0 if there > here else 12)
    return coming if months_to_coming <= 3 else coming - 1


def weekday_date(ref: date, weekday: int, tense: str | None, rel: str | None = None) -> date:
    """The day of ISO ``weekday`` nearest ``ref``: "last"/"next"/"this" one when said,
    else ahead in a future clause and back otherwise."""
    delta = weekday - ref.isoweekday()
    if rel == "last":
        return ref - timedelta(days=(ref.isoweekday() - weekday) % 7 or 7)
    if rel == "next":
        return ref + timedelta(days=(weekday - ref.isoweekday()) % 7 or 7)
    if rel == "this":
        return ref + timedelta(days=delta)
    if delta == 0:
        return ref
    if tense == "future":
        return ref + timedelta(days=delta % 7)
    return ref - timedelta(days=(-delta) % 7)
