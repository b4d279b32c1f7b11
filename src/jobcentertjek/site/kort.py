"""The map of Denmark's 98 kommuner, drawn at build time as inline SVG (templates/_kort.html).

The shapes come from ``data/kort.json``, made once from the official DAGI boundaries by
``scripts/simplify_kommuner.py``. Here each kommune gets what the map says about it: its
counts (for the link's accessible name) and one colour class per measure. The classes are
buckets, so the map has the same size with 20 entries or 20,000.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ..entries.corpus import Corpus
from ..entries.grammar import count
from ..entries.model import FINAL_STATUSES
from ..entries.reference import Kommune, kommuner, regions

# The measures a reader can colour the map by: (key, the question, buckets in words).
# Each bucket's class is the measure's letter and the bucket's number, e.g. "e2".
MEASURES = [
    ("e", "Sager", ["Ingen sager", "1–4 sager", "5–19 sager", "20 sager eller flere"]),
    ("k", "Holdte løfter", ["Ingen vurderede løfter", "Under en tredjedel holdt", "En til to tredjedele holdt",
                            "Over to tredjedele holdt"]),
    ("o", "Overskredne frister", ["Ingen løfter", "Løfter, ingen over fristen", "Løfter over fristen"]),
]
ENTRY_BUCKETS = (1, 5, 20)  # lower bounds of buckets 1, 2 and 3


@dataclass(frozen=True)
class Shape:
    """One kommune on the map: its figures, its colour classes and its outlines."""

    kommune: Kommune
    entries: int
    promises: int
    assessed: int  # promises with a final verdict: kept, partly kept or broken
    kept: int
    overdue: int
    main: str  # SVG path data on the main map (or in Bornholm's box)
    inset: str  # path data in the capital inset ("" when outside it)
    in_inset: bool  # linked in the inset, drawn unlinked on the main map

    @property
    def buckets(self) -> dict[str, int]:
        """The bucket of each measure (MEASURES), by the measure's key."""
        entries = sum(self.entries >= bound for bound in ENTRY_BUCKETS)
        if not self.assessed:
            kept = 0
        else:
            share = self.kept / self.assessed
            kept = 1 if share < 1 / 3 else 2 if share <= 2 / 3 else 3
        overdue = 0 if not self.promises else 2 if self.overdue else 1
        return {"e": entries, "k": kept, "o": overdue}

    @property
    def classes(self) -> str:
        return " ".join(f"{key}{bucket}" for key, bucket in self.buckets.items())

    @property
    def label(self) -> str:
        """The link's accessible name: everything the colours say, in words."""
        name = self.kommune.name
        if not self.entries:
            return f"{name}: ingen sager"
        text = f"{name}: {count(self.entries, 'sag', 'sager')}, {count(self.promises, 'løfte', 'løfter')}"
        if self.assessed:
            text += f" ({self.kept} holdt af {self.assessed} vurderede)"
        if self.promises:
            text += f", {self.overdue} med overskredet frist"
        return text


@cache
def map_data() -> dict:
    return json.loads(files("jobcentertjek").joinpath("data", "kort.json").read_text("utf-8"))


def _region_order(kommune: Kommune) -> tuple[int, str]:
    return regions().index(kommune.region), kommune.name


def shapes(corpus: Corpus) -> list[Shape]:
    """Every kommune's shape, in the order keyboard users meet them: by region and name, as in the list."""
    data = map_data()["kommuner"]
    found = []
    for kommune in sorted((k for k in kommuner().values() if not k.is_national), key=_region_order):
        promises = corpus.promises_of(kommune=kommune.slug)
        outline = data[kommune.code]
        found.append(Shape(
            kommune=kommune, entries=len(corpus.by_kommune.get(kommune.slug, [])), promises=len(promises),
            assessed=sum(p.status in FINAL_STATUSES for p in promises),
            kept=sum(p.status == "kept" for p in promises), overdue=sum(p.is_overdue for p in promises),
            main=outline["main"], inset=outline.get("inset", ""), in_inset=outline.get("in_inset", False)))
    return found


def map_context(corpus: Corpus) -> dict:
    """What templates/_kort.html needs to draw the map: the shapes, and for each measure its
    buckets in words with the number of kommuner in each, so that the legend says how few
    kommuner the record covers as plainly as the colours do."""
    found = shapes(corpus)
    measures = [(key, question, [(label, sum(s.buckets[key] == i for s in found)) for i, label in enumerate(labels)])
                for key, question, labels in MEASURES]
    return {"shapes": found, "layout": map_data(), "measures": measures,
            "covered": sum(1 for s in found if s.entries), "total": len(found)}


def locator(kommune: Kommune) -> dict | None:
    """The small map on a kommune page: the country's outline with the kommune filled in."""
    if kommune.is_national:
        return None
    data = map_data()
    return {"width": data["width"], "height": data["height"], "outline": data["locator"]["outline"],
            "shape": data["locator"]["kommuner"][kommune.code], "credit": data["credit"]}
