"""RSS feeds: the real cases/ as a reader's feed reader sees them, and fixture corpora."""

from __future__ import annotations

import calendar
import datetime as dt
import posixpath
import re
from pathlib import Path

import feedparser
import pytest
import yaml
from conftest import REPO, build_fixture_site, write_cases
from helpers import dump, plan, promise, report, site_pages, update
from test_site import parse

from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.model import TYPE_LABELS
from jobcentertjek.entries.reference import kommuner
from jobcentertjek.outputs.feeds import feed_files

SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["site_url"]
CORPUS = Corpus.load(REPO / "cases")


def site_file(site: Path, url: str) -> Path:
    """The file in ``site`` that an absolute site URL points to (fragment dropped)."""
    assert url.startswith(SITE_URL), url
    path = url.removeprefix(SITE_URL).partition("#")[0]
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def linked_file(page: Path, href: str) -> Path:
    """The file a relative link on ``page`` (a directory-style index.html) points to."""
    target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), href.partition("#")[0])))
    return target / "index.html" if href.endswith("/") or target.is_dir() else target


def parsed(data: bytes) -> feedparser.FeedParserDict:
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


def published(item) -> dt.date:
    return dt.datetime.fromtimestamp(calendar.timegm(item.published_parsed), dt.timezone.utc).date()


def all_feeds(site: Path) -> list[Path]:
    return [site / "feed.xml", site / "loefter" / "feed.xml", *sorted((site / "kommuner").glob("*/feed.xml"))]


# --- the real cases/ -------------------------------------------------------------------------


def test_every_feed_parses_as_rss2_and_its_links_resolve(built_site):
    feeds = all_feeds(built_site)
    assert len(feeds) == 2 + len(CORPUS.by_kommune)
    for path in feeds:
        feed = parsed(path.read_bytes())
        assert feed.feed.language == "da"
        assert site_file(built_site, feed.feed.link).is_file(), feed.feed.link
        assert feed.entries, path
        for item in feed.entries:
            assert site_file(built_site, item.link).is_file(), (path, item.link)
            assert item.published_parsed, (path, item.id)


def test_site_feed_has_every_entry_newest_first_with_dates_and_categories(built_site):
    feed = parsed((built_site / "feed.xml").read_bytes())
    assert [item.id for item in feed.entries] == [e.id for e in CORPUS.entries]
    for item, entry in zip(feed.entries, CORPUS.entries):
        assert item.title == entry.entry.title
        assert item.link == f"{SITE_URL}sager/{entry.id}/"
        # "2014-05" is published 1 May 2014; an answer dated "2022" to a report of May 2022, 1 May 2022
        assert published(item) == CORPUS.in_time(entry).first_day
        assert published(item) == entry.entry.date.first_day or entry.entry.links()
        assert {t.term for t in item.tags} == {TYPE_LABELS[entry.entry.type], kommuner()[entry.entry.kommune].name}
        assert "<p>" in item.summary
    newest = max(e.entry.date.first_day for e in CORPUS.entries)
    build_date = feedparser.parse((built_site / "feed.xml").read_bytes()).feed.updated_parsed
    assert dt.date(*build_date[:3]) == newest


def _repeat_items(kommune: str | None = None) -> set[str]:
    """The feed items of reports that criticise a promise again, for one kommune or all."""
    return {f"{r.report.id}#kritikken-kom-igen" for r in CORPUS.recurrences
            if kommune is None or kommune in (r.report.entry.kommune, r.kommune)}


def _check_items() -> set[str]:
    """The feed items of dated searches for a promise's outcome (a plan's or a response's)."""
    return {f"{p.key}@efterproevet-{c.date}" for p in CORPUS.promises for c in p.promise.checks}


def _newest_first(feed) -> bool:
    dates = [item.published_parsed for item in feed.entries]
    return dates == sorted(dates, reverse=True)


def test_each_kommune_feed_has_exactly_its_entries(built_site):
    for slug, entries in CORPUS.by_kommune.items():
        feed = parsed((built_site / "kommuner" / slug / "feed.xml").read_bytes())
        items = [item.id for item in feed.entries]
        assert [i for i in items if "#" not in i] == [e.id for e in entries]
        assert {i for i in items if "#" in i} == _repeat_items(slug)
        assert _newest_first(feed)
        assert kommuner()[slug].name in feed.feed.title
        assert feed.feed.link == f"{SITE_URL}kommuner/{slug}/"
    without = [slug for slug in kommuner() if slug not in CORPUS.by_kommune]
    assert without and not any((built_site / "kommuner" / slug / "feed.xml").exists() for slug in without)


