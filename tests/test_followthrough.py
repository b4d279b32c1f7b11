"""Was the promise kept, and on time? Lateness, one state per promise, threads in the order things
happened, and the queue of promises due a check: in the corpus, on the pages, in the feeds and files.

One small Vejle record, built once with the real mkdocs.yml, carries every case: a report known to
the day answered by a response known to the month, a plan whose promises are kept late (to the
month, to the day, to the year), kept on time, overdue with nothing known, overdue but in progress,
and one nobody has looked into for years.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
import yaml
from conftest import REPO, build_fixture_site, write_cases
from helpers import dump, plan, promise, report, response, update
from test_site import parse

from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.dates import PartialDate, lateness
from jobcentertjek.entries.model import STATE_LABELS
from jobcentertjek.entries.validate import check_paths
from jobcentertjek.outputs.queue_issue import issue_body
from jobcentertjek.site.forms import CHECK_FORM, NEW_CASE_FORM, Forms

REPORT_ID = "2020-01-10-kritik-af-ventetider"
RESPONSE_ID = "2020-01-borgmesteren-svarer"
PLAN_ID = "2020-02-03-handleplan-for-ventetider"
OLD_PLAN_ID = "2016-handleplan-om-samtaler"
TODAY = dt.date(2026, 12, 7)  # the build day: SOURCE_DATE_EPOCH is not set by the fixture, so pin `on`


def _promise(pid: str, text: str, deadline, **fields) -> dict:
    return promise(id=pid, text=text, deadline=deadline, **fields)


def _files() -> dict[str, str]:
    change = lambda pid, status: {"promise": pid, "status": status}  # noqa: E731
    return {
        f"vejle/{REPORT_ID}.yaml": dump(report(date="2020-01-10", kommune="vejle", title="Lange ventetider i Vejle")),
        f"vejle/{RESPONSE_ID}.yaml": dump(response([REPORT_ID], date="2020-01", kommune="vejle",
                                                   title="Borgmesteren vil se på ventetiderne")),
        f"vejle/{PLAN_ID}.yaml": dump(plan([
            _promise("maaned-for-sent", "Alle sygemeldte får en samtale inden for fire uger.", "2020-06"),
            _promise("dage-for-sent", "Udvalget får en redegørelse om ventetiderne.", "2020-03-01"),
            _promise("aar-for-sent", "Jobcentret ansætter to sagsbehandlere.", "2020"),
            _promise("til-tiden", "Borgerne får en kontaktperson.", "2020-12-31"),
            _promise("overskredet", "Kommunen laver en brugerundersøgelse.", "2021-06"),
            _promise("i-gang-for-sent", "Jobcentret digitaliserer sine breve.", "2021-01"),
        ], date="2020-02-03", kommune="vejle", responds_to=[REPORT_ID], title="Handleplan for kortere ventetider")),
        # published on 15 April, saying the report came on 24 March: lateness counts from when it happened
        "vejle/2020-04-15-redegoerelsen.yaml": dump(update(
            PLAN_ID, [{**change("dage-for-sent", "partly-kept"), "done": "2020-03-24"}], date="2020-04-15",
            kommune="vejle", title="Redegørelsen kom")),
        "vejle/2020-11-samtaler-inden-for-fire-uger.yaml": dump(update(
            PLAN_ID, [change("maaned-for-sent", "kept"), change("til-tiden", "kept")], date="2020-11",
            kommune="vejle", title="Samtalerne holdes til tiden")),
        "vejle/2021-sagsbehandlere-ansat.yaml": dump(update(PLAN_ID, [change("aar-for-sent", "kept")], date="2021",
                                                            kommune="vejle", title="To nye sagsbehandlere")),
        "vejle/2021-02-digitalisering-i-gang.yaml": dump(update(PLAN_ID, [change("i-gang-for-sent", "in-progress")],
                                                               date="2021-02", kommune="vejle",
                                                               title="Digitaliseringen er i gang")),
        f"vejle/{OLD_PLAN_ID}.yaml": dump(plan([_promise("samtaler", "Flere samtaler med sygemeldte.", None)],
                                               date="2016", kommune="vejle", title="En ældre plan om samtaler")),
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    loaded = Corpus.load(write_cases(tmp_path_factory.mktemp("followthrough-corpus"), _files()))
    return Corpus.from_entries(loaded.entries, on=TODAY)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    code, built, problems = build_fixture_site(tmp_path_factory.mktemp("followthrough"), _files())
    assert code == 0, "\n".join(map(str, problems))
    return built


def tracked(corpus) -> dict:
    return {p.promise.id: p for p in corpus.promises}


def words(page: Path) -> str:
    """The page's text as a reader reads it: an element boundary inside a sentence adds no space."""
    return " ".join(re.sub(r"<[^>]+>", "", page.read_text("utf-8")).replace("\xad", "").split())


