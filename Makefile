# Two commands on a fresh machine (python3 with pip and venv): `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: build test lint clean browser services bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/aigraph build seeds --out exports

# the browser tests drive Debian's chromium (playwright's own browser download is not used) and check
# that Chinese labels are drawn with a CJK font: Debian's fonts-noto-cjk, when no CJK font is installed
browser:
	@test -x $(CHROMIUM) || { echo "installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@fc-list :lang=zh family 2>/dev/null | grep -q . || { echo "installing Debian's fonts-noto-cjk for Chinese labels"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends fonts-noto-cjk >/dev/null; }

test: $(STAMP) browser services lint
	$(BIN)/pytest -q

# a real SPARQL store for the `aigraph push` tests: Debian's Virtuoso, installed when missing
services:
	@command -v virtuoso-t >/dev/null 2>&1 || { echo "installing Debian's Virtuoso for the push tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends virtuoso-opensource-7-bin >/dev/null; }

bench: $(STAMP)
	$(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools

clean:
	rm -rf $(VENV) exports/store
