"""``python -m pipeline.cli``: the ``newsclaims`` command."""

import sys

from . import app

sys.exit(app())
