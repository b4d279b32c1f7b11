"""Klarsprog in ``jobcentertjek check``: warnings about how an entry is written, never errors.

Three things a copy editor would change before publishing:

- A role stands after a name ("H.P. Geil, borgmester i Haderslev Kommune"), so a common noun
  at its start is written in lower case. A role that begins with a name ("De Konservative i
  Ballerup", "KL's …") keeps its capital: only a first word that is a known common noun of roles
  is warned about (below), so a name is never mistaken for one.
- A hyphen used as a dash ("Styrelsens analyse - over hver tredje …") is an en dash with spaces
  in Danish typography: "Styrelsens analyse – over hver tredje …".
- A source note or summary that speaks of "den gemte kopi" points at a copy the reader cannot
  see; it says what was read instead, and a copy anyone can open goes in ``archive_url``.
"""

from __future__ import annotations

import re

from ..entries.model import Plan
from ..entries.problems import Problem
from ..entries.validate import LoadedEntry

# Words that begin roles and are common nouns or adjectives, in any inflection (the ending below):
# offices and jobs ("borgmester", "formand", "beskæftigelsesminister"), bodies ("udvalg",
# "kommunalbestyrelsen", "byrådet") and the words that describe them ("tidligere", "politisk").
# A word ending like one of these is a compound of it: "udvalgsformand", "arbejdsmarkedschef".
_COMMON = re.compile(
    r"(minister|mester|formand|rådmand|chef|direktør|leder|konsulent|sekretær|rådgiver|repræsentant|"
    r"medarbejder|medlem|politiker|borger|udvalg|bestyrelse|byråd|professor|forsker|tovholder|ansat|"
    r"ordfører|læge|advokat|journalist|sagsbehandler|assistent|flertallet|mindretallet|forvaltning|ledelse|"
    r"partierne|tidligere|politisk|faglig|sygemeldt|fungerende|konstitueret|daværende|nuværende)"
    r"(e|en|et|n|ne|er|erne|s)?$")
# The first word; of "Beskæftigelses- og integrationsborgmester", the whole word it shortens.
_FIRST_WORD = re.compile(r"(?:[^\W\d_]+- (?:og|eller) )?([^\W\d_]+)")
HYPHEN_DASH = " - "
_UNSEEN_COPY = re.compile(r"\b(?:den|vores) gemte (?:kopi|udgave|side)\b", re.IGNORECASE)


def wording(item: LoadedEntry) -> list[Problem]:
    """Every wording warning for one entry."""
    return _capitalised_roles(item) + _hyphens_as_dashes(item) + _unseen_copies(item)


def capitalised_common_noun(role: str) -> bool:
    """True when ``role`` begins with a common noun (or an adjective of one) written with a capital."""
    match = _FIRST_WORD.match(role)
    if not match or not role[0].isupper() or match.group(1).isupper():
        return False
    return bool(_COMMON.search(match.group(1).lower()))


def people(entry) -> list[tuple[tuple, object]]:
    """Everyone an entry names, with the path of each in the file."""
    people = [(("people", i), a) for i, a in enumerate(getattr(entry, "people", []))]
    people += [(("responders", i), a) for i, a in enumerate(getattr(entry, "responders", []))]
    if isinstance(entry, Plan):
        people += [(("promises", i, "promised_by"), p.promised_by) for i, p in enumerate(entry.promises)]
    return people


def _capitalised_roles(item: LoadedEntry) -> list[Problem]:
    return [
        item.problem((*path, "role"), f"rollen står efter navnet midt i en sætning (»{actor.name}, "
                                      f"{actor.role[0].lower()}{actor.role[1:]}«): skriv den med lille "
                                      f"begyndelsesbogstav, medmindre den begynder med et navn",
                     severity="warning")
        for path, actor in people(item.entry)
        if actor.role and capitalised_common_noun(actor.role)
    ]


def source_lists(entry) -> list[tuple[tuple, list]]:
    """An entry's lists of sources (its own, and a plan's promises'), with the path of each."""
    lists = [(("sources",), entry.sources)]
    if isinstance(entry, Plan):
        lists += [(("promises", i, "sources"), p.sources) for i, p in enumerate(entry.promises)]
    return lists


def _titles(entry) -> list[tuple[tuple, str]]:
    return [(("title",), entry.title)] + [((*path, i, "title"), source.title)
                                          for path, sources in source_lists(entry)
                                          for i, source in enumerate(sources)]


def _hyphens_as_dashes(item: LoadedEntry) -> list[Problem]:
    return [
        item.problem(path, f"bindestreg brugt som tankestreg (»{HYPHEN_DASH.strip()}« med mellemrum om); skriv en "
                           f"tankestreg: »{title.replace(HYPHEN_DASH, ' – ')}«", severity="warning")
        for path, title in _titles(item.entry)
        if HYPHEN_DASH in title
    ]


def _unseen_copies(item: LoadedEntry) -> list[Problem]:
    texts = [(("summary",), item.entry.summary)] + [((*path, i, "note"), source.note)
                                                    for path, sources in source_lists(item.entry)
                                                    for i, source in enumerate(sources) if source.note]
    return [
        item.problem(path, f"»{match.group(0)}« er en kopi, læseren ikke kan se; skriv, hvad I har læst (fx »Datoen "
                           f"står ikke i den udgave af siden, vi har læst«), og læg en kopi, alle kan åbne, i "
                           f"archive_url", severity="warning")
        for path, text in texts
        if (match := _UNSEEN_COPY.search(text))
    ]
