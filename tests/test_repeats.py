"""Criticism that came back: a report's ``repeats`` on the site, in the feeds, in the open data,
and the check's hints. The validator's messages are in tests/bad_entries/80-85."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from conftest import build_fixture_site, write_cases
from helpers import dump, plan, promise, replied_checks, report, update
from test_site import Elements, parse, text_of

from jobcentertjek.contribute import hints
from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.dates import PartialDate, elapsed
from jobcentertjek.entries.validate import check_paths
from jobcentertjek.site import pages as site
from jobcentertjek.site.pages import SiteGenerator, SiteSettings

PLAN = "2016-05-01-handleplan"
NATIONAL_PLAN = "2015-06-01-national-plan"
FIRST = "2019-02-01-kritik-igen"
SECOND = "2020-01-kritik-igen-igen"
NOTE = "Rapporten peger igen på for mange sager pr. sagsbehandler."
FILES = {
    f"koebenhavn/{PLAN}.yaml": dump(plan([
        promise(id="faerre-sager", text="Hver sagsbehandler får højst 45 sager.", deadline="2017-01",
                checks=replied_checks()),
        promise(id="handleplan")], date="2016-05-01", tags=["handleplan", "sagsbehandling"])),
    "koebenhavn/2017-03-01-status.yaml": dump(update(PLAN, [{"promise": "faerre-sager", "status": "in-progress"}],
                                                     date="2017-03-01", title="Arbejdet er i gang")),
    "koebenhavn/2019-06-01-brudt.yaml": dump(update(PLAN, [{"promise": "faerre-sager", "status": "broken"}],
                                                    date="2019-06-01", title="Løftet er brudt")),
    f"hele-landet/{NATIONAL_PLAN}.yaml": dump(plan([
        promise(id="hurtigere-afklaring", text="Syge borgere skal afklares hurtigere.", deadline=None,
                promised_by={"name": "Beskæftigelsesministeren"})],
        date="2015-06-01", kommune="hele-landet", title="Regeringens plan for hurtigere afklaring")),
    f"koebenhavn/{FIRST}.yaml": dump(report(
        date="2019-02-01", title="Sagsbehandlerne har stadig for mange sager",
        repeats=[{"plan": PLAN, "promise": "faerre-sager", "note": NOTE}])),
    f"koebenhavn/{SECOND}.yaml": dump(report(
        date="2020-01", title="Igen for mange sager og langsom afklaring",
        repeats=[{"plan": PLAN, "promise": "faerre-sager"}, {"plan": NATIONAL_PLAN, "promise": "hurtigere-afklaring"}])),
}


@pytest.fixture(scope="module")
def repeat_site(tmp_path_factory) -> Path:
    code, built, problems = build_fixture_site(tmp_path_factory.mktemp("repeats"), FILES)
    assert code == 0, "\n".join(map(str, problems))
    return built


@pytest.fixture(scope="module")
def corpus(repeat_site) -> Corpus:
    return Corpus.load(repeat_site.parent / "cases")


def page(built: Path, path: str) -> Path:
    return built / path / "index.html"


def words(path: Path) -> str:
    """The page's text as a reader sees it: no space where an element ends before punctuation."""
    return re.sub(r" ([,.:;)])", r"\1", text_of(path)).replace("( ", "(")


# --- the status at the time, and how long before ---------------------------------------------


@pytest.mark.parametrize("day, status", [
    ("2016-05-01", "not-assessed"), ("2017-02-28", "not-assessed"), ("2017", "not-assessed"),
    ("2017-03-01", "in-progress"),  # an update of the same day counts
    ("2017-03", "in-progress"),  # a month counts from its first day
    ("2019-05-31", "in-progress"), ("2019-06-01", "broken"), ("2020-01", "broken"),
])
def test_status_at_the_time_is_the_last_step_on_or_before_the_date(corpus, day, status):
    tracked, = [p for p in corpus.promises if p.key == f"{PLAN}#faerre-sager"]
    assert tracked.status_on(PartialDate.parse(day)) == status


def test_each_repeat_carries_the_status_on_the_reports_date(corpus):
    assert [(r.report.id, r.promise.key, r.status_then) for r in corpus.recurrences] == [
        (SECOND, f"{PLAN}#faerre-sager", "broken"),
        (SECOND, f"{NATIONAL_PLAN}#hurtigere-afklaring", "not-assessed"),
        (FIRST, f"{PLAN}#faerre-sager", "in-progress"),
    ]


