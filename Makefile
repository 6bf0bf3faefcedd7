# Two commands on a fresh machine (python3 with pip and venv): `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test lint clean services

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/aigraph build seeds --out exports

test: $(STAMP) services
	$(BIN)/pytest -q

# A real SPARQL store for the `aigraph push` tests: Debian's Virtuoso, installed when missing (root/apt).
services:
	@command -v virtuoso-t >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    virtuoso-opensource-7-bin >/dev/null; } || echo "virtuoso-t not installed: the push tests will be skipped"; }

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) exports/store
