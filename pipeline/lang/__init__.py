"""Language knowledge shared by every stage: number words and the calendar.

``numbers``   the one number-word parser ("twenty-five", "a dozen", "two-thirds")
              and its table, ``data/number_words.tsv``; the ordinals,
              ``data/ordinal_words.tsv``
``calendar``  month, weekday, season and day words, ``data/calendar.tsv``

Both read their tables through ``pipeline.lexicons``; a stage that saves its
rules with ``to_disk`` can pass the saved text back (``text=``).
"""
