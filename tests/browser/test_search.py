"""Material's search box, as a reader types into it: Danish words find the entries that hold them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import NO_RESULTS, PHONE, search, search_results

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("word", ["fleksjob", "handleplan", "Haderslev"])
def test_word_from_an_entry_finds_that_entry(page, word):
    page.goto("/")
    search(page, word)
    items = search_results(page, word)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ resultat(er)?$"))
    entries = items.filter(has=page.locator('a[href*="/sager/"]')).filter(
        has_text=re.compile(re.escape(word), re.IGNORECASE)
    )
    assert entries.count() >= 1, f"no entry containing {word!r} among the results"
    # The result leads to the entry itself, and the entry holds the word.
    entries.first.locator("a.md-search-result__link").first.click()
    expect(page).to_have_url(re.compile(r"/sager/[^/]+/"))
    expect(page.locator("article.md-content__inner")).to_contain_text(re.compile(re.escape(word), re.IGNORECASE))


def test_danish_stemming_finds_inflected_forms(page):
    # "handleplaner" (plural) shares its stem with "handleplan" under lunr's Danish stemmer.
    page.goto("/")
    search(page, "handleplaner")
    items = search_results(page, "handleplaner")
    expect(items.filter(has_text=re.compile("handleplan", re.IGNORECASE)).first).to_be_visible()


def test_word_found_nowhere_says_no_results(page):
    page.goto("/")
    search(page, "zqxjvbw")
    search_results(page, "zqxjvbw")
    expect(page.locator(".md-search-result__meta")).to_have_text(NO_RESULTS)
    expect(page.locator(".md-search-result__item")).to_have_count(0)


def test_search_works_on_a_phone(new_page):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto("/kommuner/")
    search(page, "fleksjob")
    items = search_results(page, "fleksjob")
    expect(items.first).to_be_visible()
    box = items.first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
