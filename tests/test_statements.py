"""What the record can say beyond a plan's promises: a response that also promises, an action
already done when it was announced, and the dated searches for a promise's outcome ("checks").

One small Helsingør record, built once with the real mkdocs.yml, carries all three through
the validator, the pages, the tracker (with and without JavaScript), the feeds and the open
data: a news story (the reward scheme), the jobcentre chief's answer that stops it and
promises a review, and an older plan nobody has looked into since.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import feedparser
import pytest
from conftest import build_fixture_site, write_cases
from helpers import SOURCE, dump, plan, promise, report, response, update
from test_site import parse, text_of

from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.model import UNCHECKED_LABEL, json_schema
from jobcentertjek.entries.validate import check_paths

REPORT_ID = "2019-07-04-beloenning-for-lukkede-sager"
RESPONSE_ID = "2019-07-05-jobcenterchef-stopper-ordningen"
PLAN_ID = "2019-08-handleplan-for-sygedagpenge"
CHIEF = {"name": "En Jobcenterchef", "role": "jobcenterchef i Helsingør"}
ARTICLE = {**SOURCE, "date": "2019-07-05", "title": "Chef stopper belønning"}
CHECK = {"date": "2026-11", "searched": "Referater og lokale medier", "found": "Intet fundet."}


def _files() -> dict[str, str]:
    return {
        f"helsingoer/{REPORT_ID}.yaml": dump(report(date="2019-07-04", kommune="helsingoer", title="Belønning for lukkede sager")),
        f"helsingoer/{RESPONSE_ID}.yaml": dump(response(
            [REPORT_ID], date="2019-07-05", kommune="helsingoer", title="Jobcenterchef kalder belønningen en fejl",
            responders=[dict(CHIEF)], sources=[dict(ARTICLE)],
            promises=[
                promise(id="stop-ordningen", text="Ordningen med belønning stoppes.", promised_by=dict(CHIEF), deadline=None,
                        status="kept", status_note="Gjort, da det blev meddelt: ordningen var stoppet.",
                        sources=[dict(ARTICLE)]),
                promise(id="gennemgaa-sager", text="Jobcentret gennemgår de sager, der blev lukket.",
                        promised_by=dict(CHIEF), deadline=None,
                        checks=[CHECK]),
            ])),
        f"helsingoer/{PLAN_ID}.yaml": dump(plan(
            [promise(id="kortere-ventetid", text="Ventetiden bliver kortere.", deadline=None)],
            date="2019-08", kommune="helsingoer", title="Handleplan for sygedagpenge", responds_to=[REPORT_ID])),
        "helsingoer/2020-01-opfoelgning.yaml": dump(update(
            RESPONSE_ID, [{"promise": "gennemgaa-sager", "status": "in-progress"}], date="2020-01",
            kommune="helsingoer", title="Gennemgangen er begyndt")),
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    code, built, problems = build_fixture_site(tmp_path_factory.mktemp("statements"), _files())
    assert code == 0, "\n".join(map(str, problems))
    return built


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    return Corpus.load(write_cases(tmp_path_factory.mktemp("statements-corpus"), _files()))


def words(page: Path) -> str:
    """The page's text as a reader reads it: an element boundary inside a sentence adds no space."""
    return " ".join(re.sub(r"<[^>]+>", "", page.read_text("utf-8")).replace("\u00ad", "").split())


def _promise_rows(page: Path) -> list[dict]:
    return [attrs for tag, attrs in parse(page).elements if tag == "tr" and "data-status" in attrs]


# --- a response that also promises -----------------------------------------------------------


def test_a_response_with_promises_is_one_entry_whose_promises_are_tracked(corpus):
    tracked = {p.key: p for p in corpus.promises}
    assert set(tracked) == {f"{RESPONSE_ID}#stop-ordningen", f"{RESPONSE_ID}#gennemgaa-sager",
                            f"{PLAN_ID}#kortere-ventetid"}
    assert tracked[f"{RESPONSE_ID}#stop-ordningen"].status == "kept"  # done when announced
    assert tracked[f"{RESPONSE_ID}#gennemgaa-sager"].status == "in-progress"  # an update followed it up
    [(report_item, first, days)] = corpus.response_days("helsingoer")
    assert (report_item.id, first.id, days) == (REPORT_ID, RESPONSE_ID, 1)


