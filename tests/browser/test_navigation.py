"""A reader clicks from the home page to a kommune, an entry and the promise tracker, with and
without JavaScript; the promise filters change which rows show."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from jobcentertjek.entries.model import STATE_LABELS, TIMELINESS_LABELS, UNCHECKED_LABEL
from jobcentertjek.site.urls import REPEATED_LABEL

pytestmark = pytest.mark.browser

ROWS = ".jct-promises tbody tr[data-status]"
FILTER_LINK = re.compile(r"^(?P<label>.+) \((?P<count>\d+)\)$")


def click_home_to_promises(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", level=1, name="Jobcentertjek")).to_be_visible()
    page.get_by_role("link", name="Find din kommune").click()
    expect(page).to_have_url(re.compile(r"/kommuner/$"))
    page.locator("article .jct-kommuner").get_by_role("link", name="København", exact=True).click()  # the list, not the map or table
    expect(page).to_have_url(re.compile(r"/kommuner/koebenhavn/$"))
    expect(page.get_by_role("heading", level=1, name="København")).to_be_visible()

    first_card = page.locator("[data-jct-timeline] .jct-card").first
    expect(first_card).to_be_visible()
    title = first_card.get_by_role("heading").inner_text()
    first_card.get_by_role("heading").get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/sager/[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("heading", level=2, name="Kilder")).to_be_visible()

    page.locator(".md-nav--primary").get_by_role("link", name="Løfter", exact=True).click()
    expect(page).to_have_url(re.compile(r"/loefter/$"))
    expect(page.locator(ROWS).first).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_reader_clicks_from_home_to_promise_tracker(new_page, javascript):
    page = new_page(java_script_enabled=javascript)
    click_home_to_promises(page)
    # Controls that need JavaScript appear only when it runs; nothing dead is shown without it.
    form = page.locator("form[data-jct-filter]")
    expect(form).to_be_visible() if javascript else expect(form).to_be_hidden()


def test_timeline_is_complete_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/kommuner/koebenhavn/")
    cards = page.locator("[data-jct-timeline] .jct-card")
    assert cards.count() >= 2
    for card in cards.all():
        expect(card).to_be_visible()
        expect(card.locator(".jct-card__title a")).to_have_attribute("href", re.compile(r"sager/"))
    expect(page.locator(".jct-order")).to_be_hidden()  # the reorder button needs JavaScript


def test_status_filter_pages_work_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/loefter/")
    links = page.get_by_role("navigation", name="Vis løfter efter status").get_by_role("link")
    filters = [(link.inner_text(), link.get_attribute("href")) for link in links.all()]
    # "Alle", every state, kept on time and late, due a check, criticised again
    assert len(filters) == len(STATE_LABELS) + len(TIMELINESS_LABELS) + 3
    total = page.locator(ROWS).count()
    assert total > 0
    for text, href in filters[1:]:
        label, count = FILTER_LINK.match(text).group("label", "count")
        page.goto(f"/loefter/{href}")
        if label == UNCHECKED_LABEL:  # the queue: a page of its own, each promise with the two forms
            expect(page.get_by_role("heading", level=1)).to_have_text("Løfter, der skal efterprøves")
            expect(page.locator(".jct-due > li")).to_have_count(int(count))
            continue
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Løfter: {label}")
        rows = page.locator(ROWS)
        expect(rows).to_have_count(int(count))
        if label == REPEATED_LABEL:  # the row's "Kritik igen" cell says how many times
            for row in rows.all():
                expect(row.locator(".jct-again-mark")).to_have_text(re.compile(r"^\d+ gange?$"))
            continue
        if label in TIMELINESS_LABELS.values():  # kept or partly kept, and how that stands to the deadline
            timing = "til tiden" if label == TIMELINESS_LABELS["on-time"] else re.compile(r"for sent$|efter fristen$")
            for row in rows.all():
                expect(row.locator(".jct-timing")).to_have_text(timing)
            continue
        for row in rows.all():  # each row says its one state in words
            expect(row.locator(".jct-status")).to_have_count(1)
            expect(row.locator(".jct-status")).to_contain_text(label)
    # Some status must actually narrow the list, or the filters prove nothing.
    counts = [int(FILTER_LINK.match(text).group("count")) for text, _ in filters[1:]]
    assert any(0 < n < total for n in counts)


def visible_rows(page: Page) -> list[dict]:
    return page.locator(f"{ROWS}:visible").evaluate_all("rows => rows.map(r => ({...r.dataset}))")


def test_promise_filter_form_changes_visible_rows(page):
    page.goto("/loefter/")
    form = page.locator("form[data-jct-filter]")
    status, kommune = form.locator("select[name=status]"), form.locator("select[name=kommune]")
    total = page.locator(ROWS).count()
    expect(form.locator("output")).to_have_text(f"{total} af {total} løfter vises")

    statuses = [v for v in status.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    narrowed = False
    for value in statuses:
        status.select_option(value)
        rows = visible_rows(page)
        if value in ("on-time", "late"):
            assert all(r["timeliness"] == value for r in rows)
        elif value == "unchecked":
            assert all(r["unchecked"] == "ja" for r in rows)  # the record may have none once every promise is checked
        elif value == "repeated":
            assert all(r.get("repeated") == "ja" for r in rows)
        else:
            assert all(r["status"] == value for r in rows)
        expect(form.locator("output")).to_have_text(f"{len(rows)} af {total} løfter vises")
        narrowed |= 0 < len(rows) < total
    assert narrowed, "no status filter changed the visible rows"

    status.select_option("")
    places = [v for v in kommune.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    assert len(places) >= 2
    kommune.select_option(places[0])
    rows = visible_rows(page)
    assert rows and all(r["kommune"] == places[0] for r in rows)
    assert len(rows) < total
    kommune.select_option("")
    assert len(visible_rows(page)) == total
