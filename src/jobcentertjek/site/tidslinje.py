"""A thread's time axis, computed at build time and drawn as inline SVG (templates/_tidslinje.html).

Entries are marks on the axis by type (shape and colour), each a link; a date known only to
the month or the year is a span over that month or year, not a point. Above the axis, the
days from a report to its first response; below it, each promise's deadline as a flag, an
overdue promise as a red span from its deadline to the build day, a promise kept after its
deadline as a span from the deadline to the evidence, and each promise's status over time as a
band of steps.

The drawing has one fixed size however long the thread: it shows the rows a shortened list
shows (``site.shorten``), and each run of rows left out takes a fixed stretch of the axis,
marked as an elision. This module computes positions only; the markup is in the template.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..entries.dates import PartialDate, days_between
from ..entries.grammar import count
from ..entries.model import STATE_LABELS, TYPE_LABELS

WIDTH = 640
LEFT, RIGHT = 16, 624  # the axis, drawn at y = 40 by _tidslinje.html (which keeps the vertical layout)
ELISION = 28  # axis units taken by a run of entries left out
MAX_BANDS = 3  # promises drawn with their status steps; the description counts them all
BAND_GAP = 6
TICKS = 7  # at most this many year labels
QUARTERS = {4: "april", 7: "juli", 10: "oktober"}


@dataclass(frozen=True)
class Mark:
    item: object  # the LoadedEntry
    x: int
    x1: int | None  # the end of a span (month or year precision), None for a day
    current: bool
    position: int  # in the thread list, from 1: the list item that names the mark

    @property
    def centre(self) -> int:
        return self.x if self.x1 is None else round((self.x + self.x1) / 2)

    @property
    def kind(self) -> str:
        return self.item.entry.type

    @property
    def label(self) -> str:
        entry = self.item.entry
        return f"{TYPE_LABELS[entry.type]}, {entry.date.danish()}: {entry.title}"


@dataclass(frozen=True)
class Gap:
    """Days from a report to its first response, drawn as a bracket above the axis."""

    x0: int
    x1: int
    days: int


@dataclass(frozen=True)
class Late:
    """A span below the axis: from a deadline to the build day (overdue), or to the evidence that the
    promise was kept after all (kept late)."""

    x0: int
    x1: int
    text: str
    kind: str  # "overdue" or "kept-late"


LATE_Y, LATE_GAP = 68, 22  # the first span's line, and the room each span takes with its text


@dataclass(frozen=True)
class Step:
    x0: int
    x1: int
    status: str


@dataclass
class Timeline:
    marks: list[Mark]
    elisions: list[tuple[int, int]]  # (x, entries left out)
    cuts: list[int]  # where the axis is compressed
    ticks: list[tuple[int, str]]  # (x, "2018" or "april")
    gaps: list[Gap] = field(default_factory=list)
    flags: list[int] = field(default_factory=list)  # deadlines
    late: list[Late] = field(default_factory=list)  # the overdue promises, then those kept late
    bands: list[list[Step]] = field(default_factory=list)
    start: PartialDate | None = None
    end: PartialDate | None = None
    summary: str = ""

    @property
    def has_spans(self) -> bool:
        return any(m.x1 is not None for m in self.marks)

    @property
    def late_kinds(self) -> set[str]:
        return {late.kind for late in self.late}

    @property
    def late_rows(self) -> list[tuple[int, Late]]:
        return [(LATE_Y + LATE_GAP * i, late) for i, late in enumerate(self.late)]

    @property
    def band_y(self) -> int:
        return LATE_Y + LATE_GAP * len(self.late) if self.late else 72

    @property
    def band_rows(self) -> list[tuple[int, list[Step]]]:
        return [(self.band_y + BAND_GAP * i, band) for i, band in enumerate(self.bands)]

    @property
    def tick_y(self) -> int:
        return self.band_y + BAND_GAP * len(self.bands) + 12

    @property
    def height(self) -> int:
        return self.tick_y + 4

    @property
    def width(self) -> int:
        return WIDTH


class _Scale:
    """Dates to axis positions: proportional in time, except for compressed stretches, which
    take a fixed ``ELISION`` whatever their length: runs of entries left out of the list, and
    long quiet stretches (over a year and a fifth of the whole), such as the years a promise
    has been overdue."""

    def __init__(self, days: set[dt.date], hidden: list[tuple[dt.date, dt.date]]):
        knots = sorted(days)
        total = (knots[-1] - knots[0]).days
        self.pieces: list[tuple[dt.date, dt.date, bool]] = []
        for a, b in zip(knots, knots[1:]):
            long = (b - a).days > max(365, total / 5)
            self.pieces.append((a, b, long or any(lo <= a and b <= hi for lo, hi in hidden)))
        compressed = sum(1 for *_, cut in self.pieces if cut)
        span = sum((b - a).days for a, b, cut in self.pieces if not cut)
        room = RIGHT - LEFT - compressed * ELISION
        self.per_day = room / span if span else 0
        self.lone = len(knots) == 1
        if not span and compressed:  # only compressed stretches: spread them over the axis
            self.per_day, self.elision = 0, (RIGHT - LEFT) / compressed
        else:
            self.elision = ELISION

    @property
    def cuts(self) -> list[int]:
        """Where the axis is cut: the middle of each compressed stretch."""
        return [round((self(a) + self(b)) / 2) for a, b, cut in self.pieces if cut]

    def in_cut(self, day: dt.date) -> bool:
        return any(a < day < b for a, b, cut in self.pieces if cut)

    def __call__(self, day: dt.date) -> float:
        if self.lone:
            return (LEFT + RIGHT) / 2
        x = LEFT
        for a, b, cut in self.pieces:
            width = self.elision if cut else (b - a).days * self.per_day
            if day <= b:
                return x + width * max(0, (day - a).days) / (b - a).days
            x += width
        return x


def _ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """Year labels, at most ``TICKS``; quarters when the thread spans less than two years."""
    if end.year - start.year < 2:
        quarters = [dt.date(y, m, 1) for y in range(start.year, end.year + 1) for m in (1, 4, 7, 10)]
        shown = [q for q in quarters if start.replace(day=1) <= q <= end or q == dt.date(start.year, 1, 1)]
        return [(q, str(q.year) if q.month == 1 else QUARTERS[q.month]) for q in shown]
    years = range(start.year, end.year + 1)
    return [(dt.date(y, 1, 1), str(y)) for y in years[::max(1, -(-len(years) // TICKS))]]


def _first_response(item, corpus):
    answers = [r for r in corpus.referrers.get(item.id, []) if r.entry.type in ("response", "plan")]
    return min(answers, key=lambda r: r.entry.date.sort_key(), default=None)


def build(rows: list, corpus, current: str | None = None, bands: int = MAX_BANDS) -> Timeline | None:
    """The timeline of a shortened thread (``site.Row`` list, oldest first); None if it has one entry."""
    if len(rows) < 2:
        return None
    today = corpus.on
    shown = [row for row in rows if not row.hidden]
    promises = [p for row in shown for p in corpus.promises_of(plan_id=row.item.id)]
    dates = [row.item.entry.date for row in shown]
    deadlines = [p.promise.deadline.last_day for p in promises if p.promise.deadline]
    overdue = [p for p in promises if p.is_overdue]
    kept_late = [p for p in promises if p.timeliness == "late"][:MAX_BANDS]
    dates += [p.evidence.happened for p in kept_late]
    days = {d.first_day for d in dates} | {d.last_day + dt.timedelta(days=1) for d in dates if d.precision != "day"}
    days |= set(deadlines) | ({today} if promises else set())  # a promise's status holds until today
    hidden = [(rows[i - 1].item.entry.date.first_day, rows[i + 1].item.entry.date.first_day)
              for i, row in enumerate(rows) if row.hidden and 0 < i < len(rows) - 1]
    scale = _Scale(days, hidden)
    end = max(days)

    def x(day: dt.date) -> int:
        return round(scale(day))

    marks = []
    for row in shown:
        date = row.item.entry.date
        x1 = x(date.last_day + dt.timedelta(days=1)) if date.precision != "day" else None
        marks.append(Mark(row.item, x(date.first_day), max(x1, x(date.first_day) + 4) if x1 is not None else None,
                          row.item.id == current, row.position))
    elisions = [(round((scale(a) + scale(b)) / 2), row.hidden)
                for (a, b), row in zip(hidden, [r for r in rows[1:-1] if r.hidden])]

    positions = {m.item.id: m for m in marks}
    gaps = []
    for mark in marks:
        first = _first_response(mark.item, corpus) if mark.kind == "report" else None
        days_to = days_between(mark.item.entry.date, first.entry.date) if first else None
        if days_to is not None and first.id in positions:
            gaps.append(Gap(mark.x, positions[first.id].x, days_to))

    flags = sorted({x(day) for day in deadlines})
    late = []
    if overdue:
        most = max(p.overdue_days for p in overdue)
        text = (f"{count(len(overdue), 'løfte', 'løfter')} over fristen, op til {count(most, 'dag', 'dage')}"
                if len(overdue) > 1 else f"{count(most, 'dag', 'dage')} over fristen")
        late.append(Late(x(min(p.promise.deadline.last_day for p in overdue)), x(today), text, "overdue"))
    for p in kept_late:
        late.append(Late(x(p.promise.deadline.last_day), max(x(p.evidence.happened.first_day), x(p.promise.deadline.last_day) + 4),
                         f"{STATE_LABELS[p.status]} {p.lateness.danish()}", "kept-late"))

    drawn = []
    for p in promises[:bands]:
        band, at = [], x(p.history[0].date.first_day)
        for step, following in zip(p.history, [*p.history[1:], None]):
            # an update dated only to the year may start before its plan: a band never runs backwards
            until = max(at, x(following.date.first_day) if following else x(end))
            if until > at or not following:
                band.append(Step(at, until, step.status))
            at = until
        drawn.append(band)

    first_day = min(days)
    plain_end = max([b for a, b, cut in scale.pieces if not cut], default=first_day)
    ticks = [(x(max(day, first_day)), label) for day, label in _ticks(first_day, plain_end)
             if not scale.in_cut(day)]
    room = [(at, label) for at, label in ticks if at <= RIGHT - 8 * len(label)]  # each label needs its room
    ticks = [tick for i, tick in enumerate(room) if i == 0 or tick[0] - room[i - 1][0] >= 8 * len(room[i - 1][1])]
    entry_dates = [row.item.entry.date for row in shown]
    return Timeline(marks=marks, elisions=elisions, cuts=scale.cuts, ticks=ticks, gaps=gaps, flags=flags,
                    late=late, bands=drawn,
                    start=min(entry_dates, key=PartialDate.sort_key), end=max(entry_dates, key=PartialDate.sort_key),
                    summary=_summary(rows, gaps, promises))


def _summary(rows, gaps: list[Gap], promises) -> str:
    """The drawing in words, for its <desc>: what a screen reader user cannot see."""
    entries = sum(1 if not row.hidden else row.hidden for row in rows)
    parts = [count(entries, "sag", "sager")]
    parts += [f"{count(gap.days, 'dag', 'dage')} fra kritik til første svar" for gap in gaps]
    if promises:
        overdue = sum(p.is_overdue for p in promises)
        late = sum(p.timeliness == "late" for p in promises)
        parts.append(f"{count(len(promises), 'løfte', 'løfter')}, {overdue} over fristen"
                     + (f", {late} holdt for sent" if late else ""))
    return "; ".join(parts) + "."




def threads_of(corpus, items: list) -> list[list]:
    """The threads (oldest entry first) that these entries belong to, newest activity first;
    a lone entry is no thread."""
    found: dict[str, list] = {}
    for item in items:  # newest first
        thread = corpus.threads[item.id]
        if len(thread) > 1:
            found.setdefault(thread[0].id, thread)
    return list(found.values())
