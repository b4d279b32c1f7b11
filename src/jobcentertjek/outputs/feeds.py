"""RSS 2.0 feeds: every entry, each kommune's entries, and promise updates.

feedgen writes the XML. Nothing here reads the clock: an item's pubDate comes from its
entry's date and a feed's lastBuildDate from its newest item, so an unchanged repository
gives byte-identical feeds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator
from jinja2 import Environment, PackageLoader, StrictUndefined

from ..entries.corpus import Corpus, TrackedPromise
from ..entries.dates import PartialDate, lateness
from ..entries.model import STATUS_LABELS, TYPE_LABELS, Check, Update
from ..entries.reference import kommuner
from ..entries.render import markdown_to_html
from ..entries.validate import LoadedEntry
from ..site.urls import (
    PROMISE_FEED_URL,
    REPEATED_LABEL,
    SITE_FEED_URL,
    absolute_url,
    entry_url,
    kommune_feed_url,
    kommune_url,
    promise_anchor,
)

LICENSE_NOTE = "Indholdet må genbruges under CC BY 4.0 med kildeangivelse."


@dataclass(frozen=True)
class FeedItem:
    guid: str
    title: str
    link: str  # root-relative, e.g. "sager/<id>/"
    date: PartialDate
    categories: tuple[str, ...]
    html: str  # sanitized HTML for <description>


@dataclass(frozen=True)
class Feed:
    path: str  # where the feed is published, e.g. "kommuner/koebenhavn/feed.xml"
    title: str
    description: str
    page: str  # the HTML page the feed belongs to
    items: list[FeedItem]  # newest first


def pub_date(date: PartialDate) -> dt.datetime:
    """Midday UTC on the first day the date can mean ("2014-05" is 1 May 2014): midday keeps
    the calendar day the same in every reader's time zone, midnight would not."""
    return dt.datetime.combine(date.first_day, dt.time(12), dt.timezone.utc)


def render_feed(feed: Feed, site_url: str) -> bytes:
    """The feed as UTF-8 RSS 2.0 XML; items keep the given order."""
    fg = FeedGenerator()
    fg.title(feed.title)
    fg.link(href=absolute_url(site_url, feed.path), rel="self")  # atom:link, as validators ask
    fg.link(href=absolute_url(site_url, feed.page), rel="alternate")  # last link is the RSS <link>
    fg.description(feed.description)
    fg.language("da")
    fg.copyright(LICENSE_NOTE)
    fg.generator("Jobcentertjek")  # feedgen's default names itself in English
    if feed.items:
        fg.lastBuildDate(max(pub_date(item.date) for item in feed.items))
    else:
        _drop_build_date(fg)
    for item in feed.items:
        entry = fg.add_entry(order="append")
        entry.guid(item.guid, permalink=False)
        entry.title(item.title)
        entry.link(href=absolute_url(site_url, item.link))
        entry.pubDate(pub_date(item.date))
        entry.description(item.html)
        for term in item.categories:
            entry.category(term=term)
    return fg.rss_str(pretty=True)


def _drop_build_date(fg: FeedGenerator) -> None:
    """feedgen defaults lastBuildDate to now; a feed without items has no date, so leave it out."""
    fg._FeedGenerator__rss_lastBuildDate = None  # noqa: SLF001 - no public way to unset it


def entry_item(corpus: Corpus, item: LoadedEntry) -> FeedItem:
    entry = item.entry
    return FeedItem(guid=item.id, title=entry.title, link=entry_url(item.id), date=corpus.in_time(item),
                    categories=(TYPE_LABELS[entry.type], kommuner()[entry.kommune].name),
                    html=str(markdown_to_html(entry.summary)))


def entry_feeds(corpus: Corpus, site_url: str = "") -> list[Feed]:
    """The site feed, and one feed per kommune with entries (``hele-landet`` included). A kommune's
    feed also has a "Kritikken kom igen" item for each report that criticises one of its promises again."""
    feeds = [Feed(SITE_FEED_URL, "Jobcentertjek: alle sager",
                  "Nye sager om jobcentrene: kritik, kommunernes svar, handleplaner og opfølgninger.",
                  "", [entry_item(corpus, item) for item in corpus.entries])]
    again = recurrence_items(corpus, site_url)
    for slug, entries in sorted(corpus.by_kommune.items()):
        name = kommuner()[slug].name
        items = [entry_item(corpus, item) for item in entries] + [item for item, places in again if slug in places]
        feeds.append(Feed(kommune_feed_url(slug), f"Jobcentertjek: {name}",
                          f"Nye sager om jobcentret i {name}: kritik, svar, handleplaner og opfølgninger.",
                          kommune_url(slug), newest_first(items)))
    return feeds


def newest_first(items: list[FeedItem]) -> list[FeedItem]:
    """Items by date, newest first; a stable sort, so items of one day keep their order."""
    return sorted(items, key=lambda item: item.date.sort_key(), reverse=True)


