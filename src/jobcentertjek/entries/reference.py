"""Reference data shipped with the package: the 98 kommuner and the tag vocabulary."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml
from slugify import slugify

DANISH_LETTERS = [("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("Æ", "Ae"), ("Ø", "Oe"), ("Å", "Aa")]


@cache  # called for every tag link on every page
def danish_slug(text: str) -> str:
    """ASCII URL slug with the Danish transliteration (København → koebenhavn)."""
    return slugify(text, replacements=DANISH_LETTERS)


@dataclass(frozen=True)
class Kommune:
    slug: str
    name: str
    code: str = ""  # empty for the national pseudo-kommune
    region: str = ""

    @property
    def is_national(self) -> bool:
        return not self.code


@dataclass(frozen=True)
class Tag:
    name: str
    slug: str
    description: str


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster


def read_data(name: str):
    """A YAML file of the package's reference data (``data/``)."""
    return yaml.load(files("jobcentertjek").joinpath("data").joinpath(name).read_text("utf-8"), Loader=_SAFE_LOADER)


@cache
def kommuner() -> dict[str, Kommune]:
    """All places an entry can belong to, by slug: the 98 kommuner and then ``hele-landet``."""
    data = read_data("kommuner.yaml")
    places = {k["slug"]: Kommune(slug=k["slug"], name=k["name"], code=k["code"], region=k["region"])
              for k in data["kommuner"]}
    national = data["national"]
    places[national["slug"]] = Kommune(slug=national["slug"], name=national["name"])
    return places


@cache
def regions() -> list[str]:
    return sorted({k.region for k in kommuner().values() if k.region})


@cache
def tags() -> dict[str, Tag]:
    return {t["tag"]: Tag(name=t["tag"], slug=danish_slug(t["tag"]), description=t["description"])
            for t in read_data("tags.yaml")}


def find_kommune(text: str) -> Kommune | None:
    """A kommune by slug, name or code, as a contributor might type it ("København", "101")."""
    wanted = text.strip()
    for kommune in kommuner().values():
        if wanted in (kommune.slug, kommune.code) or wanted.casefold() == kommune.name.casefold():
            return kommune
    return kommuner().get(danish_slug(wanted))


def suggest(text: str, choices, limit: int = 3) -> list[str]:
    """The nearest known names, for "did you mean" messages."""
    return difflib.get_close_matches(text, list(choices), n=limit, cutoff=0.6)
