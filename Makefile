# Hangar: `make run` serves the API on SQLite with the bundled data; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: install setup run test lint test-sqlite test-postgres bench bench-scale clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

setup: install
	$(BIN)/hangar migrate --noinput -v0
	$(BIN)/hangar collectstatic --noinput -v0
	$(BIN)/hangar load_bundled

run: setup
	$(BIN)/hangar serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/hangar makemigrations --check --dry-run -v0

test-sqlite: install
	env -u DATABASE_URL $(BIN)/pytest

test-postgres: install
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest

# Both databases at once, each run's output printed whole when it ends.
test: lint
	$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

bench: install
	$(BIN)/python bench/run.py

# Response times of spacecraft/ at several catalog sizes: make bench-scale ARGS="--sizes ..."
bench-scale: install
	$(BIN)/python bench/scale.py $(ARGS)

clean:
	rm -rf $(VENV) var
