"""The real cases/ built with the real mkdocs.yml: the pages a reader gets."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, build_fixture_site
from helpers import SOURCE, dump, plan, promise, replied_checks, report, response, search_fragments, update

from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.reference import kommuner, tags

CORPUS = Corpus.load(REPO / "cases")


class Elements(HTMLParser):
    """Collects (tag, attrs) of every element and the text, enough for page assertions."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data.replace("\u00ad", ""))  # soft hyphens show only where a line breaks


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text("utf-8"))
    return parser


def text_of(path: Path) -> str:
    return " ".join(" ".join(parse(path).text).split())


def test_every_kommune_entry_tag_and_promise_page_exists(built_site):
    assert (built_site / "index.html").is_file()
    for slug in kommuner():
        assert (built_site / "kommuner" / slug / "index.html").is_file(), slug
    for item in CORPUS.entries:
        assert (built_site / "sager" / item.id / "index.html").is_file(), item.id
    for tag in tags().values():
        assert (built_site / "emner" / tag.slug / "index.html").is_file(), tag.slug
    for page in ("kommuner", "loefter", "loefter/holdt", "loefter/frist-overskredet", "emner", "metode",
                 "rettelser", "bidrag"):
        assert (built_site / page / "index.html").is_file(), page


def test_pages_are_danish(built_site):
    html = (built_site / "index.html").read_text("utf-8")
    assert re.search(r'<html lang="da"', html)
    assert "Seneste sager" in html


def test_entry_pages_stay_out_of_the_navigation(built_site):
    for page in (built_site / "index.html", built_site / "sager" / CORPUS.entries[0].id / "index.html"):
        nav = page.read_text("utf-8").split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
        assert "sager/" not in nav
    top_level = [a.get("href") for tag, a in parse(built_site / "index.html").elements if tag == "a"]
    assert any(h and h.rstrip("/").endswith("loefter") for h in top_level)


LOADED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "preconnect", "dns-prefetch"}


def loaded_url(tag: str, attrs: dict) -> str | None:
    """The URL a browser fetches for this element by itself (canonical links are not fetched)."""
    if tag in ("script", "img", "iframe", "source", "video", "audio"):
        return attrs.get("src")
    if tag == "link" and set((attrs.get("rel") or "").split()) & LOADED_LINKS:
        return attrs.get("href")
    return None


def test_no_request_can_go_to_a_third_party(built_site):
    for page in built_site.rglob("*.html"):
        for tag, attrs in parse(page).elements:
            url = loaded_url(tag, attrs)
            assert not (url and re.match(r"^(https?:)?//", url)), f"{page}: <{tag}> loads {url}"
    for css in built_site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text("utf-8")), css


def test_search_index_holds_entries_whole_and_aggregate_pages_by_their_introduction(built_site):
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == ["da"]  # the Danish stemmer
    pages = search_fragments(built_site)
    taskforce = pages["/sager/2018-04-10-taskforce-foertidspension-fleksjob/"]
    assert "taskforce" in taskforce["content"].lower()
    title = CORPUS.by_id["2018-04-10-taskforce-foertidspension-fleksjob"].entry.title
    assert taskforce["meta"] == {"title": title, "type": "Kritik", "dato": "10. april 2018", "kommune": "København"}
    assert taskforce["filters"]["kommune"] == ["København"] and taskforce["filters"]["år"] == ["2018"]
    assert "fleksjob" in taskforce["filters"]["emne"]
    plan = pages["/sager/2018-04-16-udvalget-beder-om-handleplan/"]
    assert plan["filters"]["løftestatus"]  # a plan's promises, by status
    # The edit links, the id and the lists of other entries are left out.
    assert "Ret denne sag" not in taskforce["content"]
    # The section labels are left out, so no excerpt begins with them; the promises stay.
    assert "Resumé." not in taskforce["content"] and "Kilder." not in taskforce["content"]
    assert "Forvaltningen udarbejder et forslag til en handleplan" in plan["content"]
    assert pages["/emner/fleksjob/"]["content"] == "Emne: fleksjob. Visitation til og tilbud om fleksjob."
    # Lists of entries and promises are not indexed; a kommune by its name, code and region only.
    assert {"/", "/loefter/", "/kommuner/", "/emner/", "/kommuner/koebenhavn/2017/"}.isdisjoint(pages)
    assert pages["/kommuner/koebenhavn/"]["content"] == "København. Kommunekode 101 · Region Hovedstaden."
    assert pages["/emner/fleksjob/"]["meta"]["type"] == "Emne"
    # The hand-written pages of docs/, whole, rendered with the site's Markdown extensions
    assert pages["/metode/"]["meta"] == {"title": "Metode", "type": "Side"}
    assert "Jobcentertjek er et arkiv" in pages["/metode/"]["content"]


