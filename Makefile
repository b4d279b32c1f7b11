# Two commands from a clean clone: `make build` and `make test`. Everything else is set up here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve check test bench clean chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/jobcentertjek check cases

build: $(STAMP)
	$(BIN)/jobcentertjek build

serve: check
	$(BIN)/mkdocs serve --livereload

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/jobcentertjek bench

clean:
	rm -rf $(VENV) site .site-build-*
