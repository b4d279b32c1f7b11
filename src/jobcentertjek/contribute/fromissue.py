"""``jobcentertjek from-issue``: a submitted "Ny sag" form becomes a checked entry file.

The issue is hostile input like any entry. Its answers become a plain Python mapping, which
``yaml.safe_dump`` writes (no answer can add or change a field), and the file is judged by
the real validator (``validate.load_entry`` and ``check_links``) before it is written. The
reply, in Danish Markdown, names every problem by the form field it belongs to.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import yaml

from ..entries.dates import PartialDate
from ..entries.model import REPORT_KINDS, STATUS_LABELS, TYPE_LABELS, Plan, Response
from ..entries.problems import Problem
from ..entries.reference import Kommune, danish_slug
from ..entries.render import publishable_markdown
from ..entries.validate import LoadedEntry, check_links, check_paths, load_entry
from .freedates import parse_danish_date
from .issueform import FORM_PATH, FormField, Submission, parse_body, read_form
from .scaffold import ScaffoldError, file_name, resolve_kommune

LABEL = "ny sag"
MARKER = "<!-- jobcentertjek:ny-sag -->"  # the workflow finds its own comment by this line
MAX_URL_BYTES = 8000  # GitHub's new-file page fails on longer addresses
MAX_INPUT = 300  # characters in a one-line field
MAX_TEXT = 20_000  # characters in a multi-line field: far more than any real summary
MAX_ITEMS = 100  # lines in a list field
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/entry.schema.json"
PROMISE_ID_LENGTH = 40
_ENTRY_LINK = re.compile(r"/sager/([^/?#\s]+)/?(?:[?#].*)?$")
_REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
_ACTOR = re.compile(r"^(?P<name>[^()]+?)\s*(?:\((?P<party>[^()]*)\))?\s*(?:,\s*(?P<role>.*))?$")
_URL_START = re.compile(r"^(?:[a-z][a-z0-9+.-]*:(?!\s)|www\.)", re.IGNORECASE)  # also javascript: and www.
_ARCHIVES = ("://web.archive.org/", "://archive.ph/", "://archive.today/")

# Which form fields each type uses, beyond those every entry has.
TYPE_FIELDS = {
    "report": ("kind", "publisher", "findings", "people"),
    "response": ("responds-to", "responders"),
    "plan": ("responds-to", "promises"),
    "update": ("plan", "followed-promises", "status"),
}
COMMON_FIELDS = ("type", "kommune", "headline", "date", "tags", "summary", "sources", "confirm")
# An entry's top-level field -> the form field it comes from (for the validator's problems).
FORM_FIELD_OF = {
    "type": "type", "title": "headline", "date": "date", "kommune": "kommune", "tags": "tags",
    "summary": "summary", "sources": "sources", "kind": "kind", "publisher": "publisher",
    "findings": "findings", "people": "people", "responds_to": "responds-to", "responders": "responders",
    "promises": "promises", "plan": "plan", "changes": "followed-promises",
}
ITEM_NAMES = {"sources": "Kilde", "promises": "Løfte", "findings": "Punkt", "people": "Person",
              "responders": "Linje", "responds_to": "Linje", "changes": "Linje", "tags": "Emne"}
PART_NAMES = {"title": "titel", "publisher": "udgiver", "date": "dato", "url": "link", "archive_url": "arkivlink",
              "note": "note", "name": "navn", "role": "rolle", "party": "parti", "text": "løftet",
              "promised_by": "hvem der lovede det", "deadline": "frist", "promise": "løfte", "status": "status",
              "id": "id"}


class NotANewCase(Exception):
    """The event is not a "ny sag" issue: nothing to do."""


@dataclass
class Draft:
    """What the form gave so far: the entry's fields, and the problems by form field id."""

    data: dict = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    unread: set[str] = field(default_factory=set)  # fields set aside (too long): no more problems for them

    def problem(self, field_id: str, message: str) -> None:
        if field_id not in self.unread:
            self.problems.setdefault(field_id, []).append(message)


@dataclass
class Result:
    reply: str
    path: Path | None  # the file written, when the submission made a valid entry


# --- reading the event ----------------------------------------------------------------------