def test_search_knows_every_kommune_and_topic_by_name_with_its_page_and_entries(built_site):
    known = json.loads((built_site / "pagefind" / "jct-names.json").read_text("utf-8"))
    assert [k[0] for k in known["kommuner"]] == [k.name for k in kommuner().values()]
    assert [e[0] for e in known["emner"]] == [t.name for t in tags().values()]
    for name, url, count in known["kommuner"] + known["emner"]:
        assert (built_site / url / "index.html").is_file(), url
    assert ["Kolding", "kommuner/kolding/", len(CORPUS.by_kommune["kolding"])] in known["kommuner"]
    assert ["fleksjob", "emner/fleksjob/", len(CORPUS.by_tag["fleksjob"])] in known["emner"]
    # The lists of people and sources are anchored, so excerpts are cut from the entry's own text.
    anchors = {a["id"] for a in search_fragments(built_site)["/sager/2018-04-10-taskforce-foertidspension-fleksjob/"]["anchors"]}
    assert {"kilder", "personer"} <= anchors


def test_kommune_timeline_groups_by_year_with_threads_and_scoreboard(built_site):
    page = built_site / "kommuner" / "koebenhavn" / "index.html"
    parsed = parse(page)
    years = [a.get("id") for tag, a in parsed.elements if tag == "h3" and (a.get("id") or "").startswith("aar-")]
    assert years == ["aar-2018", "aar-2017"]  # newest first
    assert ("time", {"datetime": "2018-04-10"}) in parsed.elements
    text = text_of(page)
    assert "Svar på: Taskforce finder for tunge krav" in text
    promises = CORPUS.promises_of(kommune="koebenhavn")
    kept = sum(p.status == "kept" for p in promises)
    assert re.search(rf"Holdt\s*:\s*{kept}\b", text)
    assert any(tag == "rect" for tag, _ in parsed.elements)  # the drawn status bar
    assert "Dage fra kritik til kommunens første svar" in text


def test_kommune_without_entries_invites_contributions(built_site):
    empty = next(k for k in kommuner() if k not in CORPUS.by_kommune)
    assert "Der er endnu ingen sager" in text_of(built_site / "kommuner" / empty / "index.html")


def test_kommune_index_lists_all_98_by_region(built_site):
    parsed = parse(built_site / "kommuner" / "index.html")
    regions = [a.get("id") for tag, a in parsed.elements if tag == "h2" and a.get("id", "").startswith("region-")]
    assert regions == ["region-hovedstaden", "region-midtjylland", "region-nordjylland", "region-sjaelland",
                       "region-syddanmark"]
    links = {a["href"] for tag, a in parsed.elements if tag == "a" and a.get("href", "").count("/") == 1}
    assert len({h for h in links if h.rstrip("/") in kommuner() and h != "hele-landet/"}) == 98


def test_entry_page_shows_everything_with_thread_sources_and_links(built_site):
    item = CORPUS.by_id["2018-04-16-udvalget-beder-om-handleplan"]
    page = built_site / "sager" / item.id / "index.html"
    text = text_of(page)
    parsed = parse(page)
    hrefs = [a.get("href", "") for tag, a in parsed.elements if tag == "a"]
    assert item.entry.title in text and "16. april 2018" in text
    assert "Hele forløbet" in text and "Statushistorik" in text
    assert "https://github.com/jobcentertjek/jobcentertjek/edit/main/cases/koebenhavn/" + item.id + ".yaml" in hrefs
    assert any("issues/new?template=rettelse.yml&entry=" + item.id in h for h in hrefs)
    assert all(s.url in hrefs for s in item.entry.sources)
    assert "juni 2018" in text  # a deadline known to the month is shown as a month