# --- lateness, at the precision both dates allow ------------------------------------------------


@pytest.mark.parametrize(("deadline", "done", "text", "late_by", "precision"), [
    ("2020-06", "2020-11", "5 måneder for sent", 5, "month"),
    ("2020-10", "2021-10", "1 år for sent", 12, "month"),
    ("2020-10", "2021-12-02", "1 år og 2 måneder for sent", 14, "month"),
    ("2020-03-01", "2020-03-24", "23 dage for sent", 23, "day"),
    ("2020-03-01", "2020-03-02", "1 dag for sent", 1, "day"),
    ("2020", "2021-03", "efter fristen", None, "year"),
    ("2020-06", "2021", "efter fristen", None, "year"),
    ("2020-06", "2020-06-30", "til tiden", None, None),
    ("2020-12-31", "2020-12", "til tiden", None, None),
    ("2020-06", "2020", "uvist, om det var til tiden", None, None),
])
def test_lateness_is_as_precise_as_both_dates(deadline, done, text, late_by, precision):
    found = lateness(PartialDate.parse(deadline), PartialDate.parse(done))
    assert (found.danish(), found.late_by, found.precision) == (text, late_by, precision)


def test_a_change_may_say_when_it_happened_and_is_checked(tmp_path):
    files = _files()
    files["vejle/2020-04-15-redegoerelsen.yaml"] = files["vejle/2020-04-15-redegoerelsen.yaml"].replace(
        "done: '2020-03-24'", "done: '2020-05'")
    _, problems = check_paths([write_cases(tmp_path, files)])
    assert [(p.field, p.message) for p in problems if p.severity == "error"] == [
        ("changes[0].done", "2020-05 ligger efter opfølgningens dato 2020-04-15; done er, hvornår det skete, "
                            "som kilden viser det")]


def test_each_promise_has_one_state_and_its_lateness(corpus):
    p = tracked(corpus)
    told = {pid: (p[pid].state_label, p[pid].lateness.danish()) for pid in
            ("maaned-for-sent", "dage-for-sent", "aar-for-sent", "til-tiden")}
    assert told == {"maaned-for-sent": ("Holdt", "5 måneder for sent"),
                    "dage-for-sent": ("Delvist holdt", "23 dage for sent"),
                    "aar-for-sent": ("Holdt", "efter fristen"), "til-tiden": ("Holdt", "til tiden")}
    assert p["overskredet"].state == "overdue"
    assert p["overskredet"].state_label == "Frist overskredet – intet viser, at det er holdt"
    assert p["i-gang-for-sent"].state_label == "Frist overskredet – arbejdet er stadig i gang"
    assert p["samtaler"].state == "not-assessed" and p["samtaler"].lateness is None
    counts = {state: n for state, _, n in corpus.state_counts(corpus.promises)}
    assert sum(counts.values()) == len(corpus.promises) == 7  # each promise counted once
    assert counts == {**{s: 0 for s in STATE_LABELS}, "kept": 3, "partly-kept": 1, "overdue": 2, "not-assessed": 1}


def test_the_plan_page_states_lateness_beside_the_status_and_never_two_statuses(site):
    text = words(site / "sager" / PLAN_ID / "index.html")
    assert "Status: Holdt 5 måneder for sent · Frist: juni 2020" in text
    assert "Status: Delvist holdt 23 dage for sent · Frist: 1. marts 2020" in text
    assert "Status: Holdt til tiden · Frist: 31. december 2020" in text
    assert "Status: Frist overskredet – intet viser, at det er holdt · Frist: juni 2021" in text
    assert "Ikke vurderet Frist overskredet" not in text and "Ikke vurderet" not in text


