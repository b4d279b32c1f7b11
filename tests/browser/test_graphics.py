"""The map, the timelines and the kommuner side by side in Chromium: walked by keyboard, the
measure chosen, the table sorted, and a screenshot of each graphic at 1280 and 375 px in both
colour schemes, written to SCREENSHOTS (``make test`` names the folder) for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.reference import kommuner

from .helpers import DESKTOP, PHONE, SCHEMES, axe_report

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(os.environ.get("JCT_SCREENSHOTS", Path(__file__).resolve().parents[2] / "test-screenshots"))
# (name, page path key or path, the graphic's selector)
GRAPHICS = [
    ("kort-forside", "/", ".jct-map"),
    ("kort-kommuner", "/kommuner/", ".jct-map"),
    ("lokalkort", "/kommuner/koebenhavn/", ".jct-locator"),
    ("tidslinje-kommune", "/kommuner/koebenhavn/", ".jct-tl"),
    ("tidslinje-sag", "/sager/2018-04-10-taskforce-foertidspension-fleksjob/", ".jct-tl"),
    ("side-om-side", "/kommuner/", ".jct-table-wrap:has(.jct-compare)"),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
@pytest.mark.parametrize("name, path, selector", GRAPHICS, ids=[g[0] for g in GRAPHICS])
def test_screenshot_of_each_graphic(new_page, page_paths, name, path, selector, viewport, scheme):
    page = new_page(viewport=viewport, color_scheme=scheme)
    page.goto(page_paths.get(path, path))
    page.evaluate("() => document.querySelector('[data-jct-map]')?.scrollIntoView()")  # the home page's map comes then
    graphic = page.locator(selector).first
    expect(graphic).to_be_visible()
    box = graphic.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], f"{name} leaves the screen"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    graphic.screenshot(path=SCREENSHOTS / f"{name}-{viewport['width']}-{scheme}.png")
    if viewport == PHONE and selector == ".jct-tl":
        # the drawing keeps a readable size and scrolls sideways inside its own box
        text = graphic.locator("svg text").first
        assert text.evaluate("el => el.getBoundingClientRect().height") >= 12


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["/sager/2018-04-10-taskforce-foertidspension-fleksjob/", "/kommuner/ballerup/",
                                  "/kommuner/sorteret/sager/"])
def test_pages_with_timelines_and_tables_have_no_wcag_violations(new_page, path, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(path)
    count, report = axe_report(page)
    assert count == 0, f"{path} ({scheme}):\n{report}"


def test_the_map_is_coloured_by_the_chosen_measure_with_a_legend_in_words(page):
    page.goto("/")
    legend_entries, legend_overdue = page.locator(".jct-map__legend--e"), page.locator(".jct-map__legend--o")
    expect(legend_entries).to_be_visible()
    expect(legend_overdue).to_be_hidden()
    shape = page.locator('.jct-map__svg a[href="kommuner/koebenhavn/"]')
    fill = shape.evaluate("el => getComputedStyle(el).fill")
    page.get_by_role("radio", name="Overskredne frister").check()
    expect(legend_overdue).to_be_visible()
    expect(legend_entries).to_be_hidden()
    expect(legend_overdue).to_contain_text("Løfter over fristen")
    assert shape.evaluate("el => getComputedStyle(el).fill") != fill


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_the_home_pages_map_takes_its_place_without_moving_what_is_below(new_page, viewport):
    """The home page's map comes from a file of its own (on a phone once the reader scrolls to
    it); its place is about its height, so the status bar below it moves by a line at most."""
    page = new_page(viewport=viewport)
    page.goto("/", wait_until="domcontentloaded")
    below = page.locator(".jct-statusbar")
    before = below.evaluate("el => el.getBoundingClientRect().top + scrollY")
    page.evaluate("() => document.querySelector('[data-jct-map]')?.scrollIntoView()")
    expect(page.locator(".jct-map__svg a")).to_have_count(98)
    expect(page.locator("[data-jct-map]")).to_have_count(0)
    after = below.evaluate("el => el.getBoundingClientRect().top + scrollY")
    assert abs(after - before) <= 30, (before, after)


def test_on_a_wide_screen_the_map_is_drawn_at_its_set_width_not_the_columns(page):
    """36rem (jct.css), which Material's rule for every svg in a page once overrode: the drawing
    was 938 px wide and 1,086 px tall at 1280 px."""
    page.goto("/kommuner/")
    width = page.locator(".jct-map__svg").evaluate("el => el.getBoundingClientRect().width")
    rem = page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert width == pytest.approx(36 * rem, abs=1), (width, rem)


def test_without_javascript_or_the_map_file_the_home_page_says_where_the_map_is(new_page):
    still = new_page(java_script_enabled=False, viewport=PHONE)
    failed = new_page(viewport=PHONE)
    failed.route("**/forsidekort.html", lambda route: route.fulfill(status=404, body="Ikke fundet"))
    for page in (still, failed):
        page.goto("/")
        page.evaluate("() => document.querySelector('[data-jct-map]').scrollIntoView()")
        note = page.locator("[data-jct-map] p")
        expect(note).to_be_visible()
        expect(note).to_contain_text("Kortet og en liste over alle kommuner står også på siden Kommuner.")
        expect(note.get_by_role("link", name="Kommuner")).to_have_attribute("href", "kommuner/")
        assert page.locator("[data-jct-map]").evaluate("el => el.getBoundingClientRect().height") < 200


def test_the_table_sorts_in_place_and_by_pages_without_javascript(new_page):
    sizes = sorted(((len(entries), slug) for slug, entries in Corpus.load(REPO / "cases").by_kommune.items()),
                   reverse=True)
    assert sizes[0][0] > sizes[1][0], "the test needs one kommune with the most entries"
    most = kommuner()[sizes[0][1]].name
    page = new_page()
    page.goto("/kommuner/")
    heading = page.locator(".jct-compare thead a", has_text="Sager")
    heading.click()
    expect(page).to_have_url(page.url)  # stayed on /kommuner/
    expect(page.locator(".jct-compare tbody tr").first.locator("th")).to_have_text(most)
    expect(page.locator(".jct-compare thead th").nth(1)).to_have_attribute("aria-sort", "descending")
    expect(page.locator("[data-jct-sort-status]")).to_have_text("Sorteret efter sager")

    still = new_page(java_script_enabled=False)
    still.goto("/kommuner/")
    still.locator(".jct-compare thead a", has_text="Sager").first.click()
    expect(still).to_have_url(still.url.split("/kommuner/")[0] + "/kommuner/sorteret/sager/")
    expect(still.locator(".jct-compare tbody tr").first.locator("th")).to_have_text(most)