def test_promise_tracker_lists_every_promise_with_status_and_filters(built_site):
    page = built_site / "loefter" / "index.html"
    rows = [a for tag, a in parse(page).elements if tag == "tr" and "data-status" in a]
    assert len(rows) == len(CORPUS.promises)
    assert {r["data-status"] for r in rows} == {p.state for p in CORPUS.promises}
    kept = [a for tag, a in parse(built_site / "loefter" / "holdt" / "index.html").elements
            if tag == "tr" and "data-status" in a]
    assert len(kept) == sum(p.state == "kept" for p in CORPUS.promises) and kept


@pytest.mark.parametrize("page", ["index.html", "rettelser/index.html", "metode/index.html"])
def test_footer_links_contribute_and_corrections(built_site, page):
    html = (built_site / page).read_text("utf-8")
    footer = html.split('class="md-copyright jct-footer"', 1)[1]
    assert ">Bidrag</a>" in footer and ">Rettelser</a>" in footer


def test_a_followed_plan_shows_each_step_once_and_every_note_somewhere(tmp_path):
    """A plan followed up for years: its updates are reached from the promises' histories and
    listed in the whole thread (they say whether the promise was kept), a bare start step is left
    out, and only the latest note is repeated on the plan; each earlier note stays on its update's page."""
    long_words = "Kommunen lover at gennemgå alle sager om førtidspension, " * 3
    files = {
        "koebenhavn/2018-04-10-kritik.yaml": dump(report(date="2018-04-10")),
        "koebenhavn/2018-05-01-handleplan.yaml": dump(plan([
            promise(id="kort", text="Vi ansætter en borgerrådgiver."),
            promise(id="lang", text=long_words, status="in-progress", status_note="Arbejdet er i gang.",
                    sources=[dict(SOURCE)]),  # a copy: the same object twice would be dumped as a YAML alias
            promise(id="link", text="Vi følger [rapporten](https://example.org/rapport).", status="in-progress",
                    sources=[dict(SOURCE)]),
        ], responds_to=["2018-04-10-kritik"])),
        "koebenhavn/2018-09-01-foerste.yaml": dump(update("2018-05-01-handleplan", [
            {"promise": "kort", "status": "in-progress", "note": "Stillingen er slået op."}],
            date="2018-09-01", title="Første opfølgning")),
        "koebenhavn/2019-02-01-anden.yaml": dump(update("2018-05-01-handleplan", [
            {"promise": "kort", "status": "kept", "note": "Borgerrådgiveren er ansat."}],
            date="2019-02-01", title="Anden opfølgning")),
    }
    code, site, problems = build_fixture_site(tmp_path, files)
    assert code == 0, "\n".join(map(str, problems))
    plan_page = site / "sager" / "2018-05-01-handleplan" / "index.html"
    text, parsed = text_of(plan_page), parse(plan_page)
    headings = [" ".join(t.replace("\u00ad", "").split())
                for t in re.findall(r"<h3>(.*?)</h3>", plan_page.read_text("utf-8"), re.S)]
    assert headings == ["Vi ansætter en borgerrådgiver", "Løfte 2", "Løfte 3"]  # no full stop in a heading; a heading would lose the link
    assert 'href="https://example.org/rapport"' in plan_page.read_text("utf-8")
    assert text.count("Kommunen lover at gennemgå") == 3  # the long promise's words, in full, once
    assert text.count("Lovet af: Udvalget") == 3  # with each promise, not once above them
    hrefs = [a.get("href", "") for tag, a in parsed.elements if tag == "a"]
    # each update: its step in the history, its mark on the timeline and its row in the thread
    assert hrefs.count("../2018-09-01-foerste/") == 3 and hrefs.count("../2019-02-01-anden/") == 3
    thread, _ = _thread_links(plan_page)
    assert thread == ["2018-04-10-kritik", "2018-09-01-foerste", "2019-02-01-anden"]
    assert "Første opfølgning" in text and "4 sager, i den rækkefølge det skete" in " ".join(text.split())
    assert "Ikke vurderet" not in text  # the bare start of the short promise is left out
    assert "Arbejdet er i gang." in text  # the long promise's start has a note: it stays
    assert "Borgerrådgiveren er ansat." in text and "Stillingen er slået op." not in text
    assert "Stillingen er slået op." in text_of(site / "sager" / "2018-09-01-foerste" / "index.html")
    assert "Kritik af jobcentret" in text  # the rest of the thread is listed


