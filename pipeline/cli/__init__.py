"""The ``newsclaims`` command.

Each command checks its paths and options and calls one plain function that
Python users can call too. Records go to files, progress and the summary to
stderr. Exit codes: 0 when every input was processed, 1 when some inputs could
not be (their records carry an ``error``), 2 for a usage error (bad option,
missing input, output exists without ``--force``).

The commands live in ``run.py`` (extract, bench), ``scoring.py`` (evaluate),
``training.py`` (train, train-tagger, train-boundaries, train-accept, train-sources,
train-rule-judge)
and ``data.py`` (export, import-labelstudio, review); ``common.py`` holds the app and
what they share.
"""

from __future__ import annotations

from .common import app
from .data import export, import_labelstudio, review
from .run import bench, extract
from .scoring import evaluate
from .training import (
    train,
    train_accept,
    train_boundaries,
    train_rule_judge,
    train_sources,
    train_tagger,
)

# The commands, in the order ``newsclaims --help`` lists them.
app.command()(extract)
app.command()(bench)
app.command()(evaluate)
app.command()(train)
app.command("train-tagger")(train_tagger)
app.command("train-boundaries")(train_boundaries)
app.command("train-accept")(train_accept)
app.command("train-sources")(train_sources)
app.command("train-rule-judge")(train_rule_judge)
app.command()(export)
app.command("import-labelstudio")(import_labelstudio)
app.command()(review)

__all__ = ["app"]
