"""All valid entries as one connected record: threads, promises and their status over time."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .dates import Lateness, PartialDate, days_between, lateness, today
from .method import UNCHECKED_AFTER_DAYS
from .model import (
    OPEN_STATUSES,
    OVERDUE_DETAILS,
    STATE_LABELS,
    STATUS_LABELS,
    Check,
    Promise,
    Report,
    Source,
    Update,
)
from .problems import ValidationFailed
from .reference import tags
from .validate import LoadedEntry, check_paths


@dataclass(frozen=True)
class StatusStep:
    """One point in a promise's history: the plan itself, or an update that changed it."""

    date: PartialDate
    status: str
    entry_id: str
    note: str | None
    sources: tuple[Source, ...]
    done: PartialDate | None = None  # when it happened, if the source says so and it is not ``date``

    @property
    def happened(self) -> PartialDate:
        return self.done or self.date


@dataclass
class TrackedPromise:
    plan: LoadedEntry
    promise: Promise
    history: list[StatusStep]
    on: dt.date  # the day the status is computed for

    @property
    def key(self) -> str:
        """Globally unique id of the promise: ``<plan id>#<promise id>``."""
        return f"{self.plan.id}#{self.promise.id}"

    @property
    def status(self) -> str:
        return self.history[-1].status

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def overdue_days(self) -> int | None:
        """Days past the deadline of a promise without a verdict; None if not overdue."""
        deadline = self.promise.deadline
        if deadline is None or self.status not in OPEN_STATUSES:
            return None
        days = (self.on - deadline.last_day).days
        return days if days > 0 else None

    @property
    def is_overdue(self) -> bool:
        return self.overdue_days is not None

    @property
    def state(self) -> str:
        """The one state the site counts, filters and shows (model.STATE_LABELS)."""
        return "overdue" if self.is_overdue else self.status

    @property
    def state_label(self) -> str:
        """"Frist overskredet – intet viser, at det er holdt", "Holdt", …: never two labels side by side."""
        if self.is_overdue:
            return f"{STATE_LABELS['overdue']} – {OVERDUE_DETAILS[self.status]}"
        return STATE_LABELS[self.state]

    @property
    def evidence(self) -> StatusStep:
        """The step that gave the promise its present status: the first of the latest run of steps
        with that status (a second "Delvist holdt" does not make the promise later than the first)."""
        steps = self.history
        i = len(steps) - 1
        while i > 0 and steps[i - 1].status == steps[i].status:
            i -= 1
        return steps[i]

    @property
    def lateness(self) -> Lateness | None:
        """For a promise kept or partly kept with a deadline: on time, or how late, by its evidence."""
        if self.status not in ("kept", "partly-kept") or self.promise.deadline is None:
            return None
        return lateness(self.promise.deadline, self.evidence.happened)

    @property
    def timeliness(self) -> str | None:
        """"on-time" or "late" (model.TIMELINESS_LABELS), "unclear", or None without a verdict or deadline."""
        return self.lateness.timeliness if self.lateness else None

    @property
    def last_check(self) -> Check | None:
        """The newest dated search for the outcome, if any."""
        checks = self.promise.checks_newest_first()
        return checks[0] if checks else None

    @property
    def last_looked(self) -> PartialDate:
        """When someone last looked for the outcome: a dated check, or the latest status step."""
        latest, check = self.history[-1].date, self.last_check
        return check.date if check and check.date.last_day >= latest.last_day else latest

    @property
    def is_unchecked(self) -> bool:
        """An open promise (no verdict yet) that nobody has looked into for more than a year."""
        if self.status not in OPEN_STATUSES:
            return False
        return (self.on - self.last_looked.last_day).days > UNCHECKED_AFTER_DAYS

    def status_on(self, date: PartialDate) -> str:
        """The status on ``date``: that of the last step dated on or before it. A date known only
        to the month or the year counts from its first day, for the steps and for ``date``."""
        status = self.history[0].status
        for step in self.history[1:]:
            if step.date.first_day > date.first_day:
                break
            status = step.status
        return status


@dataclass(frozen=True)
class Recurrence:
    """A report that criticises again what a promise was meant to fix (the report's ``repeats``)."""

    report: LoadedEntry
    promise: TrackedPromise
    note: str | None
    status_then: str  # the promise's status on the report's date

    @property
    def kommune(self) -> str:
        """The kommune whose promise it is."""
        return self.promise.plan.entry.kommune


