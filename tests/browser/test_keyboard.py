"""A keyboard path (issue 26, point 4): a visible skip link is the first Tab stop of every page;
the map is one Tab stop whose arrow keys move between the kommuner, with the one in focus named
on screen; nothing that takes focus hides under the sticky header."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from jobcentertjek.entries.reference import kommuner

from .helpers import DESKTOP, PAGE_TYPES, PHONE

pytestmark = pytest.mark.browser

SIZES = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
ACTIVE = "(() => { const e = document.activeElement; return {tag: e.tagName, label: e.getAttribute('aria-label'), " \
         "href: e.getAttribute('href'), text: e.textContent.trim()}; })()"
MAP = ".jct-map__svg a"


def active(page: Page) -> dict:
    return page.evaluate(ACTIVE)


@pytest.mark.parametrize("path", [*PAGE_TYPES, "/metode/", "/kommuner/sorteret/kritik/"])
@SIZES
def test_the_first_tab_stop_is_a_visible_skip_link(new_page, page_paths, path, viewport):
    page = new_page(viewport=viewport)
    page.goto(page_paths.get(path, path))
    page.keyboard.press("Tab")
    first = active(page)
    assert first["text"] == "Gå til indholdet", first
    link = page.locator(":focus")
    expect(link).to_be_visible()
    expect(link).to_have_css("opacity", "1")  # shown on focus, over the header
    box = link.bounding_box()
    assert box["y"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    page.keyboard.press("Enter")
    # the next Tab goes to the page's content, past the header, the search and the navigation
    page.keyboard.press("Tab")
    inside = page.evaluate("!!document.activeElement.closest('article.md-content__inner')")
    assert inside, active(page)


def tab_to_map(page: Page, path: str) -> None:
    page.goto(path)
    page.evaluate("() => document.querySelector('[data-jct-map]')?.scrollIntoView()")
    expect(page.locator(MAP)).to_have_count(98)
    page.locator("#jct-measure-o").focus()  # the last control before the map
    page.keyboard.press("Tab")


@pytest.mark.parametrize("path", ["/", "/kommuner/"])
@SIZES
def test_the_map_is_one_tab_stop_walked_with_the_arrow_keys(new_page, path, viewport):
    page = new_page(viewport=viewport)
    tab_to_map(page, path)
    start = active(page)
    assert start["label"] and start["label"].split(":")[0] in {k.name for k in kommuner().values()}
    name = page.locator(".jct-map__name")
    expect(name).to_be_visible()
    expect(name).to_have_text(start["label"])
    box = name.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], box

    # the arrow keys move between kommuner, each named on screen as it gets focus
    seen = {start["href"]}
    for key in ["ArrowLeft", "ArrowUp", "ArrowLeft", "ArrowDown", "ArrowRight", "End", "ArrowUp", "Home"]:
        page.keyboard.press(key)
        now = active(page)
        assert now["tag"] == "a" and now["label"], (key, now)
        expect(name).to_have_text(now["label"])
        seen.add(now["href"])
    assert len(seen) >= 4, seen

    # Tab leaves the map at once: one stop, not 98
    page.keyboard.press("Tab")
    after = active(page)
    assert not page.evaluate("!!document.activeElement.closest('.jct-map__svg')"), after
    expect(name).to_be_hidden()
    # and Shift+Tab comes back to the kommune last in focus, whose Enter opens its page
    page.keyboard.press("Shift+Tab")
    back = active(page)
    assert back["href"] == now["href"], back
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/kommuner/[a-z-]+/$"))


def test_every_kommune_on_the_map_can_be_reached_with_the_arrow_keys(new_page):
    page = new_page(viewport=PHONE)
    tab_to_map(page, "/kommuner/")
    links = page.locator(MAP)
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(set(hrefs)) == 98
    moves = {}
    for i, href in enumerate(hrefs):
        moves[href] = set()
        for key in ("ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown"):
            links.nth(i).focus()
            page.keyboard.press(key)
            moves[href].add(active(page)["href"])
    reached, todo = {hrefs[0]}, [hrefs[0]]
    while todo:
        for following in moves[todo.pop()] - reached:
            reached.add(following)
            todo.append(following)
    assert reached == set(hrefs), sorted(set(hrefs) - reached)


@pytest.mark.parametrize("path", ["/loefter/", "/kommuner/koebenhavn/", "/kommuner/"])
@SIZES
def test_focus_never_hides_under_the_sticky_header(new_page, path, viewport):
    """Tabbing backwards scrolls each link in from above, where the header sits."""
    page = new_page(viewport={**viewport, "height": 700})
    page.goto(path)
    page.locator(".md-footer a").last.focus()
    hidden = []
    for _ in range(40):
        page.keyboard.press("Shift+Tab")
        spot = page.evaluate("""() => {
            const e = document.activeElement, header = document.querySelector('.md-header');
            if (!e || e === document.body || header.contains(e) || e.closest('.md-sidebar, .md-skip')) return null;
            const box = e.getBoundingClientRect();
            return {text: e.textContent.trim().slice(0, 40), top: box.top, header: header.getBoundingClientRect().bottom};
        }""")
        if spot and spot["top"] < spot["header"]:
            hidden.append(spot)
    assert hidden == []
