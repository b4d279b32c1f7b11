"""What a reader on a phone waits for, in the order the site loads it: the page first, then the
search when the reader starts one, and only then Material's scripts (the colour scheme toggle).
The figures are in `make bench`; these tests check the order and that nothing is lost by it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers import search_fragments
from playwright.sync_api import expect

from .helpers import PHONE, search, search_results

pytestmark = pytest.mark.browser

BUNDLE = "/assets/javascripts/bundle."
STARTED = "html[data-jct-material]"  # set once Material's scripts have started (javascripts/jct.js)


def resources(page) -> list[dict]:
    return page.evaluate("""() => performance.getEntriesByType("resource").map(e => ({
        path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd, bytes: e.transferSize}))""")


def test_materials_scripts_start_after_the_page_has_loaded_and_then_work(page, page_paths):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(urlsplit(request.url).path))
    page.goto(page_paths["timeline"])  # a kommune page: it has a feed link of its own
    page.locator(STARTED).wait_for(state="attached")
    loaded = page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd")
    bundle = [r for r in resources(page) if r["path"].startswith(BUNDLE)]
    assert len(bundle) == 1 and bundle[0]["start"] >= loaded, (bundle, loaded)
    # Material still takes no feed link for a language version of the site (no sitemap.xml).
    page.wait_for_load_state("networkidle")
    assert not [p for p in requests if p.endswith("sitemap.xml")], requests
    expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).to_have_count(2)
    # Its colour scheme toggle works, and the choice holds on the next page.
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").click()
    expect(body).not_to_have_attribute("data-md-color-scheme", before)
    chosen = body.get_attribute("data-md-color-scheme")
    page.goto(page_paths["entry"], wait_until="domcontentloaded")
    assert page.locator("body").get_attribute("data-md-color-scheme") == chosen


def test_a_reader_in_dark_mode_gets_the_dark_scheme_before_materials_scripts_start(new_page, page_paths):
    page = new_page(color_scheme="dark")
    page.goto(page_paths["home"], wait_until="domcontentloaded")
    assert page.locator(STARTED).count() == 0  # what follows is the page's own doing
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.locator(STARTED).wait_for(state="attached")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_a_search_started_at_once_comes_before_materials_scripts(new_page, page_paths):
    page = new_page()
    page.add_init_script("""document.addEventListener("jct:answered",
        () => { window.__answered = performance.now(); }, {capture: true});""")
    page.goto(page_paths["home"], wait_until="domcontentloaded")
    search(page, "fleksjob")
    expect(search_results(page, "fleksjob").first).to_be_visible()
    page.locator(STARTED).wait_for(state="attached")
    answered = page.evaluate("() => window.__answered")
    bundle = [r for r in resources(page) if r["path"].startswith(BUNDLE)]
    assert answered and bundle and bundle[0]["start"] >= answered, (answered, bundle)


def slow_line(page) -> None:
    """A slow line (no CPU slowdown), on which the order in which the search's files arrive is plain."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150,
                                                      "downloadThroughput": 200_000, "uploadThroughput": 100_000})


def word_past_a_chunk_bound(site: Path) -> str:
    """An indexed word that no chunk's bounds enclose as they stand: Pagefind 1.6 cuts a bound to
    a prefix ("kons"), so a longer word ("konsekvens") falls after it and is found by the prefix."""
    chunks = json.loads((site / "pagefind" / "jct-chunks.json").read_text("utf-8"))
    words = {w for f in search_fragments(site).values() for w in re.findall(r"[a-zæø]+", f["content"].lower())}
    past = sorted(w for w in words if not any(c[0] <= w <= c[1] for c in chunks)
                  and any(w.startswith(c[1]) for c in chunks))
    assert past, "every indexed word lies inside a chunk's bounds: the prefix rule is not exercised"
    return past[0]


@pytest.mark.parametrize("past_a_bound", [False, True], ids=["inside-bounds", "past-a-bound"])
def test_the_chunk_for_the_typed_word_is_fetched_before_pagefinds_code_has_arrived(page, page_paths, built_site,
                                                                                     past_a_bound):
    """The search box fetches the index chunk for the word from the list of chunks while Pagefind's
    WebAssembly is still on its way (a slow line, so that the order is plain); Pagefind's own
    request for it is answered from the cache."""
    word = word_past_a_chunk_bound(built_site) if past_a_bound else "fleksjob"
    slow_line(page)
    page.goto(page_paths["home"])
    search(page, word)
    expect(search_results(page, word).first).to_be_visible()
    loaded = resources(page)
    wasm = [r for r in loaded if r["path"].endswith("/wasm.da.pagefind") and r["bytes"]]
    chunks = [r for r in loaded if r["path"].startswith("/pagefind/index/")]
    fetched = [r for r in chunks if r["bytes"]]
    assert wasm and fetched, loaded
    assert len(fetched) == len({r["path"] for r in chunks}), "a chunk came over the network twice"
    assert all(r["start"] < wasm[0]["end"] for r in fetched), (fetched, wasm)
    assert len(chunks) > len(fetched), "Pagefind did not ask for the chunk itself"


def test_the_word_splitter_is_made_while_pagefinds_code_is_on_its_way(page, page_paths):
    """Pagefind splits the query with Intl.Segmenter, and a page's first one costs a slow phone
    some 100 ms: the search makes it before Pagefind's WebAssembly has arrived, not after."""
    page.add_init_script("""(() => { const Segmenter = Intl.Segmenter;
        Intl.Segmenter = function (...args) { window.__segmenter ??= performance.now(); return new Segmenter(...args); };
    })();""")
    slow_line(page)
    page.goto(page_paths["home"])
    search(page, "fleksjob")
    expect(search_results(page, "fleksjob").first).to_be_visible()
    wasm = [r for r in resources(page) if r["path"].endswith("/wasm.da.pagefind") and r["bytes"]]
    made = page.evaluate("() => window.__segmenter")
    assert wasm and made is not None and made < wasm[0]["end"], (made, wasm)


def test_a_phone_fetches_the_home_pages_map_only_when_the_reader_comes_to_it(new_page):
    """Two thirds of the home page's HTML, below the first screen: a reader who opens the page and
    searches at once does not wait for it; one who scrolls down gets it."""
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    maps: list[str] = []
    page.on("request", lambda request: maps.append(request.url) if request.url.endswith("/forsidekort.html") else None)
    page.goto("/", wait_until="networkidle")
    search(page, "fleksjob")
    expect(search_results(page, "fleksjob").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert maps == [], "the map was fetched before the reader came to it"
    page.keyboard.press("Escape")
    page.evaluate("() => window.scrollBy(0, 400)")
    expect(page.locator(".jct-map__svg a")).to_have_count(98)
    assert len(maps) == 1
