"""The e-mail routes beside the GitHub forms: ``mailto:`` links to the site's contact address.

Not everyone who knows a case has a GitHub account, so every way to contribute has an e-mail
route too: a new case, an error in an entry, a follow-up on a plan, and a kommune's reply. Each
opens the reader's mail program with a Danish subject and a body that lists what to send and
repeats the privacy warning. The texts are the templates ``templates/mail/*.txt``: the first
line is the subject, the rest the body. Without a contact address (site.about) there are no
routes, and the pages say so instead.
"""

from __future__ import annotations

from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..entries.render import shortened
from .about import About


def mailto(address: str, subject: str, body: str) -> str:
    """A ``mailto:`` URL (RFC 6068): subject and body percent-encoded as UTF-8, lines ending in CRLF."""
    body = "\r\n".join(body.split("\n"))
    return f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


class MailRoutes:
    """The ``mailto:`` URLs of the site's e-mail routes; each is None when no address is set."""

    def __init__(self, about: About):
        self.address = about.email
        # Plain text: nothing here becomes HTML (the URL is percent-encoded and the page escapes it).
        self.env = Environment(loader=PackageLoader("jobcentertjek", "templates"), autoescape=False,
                               undefined=StrictUndefined, keep_trailing_newline=True)

    def _route(self, template: str, **context) -> str | None:
        if self.address is None:
            return None
        subject, _, body = self.env.get_template(f"mail/{template}.txt").render(**context).partition("\n\n")
        return mailto(self.address, subject.strip(), body.strip() + "\n")

    def contact(self) -> str | None:
        """The address alone, for "Skriv til os"."""
        return None if self.address is None else f"mailto:{quote(self.address, safe='@')}"

    def new_case(self, kommune=None) -> str | None:
        """A new case, about ``kommune`` when given."""
        return self._route("ny-sag", place=_place(kommune))

    def correction(self, item, page: str) -> str | None:
        """An error in the entry ``item``, published at ``page`` (an absolute URL)."""
        return self._route("rettelse", title=item.entry.title, page=page)

    def follow_up(self, item, page: str) -> str | None:
        """What became of the promises of the plan ``item``."""
        return self._route("opfoelgning", title=item.entry.title, page=page)

    def check(self, promise, page: str) -> str | None:
        """A search for what became of one promise, published at ``page``, whatever it found."""
        return self._route("efterproevning", title=shortened(promise.promise.text, 120), page=page)

    def reply(self, kommune=None) -> str | None:
        """A kommune's (or another authority's) reply."""
        return self._route("svar", place=_place(kommune))


def _place(kommune) -> str | None:
    if kommune is None:
        return None
    return "hele landet" if kommune.is_national else kommune.name
