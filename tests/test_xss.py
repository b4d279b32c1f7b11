"""Nothing executed: a site built from entries full of XSS payloads carries none of them.

A fixture site is built (the real mkdocs build) from entries whose Markdown fields hold every
payload we know of. Then every file in site/ is scanned: HTML pages are parsed, and every
string in the feeds, the calendars and the data files is parsed as HTML too, because readers
and scripts render them as HTML. The search index (Pagefind) holds the pages' text, which the
search box only ever shows as text. Finally a real Chromium loads the pages and searches for
the payloads, and must never run one.
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import openpyxl
import pytest
from conftest import build_fixture_site
from helpers import dump, plan, promise, report, response, search_fragments, update

from jobcentertjek.bench.localserver import CHROMIUM, CHROMIUM_ARGS, serve

PAYLOADS = [
    "<script>alert('script')</script>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnError=alert(1)>",
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><animate attributeName=href to=javascript:alert(1) /><a><text>x</text></a></svg>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<a href=\"javascript:alert(1)\">js</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">mixed case</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">tab entity</a>",
    "<a href=\"&#106;avascript:alert(1)\">decimal entity</a>",
    "<a href=\"&#x6A;&#x61;vascript&colon;alert(1)\">hex entities</a>",
    "<a href=\" \x01javascript:alert(1)\">leading space</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
    "<a href=\"vbscript:msgbox(1)\">vbscript</a>",
    "<a href=\"https://example.org/\" onclick=\"alert(1)\">onclick</a>",
    "<p style=\"background:url(javascript:alert(1))\">style</p>",
    "<div style=\"width: expression(alert(1))\">expression</div>",
    "--><script>alert('comment')</script><!--",
    "<!-- --><script>alert('comment2')</script> -->",
    "]]><script>alert('cdata')</script>",
    "</textarea></title></style></script><script>alert('breakout')</script>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">send</button></form>",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=stylesheet href=\"javascript:alert(1)\">",
    "<details open ontoggle=alert(1)>details</details>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<style>body { background: url(javascript:alert(1)) }</style>",
    "[markdown link](javascript:alert(1))",
    "[markdown upper](JAVASCRIPT:alert(1))",
    "[markdown entity](jav&#x09;ascript:alert(1))",
    "[markdown data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[markdown vbscript](vbscript:msgbox(1))",
    "[reference link][bad]\n\n[bad]: javascript:alert(1)",
    "![markdown image](javascript:alert(1))",
    "![markdown image data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<javascript:alert(1)>",
    "<vbscript:msgbox(1)>",
    "Attribute list\n{: onclick=\"alert(1)\" style=\"color:red\" }",
    "Visible text: &lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(1)&lt;/script&gt;",
    "Code: `<img src=x onerror=alert(1)>` and `<script>alert(1)</script>`",
    "    <script>alert('indented code')</script>",
    "{{ config }} {% raw %} ${alert(1)} #{alert(1)}",
]
MARKDOWN = "\n\n".join(PAYLOADS)
# Harmless visible text on the site, but one careless decoding away from a tag.
ENCODED = "Synlig tekst: &lt;img src=x onerror=alert(1)&gt; og &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;"
VISIBLE = "<img src=x onerror=alert(1)>"
PLAIN = "Kritik & svar: \"citat\" og 'apostrof' – javascript:alert(1)"


def payload_entries() -> dict[str, str]:
    """A whole thread with every Markdown field full of payloads."""
    note = {"status_note": MARKDOWN, "sources": [{"title": PLAIN, "publisher": "Et medie", "date": "2018-05-01",
                                                 "url": "https://example.org/a?x=1&y=2"}]}
    return {
        "koebenhavn/2018-04-10-xss-rapport.yaml": dump(report(
            title=PLAIN, summary=MARKDOWN, findings=PAYLOADS,
            figures=[{"label": PLAIN, "value": 1.5, "unit": PLAIN}],
            people=[{"name": PLAIN, "role": PLAIN, "party": PLAIN}],
            corrections=[{"date": "2018-04-11", "text": PLAIN}])),
        # alone, so that the plain-text outputs (CSV, calendars) get it whole
        "koebenhavn/2018-04-20-xss-svar.yaml": dump(response(["2018-04-10-xss-rapport"], summary=ENCODED, title=PLAIN)),
        "koebenhavn/2018-05-01-xss-plan.yaml": dump(plan(
            [promise(text=MARKDOWN, status="in-progress", deadline="2018-06", **note),
             promise(id="kodet", text=ENCODED, deadline="2019"), promise(id="uden-frist", text=PAYLOADS[1], deadline=None)],
            summary=MARKDOWN, title=PLAIN, responds_to=["2018-04-10-xss-rapport"])),
        "koebenhavn/2018-12-06-xss-opfoelgning.yaml": dump(update(
            "2018-05-01-xss-plan", [{"promise": "handleplan", "status": "kept", "note": MARKDOWN}],
            summary=MARKDOWN, title=PLAIN)),
    }


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory) -> Path:
    code, site, problems = build_fixture_site(tmp_path_factory.mktemp("xss"), payload_entries())
    assert code == 0, "\n".join(map(str, problems))
    return site


# --- the scanner ---------------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href",
                  "srcset", "cite", "longdesc", "ping", "manifest", "codebase", "dynsrc", "lowsrc",
                  "to", "from", "values", "content"}
NEVER = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "noscript", "template", "portal"}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript|mocha):")
# Material's inline scripts and the forms of its header; ours: the colour scheme, the search box
# and the promise filter.
OWN_INLINE_SCRIPTS = ("__md_scope=new URL(", "var target=document.getElementById(",
                      "// Jobcentertjek: colour scheme", "// Jobcentertjek: search box")
OWN_SCRIPT_FILES = re.compile(r"(^|/)(assets/javascripts/bundle\.[0-9a-f]+\.min\.js|javascripts/jct\.js)$")
OWN_FORMS = ({"class": "md-header__option"}, {"data-jct-filter": None})


def _normalized_url(value: str) -> str:
    """What a browser sees: entities decoded (the parser did), controls and spaces removed."""
    return re.sub(r"[\x00-\x20\x7f]", "", html.unescape(value)).lower()


class Scanner(HTMLParser):
    """Collects everything executable in one HTML document or fragment."""

    def __init__(self, where: str, document: bool):
        super().__init__(convert_charrefs=True)
        self.where = where
        self.document = document  # a whole page of ours may hold our own scripts and forms
        self.found: list[str] = []
        self._script: dict | None = None
        self._script_text = ""

    def report(self, what: str) -> None:
        self.found.append(f"{self.where}: {what}")

    def handle_starttag(self, tag, attrs):
        self._check_element(tag, dict(attrs))

    def handle_startendtag(self, tag, attrs):
        self._check_element(tag, dict(attrs))
        if tag == "script":
            self._end_script()

    def _check_element(self, tag: str, attrs: dict) -> None:
        for name, value in attrs.items():
            if name.startswith("on"):
                self.report(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value and BAD_SCHEME.search(_url_part(name, _normalized_url(value))):
                self.report(f"<{tag} {name}={value!r}>")
            if name == "style" and value and re.search(r"url\(|expression|javascript|@import", value, re.I):
                self.report(f"<{tag} style={value!r}>")
        if tag in NEVER:
            self.report(f"<{tag}>")
        # The page at a former address (templates/redirect.html) sends the reader on with a meta refresh
        # to a page of the site (a relative address); any other refresh is reported.
        if tag == "meta" and "http-equiv" in attrs and not (
                self.document and attrs["http-equiv"] == "refresh" and _relative(attrs.get("content") or "")):
            self.report(f"<meta http-equiv={attrs['http-equiv']!r}>")
        if tag == "form" and not (self.document and any(_matches(attrs, own) for own in OWN_FORMS)):
            self.report(f"<form {attrs}>")
        if tag == "script":
            self._script, self._script_text = attrs, ""
        if tag == "style":  # neither Material nor our templates write <style> elements
            self.report("<style>")

    def handle_data(self, data):
        if self._script is not None:
            self._script_text += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self._end_script()

    def _end_script(self) -> None:
        attrs, text = self._script or {}, self._script_text.strip()
        self._script = None
        if not self.document:
            self.report(f"<script {attrs}>{text[:60]}")
        elif "src" in attrs:
            if not OWN_SCRIPT_FILES.search(attrs["src"] or ""):
                self.report(f"<script src={attrs['src']!r}>")
        elif attrs.get("type") == "application/json" and attrs.get("id") == "__config":
            json.loads(text)  # data, not code; it must at least be valid JSON
        elif not text.startswith(OWN_INLINE_SCRIPTS) or re.search(r"alert|msgbox", text):
            self.report(f"inline <script>{text[:60]}")


def _url_part(name: str, value: str) -> str:
    """``<meta content="0;url=…">`` and ``srcset="a 1x, b 2x"`` hold URLs after a prefix."""
    if name == "content":
        match = re.search(r"url=(.*)", value)
        return match.group(1) if match else ""
    return value


def _relative(content: str) -> bool:
    """A meta refresh's target is a page of the site: a relative address."""
    match = re.search(r"url=(.*)", content, re.I)
    return bool(match) and not re.match(r"[a-z][a-z0-9+.-]*:|//", match.group(1).strip(), re.I)


