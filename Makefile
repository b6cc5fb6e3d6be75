# The two commands of the README: `make run` and `make test`. Both set everything up.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.run-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: run test setup setup-dev lint typecheck unit pg-start clean

run: setup
	$(BIN)/marsad demo

test: setup-dev lint typecheck unit

setup: $(RUN_STAMP)
setup-dev: $(DEV_STAMP)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Marsad needs Python 3.11 or newer; found $$($(PYTHON) --version)"; exit 1; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); \
	  else echo "Cannot create a virtual environment: install python3-venv (sudo apt-get install python3-venv)"; exit 1; fi; }
	$(BIN)/python -m pip install -q --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	@touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@ $(RUN_STAMP)

lint: setup-dev
	$(BIN)/ruff check src tests eval examples
	$(BIN)/ruff format --check src tests eval examples

typecheck: setup-dev
	$(BIN)/mypy src

unit: setup-dev pg-start
	$(BIN)/pytest

# The store tests also run on PostgreSQL at 127.0.0.1:5432 when a server answers there;
# start the local cluster if it is installed but stopped (failure only skips those tests).
pg-start:
	@if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] && \
	  ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
	  pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | head -n 1) main start \
	    2>/dev/null || echo "PostgreSQL did not start: its store tests will be skipped"; \
	fi

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache marsad.db marsad.db-*
