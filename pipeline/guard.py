"""A stage never raises on an article: ``guarded`` turns a failure into a W010 warning.

spaCy drops a doc whose component raised when the error handler does not
re-raise, which would lose the article; instead the failing stage's
annotations for that doc are cleared and the record says what happened.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

from ._extensions import add_warning
from .errors import Warnings

logger = logging.getLogger("newsclaims")
Stage = TypeVar("Stage")


Call = Callable[[Stage, Doc], Doc]


def guarded(extension: str) -> Callable[[Call], Call]:
    """Decorate a stage's ``__call__``: on an exception, reset ``doc._.<extension>``, warn."""

    def decorate(call: Call) -> Call:
        @functools.wraps(call)
        def safe_call(self: Stage, doc: Doc) -> Doc:
            try:
                return call(self, doc)
            except Exception as error:  # noqa: BLE001 - a messy article must not stop the run
                logger.warning("%s failed on a document: %r", extension, error, exc_info=True)
                doc._.set(extension, [])
                add_warning(doc, Warnings.W010.as_dict(stage=extension, reason=repr(error)[:200]))
                return doc

        return safe_call

    return decorate
