"""The learned cue model: shipped weights, training, and what it changes in the stage."""

from __future__ import annotations

import json

import pytest

from pipeline.components.claims import find_claims
from pipeline.components.claims.cue_model import (
    CueModel,
    is_candidate,
    load_cue_model,
    token_features,
    train,
)


def cue_texts(text: str, claims: list[dict]) -> list[str]:
    return [text[c["cue"]["start"] : c["cue"]["end"]] for c in claims]


def test_shipped_model_loads_with_its_provenance() -> None:
    model = load_cue_model()
    assert model is not None
    assert [source["dataset"] for source in model.meta["trained_on"]] == ["PolNeAR train"]
    assert 0 < model.keep_threshold <= model.threshold < 1
    assert len(model.weights) > 1000
    # The data a verb is judged on is readable: lemma, arguments, subject.
    assert {"bias", "in_lexicon=True", "arg=ccomp:that"} <= set(model.weights)


def test_json_round_trip() -> None:
    model = CueModel({"bias": -1.0, "lemma=say": 3.25}, 0.6, 0.3, {"trained_on": "test"})
    again = CueModel.from_json(model.to_json())
    assert again == model
    assert json.loads(model.to_json())["weights"] == {"bias": -1.0, "lemma=say": 3.25}


def test_training_learns_a_separable_rule_deterministically() -> None:
    data = [(["bias", "lemma=say"], 1)] * 30 + [(["bias", "lemma=eat"], 0)] * 30
    data += [(["bias", "lemma=say", "arg=dobj"], 1)] * 5 + [
        (["bias", "lemma=eat", "arg=dobj"], 0)
    ] * 5
    weights = train(data, epochs=100)
    assert weights == train(data, epochs=100)
    model = CueModel(weights)
    assert weights["lemma=say"] > 1 > -1 > weights["lemma=eat"]
    assert weights.get("arg=dobj", 0.0) == pytest.approx(0.0, abs=0.2)
    assert set(weights) == {"bias", "lemma=say", "lemma=eat", "arg=dobj"}
    assert model.weights["lemma=say"] + model.weights["bias"] > 0


def test_rare_features_are_left_out() -> None:
    data = [(["bias", "lemma=say"], 1)] * 4 + [(["bias", "lemma=once"], 0)]
    assert "lemma=once" not in train(data, epochs=10, min_count=2)


@pytest.mark.model
def test_features_describe_the_verb_and_its_arguments(nlp) -> None:
    doc = nlp("The mayor insisted that the bridge was safe.")
    verb = doc[2]
    assert is_candidate(verb)
    assert not is_candidate(doc[1])
    features = token_features(verb, in_lexicon=True)
    assert "lemma=insist" in features
    assert "arg=ccomp:that" in features
    assert "in_lexicon=True" in features
    assert any(f.startswith("subject=") for f in features)


@pytest.mark.model
def test_model_scores_are_probabilities_and_explained(nlp) -> None:
    model = load_cue_model()
    doc = nlp("The mayor insisted that the bridge was safe, and the crowd ate sandwiches.")
    said, ate = doc[2], [t for t in doc if t.lower_ == "ate"][0]
    assert 0.0 <= model.score(ate) < model.threshold <= model.score(said, True) <= 1.0
    explained = model.explain(said, True)
    assert explained[0][1] != 0.0
    assert [f for f, _ in explained] and len(explained) == len(token_features(said, True))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "rules", "with_model"),
    [
        # a verb outside the lexicon that reports (PolNeAR: "laid out her proposals")
        (
            "The senator laid out her plan to cut property taxes at a rally in Dayton.",
            [],
            ["laid"],
        ),
        # a lexicon verb the model judges no cue in this use: the outer "said" reports,
        # the plan inside it is not a second attribution
        (
            "The mayor said she plans to visit the flooded districts next week.",
            ["said", "plans"],
            ["said"],
        ),
        # endorsements stay out, model or not ("supported the “special operation”")
        ("The regime supported the “special operation” in the east.", [], []),
        # speech verbs are unchanged
        ("The minister said Tuesday that the bridge would reopen in May.", ["said"], ["said"]),
    ],
)
def test_model_adds_and_removes_cues(nlp, text: str, rules: list, with_model: list) -> None:
    doc = nlp(text)
    assert cue_texts(text, find_claims(doc)) == rules
    assert cue_texts(text, find_claims(doc, cue_model=load_cue_model())) == with_model


