"""Wayback Machine addresses: a snapshot's address from its timestamp, and its date back from the address.

A snapshot's address is ``<base>/web/<timestamp>/<original address>``, the timestamp being
``YYYYMMDDhhmmss`` in UTC (``jobcentertjek archive`` writes them so). The date it was taken is
read from that timestamp, to the day; a shorter timestamp (``/web/2019/``) only asks the Wayback
Machine for the copy nearest that time, so it gives no date.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import PartialDate

_TIMESTAMP = re.compile(r"/web/(\d{8,14})(?:[a-z]{2}_)?/")


def snapshot_url(base: str, timestamp: str, url: str) -> str:
    return f"{base}/web/{timestamp}/{url}"


def timestamp_day(timestamp: str) -> dt.date | None:
    """The day of a Wayback timestamp (at least ``YYYYMMDD``), or None."""
    try:
        return dt.date(int(timestamp[:4]), int(timestamp[4:6]), int(timestamp[6:8]))
    except ValueError:
        return None


def snapshot_date(archive_url: str | None) -> PartialDate | None:
    """The day a Wayback Machine snapshot was taken, read from its address; None for another archive."""
    match = _TIMESTAMP.search(archive_url or "")
    day = match and timestamp_day(match.group(1))
    return PartialDate(day.year, day.month, day.day) if day else None
