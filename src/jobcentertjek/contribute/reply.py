"""The reply to a submitted form, in Danish Markdown, and the description of its pull request.

Contributor text is shown as typed, never as links, markup or @-mentions, and no CPR number
is ever repeated. The reply names every problem by the form field it belongs to; a clean
submission gets its files, the check's warnings, what happens next, and a link per file that
opens it prefilled on GitHub for those who want to add it themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .issueform import GENERAL

MARKER = "<!-- jobcentertjek:ny-sag -->"  # the workflow finds its own comment by this line
MAX_URL_BYTES = 8000  # GitHub's new-file page fails on longer addresses
READY_LABEL = "klar til pr"  # a maintainer's word: the label workflow makes the pull request

_MARKDOWN = re.compile(r"([\\`*_{}\[\]#!|~>])")
_CPR_LIKE = re.compile(r"(?<!\d)\d{6}-?\d{4}(?!\d)")


@dataclass
class Result:
    """What from-issue gives back: the reply, the files written, the pull request's description."""

    reply: str
    paths: list[Path] = field(default_factory=list)  # the files written, when the submission was valid
    pr_body: str | None = None


@dataclass(frozen=True)
class File:
    """A file the submission makes, as the reply shows it."""

    heading: str  # e.g. "Kritikken"
    path: str  # e.g. "cases/fredericia/2018-04-10-….yaml"
    text: str


def escape(text: str) -> str:
    """Contributor text inside the reply: shown as typed, never as links, markup or @-mentions."""
    text = _MARKDOWN.sub(r"\\\1", " ".join(text.split()))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("@", "&#64;")


def fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def new_file_url(repository: str, branch: str, path: str, text: str) -> str:
    return (f"https://github.com/{repository}/new/{branch}?filename={quote(path, safe='/')}"
            f"&value={quote(text, safe='')}")


def problem_lines(problems: dict[str, list[str]], labels: dict[str, str]) -> list[str]:
    """One line per problem, "- **<field's label>**: message", in the order of the form."""
    order = [GENERAL, *labels]
    lines = []
    for field_id in sorted(problems, key=lambda f: order.index(f) if f in order else len(order)):
        for message in dict.fromkeys(problems[field_id]):
            lines.append(f"- **{escape(labels.get(field_id) or 'Issuet')}**: {escape(message)}")
    return lines


def scrub(text: str) -> str:
    """No CPR number is repeated, whatever field it was written in (any ten digits shaped like
    one are left out: a reply is no place to tell them apart)."""
    return _CPR_LIKE.sub("[CPR-nummer fjernet]", text)


def failure_reply(problems: dict[str, list[str]], labels: dict[str, str], what: str = "Sagen") -> str:
    count = sum(len(set(v)) for v in problems.values())
    return scrub("\n".join([
        MARKER, f"## {what} kan ikke laves endnu", "",
        f"Tak for formularen. Jobcentertjek har tjekket den og fandt {count} ting, der skal rettes:", "",
        *problem_lines(problems, labels), "",
        "Ret dem ved at redigere issuet (de tre prikker øverst på issuet → *Edit*). "
        "Så tjekker vi igen og opdaterer denne kommentar.",
    ]) + "\n")


def waiting_lines(waiting: dict[int, list[str]]) -> list[str]:
    return [f"- #{number}: {', '.join(f'`{entry_id}`' for entry_id in dict.fromkeys(ids))}"
            for number, ids in sorted(waiting.items())]


def next_step(what: str, files: str) -> str:
    return (f"**Hvad sker der nu?** Du behøver ikke gøre mere. En redaktør læser {what} og kilderne igennem og "
            f"sætter så etiketten »{READY_LABEL}« på issuet. Så lægger robotten {files} i en pull request, hvor alt "
            f"bliver tjekket igen, og {what} kommer på siden, når den er flettet ind.")