def test_the_response_page_shows_its_answer_and_its_promises_each_with_who_promised_it(site):
    page = site / "sager" / RESPONSE_ID / "index.html"
    html, text = page.read_text("utf-8"), text_of(page)
    assert "Hvem svarede" in text and "Løfter" in text
    sections = re.findall(r'<section class="jct-promise" id="([^"]+)">(.*?)</section>', html, re.S)
    assert [anchor for anchor, _ in sections] == ["loefte-stop-ordningen", "loefte-gennemgaa-sager"]
    for _, body in sections:  # "Lovet af" stands with the promise it belongs to
        assert "Lovet af: En Jobcenterchef, jobcenterchef i Helsingør" in body
    headings = [h.strip().replace("\u00ad", "") for h in re.findall(r"<h3>(.*?)</h3>", html, re.S)]
    assert headings == ["Ordningen med belønning stoppes", "Jobcentret gennemgår de sager, der blev lukket"]
    assert "Gjort, da det blev meddelt" in text and "Holdt" in text
    assert "4 sager, i den rækkefølge det skete" in text  # the response's follow-up is part of the thread


def test_the_kommune_page_counts_the_response_among_the_answers(site):
    page = site / "kommuner" / "helsingoer" / "index.html"
    text = text_of(page)
    assert "4 sager: 1 med kritik, 1 svar, 1 handleplan og 1 opfølgning." in text
    table = re.search(r"<caption>Dage fra kritik.*?</table>", page.read_text("utf-8"), re.S).group().replace("\u00ad", "")
    assert "Jobcenterchef kalder belønningen en fejl" in table and 'data-label="Dage">1</td>' in table


def test_an_update_may_follow_a_response_with_promises_but_not_one_without(tmp_path):
    files = {f"helsingoer/{REPORT_ID}.yaml": dump(report(date="2019-07-04", kommune="helsingoer")),
             "helsingoer/2019-07-05-svar.yaml": dump(response([REPORT_ID], date="2019-07-05", kommune="helsingoer")),
             "helsingoer/2020-01-opfoelgning.yaml": dump(update("2019-07-05-svar", [
                 {"promise": "x", "status": "kept"}], date="2020-01", kommune="helsingoer"))}
    _, problems = check_paths([write_cases(tmp_path, files)])
    assert [(p.field, p.message) for p in problems] == [
        ("plan", "'2019-07-05-svar' er ikke en handleplan (type: plan) eller et svar med løfter")]


# --- "we looked, and found nothing" ----------------------------------------------------------


def test_a_check_is_shown_with_its_own_date_under_the_promise(site):
    page = site / "sager" / RESPONSE_ID / "index.html"
    assert "Efterprøvet november 2026: Intet fundet. Der er ledt i: Referater og lokale medier" in words(page)
    tracker = text_of(site / "loefter" / "index.html")
    assert "Efterprøvet november 2026" in tracker


def test_the_tracker_lists_open_promises_nobody_checked_for_a_year_without_javascript(site):
    rows = _promise_rows(site / "loefter" / "index.html")
    unchecked = [row["data-kommune"] + ":" + row["data-unchecked"] for row in rows]
    assert sorted(unchecked) == ["helsingoer:ja", "helsingoer:nej", "helsingoer:nej"]
    page = site / "loefter" / "skal-efterproeves" / "index.html"
    text = text_of(page)
    assert "Løfter, der skal efterprøves" in text and "1 løfte venter på en efterprøvning." in text
    assert "Ventetiden bliver kortere" in text and "gennemgår de sager" not in text
    links = {a.get("href") for tag, a in parse(site / "loefter" / "index.html").elements if tag == "a"}
    assert "skal-efterproeves/" in links


def test_the_javascript_filter_offers_the_same_choice(site):
    html = (site / "loefter" / "index.html").read_text("utf-8")
    assert f'<option value="unchecked">{UNCHECKED_LABEL}</option>' in html
    script = (Path(__file__).parents[1] / "docs" / "javascripts" / "jct.js").read_text("utf-8")
    assert 'status === "unchecked" && row.dataset.unchecked === "ja"' in script


