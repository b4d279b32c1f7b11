""""#123": an earlier "Ny sag" issue a submission points at, whose entries may not be merged yet.

A journalist adds the next step of a case before an editor has merged the last one. "#123"
then stands for the entries made from issue 123: the files already in ``cases/`` whose origin
line names the issue (entryfiles.ORIGIN) once merged, and until then the entries its text
makes, read from the issue as GitHub's API gives it (the workflow fetches each issue the
submission names into a folder; see ``jobcentertjek from-issue --references``).

Which of the issue's entries is meant follows from the field: a part that answers ("sagen, der
svares på") means the issue's first part — its criticism, else its answer, else its plan; the
update's plan means the issue's plan, else its answer with promises.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..entries.validate import LoadedEntry
from .entryfiles import ORIGIN, entry_text
from .formentries import Draft, Target

LABEL = "ny sag"
WANTED_KINDS = {"answered": ("report", "response", "plan"), "promises": ("plan", "response")}


@dataclass
class References:
    """Resolves "#N" for one submission; remembers the waiting issues' files for the check."""

    cases: Path
    entries: dict[str, LoadedEntry]
    issues: Path | None  # the folder with the fetched issues, <number>.json
    map_issue: Callable[[dict], Draft]  # an issue's entries (its own "#N" are not followed)
    own_number: int | None = None
    files: dict[str, str] = field(default_factory=dict)  # "<kommune>/<name>" -> text of waiting entries
    file_of: dict[str, tuple[int, str]] = field(default_factory=dict)  # id -> (issue, "<kommune>/<name>")
    _drafts: dict[int, Draft | str] = field(default_factory=dict)

    def resolve(self, number: int, want: str) -> Target | str:
        if number == self.own_number:
            return f"#{number} er dette issue; skriv en anden sag"
        merged = self._merged(number)
        if merged:
            return self._pick(number, merged, want, waiting=False)
        draft = self._draft(number)
        if isinstance(draft, str):
            return draft
        return self._pick(number, [(item.kind, item.id, item.data) for item in draft.entries], want, waiting=True)

    def _merged(self, number: int) -> list[tuple[str, str, dict]]:
        """The entries made from issue ``number`` that are in ``cases/`` already."""
        needle = ORIGIN.format(number=number) + "\n"
        found = []
        for item in self.entries.values():
            path = Path(item.path)
            try:
                text = path.read_text("utf-8") if path.is_file() else ""
            except OSError:
                continue
            if needle in text:
                entry = item.entry
                promises = [{"id": p.id, "text": p.text} for p in getattr(entry, "promises", None) or ()]
                found.append((entry.type, item.id, {"promises": promises}))
        return found

    def _draft(self, number: int) -> Draft | str:
        if number in self._drafts:
            return self._drafts[number]
        self._drafts[number] = result = self._read(number)
        return result

    def _read(self, number: int) -> Draft | str:
        path = self.issues / f"{number}.json" if self.issues else None
        try:
            issue = json.loads(path.read_text("utf-8")) if path and path.is_file() else None
        except (OSError, ValueError):
            issue = None
        labels = {label.get("name") for label in (issue or {}).get("labels") or () if isinstance(label, dict)}
        if not isinstance(issue, dict) or "pull_request" in issue or LABEL not in labels:
            return (f"issue #{number} er ikke en »Ny sag«, eller det kan ikke hentes; skriv adressen på sagens side, "
                    "hvis den er udgivet")
        if issue.get("state") == "closed":
            return (f"issue #{number} er lukket, uden at dets sag er udgivet; skriv adressen på en sag, der står på "
                    "siden")
        draft = self.map_issue(issue)
        if draft.problems or not draft.entries or any(item.id is None for item in draft.entries):
            return (f"issue #{number} kan ikke blive til en sag endnu, for robotten fandt fejl i det; vent, til "
                    "de er rettet, og gem så dette issue igen")
        for item in draft.entries:
            relative = f"{item.data['kommune']}/{item.name}"
            self.files[relative] = entry_text(item.data, ORIGIN.format(number=number))
            self.file_of[item.id] = (number, relative)
        return draft

    def _pick(self, number: int, found: list[tuple[str, str, dict]], want: str, waiting: bool) -> Target | str:
        for kind in WANTED_KINDS[want]:
            for found_kind, entry_id, data in found:
                promises = tuple((p["id"], p["text"]) for p in data.get("promises") or ())
                if found_kind == kind and (want != "promises" or promises):
                    return Target(entry_id, kind, promises, number if waiting else None)
        if want == "promises":
            return f"issue #{number} har hverken en handleplan eller et svar med løfter"
        return f"issue #{number} har ingen kritik, intet svar og ingen handleplan at svare på"

