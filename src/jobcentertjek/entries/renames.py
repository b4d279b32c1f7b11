"""Entries that were renamed: ``former_ids`` keep their old addresses working.

An entry's id is its address (``/sager/<id>/``), and links in the press and in readers'
bookmarks point at it. An entry that gets a new id lists the ids it had under ``former_ids``;
the site then keeps a small page at each old address that sends the reader on. So an old id
must name this entry alone: never another entry's id, and never another entry's former id.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .problems import Problem

if TYPE_CHECKING:  # validate imports this module
    from .validate import LoadedEntry


def former_owners(entries: list[LoadedEntry]) -> dict[str, LoadedEntry]:
    """Each former id and the entry that now has it (the first, when two claim one)."""
    owners: dict[str, LoadedEntry] = {}
    for item in entries:
        for old in item.entry.former_ids:
            owners.setdefault(old, item)
    return owners


def check_former_ids(entries: list[LoadedEntry], by_id: dict[str, LoadedEntry]) -> list[Problem]:
    """Each former id names one entry only, and is no entry's id."""
    problems, claimed = [], {}
    for item in entries:
        for i, old in enumerate(item.entry.former_ids):
            at = ("former_ids", i)
            if old == item.id:
                problems.append(item.problem(at, "er sagens eget id; under former_ids står kun de id'er, sagen "
                                                 "havde før"))
            elif old in by_id:
                problems.append(item.problem(at, f"{old!r} er id'et på {by_id[old].path}; en tidligere adresse må "
                                                 "ikke være en anden sags adresse"))
            elif (owner := claimed.get(old)) is item:
                problems.append(item.problem(at, f"{old!r} står allerede under former_ids; slet den ene"))
            elif owner is not None:
                problems.append(item.problem(at, f"{old!r} står også under former_ids i {owner.path}; en tidligere "
                                                 "adresse kan kun føre til én sag"))
            claimed.setdefault(old, item)
    return problems


def renamed_hint(target: str, owners: dict[str, LoadedEntry]) -> str:
    """"; sagen hedder nu 'x'" for a link to an entry by one of its former ids, else ""."""
    owner = owners.get(target)
    return f"; {target!r} er et tidligere id, og sagen hedder nu {owner.id!r}" if owner else ""
