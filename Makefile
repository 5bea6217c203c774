# Runner for the project (cookiecutter-data-science style): `make help` lists the targets.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FIGURES ?= figures
JOBS ?= 2
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install figures test lab lock cue-model cue-model-check clean-cache clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; set PYTHON=/path/to/python3.11" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m corpus doctor
	@touch $(STAMP)

install: $(STAMP) ## Create .venv with the pinned dependencies and the spaCy model

figures: $(STAMP) ## Run every notebook with papermill into figures/
	$(BIN)/python -m corpus run --out $(FIGURES) --jobs $(JOBS)

test: $(STAMP) ## Run the test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lab: $(STAMP) ## Open JupyterLab on the notebooks
	$(BIN)/jupyter lab notebooks/

lock: ## Re-pin requirements.lock from pyproject.toml (needs network to PyPI)
	$(BIN)/python -m piptools compile --quiet --extra dev --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

POLNEAR ?= ../shared/data/polnear
TRAIN_CUES = $(BIN)/python -m corpus.evaluate.train_cues --polnear $(POLNEAR)/train --out
cue-model: $(STAMP) ## Retrain the learned attribution cue model on PolNeAR train (POLNEAR=path), then score dev
	$(TRAIN_CUES) corpus/data/cue_model.json
	$(BIN)/python -m corpus.evaluate attribution --polnear $(POLNEAR)/dev --json benchmarks/polnear_dev.json

cue-model-check: $(STAMP) ## Retrain the cue model into a temporary file and fail unless it equals the shipped weights
	@tmp=$$(mktemp -d); \
	if ! $(TRAIN_CUES) $$tmp/cue_model.json > $$tmp/log 2>&1; then \
	  tail -n 20 $$tmp/log >&2; rm -rf $$tmp; exit 1; fi; \
	if cmp -s $$tmp/cue_model.json corpus/data/cue_model.json; then rm -rf $$tmp; \
	  echo "cue model: make cue-model reproduces corpus/data/cue_model.json"; \
	else rm -rf $$tmp; \
	  echo "cue model: retraining gives other weights than corpus/data/cue_model.json (run make cue-model, commit)" >&2; exit 1; fi

clean-cache: ## Delete the annotation caches (parses and table rows)
	rm -rf .cache/annotations .cache/tables

clean: ## Delete the environment and caches (never seeds/)
	rm -rf $(VENV) .cache .pytest_cache
