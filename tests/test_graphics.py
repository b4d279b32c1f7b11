"""The map, the thread timelines and the kommuner side by side, as a reader gets them.

The golden files (tests/graphics_golden/) hold what the SVG says, element by element: shapes by class,
their links, accessible names and labels, and where they sit on the axis, not pixels. After a
deliberate change, regenerate them with ``make golden`` (with the output golden set) and read
the diff.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import REPO, write_cases
from helpers import dump, plan, promise, report, response, update

from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.model import FINAL_STATUSES
from jobcentertjek.entries.reference import kommuner
from jobcentertjek.outputs.opendata import data_files
from jobcentertjek.site import kort, sammenligning, tidslinje
from jobcentertjek.site.pages import SiteGenerator, SiteSettings
from jobcentertjek.site.urls import HOME_MAP_URL
from jobcentertjek.site.windows import thread_window

GOLDEN = Path(__file__).parent / "graphics_golden"
SVG = "{http://www.w3.org/2000/svg}"
ON = dt.date(2019, 6, 30)


def fixture_corpus(tmp_path: Path) -> Corpus:
    """One thread in Haderslev: a report, a response 35 days later, a plan dated to the month
    with two promises (one overdue on ON), an update; and a lone report in Viborg."""
    files = {
        "haderslev/2018-04-10-rapport.yaml": dump(report(kommune="haderslev", date="2018-04-10",
                                                         title="Rapport om ventetider")),
        "haderslev/2018-05-15-svar.yaml": dump(response(["2018-04-10-rapport"], kommune="haderslev",
                                                        date="2018-05-15", title="Borgmesteren svarer")),
        "haderslev/2018-06-plan.yaml": dump(plan(
            [promise(id="ventetid", deadline="2018-12"), promise(id="raadgiver", deadline="2019-12")],
            kommune="haderslev", date="2018-06", title="Handleplan for ventetider", responds_to=["2018-04-10-rapport"])),
        "haderslev/2019-03-01-opfoelgning.yaml": dump(update(
            "2018-06-plan", [{"promise": "raadgiver", "status": "kept"}], kommune="haderslev", date="2019-03-01",
            title="Rådgiveren er ansat")),
        "viborg/2019-01-20-brev.yaml": dump(report(kommune="viborg", date="2019-01-20", title="Et borgerbrev")),
    }
    return Corpus.load(write_cases(tmp_path, files), on=ON)


def svg_of(html: str, figure_class: str) -> ET.Element:
    figure = re.search(rf'<figure class="{figure_class}".*?</figure>', html, re.S).group(0)
    return ET.fromstring(re.search(r"<svg.*?</svg>", figure, re.S).group(0).replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def describe(svg: ET.Element) -> str:
    """The drawing as lines of text: each element with its class, link, name, text and geometry."""
    lines = []

    def walk(element, depth):
        tag = element.tag.removeprefix(SVG)
        attrs = {k: v for k, v in element.attrib.items() if k in ("class", "href", "aria-label", "aria-labelledby",
                                                                   "aria-hidden", "role", "d", "x", "y", "viewBox")}
        text = (element.text or "").strip()
        lines.append("  " * depth + tag + "".join(f" {k}={v!r}" for k, v in sorted(attrs.items()))
                     + (f" text={text!r}" if text else ""))
        for child in element:
            walk(child, depth + 1)

    walk(svg, 0)
    return "\n".join(lines) + "\n"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.read_text("utf-8") == text, f"{name} changed; if that is meant, run with UPDATE_GOLDEN=1"


def render(corpus: Corpus, uri: str) -> str:
    generator = SiteGenerator(corpus, SiteSettings(repo_url="https://github.com/x/y"))
    return generator.render(next(p for p in generator.pages() if p.uri == uri))


# --- the timeline ----------------------------------------------------------------------------

def test_entry_timeline_golden(tmp_path):
    html = render(fixture_corpus(tmp_path), "sager/2018-04-10-rapport.md")
    check_golden("tidslinje-entry.txt", describe(svg_of(html, "jct-tl")))


def test_timeline_draws_what_the_thread_says(tmp_path):
    corpus = fixture_corpus(tmp_path)
    html = render(corpus, "sager/2018-04-10-rapport.md")
    svg = svg_of(html, "jct-tl")
    texts = [" ".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    assert any("35 dage" in t for t in texts), "the days from report to first response are labelled"
    overdue = (ON - dt.date(2018, 12, 31)).days
    assert any(f"{overdue} dage over fristen" in t for t in texts), "the overdue promise is labelled with its days"
    assert svg.find(f".//{SVG}path[@class='tl-late tl-late--overdue']") is not None
    classes = [p.get("class") for p in svg.iter(f"{SVG}path")]
    # one mark per entry, by type; the plan dated to the month is a hollow mark on a span
    assert "tl-report tl-here" in classes and "tl-response" in classes and "tl-update" in classes
    assert "tl-plan tl-open" in classes and "tl-bar tl-plan" in classes
    # every other entry is a link named by its row in the thread list
    links = svg.findall(f"{SVG}a")
    assert len(links) == 3
    for link in links:
        row = re.search(rf'<li id="{link.get("aria-labelledby")}"[^>]*>(.*?)</li>', html).group(1)
        assert link.get("href") in row, "the mark and its list row link to the same entry"
    # the status bands: the kept promise steps from "Ikke vurderet" to "Holdt"
    assert "tl-s s-kept" in classes


def test_timeline_has_one_size_however_long_the_thread(tmp_path):
    files = {"koebenhavn/2010-01-05-start.yaml": dump(report(date="2010-01-05", title="Start"))}
    for i in range(60):
        day = dt.date(2010, 2, 1) + dt.timedelta(days=30 * i)
        files[f"koebenhavn/{day}-svar-{i}.yaml"] = dump(response(["2010-01-05-start"], date=str(day), title=f"Svar {i}"))
    corpus = Corpus.load(write_cases(tmp_path, files), on=ON)
    thread = corpus.threads["2010-01-05-start"]
    sizes = []
    for item in (thread[0], thread[30], thread[-1]):
        timeline = tidslinje.build(thread_window(thread, item.id), corpus, current=item.id)
        assert len(timeline.marks) <= 2 * 3 + 3 and timeline.elisions, "a long thread is shortened, with elisions"
        assert all(16 <= m.x <= 624 for m in timeline.marks)
        sizes.append((timeline.width, timeline.height))
    assert len(set(sizes)) == 1


def test_a_date_known_to_the_month_is_a_span(tmp_path):
    corpus = fixture_corpus(tmp_path)
    thread = corpus.threads["2018-06-plan"]
    timeline = tidslinje.build(thread_window(thread, "2018-06-plan"), corpus)
    plan_mark = next(m for m in timeline.marks if m.kind == "plan")
    day_marks = [m for m in timeline.marks if m.kind != "plan"]
    assert plan_mark.x1 is not None and plan_mark.x1 > plan_mark.x
    assert all(m.x1 is None for m in day_marks)


# --- the map ---------------------------------------------------------------------------------

def test_map_golden(tmp_path):
    generator = SiteGenerator(fixture_corpus(tmp_path), SiteSettings(repo_url="https://github.com/x/y"))
    html = generator.sources()[HOME_MAP_URL]
    svg = svg_of(html, "jct-map")
    for path in svg.iter(f"{SVG}path"):  # the outlines are the script's; the golden file holds the rest
        path.attrib.pop("d")
    check_golden("kort-home.txt", describe(svg))


def test_every_kommune_has_one_linked_shape_with_its_name_and_figures(built_site):
    corpus = Corpus.load(REPO / "cases")
    for page, prefix in ((built_site / HOME_MAP_URL, "kommuner/"), (built_site / "kommuner" / "index.html", "")):
        svg = svg_of(page.read_text("utf-8"), "jct-map")
        links = {a.get("href"): a for a in svg.iter(f"{SVG}a")}
        wanted = {f"{prefix}{k.slug}/": k for k in kommuner().values() if not k.is_national}
        assert set(links) == set(wanted), "each of the 98 kommuner is one link, and nothing else"
        for href, kommune in wanted.items():
            link = links[href]
            assert link.find(f"{SVG}path").get("d").startswith("M")
            label = link.get("aria-label")
            assert label == link.find(f"{SVG}title").text
            count = len(corpus.by_kommune.get(kommune.slug, []))
            assert label == f"{kommune.name}: ingen sager" if not count else label.startswith(f"{kommune.name}: {count} ")
    haderslev = corpus.promises_of(kommune="haderslev")
    assessed = [p for p in haderslev if p.status in FINAL_STATUSES]
    kept = sum(p.status == "kept" for p in assessed)
    assert (f'aria-label="Haderslev: {len(corpus.by_kommune["haderslev"])} sager, {len(haderslev)} løfter '
            f'({kept} holdt af {len(assessed)} vurderede), {sum(p.is_overdue for p in haderslev)} med overskredet '
            'frist"') in (built_site / HOME_MAP_URL).read_text("utf-8")


def test_map_names_overdue_and_kept_promises(tmp_path):
    shape = next(s for s in kort.shapes(fixture_corpus(tmp_path)) if s.kommune.slug == "haderslev")
    assert shape.label == "Haderslev: 4 sager, 2 løfter (1 holdt af 1 vurderede), 1 med overskredet frist"
    assert shape.classes == "e1 k3 o2"


def test_map_is_small_and_does_not_grow_with_the_record(tmp_path):
    # Colours are classes of a few buckets and each kommune is one shape: only the numbers in
    # the accessible names grow, by their digits.
    corpus = fixture_corpus(tmp_path)
    generator = SiteGenerator(corpus, SiteSettings(repo_url="https://github.com/x/y"))
    macro = generator.env.get_template("_kort.html").make_module({"page_url": ""}).danmarkskort

    def size(scale: int) -> int:
        shapes = [dataclasses.replace(s, entries=scale, promises=scale, assessed=scale, kept=scale, overdue=scale)
                  for s in kort.shapes(corpus)]
        return len(str(macro(dict(kort.map_context(corpus), shapes=shapes))).encode())

    empty = len(str(macro(kort.map_context(corpus))).encode())
    assert empty <= 80_000 and size(20_000) <= 80_000, (empty, size(20_000))
    assert size(20_000) - size(200) <= 98 * 2 * 5 * 3, "only digits are added"


def test_the_map_credit_is_on_every_page_with_a_map(built_site):
    credit = kort.map_data()["credit"]
    pages = [built_site / HOME_MAP_URL, built_site / "kommuner" / "index.html",
             *(built_site / "kommuner" / k / "index.html" for k in kommuner() if k != "hele-landet")]
    for page in pages:
        assert credit in page.read_text("utf-8"), page


def test_the_map_caption_points_to_the_list_of_kommuner_where_it_is(built_site):
    """/kommuner/ lists them under its map; the home page has no list, so it links to it."""
    home = (built_site / HOME_MAP_URL).read_text("utf-8")
    listing = (built_site / "kommuner" / "index.html").read_text("utf-8")
    assert 'Alle kommuner står også i <a href="kommuner/">kommunelisten</a>.' in home
    assert "listen nedenfor" not in home
    assert "Alle kommuner står også i listen nedenfor." in listing


def test_locator_shows_the_kommune(built_site):
    html = (built_site / "kommuner" / "viborg" / "index.html").read_text("utf-8")
    svg = svg_of(html, "jct-locator")
    assert svg.get("aria-label") == "Viborg vist på et kort over Danmark"
    here = svg.find(f"{SVG}path[@class='jct-locator__here']").get("d")
    assert here == kort.map_data()["locator"]["kommuner"]["791"]
    assert 'class="jct-locator"' not in (built_site / "kommuner" / "hele-landet" / "index.html").read_text("utf-8")


# --- the kommuner side by side ---------------------------------------------------------------

def test_comparison_rows_and_csv_agree(tmp_path):
    corpus = fixture_corpus(tmp_path)
    lines = sammenligning.lines(corpus)
    assert len(lines) == 99 and lines[-1].kommune.slug == "hele-landet"
    rows = list(csv.reader(io.StringIO(data_files(corpus, "")["data/kommuner.csv"])))
    assert rows[0] == sammenligning.CSV_COLUMNS and len(rows) == 100
    haderslev = dict(zip(rows[0], next(r for r in rows if r[0] == "haderslev")))
    assert haderslev["entries"] == "4" and haderslev["type_report"] == "1" and haderslev["promises"] == "2"
    assert haderslev["status_kept"] == "1" and haderslev["status_overdue"] == "1"
    assert haderslev["median_response_days"] == "35" and haderslev["latest_date"] == "2019-03-01"


def test_comparison_table_links_its_numbers_and_presorted_pages(tmp_path):
    corpus = fixture_corpus(tmp_path)
    html = render(corpus, "kommuner/index.md")
    table = re.search(r'<table class="jct-compare[ "].*?</table>', html, re.S).group(0)
    assert table.count("<tr ") == 100  # the headings, 98 kommuner and Hele landet
    headers = re.findall(r'<th scope="col"[^>]*><a href="([^"]+)"', table)
    assert len(headers) == len(sammenligning.TABLE_COLUMNS) and headers[1] == "sorteret/sager/"
    assert '<a href="haderslev/#svartid">35</a>' in table
    sorted_page = render(corpus, "kommuner/sorteret/frist-overskredet.md")
    first_row = re.search(r'<tbody[^>]*>\s*<tr[^>]*>\s*<th scope="row"[^>]*><a href="[^"]*">([^<]+)<', sorted_page).group(1)
    assert first_row == "Haderslev"
    assert 'aria-sort="descending"' in sorted_page


def test_the_home_page_leaves_its_map_to_a_file_of_its_own(built_site):
    """Two thirds of the home page's HTML, below the first screen on a phone: the page holds only
    its place, which names the file (javascripts/jct.js fetches it) and, for a reader without
    JavaScript, says where the map is."""
    home = (built_site / "index.html").read_text("utf-8")
    assert "jct-map__svg" not in home
    slot = re.search(r'<div class="jct-map-slot" data-jct-map="([^"]+)">(.*?)</div>', home, re.S)
    assert slot and slot.group(1) == HOME_MAP_URL
    assert 'Kortet og en liste over alle kommuner står også på siden <a href="kommuner/">Kommuner</a>.' in slot.group(2)
    assert (built_site / HOME_MAP_URL).read_text("utf-8").startswith('<figure class="jct-map">')