def test_the_tracker_shows_lateness_and_filters_by_it(site):
    page = site / "loefter" / "index.html"
    rows = [attrs for tag, attrs in parse(page).elements if tag == "tr" and "data-status" in attrs]
    assert sorted(r["data-timeliness"] for r in rows) == ["", "", "", "late", "late", "late", "on-time"]
    assert "5 måneder for sent" in words(page) and "I forhold til fristen" in words(page)
    late = words(site / "loefter" / "holdt-for-sent" / "index.html")
    assert "Alle sygemeldte får en samtale" in late and "Borgerne får en kontaktperson" not in late
    assert "Borgerne får en kontaktperson" in words(site / "loefter" / "holdt-til-tiden" / "index.html")
    overdue = words(site / "loefter" / "frist-overskredet" / "index.html")
    assert "brugerundersøgelse" in overdue and "digitaliserer" in overdue and "samtale inden" not in overdue


def test_the_kommune_comparison_counts_kept_on_time_and_late(site):
    rows = {r["kommune"]: r for r in csv.DictReader(io.StringIO((site / "data" / "kommuner.csv").read_text("utf-8")))}
    assert (rows["vejle"]["kept_on_time"], rows["vejle"]["kept_late"], rows["vejle"]["status_overdue"]) == ("1", "3", "2")


def test_the_data_files_carry_state_and_lateness_with_its_precision(site):
    rows = {r["promise_id"]: r for r in csv.DictReader(io.StringIO((site / "data" / "promises.csv").read_text("utf-8")))}
    pick = lambda r: (r["state"], r["timeliness"], r["late_by"], r["late_by_precision"])  # noqa: E731
    assert pick(rows["maaned-for-sent"]) == ("kept", "late", "5", "month")
    assert pick(rows["dage-for-sent"]) == ("partly-kept", "late", "23", "day")
    assert pick(rows["aar-for-sent"]) == ("kept", "late", "", "year")
    assert pick(rows["til-tiden"]) == ("kept", "on-time", "", "")
    assert pick(rows["overskredet"])[:2] == ("overdue", "")
    entries = {e["id"]: e for e in json.loads((site / "data" / "entries.json").read_text("utf-8"))["entries"]}
    assessed = entries[PLAN_ID]["promise_assessments"]
    assert assessed["maaned-for-sent"]["lateness"] == {"timeliness": "late", "late_by": 5, "precision": "month",
                                                       "text": "5 måneder for sent"}
    assert assessed["overskredet"]["state"] == "overdue" and "promise_assessments" not in entries[REPORT_ID]
    documented = (REPO / "docs" / "data.md").read_text("utf-8")
    for column in ("timeliness", "late_by", "late_by_precision", "state", "kept_on_time", "kept_late",
                   "promise_assessments"):
        assert f"`{column}`" in documented, column


def test_the_promise_feed_says_how_late_when_the_status_changes(site):
    feed = feedparser.parse((site / "loefter" / "feed.xml").read_bytes())
    item = next(i for i in feed.entries if i.title.endswith("Samtalerne holdes til tiden"))
    text = " ".join(re.sub(r"<[^>]+>", "", item.description).split())
    assert "Holdt – 5 måneder for sent (før: Ikke vurderet)" in text
    assert "Holdt – til tiden (før: Ikke vurderet)" in text


def test_the_timeline_draws_the_late_span_and_counts_in_danish(site):
    html = (site / "sager" / PLAN_ID / "index.html").read_text("utf-8")
    assert 'class="tl-late tl-late--kept-late"' in html and ">Holdt 5 måneder for sent</text>" in html
    assert "stiplet: holdt for sent" in html
    desc = re.search(r"<desc>(.*?)</desc>", html).group(1)
    assert desc.startswith("7 sager;") and "6 løfter, 2 over fristen, 3 holdt for sent" in desc


# --- threads in the order things happened ---------------------------------------------------------


