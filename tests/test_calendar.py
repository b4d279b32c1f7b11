"""Deadline calendars (.ics), read back with the icalendar library as a calendar app would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import REPO
from helpers import dump, plan, promise, update
from icalendar import Calendar
from test_feeds import SITE_URL, fixture_corpus, linked_file, site_file
from test_site import parse

from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.reference import kommuner
from jobcentertjek.entries.render import markdown_to_text
from jobcentertjek.outputs.deadlines_ics import calendar_files

CORPUS = Corpus.load(REPO / "cases")


def events(data: bytes) -> list:
    calendar = Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return calendar.walk("VEVENT")


def one_line(text: str) -> str:
    return " ".join(text.split())


# --- the real cases/ -------------------------------------------------------------------------


def test_national_calendar_has_one_all_day_event_per_promise_deadline(built_site):
    found = events((built_site / "loefter" / "frister.ics").read_bytes())
    dated = [p for p in CORPUS.promises if p.promise.deadline]
    assert dated and len(found) == len(dated)
    by_uid = {str(e["UID"]): e for e in found}
    assert len(by_uid) == len(found)
    for p in dated:
        event = by_uid[f"{p.plan.id}-{p.promise.id}@jobcentertjek"]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date and start == p.promise.deadline.last_day  # all-day, on the last day
        assert end - start == dt.timedelta(days=1)
        description = one_line(str(event["DESCRIPTION"]))
        assert one_line(markdown_to_text(p.promise.text)) in description
        assert f"Status: {p.state_label}" in description
        assert kommuner()[p.plan.entry.kommune].name in str(event["SUMMARY"])
        assert site_file(built_site, str(event["URL"])).is_file()
        assert type(event.decoded("DTSTAMP")) is dt.datetime


def test_kommune_calendars_exist_exactly_where_promises_have_deadlines(built_site):
    with_deadlines = {p.plan.entry.kommune for p in CORPUS.promises if p.promise.deadline}
    assert with_deadlines == {path.parent.name for path in (built_site / "kommuner").glob("*/frister.ics")}
    for slug in with_deadlines:
        uids = {str(e["UID"]) for e in events((built_site / "kommuner" / slug / "frister.ics").read_bytes())}
        assert uids == {f"{p.plan.id}-{p.promise.id}@jobcentertjek"
                        for p in CORPUS.promises_of(kommune=slug) if p.promise.deadline}
        assert_follow_page_subscribes(built_site, f"kommuner/{slug}/foelg/index.html", f"kommuner/{slug}/frister.ics")
    for slug in set(CORPUS.by_kommune) - with_deadlines:  # e.g. Favrskov: responses and reports, no promise
        page = built_site / "kommuner" / slug / "foelg" / "index.html"
        text = page.read_text("utf-8")
        assert "Ingen frister at følge endnu" in text and ".ics" not in text and "webcal:" not in text, slug
        promises = CORPUS.promises_of(kommune=slug)
        reason = ("Vi har ikke registreret nogen løfter" if not promises else
                  "Det ene løfte fra" if len(promises) == 1 else f"Ingen af de {len(promises)} løfter fra")
        assert reason in text, slug


def assert_follow_page_subscribes(built_site, page_path: str, calendar: str) -> None:
    """The "Følg med" page offers the calendar as a webcal: subscription to the published address,
    and as an ordinary link to the file for a reader to copy."""
    page = built_site / page_path
    hrefs = [a["href"] for tag, a in parse(page).elements if tag == "a" and "href" in a]
    assert [h for h in hrefs if h.startswith("webcal:")] == ["webcal://" + (SITE_URL + calendar).split("://", 1)[1]]
    ics = [h for h in hrefs if h.endswith(".ics") and not h.startswith("webcal:")]
    assert [linked_file(page, href).resolve() for href in ics] == [(built_site / calendar).resolve()]
    assert SITE_URL + calendar in page.read_text("utf-8")


def test_the_follow_pages_offer_the_calendar_to_subscribe_to(built_site):
    for page in ("loefter/foelg/index.html", "foelg/index.html"):
        assert_follow_page_subscribes(built_site, page, "loefter/frister.ics")
    page = built_site / "loefter" / "index.html"  # the tracker links its "Følg med" page, not the file
    assert not [a for tag, a in parse(page).elements if tag == "a" and a.get("href", "").endswith(".ics")]


# --- fixture corpora -------------------------------------------------------------------------

PLAN_ID = "2018-05-01-handleplan"
SOURCE = [{"title": "Kilde", "publisher": "Kommunen", "date": "2018-05-01"}]


def files(status_update: str | None = None, text: str = "Vi laver en handleplan.") -> dict[str, str]:
    promises = [promise(text=text, deadline="2018-06", status="in-progress", sources=SOURCE),
                promise(id="aarsplan", text="Et løfte med frist i et helt år.", deadline="2019"),
                promise(id="uden-frist", text="Et løfte uden frist.", deadline=None)]
    promises[2].pop("deadline")
    result = {f"koebenhavn/{PLAN_ID}.yaml": dump(plan(promises=promises))}
    if status_update:
        result["koebenhavn/2018-12-06-opfoelgning.yaml"] = dump(update(PLAN_ID, [
            {"promise": "handleplan", "status": status_update}]))
    return result


def by_uid(calendar_bytes: bytes) -> dict:
    return {str(e["UID"]): e for e in events(calendar_bytes)}


def test_fixture_calendar_has_events_for_deadlines_only_with_precision_kept(tmp_path):
    output = calendar_files(fixture_corpus(tmp_path, files()), SITE_URL)
    assert sorted(output) == ["kommuner/koebenhavn/frister.ics", "loefter/frister.ics"]
    found = by_uid(output["loefter/frister.ics"])
    assert sorted(found) == [f"{PLAN_ID}-aarsplan@jobcentertjek", f"{PLAN_ID}-handleplan@jobcentertjek"]
    year = found[f"{PLAN_ID}-aarsplan@jobcentertjek"]
    assert year.decoded("DTSTART") == dt.date(2019, 12, 31)  # "2019" is due at the end of 2019
    assert "Frist: 2019" in str(year["DESCRIPTION"])
    month = found[f"{PLAN_ID}-handleplan@jobcentertjek"]
    assert month.decoded("DTSTART") == dt.date(2018, 6, 30)
    assert "Frist: juni 2018" in str(month["DESCRIPTION"])
    assert "Status: Frist overskredet – arbejdet er stadig i gang" in str(month["DESCRIPTION"])
    assert str(month["URL"]) == f"{SITE_URL}sager/{PLAN_ID}/#loefte-handleplan"


def test_status_change_updates_the_event_but_not_its_uid(tmp_path):
    before = by_uid(calendar_files(fixture_corpus(tmp_path / "a", files()), SITE_URL)["loefter/frister.ics"])
    after = by_uid(calendar_files(fixture_corpus(tmp_path / "b", files("kept", text="Ny ordlyd.")), SITE_URL)
                   ["loefter/frister.ics"])
    assert before.keys() == after.keys()
    uid = f"{PLAN_ID}-handleplan@jobcentertjek"
    assert "Status: Holdt – 6 måneder for sent (pr. 6. december 2018)" in str(after[uid]["DESCRIPTION"])
    assert "Ny ordlyd." in str(after[uid]["DESCRIPTION"])
    assert after[uid].decoded("DTSTAMP") == dt.datetime(2018, 12, 6, tzinfo=dt.timezone.utc)
    # before: in progress, and overdue since 1 July 2018 (a change of its own)
    assert before[uid].decoded("DTSTAMP") == dt.datetime(2018, 7, 1, tzinfo=dt.timezone.utc)
    assert int(after[uid]["SEQUENCE"]) == int(before[uid]["SEQUENCE"]) == 1


def test_calendars_are_byte_identical_on_every_day_between_deadlines(tmp_path: Path):
    first = calendar_files(fixture_corpus(tmp_path / "a", files("kept"), on=dt.date(2020, 1, 1)), SITE_URL)
    second = calendar_files(fixture_corpus(tmp_path / "b", files("kept"), on=dt.date(2031, 3, 3)), SITE_URL)
    assert first == second


def test_passing_the_deadline_without_a_verdict_changes_the_event_once(tmp_path: Path):
    uid = f"{PLAN_ID}-aarsplan@jobcentertjek"
    before, after = (by_uid(calendar_files(fixture_corpus(tmp_path / day.isoformat(), files("kept"), on=day),
                                           SITE_URL)["loefter/frister.ics"])[uid]
                     for day in (dt.date(2019, 12, 31), dt.date(2020, 1, 1)))
    assert "Status: Ikke vurderet" in str(before["DESCRIPTION"])
    assert "Status: Frist overskredet – intet viser, at det er holdt" in str(after["DESCRIPTION"])
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert after.decoded("DTSTAMP") == dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)


def test_no_calendar_without_deadlines(tmp_path):
    undated = {k: v for k, v in promise().items() if k != "deadline"}
    output = calendar_files(fixture_corpus(tmp_path, {f"koebenhavn/{PLAN_ID}.yaml": dump(plan(promises=[undated]))}),
                            SITE_URL)
    assert output == {}
