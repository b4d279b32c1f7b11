"""Links into the project's GitHub: the issue forms, prefilled (a new case, a follow-up, a check, an
error report), and the editor for an entry's file.

The field names are the ids in ``.github/ISSUE_TEMPLATE/*.yml``; tests/test_followthrough.py
checks that every field prefilled here exists in its form.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from ..entries.reference import kommuner

NEW_CASE_FORM = "ny-sag.yml"
CHECK_FORM = "efterproevning.yml"
ERROR_FORM = "rettelse.yml"


@dataclass(frozen=True)
class Forms:
    repo_url: str  # e.g. https://github.com/owner/repo
    branch: str = "main"
    cases_dir: str = "cases"

    def issue_form(self, template: str, **fields: str) -> str:
        query = urlencode({"template": template, **fields}, quote_via=quote)
        return f"{self.repo_url}/issues/new?{query}"

    def edit(self, item) -> str:
        return f"{self.repo_url}/edit/{self.branch}/{self.cases_dir}/{item.entry.kommune}/{item.id}.yaml"

    def report_error(self, item) -> str:
        return self.issue_form(ERROR_FORM, entry=item.id)

    def new_case(self, kommune, plan=None) -> str:
        """The "Ny sag" form with the kommune (and, for a follow-up, the plan followed) filled in."""
        if plan is None:
            return self.issue_form(NEW_CASE_FORM, kommune=kommune.name)
        return self.issue_form(NEW_CASE_FORM, kommune=kommune.name, **{"update-plan": plan.id})

    def found_outcome(self, promise) -> str:
        """"Jeg har fundet, hvad der skete": a follow-up of this one promise, its plan filled in."""
        plan = promise.plan
        return self.issue_form(NEW_CASE_FORM, kommune=kommuner()[plan.entry.kommune].name,
                               **{"update-plan": plan.id, "update-promises": promise.promise.id})

    def found_nothing(self, promise) -> str:
        """"Jeg har ledt og intet fundet": a dated check of this promise."""
        return self.issue_form(CHECK_FORM, plan=promise.plan.id, promise=promise.promise.id)

    def found_nothing_in(self, plan) -> str:
        """A dated check of one of the promises of ``plan`` (the contributor names which)."""
        return self.issue_form(CHECK_FORM, plan=plan.id)

