"""On a 375×812 phone screen nothing overflows sideways and the timeline stays readable."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import PAGE_TYPES, PHONE

pytestmark = pytest.mark.browser

MIN_FONT_PX = 12


@pytest.fixture
def phone(new_page):
    return new_page(viewport=PHONE, is_mobile=True, has_touch=True)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_nothing_overflows_horizontally(phone, page_paths, page_type):
    phone.goto(page_paths[page_type])
    width = phone.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"{page_paths[page_type]} is {width}px wide on a 375px screen"


def font_px(locator) -> float:
    return locator.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")


def test_timeline_is_readable_on_a_phone(phone, page_paths):
    phone.goto(page_paths["timeline"])
    cards = phone.locator("[data-jct-timeline] .jct-card")
    assert cards.count() >= 2
    for card in cards.all():
        for part in (".jct-card__title", ".jct-card__meta", ".jct-card__summary"):
            element = card.locator(part)
            expect(element).to_be_visible()
            assert font_px(element) >= MIN_FONT_PX, f"{part} is too small to read"
            box = element.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"{part} leaves the screen"
        # The text column keeps most of the screen, rather than being squeezed by indents.
        assert card.locator(".jct-card__summary").bounding_box()["width"] >= 0.8 * PHONE["width"]


def test_promise_table_keeps_words_whole_on_a_phone(phone, page_paths):
    # A data table may scroll sideways inside its wrapper (WCAG 1.4.10), but must not break
    # "København" or "juni 2018" into unreadable pieces to fit 375px.
    phone.goto(page_paths["promises"])
    cells = phone.locator(".jct-promises tbody td:nth-child(2) a, .jct-promises tbody time")
    assert cells.count() > 0
    for cell in cells.all():
        text = cell.inner_text()
        lines = cell.evaluate("el => { const r = document.createRange(); r.selectNodeContents(el);"
                              " return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }")
        assert lines == 1 or " " in text, f"{text!r} is broken across {lines} lines"
    first_column = phone.locator(".jct-promises tbody td:first-child").first
    assert first_column.bounding_box()["width"] >= 150, "the promise text is squeezed into a sliver"