def test_a_response_known_to_the_month_comes_after_the_report_of_that_month(corpus, site):
    thread = [e.id for e in corpus.threads[REPORT_ID]]
    assert thread.index(REPORT_ID) < thread.index(RESPONSE_ID) < thread.index(PLAN_ID)
    timeline = [e.id for e in corpus.by_kommune["vejle"]]  # newest first
    assert timeline.index(RESPONSE_ID) < timeline.index(REPORT_ID)
    page = (site / "sager" / RESPONSE_ID / "index.html").read_text("utf-8")
    listed = re.findall(r'<li id="f\d+"[^>]*>.*?</li>', page.split('<ol class="jct-thread"', 1)[1], re.S)
    order = [next((i for i in (REPORT_ID, RESPONSE_ID, PLAN_ID) if i in li or "denne side" in li and i == RESPONSE_ID),
                  None) for li in listed[:3]]
    assert order == [REPORT_ID, RESPONSE_ID, PLAN_ID]


def test_checks_show_under_the_promise_newest_first_with_the_kommunes_answer_or_silence(tmp_path):
    checks = [{"date": "2022-03-01", "searched": "Udvalgets referater", "found": "Intet om undersøgelsen.",
               "asked": {"date": "2022-02-10", "how": "e-mail til jobcentret"}},
              {"date": "2022-10-04", "searched": "Referater og lokalavisen", "found": "Stadig intet.",
               "asked": {"date": "2022-09-01", "how": "e-mail til jobcentret", "answer": "Den er ikke lavet.",
                         "answer_date": "2022-09-20"}}]
    files = {f"vejle/{PLAN_ID}.yaml": dump(plan([_promise("overskredet", "Kommunen laver en brugerundersøgelse.",
                                                          "2021-06", checks=checks)],
                                                date="2020-02-03", kommune="vejle", title="Handleplan"))}
    code, built, problems = build_fixture_site(tmp_path, files)
    assert code == 0, "\n".join(map(str, problems))
    text = words(built / "sager" / PLAN_ID / "index.html")
    newest = ("Efterprøvet 4. oktober 2022: Stadig intet. Der er ledt i: Referater og lokalavisen Kommunen blev "
              "spurgt 1. september 2022 (e-mail til jobcentret) og svarede 20. september 2022: »Den er ikke lavet.«")
    oldest = ("Efterprøvet 1. marts 2022: Intet om undersøgelsen. Der er ledt i: Udvalgets referater Kommunen blev "
              "spurgt 10. februar 2022 (e-mail til jobcentret) og har ikke svaret.")
    assert newest in text and oldest in text and text.index(newest) < text.index(oldest)
    assert "«." not in text  # an answer ending a sentence gets no second full stop


def test_the_whole_thread_on_a_plan_page_includes_its_follow_ups_and_is_named_after_the_criticism(site):
    page = site / "sager" / PLAN_ID / "index.html"
    thread = page.read_text("utf-8").split('<ol class="jct-thread"', 1)[1].split("</ol>", 1)[0]
    assert "2020-11-samtaler-inden-for-fire-uger" in thread and "2021-sagsbehandlere-ansat" in thread
    assert "Forløbet om Lange ventetider i Vejle: 7 sager, i den rækkefølge det skete." in words(page)


# --- the queue of promises due a check -----------------------------------------------------------


def test_the_queue_holds_open_promises_nobody_checked_for_a_year_most_urgent_first(corpus):
    assert [p.promise.id for p in corpus.due_for_check] == ["i-gang-for-sent", "overskredet", "samtaler"]


