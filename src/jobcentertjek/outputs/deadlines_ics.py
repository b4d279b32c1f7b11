"""iCalendar files of promise deadlines: one all-day event per promise with a deadline.

A journalist subscribes to ``loefter/frister.ics`` (or one kommune's file) and sees
"København: the action plan is due" in their own calendar. Every value is derived from
the entries, never from the clock, so an unchanged repository gives identical files.
"""

from __future__ import annotations

import datetime as dt
import textwrap

from icalendar import Calendar, Event

from ..entries.corpus import Corpus, TrackedPromise
from ..entries.model import STATE_LABELS
from ..entries.reference import kommuner
from ..entries.render import markdown_to_text
from ..site.pages import has_deadlines
from ..site.urls import absolute_url, calendar_url, entry_url, promise_anchor

PRODID = "-//Jobcentertjek//Løftefrister//DA"
UID_DOMAIN = "jobcentertjek"


def event_uid(promise: TrackedPromise) -> str:
    """Stable across builds and edits of the text: the plan id and the promise id."""
    return f"{promise.plan.id}-{promise.promise.id}@{UID_DOMAIN}"


def _midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), dt.timezone.utc)


def description(promise: TrackedPromise, site_url: str) -> str:
    """Plain text: the promise, its status and where it comes from."""
    latest = promise.history[-1]
    by = promise.promise.promised_by
    lines = [
        f"Løfte: {markdown_to_text(promise.promise.text)}",
        f"Status: {promise.state_label}" + (f" – {promise.lateness.danish()}" if promise.lateness else "")
        + f" (pr. {latest.date.danish()})",
        f"Frist: {promise.promise.deadline.danish()}",
        f"Lovet af: {by.name}" + (f", {by.role}" if by.role else ""),
        f"Handleplan: {promise.plan.entry.title}",
        _promise_link(promise, site_url),
    ]
    return "\n".join(lines)


def _promise_link(promise: TrackedPromise, site_url: str) -> str:
    return absolute_url(site_url, entry_url(promise.plan.id) + "#" + promise_anchor(promise))


def promise_event(promise: TrackedPromise, site_url: str) -> Event:
    """An all-day event on the last day the deadline can mean ("2018-06" is due 30 June),
    the same day the promise becomes overdue on the site."""
    deadline = promise.promise.deadline
    name = kommuner()[promise.plan.entry.kommune].name
    text = textwrap.shorten(markdown_to_text(promise.promise.text), width=90, placeholder=" …")
    event = Event()
    event.add("uid", event_uid(promise))
    # DTSTAMP is required; the day of the promise's latest change keeps it reproducible, and
    # SEQUENCE (the number of changes) tells calendar apps that the event changed. Passing the
    # deadline without a verdict is a change: the state becomes "Frist overskredet".
    changed = promise.history[-1].date.first_day
    if promise.is_overdue:
        changed = max(changed, deadline.last_day + dt.timedelta(days=1))
    event.add("dtstamp", _midnight_utc(changed))
    event.add("sequence", len(promise.history) - 1 + promise.is_overdue)
    event.add("dtstart", deadline.last_day)
    event.add("dtend", deadline.last_day + dt.timedelta(days=1))
    event.add("summary", f"Frist, {name}: {text}")
    event.add("description", description(promise, site_url))
    event.add("url", _promise_link(promise, site_url))
    event.add("categories", [STATE_LABELS[promise.state]])
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    return event


def render_calendar(name: str, promises: list[TrackedPromise], site_url: str,
                    events: dict[str, bytes] | None = None) -> bytes:
    """A VCALENDAR with one event per promise that has a deadline, earliest deadline first.

    ``events`` (promise key -> the event's iCalendar text) lets the national calendar and
    the kommune's share each event's text: iCalendar's line folding is slow, and a
    calendar's text is its properties followed by its events' texts.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    dated = sorted((p for p in promises if p.promise.deadline),
                   key=lambda p: (p.promise.deadline.last_day, p.plan.id, p.promise.id))
    events = events if events is not None else {}
    texts = [events.get(p.key) or promise_event(p, site_url).to_ical() for p in dated]
    head, end = calendar.to_ical().split(b"END:VCALENDAR\r\n")
    return head + b"".join(texts) + b"END:VCALENDAR\r\n" + end


def calendar_files(corpus: Corpus, site_url: str) -> dict[str, bytes]:
    """The national calendar and one per kommune, each only when it has a deadline
    (RFC 5545 wants at least one event; the pages link only to calendars that exist)."""
    files = {}
    events = {p.key: promise_event(p, site_url).to_ical() for p in corpus.promises if p.promise.deadline}
    if has_deadlines(corpus.promises):
        files[calendar_url()] = render_calendar("Jobcentertjek: løftefrister", corpus.promises, site_url, events)
    for slug in sorted(corpus.by_kommune):
        promises = corpus.promises_of(kommune=slug)
        if has_deadlines(promises):
            files[calendar_url(slug)] = render_calendar(f"Jobcentertjek: frister, {kommuner()[slug].name}",
                                                        promises, site_url, events)
    return files
