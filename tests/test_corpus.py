"""Threads, promise histories and the computed "overdue" status."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import write_cases
from helpers import dump, plan, promise, report, response, update

from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.problems import ValidationFailed


@pytest.fixture
def cases(tmp_path):
    return write_cases(tmp_path, {
        "koebenhavn/2018-04-10-rapport.yaml": dump(report()),
        "koebenhavn/2018-04-20-svar.yaml": dump(response(["2018-04-10-rapport"])),
        "koebenhavn/2018-05-01-plan.yaml": dump(plan(
            [promise(), promise(id="sagsstammer", deadline="2019"), promise(id="uden-frist", deadline=None)],
            responds_to=["2018-04-20-svar"])),
        "koebenhavn/2018-12-06-opfoelgning.yaml": dump(update("2018-05-01-plan", [
            {"promise": "handleplan", "status": "kept"}, {"promise": "sagsstammer", "status": "in-progress"}])),
        "ballerup/2014-01-brev.yaml": dump(report(kommune="ballerup", date="2014-01")),
    })


def by_key(corpus):
    return {p.key: p for p in corpus.promises}


def test_status_history_runs_from_the_plan_through_its_updates(cases):
    promises = by_key(Corpus.load(cases, on=dt.date(2019, 6, 1)))
    kept = promises["2018-05-01-plan#handleplan"]
    assert [(str(s.date), s.status) for s in kept.history] == [("2018-05-01", "not-assessed"), ("2018-12-06", "kept")]
    assert kept.status_label == "Holdt"


def test_overdue_is_computed_from_the_last_day_of_the_deadline(cases):
    on_deadline = by_key(Corpus.load(cases, on=dt.date(2019, 12, 31)))["2018-05-01-plan#sagsstammer"]
    assert not on_deadline.is_overdue  # a deadline of "2019" runs to 31 December
    later = by_key(Corpus.load(cases, on=dt.date(2020, 1, 10)))
    assert later["2018-05-01-plan#sagsstammer"].overdue_days == 10
    assert not later["2018-05-01-plan#handleplan"].is_overdue  # kept promises are never overdue
    assert not later["2018-05-01-plan#uden-frist"].is_overdue


def test_a_thread_holds_every_linked_entry_oldest_first(cases):
    corpus = Corpus.load(cases)
    thread = [e.id for e in corpus.threads["2018-12-06-opfoelgning"]]
    assert thread == ["2018-04-10-rapport", "2018-04-20-svar", "2018-05-01-plan", "2018-12-06-opfoelgning"]
    assert [e.id for e in corpus.threads["2014-01-brev"]] == ["2014-01-brev"]


def test_days_from_report_to_first_response(cases):
    rows = Corpus.load(cases).response_days("koebenhavn")
    assert [(r.id, first.id, days) for r, first, days in rows] == [("2018-04-10-rapport", "2018-04-20-svar", 10)]
    assert Corpus.load(cases).response_days("ballerup")[0][1:] == (None, None)


def test_entries_are_newest_first(cases):
    assert [e.id for e in Corpus.load(cases).entries][0] == "2018-12-06-opfoelgning"


def test_loading_invalid_cases_raises_with_every_problem(tmp_path):
    cases = write_cases(tmp_path, {
        "koebenhavn/2018-04-10-a.yaml": dump(report(title="")),
        "koebenhavn/2018-04-10-b.yaml": dump(report(tags=["ukendt-emne"])),
    })
    with pytest.raises(ValidationFailed) as failure:
        Corpus.load(cases)
    assert [p.field for p in failure.value.problems] == ["title", "tags[0]"]
