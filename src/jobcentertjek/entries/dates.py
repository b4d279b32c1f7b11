"""Dates known to the day, the month or only the year, and how they read in Danish."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import cache

from babel.dates import format_date

from .grammar import count

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date with the precision the source gives: ``2014``, ``2014-01`` or ``2014-05-24``."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> "PartialDate":
        """Raise ValueError with a plain Danish message when ``value`` is not a real date."""
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if not isinstance(text, str) or not (match := _PATTERN.match(text.strip())):
            raise ValueError("skal være en dato som 2018-04-16, 2018-04 eller 2018")
        year, month, day = (int(part) if part else None for part in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"måned {month} findes ikke; brug 01 til 12")
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"datoen findes ikke: {_month_name(month)} {year} har {last} dage")
        if year < 1970:
            raise ValueError("årstallet er for tidligt; jobcentrenes historie begynder efter 1970")
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def __str__(self) -> str:
        """The ISO form at its own precision, as written in files and file names."""
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The last day the date can mean: a deadline of "2018-06" runs to 30 June."""
        if self.day:
            return self.first_day
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @cache  # Babel is slow and a national site shows the same few thousand dates again and again
    def danish(self) -> str:
        """"24. maj 2014", "januar 2014" or "2014"."""
        if self.day:
            return format_date(self.first_day, "d. MMMM y", locale="da")
        if self.month:
            return format_date(self.first_day, "MMMM y", locale="da")
        return str(self.year)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


def _month_name(month: int) -> str:
    return format_date(dt.date(2000, month, 1), "MMMM", locale="da")


def days_between(earlier: PartialDate, later: PartialDate) -> int | None:
    """Whole days between two dates, or None when either is not known to the day."""
    if earlier.precision != "day" or later.precision != "day":
        return None
    return (later.first_day - earlier.first_day).days


def elapsed(earlier: PartialDate, later: PartialDate) -> str:
    """The time between two dates in Danish, as precisely as both are known: "3 år og 2 måneder",
    "5 måneder", or "ca. 6 år" when either is known only to the year."""
    if earlier.month is None or later.month is None:
        years = later.year - earlier.year
        return f"ca. {years} år" if years else "under et år"
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if earlier.day and later.day and later.day < earlier.day:
        months -= 1
    years, months = divmod(max(months, 0), 12)
    parts = ([f"{years} år"] if years else []) + ([f"{months} {'måned' if months == 1 else 'måneder'}"] if months else [])
    return " og ".join(parts) or "under en måned"


@dataclass(frozen=True)
class Lateness:
    """How the evidence that a promise was kept stands to its deadline, as precisely as both dates
    allow: "til tiden", "23 dage for sent", "5 måneder for sent", or "efter fristen" when either date
    is known only to the year."""

    timeliness: str  # "on-time", "late" or "unclear" (the dates overlap: it may have been either)
    late_by: int | None = None  # days or months, when known
    precision: str | None = None  # "day", "month" or "year": what ``late_by`` counts (year: not counted)

    def danish(self) -> str:
        if self.timeliness == "on-time":
            return "til tiden"
        if self.timeliness == "unclear":
            return "uvist, om det var til tiden"
        if self.precision == "day":
            return f"{count(self.late_by, 'dag', 'dage')} for sent"
        if self.precision == "month":
            return f"{_months(self.late_by)} for sent"
        return "efter fristen"


def _months(months: int) -> str:
    years, months = divmod(months, 12)
    parts = ([f"{years} år"] if years else []) + ([count(months, "måned", "måneder")] if months else [])
    return " og ".join(parts)


def lateness(deadline: PartialDate, done: PartialDate) -> Lateness:
    """``done`` (the date of the evidence) against ``deadline``, which runs to its last day."""
    if done.last_day <= deadline.last_day:
        return Lateness("on-time")
    if done.first_day <= deadline.last_day:
        return Lateness("unclear")
    if done.day and deadline.day:
        return Lateness("late", (done.first_day - deadline.first_day).days, "day")
    if done.month and deadline.month:
        return Lateness("late", (done.year - deadline.year) * 12 + done.month - deadline.month, "month")
    return Lateness("late", None, "year")


@cache
def today() -> dt.date:
    """The build date. SOURCE_DATE_EPOCH pins it, so two builds of one commit are identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()
