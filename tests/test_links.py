"""A crawler over the built real site: every internal link and every #anchor resolves.

Every HTML file in site/ is parsed; each ``a href``, ``link href``, ``script src``, ``img src``
and ``source src`` that stays on the site must name a file that was built, and each
``#fragment`` an element id on the target page. The absolute links in the sitemap, the feeds
and the open data, which point at the published address, must resolve the same way.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from conftest import REPO

LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "area": "href"}
SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
BASE_PATH = urlsplit(SITE_URL).path  # "/jobcentertjek/": 404.html links from the site root


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.ids.add(attrs[name])
        if attrs.get(LINKING.get(tag, "")):
            self.links.append(attrs[LINKING[tag]])


@cache
def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_url(site: Path, page: Path) -> str:
    """The URL path a page is served at, e.g. ``/jobcentertjek/sager/x/``."""
    rel = page.relative_to(site).as_posix()
    return BASE_PATH + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def resolve(site: Path, url_path: str) -> Path | None:
    """The built file a URL path on the site is served from, or None."""
    if not url_path.startswith(BASE_PATH):
        return None
    rel = unquote(url_path[len(BASE_PATH):])
    target = site.joinpath(*PurePosixPath(rel).parts) if rel else site
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def check_link(site: Path, base: str, link: str) -> str | None:
    """What is wrong with one link from the page at ``base``, or None."""
    parts = urlsplit(urljoin(base, link))
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None  # mailto: and the like leave the site
    if parts.netloc and not (SITE_URL.startswith(f"{parts.scheme}://{parts.netloc}/")):
        return None  # another site
    target = resolve(site, parts.path)
    if target is None:
        return f"{link!r}: no such file"
    if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parse(target).ids:
        return f"{link!r}: no element with id {parts.fragment!r} in {target.relative_to(site)}"
    return None


def test_the_crawl_covers_the_whole_site(built_site):
    pages = html_pages(built_site)
    assert len(pages) > 100  # the 98 kommune pages alone
    assert (built_site / "404.html") in pages
    assert sum(len(parse(p).links) for p in pages) > 3000
    assert sum("#" in link for p in pages for link in parse(p).links) > 50  # anchors are checked too


def test_every_internal_link_and_anchor_in_every_page_resolves(built_site):
    broken = []
    for page in html_pages(built_site):
        base = page_url(built_site, page)
        for link in parse(page).links:
            if problem := check_link(built_site, base, link):
                broken.append(f"{page.relative_to(built_site)}: {problem}")
    assert broken == []


def _published_links(site: Path):
    """Absolute links in the sitemap, the feeds and the open data (the published address)."""
    for name in ["sitemap.xml", *[p.relative_to(site).as_posix() for p in site.rglob("feed.xml")]]:
        for element in ET.parse(site / name).iter():
            if element.tag in ("loc", "link", "guid", "{http://www.w3.org/2005/Atom}link") or element.tag.endswith("}link"):
                for value in (element.text, element.get("href")):
                    if value and value.strip().startswith(SITE_URL):
                        yield name, value.strip()
    for path in site.rglob("*.json"):
        for value in re.findall(r'"(https?://[^"]+)"', path.read_text(encoding="utf-8")):
            if value.startswith(SITE_URL):
                yield path.relative_to(site).as_posix(), value


def test_links_to_the_published_site_in_sitemap_feeds_and_data_resolve(built_site):
    links = list(_published_links(built_site))
    assert len(links) > 30
    broken = [f"{name}: {problem}" for name, link in links if (problem := check_link(built_site, SITE_URL, link))]
    assert broken == []


@pytest.mark.parametrize("link, wrong", [
    ("../nowhere/", "no such file"),
    ("#no-such-anchor", "no element with id"),
    ("../../sager/not-an-entry/", "no such file"),
])
def test_the_crawler_catches_broken_links(built_site, link, wrong):
    entry = next((built_site / "sager").glob("*/index.html"))
    assert wrong in check_link(built_site, page_url(built_site, entry), link)