def test_the_queue_page_offers_both_forms_for_each_promise_and_is_linked(site):
    page = site / "loefter" / "skal-efterproeves" / "index.html"
    text = words(page)
    assert "3 løfter venter på en efterprøvning." in text
    assert text.index("digitaliserer") < text.index("brugerundersøgelse") < text.index("Flere samtaler")
    links = [a["href"] for tag, a in parse(page).elements if tag == "a" and "github.com" in a.get("href", "")]
    assert len(links) == 6
    found, nothing = (parse_qs(urlsplit(link).query) for link in links[:2])
    assert found == {"template": [NEW_CASE_FORM], "kommune": ["Vejle"], "update-plan": [PLAN_ID],
                     "update-promises": ["i-gang-for-sent"]}
    assert nothing == {"template": [CHECK_FORM], "plan": [PLAN_ID], "promise": ["i-gang-for-sent"]}
    for linking in (site / "index.html", site / "kommuner" / "vejle" / "index.html"):
        hrefs = [a.get("href", "") for tag, a in parse(linking).elements if tag == "a"]
        assert any(h.endswith("loefter/skal-efterproeves/") for h in hrefs), linking
    kommune = words(site / "kommuner" / "vejle" / "index.html")
    assert "Løfter, der skal efterprøves 3 løfter fra Vejle har ingen endelig status" in kommune


def test_every_field_the_site_prefills_is_a_field_of_its_form():
    forms = Forms("https://github.com/o/r")
    corpus = Corpus.load(REPO / "tests" / "golden" / "cases")
    p = corpus.due_for_check[0]
    for url in (forms.found_outcome(p), forms.found_nothing(p), forms.new_case(_Kommune("Ærø"))):
        query = parse_qs(urlsplit(url).query)
        template = REPO / ".github" / "ISSUE_TEMPLATE" / query.pop("template")[0]
        ids = {field.get("id") for field in yaml.safe_load(template.read_text("utf-8"))["body"]}
        assert set(query) <= ids, (template.name, set(query) - ids)


class _Kommune:
    def __init__(self, name: str):
        self.name = name


def test_the_monthly_issue_lists_the_queue_with_both_forms_and_escapes_the_entries_words(corpus):
    body = issue_body(corpus, "https://github.com/o/r", "https://example.org/site/")
    items = re.findall(r"^\d+\. \*\*(\w+)\*\*: \[(.+?)\]\((\S+)\)$", body, re.M)
    assert [(k, link.rsplit("#", 1)[1]) for k, _, link in items] == [
        ("Vejle", "loefte-i-gang-for-sent"), ("Vejle", "loefte-overskredet"), ("Vejle", "loefte-samtaler")]
    assert "3 løfter skal efterprøves." in body and body.count("Jeg har ledt og intet fundet](") == 3
    assert "Frist: januar 2021 (2.136 dage over)" in body


def test_the_command_exits_1_when_promises_are_due_and_0_when_none_are(tmp_path):
    cases = write_cases(tmp_path / "a", _files())
    out = tmp_path / "issue.md"
    run = subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "efterproevning", "--cases", str(cases),
                          "--config-file", str(REPO / "mkdocs.yml"), "--markdown", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 1 and "3 løfter skal efterprøves." in run.stderr and out.read_text("utf-8")
    recent = write_cases(tmp_path / "b", {f"vejle/{REPORT_ID}.yaml": dump(report(kommune="vejle", date="2020-01-10"))})
    run = subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "efterproevning", "--cases", str(recent)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0 and "0 løfter skal efterprøves." in run.stderr


# --- no ids in reader text ---------------------------------------------------------------------


def _visible_text(html: str) -> str:
    """What a reader (or a screen reader) gets: text and SVG titles and descriptions; no attributes,
    no scripts or styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _ids(cases: Path) -> set[str]:
    """Entry ids, and promise ids with a hyphen (one-word ids such as "handleplan" are Danish words)."""
    corpus = Corpus.load(cases)
    return {e.id for e in corpus.entries} | {p.promise.id for p in corpus.promises if "-" in p.promise.id}


def test_no_built_page_or_feed_shows_an_entry_or_promise_id(built_site):
    ids = _ids(REPO / "cases")
    found = []
    for page in built_site.rglob("*.html"):
        text = _visible_text(page.read_text("utf-8"))
        found += [(str(page.relative_to(built_site)), i) for i in ids if i in text]
    for feed in built_site.rglob("feed.xml"):
        for item in feedparser.parse(feed.read_bytes()).entries:
            text = item.title + " " + _visible_text(item.get("description", ""))
            found += [(str(feed.relative_to(built_site)), i) for i in ids if i in text]
    assert found == []