@pytest.mark.model
def test_stage_uses_the_model_unless_configured_off(nlp) -> None:
    from pipeline.nlp import load

    text = "The senator laid out her plan to cut property taxes at a rally in Dayton."
    assert cue_texts(text, nlp(text)._.newsclaims_claims) == ["laid"]
    rules_only = load(stages=())
    rules_only.add_pipe("newsclaims_claims", config={"cue_model": False})
    assert cue_texts(text, rules_only(text)._.newsclaims_claims) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # the preposition that introduces the content belongs to PolNeAR's cue
        ("The union complained about a contract that cut overtime pay.", "complained about"),
        # a day right after the verb too
        ("The minister said Tuesday that the bridge would reopen in May.", "said Tuesday"),
    ],
)
def test_cue_phrase_follows_polnear(nlp, text: str, phrase: str) -> None:
    claims = nlp(text)._.newsclaims_claims
    assert [c.get("cue_phrase", c["cue"])["text"] for c in claims] == [phrase]


# Written for the project: two short articles in PolNeAR's layout (brat standoff).
TRAIN_TEXT = (
    "The mayor said the bridge would reopen in May. Crews painted the railings. "
    "The council insisted that the budget was sound. Workers ate lunch by the river."
)


def _ann(text: str, cues: list[tuple[str, str]]) -> str:
    lines, n = [], 0
    for cue, content in cues:
        start, c_start = text.index(cue), text.index(content)
        lines.append(f"T{n + 1}\tCue {start} {start + len(cue)}\t{cue}")
        lines.append(f"T{n + 2}\tContent {c_start} {c_start + len(content)}\t{content}")
        lines.append(f"E{n // 2 + 1}\tAttribution:T{n + 1} Cue:T{n + 1} Content:T{n + 2}")
        n += 2
    return "\n".join(lines) + "\n"


@pytest.mark.model
def test_train_command_writes_a_model_that_loads(tmp_path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    folder = tmp_path / "train"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    cues = [
        ("said", "the bridge would reopen in May"),
        ("insisted", "that the budget was sound"),
    ]
    for name in ("a", "b"):
        (folder / "text" / f"{name}.txt").write_text(TRAIN_TEXT, encoding="utf-8")
        (folder / "attributions" / f"{name}_x.ann").write_text(
            _ann(TRAIN_TEXT, cues), encoding="utf-8"
        )
    output = tmp_path / "model.json"
    result = CliRunner().invoke(app, ["train", str(folder), "--output", str(output)])
    assert result.exit_code == 0, result.output
    model = CueModel.from_json(output.read_text(encoding="utf-8"))
    assert model.meta["articles"] == 2
    assert model.meta["positives"] == 4  # "said" and "insisted", twice
    assert model.meta["examples"] == 10  # said, reopen, painted, insisted, ate; twice
    assert model.weights["lemma=say"] > 0 > model.weights["lemma=paint"]


def test_train_command_refuses_a_folder_that_is_not_polnear(tmp_path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["train", str(tmp_path), "--output", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "not a PolNeAR folder" in result.output


@pytest.mark.model
def test_claims_carry_the_model_score_of_their_verb(nlp) -> None:
    text = (
        "The senator laid out her plan to cut property taxes at a rally in Dayton. "
        "The mayor insisted that the bridge was safe."
    )
    claims = nlp(text)._.newsclaims_claims
    scores = {text[c["cue"]["start"] : c["cue"]["end"]]: c.get("cue_score") for c in claims}
    assert set(scores) == {"laid", "insisted"}
    model = load_cue_model()
    assert model.threshold <= scores["laid"] <= 1
    # "insisted that …" is asked by the that-clause rule: the model does not decide it
    assert scores["insisted"] is None
