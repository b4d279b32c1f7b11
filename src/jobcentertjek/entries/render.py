"""Contributor Markdown to safe HTML, safe plain text and safe published Markdown.

Contributors are journalists, not Markdown writers, so a text means what it says on paper
(``prepare``): a line that opens with a number or a date ("12. april 2018 besluttede …") is
text on a line of its own, not a numbered list; a line that opens with a dash ("- Vi tager
kritikken alvorligt") is a quote on a line of its own, not a bullet; lines opening with
pasted bullets ("•", "*") are one list. Otherwise a blank line starts a new paragraph, a
line ending in a backslash ends with a line break (CommonMark's hard line break; the form
route writes one for each line break the writer made), and any other single line break is
only the file's wrapping.

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


_BULLET = re.compile(r"^[ \t]*(?:(?:[-–—][ \t]*)?(?:[•▪◦●‣∙·][ \t]*)+|[*+][ \t]+)")
_OWN_LINE = re.compile(r"^[ \t]*(?:[-–—][ \t]+\S|\d+[.)][ \t])")  # a dash quote, a numbered line
# What Markdown would read as structure at a line's start: "12." (a numbered list), "#" (a
# heading), "-" or "+" (a bullet), and lines of only "***", "___" or "===" (a rule or a heading).
_MARKUP_START = re.compile(r"^([ \t]*)(?:(\d+)\.(?=[ \t]|$)|([#+\-])|([*_])(?=[-=_* \t]*$)|=(?=[= \t]*$))")


def _as_text(line: str) -> str:
    """``line`` with whatever Markdown would take for structure at its start escaped."""
    def escape(match: re.Match) -> str:
        indent, number, mark, rule = match.groups()
        if number is not None:
            return f"{indent}{number}\\."
        if mark or rule:
            return f"{indent}\\{mark or rule}"
        return f"{indent}&#61;"  # "=" has no backslash escape in Markdown
    return _MARKUP_START.sub(escape, line, count=1)


def is_list_line(line: str) -> bool:
    """Whether ``line`` is an item of a pasted list ("• …", "* …"), which ``prepare`` keeps together."""
    return bool(_BULLET.match(line))


def begins_own_line(line: str) -> bool:
    """Whether ``prepare`` starts ``line`` on a line of its own wherever it stands."""
    return bool(_BULLET.match(line) or _OWN_LINE.match(line))


def prepare(text: str) -> str:
    """The Markdown that shows ``text`` as its writer meant it (see the module's docstring)."""
    lines: list[str] = []
    previous = "blank"  # the line before: blank, text or bullet
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if re.search(r"(?<!\\)\\$", line):  # "…\" at the end: a line break
            line = line[:-1] + "  "
        if not line.strip():
            lines.append("")
            previous = "blank"
            continue
        if bullet := _BULLET.match(line):
            if previous == "text":  # Markdown begins a list only after a blank line
                lines.append("")
            lines.append("- " + _as_text(line[bullet.end():]))
            previous = "bullet"
            continue
        continues_item = previous == "bullet" and line[:1] in (" ", "\t") and not _OWN_LINE.match(line)
        if previous == "bullet" and not continues_item:
            lines.append("")  # an unindented line after a list is text of its own, not part of the last item
        elif previous == "text" and _OWN_LINE.match(line) and not lines[-1].endswith("  "):
            lines[-1] += "  "  # a hard line break: the quote or numbered line begins a line of its own
        lines.append(_as_text(line))
        previous = "bullet" if continues_item else "text"
    return "\n".join(lines)


# One converter, reset between texts: building a converter costs more than converting a
# summary, and each text is needed for its page, its kommune, the feeds and the open data,
# so each is converted once per build. Not thread-safe; MkDocs builds one page at a time.
_CONVERTER = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
_CACHED_TEXTS = 1 << 16  # every text of about 10,000 entries


@lru_cache(maxsize=_CACHED_TEXTS)
def _render(text: str) -> str:
    return _CONVERTER.reset().convert(prepare(text))


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


def one_line(markdown: str) -> str:
    """Plain text on one line: a cell of a CSV file or a workbook, a mail's subject, a line of an issue."""
    return " ".join(markdown_to_text(markdown).split())


def shortened(markdown: str, width: int, trim: str = "") -> str:
    """``one_line`` of ``markdown``, cut at the last whole word within ``width`` characters and ended
    with " …" when it is longer; ``trim`` holds the characters taken off where it was cut."""
    text = one_line(markdown)
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0].rstrip(trim) + " …"


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
