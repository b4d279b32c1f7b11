"""Check every entry file and the links between them; collect all problems before failing."""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
import re
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from . import privacy
from .dates import PartialDate, today
from .method import status_problems
from .model import (
    MODELS,
    Actor,
    Asked,
    Check,
    Correction,
    Entry,
    Figure,
    Promise,
    Repeat,
    Report,
    Source,
    StatusChange,
    Update,
    _Entry,
)
from .problems import Problem
from .reference import kommuner, suggest, tags
from .renames import check_former_ids, former_owners, renamed_hint
from .yamlload import LoadedYaml, field_name, load_yaml, too_big


@dataclass(frozen=True)
class LoadedEntry:
    """A valid entry with where it came from, so later checks can still point at lines."""

    id: str
    path: str
    entry: Entry
    yaml: LoadedYaml

    def position(self, *path, key: bool = False) -> tuple[int, int]:
        return self.yaml.position(path, key=key)

    def problem(self, path: tuple, message: str, *, key: bool = False, severity: str = "error") -> Problem:
        line, column = self.position(*path, key=key)
        return Problem(self.path, line, column, field_name(path), message, severity)


_ALL_FIELDS = {
    name
    for model in (*MODELS.values(), Actor, Asked, Check, Correction, Figure, Promise, Repeat, Source, StatusChange)
    for name in model.model_fields
}
MAX_GUESSES = 20
_FILE_DATE = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)-[a-z0-9]+(-[a-z0-9]+)*$")

_MESSAGES = {
    "missing": "feltet mangler; det skal udfyldes",
    "string_type": "skal være tekst; sæt den i anførselstegn, hvis den ligner et tal eller en dato",
    "list_type": "skal være en liste (linjer der begynder med '- ')",
    "int_type": "skal være et tal",
    "float_type": "skal være et tal",
    "model_type": "skal bestå af felter (navn: værdi)",
    "dict_type": "skal bestå af felter (navn: værdi)",
    "bool_type": "skal være true eller false",
}

# A text that YAML read as fields or as a list: "- Chefen: det var en fejl", "- - punkt".
_TEXT_READ_AS = {
    dict: "skal være tekst, men et kolon og et mellemrum inde i teksten gør den til et felt (navn: værdi); "
          "sæt hele teksten i anførselstegn",
    list: "skal være tekst, men den begynder med '- ' eller [, så YAML læser den som en liste; sæt hele teksten "
          "i anførselstegn",
}


def find_case_files(paths: list[Path]) -> list[Path]:
    """Every ``.yaml``/``.yml`` file under the given files or folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += [p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()]
        else:
            found.append(path)
    return sorted(set(found))


def display_path(path: Path) -> str:
    """Paths relative to the working directory, as an editor or CI annotation wants them."""
    folder = _relative_folder(str(path.parent), os.getcwd())
    return path.name if folder == "." else os.path.join(folder, path.name)


@lru_cache(maxsize=1024)
def _relative_folder(folder: str, cwd: str) -> str:
    """Per folder, not per file: ``relpath`` costs a tenth of the check of a small file."""
    try:
        return os.path.relpath(folder, cwd)
    except ValueError:  # another drive on Windows
        return folder


@contextmanager
def _cyclic_gc_paused():
    """Loading keeps every entry alive, so each of Python's full cycle collections would walk
    all entries so far (a quarter of the time at 5,000 entries); loading makes no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_paths(paths: list[Path]) -> tuple[list[LoadedEntry], list[Problem]]:
    """Load and check all files; returns the valid entries and every problem (errors and warnings)."""
    with _cyclic_gc_paused():
        return _check_paths(paths)


def _check_paths(paths: list[Path]) -> tuple[list[LoadedEntry], list[Problem]]:
    entries, problems = [], []
    for entry, file_problems in _load_entries(find_case_files(paths)):
        problems += file_problems
        if entry is not None:
            entries.append(entry)
    problems += check_links(entries)
    return entries, sorted(problems)


# Below this many files a pool costs more than it saves (starting the workers takes ~50 ms).
PARALLEL_FROM = 400


