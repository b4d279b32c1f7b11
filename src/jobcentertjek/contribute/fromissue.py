"""``jobcentertjek from-issue``: a submitted issue form becomes checked entry files and a reply.

The route: the event is read (this module), the issue's body is split into the form's fields
(issueform.py), the answers become entries (formentries.py, with "#123" resolved by
references.py), the files are named, written as YAML and checked like any entry (entryfiles.py),
and the reply names each problem by its form field or shows the finished files (reply.py).
Nothing is written unless every file is valid. A promise check ("Efterprøvning af et løfte",
labelled "efterprøvning") takes its own route (checkform.py).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from ..entries.problems import Problem
from ..entries.validate import LoadedEntry, check_paths
from .entryfiles import Namer, check_files, entry_text, origin_line, problem_place
from .formentries import FORM_NAME_OF, PART_NAMES, Draft, FormMapper, Target, field_id, referenced_issues
from .issueform import FORMS_DIR, GENERAL, FormField, Submission, parse_body, read_form
from .references import References
from .checkform import new_check
from .reply import File, Result, failure_reply, pr_body, problem_lines, success_reply

NEW_CASE = "ny sag"  # the label of the "Ny sag" form
CHECK = "efterprøvning"  # the label of the "Efterprøvning af et løfte" form
FORM_FILES = {NEW_CASE: "ny-sag.yml", CHECK: "efterproevning.yml"}  # issue label -> its form
_REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
ITEM_NAMES = {"sources": "Kilde", "promises": "Løfte", "findings": "Punkt", "people": "Person",
              "responders": "Linje", "responds_to": "Linje", "changes": "Linje", "tags": "Emne"}
PART_WORDS = {"title": "titel", "publisher": "udgiver", "date": "dato", "url": "link", "archive_url": "arkivlink",
              "note": "note", "name": "navn", "role": "rolle", "party": "parti", "text": "løftet",
              "promised_by": "hvem der lovede det", "deadline": "frist", "promise": "løfte", "status": "status",
              "id": "id"}


class NotOurs(Exception):
    """The event is not an issue made with one of our forms: nothing to do."""


# --- reading the event ------------------------------------------------------------------------


def read_event(path: Path) -> tuple[dict, str]:
    """The event, and the label of the form its issue was made with."""
    try:
        event = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise NotOurs(f"kan ikke læse hændelsen {path}: {exc.__class__.__name__}") from None
    issue = event.get("issue") if isinstance(event, dict) else None
    if not isinstance(issue, dict) or "pull_request" in issue:
        raise NotOurs("hændelsen handler ikke om et issue")
    labels = {label.get("name") for label in issue.get("labels") or () if isinstance(label, dict)}
    ours = [label for label in FORM_FILES if label in labels]
    if not ours:
        raise NotOurs(f"issuet har hverken etiketten {NEW_CASE!r} eller {CHECK!r}")
    if not isinstance(issue.get("body") or "", str):
        raise NotOurs("issuet har ingen tekst")
    return event, ours[0]


def _number(event: dict) -> int | None:
    number = event["issue"].get("number")
    return number if isinstance(number, int) and not isinstance(number, bool) else None


def _repository(event: dict) -> tuple[str, str]:
    repository = (event.get("repository") or {}).get("full_name", "")
    branch = (event.get("repository") or {}).get("default_branch") or "main"
    if not _REPOSITORY.match(str(repository)):
        repository = "jobcentertjek/jobcentertjek"
    return repository, branch if re.fullmatch(r"[\w./-]+", str(branch)) else "main"


# --- a new case ---------------------------------------------------------------------------------


class _NotFollowed:
    """"#N" inside an issue another submission points at: not followed further (a placeholder
    that is a valid id, whose promises are unknown)."""

    def resolve(self, number: int, want: str) -> Target:
        return Target(f"1970-issue-{number}", "plan" if want == "promises" else "report", None)


def _form_problem(problem: Problem, kind: str) -> tuple[str, str]:
    """The form field a validator problem about an entry of type ``kind`` belongs to, and its message."""
    top, index, part = problem_place(problem)
    if top in ("kommune", "tags"):
        field_name = top
    elif top == "changes" and part == "status":
        field_name = "update-status"
    elif top in FORM_NAME_OF:
        field_name = field_id(kind, FORM_NAME_OF[top])
    else:
        field_name = GENERAL
    prefix = f"{ITEM_NAMES.get(top, 'Linje')} {index + 1}" if index is not None else ""
    if part and not (top == "changes" and part == "status"):
        prefix += f"{', ' if prefix else ''}{PART_WORDS.get(part, part)}"
    if field_name == GENERAL and top:
        prefix = f"{PART_NAMES[kind]}, {problem.field}"
    return field_name, f"{prefix}: {problem.message}" if prefix else problem.message


def _record(cases: Path) -> dict[str, LoadedEntry]:
    return {item.id: item for item in check_paths([cases])[0]} if cases.is_dir() else {}


def new_case(event: dict, form: list[FormField], cases: Path, issues: Path | None = None) -> Result:
    issue = event["issue"]
    number = _number(event)
    labels = {item.id: item.label for item in form}
    record = _record(cases)
    namer = Namer(cases, set(record))

    def map_issue(other: dict) -> Draft:
        return FormMapper(parse_body(other.get("body") or "", form), form, record, namer, _NotFollowed()).build()

    references = References(cases, record, issues, map_issue, own_number=number)
    submission = parse_body(issue.get("body") or "", form)
    for referenced in referenced_issues(submission):  # the older issues' files are named first
        references.resolve(referenced, "answered")
    draft = FormMapper(submission, form, record, namer, references).build()

    origin = origin_line(number)
    files = {f"{item.data['kommune']}/{item.name}": (item.kind, entry_text(item.data, origin))
             for item in draft.entries if item.name}
    checked, valid_waiting = check_files({relative: text for relative, (_, text) in files.items()},
                                         references.files, list(record.values()))
    broken = {entry_id: issue_number for entry_id, (issue_number, relative) in references.file_of.items()
              if relative not in valid_waiting}
    for issue_number in sorted(set(broken.values())):
        draft.problem(GENERAL, f"issue #{issue_number} kan ikke blive til en sag endnu, for tjekket fandt fejl i "
                               "det; vent, til de er rettet, og gem så dette issue igen")
    read_already = set(draft.problems) | draft.unread
    for relative, problems in checked.items():
        kind = files[relative][0]
        for problem in problems:
            field_name, message = _form_problem(problem, kind)
            if field_name in read_already or any(f"'{entry_id}'" in problem.message for entry_id in broken):
                continue
            target = draft.problems if problem.severity == "error" else draft.warnings
            target.setdefault(field_name, []).append(message)
    if draft.problems:
        return Result(failure_reply(draft.problems, labels))

    written = []
    for relative, (_, text) in files.items():
        path = (cases / relative).resolve()
        if not path.is_relative_to(cases.resolve()) or path.parent.parent != cases.resolve():
            raise RuntimeError(f"refusing to write {path}")  # cannot happen: slugs and checked names only
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
        written.append(path)
    shown = [f"{cases.name}/{relative}" for relative in files]
    warnings = problem_lines(draft.warnings, labels)
    repository, branch = _repository(event)
    reply = success_reply([File(PART_NAMES[kind], path, text) for path, (kind, text) in zip(shown, files.values())],
                          warnings, draft.waiting, repository, branch)
    body = pr_body(number, shown, warnings, draft.waiting, "Sagen") if number is not None else None
    return Result(reply, written, body)  # the check refused any CPR number, so the reply holds none


# --- the command ----------------------------------------------------------------------------------


def from_issue(event: dict, forms: Path, cases: Path, issues: Path | None = None) -> Result:
    """The reply to the issue of ``event`` (made with one of the forms in ``forms``), and its files."""
    labels = {label.get("name") for label in event["issue"].get("labels") or () if isinstance(label, dict)}
    label = next(label for label in FORM_FILES if label in labels)
    form = read_form(forms / FORM_FILES[label])
    if label == CHECK:
        return new_check(event, form, cases, _record(cases))
    return new_case(event, form, cases, issues)


def references_of(event: dict, label: str, forms: Path) -> list[int]:
    """The waiting issues a "Ny sag" points at ("#123"), for the workflow to fetch."""
    if label != NEW_CASE:
        return []
    form = read_form(forms / FORM_FILES[NEW_CASE])
    submission: Submission = parse_body(event["issue"].get("body") or "", form)
    return [n for n in referenced_issues(submission) if n != _number(event)]


def _run(args: argparse.Namespace) -> int:
    try:
        event, label = read_event(Path(args.event))
    except NotOurs as exc:
        print(f"jobcentertjek from-issue: {exc}; intet at gøre.", file=sys.stderr)
        return 2
    forms = Path(args.forms)
    if args.references:
        print("\n".join(map(str, references_of(event, label, forms))))
        return 0
    result = from_issue(event, forms, Path(args.cases), Path(args.issues) if args.issues else None)
    sys.stdout.write(result.reply)
    if args.pr_body and result.pr_body:
        Path(args.pr_body).write_text(result.pr_body, encoding="utf-8")
    return 0 if result.paths else 1


def add_from_issue_command(commands) -> None:
    command = commands.add_parser("from-issue", help="lav tjekkede sager ud fra en indsendt 'Ny sag' eller "
                                                      "'Efterprøvning af et løfte'",
                                  description="Læser en GitHub-hændelse for et issue lavet med formularen 'Ny sag' "
                                              "eller 'Efterprøvning af et løfte' og skriver filerne (afslutter med 0) "
                                              "eller et svar med det, der skal rettes (1). Et issue, der ikke er lavet "
                                              "med en af dem, giver 2.")
    command.add_argument("event", metavar="HÆNDELSE",
                         help="GitHub-hændelsen for issuet (filen i $GITHUB_EVENT_PATH)")
    command.add_argument("--forms", default=str(FORMS_DIR), metavar="MAPPE",
                         help=f"mappen med formularerne (standard: {FORMS_DIR})")
    command.add_argument("--cases", default="cases", metavar="MAPPE", help="mappen med sagerne (standard: cases)")
    command.add_argument("--issues", metavar="MAPPE",
                         help="mappen med de issues, sagen henviser til som #123, hentet som <nummer>.json")
    command.add_argument("--references", action="store_true",
                         help="skriv kun numrene på de issues, sagen henviser til (ét pr. linje), og stop")
    command.add_argument("--pr-body", metavar="FIL", help="skriv også beskrivelsen til en pull request i FIL")
    command.set_defaults(run=_run)