def read_event(path: Path) -> dict:
    try:
        event = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise NotANewCase(f"kan ikke læse hændelsen {path}: {exc.__class__.__name__}") from None
    issue = event.get("issue") if isinstance(event, dict) else None
    if not isinstance(issue, dict) or "pull_request" in issue:
        raise NotANewCase("hændelsen handler ikke om et issue")
    labels = {label.get("name") for label in issue.get("labels") or () if isinstance(label, dict)}
    if LABEL not in labels:
        raise NotANewCase(f"issuet har ikke etiketten {LABEL!r}")
    if not isinstance(issue.get("body") or "", str):
        raise NotANewCase("issuet har ingen tekst")
    return event


# --- from answers to an entry ---------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return [line.strip().removeprefix("- ").strip() for line in text.splitlines() if line.strip()]


def _actor(text: str) -> dict | None:
    """"Navn (parti), rolle" as an actor; party and role may be left out."""
    match = _ACTOR.match(text.strip())
    if not match or not match.group("name").strip():
        return None
    actor = {"name": match.group("name").strip()}
    if (role := (match.group("role") or "").strip()):
        actor["role"] = role
    if (party := (match.group("party") or "").strip()):
        actor["party"] = party
    return actor


def _actors(draft: Draft, field_id: str, text: str) -> list[dict]:
    actors = []
    for number, line in enumerate(_lines(text), 1):
        if (actor := _actor(line)) is None:
            draft.problem(field_id, f"Linje {number}: skriv navnet først, som Navn (parti), rolle")
        else:
            actors.append(actor)
    return actors


def _entry_id(text: str) -> str:
    """An entry's id from its page's address or from the id itself ("" for nothing)."""
    text = text.strip()
    if match := _ENTRY_LINK.search(text):
        return match.group(1)
    return text.removesuffix(".yaml").rsplit("/", 1)[-1]


def _choice(draft: Draft, text, field_id: str, choices: dict[str, str]) -> str | None:
    """The key of a dropdown's chosen label (``text`` gives a field's answer)."""
    text = text(field_id)
    if not text:
        draft.problem(field_id, "vælg en af mulighederne")
        return None
    by_label = {label: key for key, label in choices.items()}
    if text in by_label:
        return by_label[text]
    draft.problem(field_id, f"ukendt valg; vælg en af: {', '.join(choices.values())}")
    return None


def _kommune(draft: Draft, text: str) -> Kommune | None:
    if not text:
        draft.problem("kommune", "vælg kommunen, eller Hele landet")
        return None
    try:
        return resolve_kommune(text)
    except ScaffoldError as exc:
        message = str(exc)
        draft.problem("kommune", message if "mente du" in message else message.split(";")[0] + "; vælg den i listen")
        return None


def _date(draft: Draft, field_id: str, text: str, what: str = ""):
    try:
        return parse_danish_date(text)
    except ValueError as exc:
        draft.problem(field_id, f"{what}{exc}")
        return None


def _source(draft: Draft, number: int, line: str) -> dict | None:
    """"link | titel | udgiver | dato", with an archive link allowed right after the link."""
    parts = [part.strip() for part in line.split("|")]
    urls, rest = [], []
    for part in parts:
        (urls if _URL_START.match(part) and not rest else rest).append(part)
    name = f"Kilde {number}"
    source: dict = {}
    for url in urls:
        key = "archive_url" if "url" in source or any(a in url.lower() for a in _ARCHIVES) else "url"
        if key in source:
            draft.problem("sources", f"{name} har for mange links; skriv ét link og eventuelt ét arkivlink")
            return None
        if not url.lower().startswith(("https://", "http://")):
            draft.problem("sources", f"{name}: linket skal begynde med https:// eller http://")
            return None
        source[key] = url
    if "url" not in source and "archive_url" in source:
        source["url"] = source.pop("archive_url")
    missing = []
    for key, what in (("title", "en titel"), ("publisher", "en udgiver"), ("date", "en dato")):
        value = rest.pop(0) if rest else ""
        if not value:
            missing.append(what)
        elif key == "date":
            if (date := _date(draft, "sources", value, f"{name}: ")) is None:
                return None
            source[key] = date
        else:
            source[key] = value
    if missing:
        draft.problem("sources", f"{name} mangler {' og '.join(missing)} (skriv: link | titel | udgiver | dato)")
        return None
    if rest:
        draft.problem("sources", f"{name} har flere dele end link | titel | udgiver | dato; "
                                 "brug ikke | inde i titlen")
        return None
    return {key: source[key] for key in ("title", "publisher", "date", "url", "archive_url") if key in source}


