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

test: $(STAMP) chromium
	$(BIN)/python -m pytest

# The browser tests drive the system's Chromium (Debian's package), never a downloaded one.
# GitHub's Ubuntu runners already have /usr/bin/chromium, so there this does nothing.
chromium:
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
		$$sudo apt-get update -qq && $$sudo apt-get install -y -qq chromium; }

bench: $(STAMP)
	$(BIN)/jobcentertjek bench

clean:
	rm -rf $(VENV) site .site-build-*
