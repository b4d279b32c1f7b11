"""Long lists split by year: the newest years on the page itself, each older year on a page of its own.

With years of history a kommune, a topic or the promise tracker lists thousands of
entries; one page would grow without end. Years make stable pages: an older year's
page keeps its address and its contents when new entries arrive, unlike numbered pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Item = TypeVar("Item")


@dataclass(frozen=True)
class YearSplit(Generic[Item]):
    recent: list[Item]  # the newest whole years, shown on the page itself
    older: dict[int, list[Item]] = field(default_factory=dict)  # newest first, a page each

    @property
    def first_older_year(self) -> int | None:
        return next(iter(self.older), None)

    def archive(self, page_url: str) -> list[tuple[int, int, str]]:
        """(year, how many, URL) of each older year's page, under the list's page at ``page_url``."""
        return [(year, len(items), f"{page_url}{year}/") for year, items in self.older.items()]


def split_by_year(items: list[Item], year_of: Callable[[Item], int], keep: int) -> YearSplit[Item]:
    """Whole years from the newest until at least ``keep`` items are kept; the rest by year.

    ``items`` must be ordered newest first. The newest year is always kept whole, however long.
    """
    recent: list[Item] = []
    older: dict[int, list[Item]] = {}
    for item in items:
        year = year_of(item)
        if older or (len(recent) >= keep and year != year_of(recent[-1])):
            older.setdefault(year, []).append(item)
        else:
            recent.append(item)
    return YearSplit(recent, older)