def _promise_id(text: str, taken: set[str]) -> str:
    base = danish_slug(text)[:PROMISE_ID_LENGTH].rstrip("-") or "loefte"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _promises(draft: Draft, lines: list[str]) -> list[dict]:
    promises, taken = [], set()
    for number, line in enumerate(lines, 1):
        parts = [part.strip() for part in line.split("|")]
        text, who, deadline = (parts + ["", ""])[:3]
        name = f"Løfte {number}"
        if len(parts) > 3:
            draft.problem("promises", f"{name} har flere dele end løfte | hvem | frist; brug ikke | inde i løftet")
            continue
        actor = _actor(who) if who else None
        if actor is None:
            draft.problem("promises", f"{name} mangler hvem der lovede det (skriv: løftet | Navn (parti), rolle | frist)")
            continue
        promise = {"id": _promise_id(text, taken), "text": text, "promised_by": actor}
        if deadline:
            if (date := _date(draft, "promises", deadline, f"{name}, frist: ")) is None:
                continue
            promise["deadline"] = date
        promise["status"] = "not-assessed"
        promises.append(promise)
    return promises


def _changes(draft: Draft, lines: list[str], status: str | None, plan: Plan | Response | None) -> list[dict]:
    changes = []
    for number, line in enumerate(lines, 1):
        which, _, note = (part.strip() for part in line.partition("|"))
        promise = which
        if plan is not None:
            ids = [p.id for p in plan.promises]
            if which.isdigit() and 1 <= int(which) <= len(ids):
                promise = ids[int(which) - 1]
            elif which.isdigit():
                draft.problem("followed-promises", f"Linje {number}: planen har {len(ids)} løfter, ikke {which}")
                continue
            elif which not in ids and danish_slug(which) in ids:
                promise = danish_slug(which)
        change = {"promise": promise, "status": status}
        if note:
            change["note"] = note
        changes.append(change)
    return changes


def _too_long(draft: Draft, submission: Submission, form: list[FormField]) -> None:
    for item in form:
        text = submission.text(item.id)
        limit = MAX_INPUT if item.type in ("input", "dropdown") else MAX_TEXT
        if len(text) > limit:
            draft.problem(item.id, f"feltet er for langt ({len(text):,} tegn; højst {limit:,})".replace(",", "."))
        elif item.type == "textarea" and len(_lines(text)) > MAX_ITEMS:
            draft.problem(item.id, f"feltet har for mange linjer (højst {MAX_ITEMS})")
        else:
            continue
        submission.values[item.id] = ""
        draft.unread.add(item.id)


def _required(draft: Draft, field_id: str, value, message: str):
    """``value``, or a problem for the field when it is empty."""
    if not value:
        draft.problem(field_id, message)
        return None
    return value


