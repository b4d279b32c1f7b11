"""Lists that grow for as long as a case goes on, shortened for a page: the items kept, and one
line for each run left out, linking to its first item."""

from __future__ import annotations

from dataclasses import dataclass

from ..entries.corpus import TrackedPromise

THREAD_AROUND = 3  # in a long thread, the entries shown before and after the page's own
HISTORY_LATEST = 3  # the latest steps of a promise's history shown on its plan's page


@dataclass(frozen=True)
class Row:
    """A line of a shortened list: an item, or (``hidden`` > 0) a run of items left out, starting at ``item``."""

    item: object
    position: int  # in the whole list, from 1
    hidden: int = 0


def shorten(items: list, keep: set[int]) -> list[Row]:
    """``items`` with those at the indexes ``keep`` and one line for each run left out between them.

    Lists that grow for as long as a case goes on (a thread, a promise's history) would
    otherwise make every page that shows them grow; the line for a run links to its first
    item, so a reader can still walk the whole list.
    """
    rows, i = [], 0
    while i < len(items):
        if i in keep:
            rows.append(Row(items[i], i + 1))
            i += 1
            continue
        end = min((j for j in keep if j > i), default=len(items))
        rows.append(Row(items[i], i + 1, hidden=end - i))
        i = end
    return rows


def thread_window(thread: list, current: str) -> list[Row]:
    """A thread on an entry page: its first and newest entries and those nearest the page's own."""
    at = next(i for i, other in enumerate(thread) if other.id == current)
    return shorten(thread, {0, len(thread) - 1, *range(at - THREAD_AROUND, at + THREAD_AROUND + 1)})


def history_window(promise: TrackedPromise) -> list[Row]:
    """A promise's history on its plan's page: the plan's own step and the latest few.

    A bare start ("not assessed" on the plan's own date, with no note or source) is left
    out altogether: it says nothing the page does not already say.
    """
    steps = promise.history
    first = steps[0]
    if first.status == "not-assessed" and not first.note and not first.sources:
        steps = steps[1:]
    own = {0} if steps and steps[0].entry_id == promise.plan.id else set()
    return shorten(steps, own | set(range(len(steps) - HISTORY_LATEST, len(steps))))