def test_a_promise_with_a_verdict_or_a_recent_look_is_not_unchecked(corpus):
    tracked = {p.promise.id: p for p in corpus.promises}
    assert tracked["kortere-ventetid"].is_unchecked  # only the plan's own date, in 2019
    assert not tracked["stop-ordningen"].is_unchecked  # kept: nothing left to look for
    assert not tracked["gennemgaa-sager"].is_unchecked  # checked in November 2026
    assert str(tracked["gennemgaa-sager"].last_looked) == "2026-11"
    later = Corpus.from_entries(corpus.entries, on=dt.date(2028, 1, 1))
    assert {p.promise.id for p in later.promises if p.is_unchecked} == {"kortere-ventetid", "gennemgaa-sager"}


def test_the_promise_feed_carries_the_response_and_the_check(site):
    feed = feedparser.parse((site / "loefter" / "feed.xml").read_bytes())
    titles = [item.title for item in feed.entries]
    assert titles[0] == "Efterprøvet, Helsingør: Jobcenterchef kalder belønningen en fejl"  # the newest
    assert "Svar med løfter, Helsingør: Jobcenterchef kalder belønningen en fejl" in titles
    check = feed.entries[0]
    assert check.published_parsed[:3] == (2026, 11, 1)
    assert "Efterprøvet november 2026: Intet fundet." in check.description
    assert "Der er ledt i: Referater og lokale medier" in check.description
    assert check.link.endswith(f"sager/{RESPONSE_ID}/#loefte-gennemgaa-sager")


def test_the_open_data_has_the_check_and_the_responses_promises(site):
    rows = {row["promise_id"]: row for row in csv.DictReader(io.StringIO(
        (site / "data" / "promises.csv").read_text("utf-8")))}
    assert rows["gennemgaa-sager"]["plan_id"] == RESPONSE_ID
    assert ([rows["gennemgaa-sager"][column] for column in ("check_count", "last_check_date", "last_check_searched",
                                                             "last_check_found", "unchecked_for_a_year")]
            == ["1", "2026-11", "Referater og lokale medier", "Intet fundet.", "nej"])
    assert (rows["kortere-ventetid"]["last_check_date"], rows["kortere-ventetid"]["unchecked_for_a_year"]) == ("", "ja")
    entries = {e["id"]: e for e in json.loads((site / "data" / "entries.json").read_text("utf-8"))["entries"]}
    assert entries[RESPONSE_ID]["promises"][1]["checks"] == [{**CHECK, "sources": [], "asked": None}]
    entry_rows = {row["id"]: row for row in csv.DictReader(io.StringIO(
        (site / "data" / "entries.csv").read_text("utf-8")))}
    assert entry_rows[RESPONSE_ID]["promise_count"] == "2" and entry_rows[REPORT_ID]["promise_count"] == ""


def test_the_schema_describes_checks_and_a_responses_promises():
    defs = json_schema()["$defs"]
    assert defs["Promise"]["properties"]["checks"]["type"] == "array" and "checked" not in defs["Promise"]["properties"]
    assert set(defs["Check"]["required"]) == {"date", "searched", "found"} and set(defs["Asked"]["required"]) == {"date"}
    assert "promises" in defs["Response"]["properties"] and "promises" not in defs["Response"].get("required", [])
    committed = json.loads((Path(__file__).parents[1] / "schema" / "entry.schema.json").read_text("utf-8"))
    assert committed["$defs"]["Check"] == defs["Check"]


def test_a_check_needs_what_was_searched_and_what_was_found(tmp_path):
    entry = plan([promise(checks=[{"date": "2019-04"}])])
    _, problems = check_paths([write_cases(tmp_path, {"koebenhavn/2018-05-01-handleplan.yaml": dump(entry)})])
    assert sorted((p.field, p.message) for p in problems) == [
        ("promises[0].checks[0].found", "feltet mangler; det skal udfyldes"),
        ("promises[0].checks[0].searched", "feltet mangler; det skal udfyldes")]


def test_a_reports_header_sets_its_kind_apart_from_its_date(site):
    page = site / "sager" / REPORT_ID / "index.html"
    meta = re.search(r'<p class="jct-card__meta"[^>]*>(.*?)</p>', page.read_text("utf-8"), re.S).group(1)
    assert " ".join(re.sub(r"<[^>]+>", "", meta).split()) == "Kritik i en nyhedsartikel · 4. juli 2019 · Helsingør"