def build_draft(submission: Submission, form: list[FormField], entries: dict[str, LoadedEntry]) -> tuple[Draft, Kommune | None]:
    """The entry the answers describe, field by field, with a problem for each answer that does not fit."""
    draft = Draft()
    for field_id, message in submission.problems.items():
        draft.problem(field_id, message)
    _too_long(draft, submission, form)
    by_id = {item.id: item for item in form}
    text = submission.text
    kind = _choice(draft, text, "type", TYPE_LABELS)
    kommune = _kommune(draft, text("kommune"))
    if submission.ticked(by_id["confirm"]) != list(by_id["confirm"].options):
        draft.problem("confirm", "sæt kryds ved begge bekræftelser")
    if kind is not None:
        for field_id in sorted(set().union(*TYPE_FIELDS.values()) - set(TYPE_FIELDS[kind])):
            if text(field_id):
                draft.problem(field_id, f"feltet bruges ikke ved {TYPE_LABELS[kind]}; tøm det, eller vælg en "
                                        "anden slags sag øverst")
    data = draft.data
    data["type"] = kind
    data["title"] = _required(draft, "headline", text("headline"), "skriv en overskrift")
    data["date"] = _date(draft, "date", text("date"))
    data["kommune"] = kommune.slug if kommune else None
    data["tags"] = submission.ticked(by_id["tags"])
    if unknown := submission.unknown_ticks(by_id["tags"]):
        draft.problem("tags", f"ukendt emne {unknown[0]!r}; sæt kryds ved emnerne i listen")
    elif not data["tags"]:
        draft.problem("tags", "sæt kryds ved mindst ét emne")
    if kind == "report":
        data["kind"] = _choice(draft, text, "kind", REPORT_KINDS)
        data["publisher"] = _required(draft, "publisher", text("publisher"), "skriv hvem der står bag kritikken")
    data["summary"] = _required(draft, "summary", text("summary"), "skriv kort, hvad der skete")
    if kind is not None:
        TYPE_PARTS[kind](draft, text, entries)
    sources = [_source(draft, n, line) for n, line in enumerate(_lines(text("sources")), 1)]
    data["sources"] = [s for s in sources if s] or (
        None if sources else _required(draft, "sources", None, "skriv mindst én kilde: link | titel | udgiver | dato"))
    _refuse_markup(draft)
    return draft, kommune


def _report(draft: Draft, text, entries) -> None:
    draft.data["findings"] = _required(draft, "findings", _lines(text("findings")),
                                       "skriv mindst ét kritikpunkt, ét pr. linje")
    if people := _actors(draft, "people", text("people")):
        draft.data["people"] = people


def _response(draft: Draft, text, entries) -> None:
    draft.data["responds_to"] = _required(draft, "responds-to", [_entry_id(line) for line in _lines(text("responds-to"))],
                                          "skriv hvilken sag der svares på")
    draft.data["responders"] = _required(draft, "responders", _actors(draft, "responders", text("responders")),
                                         "skriv hvem der svarede, én pr. linje")


def _plan(draft: Draft, text, entries) -> None:
    if links := [_entry_id(line) for line in _lines(text("responds-to"))]:
        draft.data["responds_to"] = links
    lines = _required(draft, "promises", _lines(text("promises")), "skriv mindst ét løfte, ét pr. linje")
    draft.data["promises"] = _promises(draft, lines) if lines else None


def _update(draft: Draft, text, entries) -> None:
    plan_id = _required(draft, "plan", _entry_id(text("plan")), "skriv hvilken handleplan der følges op")
    draft.data["plan"] = plan_id
    status = _choice(draft, text, "status", STATUS_LABELS)
    plan = entries[plan_id].entry if plan_id in entries else None
    lines = _required(draft, "followed-promises", _lines(text("followed-promises")),
                      "skriv mindst ét løfte, der følges op")
    followed = plan if getattr(plan, "promises", None) else None  # a plan, or a response that promises
    draft.data["changes"] = _changes(draft, lines, status, followed) if lines else None


TYPE_PARTS = {"report": _report, "response": _response, "plan": _plan, "update": _update}


def _refuse_markup(draft: Draft) -> None:
    """Markdown that would not be published as written (raw HTML, {: attributes}, javascript: links)."""
    data = draft.data
    for field_id, texts in (("summary", [data.get("summary")]), ("findings", data.get("findings") or []),
                            ("promises", [p["text"] for p in data.get("promises") or []]),
                            ("followed-promises", [c.get("note") for c in data.get("changes") or []])):
        if any(text and publishable_markdown(text) != text for text in texts):
            draft.problem(field_id, "teksten indeholder HTML, {…} eller et link, der ikke begynder med https://; "
                                    "skriv almindelig tekst")


# --- writing and checking ---------------------------------------------------------------------


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


def entry_text(data: dict, origin: str) -> str:
    body = yaml.dump({k: v for k, v in data.items() if v is not None}, Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, width=float("inf"))
    return f"{SCHEMA_LINE}\n# {origin}\n{body}"


