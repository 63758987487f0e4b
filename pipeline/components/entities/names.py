"""Names as the entities stage compares them: canonical form, words, key.

"The U.S.’s" and "US" must compare equal, "Kim Jong-un" and "Kim Jong Un" too;
these functions give the forms every other module of the stage compares.
"""

from __future__ import annotations

import re

#: A final possessive: "Korea’s", "Reuters'".
POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
#: Determiners and possessive pronouns the model leaves on a name ("her State Department").
#: Only lower-case pronouns: "Her Majesty" and "This Is Us" keep theirs.
LEADING_THE = re.compile(
    r"^(?:(?i:the|a|an)\s+|(?:his|her|their|its|our|my|your|this|that|these|those)\s+(?=[A-Z]))"
)
#: What separates the words of a name: spaces, hyphens, slashes.
NAME_SPLIT = re.compile(r"[\s\-‐‑–—/]+")
#: Lower-case words a title-case name may contain ("Department of Justice",
#: "Osama bin Laden"): particles, not the run-on words of a bad span.
FUNCTION_WORDS = frozenset(
    [
        "of",
        "and",
        "for",
        "the",
        "on",
        "in",
        "to",
        "at",
        "against",
        "without",
        "with",
        "&",
        "de",
        "du",
        "des",
        "la",
        "le",
        "al",
        "el",
        "y",
        "von",
        "van",
        "der",
        "bin",
        "ibn",
        "da",
        "di",
        "dos",
        "das",
        "del",
        "della",
    ]
)


def canonical_name(text: str) -> str:
    """The name as a canonical form: no leading "the", no possessive, single spaces."""
    name = " ".join(text.split())
    name = POSSESSIVE.sub("", name).rstrip()
    stripped = LEADING_THE.sub("", name)
    return stripped or name


def name_tokens(text: str) -> tuple[str, ...]:
    """Comparable words of a name: lower case, no periods, hyphens split ("Jong-un")."""
    words = NAME_SPLIT.split(canonical_name(text).lower().replace(".", "").replace("’", "'"))
    return tuple(word.strip("'\",()[]") for word in words if word.strip("'\",()[]"))


def name_key(text: str) -> str:
    """The name's words joined by single spaces: "The U.S." → "us"."""
    return " ".join(name_tokens(text))