def _matches(attrs: dict, own: dict) -> bool:
    return all(key in attrs and (value is None or attrs[key] == value) for key, value in own.items())


def scan_html(text: str, where: str, document: bool = False) -> list[str]:
    scanner = Scanner(where, document)
    scanner.feed(text)
    scanner.close()
    return scanner.found


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _ics_values(text: str):
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    for line in unfolded.splitlines():
        _, _, value = line.partition(":")
        yield value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def strings_in(name: str, content: bytes):
    """Every piece of text in a non-HTML file that a reader might render as HTML."""
    if name.endswith(".gz"):
        yield from strings_in(name[:-3], gzip.decompress(content))
        return
    if name.endswith(".xlsx"):  # every cell, as a spreadsheet program shows it
        for sheet in openpyxl.load_workbook(io.BytesIO(content)).worksheets:
            for row in sheet.iter_rows(values_only=True):
                yield from (str(value) for value in row if value is not None)
        return
    text = content.decode("utf-8")
    if name.endswith(".json"):
        yield from _strings(json.loads(text))
    elif name.endswith(".xml"):
        for element in ET.fromstring(content).iter():
            yield element.tag
            yield from (element.text or "", element.tail or "", *element.attrib.values())
    elif name.endswith(".csv"):
        for row in csv.reader(io.StringIO(text)):
            yield from row
    elif name.endswith(".ics"):
        yield from _ics_values(text)
    else:
        yield text


