"""Where things are on the site: each page's address, relative to the site root (directory
style), and links between pages that work under any base path.

The lists of promises by state (``/loefter/holdt/`` …) are named here too, as their addresses
are made from their labels.
"""

from __future__ import annotations

from jinja2 import pass_context

from ..entries.corpus import TrackedPromise
from ..entries.model import STATE_LABELS, TIMELINESS_LABELS, UNCHECKED_LABEL
from ..entries.reference import danish_slug

REPEATED = "repeated"  # the promise list filter for promises criticised again
REPEATED_LABEL = "Kritikken kom igen"
REPEATS_URL = "gentaget/"
FILTERS = [*STATE_LABELS, *TIMELINESS_LABELS, "unchecked", REPEATED]  # what a promise list can be filtered by
QUEUE_URL = "loefter/skal-efterproeves/"  # the promises due a check, most urgent first


def page_url(uri: str) -> str:
    """Directory-style URL of a page relative to the site root, from its source path:
    "sager/<id>.md" → "sager/<id>/", "kommuner/index.md" → "kommuner/", "index.md" → ""."""
    stem = uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def entry_url(entry_id: str) -> str:
    return f"sager/{entry_id}/"


def kommune_url(slug: str) -> str:
    return f"kommuner/{slug}/"


def tag_url(tag: str) -> str:
    return f"emner/{danish_slug(tag)}/"


def filter_label(status: str) -> str:
    """The label of a promise list filter: a state, "on-time" or "late", "unchecked" or "repeated"."""
    return {**STATE_LABELS, **TIMELINESS_LABELS, "unchecked": UNCHECKED_LABEL, REPEATED: REPEATED_LABEL}[status]


def status_url(status: str) -> str:
    if status == "unchecked":
        return QUEUE_URL
    if status in TIMELINESS_LABELS:
        return f"loefter/{'holdt-til-tiden' if status == 'on-time' else 'holdt-for-sent'}/"
    return f"loefter/{danish_slug(filter_label(status))}/"


SITE_FEED_URL = "feed.xml"
# The home page's map, a file of its own: two thirds of the home page's HTML, below the fold on a
# phone, fetched by javascripts/jct.js when the reader comes to it (home.html says where it is
# without JavaScript).
HOME_MAP_URL = "forsidekort.html"
PROMISE_FEED_URL = "loefter/feed.xml"


def comparison_url(column) -> str:
    """The /kommuner/ table sorted by ``column`` (sammenligning.COLUMNS): by name it is /kommuner/ itself."""
    return "kommuner/" if column.key == "kommune_name" else f"kommuner/sorteret/{column.slug}/"


def kommune_feed_url(slug: str) -> str:
    return f"kommuner/{slug}/feed.xml"


def calendar_url(slug: str | None = None) -> str:
    """The deadline calendar of one kommune, or of every promise when ``slug`` is None."""
    return f"kommuner/{slug}/frister.ics" if slug else "loefter/frister.ics"


# The pages that tell a reader how to follow, who runs the site, what to do in a similar situation,
# and how to contribute.
FOLLOW_URL = "foelg/"
PROMISE_FOLLOW_URL = "loefter/foelg/"
ABOUT_URL = "om/"
HELP_URL = "hjaelp/"
CONTRIBUTE_URL = "bidrag/"


def kommune_follow_url(slug: str) -> str:
    return f"kommuner/{slug}/foelg/"


def absolute_url(site_url: str, path: str) -> str:
    """A root-relative URL made absolute for feeds and data files; root-relative without a site_url."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + path


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for root-relative URL paths, without its two os.getcwd() calls:
    pages hold tens of thousands of links between them."""
    to, here = [p for p in path.split("/") if p not in ("", ".")], [p for p in start.split("/") if p not in ("", ".")]
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


@pass_context
def relative(context, target: str) -> str:
    """A link from the page being rendered to ``target`` (a root-relative URL), so the
    site works under any base path, e.g. GitHub Pages' /<repo>/."""
    here = context["page_url"]
    path, _, fragment = target.partition("#")
    rel = _relpath(path, here)
    if path.endswith("/") and rel != ".":
        rel += "/"
    rel = "./" if rel == "." else rel
    return rel + (f"#{fragment}" if fragment else "")


def promise_anchor(promise: TrackedPromise) -> str:
    return f"loefte-{promise.promise.id}"
