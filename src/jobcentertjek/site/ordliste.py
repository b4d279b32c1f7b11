"""The glossary (Ordliste): the jargon of the entries explained, and links to it from entry pages.

The words and their explanations are data (``data/ordliste.yaml``); the page is
``templates/ordliste.html``. On an entry page the first use of each word in the running text
links to its explanation. Only running text is linked: never a word inside a link, a heading,
a button, code, an attribute or the parts search ignores (the line of type and date, the
lists of other entries), so no link is nested in another and no attribute changes.

The pages are HTML from our own templates, where every ``<`` in text is escaped, so one pass of
one pattern finds every tag, and a word only where it is text: a word's match is letters and
spaces only, never part of an entity or a tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ..entries.reference import danish_slug, read_data

URL = "ordliste/"
# Elements whose text is never linked: links themselves, headings, and what is not running text.
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "code", "pre", "script", "style", "svg", "textarea",
         "time", "title", "label", "select", "summary"}
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
def _scanner() -> tuple[re.Pattern, dict[str, Term]]:
    """One pattern that finds, in one pass, each comment, each tag (group 2 its name) and each
    form of each word (longest first) outside them; and the word each form belongs to."""
    by_form = {_key(form): term for term in terms() for form in term.forms}
    forms = "|".join(r"\s+".join(map(re.escape, form.split())) for form in sorted(by_form, key=len, reverse=True))
    return re.compile(rf"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|(?<!\w)(?:{forms})(?!\w)",
                      re.S | re.IGNORECASE), by_form


@cache
def _link_template():
    """The link's template, in an environment of its own: the site's carries the whole record in
    its globals, which every render would copy."""
    return Environment(loader=PackageLoader("jobcentertjek", "templates"), autoescape=True).get_template(
        "_ordliste_link.html")


def link_terms(html: str, here: str) -> str:
    """``html`` with the first use of each glossary word in its running text linked to the
    glossary; ``here`` is the page's own URL (root-relative), for a relative link."""
    scanner, by_form = _scanner()
    base = "../" * here.count("/") + URL
    done: set[str] = set()
    skipping: list[list] = []  # the skipped elements open around the current text: [name, depth]
    parts, at = [], 0
    for match in scanner.finditer(html):
        if match.group(2):  # a tag: only those that open or close a skipped element matter
            if skipping or match.group(2).lower() in _SKIP or " data-pagefind-ignore" in match.group():
                _follow(match, skipping)
            continue
        if skipping or match.group().startswith("<!--"):
            continue
        term = by_form[_key(match.group())]
        if term.term in done:
            continue
        done.add(term.term)
        parts += [html[at:match.start()],
                  _link_template().render(href=f"{base}#{term.anchor}", text=Markup(match.group())).strip()]
        at = match.end()
        if len(done) == len(terms()):
            break
    return "".join(parts) + html[at:]


def _follow(tag: re.Match, skipping: list[list]) -> None:
    """Keep ``skipping`` up to date with ``tag``: an element whose text is not linked (by its
    name, or marked for search to ignore, as the line of type and date is) and the elements of
    the same name inside it."""
    if tag.group().endswith("/>"):
        return
    closing, name = tag.group(1), tag.group(2).lower()
    top = skipping[-1] if skipping else None
    if closing:
        if top and top[0] == name:
            top[1] -= 1
            if not top[1]:
                skipping.pop()
    elif top and top[0] == name:
        top[1] += 1
    elif name in _SKIP or " data-pagefind-ignore" in tag.group():
        skipping.append([name, 1])
