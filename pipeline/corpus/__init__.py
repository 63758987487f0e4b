"""Across articles: what holds for a corpus of records rather than one article.

``speakers`` gives each claim's source one speaker id over the whole corpus;
``duckdb`` writes the corpus as a DuckDB database with views over it.
"""
