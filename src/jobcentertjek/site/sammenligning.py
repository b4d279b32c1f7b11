"""The kommuner side by side: one row of figures per kommune (and Hele landet), as a table on
/kommuner/, as pre-sorted static pages (for readers without JavaScript) and as
``data/kommuner.csv`` with the same columns."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..entries.corpus import Corpus
from ..entries.dates import PartialDate
from ..entries.model import STATE_LABELS, TYPE_LABELS
from ..entries.reference import Kommune, danish_slug, kommuner


@dataclass(frozen=True)
class Column:
    key: str  # CSV header and the slug of the page sorted by it
    label: str  # the table heading
    anchor: str  # where on the kommune page the number's list is ("" for none)
    numeric: bool = True
    table: bool = True  # shown in the table on /kommuner/; every column is in data/kommuner.csv

    @property
    def slug(self) -> str:
        return danish_slug(self.label)


# States that say no verdict yet: in data/kommuner.csv, but left out of the table, which must fit a
# 1280 px screen with the verdicts and how late promises were kept.
OFF_TABLE = {"not-assessed", "in-progress", "stalled", "unverifiable"}
COLUMNS = [
    Column("kommune_name", "Kommune", "", numeric=False),
    Column("entries", "Sager", "tidslinje"),
    *(Column(f"type_{t}", label, "tidslinje") for t, label in TYPE_LABELS.items()),
    Column("promises", "Løfter", "loefter"),
    *(Column(f"status_{s.replace('-', '_')}", label, "loefter", table=s not in OFF_TABLE) for s, label in STATE_LABELS.items()),
    Column("kept_on_time", "Holdt til tiden", "loefter"),  # kept or partly kept, by the deadline
    Column("kept_late", "Holdt for sent", "loefter"),
    Column("median_response_days", "Dage til første svar (median)", "svartid"),
    Column("latest_date", "Seneste sag", "", numeric=False),
]
CSV_COLUMNS = ["kommune", *(c.key for c in COLUMNS)]
TABLE_COLUMNS = [c for c in COLUMNS if c.table]  # what the table on /kommuner/ shows, and can be sorted by


@dataclass(frozen=True)
class Line:
    kommune: Kommune
    values: dict  # by column key; None where there is nothing to count (no answer timed, no entry)
    latest: object  # the newest entry, or None

    def sort_key(self, column: Column):
        value = self.values[column.key]
        if column.key == "latest_date":
            return value.sort_key() if value else (0, 0, 0)
        if value is None:
            return -1
        return value


def _median(days: list[int]) -> float | int | None:
    if not days:
        return None
    middle = statistics.median(days)
    return int(middle) if float(middle).is_integer() else middle


def lines(corpus: Corpus) -> list[Line]:
    """The 98 kommuner by name, then Hele landet."""
    found = []
    places = sorted((k for k in kommuner().values() if not k.is_national), key=lambda k: k.name)
    places += [k for k in kommuner().values() if k.is_national]
    for kommune in places:
        entries = corpus.by_kommune.get(kommune.slug, [])
        promises = corpus.promises_of(kommune=kommune.slug)
        types = corpus.type_counts(entries)
        states = corpus.state_counts(promises)
        days = [d for _, _, d in corpus.response_days(kommune.slug) if d is not None]
        values = {"kommune_name": kommune.name, "entries": len(entries),
                  **{f"type_{t}": types[t] for t in TYPE_LABELS}, "promises": len(promises),
                  **{f"status_{s.replace('-', '_')}": n for s, _, n in states},
                  "kept_on_time": sum(p.timeliness == "on-time" for p in promises),
                  "kept_late": sum(p.timeliness == "late" for p in promises), "median_response_days": _median(days),
                  "latest_date": entries[0].entry.date if entries else None}
        found.append(Line(kommune, values, entries[0] if entries else None))
    return found


def sorted_lines(all_lines: list[Line], column: Column) -> list[Line]:
    """The kommuner largest first for numbers (then by name), newest first for dates, A to Å for
    names; then Hele landet, which is no kommune and is not ranked among them."""
    by_name = sorted((line for line in all_lines if not line.kommune.is_national), key=lambda line: line.kommune.name)
    if column.key != "kommune_name":
        by_name.sort(key=lambda line: line.sort_key(column), reverse=True)
    return by_name + [line for line in all_lines if line.kommune.is_national]


@dataclass(frozen=True)
class Coverage:
    """How much of the country a ranking covers: what its order can and cannot say."""

    kommuner: int  # 98
    with_entries: int  # kommuner with at least one entry
    with_value: int  # kommuner with more than 0 in the column sorted by (0 when not sorted by a number)
    national: str  # the name under which nationwide entries stand


def coverage(all_lines: list[Line], column: Column | None = None) -> Coverage:
    places = [line for line in all_lines if not line.kommune.is_national]
    counted = column is not None and column.numeric
    return Coverage(kommuner=len(places), with_entries=sum(1 for line in places if line.values["entries"]),
                    with_value=sum(1 for line in places if counted and line.values[column.key]),
                    national=next(line.kommune.name for line in all_lines if line.kommune.is_national))


def csv_rows(all_lines: list[Line]) -> list[list]:
    rows = []
    for line in all_lines:
        row = [line.kommune.slug]
        for column in COLUMNS:
            value = line.values[column.key]
            row.append("" if value is None else str(value) if isinstance(value, PartialDate) else value)
        rows.append(row)
    return rows