def unique_name(kind: str, data: dict, folder: str, cases: Path, taken: set[str]) -> str:
    """``jobcentertjek new``'s file name, with -2, -3 … when the id is already used anywhere."""
    stem = file_name(kind, data["date"], data["title"] or "").removesuffix(".yaml")
    candidate, n = stem, 2
    while candidate in taken or (cases / folder / f"{candidate}.yaml").exists():
        candidate, n = f"{stem}-{n}", n + 1
    return f"{candidate}.yaml"


def _form_place(problem: Problem) -> tuple[str, str]:
    """The form field a validator problem belongs to, and how to name the item in it."""
    match = re.match(r"^([a-z_]+)(?:\[(\d+)\])?(?:\.([a-z_]+))?", problem.field)
    if not match:
        return "", ""
    top, index, part = match.groups()
    prefix = f"{ITEM_NAMES.get(top, 'Linje')} {int(index) + 1}" if index is not None else ""
    if part:
        prefix += f", {PART_NAMES.get(part, part)}"
    if top == "changes" and part == "status":
        return "status", ""
    return FORM_FIELD_OF.get(top, ""), prefix


def check_text(text: str, folder: str, name: str, entries: dict[str, LoadedEntry]) -> list[Problem]:
    """The real check of the file as it would be written to ``<folder>/<name>``, on its own and
    against the record."""
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / folder / name
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        loaded, problems = load_entry(path)
        if loaded is not None:
            others = [item for item in entries.values() if item.id != loaded.id]
            problems += [p for p in check_links([*others, loaded]) if p.path == loaded.path]
    return problems


# --- the reply ----------------------------------------------------------------------------------


_MARKDOWN = re.compile(r"([\\`*_{}\[\]#!|~>])")


def _escape(text: str) -> str:
    """Contributor text inside the reply: shown as typed, never as links, markup or @-mentions."""
    text = _MARKDOWN.sub(r"\\\1", " ".join(text.split()))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("@", "&#64;")


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def new_file_url(repository: str, branch: str, path: str, text: str) -> str:
    return (f"https://github.com/{repository}/new/{branch}?filename={quote(path, safe='/')}"
            f"&value={quote(text, safe='')}")


def _problem_lines(problems: dict[str, list[str]], labels: dict[str, str]) -> list[str]:
    order = list(labels)
    lines = []
    for field_id in sorted(problems, key=lambda f: order.index(f) if f in order else len(order)):
        for message in dict.fromkeys(problems[field_id]):
            lines.append(f"- **{_escape(labels.get(field_id) or 'Sagen')}**: {_escape(message)}")
    return lines


def failure_reply(problems: dict[str, list[str]], labels: dict[str, str]) -> str:
    count = sum(len(set(v)) for v in problems.values())
    return "\n".join([
        MARKER, "## Sagen kan ikke laves endnu", "",
        f"Tak for formularen. Jobcentertjek har tjekket den og fandt {count} ting, der skal rettes:", "",
        *_problem_lines(problems, labels), "",
        "Ret dem ved at redigere issuet (de tre prikker øverst på issuet → *Edit*). "
        "Så tjekker vi igen og opdaterer denne kommentar.",
    ]) + "\n"


def success_reply(path: str, text: str, url: str, warnings: dict[str, list[str]], labels: dict[str, str]) -> str:
    fence = _fence(text)
    lines = [MARKER, "## Sagen er klar", "",
             f"Tak! Dine svar giver en gyldig sag, og tjekket (`jobcentertjek check`) fandt ingen fejl. "
             f"Filen hedder `{path}`.", ""]
    if warnings:
        lines += ["Læs dog lige disse advarsler; ret dem, hvis de er rigtige:", "",
                  *_problem_lines(warnings, labels), ""]
    if len(url.encode()) <= MAX_URL_BYTES:
        lines += [f"**[Opret sagen på GitHub]({url})**", "",
                  "Linket åbner GitHub med filen udfyldt; tryk *Commit changes* (eller *Propose changes*). "
                  "Har du ikke skriveadgang, laver GitHub en kopi af projektet og en pull request til dig, "
                  "hvor sagen bliver tjekket igen. Er teksten ikke med, når siden åbner, så kopiér den herunder."]
    else:
        lines += [f"Sagen er for lang til et link ({len(url.encode()):,} byte; GitHub klarer kun omkring "
                  f"{MAX_URL_BYTES:,}). Kopiér i stedet teksten herunder, og opret filen `{path}` på GitHub "
                  "(*Add file* → *Create new file*).".replace(",", ".")]
    lines += ["", f"{fence}yaml", text.rstrip("\n"), fence]
    return "\n".join(lines) + "\n"


