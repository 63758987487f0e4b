"""Doc extensions used by the newsclaims stages, declared in one place.

Every value is plain data (str, int, dict, list), never a ``Span``: that keeps
``Doc.to_bytes`` / ``DocBin`` and ``nlp.pipe(n_process>1)`` working. Offsets are
character offsets into ``doc.text``, end-exclusive.

``doc._.pub_date``              ISO publication date ("2023-06-13") or None, set before the stages
``doc._.newsclaims_entities``   list of {"start", "end", "label", "entity_id", "canonical"}
``doc._.newsclaims_quantities`` list of {"start", "end", "value", "low", "high", "change", "unit",
                                "dimension", "unit_text", "per",
                                "object": {"start","end"} | None}
``doc._.newsclaims_dates``      list of {"start", "end", "type", "value", "mod", "interval"},
                                plus "range": {"start", "end"} on both dates of "between X
                                and Y" / "from X to Y"
``doc._.newsclaims_claims``     list of {"kind", "stance", "source", "cue", "content", "addressee"},
                                plus "cue_phrase": {"text", "start", "end"} when the verb
                                group is longer than the cue and "cue_score" (the cue
                                model's probability) when the model scored the cue;
                                "origin", "model_probability" and "bounds_probability"
                                when the attribution tagger ran, "claim_probability" on
                                the rules' claims the rule judge judged (see
                                ``components/claims/merge.py``, ``boundary_model.py``,
                                ``rule_judge.py``)
                                (the record adds ``id`` and ``mentions``; see ``schema.py``)
``doc._.newsclaims_warnings``   list of {"code", "message"}
``doc._.newsclaims_attributions`` list of {"role", "start", "end", "probability"}: the
                                attribution tagger's source, cue and content spans, which
                                the claims stage merges with its rules

``dimension``, ``range``, ``cue_phrase``, ``cue_score``, ``origin``,
``model_probability``, ``bounds_probability`` and ``claim_probability`` are fields this project adds
beyond the contract, which allows additions (``jsonschema.ADDED`` describes them).
"""

from __future__ import annotations

from spacy.tokens import Doc

LIST_EXTENSIONS = (
    "newsclaims_entities",
    "newsclaims_quantities",
    "newsclaims_dates",
    "newsclaims_claims",
    "newsclaims_warnings",
    "newsclaims_attributions",
)


def register_extensions() -> None:
    """Declare our ``Doc`` extensions; safe to call any number of times."""
    if not Doc.has_extension("pub_date"):
        Doc.set_extension("pub_date", default=None)
    for name in LIST_EXTENSIONS:
        if not Doc.has_extension(name):
            # A getter-less default would be shared between docs; a list is
            # created per doc on first write by the stages instead.
            Doc.set_extension(name, default=None)


def get_list(doc: Doc, name: str) -> list:
    """The extension's list on this doc, created empty on first use."""
    value = doc._.get(name)
    if not isinstance(value, list):  # None, or a tuple after a DocBin/msgpack round trip
        value = list(value or [])
        doc._.set(name, value)
    return value


def add_warning(doc: Doc, warning: dict[str, str]) -> None:
    warnings = get_list(doc, "newsclaims_warnings")
    if warning not in warnings:
        warnings.append(warning)


register_extensions()