def test_promise_feed_has_plans_and_updates_with_status_changes(built_site):
    feed = parsed((built_site / "loefter" / "feed.xml").read_bytes())
    expected = [e.id for e in CORPUS.entries if e.entry.type in ("plan", "update") or getattr(e.entry, "promises", None)]
    items = [item.id for item in feed.entries]
    assert [i for i in items if "#" not in i] == expected
    extra = {i for i in items if "#" in i}
    checks = {i for i in extra if "@efterproevet-" in i}
    assert extra - checks == _repeat_items()  # the record may have none; test_repeats.py builds some
    assert checks == _check_items() != set()
    assert _newest_first(feed)
    update_item = next(i for i in feed.entries if i.id == "2018-06-19-udvalget-vedtager-handleplanen")
    assert "Holdt – til tiden (før: I gang)" in update_item.summary


def test_every_page_advertises_the_site_feed_and_kommune_pages_their_own(built_site):
    pages = site_pages(built_site)  # an old address only sends the reader on
    assert len(pages) > len(CORPUS.entries)
    for page in pages:
        feeds = [a for tag, a in parse(page).elements
                 if tag == "link" and a.get("rel") == "alternate" and a.get("type") == "application/rss+xml"]
        targets = [linked_file(page, a["href"]).resolve() for a in feeds]
        assert (built_site / "feed.xml").resolve() in targets, page
        assert all(t.is_file() for t in targets), page
        kommune = page.parent.name if page.parent.parent == built_site / "kommuner" else None
        own = (built_site / "kommuner" / str(kommune) / "feed.xml").resolve()
        assert (own in targets) == (kommune in CORPUS.by_kommune), page


@pytest.mark.parametrize("page, follow, feed", [
    ("index.html", "foelg/index.html", "feed.xml"),
    ("kommuner/koebenhavn/index.html", "kommuner/koebenhavn/foelg/index.html", "kommuner/koebenhavn/feed.xml"),
    ("loefter/index.html", "loefter/foelg/index.html", "loefter/feed.xml"),
    ("loefter/holdt/index.html", "loefter/foelg/index.html", "loefter/feed.xml"),
])
def test_visible_follow_links_lead_to_a_page_that_gives_the_feed(built_site, page, follow, feed):
    """"Følg med" leads a reader to a page in Danish, not to raw XML; that page links the feed and
    shows its whole address to copy into a feed reader."""
    path = built_site / page
    paragraph = re.search(r'<p class="jct-subscribe">(.*?)</p>', path.read_text("utf-8"), re.S)
    assert paragraph and "Følg med" in paragraph.group(1)
    links = re.findall(r'href="([^"]+)"', paragraph.group(1))
    assert (built_site / follow).resolve() in [linked_file(path, href).resolve() for href in links]
    assert not any(href.endswith(".xml") for href in links)
    follow_page = built_site / follow
    feed_links = [a for tag, a in parse(follow_page).elements if tag == "a" and a.get("type") == "application/rss+xml"]
    assert (built_site / feed).resolve() in [linked_file(follow_page, a["href"]).resolve() for a in feed_links]
    assert f"{SITE_URL}{feed}" in follow_page.read_text("utf-8")  # the address to copy, whole


# --- fixture corpora -------------------------------------------------------------------------

FIXTURE = {
    "koebenhavn/2018-04-10-rapport.yaml": dump(report(
        title="Kritik & mere",
        summary="Resumé med [et farligt link](javascript:alert(1)) og <script>alert(1)</script> **fed**.")),
    "koebenhavn/2018-04-rapport-maaned.yaml": dump(report(date="2018-04", title="Kun måneden kendt")),
    "koebenhavn/2018-rapport-aar.yaml": dump(report(date="2018", title="Kun året kendt")),
    "koebenhavn/2018-05-01-handleplan.yaml": dump(plan(promises=[promise(status="in-progress", sources=[
        {"title": "Kilde", "publisher": "Kommunen", "date": "2018-05-01"}])])),
    "koebenhavn/2018-12-06-opfoelgning.yaml": dump(update("2018-05-01-handleplan", [
        {"promise": "handleplan", "status": "kept"}])),
    "ballerup/2014-01-brev.yaml": dump(report(date="2014-01", kommune="ballerup", title="Et brev")),
}


def fixture_corpus(tmp_path: Path, files: dict[str, str] = FIXTURE, on: dt.date | None = None) -> Corpus:
    return Corpus.load(write_cases(tmp_path, files), on=on)


def test_partial_dates_get_their_first_day_and_sort_by_date_then_id(tmp_path):
    feed = parsed(feed_files(fixture_corpus(tmp_path), SITE_URL)["feed.xml"])
    assert [i.id for i in feed.entries] == ["2018-12-06-opfoelgning", "2018-05-01-handleplan", "2018-04-10-rapport",
                                            "2018-04-rapport-maaned", "2018-rapport-aar", "2014-01-brev"]
    dates = {i.id: published(i) for i in feed.entries}
    assert dates["2018-04-rapport-maaned"] == dt.date(2018, 4, 1)
    assert dates["2018-rapport-aar"] == dt.date(2018, 1, 1)
    assert dates["2014-01-brev"] == dt.date(2014, 1, 1)