@pytest.mark.parametrize("earlier, later, text", [
    ("2016-05-01", "2019-02-01", "2 år og 9 måneder"), ("2015-06-01", "2020-01", "4 år og 7 måneder"),
    ("2017-01-31", "2018-03-01", "1 år og 1 måned"), ("2018-04-16", "2018-05-02", "under en måned"),
    ("2014-05", "2020", "ca. 6 år"), ("2020", "2020-06-01", "under et år"),
])
def test_how_long_before_is_said_as_precisely_as_the_dates_allow(earlier, later, text):
    assert elapsed(PartialDate.parse(earlier), PartialDate.parse(later)) == text


# --- the pages -------------------------------------------------------------------------------


def test_report_page_says_what_was_promised_before(repeat_site):
    first = words(page(repeat_site, f"sager/{FIRST}"))
    assert ("Dette er lovet før Kritikken gælder noget, som allerede var lovet: Hver sagsbehandler får højst 45 "
            "sager. Lovet af Udvalget, politisk udvalg i Handleplan, 1. maj 2016: 2 år og 9 måneder før "
            "denne kritik. "
            f"Status da kritikken kom: I gang · Status i dag: Brudt {NOTE}") in first
    hrefs = [a.get("href") for tag, a in parse(page(repeat_site, f"sager/{FIRST}")).elements if tag == "a"]
    assert f"../{PLAN}/#loefte-faerre-sager" in hrefs
    second = words(page(repeat_site, f"sager/{SECOND}"))
    assert "Status da kritikken kom: Brudt · Status i dag: Brudt" in second
    assert ("Lovet af Beskæftigelsesministeren i Regeringens plan for hurtigere afklaring, 1. juni 2015: "
            "4 år og 7 måneder før denne kritik.") in second
    assert "Dette er lovet før" not in text_of(page(repeat_site, f"sager/{PLAN}"))


def test_plan_page_links_the_later_reports_at_the_promise_newest_first(repeat_site):
    html = page(repeat_site, f"sager/{PLAN}").read_text("utf-8")
    promise = html.split('id="loefte-faerre-sager"', 1)[1].split("</section>", 1)[0]
    assert (f'<p class="jct-again">Kritikken kom igen: <a href="../{SECOND}/">januar 2020</a>, '
            f'<a href="../{FIRST}/">1. februar 2019</a>.</p>') in promise
    assert html.count('class="jct-again"') == 1  # the other promise was not criticised again


def test_a_promise_criticised_again_many_times_links_the_newest_and_the_whole_list(tmp_path):
    files = {f"koebenhavn/{PLAN}.yaml": FILES[f"koebenhavn/{PLAN}.yaml"],
             **{f"koebenhavn/2019-0{n}-01-igen-{n}.yaml": dump(report(
                 date=f"2019-0{n}-01", repeats=[{"plan": PLAN, "promise": "faerre-sager"}])) for n in range(1, 6)}}
    pages = SiteGenerator(Corpus.load(write_cases(tmp_path, files)), SiteSettings(repo_url="https://x")).sources()
    line = pages[f"sager/{PLAN}.md"].split('<p class="jct-again">', 1)[1].split("</p>", 1)[0]
    assert [part.split('">')[1] for part in line.split("</a>")[:-1]] == [
        "1. maj 2019", "1. april 2019", "1. marts 2019", "alle"]
    assert "og 2 gange tidligere (" in line
    assert '<a href="../../kommuner/koebenhavn/#gentaget">alle</a>' in line


def parse_text(html: str) -> str:
    parser = Elements()
    parser.feed(html)
    return " ".join(parser.text)


def repeated_rows(path: Path) -> dict[str, str]:
    """Each promise row's link target and its "Kritik igen" cell, for rows marked as criticised again."""
    html = path.read_text("utf-8")
    rows = {}
    for row in html.split("<tr ")[1:]:
        if "data-status" not in row.split(">", 1)[0]:
            continue  # the heading row
        link = row.split('href="', 1)[1].split('"', 1)[0]
        rows[link.rsplit("/", 1)[-1]] = ("ja" if 'data-repeated="ja"' in row else "nej",
                                         " ".join(parse_text(row.split("</td>")[-2]).split()))
    return rows