# Pagefind's code and its binary index chunks are skipped: the index's text is checked below.
SKIPPED = re.compile(r"^(assets/|javascripts/|stylesheets/|pagefind/)|\.(png|svg|ico|woff2?|ttf)$")


def scan_site(site: Path) -> tuple[list[str], int]:
    """Every executable thing in every output file, and how many files were scanned."""
    found, scanned = [], 0
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if SKIPPED.search(name):
            continue
        scanned += 1
        if name.endswith(".html"):
            found += scan_html(path.read_text(encoding="utf-8"), name, document=True)
        else:
            for text in strings_in(name, path.read_bytes()):
                found += scan_html(text, name)
    return found, scanned


# --- the tests -----------------------------------------------------------------------------

HTML_PAYLOADS = PAYLOADS[:31]  # the rest are Markdown and text, harmless until rendered


@pytest.mark.parametrize("payload", HTML_PAYLOADS)
def test_the_scanner_catches_each_html_payload(payload):
    """The scanner itself (so a clean scan means something): each payload, pasted raw into a
    page of ours or into a data file, is reported."""
    assert scan_html(payload, "x.html", document=True)
    assert scan_html(payload, "x.json")


def test_the_scanner_lets_the_sites_own_markup_and_escaped_text_pass():
    assert scan_html('<a href="https://example.org/?a=1&amp;b=2">x</a><p>&lt;img src=x onerror=alert(1)&gt;</p>'
                     '<form class="jct-filter" data-jct-filter hidden></form>'
                     '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
                     "<script>var target=document.getElementById(location.hash.slice(1))</script>",
                     "x.html", document=True) == []
    assert scan_html("<form></form>", "x.json") == ["x.json: <form {}>"]
    # The page at a former address: a refresh to a page of the site passes; any other does not.
    assert scan_html('<meta http-equiv="refresh" content="0; url=../ny/">', "x.html", document=True) == []
    assert scan_html("<style>body{}</style>", "x.html", document=True) == ["x.html: <style>"]
    assert scan_html('<meta http-equiv="refresh" content="0; url=https://example.org/">', "x.html", document=True)


def test_payload_entries_pass_the_validator_and_are_rendered(xss_site):
    """The payloads really reach the site: the entries build, and the harmless visible text
    survives as text on the entry page."""
    page = (xss_site / "sager" / "2018-04-10-xss-rapport" / "index.html").read_text(encoding="utf-8")
    assert html.escape(VISIBLE, quote=False) in page
    assert "Attribute list" in page and "markdown link" in page and "mixed case" in page


