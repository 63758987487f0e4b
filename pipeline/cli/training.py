"""``newsclaims train``, ``train-tagger``, ``train-boundaries``, ``train-accept``,
``train-sources``, ``train-rule-judge``: the claims stage's models."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from ..about import DEFAULT_MODEL
from .common import (
    Model,
    check_polnear,
    fail,
)


def train(
    polnear: Annotated[Path, typer.Argument(help="PolNeAR train folder (text/, attributions/).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model JSON to write.")],
    gold: Annotated[
        list[Path] | None,
        typer.Option(
            "--gold",
            help="Extra gold: a JSONL of our records (newsclaims import-labelstudio); repeatable.",
        ),
    ] = None,  # noqa: UP045
    model: Model = DEFAULT_MODEL,
) -> None:
    """Train the claims stage's cue model (a logistic regression over the parse)."""
    from ..evaluate.gold import is_gold_records
    from ..nlp import load
    from ..training import train_cue_model

    check_polnear(polnear)
    for path in gold or []:
        if not path.is_file():
            fail(f"no such gold file: {path}")
        if not is_gold_records(path):
            fail(f"{path} is not a JSONL of our records (as newsclaims import-labelstudio writes)")
    nlp = load(model, stages=())
    cue_model = train_cue_model(
        polnear, nlp, extra_gold=gold or [], log=lambda m: typer.echo(m, err=True)
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(cue_model.to_json(), encoding="utf-8")
    typer.echo(f"{len(cue_model.weights)} weights written to {output}", err=True)


def train_tagger(
    polnear: Annotated[Path, typer.Argument(help="PolNeAR train folder (text/, attributions/).")],
    dev: Annotated[
        Path, typer.Option("--dev", help="PolNeAR dev folder: chooses the epoch, never trained on.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the tagger to.")],
    cache: Annotated[
        Path | None,
        typer.Option(help="Folder for the parsed articles (DocBin), reused when there."),
    ] = None,  # noqa: UP045
    epochs: Annotated[
        int | None, typer.Option(min=1, help="Epochs to train (default: the shipped tagger's).")
    ] = None,  # noqa: UP045
    model: Model = DEFAULT_MODEL,
) -> None:
    """Train the claims stage's attribution tagger (source, cue, content spans)."""
    from ..nlp import load
    from ..tagger_training import EPOCHS, parse_polnear, save_tagger
    from ..tagger_training import train_tagger as fit

    check_polnear(polnear, dev)
    nlp = load(model, stages=())
    say = lambda message: typer.echo(message, err=True)  # noqa: E731
    train_docs = parse_polnear(
        polnear, nlp, cache / "polnear-train.spacy" if cache else None, log=say
    )
    dev_docs = parse_polnear(dev, nlp, cache / "polnear-dev.spacy" if cache else None, log=say)
    # the best epoch so far is saved as training goes, so an interrupted run leaves it
    tagger, log = fit(
        nlp, train_docs, dev_docs, epochs=epochs or EPOCHS, checkpoint=output, log=say
    )
    save_tagger(tagger, log, output)
    typer.echo(f"tagger of epoch {log['chosen_epoch']} written to {output}", err=True)


def train_boundaries(
    polnear: Annotated[Path, typer.Argument(help="PolNeAR train folder (text/, attributions/).")],
    dev: Annotated[
        Path, typer.Option("--dev", help="PolNeAR dev folder: picks the settings; not trained on.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model JSON to write.")],
    cache: Annotated[
        Path | None,
        typer.Option(help="Folder for the parsed articles (DocBin), reused when there."),
    ] = None,  # noqa: UP045
    model: Model = DEFAULT_MODEL,
) -> None:
    """Train the claims stage's boundary chooser (where a content begins and ends)."""
    from ..boundary_training import claims_pipeline, staged_articles, train_boundary_model

    check_polnear(polnear, dev)
    say = lambda message: typer.echo(message, err=True)  # noqa: E731
    nlp = claims_pipeline(model)
    dev_articles = staged_articles(
        dev, nlp, cache / "polnear-dev.spacy" if cache else None, log=say
    )
    train_articles = staged_articles(
        polnear, nlp, cache / "polnear-train.spacy" if cache else None, log=say
    )
    boundary_model = train_boundary_model(train_articles, dev_articles, log=say)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(boundary_model.to_json(), encoding="utf-8")
    chosen = boundary_model.meta["chosen"]
    say(f"boundary model ({chosen}) written to {output}")


def train_accept(
    polnear: Annotated[Path, typer.Argument(help="PolNeAR train folder (text/, attributions/).")],
    dev: Annotated[
        Path, typer.Option("--dev", help="PolNeAR dev folder: picks the threshold; not trained on.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model JSON to write.")],
    cache: Annotated[
        Path,
        typer.Option(
            help="Folder for the parsed articles and the fold taggers, reused when there."
        ),
    ] = Path("outputs/cache"),
    model: Model = DEFAULT_MODEL,
) -> None:
    """Train the claims stage's accept model (which of the tagger's proposals are claims)."""
    from ..accept_training import proposed_articles, train_accept_model

    accept_model = _learn_on_folds(
        polnear, dev, cache, model, proposed_articles, train_accept_model, accept_model=False
    )
    _write(output, accept_model.to_json())
    _say(f"accept model (threshold {accept_model.threshold}) written to {output}")


def train_sources(
    polnear: Annotated[Path, typer.Argument(help="PolNeAR train folder (text/, attributions/).")],
    dev: Annotated[
        Path, typer.Option("--dev", help="PolNeAR dev folder: measured on; not trained on.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model JSON to write.")],
    cache: Annotated[
        Path,
        typer.Option(
            help="Folder for the parsed articles and the fold taggers, reused when there."
        ),
    ] = Path("outputs/cache"),
    model: Model = DEFAULT_MODEL,
) -> None:
    """Train the claims stage's source chooser (the source of the claims the tagger adds)."""
    from ..source_training import chosen_articles, train_source_model

    source_model = _learn_on_folds(
        polnear, dev, cache, model, chosen_articles, train_source_model, accept_model=False
    )
    _write(output, source_model.to_json())
    _say(f"source chooser ({len(source_model.weights)} weights) written to {output}")


def train_rule_judge(
    polnear: Annotated[Path, typer.Argument(help="PolNeAR train folder (text/, attributions/).")],
    dev: Annotated[
        Path,
        typer.Option("--dev", help="PolNeAR dev folder: picks the thresholds; not trained on."),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model JSON to write.")],
    cache: Annotated[
        Path,
        typer.Option(
            help="Folder for the parsed articles and the fold taggers (train-accept's), reused."
        ),
    ] = Path("outputs/cache"),
    model: Model = DEFAULT_MODEL,
) -> None:
    """Train the claims stage's rule judge (which of the rules' claims stay)."""
    from ..rule_judge_training import judged_articles, train_rule_judge

    judge = _learn_on_folds(
        polnear, dev, cache, model, judged_articles, train_rule_judge, accept_model=True
    )
    _write(output, judge.to_json())
    chosen = f"thresholds {judge.thresholds}, quoted {judge.quoted_thresholds}"
    _say(f"rule judge ({chosen}) written to {output}")


def _say(message: str) -> None:
    typer.echo(message, err=True)


def _write(output: Path, text: str) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")


def _learn_on_folds(
    polnear: Path,
    dev: Path,
    cache: Path,
    model: str,
    articles_of: Callable[..., Any],
    learn: Callable[..., Any],
    *,
    accept_model: bool,
) -> Any:
    """What the models learned from the claims stage's own decisions share (accept
    model, source chooser, rule judge): the pipeline with the boundary chooser (and
    the accept model when ``accept_model``), the fold taggers (trained once, cached in
    ``cache/accept-folds``), the articles of train (each fold by the tagger that never
    saw it) and of dev (the shipped tagger) by ``articles_of``, then ``learn`` on them."""
    from ..accept_training import train_fold_taggers
    from ..boundary_training import claims_pipeline
    from ..tagger_training import parse_polnear

    check_polnear(polnear, dev)
    nlp = claims_pipeline(model, boundary_model=True, accept_model=accept_model)
    train_cache, dev_cache = cache / "polnear-train.spacy", cache / "polnear-dev.spacy"
    taggers = train_fold_taggers(
        nlp,
        parse_polnear(polnear, nlp, train_cache, log=_say),
        parse_polnear(dev, nlp, dev_cache, log=_say),
        cache / "accept-folds",
        log=_say,
    )
    train_articles = articles_of(polnear, nlp, train_cache, taggers, log=_say)
    dev_articles = articles_of(dev, nlp, dev_cache, log=_say)
    return learn(train_articles, dev_articles, log=_say)
