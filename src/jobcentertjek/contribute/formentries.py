"""From the answers of a submitted "Ny sag" form to entries: one for each part filled in.

The form carries a case as a journalist knows it, in four parts: the criticism (a report), the
answer (a response, which may promise), the plan and what happened since (an update). Each part
filled in becomes an entry of its own, and the parts are linked without the contributor writing
an id: the answer responds to the criticism above it, the plan to both, the update follows the
plan (or the answer's promises). A part may also point at an entry on the site, by its page's
address or id, or at one still waiting in another issue, as "#123" (see references.py).

The answers become plain Python mappings, which ``yaml.safe_dump`` writes (entryfiles.py): no
answer can add or change a field. Every problem is named by the form field it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Protocol

from ..entries.model import REPORT_KINDS, STATUS_LABELS, TYPE_LABELS
from ..entries.reference import Kommune, danish_slug, suggest
from ..entries.render import publishable_markdown
from ..entries.validate import LoadedEntry
from .answers import (
    SOURCE_FORMAT,
    actor,
    entry_id_of,
    form_text,
    issue_number,
    lines_of,
    place_name,
    promise_id,
    read_source,
    shorten,
)
from .freedates import parse_danish_date
from .issueform import GENERAL, FormField, Submission
from .scaffold import ScaffoldError, resolve_kommune

PARTS = ("report", "response", "plan", "update")
PART_NAMES = {"report": "Kritikken", "response": "Svaret", "plan": "Handleplanen", "update": "Opfølgningen"}
# The form fields of each part: the form's field id is "<type>-<name>", e.g. "response-date".
PART_FIELDS = {
    "report": ("headline", "date", "kind", "publisher", "summary", "findings", "people", "sources"),
    "response": ("to", "headline", "date", "responders", "summary", "promises", "sources"),
    "plan": ("to", "headline", "date", "summary", "promises", "sources"),
    "update": ("plan", "headline", "date", "summary", "promises", "status", "sources"),
}
COMMON_FIELDS = ("kommune", "tags", "confirm")
LINK_FIELDS = ("response-to", "plan-to", "update-plan")
# An entry's top-level field -> the name of the part's form field it comes from.
FORM_NAME_OF = {
    "title": "headline", "date": "date", "summary": "summary", "sources": "sources", "kind": "kind",
    "publisher": "publisher", "findings": "findings", "people": "people", "responds_to": "to",
    "responders": "responders", "promises": "promises", "plan": "plan", "changes": "promises",
}
# The order of an entry's fields in its file, as the guide's examples have them.
KEY_ORDER = ("type", "kind", "title", "date", "kommune", "tags", "publisher", "responds_to", "responders", "plan",
             "summary", "findings", "people", "promises", "changes", "sources")
MAX_INPUT = 300  # characters in a one-line field
MAX_TEXT = 20_000  # characters in a multi-line field: far more than any real summary
MAX_ITEMS = 100  # lines in a list field
MAX_REFERENCES = 10  # issues one submission may point at


def field_id(kind: str, name: str) -> str:
    return f"{kind}-{name}"


@dataclass(frozen=True)
class Target:
    """An entry a part links to: on the site, earlier in the same form, or in a waiting issue."""

    id: str
    kind: str
    promises: tuple[tuple[str, str], ...] | None = ()  # (id, text) of each promise, in order; None: unknown
    issue: int | None = None  # the waiting issue it comes from


class Resolver(Protocol):
    """Turns "#123" into the entry it stands for, or a Danish reason why it cannot."""

    def resolve(self, number: int, want: str) -> Target | str: ...


@dataclass
class EntryDraft:
    kind: str
    data: dict
    name: str | None = None  # the file name, once the date and the title are known

    @property
    def id(self) -> str | None:
        return self.name.removesuffix(".yaml") if self.name else None


@dataclass
class Draft:
    """What the form gave: an entry per part, and the problems by form field id."""

    kommune: Kommune | None = None
    entries: list[EntryDraft] = field(default_factory=list)
    problems: dict[str, list[str]] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    waiting: dict[int, list[str]] = field(default_factory=dict)  # issue -> ids of its entries linked to
    unread: set[str] = field(default_factory=set)  # fields set aside: no more problems for them

    def problem(self, field_id: str, message: str) -> None:
        if field_id not in self.unread:
            self.problems.setdefault(field_id, []).append(message)

    def entry(self, kind: str) -> EntryDraft | None:
        return next((item for item in self.entries if item.kind == kind), None)


Namer = Callable[[str, dict, str], str]  # (type, data, kommune folder) -> a file name not taken yet


def referenced_issues(submission: Submission) -> list[int]:
    """The waiting issues a submission points at, in order, at most ``MAX_REFERENCES``."""
    numbers = [issue_number(line) for field_id in LINK_FIELDS for line in lines_of(submission.text(field_id))]
    return list(dict.fromkeys(n for n in numbers if n is not None))[:MAX_REFERENCES]


# --- the mapping ------------------------------------------------------------------------------


class FormMapper:
    """Builds the draft of one submission against the record (``entries``) and waiting issues."""

    def __init__(self, submission: Submission, form: list[FormField], entries: dict[str, LoadedEntry],
                 namer: Namer, resolver: Resolver | None):
        self.submission = submission
        self.by_id = {item.id: item for item in form}
        self.entries = entries
        self.namer = namer
        self.resolver = resolver
        self.draft = Draft()
        self._target_of: dict[str, Target] = {}  # what each link field named, by id

    def text(self, field_id: str) -> str:
        return self.submission.text(field_id)

    def problem(self, field_id: str, message: str) -> None:
        self.draft.problem(field_id, message)

    def build(self) -> Draft:
        draft = self.draft
        for name, messages in self.submission.problems.items():
            for message in messages:
                self.problem(name, message)
        self._too_long()
        draft.kommune = self._kommune()
        confirm = self.by_id["confirm"]
        if self.submission.ticked(confirm) != list(confirm.options):
            self.problem("confirm", "sæt kryds ved begge bekræftelser")
        tags = self.submission.ticked(self.by_id["tags"])
        if unknown := self.submission.unknown_ticks(self.by_id["tags"]):
            self.problem("tags", f"ukendt emne {unknown[0]!r}; sæt kryds ved emnerne i listen")
        elif not tags:
            self.problem("tags", "sæt kryds ved mindst ét emne")
        used = [kind for kind in PARTS if any(self.text(field_id(kind, name)) for name in PART_FIELDS[kind])]
        if not used:
            self.problem(GENERAL, "udfyld mindst én af de fire dele: Kritikken, Svaret, Handleplanen eller "
                                  "Opfølgningen")
        for kind in used:
            self._part(kind, tags)
        return draft

    # --- the parts ----------------------------------------------------------------------------

    def _part(self, kind: str, tags: list[str]) -> None:
        f = lambda name: field_id(kind, name)  # noqa: E731
        data: dict = {"type": kind}
        data["title"] = self._required(f("headline"), self.text(f("headline")), "skriv en overskrift")
        data["date"] = self._date(f("date"), self.text(f("date")))
        data["kommune"] = self.draft.kommune.slug if self.draft.kommune else None
        data["tags"] = tags
        if kind == "report":
            data["kind"] = self._choice(f("kind"), REPORT_KINDS)
            data["publisher"] = self._required(f("publisher"), self.text(f("publisher")),
                                               "skriv hvem der står bag kritikken")
        summary = self._required(f("summary"), self.text(f("summary")), "skriv kort, hvad der skete")
        data["summary"] = form_text(summary) if summary else None
        getattr(self, f"_{kind}")(data)
        data["sources"] = self._sources(f("sources"))
        self._refuse_markup(kind, data)
        data = {key: data[key] for key in KEY_ORDER if key in data}
        item = EntryDraft(kind, data)
        if data["date"] and data["title"] and self.draft.kommune:
            item.name = self.namer(kind, data, self.draft.kommune.slug)
        self.draft.entries.append(item)

    def _report(self, data: dict) -> None:
        data["findings"] = self._required("report-findings", lines_of(self.text("report-findings")),
                                          "skriv mindst ét kritikpunkt, ét pr. linje")
        if people := self._actors("report-people"):
            data["people"] = people

    def _response(self, data: dict) -> None:
        links = self._above("response-to", ["report"]) + self._links("response-to", "answered")
        if not links and not self.text("response-to") and "response-to" not in self.draft.unread:
            self.problem("response-to", "skriv hvilken sag der svares på — eller udfyld Kritikken øverst i "
                                        "formularen")
        data["responds_to"] = links or None
        data["responders"] = self._required("response-responders", self._actors("response-responders"),
                                            "skriv hvem der svarede, én pr. linje")
        if promises := lines_of(self.text("response-promises")):
            data["promises"] = self._promises("response-promises", promises)

    def _plan(self, data: dict) -> None:
        if links := self._above("plan-to", ["report", "response"]) + self._links("plan-to", "answered"):
            data["responds_to"] = links
        lines = self._required("plan-promises", lines_of(self.text("plan-promises")),
                               "skriv mindst ét løfte, ét pr. linje")
        data["promises"] = self._promises("plan-promises", lines) if lines else None

    def _update(self, data: dict) -> None:
        followed = self._followed()
        data["plan"] = followed.id if followed else None
        status = self._choice("update-status", STATUS_LABELS)
        lines = self._required("update-promises", lines_of(self.text("update-promises")),
                               "skriv mindst ét løfte, der følges op: dets nummer i planen, fx 1")
        data["changes"] = self._changes(lines, status, followed) if lines else None

    def _above(self, link_field: str, kinds: list[str]) -> list[str]:
        """Ids of the parts above this one; a part above that cannot be named yet keeps its
        problems to itself (the link is made once it is fixed)."""
        ids = []
        for kind in kinds:
            if (item := self.draft.entry(kind)) is None:
                continue
            if item.id is None:
                self.draft.unread.add(link_field)
            else:
                ids.append(item.id)
        return ids

    def _followed(self) -> Target | None:
        """What the update follows: the plan it names, else the plan above, else the answer's promises."""
        if self.text("update-plan"):
            ids = self._links("update-plan", "promises")
            if len(ids) > 1:
                self.problem("update-plan", "skriv kun én plan her; følg de andre op i et nyt issue")
            return self._target_of[ids[0]] if len(ids) == 1 else None
        for kind in ("plan", "response"):
            item = self.draft.entry(kind)
            if item is not None and (kind == "plan" or item.data.get("promises")):
                if item.id is None or item.data.get("promises") is None:
                    self.draft.unread.update({"update-plan", "update-promises"})
                    return None
                promises = tuple((p["id"], p["text"]) for p in item.data["promises"])
                return Target(item.id, kind, promises)
        self.problem("update-plan", "skriv hvilken plan der følges op: adressen på planens side eller #nummeret "
                                    "på issuet — eller skriv løfterne i Handleplanen ovenfor")
        return None

    # --- links --------------------------------------------------------------------------------

    def _links(self, field_name: str, want: str) -> list[str]:
        """The ids the link field names; each line an address, an id or "#123"."""
        ids = []
        lines = lines_of(self.text(field_name))
        for number, line in enumerate(lines, 1):
            prefix = f"Linje {number}: " if len(lines) > 1 else ""
            target = self._target(field_name, line, want, prefix)
            if target is not None:
                ids.append(target.id)
                self._target_of[target.id] = target
        return ids

    def _target(self, field_name: str, line: str, want: str, prefix: str) -> Target | None:
        number = issue_number(line)
        if number is not None:
            result = self.resolver.resolve(number, want) if self.resolver else "issues kan ikke slås op her"
            if isinstance(result, str):
                self.problem(field_name, f"{prefix}{result}")
                return None
            if result.issue is not None:
                self.draft.waiting.setdefault(result.issue, []).append(result.id)
            return result
        entry_id = entry_id_of(line)
        item = self.entries.get(entry_id)
        if item is None:
            self.problem(field_name, prefix + self._missing(entry_id))
            return None
        promises = tuple((p.id, p.text) for p in getattr(item.entry, "promises", None) or ())
        if want == "promises" and not promises:
            self.problem(field_name, f"{prefix}{entry_id!r} er en {TYPE_LABELS[item.entry.type].lower()} uden "
                                     "løfter; skriv adressen på en handleplan eller et svar med løfter")
            return None
        return Target(entry_id, item.entry.type, promises)

    def _missing(self, entry_id: str) -> str:
        """An id not on the site, answered with the kommune's own entries first."""
        kommune = self.draft.kommune
        message = f"der findes ingen sag med id'et {entry_id!r} på siden"
        own = sorted((item for item in self.entries.values() if kommune and item.entry.kommune == kommune.slug),
                     key=lambda item: (item.entry.date.sort_key(), item.id), reverse=True)
        if guess := suggest(entry_id, [item.id for item in own], limit=1):
            return f"{message}; mente du {guess[0]!r}?"
        if own:
            listed = "; ".join(f"{item.id!r} ({TYPE_LABELS[item.entry.type]}, {item.entry.date.danish()})"
                               for item in own[:5])
            more = f" og {len(own) - 5} flere" if len(own) > 5 else ""
            return (f"{message}. Sagerne fra {place_name(kommune)} er: {listed}{more}. Skriv adressen på sagens "
                    "side, eller #nummeret på et issue med sagen, hvis den ikke er udgivet endnu")
        where = place_name(kommune) if kommune else "kommunen"
        message += f", og {where} har ingen sager på siden endnu"
        if other := suggest(entry_id, list(self.entries), limit=1):
            message += f" ({other[0]!r} hører til {place_name(self.entries[other[0]].entry.kommune)})"
        return (f"{message}. Udfyld Kritikken øverst i formularen, eller skriv #nummeret på et issue med sagen, "
                "hvis den ikke er udgivet endnu")

    # --- fields -------------------------------------------------------------------------------

    def _too_long(self) -> None:
        for item in self.by_id.values():
            text = self.text(item.id)
            limit = MAX_INPUT if item.type in ("input", "dropdown") else MAX_TEXT
            if len(text) > limit:
                self.problem(item.id, f"feltet er for langt ({len(text):,} tegn; højst {limit:,})".replace(",", "."))
            elif item.type == "textarea" and len(lines_of(text)) > MAX_ITEMS:
                self.problem(item.id, f"feltet har for mange linjer (højst {MAX_ITEMS})")
            else:
                continue
            self.submission.values[item.id] = ""
            self.draft.unread.add(item.id)

    def _required(self, field_name: str, value, message: str):
        """``value``, or a problem for the field when it is empty."""
        if not value:
            self.problem(field_name, message)
            return None
        return value

    def _choice(self, field_name: str, choices: dict[str, str]) -> str | None:
        """The key of a dropdown's chosen label."""
        text = self.text(field_name)
        if not text:
            self.problem(field_name, "vælg en af mulighederne")
            return None
        by_label = {label: key for key, label in choices.items()}
        if text in by_label:
            return by_label[text]
        self.problem(field_name, f"ukendt valg; vælg en af: {', '.join(choices.values())}")
        return None

    def _kommune(self) -> Kommune | None:
        text = self.text("kommune")
        if not text:
            self.problem("kommune", "vælg kommunen, eller Hele landet")
            return None
        try:
            return resolve_kommune(text)
        except ScaffoldError as exc:
            message = str(exc)
            self.problem("kommune", message if "mente du" in message else message.split(";")[0] + "; vælg den i listen")
            return None

    def _date(self, field_name: str, text: str, what: str = ""):
        try:
            return parse_danish_date(text)
        except ValueError as exc:
            self.problem(field_name, f"{what}{exc}")
            return None

    def _actors(self, field_name: str) -> list[dict]:
        actors = []
        for number, line in enumerate(lines_of(self.text(field_name)), 1):
            if (found := actor(line)) is None:
                self.problem(field_name, f"Linje {number}: skriv navnet først, som Navn (parti), rolle")
            else:
                actors.append(found)
        return actors

    def _sources(self, field_name: str) -> list[dict] | None:
        lines = lines_of(self.text(field_name))
        if not lines:
            return self._required(field_name, None, f"skriv mindst én kilde: {SOURCE_FORMAT}")
        sources = []
        for number, line in enumerate(lines, 1):
            source = read_source(line, number)
            if isinstance(source, str):
                self.problem(field_name, source)
            else:
                sources.append(source)
        return sources or None

    def _promises(self, field_name: str, lines: list[str]) -> list[dict]:
        promises, taken = [], set()
        for number, line in enumerate(lines, 1):
            parts = [part.strip() for part in line.split("|")]
            text, who, deadline = (parts + ["", ""])[:3]
            name = f"Løfte {number}"
            if len(parts) > 3:
                self.problem(field_name, f"{name} har flere dele end løftet | hvem | frist; brug ikke | inde i løftet")
                continue
            promised_by = actor(who) if who else None
            if promised_by is None or not text:
                what = "hvem der lovede det" if text else "selve løftet"
                self.problem(field_name, f"{name} mangler {what} (skriv: løftet | Navn (parti), rolle | frist)")
                continue
            promise = {"id": promise_id(text, taken), "text": text, "promised_by": promised_by}
            if deadline:
                if (date := self._date(field_name, deadline, f"{name}, frist: ")) is None:
                    continue
                promise["deadline"] = date
            promise["status"] = "not-assessed"
            promises.append(promise)
        return promises

    def _changes(self, lines: list[str], status: str | None, followed: Target | None) -> list[dict]:
        changes = []
        known = followed.promises if followed is not None else None
        ids = [promise_id for promise_id, _ in known or ()]
        listed = ", ".join(f"{n} ({shorten(text, 40)})" for n, (_, text) in enumerate(known or (), 1))
        for number, line in enumerate(lines, 1):
            which, _, note = (part.strip() for part in line.partition("|"))
            promise = which
            if known is not None:
                if which.isdigit() and 1 <= int(which) <= len(ids):
                    promise = ids[int(which) - 1]
                elif which.isdigit():
                    self.problem("update-promises", f"Linje {number}: planen har {len(ids)} "
                                                    f"{'løfte' if len(ids) == 1 else 'løfter'}, ikke {which}: {listed}")
                    continue
                elif which not in ids and danish_slug(which) in ids:
                    promise = danish_slug(which)
                elif which not in ids:
                    self.problem("update-promises", f"Linje {number}: skriv løftets nummer i planen: {listed}")
                    continue
            change = {"promise": promise, "status": status}
            if note:
                change["note"] = note
            changes.append(change)
        return changes

    def _refuse_markup(self, kind: str, data: dict) -> None:
        """Markdown that would not be published as written (raw HTML, {: attributes}, javascript: links)."""
        for name, texts in (("summary", [data.get("summary")]), ("findings", data.get("findings") or []),
                            ("promises", [p["text"] for p in data.get("promises") or []]),
                            ("promises", [c.get("note") for c in data.get("changes") or []])):
            if any(text and publishable_markdown(text) != text for text in texts):
                self.problem(field_id(kind, name), "teksten indeholder HTML, {…} eller et link, der ikke begynder "
                                                   "med https://; skriv almindelig tekst")
