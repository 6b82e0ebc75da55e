# The two commands of the README: `make figures` and `make test`.
# Both create .venv from the locked versions in requirements.lock on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: figures test lint lock clean bench lab

figures: $(INSTALLED)
	$(BIN)/h20lib figures --out figures

test: lint
	$(BIN)/pytest

# JupyterLab on this project, with the exploration notebook open (stop it with Ctrl-C).
lab: $(INSTALLED)
	$(BIN)/jupyter lab notebooks/07_explore.ipynb

# Scoring speed and memory against the naive pysbd + TextBlob loop, on synthetic corpora of 1,000 and 10,000
# articles (benchmarks/bench.py; takes about 15 minutes on two cores). Not part of `make test`.
bench: $(INSTALLED)
	$(BIN)/python benchmarks/bench.py --figures

# ruff (lint and format) and mypy, configured in pyproject.toml; part of `make test`.
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

$(INSTALLED): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(INSTALLED)

# Re-resolve the newest versions allowed by pyproject.toml and pin them (needs the package index).
lock:
	rm -rf /tmp/h20lib-lock && $(PYTHON) -m venv /tmp/h20lib-lock
	/tmp/h20lib-lock/bin/pip install --quiet ".[dev]" "setuptools>=75"
	/tmp/h20lib-lock/bin/pip freeze --all --exclude h20lib --exclude pip > requirements.lock

clean:
	rm -rf $(VENV)
