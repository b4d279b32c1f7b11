"""Dates as people write them in Danish: "10. april 2018", "april 2018", "10/4 2018", "2018".

The result is a ``PartialDate`` with exactly the precision written: a month without a day
stays a month. Nothing is guessed; what cannot be read is said in Danish.
"""

from __future__ import annotations

import re

from ..entries.dates import PartialDate

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_WORDS = re.compile(r"^(?:(\d{1,2})\.?\s*)?([a-zæøå]+)\.?,?\s+(\d{4})$")
_NUMBERS = re.compile(r"^(?:(\d{1,2})\s*[./-]\s*)?(\d{1,2})\s*[./ -]\s*(\d{4})$")  # day first, as in Danish
HOW = "skriv den som 10. april 2018, april 2018, 2018 eller 2018-04-10"
MAX_LENGTH = 40


def parse_danish_date(text: str) -> PartialDate:
    """Raise ValueError with a plain Danish message when ``text`` is not a date."""
    cleaned = " ".join(text.strip().casefold().split())
    cleaned = cleaned.removeprefix("den ").rstrip(".")
    if not cleaned:
        raise ValueError("datoen mangler; " + HOW)
    if len(cleaned) > MAX_LENGTH:
        raise ValueError("kan ikke læse datoen; " + HOW)
    try:
        return PartialDate.parse(cleaned)
    except ValueError as exc:
        if re.fullmatch(r"\d{4}(-\d{2}){0,2}", cleaned):
            raise  # ISO, but no real date: PartialDate says what is wrong
        iso_error = exc
    if match := _WORDS.match(cleaned):
        day_text, month_text, year_text = match.groups()
        month = MONTHS.get(month_text)
        if month is None:
            raise ValueError(f"kender ikke måneden {month_text!r}; {HOW}") from None
    elif match := _NUMBERS.match(cleaned):
        day_text, month_text, year_text = match.groups()
        month = int(month_text)
    else:
        raise ValueError(f"kan ikke læse datoen; {HOW}") from iso_error
    day = int(day_text) if day_text else None
    iso = f"{int(year_text):04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
    return PartialDate.parse(iso)