@dataclass
class Corpus:
    entries: list[LoadedEntry]  # newest first: by date, an answer never before what it answers, then by id
    on: dt.date = field(default_factory=today)

    @classmethod
    def load(cls, cases_dir: Path, on: dt.date | None = None) -> "Corpus":
        """Every entry under ``cases_dir``; raises ValidationFailed listing every error."""
        entries, problems = check_paths([cases_dir])
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise ValidationFailed(errors)
        return cls.from_entries(entries, on)

    @classmethod
    def from_entries(cls, entries: list[LoadedEntry], on: dt.date | None = None) -> "Corpus":
        corpus = cls(list(entries), on or today())
        keys = corpus._thread_keys  # made once: the order below, and the feeds' dates (in_time)
        corpus.entries.sort(key=lambda e: (keys[e.id], e.id), reverse=True)
        return corpus

    @cached_property
    def _thread_keys(self) -> dict[str, tuple]:
        return _thread_keys(self.entries)

    def in_time(self, item: LoadedEntry) -> PartialDate:
        """When an entry came, for a feed: its date, or a later one it links to ("april 2018" answering
        "10. april 2018" came on 10 April at the earliest), so no answer is dated before its question."""
        (year, month, day), _ = self._thread_keys[item.id]
        return PartialDate(year, month or None, day or None)

    @cached_property
    def by_id(self) -> dict[str, LoadedEntry]:
        return {e.id: e for e in self.entries}

    @cached_property
    def by_kommune(self) -> dict[str, list[LoadedEntry]]:
        grouped: dict[str, list[LoadedEntry]] = defaultdict(list)
        for item in self.entries:
            grouped[item.entry.kommune].append(item)
        return grouped

    @cached_property
    def by_tag(self) -> dict[str, list[LoadedEntry]]:
        grouped: dict[str, list[LoadedEntry]] = {name: [] for name in tags()}
        for item in self.entries:
            for tag in item.entry.tags:
                grouped[tag].append(item)
        return grouped

    @cached_property
    def referrers(self) -> dict[str, list[LoadedEntry]]:
        """For each id, the entries that link to it (oldest first)."""
        found: dict[str, list[LoadedEntry]] = defaultdict(list)
        for item in reversed(self.entries):
            for target in item.entry.links():
                found[target].append(item)
        return found

    @cached_property
    def threads(self) -> dict[str, list[LoadedEntry]]:
        """Each entry's thread: every entry connected to it by links, oldest first."""
        parent = {e.id: e.id for e in self.entries}

        def root(node: str) -> str:
            while parent[node] != node:
                parent[node] = parent[parent[node]]
                node = parent[node]
            return node

        for item in self.entries:
            for target in item.entry.links():
                parent[root(item.id)] = root(target)
        members: dict[str, list[LoadedEntry]] = defaultdict(list)
        for item in reversed(self.entries):
            members[root(item.id)].append(item)
        return {item.id: members[root(item.id)] for item in self.entries}

    @cached_property
    def promises(self) -> list[TrackedPromise]:
        """Every promise in the country with its status history, newest plans first."""
        updates: dict[tuple[str, str], list[StatusStep]] = defaultdict(list)
        for item in reversed(self.entries):
            if isinstance(item.entry, Update):
                for change in item.entry.changes:
                    step = StatusStep(item.entry.date, change.status, item.id, change.note, tuple(item.entry.sources),
                                      change.done)
                    updates[(item.entry.plan, change.promise)].append(step)
        tracked = []
        for item in self.entries:
            if promises := getattr(item.entry, "promises", None):  # a plan, or a response that also promises
                for promise in promises:
                    first = StatusStep(item.entry.date, promise.status, item.id, promise.status_note,
                                       tuple(promise.sources))
                    tracked.append(TrackedPromise(item, promise, [first, *updates[(item.id, promise.id)]], self.on))
        return tracked

    @cached_property
    def _promises_by(self) -> dict[tuple[str, str], list[TrackedPromise]]:
        """Promises by ("kommune", slug) and by ("plan", id): pages ask for them thousands of times."""
        grouped: dict[tuple[str, str], list[TrackedPromise]] = defaultdict(list)
        for promise in self.promises:
            grouped[("kommune", promise.plan.entry.kommune)].append(promise)
            grouped[("plan", promise.plan.id)].append(promise)
        return grouped

    @cached_property
    def recurrences(self) -> list[Recurrence]:
        """Every ``repeats`` link, newest reports first."""
        tracked = {(p.plan.id, p.promise.id): p for p in self.promises}
        found = []
        for item in self.entries:
            if isinstance(item.entry, Report):
                for repeat in item.entry.repeats:
                    promise = tracked[(repeat.plan, repeat.promise)]
                    found.append(Recurrence(item, promise, repeat.note, promise.status_on(item.entry.date)))
        return found

    @cached_property
    def recurrences_by_promise(self) -> dict[str, list[Recurrence]]:
        """Each repeated promise's later reports by its key, newest first."""
        return _grouped(self.recurrences, lambda r: r.promise.key)

    @cached_property
    def recurrences_by_report(self) -> dict[str, list[Recurrence]]:
        """Each report's repeated promises, in the order the report lists them."""
        return _grouped(self.recurrences, lambda r: r.report.id)

    @cached_property
    def due_for_check(self) -> list[TrackedPromise]:
        """Open promises nobody has looked into for over a year, most urgent first: the deadline passed
        longest ago first, then the longest since anyone last looked."""
        def urgency(p: TrackedPromise) -> tuple:
            return (-(p.overdue_days or 0), p.last_looked.last_day, p.plan.id, p.promise.id)
        return sorted((p for p in self.promises if p.is_unchecked), key=urgency)

    def thread_name(self, thread: list[LoadedEntry]) -> LoadedEntry:
        """The entry a thread is named after: the criticism that opened it, else its first entry."""
        return next((e for e in thread if e.entry.type == "report"), thread[0])

    def promises_of(self, kommune: str | None = None, plan_id: str | None = None) -> list[TrackedPromise]:
        if plan_id is not None:
            found = self._promises_by.get(("plan", plan_id), [])
            return [p for p in found if kommune is None or p.plan.entry.kommune == kommune]
        if kommune is not None:
            return list(self._promises_by.get(("kommune", kommune), []))
        return list(self.promises)

    def state_counts(self, promises: list[TrackedPromise]) -> list[tuple[str, str, int]]:
        """(state, Danish label, count) in scale order, zeros included: each promise counted once."""
        counts = Counter(p.state for p in promises)
        return [(state, label, counts[state]) for state, label in STATE_LABELS.items()]

    def response_days(self, kommune: str) -> list[tuple[LoadedEntry, LoadedEntry | None, int | None]]:
        """For each report in a kommune: its first response, and the days between them when known."""
        rows = []
        for item in reversed(self.by_kommune.get(kommune, [])):
            if item.entry.type != "report":
                continue
            answers = [r for r in self.referrers.get(item.id, []) if r.entry.type in ("response", "plan")]
            first = min(answers, key=lambda r: r.entry.date.sort_key(), default=None)
            rows.append((item, first, days_between(item.entry.date, first.entry.date) if first else None))
        return rows

    def type_counts(self, entries: list[LoadedEntry] | None = None) -> Counter:
        return Counter(e.entry.type for e in (self.entries if entries is None else entries))


