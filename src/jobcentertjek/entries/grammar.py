"""Danish number agreement: "1 sag", "0 sager", "2 sager".

Danish has two forms for a counted noun: the singular for exactly one, the plural for
every other whole number (CLDR's rule for "da" gives the same for whole numbers). Every
count the site or a message shows goes through here, with both forms spelled out, since
Danish plurals are not regular ("svar", "fejl" and "trin" stay; "sag" becomes "sager").
"""

from __future__ import annotations


def plural(n: int, one: str, other: str) -> str:
    """The form of a noun that agrees with ``n``."""
    return one if n == 1 else other


def number(n: int) -> str:
    """A whole number as Danish writes it, with a point between thousands: "2.898"."""
    return f"{n:,}".replace(",", ".")


def count(n: int, one: str, other: str) -> str:
    """``n`` and the noun that agrees with it: ``count(1, "sag", "sager")`` is "1 sag"."""
    return f"{number(n)} {plural(n, one, other)}"
