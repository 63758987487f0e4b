"""newsclaims: who said what, when and how much, from news articles.

The public API is small and imports nothing heavy until it is used::

    import pipeline
    summary = pipeline.extract(["corpora"], "outputs/claims.jsonl")
    nlp = pipeline.load()            # spaCy Language with our stages
    record = pipeline.process_text("…", date="2023-06-13", nlp=nlp)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .about import SCHEMA, __version__

if TYPE_CHECKING:  # pragma: no cover
    from .nlp import load
    from .process import process_text
    from .runner import extract

__all__ = ["SCHEMA", "__version__", "extract", "load", "process_text"]


def __getattr__(name: str) -> Any:
    # Lazy so that `import pipeline` (and `newsclaims --help`) stays fast.
    if name == "load":
        from .nlp import load

        return load
    if name == "extract":
        from .runner import extract

        return extract
    if name == "process_text":
        from .process import process_text

        return process_text
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
