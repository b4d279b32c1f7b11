"""Constants and page helpers shared by the browser tests."""

from __future__ import annotations

from urllib.parse import quote

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from jobcentertjek.localserver import CHROMIUM
from jobcentertjek.localserver import CHROMIUM_ARGS as LAUNCH_ARGS

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
NO_RESULTS = "Ingen resultater fundet"  # Material 9.8 for `language: da`
PAGE_TYPES = ["home", "kommuner", "timeline", "entry", "promises", "tag", "repeats"]


def search(page: Page, word: str) -> None:
    """Type into Material's search box as a reader does (fill() does not fire its input events)."""
    toggle = page.locator("label.md-header__button[for=__search]")
    box = page.locator("input.md-search__input")
    if toggle.is_visible():  # on a phone the box opens from the magnifier in the header
        toggle.click()
    else:
        box.click()
    expect(box).to_be_focused()
    box.press_sequentially(word, delay=20)


def search_results(page: Page, word: str):
    """The result items once they answer the whole word, not a prefix typed on the way.
    Material's result links carry the query (`?h=word`) because search.highlight is on."""
    items = page.locator(".md-search-result__item")
    final = page.locator(f'a.md-search-result__link[href*="h={quote(word.lower())}"]')
    expect(final.first.or_(page.get_by_text(NO_RESULTS, exact=True))).to_be_visible()
    return items


def axe_report(page: Page) -> tuple[int, str]:
    """Run axe-core on the page as it is now, for WCAG 2.1 A and AA only."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return results.violations_count, results.generate_report()
