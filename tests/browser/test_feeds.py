"""The RSS links a reader or a feed reader finds on the home and kommune pages lead to feeds."""

from __future__ import annotations

import feedparser
import pytest

pytestmark = pytest.mark.browser

FEED_TYPE = "application/rss+xml"


def advertised_feeds(page) -> tuple[list[str], list[str]]:
    """Absolute URLs of the <link rel=alternate> feeds and of the visible "Abonnér (RSS)" links."""
    in_head = page.locator(f'link[rel="alternate"][type="{FEED_TYPE}"]').evaluate_all(
        "links => links.map(l => l.href)"
    )
    visible = page.get_by_role("link", name="Abonnér (RSS)")
    shown = [link.evaluate("a => a.href") for link in visible.all() if link.is_visible()]
    return in_head, shown


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
    in_head, shown = advertised_feeds(page)
    assert in_head, f"{path} advertises no feed to feed readers"
    assert shown, f'{path} shows no "Abonnér (RSS)" link'
    for url in sorted(set(in_head + shown)):
        assert_loads_as_rss(page, url)


def test_kommune_page_advertises_its_own_feed(page):
    page.goto("/")
    site_wide = set(advertised_feeds(page)[0])
    page.goto("/kommuner/koebenhavn/")
    own = [url for url in advertised_feeds(page)[0] if url not in site_wide]
    assert own, "the kommune page advertises only the site-wide feed"
    feed = assert_loads_as_rss(page, own[0])
    # The kommune's feed carries exactly the entries of its timeline (whose titles have soft
    # hyphens in their long words, which show only where a line breaks).
    timeline = [t.replace("\u00ad", "") for t in page.locator("[data-jct-timeline] .jct-card__title").all_inner_texts()]
    assert sorted(e.title for e in feed.entries) == sorted(timeline)
