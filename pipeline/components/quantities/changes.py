"""Whether an amount is a bound, an approximation or a change.

A modifier right before the number ("more than", "nearly", ">"), or failing that
right after the amount ("100,000-plus", "or so"), sets the change to ``>``, ``~``
...; otherwise a change verb a few words before it
("rose", "fell by", "up"), a noun of change right before "of" ("a drop of",
"an increase of"), a change verb whose extent the amount is in the parse
("reduce emissions 26 percent") or, failing these, a noun of change that the
amount modifies ("a 3 percent drop", "a 5% pay rise") or a comparative after it
("closed 2% higher") makes it ``up`` or ``down``.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .atoms import Finder

#: Dependencies from a number up to the noun of its amount ("26" -> "percent").
AMOUNT_DEPS = frozenset({"nummod", "compound", "quantmod"})
#: Dependencies from an amount's last word to the noun of change it modifies ("a 3
#: percent drop": "percent" is its compound; "a fourfold increase": "fourfold" its amod).
NOUN_OF_CHANGE_DEPS = frozenset({"compound", "amod", "nmod"})
#: Words of the amount or of the noun's name that may stand between them ("a 5% pay rise").
BETWEEN_NOUN_OF_CHANGE = frozenset({"compound", "punct"})
#: A comparative right after an amount, not comparing it with something ("closed 2%
#: higher", not "9 points higher than in Wisconsin").
COMPARATIVE_AFTER_RE = re.compile(
    r"[ \u00a0]+(?P<word>higher|lower)\b(?![ \u00a0]+than\b)", re.IGNORECASE
)
COMPARATIVE_CHANGES = {"higher": "up", "lower": "down"}
#: Words that pair an amount with the next ("36 percent to 51 percent", "68%-31%").
PAIR_WORDS = frozenset({"to", "-", "–", "—"})
#: A number or "to" after a bound word: "5 plus 3" is a sum, "5 and up to 10" a range.
NUMBER_AFTER_RE = re.compile(r"[ \u00a0]*(?:to[ \u00a0]+)?[\d$€£]")


def modifier_before(finder: Finder, start: int) -> tuple[int, str] | None:
    """(start, change) of the bound or approximation word right before ``start``."""
    window = finder.text[max(0, start - 24) : start]
    match = finder.lex.modifier_re.search(window)
    if not match:
        return None
    group = "word" if match.group("word") else "glued"
    phrase = re.sub(r"[ \u00a0]+", " ", match.group(group).lower())
    change = finder.lex.modifiers.get(phrase)
    if change is None:
        return None
    return start - (len(window) - match.start(group)), change


def modifier_after(finder: Finder, end: int) -> tuple[int, str] | None:
    """(end, change) of a bound or approximation right after the amount ending at ``end``
    ("100,000-plus", "20 or so", "5% or more", "45 and older"); "5 plus 3" is a sum,
    "between 5 and up to 10" no bound."""
    match = finder.lex.post_modifier_re.match(finder.text, end)
    if match is None or NUMBER_AFTER_RE.match(finder.text, match.end()):
        return None
    phrase = re.sub(r"[ \u00a0]+", " ", match.group("word").lower())
    return match.end(), finder.lex.post_modifiers[phrase]


def change_before(finder: Finder, start: int) -> str | None:
    """``up`` or ``down`` when a change verb comes a few words before ``start``."""
    doc, lex = finder.doc, finder.lex
    lemmas = lex.change_lemmas
    token = finder.token_at(start)
    if token is None:
        return None
    i = token.i - 1 if token.idx >= start else token.i
    steps = 0
    while i >= 0 and steps < 4:
        t = doc[i]
        lower = t.lower_
        if lower in lex.level_words:
            # "a drop of 15%": the noun names the change; "a loss of 63 cents" a level
            if lower == "of" and i > 0 and doc[i - 1].pos_ == "NOUN":
                return lex.of_change_lemmas.get(doc[i - 1].lemma_.lower())
            return None
        if lower == "by" and t.head.i < t.i and t.head.pos_ == "VERB":
            # "grow sales by 35%": the verb "by" belongs to, wherever it is; a verb of no
            # direction may have its direction word before "by" ("revised upward by 5%");
            # a race lost "by" an amount is lost by a margin, no fall
            if t.head.lemma_.lower() in lex.margin_lemmas:
                return None
            direction = lex.by_change_lemmas.get(t.head.lemma_.lower())
            if direction is not None or t.head.i == i - 1:
                return direction
        direction = lemmas.get(t.lemma_.lower()) or lemmas.get(lower)
        if direction and t.pos_ in ("VERB", "ADV", "ADP", "NOUN", "ADJ", "PART"):
            if t.dep_ == "prt" and t.head.lemma_.lower() in lex.particle_verbs:
                return None  # "made up 45 percent", "freed up $26 million"
            if t.pos_ == "ADJ" and t.tag_ != "JJR" and lower not in ("up", "down"):
                return None  # "up a narrow four points": only "higher", "lower" compare
            return direction
        if lower not in lex.change_gap_words and not t.is_punct or lower in (",", ";", ".", ":"):
            return extent_of_change(finder, token)
        i -= 1
        steps += 1
    return extent_of_change(finder, token)


def extent_of_change(finder: Finder, token: Token) -> str | None:
    """``up`` or ``down`` when the amount at ``token`` is the extent of a change verb
    before it, as the parse says (``npadvmod``), though words stand between them:
    "reduce emissions 26 percent", "lost his investors 19.3 percent"."""
    if not token.like_num:
        return None  # "68%-31" in one token: a score
    node = token
    while node.dep_ in AMOUNT_DEPS and node.head.i > node.i:
        node = node.head  # "26" -> "percent"
    verb = node.head
    if node.dep_ != "npadvmod" or verb.pos_ != "VERB" or verb.i >= token.i:
        return None
    doc = finder.doc
    if any(t.is_punct for t in doc[verb.i + 1 : token.i]):
        return None
    after = doc[node.i + 1 : node.i + 3]
    if after and (
        after[0].like_num or after[0].text in PAIR_WORDS and any(t.like_num for t in after)
    ):
        return None  # "lost the state 36 percent to 51 percent": a score or range
    return finder.lex.change_lemmas.get(verb.lemma_.lower())


def after_by(finder: Finder, start: int) -> bool:
    """ "decrease by 1": an amount right after "by" is a change even without a unit."""
    return finder.text[max(0, start - 3) : start].lower() == "by "


def noun_of_change_after(last: Token, of_change_lemmas: dict[str, str]) -> str | None:
    """``up`` or ``down`` when the amount whose last word is ``last`` modifies a noun of
    change after it ("a 3 percent drop", "a 21-point increase", "a 5% pay rise", "a
    fourfold increase"; the nouns flagged ``of`` in ``change_verbs.tsv``); not through
    another modifier ("a 19 percent greater drop": greater than what?)."""
    noun = last.head
    if last.dep_ not in NOUN_OF_CHANGE_DEPS or noun.i <= last.i or noun.pos_ != "NOUN":
        return None
    direction = of_change_lemmas.get(noun.lemma_.lower())
    if direction is None:
        return None
    between = last.doc[last.i + 1 : noun.i]
    if any(t.head.i != noun.i or t.dep_ not in BETWEEN_NOUN_OF_CHANGE for t in between):
        return None
    return direction


def comparative_after(text: str, end: int) -> str | None:
    """``up`` or ``down`` when "higher" or "lower" follows the amount ending at ``end``
    and compares it with nothing ("shares closed 2% higher", "pulled the index 0.7
    percent lower"; not "3 points higher than Clinton's")."""
    match = COMPARATIVE_AFTER_RE.match(text, end)
    return COMPARATIVE_CHANGES[match.group("word").lower()] if match else None
