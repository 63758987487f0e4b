"""Where a run does its work: this machine (``local``) or a Dask cluster (``dask``).

Every back-end has ``records(articles)``: the records of
``pipeline.process.process_articles`` on those articles, in input order
(``base.Backend``). ``runner.extract`` chooses the back-end from its options.
"""

from __future__ import annotations

from .base import Backend, batches
from .dask import DaskBackend
from .local import LocalBackend

__all__ = ["Backend", "DaskBackend", "LocalBackend", "batches"]