def recurrence_items(corpus: Corpus, site_url: str) -> list[tuple[FeedItem, set[str]]]:
    """A "Kritikken kom igen" item for each report with ``repeats``, and the kommuner it concerns
    (the report's and each repeated promise's)."""
    env = _template_environment()
    found = []
    for report_id, recurrences in corpus.recurrences_by_report.items():
        item = corpus.by_id[report_id]
        report = item.entry
        rows = [dict(link=absolute_url(site_url, entry_url(r.promise.plan.id) + "#" + promise_anchor(r.promise)),
                     text=r.promise.promise.text, plan_title=r.promise.plan.entry.title,
                     plan_date=r.promise.plan.entry.date, then=STATUS_LABELS[r.status_then],
                     now=r.promise.status_label, note=r.note) for r in recurrences]
        places = {report.kommune, *(r.kommune for r in recurrences)}
        html = env.get_template("feed_repeats.html").render(report=report, rows=rows)
        found.append((FeedItem(guid=f"{item.id}#kritikken-kom-igen", title=f"{REPEATED_LABEL}: {report.title}",
                               link=entry_url(item.id) + "#lovet-foer", date=report.date,
                               categories=(REPEATED_LABEL, *sorted(kommuner()[k].name for k in places)), html=html),
                      places))
    return found


def _template_environment() -> Environment:
    env = Environment(loader=PackageLoader("jobcentertjek", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined)
    env.filters.update(md=markdown_to_html, danish_date=PartialDate.danish)
    return env


class PromiseItems:
    """Feed items for new plans and for updates that change promises' status."""

    def __init__(self, corpus: Corpus, site_url: str):
        self.corpus = corpus
        self.site_url = site_url
        self.tracked = {(p.plan.id, p.promise.id): p for p in corpus.promises}
        self.env = _template_environment()

    def items(self) -> list[FeedItem]:
        """Plans, responses that promise, updates and dated checks, newest first."""
        items = [self._item(item) for item in self.corpus.entries
                 if isinstance(item.entry, Update) or getattr(item.entry, "promises", None)]
        items += [self._check_item(p, check) for p in self.corpus.promises for check in p.promise.checks]
        return sorted(items, key=lambda item: item.date.sort_key(), reverse=True)  # stable: entries keep their order

    def _item(self, item: LoadedEntry) -> FeedItem:
        entry = item.entry
        name = kommuner()[entry.kommune].name
        if not isinstance(entry, Update):
            title = f"{'Ny handleplan' if entry.type == 'plan' else 'Svar med løfter'}, {name}: {entry.title}"
            rows = [self._row(self.tracked[(item.id, p.id)], p.status, on=entry.date) for p in entry.promises]
        else:
            title = f"Opfølgning, {name}: {entry.title}"
            rows = [self._change_row(item.id, entry.plan, change.promise, change.status, change.done or entry.date)
                    for change in entry.changes]
        html = self.env.get_template("feed_promises.html").render(summary=entry.summary, rows=rows)
        return FeedItem(guid=item.id, title=title, link=entry_url(item.id), date=self.corpus.in_time(item),
                        categories=(TYPE_LABELS[entry.type], name), html=html)

    def _check_item(self, tracked: TrackedPromise, check: Check) -> FeedItem:
        """A dated search for a promise's outcome, whatever it found: "we looked" is news too."""
        plan = tracked.plan.entry
        name = kommuner()[plan.kommune].name
        html = self.env.get_template("feed_promises.html").render(
            summary=f"Efterprøvet {check.date.danish()}: {check.found}\n\nDer er ledt i: {check.searched}",
            rows=[self._row(tracked, tracked.status)])
        return FeedItem(guid=f"{tracked.key}@efterproevet-{check.date}", title=f"Efterprøvet, {name}: {plan.title}",
                        link=entry_url(tracked.plan.id) + "#" + promise_anchor(tracked), date=check.date,
                        categories=("Efterprøvning", name), html=html)

    def _change_row(self, update_id: str, plan_id: str, promise_id: str, status: str, on: PartialDate) -> dict:
        tracked = self.tracked[(plan_id, promise_id)]
        steps = [i for i, step in enumerate(tracked.history) if step.entry_id == update_id and step.status == status]
        previous = tracked.history[steps[0] - 1].status if steps and steps[0] > 0 else None
        return self._row(tracked, status, previous, on)

    def _row(self, tracked: TrackedPromise, status: str, previous: str | None = None,
             on: PartialDate | None = None) -> dict:
        """A promise as an item lists it: the status it got (kept on ``on``: how it stands to the deadline)."""
        link = absolute_url(self.site_url, entry_url(tracked.plan.id) + "#" + promise_anchor(tracked))
        deadline = tracked.promise.deadline
        timing = lateness(deadline, on).danish() if on and deadline and status in ("kept", "partly-kept") else None
        return dict(text=tracked.promise.text, deadline=deadline, link=link, timing=timing,
                    status=STATUS_LABELS[status], previous=STATUS_LABELS[previous] if previous else None)


def promise_feed(corpus: Corpus, site_url: str) -> Feed:
    items = PromiseItems(corpus, site_url).items() + [item for item, _ in recurrence_items(corpus, site_url)]
    return Feed(PROMISE_FEED_URL, "Jobcentertjek: løfter",
                "Nye løfter, ændringer i løfternes status, efterprøvninger og kritik, der kom igen.", "loefter/",
                newest_first(items))


def feed_files(corpus: Corpus, site_url: str) -> dict[str, bytes]:
    """Every feed by its site path."""
    feeds = [*entry_feeds(corpus, site_url), promise_feed(corpus, site_url)]
    return {feed.path: render_feed(feed, site_url) for feed in feeds}
