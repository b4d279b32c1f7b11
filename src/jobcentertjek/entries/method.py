"""The method's rules for a promise's status, stated once.

`jobcentertjek check` enforces them (``status_problems``), the tracker's queue of promises due a
check uses them, and docs/metode.md says the same in words: tests/test_method.py fails when the
page and these numbers drift apart.
"""

from __future__ import annotations

import datetime as dt

from .dates import PartialDate
from .model import STATUS_LABELS, Check, Promise

UNCHECKED_AFTER_DAYS = 365  # an open promise nobody has looked into for longer is due a check
WAIT_AFTER_DEADLINE_DAYS = 365  # "Kan ikke efterprøves" no sooner than this after the deadline ...
WAIT_WITHOUT_DEADLINE_DAYS = 730  # ... or after the promise, when it has no deadline
CHECKS_FOR_UNVERIFIABLE = 2  # dated checks that found nothing decisive ...
CHECK_GAP_DAYS = 182  # ... the first and the newest at least half a year apart
REPLY_DAYS = 14  # the kommune's time to answer before one of these statuses is set:
NEEDS_REPLY = ("stalled", "broken", "unverifiable")


def _label(status: str) -> str:
    return f"»{STATUS_LABELS[status]}«"


def status_problems(status: str, promise: Promise, plan_date: PartialDate, on: dt.date) -> list[str]:
    """Why ``status`` may not be given to ``promise`` (made on ``plan_date``) on the day ``on``, in Danish."""
    problems = []
    checks = sorted(promise.checks, key=lambda check: check.date.sort_key())
    if status == "unverifiable":
        problems += _unverifiable_problems(promise, checks, plan_date)
    if status in NEEDS_REPLY and (problem := _reply_problem(status, checks, on)):
        problems.append(problem)
    return problems


def _unverifiable_problems(promise: Promise, checks: list[Check], plan_date: PartialDate) -> list[str]:
    label = _label("unverifiable")
    if len(checks) < CHECKS_FOR_UNVERIFIABLE:
        return [f"{label} kræver mindst {CHECKS_FOR_UNVERIFIABLE} daterede efterprøvninger under checks med mindst "
                f"{CHECK_GAP_DAYS} dages mellemrum; løftet har {len(checks)}"]
    problems = []
    first, newest = checks[0], checks[-1]
    gap = (newest.date.first_day - first.date.last_day).days
    if gap < CHECK_GAP_DAYS:
        problems.append(f"{label} kræver efterprøvninger med mindst {CHECK_GAP_DAYS} dages mellemrum; den første "
                        f"({first.date}) og den nyeste ({newest.date}) ligger {max(gap, 0)} dage fra hinanden")
    if promise.deadline is not None:
        start, wait, since = promise.deadline.last_day, WAIT_AFTER_DEADLINE_DAYS, f"fristen ({promise.deadline})"
    else:
        start, wait, since = plan_date.last_day, WAIT_WITHOUT_DEADLINE_DAYS, f"løftet ({plan_date}), der ingen frist har"
    if (newest.date.first_day - start).days < wait:
        problems.append(f"{label} kræver, at den nyeste efterprøvning ligger mindst {wait} dage efter {since}; "
                        f"den er fra {newest.date}")
    return problems


def _reply_problem(status: str, checks: list[Check], on: dt.date) -> str | None:
    """The kommune's right of reply: asked, and either it answered or it had ``REPLY_DAYS`` days."""
    asked = [check.asked for check in checks if check.asked is not None]
    label = _label(status)
    if not asked:
        return (f"{label} kræver, at kommunen er spurgt og har haft {REPLY_DAYS} dage til at svare: skriv det under "
                f"asked i en efterprøvning (checks)")
    if any(a.answer for a in asked):
        return None
    latest = max(asked, key=lambda a: a.date.sort_key())
    ready = latest.date.last_day + dt.timedelta(days=REPLY_DAYS)
    if ready > on:
        return (f"kommunen blev spurgt {latest.date} og har {REPLY_DAYS} dage til at svare; {label} kan tidligst "
                f"sættes {ready.isoformat()}, eller når kommunen har svaret (answer)")
    return None
