"""Constants and page helpers shared by the browser tests."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from jobcentertjek.bench.localserver import CHROMIUM
from jobcentertjek.bench.localserver import CHROMIUM_ARGS as LAUNCH_ARGS

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
PAGE_TYPES = ["home", "kommuner", "timeline", "entry", "promises", "tag", "repeats", "follow", "about", "help",
              "contribute"]
RESULTS = ".jct-search__results"
SEARCH_FILES = ("/pagefind/", "/javascripts/search.js")  # what only a search may load


def search(page: Page, word: str) -> None:
    """Open the search box as a reader does (on a phone, the magnifier in the header) and type."""
    opener = page.locator("button.jct-search__open")
    box = page.locator("input.jct-search__input")
    if opener.is_visible():
        opener.click()
    else:
        box.click()
    expect(box).to_be_focused()
    box.press_sequentially(word, delay=20)


def search_results(page: Page, word: str):
    """The results once they answer the whole word, not a prefix typed on the way: the list
    names the query it shows results for."""
    answered = page.locator(f'{RESULTS}[data-query="{word}"]')
    expect(answered).to_have_count(1)
    expect(page.locator(".jct-search__status")).to_have_text(re.compile(r"resultat"))
    return answered.locator("li:not([hidden])")


def axe_report(page: Page) -> tuple[int, str]:
    """Run axe-core on the page as it is now, for WCAG 2.1 A and AA only."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return results.violations_count, results.generate_report()
