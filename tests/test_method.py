"""The method's rules for a promise's status: the validator enforces what docs/metode.md says."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import REPO, write_cases
from helpers import SOURCE, dump, plan, promise, update

from jobcentertjek.entries import method
from jobcentertjek.entries.dates import today
from jobcentertjek.entries.validate import check_paths

METHOD_PAGE = (REPO / "docs" / "metode.md").read_text("utf-8")
GUIDE = (REPO / "CONTRIBUTING.md").read_text("utf-8")
PLAN = "koebenhavn/2018-05-01-plan.yaml"


def check(tmp_path, files: dict[str, dict | str]) -> list[str]:
    cases = write_cases(tmp_path, {name: dump(v) if isinstance(v, dict) else v for name, v in files.items()})
    _, problems = check_paths([cases])
    return [f"{p.path.split('/')[-1]}:{p.line}: {p.field}: {p.message}" for p in problems if p.severity == "error"]


def a_check(date: str, asked: dict | None = None, **fields) -> dict:
    found = {"date": date, "searched": "Udvalgets referater og lokalavisen", "found": "Intet om løftet."}
    return {**found, **({"asked": dict(asked)} if asked else {}), **fields}


def days_ago(days: int) -> str:
    return (today() - dt.timedelta(days=days)).isoformat()


ANSWERED = {"date": "2026-11-02", "how": "e-mail til jobcentret", "answer": "Vi kan ikke finde papirerne.",
            "answer_date": "2026-11-10"}
TWO_CHECKS = [a_check("2026-01-15"), a_check("2026-11-20", asked=ANSWERED)]


def test_unverifiable_with_two_checks_far_apart_late_enough_and_the_kommune_asked_is_accepted(tmp_path):
    plan_file = plan([promise(status="unverifiable", sources=[dict(SOURCE)], checks=TWO_CHECKS)])
    assert check(tmp_path, {PLAN: plan_file}) == []


@pytest.mark.parametrize("checks, expected", [
    ([], "»Kan ikke efterprøves« kræver mindst 2 daterede efterprøvninger under checks med mindst 182 dages "
         "mellemrum; løftet har 0"),
    ([a_check("2026-11-20", asked=ANSWERED)], "løftet har 1"),
    ([a_check("2026-09-01"), a_check("2026-11-20", asked=ANSWERED)],
     "den første (2026-09-01) og den nyeste (2026-11-20) ligger 80 dage fra hinanden"),
    ([a_check("2018-09-01"), a_check("2019-03-20", asked=ANSWERED)],
     "kræver, at den nyeste efterprøvning ligger mindst 365 dage efter fristen (2018-06); den er fra 2019-03-20"),
    ([a_check("2026-01-15"), a_check("2026-11-20")], "kræver, at kommunen er spurgt og har haft 14 dage til at svare"),
])
def test_unverifiable_is_refused_without_what_the_method_requires(tmp_path, checks, expected):
    plan_file = plan([promise(status="unverifiable", sources=[dict(SOURCE)], checks=checks)])
    errors = check(tmp_path, {PLAN: plan_file})
    assert any(expected in e for e in errors), errors
    assert all(e.split(": ")[0].endswith(": promises[0].status") or "status" in e for e in errors)


def test_without_a_deadline_the_wait_is_counted_from_the_promise(tmp_path):
    checks = [a_check("2019-01-15"), a_check("2019-11-20", asked={**ANSWERED, "date": "2019-11-01",
                                                                  "answer_date": "2019-11-10"})]
    plan_file = plan([promise(status="unverifiable", sources=[dict(SOURCE)], checks=checks, deadline=None)])
    [error] = check(tmp_path, {PLAN: plan_file})
    assert "mindst 730 dage efter løftet (2018-05-01), der ingen frist har; den er fra 2019-11-20" in error


@pytest.mark.parametrize("status", ["broken", "stalled"])
def test_broken_and_stalled_need_the_kommunes_right_of_reply(tmp_path, status):
    no_one_asked = plan([promise(status=status, sources=[dict(SOURCE)])])
    [error] = check(tmp_path, {PLAN: no_one_asked})
    assert error.startswith("2018-05-01-plan.yaml:")
    assert "promises[0].status: " in error and "kræver, at kommunen er spurgt og har haft 14 dage" in error


def test_the_kommune_gets_fourteen_days_unless_it_answers(tmp_path):
    asked = {"date": days_ago(3), "how": "e-mail til jobcentret"}
    waiting = plan([promise(status="broken", sources=[dict(SOURCE)], checks=[a_check(days_ago(3), asked=asked)])])
    [error] = check(tmp_path, {PLAN: waiting})
    ready = (today() + dt.timedelta(days=11)).isoformat()
    assert f"»Brudt« kan tidligst sættes {ready}, eller når kommunen har svaret (answer)" in error
    answered = {**asked, "answer": "Vi har droppet planen.", "answer_date": days_ago(1)}
    assert check(tmp_path / "b", {PLAN: plan([promise(status="broken", sources=[dict(SOURCE)],
                                                       checks=[a_check(days_ago(3), asked=answered)])])}) == []
    long_ago = {**asked, "date": days_ago(20)}
    assert check(tmp_path / "c", {PLAN: plan([promise(status="broken", sources=[dict(SOURCE)],
                                                       checks=[a_check(days_ago(3), asked=long_ago)])])}) == []


def test_an_update_is_held_to_the_same_rules_at_its_own_line(tmp_path):
    files = {PLAN: plan(), "koebenhavn/2022-09-opfoelgning.yaml":
             update("2018-05-01-plan", [{"promise": "handleplan", "status": "unverifiable"}], date="2022-09")}
    errors = check(tmp_path, files)
    assert errors and all(e.startswith("2022-09-opfoelgning.yaml:") and ": changes[0].status: " in e for e in errors)


def test_checks_are_dated_after_the_promise_and_once_a_day(tmp_path):
    checks = [a_check("2018-04-01"), a_check("2020-01-01"), a_check("2020-01-01")]
    errors = check(tmp_path, {PLAN: plan([promise(checks=checks)])})
    assert any("checks[0].date: efterprøvningen 2018-04-01 ligger før løftets dato 2018-05-01" in e for e in errors)
    assert any("checks[2].date: løftet har allerede en efterprøvning dateret 2020-01-01" in e for e in errors)


def test_the_old_single_checked_field_says_how_to_write_checks(tmp_path):
    text = dump(plan([promise(checked={"date": "2020-01", "note": "intet"})]))
    [error] = check(tmp_path, {PLAN: text})
    line = text.splitlines().index("  checked:") + 1
    assert error.startswith(f"2018-05-01-plan.yaml:{line}: promises[0].checked: feltet hedder nu checks")


# The method page and the guide say the numbers the validator uses. Change a number in
# method.py and these fail until the pages say the same.
@pytest.mark.parametrize("text", [METHOD_PAGE, GUIDE], ids=["metode", "contributing"])
def test_the_method_page_and_the_guide_state_the_validators_rules(text):
    words = " ".join(text.split())
    assert f"{method.CHECKS_FOR_UNVERIFIABLE} efterprøvninger" in words or "to efterprøvninger" in words
    assert f"mindst {method.CHECK_GAP_DAYS} dage" in words
    assert f"{method.WAIT_AFTER_DEADLINE_DAYS} dage (et år) efter fristen" in words
    assert f"{method.WAIT_WITHOUT_DEADLINE_DAYS} dage (to år) efter løftet" in words
    assert f"mindst {method.REPLY_DAYS} dage" in words
    for status in method.NEEDS_REPLY:
        label = {"stalled": "Gået i stå", "broken": "Brudt", "unverifiable": "Kan ikke efterprøves"}[status]
        assert re.search(rf"[\"»]{label}[\"«]", text), label
    assert f"over {method.UNCHECKED_AFTER_DAYS} dage" in words or text is GUIDE
