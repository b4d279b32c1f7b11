"""The benchmark's browser figures: what a reader's phone downloads and waits for.

The site is served with gzip as GitHub Pages serves it (``localserver.serve(compress=True)``)
and read by Debian's Chromium. The mobile profile is Lighthouse's, set through the Chrome
DevTools Protocol: 4x CPU slowdown, 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip.
Each figure is measured for a search *engine*: ours (Pagefind) and, while the benchmark
still builds it for comparison, Material's lunr search.
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from .localserver import CHROMIUM, CHROMIUM_ARGS, serve

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
MOBILE_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
                  "uploadThroughput": 750_000 / 8}
CPU_SLOWDOWN = 4
JOURNEY_WORD = "sygedagpenge"
WARM_WORDS = ["sygedagpenge", "rehabiliteringsteamet", "klagesagerne", "virksomhedspraktikkerne", "kalundborg"]
TYPING_DELAY_MS = 100  # a fast typist
LOADS = 3  # each cold figure is the median of this many loads


@dataclass(frozen=True)
class Engine:
    name: str
    box: str  # the search input
    opener: str  # what a phone reader taps first, if it is shown
    result: str  # a result for the whole query, "{word}" filled in (prefixes typed on the way do not count)


PAGEFIND = Engine("pagefind", "input.jct-search__input", "button.jct-search__open",
                  '.jct-search__results[data-query="{word}"] li:not([hidden])')
# Material's result links carry the query as ?h=<query> (feature search.highlight).
LUNR = Engine("lunr", "input.md-search__input", "label.md-header__button[for=__search]",
              'a.md-search-result__link[href*="h={word}"]')

# Runs in the page before its own scripts: the time (ms since navigation started) at which
# something matching ``__jct.selector`` (a result for the whole word) is first in the page,
# and when each key was pressed.
_WATCH = """
window.__jct = {keys: [], selector: SELECTOR};
document.addEventListener("keydown", () => window.__jct.keys.push(performance.now()), {capture: true});
new MutationObserver(() => {
  if (window.__jct.shown === undefined && window.__jct.selector && document.querySelector(window.__jct.selector)) {
    window.__jct.shown = performance.now();
  }
}).observe(document, {childList: true, subtree: true, attributes: true});
"""


def _watch(selector: str) -> str:
    return _WATCH.replace("SELECTOR", json.dumps(selector))


def _cdp(context, page, mobile: bool) -> dict:
    """Count the bytes that cross the network (headers and compressed bodies); throttle if mobile."""
    session = context.new_cdp_session(page)
    counted = {"bytes": 0, "urls": []}

    def finished(event):
        counted["bytes"] += event["encodedDataLength"]

    def response(event):
        counted["urls"].append(event["response"]["url"])

    session.on("Network.loadingFinished", finished)
    session.on("Network.responseReceived", response)
    session.send("Network.enable")
    if mobile:
        session.send("Network.emulateNetworkConditions", MOBILE_NETWORK)
        session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return counted


def _open_and_type(page, engine: Engine, word: str, delay_ms: int | None) -> None:
    """Tap the search open and type ``word``; ``delay_ms=None``: at once, as one burst (all but the
    last letter arrive as one input, as from a fast thumb or the keyboard's suggestion, then
    the last key). Playwright would otherwise spend some 150 ms of the throttled page's time on
    every key, which a phone's keyboard does not."""
    page.locator(f"{engine.opener}:visible, {engine.box}:visible").first.click()
    if delay_ms is None:
        page.keyboard.insert_text(word[:-1])
        page.keyboard.press(word[-1])
    else:
        page.locator(engine.box).press_sequentially(word, delay=delay_ms)