_CPR_LIKE = re.compile(r"(?<!\d)\d{6}-?\d{4}(?!\d)")


def _scrub(reply: str) -> str:
    """No CPR number is repeated in a reply, whatever field it was written in (any ten digits
    shaped like one are left out: the reply is no place to tell them apart)."""
    return _CPR_LIKE.sub("[CPR-nummer fjernet]", reply)


# --- the whole route ----------------------------------------------------------------------------


def from_issue(event: dict, form: list[FormField], cases: Path) -> Result:
    issue = event["issue"]
    labels = {item.id: item.label for item in form}
    submission = parse_body(issue.get("body") or "", form)
    entries = {item.id: item for item in check_paths([cases])[0]} if cases.is_dir() else {}
    draft, kommune = build_draft(submission, form, entries)
    # The validator judges whatever could be read, so one round of edits can fix everything;
    # a field that already has a problem from the form keeps only that one.
    folder_name = kommune.slug if kommune else "ukendt"
    name = (unique_name(draft.data["type"] or "report", draft.data, folder_name, cases, set(entries))
            if draft.data["date"] else "sag.yaml")
    number = issue.get("number")
    origin = (f"Lavet af jobcentertjek from-issue ud fra issue #{number}." if isinstance(number, int)
              else "Lavet af jobcentertjek from-issue ud fra formularen Ny sag.")
    text = entry_text(draft.data, origin)
    read_already = set(draft.problems)
    for problem in check_text(text, folder_name, name, entries):
        field_id, prefix = _form_place(problem)
        if field_id not in read_already:
            target = draft.warnings if problem.severity == "warning" else draft.problems
            target.setdefault(field_id, []).append(f"{prefix}: {problem.message}" if prefix else problem.message)
    if draft.problems:
        return Result(_scrub(failure_reply(draft.problems, labels)), None)
    folder = (cases / kommune.slug).resolve()
    path = folder / name
    if path.parent != folder or not folder.is_relative_to(cases.resolve()):  # cannot happen: slugs only
        raise RuntimeError(f"refusing to write {path}")
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:
        out.write(text)
    shown = f"{cases.name}/{kommune.slug}/{name}"
    repository = (event.get("repository") or {}).get("full_name", "")
    branch = (event.get("repository") or {}).get("default_branch") or "main"
    if not _REPOSITORY.match(str(repository)):
        repository = "jobcentertjek/jobcentertjek"
    url = new_file_url(repository, branch if re.fullmatch(r"[\w./-]+", branch) else "main", shown, text)
    return Result(success_reply(shown, text, url, draft.warnings, labels), path)  # the check found no CPR number


def _run(args: argparse.Namespace) -> int:
    try:
        event = read_event(Path(args.event))
    except NotANewCase as exc:
        print(f"jobcentertjek from-issue: {exc}; intet at gøre.", file=sys.stderr)
        return 2
    result = from_issue(event, read_form(Path(args.form)), Path(args.cases))
    sys.stdout.write(result.reply)
    return 0 if result.path else 1


def add_from_issue_command(commands) -> None:
    command = commands.add_parser("from-issue", help="lav en tjekket sag ud fra en indsendt 'Ny sag'-formular",
                                  description="Læser en GitHub-hændelse for et 'Ny sag'-issue og skriver sagens fil "
                                              "(afslutter med 0) eller et svar med det, der skal rettes (1). Et issue, "
                                              "der ikke er en 'Ny sag', giver 2.")
    command.add_argument("event", metavar="HÆNDELSE",
                         help="GitHub-hændelsen for issuet (filen i $GITHUB_EVENT_PATH)")
    command.add_argument("--form", default=str(FORM_PATH), metavar="FIL", help=f"formularen (standard: {FORM_PATH})")
    command.add_argument("--cases", default="cases", metavar="MAPPE", help="mappen med sagerne (standard: cases)")
    command.set_defaults(run=_run)
