"""``jobcentertjek new``: start a correctly named entry file with every field present and explained.

The files come from Jinja templates (``templates/new-<type>.yaml.j2``). Required values
start as ``""`` so that ``jobcentertjek check`` names each one until it is filled in.
"""

from __future__ import annotations

import argparse
import re
import sys
from functools import cache
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from slugify import slugify

from ..entries.dates import PartialDate, today
from ..entries.model import MODELS, REPORT_KINDS, STATUS_LABELS, TYPE_LABELS
from ..entries.reference import (
    DANISH_LETTERS,
    Kommune,
    danish_slug,
    find_kommune,
    kommuner,
    suggest,
    tags,
)
from ..entries.validate import display_path

TITLE_SLUG_LENGTH = 50  # file names stay readable; the title itself is not shortened
# Words that say nothing on their own: a file name neither begins nor ends with one
# ("...-is-for-at-faa" reads as cut off). Transliterated, as in a slug: på is paa.
SMALL_WORDS = frozenset(
    "af at da de den denne der det dets dem deres du efter eller en et for fik fra faa faar han hendes hans hun "
    "hvis hvor i ikke jo kan kun man med men mod naar nogle og om paa saa sig sin sine sit skal skulle som til "
    "vi vil ville er var har have havde blive bliver blev vaere".split())
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_ID = re.compile(r"(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)")


class ScaffoldError(Exception):
    """A reason not to write the file, in Danish, for the contributor."""


def _yaml_scalar(value: str) -> str:
    """A string as one double-quoted YAML scalar, whatever quotes or colons it holds."""
    return yaml.safe_dump(value, allow_unicode=True, default_style='"', width=float("inf")).rstrip("\n")


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("jobcentertjek", "templates"),
        autoescape=False,  # YAML, not HTML: values go through the yaml filter instead
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = _yaml_scalar
    return env


def resolve_kommune(text: str) -> Kommune:
    """The kommune a contributor meant, or an error that names the nearest ones."""
    kommune = find_kommune(text)
    if kommune is not None:
        return kommune
    names = {}
    for place in kommuner().values():  # match names and slugs, ignoring case
        names.setdefault(place.name.casefold(), place.name)
        names.setdefault(place.slug, place.name)
    guesses = list(dict.fromkeys(names[key] for key in suggest(text.strip().casefold(), names)))
    hint = (f"; mente du {' eller '.join(guesses)}?" if guesses
            else "; brug kommunens navn, kode eller slug fra src/jobcentertjek/data/kommuner.yaml")
    raise ScaffoldError(f"ukendt kommune {text!r}{hint}")


def title_slug(title: str, limit: int = TITLE_SLUG_LENGTH) -> str:
    """The title's first meaningful words, cut at a word boundary within ``limit`` characters."""
    words = [word for word in slugify(title, replacements=DANISH_LETTERS).split("-") if word]
    while words and words[0] in SMALL_WORDS:
        words.pop(0)
    chosen: list[str] = []
    for word in words:
        if len("-".join([*chosen, word])) > limit:
            break
        chosen.append(word)
    if not chosen and words:  # one word longer than the limit
        return words[0][:limit]
    while chosen and chosen[-1] in SMALL_WORDS:
        chosen.pop()
    return "-".join(chosen)


def file_name(kind: str, date: PartialDate, title: str, slug: str | None = None) -> str:
    """``<date>-<short slug>.yaml``, the name the validator expects; ``slug`` if the contributor chose one."""
    return f"{date}-{slug or title_slug(title) or danish_slug(TYPE_LABELS[kind])}.yaml"


def render_entry(kind: str, kommune: Kommune, date: PartialDate, title: str, shown_path: str) -> str:
    template = _environment().get_template(f"new-{kind}.yaml.j2")
    return template.render(
        title=title, date=str(date), kommune=kommune, path=shown_path,
        tags=list(tags()), kinds=REPORT_KINDS, statuses=STATUS_LABELS,
    )


def write_new_entry(kind: str, kommune_text: str, title: str, date: PartialDate, cases_dir: Path,
                    slug: str | None = None) -> Path:
    """Write the new file and return its path; never overwrites."""
    kommune = resolve_kommune(kommune_text)
    path = cases_dir / kommune.slug / file_name(kind, date, title, slug)
    text = render_entry(kind, kommune, date, title, display_path(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{display_path(path)} findes allerede; vælg et andet navn med --slug") from None
    return path


def _entry_date(text: str) -> PartialDate:
    try:
        date = PartialDate.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if date.first_day > today():
        raise argparse.ArgumentTypeError(f"datoen {date} ligger i fremtiden")
    return date


def _slug(text: str) -> str:
    if not _SLUG.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} må kun have små bogstaver a-z, tal og bindestreger, "
                                         "fx beloenning-stoppes")
    return text


def _entry_id(text: str) -> tuple[PartialDate, str]:
    """``--id 2019-07-05-beloenning-stoppes``: the date and the short name."""
    match = _ID.fullmatch(text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} skal være sagens dato og et kort navn med små bogstaver og "
                                         "bindestreger, fx 2019-07-05-beloenning-stoppes")
    return _entry_date(match["date"]), match["slug"]


def _run(args: argparse.Namespace) -> int:
    date, slug = args.date, args.slug
    if args.id:
        id_date, slug = args.id
        if date and str(date) != str(id_date):
            print(f"jobcentertjek new: --id begynder med {id_date}, men --date er {date}; de skal være ens",
                  file=sys.stderr)
            return 1
        date = id_date
    try:
        path = write_new_entry(args.type, args.kommune, args.title, date or _today(), Path(args.cases), slug)
    except ScaffoldError as exc:
        print(f"jobcentertjek new: {exc}", file=sys.stderr)
        return 1
    print(display_path(path))
    print(f'Udfyld felterne med "" og kør derefter: jobcentertjek check {display_path(path)}', file=sys.stderr)
    return 0


def _today() -> PartialDate:
    day = today()
    return PartialDate(day.year, day.month, day.day)


def add_new_command(commands) -> None:
    new = commands.add_parser("new", help="start en ny sag med alle felter forklaret",
                              description="Start en ny sags fil med alle felter til stede og forklaret. Filen får "
                                          "navn efter datoen og titlens første ord; den må omdøbes, indtil sagen "
                                          "er udgivet.")
    new.add_argument("type", choices=list(MODELS), metavar="TYPE",
                     help="report (kritik), response (svar), plan (handleplan) eller update (opfølgning)")
    new.add_argument("--kommune", required=True, help="kommunens navn, kode eller slug, fx København, 101 eller koebenhavn")
    new.add_argument("--title", default="", metavar="TITEL", help="sagens overskrift; giver også filen dens navn")
    new.add_argument("--date", type=_entry_date, metavar="DATO", help="ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM, ÅÅÅÅ); standard: i dag")
    name = new.add_mutually_exclusive_group()
    name.add_argument("--slug", type=_slug, metavar="NAVN",
                      help="filens korte navn efter datoen, fx beloenning-stoppes (i stedet for titlens ord)")
    name.add_argument("--id", type=_entry_id, metavar="ID",
                      help="hele id'et, fx 2019-07-05-beloenning-stoppes; datoen i id'et bliver sagens dato")
    new.add_argument("--cases", default="cases", metavar="MAPPE", help="mappen med sagerne (standard: cases)")
    new.set_defaults(run=_run)
