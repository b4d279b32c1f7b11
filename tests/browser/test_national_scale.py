"""The pages only a long record has, in Chromium: older years' pages and shortened lists.

The synthetic national record (the ``national_site`` fixture) has pages for older years and
entry pages whose thread and promise histories are shortened. They get the same WCAG checks
as the real site's pages, and a reader must be able to walk a shortened list by keyboard.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from jobcentertjek.bench.localserver import serve

from .helpers import DESKTOP, SCHEMES, axe_report

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def national_url(national_site):
    site, _ = national_site
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def shortened_entry(national_site) -> str:
    """The entry page with the most runs left out of its thread and histories."""
    site, _ = national_site
    pages = sorted(site.glob("sager/*/index.html"))
    best = max(pages, key=lambda p: p.read_text("utf-8").count('class="jct-gap"'))
    html = best.read_text("utf-8")
    assert '<ol class="jct-thread"' in html and html.count('class="jct-gap"') >= 2
    return f"/sager/{best.parent.name}/"


def national_paths(national_site, shortened_entry) -> dict[str, str]:
    site, _ = national_site
    year = sorted((site / "kommuner" / "koebenhavn").glob("[0-9]*/"))[0].name
    tag_year = sorted((site / "emner" / "fleksjob").glob("[0-9]*/"))[0].name
    promise_year = sorted((site / "loefter").glob("[0-9]*/"))[0].name
    return {"long kommune": "/kommuner/koebenhavn/", "kommune year": f"/kommuner/koebenhavn/{year}/",
            "tag year": f"/emner/fleksjob/{tag_year}/", "promise year": f"/loefter/{promise_year}/",
            "shortened entry": shortened_entry, **repeat_paths(national_site)}


def repeat_paths(national_site) -> dict[str, str]:
    """The pages of criticism that came back: the national list, a report that repeats two
    promises if there is one, the plan it repeats, and the tracker's filter."""
    _, corpus = national_site
    report_id = max(corpus.recurrences_by_report, key=lambda rid: len(corpus.recurrences_by_report[rid]))
    plan_id = corpus.recurrences_by_report[report_id][0].promise.plan.id
    return {"repeats": "/gentaget/", "repeating report": f"/sager/{report_id}/", "repeated plan": f"/sager/{plan_id}/",
            "repeated filter": "/loefter/kritikken-kom-igen/"}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_pages_of_a_long_record_have_no_wcag_violations(browser, national_url, national_site, shortened_entry,
                                                        scheme):
    context = browser.new_context(base_url=national_url, viewport=DESKTOP, color_scheme=scheme)
    try:
        page = context.new_page()
        for name, path in national_paths(national_site, shortened_entry).items():
            page.goto(path)
            count, report = axe_report(page)
            assert count == 0, f"{name} {path} ({scheme}):\n{report}"
    finally:
        context.close()


def test_a_reader_walks_from_a_kommune_to_an_older_year_and_through_a_left_out_run(browser, national_url,
                                                                                   shortened_entry):
    context = browser.new_context(base_url=national_url, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto("/kommuner/koebenhavn/")
        years = page.get_by_role("navigation", name="Ældre år").get_by_role("link")
        first_year = years.first.inner_text()
        years.first.focus()
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", level=1)).to_have_text(f"København: {first_year}")
        page.goto(shortened_entry)
        gap = page.locator(".jct-thread .jct-gap a, .jct-history .jct-gap a").first
        target = gap.get_attribute("href")
        gap.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{target.strip('./')}/")
        expect(page.locator('.jct-thread [aria-current="page"]')).to_have_count(1)
    finally:
        context.close()


def focus_by_tab(page, locator, limit: int = 400) -> None:
    """Press Tab until ``locator`` has the focus, as a keyboard user would reach it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{locator} cannot be reached with Tab")


def test_a_reader_follows_repeated_criticism_to_the_promise_by_keyboard(browser, national_url):
    context = browser.new_context(base_url=national_url, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto("/gentaget/")
        report = page.locator(".jct-repeat-group .jct-card__title a").first
        title = report.inner_text()
        focus_by_tab(page, report)
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        report_url = page.url
        expect(page.get_by_role("heading", level=2, name="Dette er lovet før")).to_be_visible()
        promise = page.locator(".jct-before__list > li > a").first
        anchor = promise.get_attribute("href").split("#")[1]
        focus_by_tab(page, promise)
        page.keyboard.press("Enter")
        page.wait_for_url(f"**#{anchor}")
        again = page.locator(f"#{anchor} .jct-again")
        expect(again).to_contain_text("Kritikken kom igen: ")
        report_path = report_url.split("/sager/")[1]
        expect(again.locator(f'a[href$="{report_path}"]')).to_have_count(1)
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/loefter/", "/kommuner/koebenhavn/"])
def test_the_repeated_filter_works_by_keyboard(browser, national_url, path):
    context = browser.new_context(base_url=national_url, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(path)
        rows = page.locator(".jct-promises tbody tr[data-status]")
        marked = page.locator('.jct-promises tbody tr[data-repeated="ja"]').count()
        assert 0 < marked < rows.count()
        status = page.locator("form[data-jct-filter] select[name=status]")
        focus_by_tab(page, status)
        page.keyboard.press("End")  # the last choice: "Kritikken kom igen"
        expect(status).to_have_value("repeated")
        expect(page.locator(".jct-promises tbody tr[data-status]:visible")).to_have_count(marked)
        expect(page.locator('.jct-promises tbody tr[data-status]:not([data-repeated="ja"]):visible')).to_have_count(0)
        expect(page.locator("form[data-jct-filter] output")).to_have_text(f"{marked} af {rows.count()} løfter vises")
    finally:
        context.close()
