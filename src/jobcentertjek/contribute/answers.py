"""How one answer of a form is read: a list one item per line, a text with the writer's line
breaks, a person with a party only when it is one, a source line in any order, a link to an
entry's page or to an issue ("#123"). Shared by both forms (formentries.py, checkform.py).
"""

from __future__ import annotations

import re

from ..entries.reference import Kommune, danish_slug, kommuner
from ..entries.render import begins_own_line, is_list_line, shortened
from .freedates import parse_danish_date

PROMISE_ID_LENGTH = 40
SOURCE_FORMAT = "link | titel | udgiver | dato"

# Party letters and names as Danish media write them; only these are read as a party.
PARTIES = frozenset(name.casefold() for name in (
    "A", "B", "C", "D", "F", "I", "K", "M", "O", "Q", "S", "V", "Æ", "Ø", "Å",
    "SF", "EL", "DF", "LA", "KD", "KF", "RV", "R", "DD", "ALT", "NB",
    "Socialdemokratiet", "Socialdemokraterne", "Radikale Venstre", "Det Radikale Venstre", "Radikale",
    "Det Konservative Folkeparti", "Konservative", "De Konservative", "Nye Borgerlige",
    "Socialistisk Folkeparti", "Liberal Alliance", "Kristendemokraterne", "Moderaterne", "Dansk Folkeparti",
    "Venstre", "Danmarksdemokraterne", "Enhedslisten", "Alternativet", "Frie Grønne", "Borgernes Parti",
    "Slesvigsk Parti", "Løsgænger", "løsgænger", "uden for partierne",
))

_ENTRY_LINK = re.compile(r"/sager/([^/?#\s]+)/?(?:[?#].*)?$")
_ISSUE_REFERENCE = re.compile(r"^(?:issue\s*(?:nr\.?\s*)?)?#\s?(\d{1,7})$"
                              r"|^https://github\.com/[\w.-]+/[\w.-]+/issues/(\d{1,7})/?(?:[?#].*)?$", re.IGNORECASE)
_URL_START = re.compile(r"^(?:[a-z][a-z0-9+.-]*:(?!\s)|www\.)", re.IGNORECASE)  # also javascript: and www.
_ARCHIVES = ("://web.archive.org/", "://archive.ph/", "://archive.today/", "://archive.org/")
_LIST_MARK = re.compile(r"^(?:(?:[-–—*+](?=\s)|[•▪◦●‣∙·])[ \t]*)+")
_DATE_LIKE = re.compile(r"^(?:den\s+)?\d|\d{4}$|\b(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.?\s+\d{4}",
                        re.IGNORECASE)


def lines_of(text: str) -> list[str]:
    """The items of a list field: one per line, without the bullets a paste may bring."""
    return [_LIST_MARK.sub("", line.strip()).strip() for line in text.splitlines() if _LIST_MARK.sub("", line).strip()]


def form_text(text: str) -> str:
    """A text written in the form as Markdown that keeps the writer's line breaks: a blank line
    is a new paragraph and any other line break a line break (a backslash at the line's end),
    except where the next line begins a line of its own anyway (an item of a pasted list, a
    dash quote, a number); see entries/render.py."""
    lines = [line.rstrip() for line in text.splitlines()]
    out = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if line and following and not begins_own_line(following) and not is_list_line(line) \
                and not line.endswith("\\"):
            line += "\\"
        out.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")


def _split_outside_parentheses(text: str, separator: str = ",") -> tuple[str, str]:
    depth = 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == separator and depth <= 0:
            return text[:i], text[i + 1:]
    return text, ""


def actor(text: str) -> dict | None:
    """"Navn (parti), rolle" as an actor. Only a known party letter or name in parentheses is
    read as the party; other parentheses ("Fredericia Byråd (enstemmigt)") stay where written."""
    party = None

    def take_party(match: re.Match) -> str:
        nonlocal party
        inner = " ".join(match.group(1).split())
        if party is None and inner.casefold() in PARTIES:
            party = inner
            return ""
        return match.group(0)

    rest = re.sub(r"\s*\(([^()]*)\)", take_party, text.strip())
    name, role = (" ".join(part.split()) for part in _split_outside_parentheses(rest))
    if not name:
        return None
    result = {"name": name}
    if role:
        result["role"] = role
    if party:
        result["party"] = party
    return result


def entry_id_of(text: str) -> str:
    """An entry's id from its page's address or from the id itself ("" for nothing)."""
    text = text.strip()
    if match := _ENTRY_LINK.search(text):
        return match.group(1)
    return text.removesuffix(".yaml").rsplit("/", 1)[-1]


def issue_number(text: str) -> int | None:
    """The number in "#123", "issue #123" or an issue's address on GitHub."""
    match = _ISSUE_REFERENCE.match(text.strip())
    return int(match.group(1) or match.group(2)) if match else None


def shorten(markdown: str, width: int = 60) -> str:
    return shortened(markdown, width, trim=" ,.;:")


def place_name(kommune: Kommune | str) -> str:
    kommune = kommuner().get(kommune, None) if isinstance(kommune, str) else kommune
    if kommune is None:
        return "en ukendt kommune"
    return "hele landet" if kommune.is_national else kommune.name


def read_source(line: str, number: int) -> dict | str:
    """A source line, whatever the order of its parts: the links are recognised anywhere (an
    archive's address is the archive link), the date is the part that reads as one, and the
    other parts are the title and then the publisher. A Danish reason when it cannot be read."""
    name = f"Kilde {number}"
    parts = [part.strip() for part in line.split("|") if part.strip()]
    urls = [part for part in parts if _URL_START.match(part)]
    rest = [part for part in parts if not _URL_START.match(part)]
    urls.sort(key=_is_archive)  # the page first, then its archived copy
    if len(urls) > 2:
        return f"{name} har for mange links; skriv ét link og eventuelt ét arkivlink (fx fra web.archive.org)"
    if any(not url.lower().startswith(("https://", "http://")) for url in urls):
        return f"{name}: linket skal begynde med https:// eller http://"
    source = dict(zip(("url", "archive_url"), urls))
    dates = [(i, part) for i, part in enumerate(rest) if _DATE_LIKE.search(part)]
    date, error = None, None
    for i, part in reversed(dates):
        try:
            date = parse_danish_date(part)
        except ValueError as exc:
            error = error or f"{name}: {exc}"
            continue
        del rest[i]
        break
    if date is None and error:
        return error
    missing = [what for what, value in (("en titel", rest[0:1]), ("en udgiver", rest[1:2]), ("en dato", date))
               if not value]
    if missing:
        return f"{name} mangler {' og '.join(missing)} (skriv: {SOURCE_FORMAT})"
    if len(rest) > 2:
        return f"{name} har flere dele end {SOURCE_FORMAT}; brug ikke | inde i titlen"
    source |= {"title": rest[0], "publisher": rest[1], "date": date}
    return {key: source[key] for key in ("title", "publisher", "date", "url", "archive_url") if key in source}


def _is_archive(url: str) -> bool:
    return any(archive in url.lower() for archive in _ARCHIVES)


def promise_id(text: str, taken: set[str]) -> str:
    base = danish_slug(text)[:PROMISE_ID_LENGTH].rstrip("-") or "loefte"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate
