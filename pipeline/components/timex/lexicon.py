"""The dates lexicon (``resources/dates_lexicon.tsv``): ``kind<TAB>word[<TAB>value]`` lines."""

from __future__ import annotations

from functools import lru_cache

from ...lexicons import ResourceError, resource_lines

KINDS = {
    "month",
    "weekday",
    "number",
    "unit",
    "season",
    "partofday",
    "ordinal",
    "mod",
    "set",
    "deictic",
    "holiday",
    "label",
}
RESOURCE = "dates_lexicon.tsv"


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, dict[str, str]]:
    """``{kind: {word: value}}``; raises ``ValueError`` naming the file and line on a bad entry."""
    lexicon: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for number, line in resource_lines(RESOURCE):
        fields = line.split("\t")
        if len(fields) not in (2, 3) or fields[0] not in KINDS or not fields[1].strip():
            raise ResourceError(
                RESOURCE,
                number,
                f"expected 'kind<TAB>word[<TAB>value]' with kind in {sorted(KINDS)}, got {line!r}",
            )
        lexicon[fields[0]][fields[1].strip().lower()] = (
            fields[2].strip() if len(fields) == 3 else ""
        )
    return lexicon