def _load_entries(files: list[Path]) -> list[tuple[LoadedEntry | None, list[Problem]]]:
    """``load_entry`` for every file, in order; spread over the CPUs when there are many files.

    Files are independent, so this process checks the first share itself while forked
    workers check one share each. Sending a checked entry back costs about a third of
    checking it, so this process takes a share of its own rather than only collect.
    Forking is only safe on Linux and while this process runs no other threads (under
    ``mkdocs serve`` it does): else everything is checked here.
    """
    workers = worker_count(len(files))
    if workers < 2:
        return _load_share(files)
    size = -(-len(files) // workers)
    own, *others = [files[i:i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(len(others), mp_context=multiprocessing.get_context("fork")) as pool:
        checking = [pool.submit(_load_share, share) for share in others]
        results = _load_share(own)
        for share in checking:
            results += share.result()
    return results


def _load_share(files: list[Path]) -> list[tuple[LoadedEntry | None, list[Problem]]]:
    return [load_entry(path) for path in files]


def worker_count(files: int) -> int:
    """How many processes check ``files`` files: one per CPU, each with at least half of ``PARALLEL_FROM``."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    return max(1, min(_usable_cpus(), files // (PARALLEL_FROM // 2)))


def _usable_cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def load_entry(path: Path) -> tuple[LoadedEntry | None, list[Problem]]:
    """One file on its own: syntax, fields, types, dates, vocabulary, privacy and naming."""
    shown = display_path(path)
    if path.suffix != ".yaml":
        return None, [Problem(shown, 1, 1, "filnavn", "filen skal hedde noget med .yaml til sidst")]
    if path.is_symlink():  # it could point at any file on the machine that checks it
        return None, [Problem(shown, 1, 1, "filnavn", "filen er et symbolsk link; læg selve filen i cases/")]
    try:  # the size is checked before reading, so a huge file costs nothing
        raw = None if (big := too_big(path.stat().st_size, shown)) else path.read_bytes()
    except OSError as exc:
        reason = {FileNotFoundError: "filen findes ikke", IsADirectoryError: "det er en mappe, ikke en fil",
                  PermissionError: "filen må ikke læses (adgang nægtet)"}.get(type(exc), "filen kan ikke læses")
        return None, [Problem(shown, 1, 1, "(hele filen)", reason)]
    if big:
        return None, [big]
    loaded, problems = load_yaml(raw, shown)
    if loaded is None:
        return None, problems
    model, problems = _model_for(loaded, shown)
    if model is None:
        return None, problems
    try:
        entry = model.model_validate(loaded.data)
    except ValidationError as exc:
        return None, _translate(exc, loaded, shown)
    loaded_entry = LoadedEntry(id=path.stem, path=shown, entry=entry, yaml=loaded)
    problems = _check_entry(loaded_entry, path) + privacy.scan(loaded, shown)
    loaded.data = None  # the model holds it now, and positions come from the text: less to keep and to send
    errors = [p for p in problems if p.severity == "error"]
    return (None if errors else loaded_entry), problems


def _model_for(loaded: LoadedYaml, shown: str) -> tuple[type[_Entry] | None, list[Problem]]:
    kind = loaded.data.get("type")
    if isinstance(kind, str) and kind in MODELS:
        return MODELS[kind], []
    line, column = loaded.position(("type",))
    known = ", ".join(MODELS)
    message = (f"feltet mangler; skriv hvilken slags sag det er: {known}" if kind is None
               else f"ukendt type {kind!r}; brug en af: {known}")
    return None, [Problem(shown, line, column, "type", message)]


def _translate(exc: ValidationError, loaded: LoadedYaml, shown: str) -> list[Problem]:
    """Pydantic's errors, in plain Danish, at the line where the contributor must look."""
    problems, seen = [], set()
    for error in exc.errors():
        path = _data_path(loaded.data, error["loc"], keep_last=error["type"] in ("missing", "extra_forbidden"))
        if path in seen:  # a union reports one error per alternative; one is enough
            continue
        seen.add(path)
        message = _message(error, path, nth=len(problems))
        key = error["type"] == "extra_forbidden"
        lookup = path[:-1] if error["type"] == "missing" else path
        line, column = loaded.position(lookup, key=key)
        problems.append(Problem(shown, line, column, field_name(path), message))
    return problems


def _data_path(data, loc: tuple, keep_last: bool) -> tuple:
    """The part of pydantic's location that exists in the file (it adds union member names)."""
    path, node = [], data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            if keep_last and i == len(loc) - 1:
                path.append(part)
            break
        path.append(part)
    return tuple(path)


def _did_you_mean(text: str, choices, otherwise: str = "", nth: int = 0) -> str:
    """"; mente du 'x'?" for the first few unknown names of a file. Guessing costs time, and
    a file with thousands of unknown names must still be checked in well under a second."""
    guess = suggest(text, choices, limit=1) if nth < MAX_GUESSES else []
    return f"; mente du {guess[0]!r}?" if guess else otherwise


# Fields that were renamed: the old name gets the new one and how to write it, not a guess.
_RENAMED = {
    "checked": "feltet hedder nu checks og er en liste af efterprøvninger: skriv 'checks:' og under det "
               "'- date: …', 'searched: …' (hvor du ledte) og 'found: …' (hvad du fandt); se README",
}


def _message(error: dict, path: tuple, nth: int) -> str:
    kind = error["type"]
    if kind == "extra_forbidden" and path[-1] in _RENAMED:
        return _RENAMED[path[-1]]
    if kind == "extra_forbidden":
        hint = _did_you_mean(str(path[-1]), _ALL_FIELDS, "; slet det, eller se README for de tilladte felter", nth)
        return f"ukendt felt {path[-1]!r}{hint}"
    if kind == "literal_error":
        return f"ukendt værdi {error['input']!r}; brug en af: {error['ctx']['expected'].replace(chr(39), '').replace(' or ', ', ')}"
    if kind == "too_short":
        return "skal have mindst ét punkt"
    if kind == "string_type" and isinstance(error["input"], (dict, list)):
        return _TEXT_READ_AS[type(error["input"])]
    return _MESSAGES.get(kind, error["msg"])


def _check_entry(item: LoadedEntry, path: Path) -> list[Problem]:
    entry = item.entry
    problems = []
    places = kommuner()
    if entry.kommune not in places:
        hint = _did_you_mean(entry.kommune, places, "; se listen i src/jobcentertjek/data/kommuner.yaml")
        problems.append(item.problem(("kommune",), f"ukendt kommune {entry.kommune!r}{hint}"))
    elif path.parent.name != entry.kommune:
        problems.append(item.problem(("kommune",), f"filen ligger i mappen {path.parent.name!r}, men sagen hører til "
                                                   f"{entry.kommune!r}; flyt den til cases/{entry.kommune}/"))
    name_match = _FILE_DATE.match(path.stem)
    if not name_match or name_match.group(1) != str(entry.date):
        problems.append(item.problem(("date",), f"filnavnet skal være sagens dato og et kort navn med små bogstaver "
                                                f"og bindestreger, fx {entry.date}-handleplan.yaml"))
    known_tags = tags()
    for i, tag in enumerate(entry.tags):
        if tag not in known_tags:
            hint = _did_you_mean(tag, known_tags, "; se src/jobcentertjek/data/tags.yaml", nth=len(problems))
            problems.append(item.problem(("tags", i), f"ukendt emne {tag!r}{hint}"))
    if len(set(entry.tags)) != len(entry.tags):
        problems.append(item.problem(("tags",), "samme emne står flere gange"))
    if getattr(entry, "promises", None):  # a plan, or a response that also promises
        problems += _check_promises(item)
    for i, figure in enumerate(getattr(entry, "figures", [])):
        if not math.isfinite(figure.value):  # .inf and .nan are YAML numbers, but no report's figures
            problems.append(item.problem(("figures", i, "value"), "skal være et almindeligt tal"))
    return problems


def _check_promises(item: LoadedEntry) -> list[Problem]:
    plan = item.entry
    problems, seen = [], set()
    for i, promise in enumerate(plan.promises):
        if promise.id in seen:
            problems.append(item.problem(("promises", i, "id"), f"løftet {promise.id!r} findes allerede i denne plan"))
        seen.add(promise.id)
        if promise.status != "not-assessed" and not promise.sources:
            problems.append(item.problem(("promises", i, "status"),
                                         "en status ud over not-assessed skal have mindst én kilde under sources"))
        if promise.deadline and promise.deadline.last_day < plan.date.first_day:
            problems.append(item.problem(("promises", i, "deadline"),
                                         f"fristen {promise.deadline} ligger før planens dato {plan.date}"))
        dates = set()
        for j, check in enumerate(promise.checks):
            at = ("promises", i, "checks", j)
            if str(check.date) in dates:
                problems.append(item.problem((*at, "date"), f"løftet har allerede en efterprøvning dateret "
                                                            f"{check.date}; skriv dem sammen i én"))
            dates.add(str(check.date))
            if check.date.last_day < plan.date.first_day:
                problems.append(item.problem((*at, "date"),
                                             f"efterprøvningen {check.date} ligger før løftets dato {plan.date}"))
            asked = check.asked
            if asked and asked.answer_date and asked.answer_date.last_day < asked.date.first_day:
                problems.append(item.problem((*at, "asked", "answer_date"),
                                             f"svaret {asked.answer_date} ligger før spørgsmålet {asked.date}"))
        problems += [item.problem(("promises", i, "status"), message)
                     for message in status_problems(promise.status, promise, plan.date, today())]
    return problems


def check_links(entries: list[LoadedEntry]) -> list[Problem]:
    """Checks across files: unique ids, and links to entries and promises that exist."""
    problems, by_id = [], {}
    for item in entries:
        if item.id in by_id:
            other = by_id[item.id]
            problems.append(item.problem((), f"id'et {item.id!r} bruges også af {other.path}; giv filen et andet navn"))
        else:
            by_id[item.id] = item
    problems += check_former_ids(entries, by_id)
    owners = former_owners(entries)
    for item in entries:
        entry = item.entry
        for i, target in enumerate(getattr(entry, "responds_to", [])):
            problems += _check_target(item, ("responds_to", i), target, by_id, owners, nth=i)
        if isinstance(entry, Update):
            problems += _check_update(item, by_id, owners)
        if isinstance(entry, Report):
            problems += _check_repeats(item, by_id, owners)
    return problems


def _no_such_entry(item: LoadedEntry, path: tuple, target: str, by_id: dict, owners: dict, nth: int) -> Problem:
    hint = renamed_hint(target, owners) or _did_you_mean(target, by_id, nth=nth)
    return item.problem(path, f"der findes ingen sag med id'et {target!r}{hint}")


def _check_target(item: LoadedEntry, path: tuple, target: str, by_id: dict, owners: dict,
                  nth: int = 0) -> list[Problem]:
    if target not in by_id:
        return [_no_such_entry(item, path, target, by_id, owners, nth)]
    if target == item.id:
        return [item.problem(path, "en sag kan ikke henvise til sig selv")]
    if _definitely_before(item.entry.date, by_id[target].entry.date):
        return [item.problem(path, f"sagen er dateret før {target!r}, som den henviser til")]
    return []


def _check_update(item: LoadedEntry, by_id: dict, owners: dict) -> list[Problem]:
    update = item.entry
    problems = _check_target(item, ("plan",), update.plan, by_id, owners)
    if problems:
        return problems
    plan = by_id[update.plan].entry
    if not getattr(plan, "promises", None):  # reports and updates have none
        return [_not_promising(item, ("plan",), update.plan)]
    promises = {p.id: p for p in plan.promises}
    for i, change in enumerate(update.changes):
        if unknown := _unknown_promise(item, ("changes", i, "promise"), update.plan, plan, change.promise):
            problems += unknown
            continue
        problems += [item.problem(("changes", i, "status"), message)
                     for message in status_problems(change.status, promises[change.promise], plan.date, today())]
        if change.done and update.date.last_day < change.done.first_day:
            problems.append(item.problem(("changes", i, "done"), f"{change.done} ligger efter opfølgningens dato "
                                                                 f"{update.date}; done er, hvornår det skete, "
                                                                 "som kilden viser det"))
        elif change.done and change.done.last_day < plan.date.first_day:
            problems.append(item.problem(("changes", i, "done"), f"{change.done} ligger før løftets dato {plan.date}"))
    return problems


# A plan, or a response that also promises, is what updates and repeats may follow.
def _not_promising(item: LoadedEntry, path: tuple, target: str) -> Problem:
    return item.problem(path, f"{target!r} er ikke en handleplan (type: plan) eller et svar med løfter")


def _unknown_promise(item: LoadedEntry, path: tuple, plan_id: str, plan, promise: str) -> list[Problem]:
    promise_ids = [p.id for p in plan.promises]
    if promise in promise_ids:
        return []
    return [item.problem(path, f"planen {plan_id!r} har intet løfte {promise!r}; dens løfter er: "
                               f"{', '.join(promise_ids)}")]


def _check_repeats(item: LoadedEntry, by_id: dict, owners: dict) -> list[Problem]:
    """A report's ``repeats``: each an earlier promise of its own kommune (or hele-landet), listed once."""
    report = item.entry
    problems, seen = [], set()
    for i, repeat in enumerate(report.repeats):
        at = ("repeats", i)
        if repeat.plan not in by_id:
            problems.append(_no_such_entry(item, (*at, "plan"), repeat.plan, by_id, owners, nth=i))
            continue
        plan = by_id[repeat.plan].entry
        if not getattr(plan, "promises", None):  # reports and updates have none
            problems.append(_not_promising(item, (*at, "plan"), repeat.plan))
            continue
        problems += _unknown_promise(item, (*at, "promise"), repeat.plan, plan, repeat.promise)
        if not plan.date.first_day < report.date.last_day:
            problems.append(item.problem((*at, "plan"), f"planen er fra {plan.date}, ikke før rapporten ({report.date}); "
                                                        "en rapport kan kun gentage kritik af et tidligere løfte"))
        if "hele-landet" not in (plan.kommune, report.kommune) and plan.kommune != report.kommune:
            problems.append(item.problem((*at, "plan"), f"planen hører til {plan.kommune!r}, rapporten til "
                                                        f"{report.kommune!r}; brug løfter fra samme kommune "
                                                        "eller fra hele-landet"))
        if (repeat.plan, repeat.promise) in seen:
            problems.append(item.problem(at, f"løftet {repeat.promise!r} i planen {repeat.plan!r} står allerede "
                                             "under repeats"))
        seen.add((repeat.plan, repeat.promise))
    return problems


def _definitely_before(a: PartialDate, b: PartialDate) -> bool:
    return a.last_day < b.first_day
