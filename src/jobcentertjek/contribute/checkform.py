"""A submitted "Efterprøvning af et løfte" becomes a check under the promise's ``checks:``.

The form (``.github/ISSUE_TEMPLATE/efterproevning.yml``) names the plan and the promise (pages
prefill both by URL), the day of the search, where was looked, what was found ("intet" is an
answer) and, if any, the sources found. The check is inserted into the plan's file as a few
lines (planedit.py), the file is checked as ``jobcentertjek check`` would, and the reply shows
the lines, the check's warnings and what happens next.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..entries.model import TYPE_LABELS
from ..entries.problems import Problem
from ..entries.reference import danish_slug, suggest
from ..entries.validate import LoadedEntry
from .entryfiles import check_files
from .answers import entry_id_of, lines_of, read_source, shorten
from .freedates import parse_danish_date
from .issueform import GENERAL, FormField, parse_body
from .planedit import InsertError, insert_check
from .reply import Result, check_reply, failure_reply, pr_body, problem_lines

FIELDS_OF_CHECK = {"date": "date", "searched": "searched", "found": "found", "sources": "sources"}


class _Problems(dict):
    def add(self, field_id: str, message: str) -> None:
        self.setdefault(field_id, []).append(message)


def _plan(problems: _Problems, text: str, entries: dict[str, LoadedEntry]) -> LoadedEntry | None:
    if not text:
        problems.add("plan", "skriv adressen på planens side, eller dens id")
        return None
    plan_id = entry_id_of(text)
    item = entries.get(plan_id)
    if item is None:
        promising = [i for i, e in entries.items() if getattr(e.entry, "promises", None)]
        guess = suggest(plan_id, promising, limit=1)
        problems.add("plan", f"der findes ingen plan med id'et {plan_id!r} på siden"
                             + (f"; mente du {guess[0]!r}?" if guess else "; skriv adressen på planens side"))
        return None
    if not getattr(item.entry, "promises", None):
        problems.add("plan", f"{plan_id!r} er en {TYPE_LABELS[item.entry.type].lower()} uden løfter; skriv adressen "
                             "på en handleplan eller et svar med løfter")
        return None
    return item


def _promise(problems: _Problems, text: str, plan: LoadedEntry) -> int | None:
    promises = plan.entry.promises
    ids = [p.id for p in promises]
    listed = ", ".join(f"{n} ({p.id}: {shorten(p.text, 40)})" for n, p in enumerate(promises, 1))
    if not text:
        problems.add("promise", f"skriv løftets id eller nummer: {listed}")
        return None
    if text.isdigit() and 1 <= int(text) <= len(ids):
        return int(text) - 1
    for candidate in (text, danish_slug(text)):
        if candidate in ids:
            return ids.index(candidate)
    problems.add("promise", f"planen har intet løfte {text!r}; skriv løftets id eller nummer: {listed}")
    return None


def _one_line(problems: _Problems, field_id: str, text: str, message: str) -> str | None:
    line = " ".join(lines_of(text))
    if not line:
        problems.add(field_id, message)
        return None
    return line


_CHECK_FIELD = re.compile(r"^promises\[(\d+)\]\.checks\[(\d+)\]\.?([a-z_]*)(?:\[(\d+)\])?")


def _form_problem(problem: Problem, index: int, check_index: int) -> tuple[str, str] | None:
    """The form field of a problem about the new check, and its message; None for one elsewhere."""
    match = _CHECK_FIELD.match(problem.field)
    if not match or (int(match.group(1)), int(match.group(2))) != (index, check_index):
        return None
    field_id = FIELDS_OF_CHECK.get(match.group(3), GENERAL)
    if field_id == "sources" and match.group(4) is not None:
        return field_id, f"Kilde {int(match.group(4)) + 1}: {problem.message}"
    return field_id, problem.message


def new_check(event: dict, form: list[FormField], cases: Path, entries: dict[str, LoadedEntry]) -> Result:
    issue = event["issue"]
    number = issue.get("number") if isinstance(issue.get("number"), int) else None
    labels = {item.id: item.label for item in form}
    submission = parse_body(issue.get("body") or "", form)
    problems = _Problems({key: list(value) for key, value in submission.problems.items()})
    confirm = next(item for item in form if item.id == "confirm")
    if submission.ticked(confirm) != list(confirm.options):
        problems.add("confirm", "sæt kryds ved bekræftelsen" if len(confirm.options) == 1 else
                     "sæt kryds ved alle bekræftelserne")
    plan = _plan(problems, submission.text("plan"), entries)
    index = _promise(problems, submission.text("promise").strip(), plan) if plan else None
    check: dict = {}
    try:
        check["date"] = parse_danish_date(submission.text("date"))
    except ValueError as exc:
        problems.add("date", str(exc))
    check["searched"] = _one_line(problems, "searched", submission.text("searched"),
                                  "skriv hvor du ledte, så en anden kan gøre det efter")
    check["found"] = _one_line(problems, "found", submission.text("found"),
                               "skriv hvad du fandt; fandt du intet, så skriv »intet«")
    sources = []
    for n, line in enumerate(lines_of(submission.text("sources")), 1):
        source = read_source(line, n)
        if isinstance(source, str):
            problems.add("sources", source)
        else:
            sources.append(source)
    if sources:
        check["sources"] = sources
    if problems or plan is None or index is None:
        return Result(failure_reply(problems, labels, "Efterprøvningen"))

    path = Path(plan.path)
    text = path.read_text("utf-8")
    try:
        new_text, inserted, line = insert_check(text, plan.yaml, index, check)
    except InsertError as exc:
        problems.add(GENERAL, str(exc))
        return Result(failure_reply(problems, labels, "Efterprøvningen"))
    relative = f"{plan.entry.kommune}/{path.name}"
    checked, _ = check_files({relative: new_text}, {}, list(entries.values()))
    warnings = _Problems()
    check_index = len(plan.entry.promises[index].checks)  # the new check comes last
    for problem in checked[relative]:
        place = _form_problem(problem, index, check_index)
        if problem.severity == "error":
            field_id, message = place or (GENERAL, f"{problem.field}: {problem.message}")
            problems.add(field_id, message)
        elif place is not None:
            warnings.add(*place)
    if problems:
        return Result(failure_reply(problems, labels, "Efterprøvningen"))

    path.write_text(new_text, encoding="utf-8")
    shown = plan.path
    promise = plan.entry.promises[index]
    warning_lines = problem_lines(warnings, labels)
    reply = check_reply(shown, plan.id, promise.id, shorten(promise.text, 60), inserted, line, warning_lines,
                        event.get("repository") or {})
    body = pr_body(number, [shown], warning_lines, {}, "Efterprøvningen") if number is not None else None
    return Result(reply, [path], body)
