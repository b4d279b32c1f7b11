"""What a reader in a similar situation can do: the sources of the help page, and the borgerrådgivere.

The page itself is ``templates/help.html``; every statement on it cites one of the official
pages in ``data/hjaelp.yaml`` by id, with the day it was read. The kommuner whose own website
says they have a borgerrådgiver are listed there too; their pages link to theirs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from ..entries.dates import PartialDate
from ..entries.reference import kommuner


@dataclass(frozen=True)
class HelpSource:
    id: str
    title: str
    publisher: str
    url: str
    read: PartialDate


@dataclass(frozen=True)
class CitizenAdviser:
    """A kommune's borgerrådgiver, as its own website describes it."""

    kommune: str  # slug
    url: str
    read: PartialDate
    note: str | None = None  # e.g. "kommunens nyhed fra 22. november 2018"


def _day(value: dt.date) -> PartialDate:
    return PartialDate.parse(value.isoformat())


@cache
def _data() -> dict:
    return yaml.safe_load(files("jobcentertjek").joinpath("data", "hjaelp.yaml").read_text("utf-8"))


@cache
def help_sources() -> dict[str, HelpSource]:
    """The official pages the help page rests on, by id, in the order the page lists them."""
    return {s["id"]: HelpSource(id=s["id"], title=s["title"], publisher=s["publisher"], url=s["url"],
                                read=_day(s["read"]))
            for s in _data()["sources"]}


@cache
def citizen_advisers() -> dict[str, CitizenAdviser]:
    """The borgerrådgivere we have found, by kommune slug, in the order of the kommune's name."""
    found = {slug: CitizenAdviser(kommune=slug, url=a["url"], read=_day(a["read"]), note=a.get("note"))
             for slug, a in _data()["borgerraadgivere"].items()}
    return dict(sorted(found.items(), key=lambda row: kommuner()[row[0]].name))
