"""Package metadata, importable without spaCy."""

__version__ = "0.1.0"
__title__ = "newsclaims"
SCHEMA = "newsclaims.article/1"
