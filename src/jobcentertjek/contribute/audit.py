"""What a copy editor checks mechanically: warnings with file and line, never errors.

The validator refuses what cannot be published; these checks point at what a careful editor
would question before publishing: a status its evidence cannot carry, an update that may lie
before its plan, a source nobody can find again, a person without the role they are named in,
an answer, plan or update linked to another kommune's entry; and how an entry is written (``wording.py``).
"""

from __future__ import annotations

from ..entries.model import Plan, Update
from ..entries.problems import Problem
from ..entries.reference import kommuner
from ..entries.validate import LoadedEntry
from .wording import people, source_lists, wording

NATIONAL = "hele-landet"  # an entry for the whole country may link and be linked from any kommune


def audit(entries: list[LoadedEntry]) -> list[Problem]:
    """Every warning for ``entries``; an update whose plan is not among them is checked on its own."""
    by_id = {item.id: item for item in entries}
    problems = []
    for item in entries:
        problems += _unfindable_sources(item)
        problems += _people_without_role(item)
        problems += _other_kommune(item, by_id)
        problems += wording(item)
        if isinstance(item.entry, Plan):
            problems += _plan_statuses(item)
        elif isinstance(item.entry, Update):
            plan = by_id.get(item.entry.plan)
            if plan is not None and isinstance(plan.entry, Plan):
                problems += _update_against_plan(item, plan.entry)
    return sorted(problems)


def _warning(item: LoadedEntry, path: tuple, message: str) -> Problem:
    return item.problem(path, message, severity="warning")


def _unfindable_sources(item: LoadedEntry) -> list[Problem]:
    return [
        _warning(item, (*path, i), "kilden har hverken webadresse (url) eller en note (note) om, hvorfor den mangler; "
                                   "skriv, hvor kilden kan findes")
        for path, sources in source_lists(item.entry)
        for i, source in enumerate(sources)
        if not source.url and not source.note
    ]


def _people_without_role(item: LoadedEntry) -> list[Problem]:
    return [
        _warning(item, (*path, "name"), f"{actor.name} har ingen rolle (role); skriv den offentlige rolle, "
                                        f"personen nævnes i")
        for path, actor in people(item.entry)
        if not actor.role
    ]


def _other_kommune(item: LoadedEntry, by_id: dict[str, LoadedEntry]) -> list[Problem]:
    """A response, plan or update in one kommune that links to an entry of another kommune."""
    entry = item.entry
    links = [(("responds_to", i), target) for i, target in enumerate(getattr(entry, "responds_to", []))]
    if isinstance(entry, Update):
        links.append((("plan",), entry.plan))
    problems = []
    for path, target in links:
        other = by_id.get(target)
        if other is None or NATIONAL in (entry.kommune, other.entry.kommune) or other.entry.kommune == entry.kommune:
            continue
        places = kommuner()
        theirs, ours = (places[k].name if k in places else k for k in (other.entry.kommune, entry.kommune))
        problems.append(_warning(item, path, f"{target!r} er en sag fra {theirs}, men denne sag hører til {ours}; "
                                             f"er det den rigtige sag?"))
    return problems


def _predates(sources: list, plan) -> bool:
    """True when there is evidence and all of it was published before the promise was made."""
    return bool(sources) and all(source.date.last_day < plan.date.first_day for source in sources)


def _plan_statuses(item: LoadedEntry) -> list[Problem]:
    plan = item.entry
    return [
        _warning(item, ("promises", i, "status"), _EARLY_EVIDENCE.format(status=promise.status, date=plan.date))
        for i, promise in enumerate(plan.promises)
        if promise.status != "not-assessed" and _predates(promise.sources, plan)
    ]


_EARLY_EVIDENCE = ("status {status!r} bygger kun på kilder fra før løftet blev givet ({date}); "
                   "en status skal bygge på noget, der skete efter løftet")


def _update_against_plan(item: LoadedEntry, plan: Plan) -> list[Problem]:
    update = item.entry
    problems = []
    # A date wholly before the plan's is an error (validate.py); one that only may lie before it is a warning.
    if update.date.first_day < plan.date.first_day <= update.date.last_day:
        problems.append(_warning(item, ("date",), f"opfølgningen er dateret {update.date}, som kan ligge før "
                                                  f"planens dato ({plan.date}); angiv datoen så præcist, "
                                                  f"som kilden tillader"))
    if _predates(update.sources, plan):
        problems += [
            _warning(item, ("changes", i, "status"), _EARLY_EVIDENCE.format(status=change.status, date=plan.date))
            for i, change in enumerate(update.changes)
            if change.status != "not-assessed"
        ]
    return problems
