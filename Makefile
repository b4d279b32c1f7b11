# Two commands from a clean clone: `make build` and `make test`. Everything else is set up here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve check test golden bench clean chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/jobcentertjek check cases

build: $(STAMP)
	$(BIN)/jobcentertjek build

serve: build
	$(BIN)/mkdocs serve --livereload

test: $(STAMP) chromium
	$(BIN)/python -m pytest

# After an intended change to what readers get: rewrite tests/golden/expected/ (the output of
# the fixture in tests/golden/cases/) and commit it with the change; tests/test_golden.py checks it.
golden: $(STAMP)
	$(BIN)/python tests/golden_outputs.py

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
	rm -rf $(VENV) site .site-build-*