def _thread_links(page: Path) -> tuple[list[str], list[str]]:
    """The entries a page's "Hele forløbet" links to, and those its left-out runs link to."""
    html = page.read_text("utf-8")
    thread = html.split('<ol class="jct-thread"', 1)[1].split("</ol>", 1)[0]
    gaps = re.findall(r'<li class="jct-gap">[^<]*<a href="\.\./([^/]+)/"', thread)
    links = re.findall(r'<a href="\.\./([^/]+)/"', thread)
    return [link for link in links if link not in gaps], gaps


def test_a_long_thread_lists_its_ends_and_the_nearest_entries_and_can_be_walked(tmp_path):
    """A report answered twelve times: each page lists the first and newest entries and the
    three on each side of its own; each run left out links to its first entry, so following
    those links reaches every entry of the thread."""
    ids = ["2018-01-01-kritik"] + [f"2018-02-{day:02d}-svar" for day in range(1, 13)]
    files = {f"koebenhavn/{ids[0]}.yaml": dump(report(date="2018-01-01"))}
    for day, entry_id in enumerate(ids[1:], start=1):
        files[f"koebenhavn/{entry_id}.yaml"] = dump(response([ids[0]], date=f"2018-02-{day:02d}",
                                                             title=f"Svar nummer {day}"))
    code, site, problems = build_fixture_site(tmp_path, files)
    assert code == 0, "\n".join(map(str, problems))

    def page(entry_id: str) -> Path:
        return site / "sager" / entry_id / "index.html"

    shown, gaps = _thread_links(page(ids[0]))  # the page itself is not a link
    assert shown == ids[1:4] + ids[-1:] and gaps == [ids[4]]
    assert "Listen har 13 sager" in text_of(page(ids[0])) and "… 8 sager mere, fra" in text_of(page(ids[0]))
    shown, gaps = _thread_links(page(ids[6]))
    assert shown == [ids[0], *ids[3:6], *ids[7:10], ids[12]] and gaps == [ids[1], ids[10]]
    assert 'value="4"' in page(ids[6]).read_text("utf-8")  # numbered by place in the thread
    reached, todo = {ids[0]}, [ids[0]]
    while todo:
        for link in sum(_thread_links(page(todo.pop())), []):
            if link not in reached:
                reached.add(link)
                todo.append(link)
    assert reached == set(ids)


def test_a_long_history_shows_the_plans_own_step_and_the_latest_three(tmp_path):
    days = [f"2019-0{month}-01" for month in range(1, 7)]
    files = {"koebenhavn/2018-05-01-handleplan.yaml": dump(plan([promise(
        status="in-progress", status_note="Planen er vedtaget.", sources=[dict(SOURCE)], checks=replied_checks())]))}
    for n, day in enumerate(days, start=1):
        files[f"koebenhavn/{day}-status.yaml"] = dump(update("2018-05-01-handleplan", [
            {"promise": "handleplan", "status": "stalled" if n % 2 else "in-progress", "note": f"Status {n}."}],
            date=day))
    code, site, problems = build_fixture_site(tmp_path, files)
    assert code == 0, "\n".join(map(str, problems))
    html = (site / "sager" / "2018-05-01-handleplan" / "index.html").read_text("utf-8")
    history = html.split('<ol class="jct-history"', 1)[1].split("</ol>", 1)[0]
    assert "Planen er vedtaget." in history and "Status 6." in history and "Status 3." not in history
    assert re.findall(r'href="\.\./([^/]+)/"', history) == [f"{day}-status" for day in ["2019-01-01", *days[3:]]]
    assert "… 3 trin mere, fra" in " ".join(history.split())
    assert "Status 1." in text_of(site / "sager" / "2019-01-01-status" / "index.html")
