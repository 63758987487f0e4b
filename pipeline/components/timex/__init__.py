"""Temporal expressions (TimeML TIMEX3) for the dates stage.

``lexicon``   the word lists of ``resources/dates_lexicon.tsv``
``extents``   candidate extents: compiled patterns run once over the text
``normalise`` type, value, mod and interval of one extent, given the reference date,
              the clause's tense and the previously mentioned date
"""
