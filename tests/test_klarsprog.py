"""Klarsprog: what a reader meets is plain Danish. Roles in lower case after a name, the line of
type and date says who criticised, »…« instead of straight quotes, a point between thousands,
no English and no ids, and the jargon linked to the glossary (Ordliste) from an entry's text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import feedparser
import pytest
from conftest import write_cases
from helpers import dump, plan, promise, update

from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.grammar import count, number
from jobcentertjek.entries.model import REPORT_KIND_PHRASES, REPORT_KINDS
from jobcentertjek.site import ordliste
from jobcentertjek.site.pages import SiteGenerator, SiteSettings

# Text a reader sees: no scripts, styles, drawings (their words are checked in their own tests),
# code (an id or a field name shown as code in the data documentation) or tags.
_HIDDEN = re.compile(r"<(script|style|svg|code|pre|head)\b.*?</\1>", re.S)
_TAGS = re.compile(r"<[^>]+>")
# A whole number of four digits or more, not part of a date, a decimal or a formatted number, nor
# an identifier ("vejledning nr. 9078"), which is written without a point.
_BARE_NUMBER = re.compile(r"(?<![\d.,:/-])(?<!nr\. )\d{4,}(?![\d.,]\d)")
# Words of the code that must not reach a reader: the type codes in parentheses, feedgen's name.
ENGLISH = re.compile(r"\((report|response|plan|update)\)|python-feedgen|\bofficial-report\b")


def reader_text(page: str) -> str:
    body = re.split(r'<div class="md-content"[^>]*>', page, maxsplit=1)[-1]
    return html.unescape(_TAGS.sub(" ", _HIDDEN.sub(" ", body)))


def pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): reader_text(p.read_text("utf-8")) for p in site.rglob("*.html")}


def bare_numbers(text: str) -> list[str]:
    """Numbers of 1.000 or more written without the point between thousands (years are not counts)."""
    return [n for n in _BARE_NUMBER.findall(text) if not (len(n) == 4 and 1900 <= int(n) <= 2100)]


def test_numbers_take_a_point_between_thousands():
    assert [number(n) for n in (7, 999, 1000, 2898, 1234567)] == ["7", "999", "1.000", "2.898", "1.234.567"]
    assert count(2898, "dag", "dage") == "2.898 dage"
    assert bare_numbers("2898 dage, 2.898 dage, i 2018, 12.500 kr., vejl. nr. 9078") == ["2898"]


@pytest.mark.parametrize("fixture", ["built_site", "national_site"])
def test_no_page_has_straight_quotes_unformatted_numbers_english_or_ids(request, fixture):
    site = request.getfixturevalue(fixture)
    site = site[0] if isinstance(site, tuple) else site
    problems = []
    for path, text in pages(site).items():
        if '"' in text:
            problems.append(f'{path}: straight quote: …{text[max(0, text.index(chr(34)) - 40):][:80]}…')
        if numbers := bare_numbers(text):
            problems.append(f"{path}: numbers without a point between thousands: {numbers[:5]}")
        if match := ENGLISH.search(text):
            problems.append(f"{path}: English: {match.group()}")
        if path.startswith("sager/") and "Sagens id:" in text:  # the label an id used to stand after
            problems.append(f"{path}: an entry's id is shown")
    assert not problems, "\n".join(problems[:20])


def test_an_update_names_the_promises_it_changes_by_their_words_not_their_ids(tmp_path):
    files = {"koebenhavn/2018-05-01-plan.yaml": dump(plan([promise(id="handleplan-2018")])),
             "koebenhavn/2018-12-06-vedtaget.yaml": dump(update("2018-05-01-plan", [
                 {"promise": "handleplan-2018", "status": "kept"}]))}
    corpus = Corpus.load(write_cases(tmp_path, files))
    page = SiteGenerator(corpus, SiteSettings(repo_url="https://github.com/x/y")).sources()["sager/2018-12-06-vedtaget.md"]
    text = reader_text(page)
    assert "Løfte: Vi laver en handleplan." in text
    assert "handleplan-2018" not in text
    assert 'href="../2018-05-01-plan/#loefte-handleplan-2018"' in page  # the link still goes to the promise


def test_the_feeds_name_the_site_as_their_generator(built_site):
    for path in [built_site / "feed.xml", built_site / "loefter" / "feed.xml"]:
        assert feedparser.parse(path.read_bytes()).feed.generator == "Jobcentertjek"


def test_every_kind_of_report_says_who_criticised_or_where():
    assert REPORT_KIND_PHRASES.keys() == REPORT_KINDS.keys()
    assert REPORT_KIND_PHRASES["ankestyrelsen"] == "fra Ankestyrelsen"


def test_the_line_of_type_and_date_says_who_criticised_and_roles_stand_in_lower_case(built_site):
    entry = reader_text((built_site / "sager" / "2022-05-ankestyrelsen-fejl-i-ti-af-elleve-sanktioner"
                         / "index.html").read_text("utf-8"))
    assert re.search(r"Kritik\s+fra\s+Ankestyrelsen\s+·\s+maj 2022\s+·\s+Odense", entry), entry[:300]
    every = " ".join(" ".join(pages(built_site / "sager").values()).split())
    assert "H.P. Geil, borgmester i Haderslev Kommune" in every
    assert not re.search(r"Lovet af: [^,]+, (Borgmester|Formand|Politisk|Beskæftigelsesminister)\b", every)


# --- the glossary -------------------------------------------------------------------------

def _linked(html_text: str, here: str = "sager/x/") -> list[tuple[str, str]]:
    """(href, text) of each glossary link in ``html_text`` once linked."""
    return re.findall(r'<a class="jct-term" href="([^"]+)">([^<]+)</a>', ordliste.link_terms(html_text, here))


def test_the_first_use_of_each_word_links_to_its_explanation():
    page = ("<p>Hun kom i <strong>ressourceforløb</strong> og senere i et nyt ressourceforløb. "
            "Ressourceforløbet sluttede, og hun fik Fleksjob.</p>")
    assert _linked(page) == [("../../ordliste/#ressourceforloeb", "ressourceforløb"),
                             ("../../ordliste/#fleksjob", "Fleksjob")]


def test_a_word_of_several_words_is_found_across_a_line_break_and_in_its_inflected_form():
    assert _linked("<p>Kommunen gav 10 skærpede\nrådighedssanktioner.</p>") == [
        ("../../ordliste/#skaerpet-raadighedssanktion", "skærpede\nrådighedssanktioner")]


@pytest.mark.parametrize("where", [
    '<a href="../y/">fleksjob</a>',
    "<h2>Fleksjob</h2>",
    "<h1>Om fleksjob i Kolding</h1>",
    '<p title="fleksjob">ingen</p>',
    '<img alt="fleksjob">',
    "<code>fleksjob</code>",
    '<p class="jct-tags" data-pagefind-ignore>Emner: <span>fleksjob</span></p>',
    '<svg><desc>fleksjob</desc></svg>',
    '<button type="button">fleksjob</button>',
])
def test_a_word_in_a_link_a_heading_an_attribute_or_code_is_never_linked(where):
    page = f"{where}<p>Mere om fleksjob.</p>"
    linked = ordliste.link_terms(page, "sager/x/")
    assert linked.startswith(where), linked  # untouched, attributes included
    assert _linked(page) == [("../../ordliste/#fleksjob", "fleksjob")]  # the first use in running text


def test_a_word_inside_a_longer_word_is_not_linked():
    assert _linked("<p>Fleksjobreformen og sygedagpengeperioden.</p>") == []


def test_every_word_has_forms_and_an_explanation_and_every_form_belongs_to_one_word():
    words = ordliste.terms()
    assert len(words) >= 10
    forms = [form.lower() for t in words for form in t.forms]
    assert len(forms) == len(set(forms))
    for t in words:
        assert t.term.lower() in [f.lower() for f in t.forms], t.term
        assert t.definition.endswith(".") and len(t.definition) > 60, t.term
        for source in t.sources:
            assert source.url.startswith("https://") and source.title and source.publisher
    # Danish order: æ, ø and å after z.
    assert [t.term for t in words].index("førtidspension") > [t.term for t in words].index("fleksjob")


def test_the_glossary_page_explains_each_word_and_entry_pages_link_to_it(built_site):
    glossary = (built_site / "ordliste" / "index.html").read_text("utf-8")
    anchors = set(re.findall(r'<dt id="([^"]+)"', glossary))
    assert anchors == {t.anchor for t in ordliste.terms()}
    for word in ["ressourceforløb", "jobafklaringsforløb", "fleksjob", "førtidspension", "sygedagpenge",
                 "skærpet rådighedssanktion", "redegørelse", "kommissorium", "borgerrådgiver", "Ankestyrelsen"]:
        assert f">{word}</dt>" in glossary, word
    assert "Kilde: " in glossary or "Kilder: " in glossary
    linked = set()
    for page in (built_site / "sager").glob("*/index.html"):
        text = page.read_text("utf-8")
        for anchor in re.findall(r'class="jct-term" href="\.\./\.\./ordliste/#([^"]+)"', text):
            assert anchor in anchors, (page, anchor)
            linked.add(anchor)
        # Never a link inside a link.
        assert not re.search(r"<a [^>]*>[^<]*<a class=\"jct-term\"", text), page
    assert {"ressourceforloeb", "fleksjob", "redegoerelse", "ankestyrelsen"} <= linked
