"""``jobcentertjek new``: start a correctly named entry file with every field present and explained.

The files come from Jinja templates (``templates/new-<type>.yaml.j2``). Required values
start as ``""`` so that ``jobcentertjek check`` names each one until it is filled in.
"""

from __future__ import annotations

import argparse
import sys
from functools import cache
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from slugify import slugify

from .dates import PartialDate, today
from .model import MODELS, REPORT_KINDS, STATUS_LABELS, TYPE_LABELS
from .reference import DANISH_LETTERS, Kommune, danish_slug, find_kommune, kommuner, suggest, tags
from .validate import display_path

TITLE_SLUG_LENGTH = 60  # file names stay readable; the title itself is not shortened


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


def file_name(kind: str, date: PartialDate, title: str) -> str:
    """``<date>-<short slug>.yaml``, the name the validator expects."""
    slug = slugify(title, replacements=DANISH_LETTERS, max_length=TITLE_SLUG_LENGTH, word_boundary=True)
    return f"{date}-{slug or danish_slug(TYPE_LABELS[kind])}.yaml"


def render_entry(kind: str, kommune: Kommune, date: PartialDate, title: str, shown_path: str) -> str:
    template = _environment().get_template(f"new-{kind}.yaml.j2")
    return template.render(
        title=title, date=str(date), kommune=kommune, path=shown_path,
        tags=list(tags()), kinds=REPORT_KINDS, statuses=STATUS_LABELS,
    )


def write_new_entry(kind: str, kommune_text: str, title: str, date: PartialDate, cases_dir: Path) -> Path:
    """Write the new file and return its path; never overwrites."""
    kommune = resolve_kommune(kommune_text)
    path = cases_dir / kommune.slug / file_name(kind, date, title)
    text = render_entry(kind, kommune, date, title, display_path(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{display_path(path)} findes allerede; giv sagen en anden titel med --title") from None
    return path


def _entry_date(text: str) -> PartialDate:
    try:
        date = PartialDate.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if date.first_day > today():
        raise argparse.ArgumentTypeError(f"datoen {date} ligger i fremtiden")
    return date


def _run(args: argparse.Namespace) -> int:
    try:
        path = write_new_entry(args.type, args.kommune, args.title, args.date or _today(), Path(args.cases))
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
    new = commands.add_parser("new", help="start a new entry file with every field present and explained")
    new.add_argument("type", choices=list(MODELS), help="report, response, plan or update")
    new.add_argument("--kommune", required=True, help="the kommune's name, code or slug, e.g. København, 101 or koebenhavn")
    new.add_argument("--title", default="", help="the entry's title; also gives the file its name")
    new.add_argument("--date", type=_entry_date, help="YYYY-MM-DD (or YYYY-MM, YYYY); default: today")
    new.add_argument("--cases", default="cases", help="the cases folder (default: cases)")
    new.set_defaults(run=_run)
