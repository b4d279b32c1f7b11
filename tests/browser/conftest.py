"""Browser fixtures: the real built site served over HTTP on 127.0.0.1, driven by Debian's Chromium.

Chromium is the system package (`/usr/bin/chromium`), never a Playwright download. `make test`
installs it; where it is missing the tests fail (never skip) and say how to install it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from jobcentertjek.bench.localserver import serve

from .helpers import CHROMIUM, DESKTOP, LAUNCH_ARGS


@pytest.fixture(scope="session")
def base_url(built_site: Path):
    """The built site served like a web host would: over HTTP, on a random local port."""
    with serve(built_site) as url:
        yield url


# Module scope, not session: Playwright's sync API allows one running instance per thread,
# and other test modules (tests/test_xss.py) start their own.
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: the browser tests need Debian's chromium package. "
            "Install it with `sudo apt-get install chromium` (make test tries this itself).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


def page_opener(browser, base_url: str):
    """A fixture's body: ``open_page(**options)`` opens a page of the site at ``base_url`` in a
    fresh context (own cookies, scheme, viewport, JS setting); the contexts close afterwards."""
    contexts = []

    def open_page(**options) -> Page:
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(base_url=base_url, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def new_page(browser, base_url):
    yield from page_opener(browser, base_url)


@pytest.fixture
def page(new_page) -> Page:
    return new_page()


@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> dict[str, str]:
    """One URL path per page type. The entry page is a handleplan: it has the most structure
    (promises, statuses, history); any entry is used if the cases hold no plan."""
    entries = sorted((built_site / "sager").glob("*/index.html"))
    assert entries, "the built site has no entry pages"
    plans = [p for p in entries if 'class="jct-promise"' in p.read_text(encoding="utf-8")]
    entry = (plans or entries)[0].parent.name
    return {
        "home": "/",
        "kommuner": "/kommuner/",
        "timeline": "/kommuner/koebenhavn/",
        "entry": f"/sager/{entry}/",
        "promises": "/loefter/",
        "tag": "/emner/fleksjob/",
        "repeats": "/gentaget/",
        "follow": "/kommuner/koebenhavn/foelg/",  # a feed and a calendar
        "about": "/om/",
        "help": "/hjaelp/",
        "contribute": "/bidrag/",
    }
