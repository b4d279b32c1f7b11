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

serve: build
	$(BIN)/mkdocs serve --livereload

# The browser tests write a screenshot of each graphic (map, timelines, table) at 1280 and
# 375 px, light and dark, to test-screenshots/: look at them after a change to the drawings.
test: $(STAMP) chromium
	$(BIN)/python -m pytest
	@echo "Screenshots of the graphics: test-screenshots/"

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