def test_no_output_file_holds_executable_markup_from_the_payloads(xss_site):
    found, scanned = scan_site(xss_site)
    assert scanned >= 20
    for expected in ["feed.xml", "pagefind/pagefind-entry.json", "sitemap.xml", "sitemap.xml.gz"]:
        assert (xss_site / expected).is_file(), expected
    assert found == []


def test_the_feeds_calendars_and_data_files_are_among_the_scanned(xss_site):
    names = {p.relative_to(xss_site).as_posix() for p in xss_site.rglob("*") if p.is_file()}
    kinds = {Path(n).suffix for n in names if not SKIPPED.search(n)}
    assert {".html", ".json", ".xml", ".gz", ".csv", ".ics"} <= kinds
    for expected in ["feed.xml", "kommuner/koebenhavn/feed.xml", "loefter/frister.ics", "data/entries.json",
                     "data/entries.csv", "data/promises.csv"]:
        assert expected in names


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def test_search_index_holds_only_what_the_pages_show_as_text(xss_site):
    """Pagefind keeps each page's text (its fragments are gzipped JSON). Every tag-like string
    in it must be text the page itself shows, i.e. a payload that was escaped, never one that
    the sanitizer removed from the page's markup."""
    payload_pages = [f for f in search_fragments(xss_site).values() if "-xss-" in f["url"]]
    assert len(payload_pages) == 4, "the payload entries are not all in the search index"
    for fragment in payload_pages:
        text = _Text()
        text.feed((xss_site / fragment["url"].strip("/") / "index.html").read_text(encoding="utf-8"))
        shown = re.sub(r"\s+", " ", "".join(text.parts))  # Pagefind's text runs blocks together too
        for tag in re.findall(r"<[^<>]*>", fragment["content"]):
            assert tag in shown, (fragment["url"], tag)
        for value in fragment["meta"].values():
            assert value in shown, (fragment["url"], value)
    assert any(VISIBLE in f["content"] for f in payload_pages)


def test_page_titles_are_plain_text(xss_site):
    """Material writes the title into <title> through striptags, which decodes entities."""
    page = (xss_site / "sager" / "2018-04-10-xss-rapport" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert html.unescape(title).startswith(PLAIN)


# --- a real browser ------------------------------------------------------------------------



@pytest.fixture(scope="module")
def served(xss_site):
    with serve(xss_site) as url:
        yield url + "/"


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "the browser test needs Debian's chromium at /usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def chromium_page(chromium):
    """A fresh page whose alert(), confirm() and prompt() record their calls instead."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(TRAP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


EXECUTED = """() => ({
  calls: window.__xss || [],
  handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
    .filter(a => a.name.startsWith('on') || /^\\s*(javascript|data|vbscript):/i.test(a.value))
    .map(a => e.tagName + ' ' + a.name)),
})"""
TRAP = "window.__xss = []; for (const f of ['alert', 'confirm', 'prompt']) window[f] = (...a) => window.__xss.push(f + a);"


@pytest.mark.parametrize("word", ["onerror", "synlig", "javascript", "vbscript"])
def test_searching_for_payloads_in_chromium_runs_nothing(chromium_page, served, word):
    page = chromium_page
    page.goto(urljoin(served, "sager/2018-04-10-xss-rapport/"))
    page.wait_for_load_state("networkidle")
    box = page.locator("input.jct-search__input")
    box.click()  # the box is in the header at desktop width
    box.press_sequentially(word, delay=30)
    page.locator(f'.jct-search__results[data-query="{word}"] li:not([hidden])').first.wait_for()
    page.wait_for_load_state("networkidle")  # every result's fragment
    results = page.locator(".jct-search__results").inner_html()
    page.wait_for_timeout(300)  # give an injected onerror the time to fire
    state = page.evaluate(EXECUTED)
    assert page.dialogs == [] and state == {"calls": [], "handlers": []}, (state, results[:500])
    assert not re.search(r"<(img|script|svg|iframe)\b", results, re.I)
    if word in ("onerror", "synlig"):  # the payload is there, shown as text
        assert VISIBLE in page.locator(".jct-search__results").inner_text()


def test_payload_pages_run_nothing_in_chromium(chromium_page, served):
    page = chromium_page
    for path in ["sager/2018-04-10-xss-rapport/", "sager/2018-04-20-xss-svar/", "sager/2018-05-01-xss-plan/",
                 "sager/2018-12-06-xss-opfoelgning/", "", "kommuner/koebenhavn/", "loefter/", "rettelser/"]:
        page.goto(urljoin(served, path))
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(200)
        assert page.evaluate(EXECUTED) == {"calls": [], "handlers": []}, path
    assert page.dialogs == []
