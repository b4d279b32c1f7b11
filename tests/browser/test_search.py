"""The search box (Pagefind), as a reader uses it: Danish words and their inflections find the
entries that hold them, the filters narrow the results, the keyboard works, a phone gets the
search over the whole screen, and nothing of the search is loaded before the reader searches."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from jobcentertjek.entries.model import TYPE_LABELS

from .helpers import PHONE, RESULTS, SEARCH_FILES, search, search_results

pytestmark = pytest.mark.browser

DATE = re.compile(r"(\d{1,2}\. )?([a-zæøå]+ )?(19|20)\d\d")


def result_count(page) -> int:
    text = page.locator(".jct-search__status").inner_text()
    match = re.match(r"(\d+) resultat", text)
    assert match, text
    return int(match.group(1))


@pytest.mark.parametrize("word", ["fleksjob", "handleplan", "Haderslev"])
def test_word_from_an_entry_finds_that_entry(page, word):
    page.goto("/")
    search(page, word)
    items = search_results(page, word)
    entries = items.filter(has=page.locator('a[href*="/sager/"]'))
    expect(entries.first).to_be_visible()
    # Each entry result shows its title, type badge, date and kommune, and the word highlighted.
    first = entries.first
    assert first.locator(".jct-result__title").inner_text().strip()
    assert first.locator(".jct-badge").inner_text() in TYPE_LABELS.values()
    meta = first.locator(".jct-result__meta").inner_text()
    assert DATE.search(meta), meta
    assert " · " in meta, meta  # date · kommune
    marks = [m.lower() for m in first.locator("mark").all_inner_texts()]
    assert any(word.lower() in m for m in marks), marks
    # The result leads to the entry itself, and the entry holds the word.
    first.locator("a").click()
    expect(page).to_have_url(re.compile(r"/sager/[^/]+/$"))
    expect(page.locator("article.md-content__inner")).to_contain_text(re.compile(re.escape(word), re.IGNORECASE))


@pytest.mark.parametrize(("typed", "stem"), [("handleplaner", "handleplan"), ("sygedagpengene", "sygedagpenge")])
def test_danish_stemming_finds_inflected_forms(page, typed, stem):
    """The Danish stemmer: a plural or definite form finds the word as the entries write it."""
    page.goto("/")
    search(page, typed)
    items = search_results(page, typed)
    expect(items.first).to_be_visible()
    marks = {re.sub(r"\W+$", "", m.lower()) for m in page.locator(f"{RESULTS} mark").all_inner_texts()}
    assert stem in marks, f"{typed!r} did not find the form {stem!r}; highlighted: {sorted(marks)}"


def test_word_found_nowhere_says_no_results(page):
    page.goto("/")
    search(page, "zqxjvbw")
    expect(page.locator(f'{RESULTS}[data-query="zqxjvbw"]')).to_have_count(1)
    expect(page.locator(".jct-search__status")).to_have_text("Ingen resultater for »zqxjvbw«.")
    expect(page.locator(f"{RESULTS} li")).to_have_count(0)


@pytest.mark.parametrize(("name", "value", "shown"), [
    ("kommune", "Haderslev", lambda item: "Haderslev" in item.locator(".jct-result__meta").inner_text()),
    ("type", "Kritik", lambda item: item.locator(".jct-badge").inner_text() == "Kritik"),
    ("år", "2018", lambda item: "2018" in item.locator(".jct-result__meta").inner_text()),
])
def test_each_filter_narrows_the_results(page, name, value, shown):
    page.goto("/")
    search(page, "jobcentret")
    search_results(page, "jobcentret")
    unfiltered = result_count(page)
    page.locator(".jct-search__filters summary").click()
    select = page.locator(f'select[data-filter="{name}"]')
    expect(select.locator("option", has_text=value)).to_be_attached()
    select.select_option(value)
    expect(page.locator(".jct-search__status")).to_contain_text("med de valgte afgrænsninger")
    filtered = result_count(page)
    assert 0 < filtered < unfiltered, (filtered, unfiltered)
    items = page.locator(f"{RESULTS} li:not([hidden])")
    expect(items).to_have_count(min(filtered, 10))
    for item in items.all():
        assert shown(item), item.inner_text()


def test_keyboard_moves_through_the_results_and_escape_closes(page):
    page.goto("/")
    search(page, "fleksjob")
    items = search_results(page, "fleksjob")
    expect(items.nth(2)).to_be_visible()
    links = page.locator(f"{RESULTS} .jct-result__link")
    box = page.locator("input.jct-search__input")
    box.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("Escape")  # from a result: the results close, the box keeps the word
    expect(page.locator(".jct-search__panel")).to_be_hidden()
    expect(box).to_be_focused()
    box.press("ArrowDown")  # brings them back
    expect(links.nth(0)).to_be_visible()
    expect(box).to_be_focused()
    box.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(".jct-search__panel")).to_be_hidden()
    expect(box).to_be_focused()
    # Enter in the box opens the first result.
    page.keyboard.type(" ")
    page.keyboard.press("Backspace")
    first = search_results(page, "fleksjob").first.locator("a").get_attribute("href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(urlsplit(first).path) + "$"))


def test_search_works_on_a_phone(new_page):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto("/kommuner/")
    expect(page.locator("input.jct-search__input")).to_be_hidden()  # only the magnifier, in the header
    search(page, "fleksjob")
    items = search_results(page, "fleksjob")
    expect(items.first).to_be_visible()
    dialog = page.locator(".jct-search__dialog").bounding_box()
    assert dialog["x"] == 0 and dialog["width"] == PHONE["width"]  # over the whole screen
    box = items.first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.locator("button.jct-search__close").click()
    expect(page.locator(".jct-search__dialog")).to_be_hidden()
    expect(page.locator("button.jct-search__open")).to_be_focused()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_without_javascript_the_box_points_to_the_kommune_list(new_page, viewport):
    page = new_page(java_script_enabled=False, viewport=viewport)
    page.goto("/")
    notice = page.locator("a.jct-search__nojs")
    expect(notice).to_be_visible()
    expect(notice).to_have_text("Søgning kræver JavaScript. Se kommunelisten")
    expect(page.locator("input.jct-search__input")).to_be_hidden()
    expect(page.locator("button.jct-search__open")).to_be_hidden()
    notice.click()
    expect(page).to_have_url(re.compile(r"/kommuner/$"))


def test_an_entry_page_loads_no_search_files_until_the_reader_searches(page, page_paths):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(urlsplit(request.url).path))
    page.goto(page_paths["entry"], wait_until="networkidle")
    assert requests and not [p for p in requests if p.startswith(SEARCH_FILES)], requests
    # Nor Material's former search (its worker and index) or its sitemap fetch (it took the
    # feed links for language versions of the site).
    assert not [p for p in requests if "search" in p or p.endswith("sitemap.xml")], requests
    page.locator("input.jct-search__input").focus()  # focus may prefetch
    page.wait_for_load_state("networkidle")
    assert "/pagefind/pagefind.js" in requests and "/javascripts/search.js" in requests


VIEWPORTS = pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])


def _open(new_page, viewport):
    phone = viewport["width"] < 500
    page = new_page(viewport=viewport, is_mobile=phone, has_touch=phone)
    page.goto("/")
    return page


def _answered(page, words: str):
    """The results once they answer ``words``, whatever the status says."""
    expect(page.locator(f'{RESULTS}[data-query="{words}"]')).to_have_count(1)
    items = page.locator(f"{RESULTS} li:not([hidden])")
    expect(items.first).to_be_visible()
    return items


def _inside_the_screen(page, items, width):
    for item in items.all()[:4]:
        box = item.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (box, item.inner_text())


@VIEWPORTS
def test_a_kommunes_name_brings_its_page_first_and_once(new_page, viewport):
    page = _open(new_page, viewport)
    search(page, "Haderslev")
    items = _answered(page, "Haderslev")
    first = items.first
    expect(first.locator(".jct-result__title")).to_have_text("Haderslev")
    expect(first.locator(".jct-badge")).to_have_text("Kommune")
    assert urlsplit(first.locator("a").get_attribute("href")).path.endswith("/kommuner/haderslev/")
    expect(first.locator(".jct-result__excerpt")).to_contain_text(re.compile(r"Kommunens side: \d+ sager"))
    expect(items.nth(3)).to_be_visible()  # the rest are the entries, without the kommune's page again
    hrefs = [urlsplit(a.get_attribute("href")).path for a in page.locator(f"{RESULTS} li:not([hidden]) a").all()]
    assert sum(h.endswith("/kommuner/haderslev/") for h in hrefs) == 1, hrefs
    assert all("/sager/" in h for h in hrefs[1:]), hrefs
    _inside_the_screen(page, items, viewport["width"])
    # Enter in the box opens it.
    page.locator("input.jct-search__input").press("Enter")
    expect(page).to_have_url(re.compile(r"/kommuner/haderslev/$"))


@VIEWPORTS
def test_when_no_page_holds_every_word_the_pages_with_any_are_shown_and_the_reader_is_told(new_page, viewport):
    page = _open(new_page, viewport)
    search(page, "fleksjob Kolding")
    items = _answered(page, "fleksjob Kolding")
    status = page.locator(".jct-search__status")
    expect(status).to_have_text(re.compile(
        r"^Ingen side indeholder både »fleksjob« og »Kolding«\. Her er \d+ sider med mindst ét af ordene\.$"))
    # The kommune's page and the topic's page are offered first.
    expect(items.nth(0).locator(".jct-result__title")).to_have_text("Kolding")
    expect(items.nth(1).locator(".jct-result__title")).to_have_text("Emne: fleksjob")
    expect(items.nth(1).locator(".jct-badge")).to_have_text("Emne")
    # Then entries that hold one of the words, the word marked in their excerpt.
    expect(items.nth(5)).to_be_visible()
    marked = {m.lower() for m in page.locator(f"{RESULTS} .jct-result__excerpt mark").all_inner_texts()}
    assert any(m.startswith("kolding") for m in marked) and any(m.startswith("fleksjob") for m in marked), marked
    _inside_the_screen(page, items, viewport["width"])
    # Filters narrow it further and say so.
    if viewport["width"] > 500:
        page.locator(".jct-search__filters summary").click()
        page.locator('select[data-filter="type"]').select_option("Kritik")
        expect(status).to_contain_text("Ingen side med de valgte afgrænsninger indeholder både")
        for item in page.locator(f"{RESULTS} li:not([hidden])").all():
            assert item.locator(".jct-badge").inner_text() == "Kritik"


def test_excerpts_begin_at_a_sentence_of_the_entrys_own_text(page):
    page.goto("/")
    search(page, "sygedagpenge")
    for word in ["sygedagpenge", "Haderslev"]:
        page.locator("input.jct-search__input").fill(word)
        items = _answered(page, word)
        expect(items.nth(4)).to_be_visible()
        entries = page.locator(f'{RESULTS} li:not([hidden]):has(a[href*="/sager/"])')
        for item in entries.all():
            excerpt = item.locator(".jct-result__excerpt").inner_text()
            title = item.locator(".jct-result__title").inner_text()
            assert re.match(r"[A-ZÆØÅ0-9»]", excerpt), excerpt  # a sentence's first word
            assert not excerpt.startswith(("Resumé", "Alle emner", "Hovedfund", "Kilder", title)), excerpt
        # The topic's page is cut after its title too.
        topics = page.locator(f'{RESULTS} li:not([hidden]):has(a[href*="/emner/"])')
        for item in topics.all():
            assert "Alle emner" not in item.inner_text()
