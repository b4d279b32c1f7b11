"""Danish soft hyphens in the long words of headings and table cells, inserted at build time.

A narrow column or a phone's screen breaks a long Danish compound ("kontanthjælpsmodtagere")
somewhere; without a hyphen the reader sees "kontanthjælpsmodtager" and a stray "e" on the
next line. The stylesheet asks for ``hyphens: auto`` (the page is ``lang="da"``), but many
browsers have no Danish patterns, so the places where a word may break are written into the
text as soft hyphens (U+00AD), found with Pyphen's Danish patterns (LibreOffice's). A soft
hyphen shows only where the line breaks.

Only what readers see gets them: the search index (``pages.search_documents``), the feeds and
the data files are written from the entries, never from these headings and cells.
"""

from __future__ import annotations

import re
from functools import cache

import pyphen
from markupsafe import Markup, escape

SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 10  # shorter words fit any column the site has
# At least three letters on either side of a break: "Kø-" or "-en" alone on a line reads badly.
_DICTIONARY = pyphen.Pyphen(lang="da_DK", left=3, right=3)
_WORD = re.compile(rf"[^\W\d_]{{{MIN_LETTERS},}}")
_TAG = re.compile(r"(<[^>]*>)")
_BADGE = re.compile(r'<span class="jct-(?:status|badge)\b')  # a badge holds text only, no other tags


@cache
def _word(word: str) -> str:
    """The word with a soft hyphen at each of its breaks. Where the patterns leave a single
    letter between two breaks ("bor-ge-r-ind-dra-gelse", "rå-d-gi-ver"), the letter stays
    with the syllable before it: "bor-ger-ind-dra-gelse", "råd-gi-ver"."""
    found = _DICTIONARY.positions(word)
    breaks = [at for at, following in zip(found, [*found[1:], None]) if following != at + 1]
    return SOFT_HYPHEN.join(word[start:end] for start, end in zip([0, *breaks], [*breaks, len(word)]))


def _text(text: str) -> str:
    return _WORD.sub(lambda match: _word(match.group()), text)


def hyphenate(value) -> Markup:
    """``value`` (text, or HTML as Markup) with soft hyphens in its long words; tags and their
    attributes are left as they are, and so are badges ("Frist overskredet"), which never wrap."""
    html = str(value if isinstance(value, Markup) else escape(value))
    parts, in_badge = [], False
    for part in _TAG.split(html):
        if part.startswith("<"):
            in_badge = _BADGE.match(part) is not None or (in_badge and part != "</span>")
            parts.append(part)
        else:
            parts.append(part if in_badge else _text(part))
    return Markup("".join(parts))


def without_soft_hyphens(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "")