def success_reply(files: list[File], warnings: list[str], waiting: dict[int, list[str]], repository: str,
                  branch: str) -> str:
    count = len(files)
    made = ("Dine svar giver en gyldig sag, og tjekket (`jobcentertjek check`) fandt ingen fejl." if count == 1 else
            f"Dine svar giver {count} gyldige sager, én for hver del, du udfyldte, og tjekket "
            f"(`jobcentertjek check`) fandt ingen fejl.")
    lines = [MARKER, "## Sagen er klar", "", f"Tak! {made}", "",
             next_step("sagen", "filen" if count == 1 else "filerne"), ""]
    if waiting:
        lines += ["**Venter på et andet issue:** sagen henviser til sager, der ikke er udgivet endnu. Den kan først "
                  "komme på siden, når de er:", "", *waiting_lines(waiting), ""]
    if warnings:
        lines += ["Læs dog lige disse advarsler fra tjekket; ret det, hvis de har ret:", "", *warnings, ""]
    lines += ["Vil du selv lægge sagen ind, kan du bruge linket ved hver fil: det åbner GitHub med filen udfyldt; "
              "tryk *Commit changes* (eller *Propose changes*). Har du ikke skriveadgang, laver GitHub en kopi af "
              "projektet og en pull request til dig."]
    for item in files:
        url = new_file_url(repository, branch, item.path, item.text)
        lines += ["", f"### {item.heading}: `{item.path}`", ""]
        if len(url.encode()) <= MAX_URL_BYTES:
            lines += [f"**[Opret filen på GitHub]({url})**"]
        else:
            lines += [f"Filen er for lang til et link ({len(url.encode()):,} byte; GitHub klarer kun omkring "
                      f"{MAX_URL_BYTES:,}). Kopiér i stedet teksten herunder, og opret filen `{item.path}` på GitHub "
                      "(*Add file* → *Create new file*).".replace(",", ".")]
        block = fence(item.text)
        lines += ["", f"{block}yaml", item.text.rstrip("\n"), block]
    return "\n".join(lines) + "\n"


def check_reply(path: str, plan_id: str, promise_id: str, promise_text: str, inserted: list[str], line: int,
                warnings: list[str], repository: dict) -> str:
    """The reply to a valid promise check: the lines it adds to the plan's file, and where."""
    repo, branch = repository.get("full_name", ""), repository.get("default_branch") or "main"
    block = fence("\n".join(inserted))
    lines = [MARKER, "## Efterprøvningen er klar", "",
             f"Tak! Din efterprøvning af løftet »{escape(promise_text)}« (`{promise_id}`) i planen `{plan_id}` er "
             "gyldig, og tjekket (`jobcentertjek check`) fandt ingen fejl.", "",
             next_step("efterprøvningen", "den"), ""]
    if warnings:
        lines += ["Læs dog lige disse advarsler fra tjekket; ret det, hvis de har ret:", "", *warnings, ""]
    lines += [f"Efterprøvningen bliver skrevet under løftets `checks:` i `{path}`, fra linje {line}:", "",
              f"{block}yaml", *inserted, block]
    if re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repo) and re.fullmatch(r"[\w./-]+", branch):
        lines += ["", f"Vil du selv lægge den ind, så [ret filen på GitHub](https://github.com/{repo}/edit/{branch}/"
                      f"{quote(path)}) og sæt linjerne ind ved linje {line}, rykket ind som her."]
    return scrub("\n".join(lines) + "\n")


def pr_body(number: int, paths: list[str], warnings: list[str], waiting: dict[int, list[str]], what: str) -> str:
    """The pull request's description: where the files come from, what to merge first, the check's warnings."""
    lines = [f"{what} fra #{number}, lavet af `jobcentertjek from-issue` ud fra formularen, efter at en redaktør "
             f"satte etiketten »{READY_LABEL}«.", "", "Filer:", "", *(f"- `{path}`" for path in paths), ""]
    if waiting:
        lines += ["**Flet først pull requesten for:**", "", *waiting_lines(waiting), ""]
    if warnings:
        lines += ["Advarsler fra tjekket:", "", *warnings, ""]
    lines += [f"Closes #{number}"]
    return scrub("\n".join(lines) + "\n")