def first_view(browser, base: str, path: str) -> dict:
    """Bytes for a first view of ``path`` on the mobile profile, once the network is quiet.

    Quiet means no new byte for 3 s: Material's former search started fetching its index only
    after Playwright's "networkidle" (500 ms without requests) on the throttled CPU."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        counted = _cdp(context, page, mobile=True)
        page.goto(base + path, wait_until="networkidle")
        before = -1
        while before != counted["bytes"]:
            before = counted["bytes"]
            page.wait_for_timeout(3000)
            page.wait_for_load_state("networkidle")
        return {"bytes": counted["bytes"], "requests": len(counted["urls"]),
                "search_requests": sum("pagefind" in u or "/search/" in u for u in counted["urls"]),
                "sitemap_requests": sum("sitemap.xml" in u for u in counted["urls"])}
    finally:
        context.close()


def journey(browser, base: str, engine: Engine, word: str = JOURNEY_WORD) -> dict:
    """From navigation to the home page to the first result for ``word``, typed at once as soon
    as the search can be tapped, on the mobile profile: time and bytes."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        counted = _cdp(context, page, mobile=True)
        page.add_init_script(_watch(engine.result.format(word=word)))
        page.goto(base + "/", wait_until="commit")  # then tap as soon as the box can be tapped
        _open_and_type(page, engine, word, None)
        page.wait_for_function("() => window.__jct.shown !== undefined", timeout=120_000)
        shown = page.evaluate("() => window.__jct.shown")
        page.wait_for_load_state("networkidle")
        return {"first_result_ms": round(shown), "bytes": counted["bytes"]}
    finally:
        context.close()


def warm(browser, base: str, engine: Engine) -> dict:
    """Milliseconds from the last key to the first result on a page that has everything loaded
    (desktop speed), typed at 100 ms a key, for each of ``WARM_WORDS``."""
    context = browser.new_context(**DESKTOP)
    try:
        page = context.new_page()
        page.add_init_script(_watch(""))
        page.goto(base + "/")
        _open_and_type(page, engine, WARM_WORDS[0], TYPING_DELAY_MS)  # loads the index
        page.locator(engine.result.format(word=WARM_WORDS[0])).first.wait_for(timeout=60_000)
        times = []
        for word in WARM_WORDS:
            box = page.locator(engine.box)
            box.fill("")
            page.wait_for_timeout(500)  # let the cleared query settle
            page.evaluate("""s => { window.__jct.keys = []; window.__jct.shown = undefined; window.__jct.selector = s; }""",
                          engine.result.format(word=word))
            box.press_sequentially(word, delay=TYPING_DELAY_MS)
            page.wait_for_function("() => window.__jct.shown !== undefined", timeout=60_000)
            marks = page.evaluate("() => window.__jct")
            times.append(max(0.0, marks["shown"] - marks["keys"][-1]))
        return {"words": WARM_WORDS, "first_result_ms": [round(t) for t in times],
                "first_result_median_ms": round(statistics.median(times)), "first_result_max_ms": round(max(times))}
    finally:
        context.close()


def browser_figures(site: Path, engine: Engine, entry_path: str) -> dict:
    """All browser figures for one built site: cold ones as the median of ``LOADS`` loads."""
    from playwright.sync_api import (
        sync_playwright,  # the test extra, which `make` installs
    )

    with serve(site, compress=True) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            start = time.perf_counter()
            views = [first_view(browser, base, entry_path) for _ in range(LOADS)]
            journeys = [journey(browser, base, engine) for _ in range(LOADS)]
            figures = {
                "engine": engine.name, "entry_page": entry_path,
                "entry_first_view_bytes": int(statistics.median(v["bytes"] for v in views)),
                "entry_first_view_requests": views[0]["requests"],
                "entry_first_view_search_requests": views[0]["search_requests"],
                "entry_first_view_sitemap_requests": views[0]["sitemap_requests"],
                "journey_first_result_ms": int(statistics.median(j["first_result_ms"] for j in journeys)),
                "journey_first_result_all_ms": [j["first_result_ms"] for j in journeys],
                "journey_bytes": int(statistics.median(j["bytes"] for j in journeys)),
                "warm": warm(browser, base, engine),
            }
            figures["seconds"] = round(time.perf_counter() - start)
            return figures
        finally:
            browser.close()
