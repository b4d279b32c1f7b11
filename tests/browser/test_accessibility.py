"""WCAG 2.1 AA as axe-core measures it, in both colour schemes, plus what axe cannot judge:
status colours always come with a text label, and the timeline reads as headings, lists and
machine-readable dates to a screen reader."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from jobcentertjek.entries.model import OVERDUE_DETAILS, OVERDUE_LABEL, STATE_LABELS, STATUS_LABELS, TYPE_LABELS

from .helpers import (
    DESKTOP,
    PAGE_TYPES,
    PHONE,
    SCHEMES,
    axe_report,
    search,
    search_results,
)

pytestmark = pytest.mark.browser

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")  # entries may be dated to the day, month or year


def open_in_scheme(new_page, scheme: str, path: str):
    page = new_page(color_scheme=scheme)
    page.goto(path)
    # Material's palette follows prefers-color-scheme until the reader toggles it.
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
    return page


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_has_no_wcag_violations(new_page, page_paths, page_type, scheme):
    page = open_in_scheme(new_page, scheme, page_paths[page_type])
    count, report = axe_report(page)
    assert count == 0, f"{page_paths[page_type]} ({scheme}):\n{report}"


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_open_search_with_results_and_filters_has_no_wcag_violations(new_page, scheme, width):
    page = new_page(color_scheme=scheme, viewport=width)
    page.goto("/")
    search(page, "fleksjob")
    expect(search_results(page, "fleksjob").first).to_be_visible()
    page.locator(".jct-search__filters summary").click()
    expect(page.locator('select[data-filter="kommune"] option').nth(1)).to_be_attached()
    page.locator(".jct-search__results .jct-result__link").first.hover()  # a result as the pointer shows it
    count, report = axe_report(page)
    assert count == 0, f"search results ({scheme}, {width['width']} px):\n{report}"


@pytest.mark.parametrize("page_type", ["timeline", "entry", "promises"])
def test_status_and_type_colours_carry_a_text_label(page, page_paths, page_type):
    page.goto(page_paths[page_type])
    overdue = {f"{OVERDUE_LABEL} – {detail}" for detail in OVERDUE_DETAILS.values()}  # one state, what is known
    labels = set(STATUS_LABELS.values()) | set(STATE_LABELS.values()) | overdue | set(TYPE_LABELS.values())
    badges = page.locator(".jct-status, .jct-badge")
    assert badges.count() > 0
    for text in badges.all_inner_texts():
        assert text.strip() in labels, f"badge {text!r} is not a readable label"
    # The status bar's legend names each colour; the bar itself is hidden from screen readers.
    if page.locator(".jct-statusbar__bar").count():
        expect(page.locator(".jct-statusbar__bar").first).to_have_attribute("aria-hidden", "true")
        legend = page.locator(".jct-legend li").all_inner_texts()
        assert {text.split(":")[0] for text in legend} >= set(STATE_LABELS.values())


def test_timeline_reads_as_headings_lists_and_dates(page, page_paths):
    page.goto(page_paths["timeline"])
    timeline = page.locator("[data-jct-timeline]")
    expect(page.get_by_role("heading", level=2, name="Tidslinje")).to_be_visible()
    years = timeline.get_by_role("region")  # each year is a section named by its heading
    assert years.count() >= 2
    for i in range(years.count()):
        year = years.nth(i)
        heading = year.get_by_role("heading", level=3)
        expect(heading).to_have_text(re.compile(r"^\d{4}$"))
        expect(year).to_have_accessible_name(heading.inner_text())
        entries = year.get_by_role("list").first.locator(":scope > li")
        assert entries.count() >= 1
        for j in range(entries.count()):
            entry = entries.nth(j)
            expect(entry.get_by_role("article")).to_have_count(1)
            title = entry.get_by_role("heading", level=4)
            expect(title.get_by_role("link")).to_have_count(1)
            date = entry.locator(".jct-card__meta time")
            datetime = date.get_attribute("datetime")
            assert ISO_DATE.match(datetime), datetime
            assert datetime[:4] == heading.inner_text(), "an entry sits under the wrong year"


def test_timeline_order_button_reverses_entries(page, page_paths):
    page.goto(page_paths["timeline"])
    dates = page.locator("[data-jct-timeline] .jct-card__meta time")
    newest_first = [d.get_attribute("datetime") for d in dates.all()]
    # newest first by year (within a year an answer dated "april 2018" comes after, that is above,
    # the report of "10. april 2018" it answers: Corpus orders the entries in the order things happened)
    assert [d[:4] for d in newest_first] == sorted((d[:4] for d in newest_first), reverse=True)
    button = page.locator("[data-jct-reverse]")  # its name changes when pressed
    expect(button).to_have_accessible_name("Vis ældste først")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_have_text("Vis nyeste først")
    assert [d.get_attribute("datetime") for d in dates.all()] == newest_first[::-1]
