"""Personal data that must never be published: CPR numbers (refused), e-mail and phone (flagged)."""

from __future__ import annotations

import datetime as dt
import re

from .problems import Problem
from .yamlload import LoadedYaml, field_name

_CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![\d-])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\d.,-])(?:\+45 ?)?(?:\d{2} ?){3}\d{2}(?![\d.,-])")


def _is_cpr(match: re.Match) -> bool:
    day, month, year = (int(g) for g in match.groups()[:3])
    for century in (1900, 2000):
        try:
            dt.date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def _strings(data, path=()):
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, path + (i,))


def scan(loaded: LoadedYaml, filename: str) -> list[Problem]:
    """CPR numbers are errors everywhere; e-mail and phone numbers are warnings outside sources."""
    problems = []
    for path, text in _strings(loaded.data):
        line, column = loaded.position(path)
        where = field_name(path)
        if any(_is_cpr(m) for m in _CPR.finditer(text)):
            problems.append(Problem(filename, line, column, where,
                                    "teksten indeholder et CPR-nummer; slet det — CPR-numre må aldrig offentliggøres"))
        if "sources" in path:
            continue
        if _EMAIL.search(text):
            problems.append(Problem(filename, line, column, where,
                                    "teksten indeholder en e-mailadresse; er den privat, så slet den", "warning"))
        if _PHONE.search(text):
            problems.append(Problem(filename, line, column, where,
                                    "teksten ligner et telefonnummer; er det privat, så slet det", "warning"))
    return problems
