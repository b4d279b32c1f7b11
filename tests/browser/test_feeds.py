"""The RSS links a reader or a feed reader finds on the home and kommune pages lead to feeds."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import feedparser
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FEED_TYPE = "application/rss+xml"


def feeds_in_head(page) -> list[str]:
    """Absolute URLs of the <link rel=alternate> feeds, which feed readers find."""
    return page.locator(f'link[rel="alternate"][type="{FEED_TYPE}"]').evaluate_all("links => links.map(l => l.href)")


def followed_feeds(page) -> list[str]:
    """Absolute URLs of the feeds a reader reaches by the visible "Følg med" link: it opens a page
    in Danish that gives each feed's address to copy (the page navigates there)."""
    follow = page.locator(".jct-subscribe").get_by_role("link", name=re.compile(r"^Følg med"))
    expect(follow).to_be_visible()
    follow.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Følg med i "))
    addresses = page.locator(f'a[type="{FEED_TYPE}"]')
    shown = [link.evaluate("a => a.href") for link in addresses.all() if link.is_visible()]
    for href, text in zip(shown, addresses.all_inner_texts(), strict=True):  # the text is the published address
        assert text.startswith("https://") and text.endswith(urlsplit(href).path), (text, href)
    return shown


def assert_loads_as_rss(page, url: str) -> feedparser.FeedParserDict:
    response = page.request.get(url)
    assert response.status == 200, f"{url}: HTTP {response.status}"
    feed = feedparser.parse(response.body())
    assert not feed.bozo, f"{url} is not well-formed: {feed.bozo_exception}"
    assert feed.version.startswith("rss"), f"{url} is {feed.version or 'not a feed'}"
    assert feed.feed.get("title"), f"{url} has no title"
    return feed


@pytest.mark.parametrize("path", ["/", "/kommuner/koebenhavn/"])
def test_advertised_feeds_load(page, path):
    page.goto(path)
    in_head = feeds_in_head(page)
    assert in_head, f"{path} advertises no feed to feed readers"
    shown = followed_feeds(page)
    assert shown, f'{path} shows no "Følg med" link that leads to a feed'
    for url in sorted(set(in_head + shown)):
        assert_loads_as_rss(page, url)


def test_kommune_page_advertises_its_own_feed(page):
    page.goto("/")
    site_wide = set(feeds_in_head(page))
    page.goto("/kommuner/koebenhavn/")
    own = [url for url in feeds_in_head(page) if url not in site_wide]
    assert own, "the kommune page advertises only the site-wide feed"
    feed = assert_loads_as_rss(page, own[0])
    # The kommune's feed carries exactly the entries of its timeline.
    timeline = page.locator("[data-jct-timeline] .jct-card__title").all_inner_texts()
    assert sorted(e.title for e in feed.entries) == sorted(timeline)
    assert followed_feeds(page) == own  # and its "Følg med" page gives that feed
