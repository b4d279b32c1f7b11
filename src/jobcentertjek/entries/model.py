"""The entry format: one pydantic model per entry type.

These models are the single definition of what a valid entry is: the validator runs
them, and the published JSON Schema (``data/entry.schema.json``) is generated from them.
"""

from __future__ import annotations

import html
import re
from typing import Annotated, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from .dates import PartialDate, today
from .render import publishable_markdown

STATUS_LABELS = {  # the promise scale, in the order a reader meets it
    "not-assessed": "Ikke vurderet",
    "in-progress": "I gang",
    "stalled": "Gået i stå",
    "kept": "Holdt",
    "partly-kept": "Delvist holdt",
    "broken": "Brudt",
    "unverifiable": "Kan ikke efterprøves",
}
FINAL_STATUSES = {"kept", "partly-kept", "broken"}  # a verdict on the promise
OPEN_STATUSES = {"not-assessed", "in-progress", "stalled"}  # no verdict: past its deadline such a promise is overdue
# One state per promise, as the site counts, filters and shows it: its status, except that an open
# promise past its deadline is "overdue", whatever else is known (OVERDUE_DETAILS says what).
STATE_LABELS = {
    "not-assessed": "Ikke vurderet",
    "in-progress": "I gang",
    "stalled": "Gået i stå",
    "overdue": "Frist overskredet",
    "kept": "Holdt",
    "partly-kept": "Delvist holdt",
    "broken": "Brudt",
    "unverifiable": "Kan ikke efterprøves",
}
OVERDUE_LABEL = STATE_LABELS["overdue"]
OVERDUE_DETAILS = {
    "not-assessed": "intet viser, at det er holdt",
    "in-progress": "arbejdet er stadig i gang",
    "stalled": "arbejdet er gået i stå",
}
UNCHECKED_LABEL = "Skal efterprøves"  # an open promise nobody has looked into for a year
TIMELINESS_LABELS = {  # a promise kept or partly kept, against its deadline
    "on-time": "Holdt til tiden (helt eller delvist)",
    "late": "Holdt for sent (helt eller delvist)",
}

TYPE_LABELS = {"report": "Kritik", "response": "Svar", "plan": "Handleplan", "update": "Opfølgning"}

REPORT_KINDS = {
    "official-report": "Officiel rapport",
    "commissioned-report": "Bestilt rapport",
    "survey": "Undersøgelse",
    "citizens-letter": "Borgerbrev",
    "proposals": "Forslagskatalog",
    "news": "Nyhedsartikel",
    "ankestyrelsen": "Ankestyrelsen",
    "ombudsmand": "Folketingets Ombudsmand",
}
# What follows "Kritik" in an entry's line of type and date: who criticised, where it was an
# authority, else where the criticism was published ("Kritik fra Ankestyrelsen", "Kritik i et borgerbrev").
REPORT_KIND_PHRASES = {
    "official-report": "i en officiel rapport",
    "commissioned-report": "i en bestilt rapport",
    "survey": "i en undersøgelse",
    "citizens-letter": "i et borgerbrev",
    "proposals": "i et forslagskatalog",
    "news": "i en nyhedsartikel",
    "ankestyrelsen": "fra Ankestyrelsen",
    "ombudsmand": "fra Folketingets Ombudsmand",
}

Status = Literal["not-assessed", "in-progress", "stalled", "kept", "partly-kept", "broken", "unverifiable"]
ReportKind = Literal[
    "official-report", "commissioned-report", "survey", "citizens-letter",
    "proposals", "news", "ankestyrelsen", "ombudsmand",
]

_ID = re.compile(r"^[0-9]{4}(-[0-9]{2}){0,2}-[a-z0-9]+(-[a-z0-9]+)*$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://[^\s<>\"']+\.[^\s<>\"']+$", re.IGNORECASE)


def _parse_any_date(value: object) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        raise PydanticCustomError("date", str(exc)) from None


def _parse_date(value: object) -> PartialDate:
    """A date something happened on: it cannot lie in the future."""
    date = _parse_any_date(value)
    if date.first_day > today():
        raise PydanticCustomError("future", f"datoen {date} ligger i fremtiden")
    return date


