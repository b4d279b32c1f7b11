"""Reading a submitted issue form: the fields as the form file defines them, and the issue's
body split back into those fields.

GitHub turns a submitted form into Markdown: for each field ``### <label>``, a blank line and
the answer; ``_No response_`` for an empty one; ``- [X] <option>`` for a ticked checkbox. The
labels are read from the form file itself, so the form and the parser cannot drift apart.

A contributor who edits the issue sees that Markdown, so the body is read as a person may
leave it: a ``_No response_`` left above typed text is dropped, a heading that was changed or
deleted is reported by its name (its text is never credited to the field above it), and text
pasted from Word or a mail (tabs, non-breaking spaces, invisible characters, indents) is
normalised to plain lines.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..entries.reference import kommuner, tags

FORMS_DIR = Path(".github/ISSUE_TEMPLATE")
FORM_PATH = FORMS_DIR / "ny-sag.yml"
NO_RESPONSE = "_No response_"
GENERAL = ""  # the "field" of a problem that belongs to no one field of the form
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "é": "e"})  # æ, ø, å sort after z
_HEADING = re.compile(r"^ {0,3}###(?!#)[ \t]*(?P<text>.*?)[ \t#]*$")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")  # soft hyphen, zero-width characters, BOM
_SPACES = re.compile("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")  # tabs and every kind of space
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class FormField:
    id: str
    label: str
    type: str  # input, textarea, dropdown or checkboxes
    options: tuple[str, ...] = ()


def read_form(path: Path = FORM_PATH) -> list[FormField]:
    """The form's fields, in the order GitHub shows them and writes them into the issue."""
    data = yaml.safe_load(path.read_text("utf-8"))
    fields = []
    for item in data["body"]:
        if item["type"] == "markdown":
            continue
        options = item["attributes"].get("options", ())
        fields.append(FormField(item["id"], item["attributes"]["label"], item["type"],
                                tuple(o["label"] if isinstance(o, dict) else o for o in options)))
    return fields


def form_labels(path: Path) -> list[str]:
    """The labels GitHub puts on an issue made with the form."""
    return list(yaml.safe_load(path.read_text("utf-8")).get("labels") or [])


def kommune_options() -> list[str]:
    """The kommune dropdown: "Hele landet", then the 98 kommuner in Danish alphabetical order."""
    places = kommuner().values()
    national = [k.name for k in places if k.is_national]
    return national + sorted((k.name for k in places if not k.is_national),
                             key=lambda name: name.casefold().translate(_DANISH_ORDER))


def tag_options() -> list[str]:
    return list(tags())


@dataclass
class Submission:
    """A submitted form: each field's answer by field id, and what was wrong with the body itself."""

    values: dict[str, str]
    problems: dict[str, list[str]]  # field id (or GENERAL) -> messages

    def text(self, field_id: str) -> str:
        return self.values.get(field_id, "")

    def ticked(self, field: FormField) -> list[str]:
        """The options ticked in a checkboxes field, in the form's order."""
        ticked = set()
        for line in self.text(field.id).splitlines():
            line = line.strip()
            if line[:6].upper() == "- [X] ":
                ticked.add(line[6:].strip())
        return [option for option in field.options if option in ticked]

    def unknown_ticks(self, field: FormField) -> list[str]:
        lines = [line.strip() for line in self.text(field.id).splitlines()]
        return [line[6:].strip() for line in lines
                if line[:6].upper() == "- [X] " and line[6:].strip() not in field.options]


def normalise_line(line: str) -> str:
    """One line as plain text: no tabs, odd spaces, invisible or control characters, no indent."""
    line = _CONTROL.sub("", _INVISIBLE.sub("", line))
    return _SPACES.sub(" ", line).strip()


def _answer(lines: list[str]) -> str:
    """A field's text: normalised lines, without ``_No response_`` left over from an edit."""
    kept = [normalise_line(line) for line in lines]
    kept = [line for line in kept if line != NO_RESPONSE]
    return "\n".join(kept).strip("\n")


def _changed_heading(text: str, fields: list[FormField]) -> FormField | None:
    """The field whose heading ``text`` most likely was before an edit."""
    by_label = {field.label.casefold(): field for field in fields}
    wanted = text.casefold().rstrip(":?").strip()
    for label, field in by_label.items():
        if label.rstrip(":?").strip() == wanted:
            return field
    guess = difflib.get_close_matches(wanted, list(by_label), n=1, cutoff=0.6)
    return by_label[guess[0]] if guess else None


def parse_body(body: str, fields: list[FormField]) -> Submission:
    """Split an issue body at the form's own ``### <label>`` headings.

    Only the form's labels start a field. Any other ``###`` heading is reported by its name:
    one that was a label before an edit names the field it belongs to; text under an unknown
    one is not read. A label that appears twice cannot be told apart from text written to
    look like another field, so it is a problem rather than a guess; so is a label missing
    from a body that has the others.
    """
    by_heading = {field.label: field.id for field in fields}
    values: dict[str, list[str]] = {}
    problems: dict[str, list[str]] = {}
    current = None
    text = body.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    for line in text.split("\n"):
        heading = _HEADING.match(line)
        if heading is None:
            if current is not None:
                values[current].append(line)
            continue
        name = heading.group("text")
        field_id = by_heading.get(name)
        if field_id is None:
            changed = _changed_heading(name, fields)
            shown = f"»### {name}«"
            if changed is not None and changed.id not in values:
                problems.setdefault(changed.id, []).append(
                    f"overskriften {shown} er ændret; ret den tilbage til »### {changed.label}«, så robotten kan "
                    "finde feltet")
                field_id = changed.id
            else:
                problems.setdefault(GENERAL, []).append(
                    f"overskriften {shown} hører ikke til formularen, og teksten under den bliver ikke læst; slet "
                    "overskriften, eller skriv teksten uden ### foran")
                current = None
                continue
        elif field_id in values:
            problems.setdefault(field_id, []).append(
                "feltet står to gange i issuet; skriv ikke linjer, der begynder med ### og feltets navn, i dine svar")
        current = field_id
        values[current] = []
    if values:
        missing = [field.label for field in fields if field.id not in values]
        if missing:
            names = ", ".join(f"»### {label}«" for label in missing)
            problems.setdefault(GENERAL, []).append(
                f"{'overskriften' if len(missing) == 1 else 'overskrifterne'} {names} mangler i issuet; skriv "
                f"{'den' if len(missing) == 1 else 'dem'} igen (også over et tomt felt), eller udfyld formularen forfra")
    return Submission({field_id: _answer(lines) for field_id, lines in values.items()}, problems)


def render_body(fields: list[FormField], answers: dict[str, str | list[str]]) -> str:
    """An issue body as GitHub writes it for a submitted form (used by the tests and examples).

    ``answers`` holds text for inputs, textareas and dropdowns and the ticked options for
    checkboxes; a field without an answer gets ``_No response_``.
    """
    parts = []
    for field in fields:
        answer = answers.get(field.id)
        if field.type == "checkboxes":
            ticked = set(answer or ())
            value = "\n".join(f"- [{'X' if option in ticked else ' '}] {option}" for option in field.options)
        else:
            value = answer if answer else NO_RESPONSE
        parts.append(f"### {field.label}\n\n{value}")
    return "\n\n".join(parts)
