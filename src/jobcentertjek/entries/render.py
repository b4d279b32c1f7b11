"""Contributor Markdown to safe HTML, safe plain text and safe published Markdown.

Sanitizing after rendering is what makes the HTML safe: whatever HTML, entity tricks
or link schemes a contributor writes, only the allow-listed tags, attributes and URL
schemes below survive (nh3). Plain text (feeds' titles, CSV, calendars) and the Markdown
published in the open data must not carry markup either, since readers and scripts
often render them as HTML.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code",
    "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
_EXTENSIONS = ["tables", "sane_lists"]
_URL_ATTRIBUTE = re.compile(r'(?:href|src)="([^"]*)"')  # Python-Markdown always writes "…"
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!])")


# One converter, reset between texts: building a converter costs more than converting a
# summary, and each text is needed for its page, its kommune, the feeds and the open data,
# so each is converted once per build. Not thread-safe; MkDocs builds one page at a time.
_CONVERTER = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
_CACHED_TEXTS = 1 << 16  # every text of about 10,000 entries


@lru_cache(maxsize=_CACHED_TEXTS)
def _render(text: str) -> str:
    return _CONVERTER.reset().convert(text)


@lru_cache(maxsize=_CACHED_TEXTS)
def markdown_to_html(text: str) -> Markup:
    """Safe HTML for a contributor's Markdown (summaries, findings, promise texts, notes)."""
    rendered = _render(text)
    clean = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    )
    return Markup(clean)


def markdown_to_text(text: str) -> str:
    """Plain text of a contributor's Markdown, for feeds' titles, CSV files and calendars.

    Stripping tags and then decoding entities once could turn ``&lt;img onerror=…&gt;``
    (visible text on the site) into a real tag, so we repeat until nothing changes: the
    result has no tags left in any layer of encoding. A stray ``<`` in prose stays.
    """
    plain = _render(text)
    for _ in range(50):
        previous, plain = plain, html.unescape(nh3.clean(plain, tags=set()))
        if plain == previous:
            return plain.strip()
    return plain.replace("<", "").strip()  # only an absurd nesting of entities gets here


def publishable_markdown(text: str) -> str:
    """A contributor's Markdown as published in the open data.

    Verbatim when it holds no raw HTML, no attribute lists and only http(s)/mailto links,
    as every real entry does. Otherwise its plain text with Markdown's special characters
    escaped, so that neither a program that renders the Markdown nor one that shows it as
    text meets executable markup.
    """
    if "<" not in text and "{" not in text and all(map(_safe_url, _urls(text))):
        return text
    plain = markdown_to_text(text)
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain)


def _urls(text: str) -> list[str]:
    rendered = _render(text)
    return [html.unescape(url) for url in _URL_ATTRIBUTE.findall(rendered)]


def _safe_url(url: str) -> bool:
    """Browsers ignore spaces and control characters in a URL; what is left decides."""
    scheme = _SCHEME.match(re.sub(r"[\x00-\x20\x7f]", "", url).lower())
    return scheme is None or scheme.group(1) in ALLOWED_SCHEMES