def _plain_text(value: str) -> str:
    """One-line text that also ends up in titles and feeds: no HTML, no line breaks."""
    if not value.strip():
        raise PydanticCustomError("empty", "må ikke være tom")
    if "<" in value or ">" in value:
        raise PydanticCustomError("html", "må ikke indeholde < eller >; skriv almindelig tekst")
    # MkDocs writes titles into <title> and the nav unescaped, so &lt; would read "<" there but
    # "&lt;" in our autoescaped templates, and one striptags (it decodes entities) from a tag.
    if html.unescape(value) != value:
        raise PydanticCustomError("entity", "må ikke indeholde HTML-koder som &lt; eller &#60;; skriv selve tegnet")
    if "\n" in value:
        raise PydanticCustomError("newline", "skal stå på én linje")
    return value


def _markdown(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty", "må ikke være tom")
    return value


def _pattern(regex: re.Pattern, explanation: str):
    def check(value: str) -> str:
        if not regex.match(value):
            raise PydanticCustomError("pattern", explanation)
        return value
    return check


def _date_type(parse, description: str):
    """A PartialDate field: validated by ``parse``, written back and described as text."""
    return Annotated[
        PartialDate,
        PlainValidator(parse),
        PlainSerializer(str, return_type=str),
        WithJsonSchema({
            "description": description,
            "anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, {"type": "integer"}],
        }),
    ]


Date = _date_type(_parse_date, "Date as precise as the source gives it: YYYY-MM-DD, YYYY-MM or YYYY.")
Deadline = _date_type(_parse_any_date, "Deadline as precise as the promise gives it: YYYY-MM-DD, YYYY-MM or YYYY; "
                                       "may lie in the future.")
PlainText = Annotated[str, AfterValidator(_plain_text)]
# Published Markdown (the open data) carries no raw HTML or script links; see render.publishable_markdown.
Markdown = Annotated[str, AfterValidator(_markdown), PlainSerializer(publishable_markdown, when_used="json")]
Url = Annotated[str, AfterValidator(_pattern(_URL, "skal være en fuld webadresse, der begynder med https:// eller http://"))]
EntryId = Annotated[str, AfterValidator(_pattern(_ID, "skal være en anden sags id: dens filnavn uden .yaml, fx 2018-04-10-taskforce-foertidspension-fleksjob"))]
FormerId = Annotated[str, AfterValidator(_pattern(_ID, "skal være sagens tidligere id (det gamle filnavn uden .yaml), fx 2018-04-10-taskforce-rapport"))]
Slug = Annotated[str, AfterValidator(_pattern(_SLUG, "skrives med små bogstaver uden æ, ø og å og med bindestreg i stedet for mellemrum, fx rette-kritikpunkter"))]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(_Strict):
    """Where a fact comes from. Every entry cites at least one."""

    title: PlainText
    publisher: PlainText
    date: Date
    url: Url | None = None
    archive_url: Url | None = Field(None, description="An archived copy, e.g. on web.archive.org.")
    note: PlainText | None = None


class Actor(_Strict):
    """A person in a public role, or a body such as a committee. Never a private citizen
    who has not gone public."""

    name: PlainText
    role: PlainText | None = None
    party: PlainText | None = None


class Figure(_Strict):
    """A number from a report, kept as a number."""

    label: PlainText
    value: int | float
    unit: PlainText | None = None


class Correction(_Strict):
    """A public note that the entry was corrected: shown on the entry and in the corrections log."""

    date: Date
    text: PlainText


class Asked(_Strict):
    """The kommune was asked what became of a promise: when, how, and what it answered, if it did."""

    date: Date = Field(description="When the kommune was asked.")
    how: PlainText | None = Field(None, description="How it was asked, e.g. 'e-mail til jobcentrets ledelse'.")
    answer: PlainText | None = Field(None, description="What the kommune answered; left out while it has not answered.")
    answer_date: Date | None = Field(None, description="When the kommune answered.")


class Check(_Strict):
    """One dated search for evidence of a promise's outcome, whatever it found."""

    date: Date = Field(description="The day the search was made.")
    searched: PlainText = Field(description="Where was looked, e.g. 'udvalgets referater 2019-2020 og lokalavisen'.")
    found: PlainText = Field(description="What was found; 'intet' is a result too.")
    sources: list[Source] = Field(default_factory=list, description="What the search found, if anything.")
    asked: Asked | None = Field(None, description="Whether and when the kommune was asked, and its answer.")


class Promise(_Strict):
    id: Slug
    text: Markdown
    promised_by: Actor
    deadline: Deadline | None = None
    status: Status = "not-assessed"
    status_note: Markdown | None = None
    sources: list[Source] = Field(default_factory=list, description="Required unless status is not-assessed.")
    checks: list[Check] = Field(default_factory=list, description="Every dated search for evidence of the outcome, "
                                                                  "in any order; the site shows the newest first.")

    def checks_newest_first(self) -> list[Check]:
        return sorted(self.checks, key=lambda check: check.date.sort_key(), reverse=True)


class StatusChange(_Strict):
    promise: Slug = Field(description="The id of a promise in the plan.")
    status: Status
    note: Markdown | None = None
    done: Date | None = Field(None, description="When what the status says happened, as precisely as the source "
                                                "says, if not on the update's date (the day the source showed it); "
                                                "how late a kept promise was is counted from it.")


class Repeat(_Strict):
    """A report's link to an earlier promise whose problem it criticises again."""

    plan: EntryId = Field(description="The id of an earlier plan in the same kommune (or hele-landet).")
    promise: Slug = Field(description="The id of a promise in that plan.")
    note: PlainText | None = Field(None, description="Optional: what the report criticises again, in one line.")


class _Entry(_Strict):
    title: PlainText
    date: Date
    kommune: Slug = Field(description="The kommune's slug, e.g. koebenhavn, or hele-landet.")
    tags: list[PlainText] = Field(min_length=1)
    summary: Markdown = Field(description="Markdown, in your own words.")
    sources: list[Source] = Field(min_length=1)
    corrections: list[Correction] = Field(default_factory=list)
    former_ids: list[FormerId] = Field(default_factory=list, description="Ids the entry had before it was renamed; "
                                                                        "each old address leads to the new one.")

    def links(self) -> list[str]:
        """Ids of the entries this one refers to."""
        return []


class Report(_Entry):
    type: Literal["report"]
    kind: ReportKind
    publisher: PlainText
    findings: list[Markdown] = Field(min_length=1)
    figures: list[Figure] = Field(default_factory=list)
    people: list[Actor] = Field(default_factory=list, description="People named in their public role.")
    repeats: list[Repeat] = Field(default_factory=list, description="Earlier promises this report criticises again.")


class Response(_Entry):
    type: Literal["response"]
    responds_to: list[EntryId] = Field(min_length=1)
    responders: list[Actor] = Field(min_length=1)
    promises: list[Promise] = Field(default_factory=list, description="Promises made in the same statement; "
                                                                     "tracked like a plan's.")

    def links(self) -> list[str]:
        return list(self.responds_to)


class Plan(_Entry):
    type: Literal["plan"]
    responds_to: list[EntryId] = Field(default_factory=list)
    promises: list[Promise] = Field(min_length=1)

    def links(self) -> list[str]:
        return list(self.responds_to)


class Update(_Entry):
    type: Literal["update"]
    plan: EntryId = Field(description="The id of the plan, or of the response with promises, that is followed up.")
    changes: list[StatusChange] = Field(min_length=1)

    def links(self) -> list[str]:
        return [self.plan]


MODELS: dict[str, type[_Entry]] = {"report": Report, "response": Response, "plan": Plan, "update": Update}
Entry = Union[Report, Response, Plan, Update]


def json_schema() -> dict:
    """The JSON Schema of an entry file, for editors and for the open data."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Annotated[Entry, Field(discriminator="type")]).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Jobcentertjek entry"
    return schema
