"""Entry files made from a form: their names, their YAML text, and the real check of them.

The text is written by ``yaml.safe_dump`` from plain mappings, so no answer can add or change
a field; the files are judged by the same validator and copy editor as ``jobcentertjek check``
(``load_entry``, ``check_links`` and ``audit``), together with the record and with the entries
of waiting issues they link to.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml

from ..entries.dates import PartialDate
from ..entries.problems import Problem
from ..entries.validate import LoadedEntry, check_links, load_entry
from .audit import audit
from .scaffold import file_name

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/entry.schema.json"
# The second line of every file from-issue writes: how a later "#123" finds the entries once merged.
ORIGIN = "# Lavet af jobcentertjek from-issue ud fra issue #{number}."
ORIGIN_WITHOUT_ISSUE = "# Lavet af jobcentertjek from-issue ud fra formularen Ny sag."


class _Dumper(yaml.SafeDumper):
    """YAML as the guide shows it: lists indented under their key, dates as 2018-04-10 (not
    '2018-04-10'), and texts of several lines as a block after ``|``."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_date(dumper, date):
    tag = ("tag:yaml.org,2002:timestamp" if date.day else "tag:yaml.org,2002:str" if date.month
           else "tag:yaml.org,2002:int")
    return dumper.represent_scalar(tag, str(date))


def _represent_text(dumper, text: str):
    if "\n" in text:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text.rstrip("\n") + "\n", style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text)


_Dumper.add_representer(PartialDate, _represent_date)
_Dumper.add_representer(str, _represent_text)


def origin_line(number: int | None) -> str:
    return ORIGIN.format(number=number) if isinstance(number, int) else ORIGIN_WITHOUT_ISSUE


def entry_text(data: dict, origin: str) -> str:
    body = yaml.dump({k: v for k, v in data.items() if v is not None}, Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, width=float("inf"))
    return f"{SCHEMA_LINE}\n{origin}\n{body}"


def yaml_lines(value, indent: int) -> list[str]:
    """``value`` as YAML lines, indented by ``indent`` spaces (for text inserted into a file)."""
    text = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=float("inf"))
    return [" " * indent + line if line else line for line in text.rstrip("\n").split("\n")]


class Namer:
    """``jobcentertjek new``'s file names, with -2, -3 … when the id is already used anywhere:
    in the record, or by another entry made from the same form or a waiting issue."""

    def __init__(self, cases: Path, taken: set[str]):
        self.cases = cases
        self.taken = taken

    def __call__(self, kind: str, data: dict, folder: str) -> str:
        stem = file_name(kind, data["date"], data["title"] or "").removesuffix(".yaml")
        candidate, n = stem, 2
        while candidate in self.taken or (self.cases / folder / f"{candidate}.yaml").exists():
            candidate, n = f"{stem}-{n}", n + 1
        self.taken.add(candidate)
        return f"{candidate}.yaml"


def check_files(new: dict[str, str], waiting: dict[str, str],
                record: list[LoadedEntry]) -> tuple[dict[str, list[Problem]], set[str]]:
    """The check of each new file (``"<kommune>/<name>"`` -> text) as it would be written, on
    its own and against the record and the waiting issues' files: every error and warning of
    each new file, and which waiting files are valid entries."""
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        loaded: dict[str, LoadedEntry] = {}
        problems: dict[str, list[Problem]] = {}
        for relative, text in [*waiting.items(), *new.items()]:
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            item, file_problems = load_entry(path)
            if relative in new:
                problems[relative] = file_problems
            if item is not None:
                loaded[relative] = item
        ours = {item.path: relative for relative, item in loaded.items() if relative in new}
        everything = [item for item in record if item.id not in {i.id for i in loaded.values()}] + list(loaded.values())
        for problem in check_links(everything) + audit(everything):
            if problem.path in ours:
                problems[ours[problem.path]].append(problem)
    return problems, {relative for relative in loaded if relative in waiting}


_PLACE = re.compile(r"^([a-z_]+)(?:\[(\d+)\])?(?:\.([a-z_]+))?")


def problem_place(problem: Problem) -> tuple[str, int | None, str | None]:
    """The top-level field, item index and part of a validator problem (``promises[1].deadline``)."""
    match = _PLACE.match(problem.field)
    if not match:
        return "", None, None
    top, index, part = match.groups()
    return top, (int(index) if index is not None else None), part
