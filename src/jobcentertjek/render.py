"""Contributor Markdown to safe HTML: render with Python-Markdown, then sanitize with nh3.

Sanitizing after rendering is what makes the output safe: whatever HTML, entity tricks
or link schemes a contributor writes, only the allow-listed tags, attributes and URL
schemes below survive.
"""

from __future__ import annotations

import html

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code",
    "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def markdown_to_html(text: str) -> Markup:
    """Safe HTML for a contributor's Markdown (summaries, findings, promise texts, notes)."""
    rendered = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
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
    """Plain text of a contributor's Markdown, for feeds' titles and CSV files."""
    return html.unescape(nh3.clean(markdown.markdown(text), tags=set())).strip()
