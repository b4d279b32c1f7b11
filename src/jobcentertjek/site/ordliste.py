"""The glossary (Ordliste): the jargon of the entries explained, and links to it from entry pages.

The words and their explanations are data (``data/ordliste.yaml``); the page is
``templates/ordliste.html``. On an entry page the first use of each word in the running text
links to its explanation. Only running text is linked: never a word inside a link, a heading,
a button, code, an attribute or the parts search ignores (the line of type and date, the
lists of other entries), so no link is nested in another and no attribute changes.

The pages are HTML from our own templates, where every ``<`` in text is escaped, so splitting
them at their tags finds every tag; a word's match is letters and spaces only, never part of
an entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jinja2 import Environment
from markupsafe import Markup

from ..entries.reference import danish_slug, read_data

URL = "ordliste/"
# Elements whose text is never linked: links themselves, headings, and what is not running text.
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "code", "pre", "script", "style", "svg", "textarea",
         "time", "title", "label", "select", "summary"}
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})  # after z, as Danish sorts them


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str


@dataclass(frozen=True)
class Term:
    term: str
    forms: tuple[str, ...]
    definition: str
    sources: tuple[Source, ...] = ()

    @property
    def anchor(self) -> str:
        return danish_slug(self.term)


@cache
def terms() -> tuple[Term, ...]:
    """The glossary's words in Danish alphabetical order."""
    found = [Term(term=t["term"], forms=tuple(t["forms"]), definition=" ".join(t["definition"].split()),
                  sources=tuple(Source(**s) for s in t.get("sources", ())))
             for t in read_data("ordliste.yaml")]
    return tuple(sorted(found, key=lambda t: t.term.lower().translate(_DANISH_ORDER)))


def _key(text: str) -> str:
    return " ".join(text.lower().split())


@cache
def _matcher() -> tuple[re.Pattern, dict[str, Term]]:
    """One pattern for every form of every word (longest first), and the word each form belongs to."""
    by_form = {_key(form): term for term in terms() for form in term.forms}
    forms = sorted(by_form, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, form.split())) for form in forms)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE), by_form


def link_terms(html: str, here: str, env: Environment) -> str:
    """``html`` with the first use of each glossary word in its running text linked to the
    glossary; ``here`` is the page's own URL (root-relative), for a relative link."""
    pattern, by_form = _matcher()
    link = env.get_template("_ordliste_link.html")
    base = "../" * here.count("/") + URL
    done: set[str] = set()

    def replace(match: re.Match) -> str:
        term = by_form[_key(match.group())]
        if term.term in done:
            return match.group()
        done.add(term.term)
        return link.render(href=f"{base}#{term.anchor}", text=Markup(match.group())).strip()

    skipping: list[list] = []  # the skipped elements open around the current text: [name, depth]
    parts = _TAG.split(html)
    for i, part in enumerate(parts):
        if i % 2:  # a tag or a comment
            _follow(part, skipping)
        elif part and not skipping and len(done) < len(terms()):
            parts[i] = pattern.sub(replace, part)
    return "".join(parts)


def _follow(tag: str, skipping: list[list]) -> None:
    """Keep ``skipping`` up to date with ``tag``: an element whose text is not linked (by its
    name, or marked for search to ignore, as the line of type and date is) and the elements of
    the same name inside it."""
    match = _TAG_NAME.match(tag)
    if not match or tag.endswith("/>"):
        return
    closing, name = match.group(1), match.group(2).lower()
    top = skipping[-1] if skipping else None
    if closing:
        if top and top[0] == name:
            top[1] -= 1
            if not top[1]:
                skipping.pop()
    elif top and top[0] == name:
        top[1] += 1
    elif name in _SKIP or " data-pagefind-ignore" in tag:
        skipping.append([name, 1])