def _grouped(recurrences: list[Recurrence], key) -> dict[str, list[Recurrence]]:
    grouped: dict[str, list[Recurrence]] = {}
    for recurrence in recurrences:
        grouped.setdefault(key(recurrence), []).append(recurrence)
    return grouped


def _thread_keys(entries: list[LoadedEntry]) -> dict[str, tuple]:
    """Each entry's place in time, such that it never comes before an entry it responds to, follows or
    updates, whatever the precision of the dates: a response of "april 2018" to a report of "10. april
    2018" sorts after it. The key is the later of the entry's own date and its targets' keys, and an
    entry that takes a target's date comes one step after it."""
    by_id = {e.id: e for e in entries}
    keys: dict[str, tuple] = {}
    for start in entries:  # depth first without recursion: a national thread can be thousands long
        stack = [(start, iter(start.entry.links()))]
        on_stack = {start.id}
        while stack:
            item, targets = stack[-1]
            target = next((t for t in targets if t in by_id and t not in keys and t not in on_stack), None)
            if target is not None:
                stack.append((by_id[target], iter(by_id[target].entry.links())))
                on_stack.add(target)
                continue
            stack.pop()
            on_stack.discard(item.id)
            if item.id in keys:
                continue
            key = (item.entry.date.sort_key(), 0)
            for t in item.entry.links():
                if t in keys:  # a target on the stack (a cycle of links) is left out
                    key = max(key, (keys[t][0], keys[t][1] + 1))
            keys[item.id] = key
    return keys
