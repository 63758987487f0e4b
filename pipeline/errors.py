"""Coded warnings and errors, in one place (as spaCy's ``errors.py``).

Warnings go on a record's ``warnings`` list as ``{"code", "message"}``; errors
go in its ``error`` field, for an input that could not be processed at all.
Both keep their code stable so that downstream tools can filter on it.
"""

from __future__ import annotations

from enum import Enum


class _Coded(str, Enum):
    """A message template named by its code."""

    def as_dict(self, **kwargs: object) -> dict[str, str]:
        """``{"code", "message"}`` with ``kwargs`` filled into the message."""
        return {"code": self.name, "message": self.value.format(**kwargs)}


class Warnings(_Coded):
    W001 = "Undecodable bytes in {path} were replaced with U+FFFD ({count} replaced)."
    W002 = "No publication date: relative dates are left underspecified."
    W003 = "Unbalanced quote marks: {opened} opening and {closed} closing marks."
    W004 = "The article text is empty."
    W005 = "The article is longer than the model's max_length and was processed in {pieces} pieces."
    W006 = "The text was decoded as {encoding} (byte-order mark found)."
    W007 = "The publication date {value!r} is not an ISO date (YYYY-MM-DD) and was ignored."
    W008 = "Sidecar metadata {path} could not be read: {reason}"
    W009 = "Duplicate article id {original!r}: this record's id is {renamed!r}."
    W010 = "A stage failed on this article and its annotations were skipped: {stage}: {reason}"


class Errors(_Coded):
    E001 = "Cannot read {path}: {reason}"
    E002 = "{path} line {line} is not valid JSON: {reason}"
    E003 = '{path}{where} has no "text" field.'
    E004 = '{path}{where}: "text" must be a string, not {type}.'
    E005 = "{path} looks like a binary file, not text."
    E006 = "{path}{where} is not a JSON object."