def test_promise_tracker_marks_and_filters_promises_criticised_again(repeat_site):
    assert repeated_rows(page(repeat_site, "loefter")) == {
        "#loefte-faerre-sager": ("ja", "2 gange"), "#loefte-handleplan": ("nej", "–"),
        "#loefte-hurtigere-afklaring": ("ja", "1 gang")}
    html = page(repeat_site, "loefter").read_text("utf-8")
    assert f'href="../sager/{PLAN}/#loefte-faerre-sager">2 gange</a>' in html
    assert '<a href="kritikken-kom-igen/">Kritikken kom igen (2)</a>' in html
    assert '<option value="repeated">Kritikken kom igen</option>' in html  # the JavaScript filter
    filtered = page(repeat_site, "loefter/kritikken-kom-igen")
    assert set(repeated_rows(filtered)) == {"#loefte-faerre-sager", "#loefte-hurtigere-afklaring"}
    assert "<h1>Løfter: Kritikken kom igen</h1>" in filtered.read_text("utf-8")


def test_kommune_page_counts_and_lists_its_promises_criticised_again(repeat_site):
    path = page(repeat_site, "kommuner/koebenhavn")
    text = words(path)
    assert "Kritikken kom igen: 1 af kommunens 2 løfter er kritiseret igen af en senere rapport (se listen)." in text
    listed = text.split("Gentaget kritik i hele landet.", 1)[1].strip()
    assert listed.startswith("Hver sagsbehandler får højst 45 sager. (1. maj 2016; i dag: Brudt) januar 2020: "
                             "Igen for mange sager og langsom afklaring 1. februar 2019: Sagsbehandlerne har stadig")
    assert repeated_rows(path)["#loefte-faerre-sager"] == ("ja", "2 gange")
    assert '<option value="repeated">Kritikken kom igen</option>' in path.read_text("utf-8")
    national = page(repeat_site, "kommuner/hele-landet")  # the promise is hele-landet's; the report København's
    assert "Kritikken kom igen: 1 af kommunens 1 løfter" in text_of(national)
    assert 'id="gentaget"' in national.read_text("utf-8")


def test_national_page_lists_every_repeat_by_kommune_with_counts(repeat_site):
    path = page(repeat_site, "gentaget")
    text = words(path)
    assert "Gentaget kritik pr. kommune: 3 i 2 kommuner Kommune Gange København 2 Hele landet 1" in text
    html = path.read_text("utf-8")
    copenhagen = html.split('id="kommune-koebenhavn"', 1)[1].split("</section>", 1)[0]
    assert copenhagen.index(SECOND) < copenhagen.index(FIRST)
    national = html.split('id="kommune-hele-landet"', 1)[1].split("</section>", 1)[0]
    assert SECOND in national and FIRST not in national
    assert "København" in parse_text(national)  # the report's own kommune, named where it differs
    assert '<a href="../kommuner/koebenhavn/#gentaget">København</a>' in html
    assert not list(path.parent.glob("[0-9]*"))  # three repeats: one page


def test_a_long_national_list_is_split_by_year(corpus, monkeypatch):
    monkeypatch.setattr(site, "REPEAT_PAGE_ROWS", 1)
    pages = {p.uri: p for p in SiteGenerator(corpus, SiteSettings(repo_url="https://x")).pages()
             if p.uri.startswith("gentaget/")}
    assert sorted(pages) == ["gentaget/2019.md", "gentaget/index.md"]
    main, older = pages["gentaget/index.md"], pages["gentaget/2019.md"]
    def shown(page):  # (kommune, report) per card
        return [(slug, rs[0].report.id, len(rs)) for slug, reports in page.context["groups"].items() for rs in reports]
    assert shown(main) == [("koebenhavn", SECOND, 1), ("hele-landet", SECOND, 1)]
    assert shown(older) == [("koebenhavn", FIRST, 1)]
    assert main.context["archive"] == [(2019, 1, "gentaget/2019/")]
    sources = SiteGenerator(corpus, SiteSettings(repo_url="https://x")).sources()
    assert 'href="2019/"' in sources["gentaget/index.md"] and "Gentaget kritik, 2019" in sources["gentaget/2019.md"]


# --- feeds and open data -----------------------------------------------------------------------


def feed_items(path: Path) -> list:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed.entries


