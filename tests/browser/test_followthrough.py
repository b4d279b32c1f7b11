"""Was it kept, and on time? The golden fixture's plan page, tracker and queue of promises due a
check, in Chromium at 1280 and 375 px, light and dark: each promise's one state and its lateness
are on screen, and the queue's forms are there. Screenshots go to test-screenshots/."""

from __future__ import annotations

import pytest
from conftest import REPO
from playwright.sync_api import expect

from jobcentertjek.bench.localserver import serve
from jobcentertjek.publish.build import build_site

from .conftest import page_opener
from .helpers import DESKTOP, PHONE
from .test_graphics import SCREENSHOTS
from .test_rankings_and_colours import contrast, rgb

pytestmark = pytest.mark.browser

PLAN = "/sager/2021-02-testhandleplan-for-ressourceforloeb-i-broendby/"
PAGES = [("loefte-plan", PLAN, ".jct-entry"), ("loefter", "/loefter/", ".jct-promises-page"),
         ("loefter-skal-efterproeves", "/loefter/skal-efterproeves/", ".jct-queue")]


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory):
    """The golden fixture (tests/golden/cases), built with the real mkdocs.yml and served."""
    site = tmp_path_factory.mktemp("followthrough") / "site"
    code, problems = build_site(REPO / "mkdocs.yml", site, REPO / "tests" / "golden" / "cases")
    assert code == 0, "\n".join(map(str, problems))
    with serve(site) as url:
        yield url


@pytest.fixture
def open_page(browser, fixture_url):
    yield from page_opener(browser, fixture_url)


def _inside(locator, width: int) -> None:
    box = locator.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, locator


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
@pytest.mark.parametrize("name, path, selector", PAGES, ids=[p[0] for p in PAGES])
def test_screenshot_of_the_follow_through(open_page, name, path, selector, viewport, scheme):
    page = open_page(viewport=viewport, color_scheme=scheme)
    page.goto(path)
    content = page.locator(selector)
    expect(content).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    content.screenshot(path=SCREENSHOTS / f"{name}-{viewport['width']}-{scheme}.png")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_the_plan_page_shows_each_state_with_its_lateness_on_screen(open_page, viewport):
    page = open_page(viewport=viewport)
    page.goto(PLAN)
    kept = page.locator("#loefte-moede-inden-marts")
    expect(kept.locator(".jct-status").first).to_have_text("Holdt")  # then its history's steps
    expect(kept.locator(".jct-timing")).to_have_text("5 måneder for sent")
    unverifiable = page.locator("#loefte-gennemgaa-forloeb")
    expect(unverifiable.locator(".jct-status").first).to_have_text("Kan ikke efterprøves")
    expect(unverifiable.locator(".jct-checks > li")).to_have_count(2)
    expect(unverifiable.locator(".jct-checks > li").first).to_contain_text("Efterprøvet 15. september 2023")
    for part in (kept.locator(".jct-timing"), unverifiable.locator(".jct-status").first):
        _inside(part, viewport["width"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_timelines_late_spans_are_drawn_and_their_words_readable(open_page, scheme):
    page = open_page(color_scheme=scheme)
    page.goto(PLAN)
    background = rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
    for kind, words in (("overdue", "dage over fristen"), ("kept-late", "Holdt 5 måneder for sent")):
        span, text = page.locator(f".jct-tl .tl-late--{kind}").first, page.locator(f".jct-tl .tl-late-text--{kind}").first
        expect(text).to_contain_text(words)
        stroke = span.evaluate("el => getComputedStyle(el).stroke")
        assert stroke != "none" and contrast(rgb(stroke), background) >= 3, (kind, stroke)  # a graphic's part
        fill = rgb(text.evaluate("el => getComputedStyle(el).fill"))
        assert contrast(fill, background) >= 4.5, (kind, fill, background)  # text


def test_the_queue_opens_both_forms_for_the_most_urgent_promise(open_page):
    page = open_page()
    page.goto("/loefter/skal-efterproeves/")
    first = page.locator(".jct-due > li").first
    expect(first).to_contain_text("Sagen bliver forelagt rehabiliteringsteamet")  # deadline passed longest ago
    expect(first.get_by_role("link", name="Jeg har fundet, hvad der skete")).to_have_attribute(
        "href", "https://github.com/jobcentertjek/jobcentertjek/issues/new?template=ny-sag.yml&kommune=Br%C3%B8ndby"
                "&update-plan=2020-12-testsvar-med-loefte-i-broendby&update-promises=afgoerelse-foer-jul")
    expect(first.get_by_role("link", name="Jeg har ledt og intet fundet")).to_have_attribute(
        "href", "https://github.com/jobcentertjek/jobcentertjek/issues/new?template=efterproevning.yml"
                "&plan=2020-12-testsvar-med-loefte-i-broendby&promise=afgoerelse-foer-jul")
    page.goto("/")
    page.get_by_role("link", name="Løfter, der skal efterprøves").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Løfter, der skal efterprøves")


def test_the_tracker_filters_promises_kept_late(open_page):
    page = open_page()
    page.goto("/loefter/")
    page.locator("select[name=status]").select_option("late")
    rows = page.locator("table.jct-promises tbody tr[data-status]:visible")
    expect(rows).to_have_count(1)
    expect(rows.first.locator(".jct-timing")).to_have_text("5 måneder for sent")

