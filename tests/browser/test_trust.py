"""The ways in without GitHub, in Chromium: a site built with a contact set (the e-mail routes
beside every GitHub form) passes axe in both colour schemes, and a reader follows "Følg med" to
a feed and a calendar. Screenshots of the new pages and blocks at 1280 and 375 px, light and dark,
go to SCREENSHOTS for a person to look at."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from jobcentertjek.bench.localserver import serve

from .conftest import page_opener
from .helpers import DESKTOP, PHONE, SCHEMES, axe_report
from .test_graphics import SCREENSHOTS

pytestmark = pytest.mark.browser

# (name, path on the site with a contact, the part to photograph)
PARTS = [
    ("om", "/om/", ".jct-about"),
    ("bidrag", "/bidrag/", ".jct-bidrag"),
    ("ret-sagen", "/sager/2018-05-01-handleplan/", ".jct-contribute"),
    ("vurdering", "/sager/2018-05-01-handleplan/", ".jct-promise"),
    ("kender-du-en-sag", "/kommuner/koebenhavn/", ".jct-contribute"),
]


@pytest.fixture(scope="module")
def contact_url(contact_site):
    with serve(contact_site) as url:
        yield url


@pytest.fixture
def contact_page(browser, contact_url):
    """Open a page of the site with a contact set, as ``new_page`` does for the real site."""
    yield from page_opener(browser, contact_url)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["/om/", "/bidrag/", "/sager/2018-05-01-handleplan/", "/sager/2018-04-10-rapport/",
                                  "/kommuner/koebenhavn/"])
def test_pages_with_mail_routes_have_no_wcag_violations(contact_page, path, scheme):
    page = contact_page(color_scheme=scheme)
    page.goto(path)
    expect(page.locator('a[href^="mailto:"]').first).to_be_attached()
    count, report = axe_report(page)
    assert count == 0, f"{path} ({scheme}):\n{report}"


def test_each_mail_button_is_named_and_described_for_a_screen_reader(contact_page):
    page = contact_page()
    page.goto("/sager/2018-05-01-handleplan/")
    for name in ("Send en opfølgning på e-mail", "Meld en fejl på e-mail"):
        button = page.get_by_role("link", name=name, exact=True)
        expect(button).to_have_attribute("href", re.compile(r"^mailto:redaktion@example\.org\?subject="))
        expect(button).to_have_accessible_description("Uden GitHub, på e-mail til redaktion@example.org:")
    for name in ("Tilføj en opfølgning", "Ret denne sag", "Meld en fejl"):
        expect(page.get_by_role("link", name=name, exact=True)).to_have_accessible_description(
            "Med GitHub (kræver en gratis konto):")


def test_a_reader_follows_favrskov_to_its_feed_and_learns_why_there_is_no_calendar(page):
    page.goto("/kommuner/favrskov/")
    page.get_by_role("link", name="Følg med i Favrskov").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Følg med i Favrskov")
    feed = page.locator('a[type="application/rss+xml"]')
    expect(feed).to_have_text(re.compile(r"^https://.*/kommuner/favrskov/feed\.xml$"))
    response = page.request.get(feed.evaluate("a => a.href"))
    assert response.status == 200 and b"<rss" in response.body()
    expect(page.get_by_text("Ingen frister at følge endnu.")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
@pytest.mark.parametrize("name, path, selector", PARTS, ids=[p[0] for p in PARTS])
def test_screenshot_of_each_new_part(contact_page, name, path, selector, viewport, scheme):
    page = contact_page(viewport=viewport, color_scheme=scheme)
    page.goto(path)
    part = page.locator(selector).first
    expect(part).to_be_visible()
    box = part.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], f"{name} leaves the screen"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    part.screenshot(path=SCREENSHOTS / f"{name}-{viewport['width']}-{scheme}.png")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
@pytest.mark.parametrize("name, path", [("foelg-favrskov", "/kommuner/favrskov/foelg/"),
                                        ("foelg-koebenhavn", "/kommuner/koebenhavn/foelg/"), ("hjaelp", "/hjaelp/")])
def test_screenshot_of_each_new_page(new_page, name, path, viewport, scheme):
    page = new_page(viewport=viewport, color_scheme=scheme)
    page.goto(path)
    content = page.locator(".jct-page")
    expect(content).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    content.screenshot(path=SCREENSHOTS / f"{name}-{viewport['width']}-{scheme}.png")