def test_a_repeat_is_an_item_of_its_own_in_the_kommune_and_promise_feeds(repeat_site):
    items = feed_items(repeat_site / "kommuner" / "koebenhavn" / "feed.xml")
    again = [i for i in items if i.title.startswith("Kritikken kom igen: ")]
    assert [i.title for i in again] == ["Kritikken kom igen: Igen for mange sager og langsom afklaring",
                                        "Kritikken kom igen: Sagsbehandlerne har stadig for mange sager"]
    assert again[0].id == f"{SECOND}#kritikken-kom-igen"
    assert again[0].link.endswith(f"/sager/{SECOND}/#lovet-foer")
    assert "Status da kritikken kom: Brudt; i dag: Brudt" in again[0].description
    assert "Status da kritikken kom: Ikke vurderet; i dag: Ikke vurderet" in again[0].description
    assert NOTE in again[1].description
    assert len(items) == 5 + 2  # the five København entries and both repeats
    national = [i.title for i in feed_items(repeat_site / "kommuner" / "hele-landet" / "feed.xml")]
    assert "Kritikken kom igen: Igen for mange sager og langsom afklaring" in national  # its promise is national
    assert "Kritikken kom igen: Sagsbehandlerne har stadig for mange sager" not in national
    promises = [i.title for i in feed_items(repeat_site / "loefter" / "feed.xml")]
    assert promises.index("Kritikken kom igen: Igen for mange sager og langsom afklaring") == 0
    assert "Kritikken kom igen: Sagsbehandlerne har stadig for mange sager" in promises


def test_open_data_has_repeats_in_entries_json_and_repeats_csv(repeat_site):
    entries = {e["id"]: e for e in json.loads((repeat_site / "data" / "entries.json").read_text("utf-8"))["entries"]}
    assert entries[FIRST]["repeats"] == [{"plan": PLAN, "promise": "faerre-sager", "note": NOTE}]
    assert "repeats" not in entries[PLAN]
    rows = list(csv.DictReader(io.StringIO((repeat_site / "data" / "repeats.csv").read_text("utf-8"))))
    assert [(r["report_id"], r["plan_id"], r["promise_id"], r["kommune"], r["report_kommune"], r["report_date"],
             r["promise_date"], r["status_at_report"], r["status_today"], r["note"]) for r in rows] == [
        (SECOND, PLAN, "faerre-sager", "koebenhavn", "koebenhavn", "2020-01", "2016-05-01", "broken", "broken", ""),
        (SECOND, NATIONAL_PLAN, "hurtigere-afklaring", "hele-landet", "koebenhavn", "2020-01", "2015-06-01",
         "not-assessed", "not-assessed", ""),
        (FIRST, PLAN, "faerre-sager", "koebenhavn", "koebenhavn", "2019-02-01", "2016-05-01", "in-progress",
         "broken", NOTE),
    ]
    assert rows[0]["promise_url"].endswith(f"/sager/{PLAN}/#loefte-faerre-sager")


def test_a_national_report_may_repeat_a_kommunes_promise(tmp_path, monkeypatch):
    files = {f"koebenhavn/{PLAN}.yaml": FILES[f"koebenhavn/{PLAN}.yaml"],
             "hele-landet/2019-02-01-landsdaekkende.yaml": dump(report(
                 date="2019-02-01", kommune="hele-landet", repeats=[{"plan": PLAN, "promise": "faerre-sager"}]))}
    monkeypatch.chdir(tmp_path)
    entries, problems = check_paths([write_cases(tmp_path, files)])
    assert problems == [] and len(entries) == 2


# --- hints -----------------------------------------------------------------------------------


def check(cases: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "check", *args, "."], cwd=cases,
                          capture_output=True, text=True)


HINT_PLAN = "2016-05-01-bisidder"
HINT_FILES = {
    f"koebenhavn/{HINT_PLAN}.yaml": dump(plan([
        promise(id="partshoering-og-bisidder", text="Partshøringen sker altid, og alle får tilbudt en bisidder.")],
        date="2016-05-01", tags=["handleplan", "retssikkerhed"])),
    "koebenhavn/2019-02-01-uden-repeats.yaml": dump(report(
        date="2019-02-01", title="Partshøringen bliver stadig glemt", tags=["retssikkerhed"],
        findings=["Ingen fik tilbudt en bisidder.", "Borgerne venter længe."])),
    # Shares the words too, but answers the report and comes after it: never suggested.
    "koebenhavn/2019-03-01-svar-med-plan.yaml": dump(plan([
        promise(id="bisidder", text="Partshøringen sker altid, og alle får tilbudt en bisidder.", deadline=None)],
        date="2019-03-01", responds_to=["2019-02-01-uden-repeats"], tags=["handleplan", "retssikkerhed"])),
    # Other criticism, elsewhere: a record of some size, in which those words are rare.
    **{f"aarhus/2018-01-{n:02d}-ventetid-{n}.yaml": dump(report(
        date=f"2018-01-{n:02d}", kommune="aarhus", title=f"Ventetiden i Aarhus, måling {n}",
        findings=[f"Ventetiden var {n} uger."])) for n in range(1, 31)},
}


