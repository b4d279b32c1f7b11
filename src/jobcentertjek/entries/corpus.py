"""All valid entries as one connected record: threads, promises and their status over time."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .dates import PartialDate, days_between, today
from .method import UNCHECKED_AFTER_DAYS
from .model import FINAL_STATUSES, STATUS_LABELS, Check, Promise, Report, Source, Update
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
        """Days past the deadline while the promise has no final verdict; None if not overdue."""
        deadline = self.promise.deadline
        if deadline is None or self.status in FINAL_STATUSES:
            return None
        days = (self.on - deadline.last_day).days
        return days if days > 0 else None

    @property
    def is_overdue(self) -> bool:
        return self.overdue_days is not None

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
        if self.status in FINAL_STATUSES or self.status == "unverifiable":
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
    entries: list[LoadedEntry]  # newest first, by date then id
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
        ordered = sorted(entries, key=lambda e: (e.entry.date.sort_key(), e.id), reverse=True)
        return cls(ordered, on or today())

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
                    step = StatusStep(item.entry.date, change.status, item.id, change.note, tuple(item.entry.sources))
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

    def promises_of(self, kommune: str | None = None, plan_id: str | None = None) -> list[TrackedPromise]:
        if plan_id is not None:
            found = self._promises_by.get(("plan", plan_id), [])
            return [p for p in found if kommune is None or p.plan.entry.kommune == kommune]
        if kommune is not None:
            return list(self._promises_by.get(("kommune", kommune), []))
        return list(self.promises)

    def status_counts(self, promises: list[TrackedPromise]) -> list[tuple[str, str, int]]:
        """(status, Danish label, count) in scale order, zeros included."""
        counts = Counter(p.status for p in promises)
        return [(status, label, counts[status]) for status, label in STATUS_LABELS.items()]

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