def test_summary_html_is_sanitized_and_titles_keep_their_characters(tmp_path):
    feed = parsed(feed_files(fixture_corpus(tmp_path), SITE_URL)["feed.xml"])
    item = next(i for i in feed.entries if i.id == "2018-04-10-rapport")
    assert item.title == "Kritik & mere"
    raw = feed_files(fixture_corpus(tmp_path), SITE_URL)["feed.xml"].decode()
    assert "<strong>fed</strong>" in item.summary
    assert "javascript:" not in raw and "<script" not in raw and "&lt;script" not in raw


def test_feeds_are_byte_identical_whatever_the_day(tmp_path):
    first = feed_files(fixture_corpus(tmp_path / "a", on=dt.date(2019, 1, 1)), SITE_URL)
    second = feed_files(fixture_corpus(tmp_path / "b", on=dt.date(2030, 6, 15)), SITE_URL)
    assert first == second
    assert b"<lastBuildDate>Thu, 06 Dec 2018 12:00:00 +0000</lastBuildDate>" in first["feed.xml"]
    assert b"<lastBuildDate>Wed, 01 Jan 2014 12:00:00 +0000</lastBuildDate>" in first["kommuner/ballerup/feed.xml"]


def test_feeds_exist_only_for_kommuner_with_entries(tmp_path):
    files = feed_files(fixture_corpus(tmp_path), SITE_URL)
    assert sorted(files) == ["feed.xml", "kommuner/ballerup/feed.xml", "kommuner/koebenhavn/feed.xml",
                             "loefter/feed.xml"]
    assert [i.id for i in parsed(files["kommuner/ballerup/feed.xml"]).entries] == ["2014-01-brev"]


def test_promise_feed_describes_new_plans_and_status_changes(tmp_path):
    feed = parsed(feed_files(fixture_corpus(tmp_path), SITE_URL)["loefter/feed.xml"])
    assert [i.id for i in feed.entries] == ["2018-12-06-opfoelgning", "2018-05-01-handleplan"]
    change, new_plan = feed.entries
    assert change.title.startswith("Opfølgning, København")
    assert "Holdt – 6 måneder for sent (før: I gang)" in change.summary and "Frist: juni 2018" in change.summary
    assert new_plan.title.startswith("Ny handleplan, København")
    assert "Vi laver en handleplan." in new_plan.summary and "I gang" in new_plan.summary
    assert f'href="{SITE_URL}sager/2018-05-01-handleplan/#loefte-handleplan"' in change.summary


def test_an_empty_record_gives_a_valid_feed_without_a_date(tmp_path):
    files = feed_files(fixture_corpus(tmp_path, {}), SITE_URL)
    assert sorted(files) == ["feed.xml", "loefter/feed.xml"]
    feed = parsed(files["feed.xml"])
    assert feed.entries == [] and b"lastBuildDate" not in files["feed.xml"]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """A real mkdocs build of a small record, with a plan without deadlines (so no calendar)."""
    undated = {key: value for key, value in promise().items() if key != "deadline"}
    files = {**FIXTURE, "koebenhavn/2018-05-01-handleplan.yaml": dump(plan(promises=[undated]))}
    files.pop("koebenhavn/2018-12-06-opfoelgning.yaml")
    code, site, problems = build_fixture_site(tmp_path_factory.mktemp("feeds"), files)
    assert code == 0, "\n".join(map(str, problems))
    return site


def test_fixture_site_feeds_parse_and_link_to_built_pages(fixture_site):
    for path in all_feeds(fixture_site):
        feed = parsed(path.read_bytes())
        for item in feed.entries:
            assert site_file(fixture_site, item.link).is_file(), item.link
    kommune_page = fixture_site / "kommuner" / "ballerup" / "index.html"
    hrefs = [a["href"] for tag, a in parse(kommune_page).elements if tag in ("a", "link") and "href" in a]
    assert "feed.xml" in hrefs and not any(h.endswith(".ics") for h in hrefs)
    assert not list(fixture_site.rglob("*.ics"))  # no deadlines, no calendars, and no links to them
    promises_page = (fixture_site / "loefter" / "index.html").read_text("utf-8")
    assert "frister.ics" not in promises_page and "Følg med i løfterne" in promises_page
    follow_page = (fixture_site / "loefter" / "foelg" / "index.html").read_text("utf-8")
    assert "frister.ics" not in follow_page and "Ingen frister at følge endnu" in follow_page
