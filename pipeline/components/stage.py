"""What every stage shares: its rules are data files, parsed into lexicons, saved
with the pipeline.

A stage keeps the texts of its data files in ``self.data`` (a ``StageData``: the
shipped files, or those a saved pipeline carries) and what its lexicon module
parsed from them in ``self.lexicons``. ``to_disk`` writes the texts as they were
read, so an edited file survives a second save; ``from_disk`` reads them back
and parses them again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from ..lexicons import StageData


class DataStage:
    """Base of the four stages: ``data``, ``lexicons``, ``to_disk`` and ``from_disk``."""

    def __init__(
        self,
        name: str,
        data_files: Iterable[str],
        lexicons: Any,
        parse: Callable[[Mapping[str, str]], Any],
    ) -> None:
        self.name = name
        self.data = StageData(data_files)
        self.lexicons = lexicons  # the shipped lexicons, parsed once per process
        self._parse = parse

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the data files in use (shipped, or those ``from_disk`` read) into ``path``."""
        self.data.to_disk(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DataStage:
        """Use the data files ``to_disk`` saved in ``path``."""
        self.data = StageData.from_disk(self.data.names, path)
        self.lexicons = self._parse(self.data.texts)
        return self
