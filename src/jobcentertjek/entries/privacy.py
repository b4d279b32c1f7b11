"""Personal data that must never be published: CPR numbers (refused), e-mail and phone (flagged)."""

from __future__ import annotations

import datetime as dt
import re

from .problems import Problem
from .yamlload import LoadedYaml, field_name

_CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![\d-])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\d.,-])(?:\+45 ?)?(?:\d{2} ?){3}\d{2}(?![\d,-]|\.\d)")  # a full stop may end the sentence
# Quick scans first: the three patterns are slow on long texts, and most texts cannot match.
# Every e-mail address holds an @; every CPR number six digits in a row; every phone number
# (four pairs of digits, single spaces allowed between them) eight digits in a row or two
# pairs around a space. So each of the last two holds two digits, a digit or a space, and
# two digits. (An @ is found faster with ``in`` than by a regular expression.)
_FIVE_DIGITS_OR_PAIRS = re.compile(r"\d\d[\d ]\d\d")
_MAYBE_CPR = re.compile(r"\d{6}")


_CPR_MESSAGE = "teksten indeholder et CPR-nummer; slet det — CPR-numre må aldrig offentliggøres"
_EMAIL_MESSAGE = "teksten indeholder en e-mailadresse; er den privat, så slet den"
_PHONE_MESSAGE = "teksten ligner et telefonnummer; er det privat, så slet det"


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


def _maybe_personal(text: str) -> bool:
    return "@" in text or _FIVE_DIGITS_OR_PAIRS.search(text) is not None


def scan(loaded: LoadedYaml, filename: str) -> list[Problem]:
    """CPR numbers are errors everywhere; e-mail and phone numbers are warnings outside sources.

    Each finding points at the line and column where it stands, also inside a long
    multi-line text (``summary: |``), so a contributor can find it.
    """
    texts = list(_strings(loaded.data))
    if not _maybe_personal("\0".join(text for _, text in texts)):  # most files: one quick scan, then done
        return []
    problems = []
    for path, text in texts:
        if not _maybe_personal(text):
            continue
        findings = []
        if _MAYBE_CPR.search(text):
            findings += [(m, _CPR_MESSAGE, "error") for m in _CPR.finditer(text) if _is_cpr(m)]
        if "sources" not in path:
            findings += [(m, _EMAIL_MESSAGE, "warning") for m in _EMAIL.finditer(text)] if "@" in text else []
            findings += [(m, _PHONE_MESSAGE, "warning") for m in _PHONE.finditer(text)]
        if not findings:
            continue
        where = field_name(path)
        findings.sort(key=lambda finding: finding[0].start())
        places = loaded.positions_of(path, [m.group() for m, _, _ in findings])
        for (_, message, severity), (line, column) in zip(findings, places):
            problems.append(Problem(filename, line, column, where, message, severity))
    return problems
