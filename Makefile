# Two commands from a clean clone: `make build` and `make test`. Everything else is set up here.
PYTHON ?= python3
# LOCKED=no installs the newest versions pyproject.toml allows instead of the lock, in a venv of its
# own (the weekly "Nyeste versioner" workflow); everything else uses the lock.
LOCKED ?= yes
ifeq ($(LOCKED),yes)
VENV := .venv
else
VENV := .venv-nyeste
endif
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.txt
# The lock is universal (Linux, macOS, Windows; every Python from 3.11) and hashed.
UV_COMPILE := compile pyproject.toml requirements-build.in --extra test --universal --python-version 3.11 \
	--generate-hashes --quiet
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve check test golden bench clean chromium lock

ifeq ($(LOCKED),yes)
$(STAMP): pyproject.toml $(LOCK) scripts/install_pagefind.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python scripts/install_pagefind.py
	touch $(STAMP)
else
$(STAMP): pyproject.toml scripts/install_pagefind.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --upgrade --upgrade-strategy eager -e '.[test]'
	$(BIN)/python scripts/install_pagefind.py
	touch $(STAMP)
endif

# Refresh the lock: `make lock` after changing pyproject.toml (keeps every pin it can), and
# `make lock UPGRADE=yes` to take the newest versions pyproject.toml allows. uv is the maintainers'
# tool only: installing from the lock needs nothing but pip.
lock: $(STAMP)
	$(BIN)/pip install --quiet 'uv>=0.9,<1'
	$(BIN)/uv pip $(UV_COMPILE) $(if $(filter yes,$(UPGRADE)),--upgrade) -o $(LOCK)
	rm -f $(STAMP)

check: $(STAMP)
	$(BIN)/jobcentertjek check cases

build: $(STAMP)
	$(BIN)/jobcentertjek build

serve: build
	$(BIN)/mkdocs serve --livereload

# The browser tests write a screenshot of each graphic (map, timelines, table) at 1280 and
# 375 px, light and dark, to test-screenshots/: look at them after a change to the drawings.
test: $(STAMP) chromium
	$(BIN)/python -m pytest
	@echo "Screenshots of the graphics: test-screenshots/"

# After an intended change to what readers get: rewrite tests/golden/expected/ (the output of
# the fixture in tests/golden/cases/), the graphics and the pasted-text corpus (tests/render_corpus/),
# and commit them with the change; tests/test_golden.py and tests/test_render_corpus.py check them.
golden: $(STAMP)
	$(BIN)/python tests/golden_outputs.py
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_graphics.py -k golden
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_render_corpus.py -k golden

# The browser tests drive the system's Chromium (Debian's package), never a downloaded one.
# GitHub's Ubuntu runners already have /usr/bin/chromium, so there this does nothing.
# If it cannot be installed, make goes on: the other tests run and the browser tests fail
# with the command to run (they never skip).
chromium:
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
		$$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
		|| echo "Could not install Chromium: the browser tests will fail. Run: sudo apt-get install chromium" >&2; }

bench: $(STAMP)
	$(BIN)/jobcentertjek bench

clean:
	rm -rf .venv .venv-nyeste site .site-build-*
