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
    from .runner import extract, process_text

__all__ = ["SCHEMA", "__version__", "extract", "load", "process_text"]


def __getattr__(name: str) -> Any:
    # Lazy so that `import pipeline` (and `newsclaims --help`) stays fast.
    if name == "load":
        from .nlp import load

        return load
    if name in ("extract", "process_text"):
        from . import runner

        return getattr(runner, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
