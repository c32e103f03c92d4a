# Two commands: `make run` (set up everything and serve the demo site) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test lint format clean bench

run: setup
	@echo "Serving the site at http://$(HOST):$(PORT)/ (admin at http://$(HOST):$(PORT)/admin/). Press Ctrl+C to stop."
	$(MANAGE) runserver $(HOST):$(PORT)

setup: $(VENV)/.runtime
	$(MANAGE) migrate --noinput
	$(MANAGE) compile_translations
	BASE_URL="$${BASE_URL:-http://$(HOST):$(PORT)}" $(MANAGE) load_demo

test: $(VENV)/.dev
	$(MANAGE) compile_translations
	$(BIN)/pytest -n 2 --dist loadfile --durations=10

# The benchmark of issue #7 (by hand, not part of the tests): make bench BENCH_ARGS="--quick"; see bench/README.md.
bench: $(VENV)/.runtime
	$(MANAGE) compile_translations
	$(BIN)/python bench/run.py $(BENCH_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm static

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; found " + sys.version.split()[0] + ". Set PYTHON=/path/to/python3.11.")'
	$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtual environment. On Debian or Ubuntu: apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the pinned requirements change, so a second `make run` is quick.
$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@
