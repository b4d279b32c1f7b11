"""Who runs the site and how to reach them: the ``contact`` and ``about`` settings of mkdocs.yml.

They sit under ``extra.jobcentertjek`` and are read here, not in the MkDocs hook, so any builder
gets the same "Om Jobcentertjek" page and the same e-mail routes::

    extra:
      jobcentertjek:
        contact:
          editor: …         # the responsible editor, a person in that public role
          organisation: …   # or the organisation that runs the site (one of the two is needed)
          email: …          # where readers, contributors and kommuner write
          address: …        # optional: a postal address
        about:
          independence: …   # optional: who the site answers to, in Danish
          funding: …        # optional: who pays for it, in Danish

Nothing is required for the build: without a contact the page says that none is set and the
e-mail routes say that no address is set up yet, and ``jobcentertjek build`` prints a warning.
A setting that is there but wrong (an unknown key, an address that is not one) stops the build.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields

CONTACT_KEYS = ("editor", "organisation", "email", "address")
ABOUT_KEYS = ("independence", "funding")
SETTINGS = "extra.jobcentertjek"
# An address a mail program accepts: one @, a dot in the domain, no spaces or characters that
# would end an attribute or start a header.
_EMAIL = re.compile(r"^[^@\s<>\"'(),;:\\\[\]]+@[^@\s<>\"'(),;:\\\[\]]+\.[^@\s<>\"'(),;:\\\[\].]+$")


class AboutError(ValueError):
    """A contact or about setting that is present but wrong; the message is Danish and names it."""


@dataclass(frozen=True)
class About:
    editor: str | None = None
    organisation: str | None = None
    email: str | None = None
    address: str | None = None
    independence: str | None = None
    funding: str | None = None

    @property
    def has_contact(self) -> bool:
        """Whether readers can write to the site: the e-mail routes exist only then."""
        return self.email is not None

    @property
    def runner(self) -> str | None:
        """Who runs the site, as a reader should see it: the organisation, the editor or both."""
        if self.organisation and self.editor:
            return f"{self.organisation}, ansvarlig redaktør {self.editor}"
        return self.organisation or (f"Ansvarlig redaktør {self.editor}" if self.editor else None)

    def warning(self) -> str | None:
        """What `jobcentertjek build` says when the contact is missing or incomplete, in Danish."""
        if not self.has_contact:
            return (f"Advarsel: mkdocs.yml sætter ingen kontakt ({SETTINGS}.contact.email). Siden »Om "
                    "Jobcentertjek« siger, at der ikke er angivet nogen kontakt, og e-mail-vejene for bidrag, "
                    "rettelser og kommunernes svar er erstattet af en tekst om, at der ikke er sat en "
                    "e-mailadresse op endnu.")
        if not self.runner:
            return (f"Advarsel: mkdocs.yml nævner hverken redaktør eller organisation ({SETTINGS}.contact.editor "
                    "eller .organisation). Siden »Om Jobcentertjek« siger, at det ikke er oplyst, hvem der "
                    "driver siden.")
        return None


def read_about(settings: Mapping | None) -> About:
    """The contact and about settings from ``extra.jobcentertjek`` (a mapping); raises AboutError."""
    settings = settings or {}
    values: dict[str, str] = {}
    for block, keys in (("contact", CONTACT_KEYS), ("about", ABOUT_KEYS)):
        given = settings.get(block)
        if given is None:
            continue
        if not isinstance(given, Mapping):
            raise AboutError(f"mkdocs.yml: {SETTINGS}.{block}: skal være en liste af nøgler og værdier "
                             f"({', '.join(keys)}).")
        for key, value in given.items():
            where = f"mkdocs.yml: {SETTINGS}.{block}.{key}"
            if key not in keys:
                raise AboutError(f"{where}: ukendt nøgle. Brug {', '.join(keys)}.")
            if value is None or (isinstance(value, str) and not value.strip()):
                continue  # an empty key is the same as a missing one
            if not isinstance(value, str):
                raise AboutError(f"{where}: skal være en tekst.")
            values[key] = " ".join(value.split())
    email = values.get("email")
    if email is not None and not _EMAIL.match(email):
        raise AboutError(f"mkdocs.yml: {SETTINGS}.contact.email: {email!r} er ikke en e-mailadresse.")
    return About(**{f.name: values.get(f.name) for f in fields(About)})
