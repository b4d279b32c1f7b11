"""Long lists at national scale: older years move to pages of their own, and nothing is lost.

The synthetic national record (the ``national_site`` fixture) is long enough that København,
every topic and the promise tracker are split by year.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from test_links import check_link, html_pages, page_url, parse

from jobcentertjek.entries.reference import tags
from jobcentertjek.site.pages import KOMMUNE_PAGE_ENTRIES, PROMISE_PAGE_ROWS, TAG_PAGE_ENTRIES
from jobcentertjek.site.urls import tag_url

CARD_LINK = re.compile(r'class="jct-card__title"><a href="(?:\.\./)+sager/([^/"]+)/"')
PROMISE_LINK = re.compile(r'<td[^>]*><a href="(?:\.\./)+sager/([^/"]+)/#loefte-([^"]+)"')
YEAR_LINK = re.compile(r'<a href="(\d{4})/"')


def pages_of(main: Path) -> tuple[str, list[str]]:
    """A list's first page, and its older years' pages in the order the first page links them."""
    html = main.read_text("utf-8")
    years = YEAR_LINK.findall(html.split('class="jct-years"')[-1]) if 'class="jct-years"' in html else []
    return html, [(main.parent / year / "index.html").read_text("utf-8") for year in years]


def test_every_entry_of_a_kommune_is_on_exactly_one_of_its_pages(national_site):
    site, corpus = national_site
    split = []
    for slug, entries in corpus.by_kommune.items():
        first, older = pages_of(site / "kommuner" / slug / "index.html")
        shown = Counter(CARD_LINK.findall(first) + [i for page in older for i in CARD_LINK.findall(page)])
        assert shown == Counter(item.id for item in entries), slug
        if older:
            split.append(slug)
            assert len(CARD_LINK.findall(first)) >= KOMMUNE_PAGE_ENTRIES
            assert len(older) == len(list((site / "kommuner" / slug).glob("[0-9]*/index.html")))
    assert "koebenhavn" in split


def test_an_older_year_holds_that_years_entries_promises_and_response_times(national_site):
    site, corpus = national_site
    years = sorted((site / "kommuner" / "koebenhavn").glob("[0-9]*/index.html"))
    page = years[0].read_text("utf-8")
    year = int(years[0].parent.name)
    ids = set(CARD_LINK.findall(page))
    assert ids == {e.id for e in corpus.by_kommune["koebenhavn"] if e.entry.date.year == year}
    plans = {plan for plan, _ in PROMISE_LINK.findall(page)}
    assert plans == {p.plan.id for p in corpus.promises_of(kommune="koebenhavn") if p.plan.entry.date.year == year}
    assert f"<h1>København: {year}</h1>" in page and 'href="../">siden om København</a>' in page


def test_the_kommune_page_keeps_every_overdue_promise(national_site):
    site, corpus = national_site
    first = (site / "kommuner" / "koebenhavn" / "index.html").read_text("utf-8")
    shown = set(PROMISE_LINK.findall(first))
    overdue = {(p.plan.id, p.promise.id) for p in corpus.promises_of(kommune="koebenhavn") if p.is_overdue}
    assert overdue and overdue <= shown


def test_every_topic_lists_each_of_its_entries_once(national_site):
    site, corpus = national_site
    split = 0
    for tag in tags().values():
        first, older = pages_of(site / tag_url(tag.name) / "index.html")
        shown = Counter(CARD_LINK.findall(first) + [i for page in older for i in CARD_LINK.findall(page)])
        assert shown == Counter(item.id for item in corpus.by_tag[tag.name]), tag.name
        split += bool(older)
        assert not older or len(CARD_LINK.findall(first)) >= TAG_PAGE_ENTRIES
    assert split >= 5


@pytest.mark.parametrize("status_page", ["", "frist-overskredet/"])
def test_the_promise_tracker_lists_each_promise_once(national_site, status_page):
    site, corpus = national_site
    first, older = pages_of(site / "loefter" / status_page / "index.html")
    shown = Counter(PROMISE_LINK.findall(first) + [p for page in older for p in PROMISE_LINK.findall(page)])
    wanted = [p for p in corpus.promises if status_page == "" or p.is_overdue]
    assert shown == Counter((p.plan.id, p.promise.id) for p in wanted)
    assert older and len(PROMISE_LINK.findall(first)) >= PROMISE_PAGE_ROWS


def test_every_link_between_the_pages_resolves(national_site):
    site, _ = national_site
    pages = [p for p in html_pages(site) if re.search(r"/\d{4}/index\.html$", p.as_posix())
             or p.parent.parent.name in ("kommuner", "emner") or p.parent.name == "loefter"]
    assert len(pages) > 200
    broken = [f"{page.relative_to(site)}: {problem}" for page in pages for link in parse(page).links
              if (problem := check_link(site, page_url(site, page), link))]
    assert broken == []
