"""Danish soft hyphens (issue 26, point 2): in the long words of headings and table cells, so
that a phone without Danish patterns breaks them with a hyphen; never in what is searched, fed
or downloaded, where a reader would copy, compare or count the words."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import search_fragments
from markupsafe import Markup

from jobcentertjek.site.hyphenation import SOFT_HYPHEN, hyphenate

ENTRY = "sager/2022-05-ankestyrelsen-fejl-i-ti-af-elleve-sanktioner"  # "... kontanthjælpsmodtagere i Odense"


def test_long_danish_words_get_soft_hyphens_where_danish_breaks_them():
    assert hyphenate("kontanthjælpsmodtagere") == "kon\xadtant\xadhjælps\xadmod\xadta\xadgere"
    assert hyphenate("Beskæftigelsesministeren") == "Beskæf\xadti\xadgel\xadses\xadmi\xadni\xadste\xadren"
    assert hyphenate("Odense og København") == "Odense og København"  # short words are left whole
    # where the patterns would leave one letter between two breaks, it stays with the syllable before
    assert hyphenate("borgerinddragelse") == "bor\xadger\xadind\xaddra\xadgelse"
    assert hyphenate("borgerrådgiver") == "bor\xadger\xadråd\xadgi\xadver"


def test_only_text_is_hyphenated_never_tags_or_attributes():
    html = Markup('<a href="sager/sparevejledning/" title="sparevejledning">sparevejledning</a> &amp; ja')
    assert hyphenate(html) == ('<a href="sager/sparevejledning/" title="sparevejledning">spa\xadre\xadvej\xadled\xadning</a>'
                               " &amp; ja")
    assert hyphenate("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"  # text is escaped
    # a badge stays one line and keeps its words as they are
    badge = Markup('<span class="jct-status jct-status--overdue">Frist overskredet</span> overskredet')
    assert hyphenate(badge) == '<span class="jct-status jct-status--overdue">Frist overskredet</span> over\xadskre\xaddet'


def test_headings_and_table_cells_carry_soft_hyphens(built_site: Path):
    page = (built_site / ENTRY / "index.html").read_text("utf-8")
    h1 = page.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert "kon\xadtant\xadhjælps\xadmod\xadta\xadgere" in h1
    tracker = (built_site / "loefter" / "index.html").read_text("utf-8")
    cells = tracker.split('class="jct-promises', 1)[1].split("</table>", 1)[0]
    assert SOFT_HYPHEN in cells


def test_search_feeds_and_data_files_have_no_soft_hyphens(built_site: Path):
    fragments = search_fragments(built_site)
    entry = next(f for url, f in fragments.items() if ENTRY in url)
    assert "kontanthjælpsmodtagere" in entry["meta"]["title"]
    assert all(SOFT_HYPHEN not in json.dumps(f, ensure_ascii=False) for f in fragments.values())
    published = [p for pattern in ("**/*.xml", "**/*.ics", "data/*.json", "data/*.csv", "pagefind/*.json")
                 for p in built_site.glob(pattern)]
    assert any(p.name == "feed.xml" for p in published) and any(p.suffix == ".csv" for p in published)
    assert [p for p in published if SOFT_HYPHEN in p.read_text("utf-8")] == []
