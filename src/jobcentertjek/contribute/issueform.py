"""The "Ny sag" issue form: its fields as the form file defines them, and a submitted issue's
body split back into those fields.

GitHub turns a submitted form into Markdown: for each field ``### <label>``, a blank line and
the answer; ``_No response_`` for an empty one; ``- [X] <option>`` for a ticked checkbox. The
labels are read from the form file itself, so the form and the parser cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..entries.reference import kommuner, tags

FORM_PATH = Path(".github/ISSUE_TEMPLATE/ny-sag.yml")
NO_RESPONSE = "_No response_"
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "é": "e"})  # æ, ø, å sort after z


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
    problems: dict[str, str]  # field id -> message

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


def parse_body(body: str, fields: list[FormField]) -> Submission:
    """Split an issue body at the form's own ``### <label>`` headings.

    Only the form's labels start a section, so a contributor's own Markdown headings stay
    in their answer. A label that appears twice cannot be told apart from text written to
    look like another field, so it is a problem rather than a guess.
    """
    by_heading = {f"### {field.label}": field.id for field in fields}
    values: dict[str, list[str]] = {}
    problems: dict[str, str] = {}
    current = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        field_id = by_heading.get(line.rstrip())
        if field_id is not None:
            if field_id in values:
                problems[field_id] = ("feltet står to gange i issuet; skriv ikke linjer, der begynder med "
                                      "### og feltets navn, i dine svar")
            current = field_id
            values[current] = []
        elif current is not None:
            values[current].append(line)
    answers = {}
    for field_id, lines in values.items():
        text = "\n".join(line.rstrip() for line in lines).strip("\n")
        answers[field_id] = "" if text.strip() == NO_RESPONSE else text.strip()
    return Submission(answers, problems)


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