def test_check_suggests_an_earlier_promise_as_a_hint_that_never_fails(tmp_path):
    cases = write_cases(tmp_path, HINT_FILES)
    result = check(cases)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "koebenhavn/2019-02-01-uden-repeats.yaml:10:1: repeats: tip: måske et tidligere løfte: "
        f"'partshoering-og-bisidder' i '{HINT_PLAN}' (»Partshøringen sker altid, og alle får tilbudt en bisidder.«); "
        "fælles ord: bisidder, partshøringen, tilbudt; fælles emner: retssikkerhed. Kritiserer rapporten det igen, "
        "så skriv det under repeats"]
    assert "1 tip om løfter" in result.stderr and "--no-hints" in result.stderr
    quiet = check(cases, "--no-hints")
    assert quiet.returncode == 0 and quiet.stdout == "" and "tip" not in quiet.stderr


def test_a_report_that_lists_its_repeats_gets_no_hint_and_under_github_a_hint_is_a_notice(tmp_path):
    files = dict(HINT_FILES)
    files["koebenhavn/2019-02-01-uden-repeats.yaml"] = dump(report(
        date="2019-02-01", title="Partshøringen bliver stadig glemt", tags=["retssikkerhed"],
        findings=["Ingen fik tilbudt en bisidder."], repeats=[{"plan": HINT_PLAN, "promise": "partshoering-og-bisidder"}]))
    assert check(write_cases(tmp_path / "a", files)).stdout == ""
    result = subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "check", "."],
                            cwd=write_cases(tmp_path / "b", HINT_FILES), capture_output=True, text=True,
                            env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert result.stdout.splitlines()[1].startswith(
        "::notice file=koebenhavn/2019-02-01-uden-repeats.yaml,line=10,col=1,title=repeats::måske et tidligere løfte")


def test_at_most_three_hints_per_report_best_first(tmp_path, monkeypatch):
    monkeypatch.setattr(hints, "MIN_SCORE", 0.1)  # let all five compete
    texts = ["Partshøringen sker altid.", "Alle får tilbudt en bisidder.", "Partshøringen sker, og alle får en bisidder.",
             "Ingen venter på en bisidder.", "Alle får tilbudt en bisidder, og partshøringen sker altid."]
    promises = [promise(id=f"loefte-{n}", text=text, deadline=None) for n, text in enumerate(texts)]
    files = {**{k: v for k, v in HINT_FILES.items() if "svar" not in k and "bisidder" not in k},
             "koebenhavn/2017-01-01-stor-plan.yaml": dump(plan(promises, date="2017-01-01",
                                                              tags=["handleplan", "retssikkerhed"]))}
    found = hints.HintFinder(Corpus.load(write_cases(tmp_path, files))).hints()
    assert len(found) == hints.MAX_HINTS and "loefte-4" in [h.promise.promise.id for h in found]
    assert [h.score for h in found] == sorted((h.score for h in found), reverse=True)


def test_precision_and_recall_compare_hints_with_the_repeats_people_wrote(corpus):
    figures = hints.precision_recall(corpus)
    assert figures["repeats"] == 3
    assert 0 <= figures["true_hints"] <= figures["hints"]
    if figures["hints"]:
        assert figures["precision"] == figures["true_hints"] / figures["hints"]
    assert figures["recall"] == figures["true_hints"] / 3


def test_the_national_synthetic_record_has_repeats_and_the_hints_find_some(national_site):
    _, national = national_site
    assert len(national.recurrences) >= 20
    assert {r.report.entry.kommune for r in national.recurrences} & {"koebenhavn", "aarhus"}
    figures = hints.precision_recall(national)
    assert figures["true_hints"] > 0 and figures["precision"] > 0.2 and figures["hints_per_report"] < 0.3
