"""The validator on small fixtures: what contributors see when something is wrong."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO, write_cases
from helpers import dump, plan, promise, report, response, update

from jobcentertjek.entries.validate import check_paths


def check(tmp_path, files: dict[str, dict | str]):
    cases = write_cases(tmp_path, {name: dump(v) if isinstance(v, dict) else v for name, v in files.items()})
    entries, problems = check_paths([cases])
    return entries, [p for p in problems if p.severity == "error"]


def messages(problems) -> list[str]:
    return [f"{p.line}:{p.column}: {p.field}: {p.message}" for p in problems]


def test_a_complete_thread_is_valid(tmp_path):
    entries, errors = check(tmp_path, {
        "koebenhavn/2018-04-10-rapport.yaml": report(),
        "koebenhavn/2018-04-20-svar.yaml": response(["2018-04-10-rapport"]),
        "koebenhavn/2018-05-01-plan.yaml": plan(responds_to=["2018-04-10-rapport"]),
        "koebenhavn/2018-12-06-opfoelgning.yaml": update("2018-05-01-plan", [{"promise": "handleplan", "status": "kept"}]),
    })
    assert errors == []
    assert sorted(e.id for e in entries) == [
        "2018-04-10-rapport", "2018-04-20-svar", "2018-05-01-plan", "2018-12-06-opfoelgning"]


def test_month_and_year_precision_dates_are_accepted(tmp_path):
    _, errors = check(tmp_path, {
        "koebenhavn/2018-04-rapport.yaml": report(date="2018-04"),
        "koebenhavn/2018-rapport.yaml": report(date=2018),
    })
    assert errors == []


def test_unknown_field_points_at_its_line_and_suggests_the_right_name(tmp_path):
    text = dump(report()).replace("title:", "titel:")
    _, errors = check(tmp_path, {"koebenhavn/2018-04-10-rapport.yaml": text})
    line = text.splitlines().index(next(l for l in text.splitlines() if l.startswith("titel:"))) + 1
    assert f"{line}:1: titel: ukendt felt 'titel'; mente du 'title'?" in messages(errors)
    assert any(m.endswith("title: feltet mangler; det skal udfyldes") for m in messages(errors))


def test_impossible_date_names_the_month(tmp_path):
    _, errors = check(tmp_path, {"koebenhavn/2019-02-30-rapport.yaml": report(date="2019-02-30")})
    assert [e.message for e in errors if e.field == "date"] == ["datoen findes ikke: februar 2019 har 28 dage"]


def test_file_must_live_in_its_kommunes_folder_and_be_named_by_its_date(tmp_path):
    _, errors = check(tmp_path, {
        "ballerup/2018-04-10-rapport.yaml": report(),
        "koebenhavn/2018-04-11-rapport.yaml": report(),
    })
    assert {e.field for e in errors} == {"kommune", "date"}
    assert any("flyt den til cases/koebenhavn/" in e.message for e in errors)
    assert any("filnavnet skal være sagens dato" in e.message for e in errors)


def test_unknown_kommune_and_tag_get_suggestions(tmp_path):
    _, errors = check(tmp_path, {"koebenhavn/2018-04-10-rapport.yaml": report(kommune="kobenhavn", tags=["flexjob"])})
    assert "ukendt kommune 'kobenhavn'; mente du 'koebenhavn'?" in [e.message for e in errors]
    assert "ukendt emne 'flexjob'; mente du 'fleksjob'?" in [e.message for e in errors]


def test_links_must_resolve_to_entries_and_promises(tmp_path):
    _, errors = check(tmp_path, {
        "koebenhavn/2018-04-10-rapport.yaml": report(),
        "koebenhavn/2018-04-20-svar.yaml": response(["2018-04-10-rapprot"]),
        "koebenhavn/2018-05-01-plan.yaml": plan(),
        "koebenhavn/2018-12-06-opfoelgning.yaml": update("2018-05-01-plan", [{"promise": "handleplanen", "status": "kept"}]),
    })
    assert [(e.field, e.message) for e in errors] == [
        ("responds_to[0]", "der findes ingen sag med id'et '2018-04-10-rapprot'; mente du '2018-04-10-rapport'?"),
        ("changes[0].promise", "planen '2018-05-01-plan' har intet løfte 'handleplanen'; dens løfter er: handleplan"),
    ]


def test_a_status_other_than_not_assessed_needs_a_source(tmp_path):
    _, errors = check(tmp_path, {"koebenhavn/2018-05-01-plan.yaml": plan([promise(status="in-progress")])})
    assert [e.field for e in errors] == ["promises[0].status"]
    assert "skal have mindst én kilde" in errors[0].message


def test_overdue_cannot_be_typed(tmp_path):
    _, errors = check(tmp_path, {"koebenhavn/2018-05-01-plan.yaml": plan([promise(status="overdue")])})
    assert errors and errors[0].message.startswith("ukendt værdi 'overdue'; brug en af: not-assessed,")


def test_duplicate_ids_across_kommuner_are_refused(tmp_path):
    _, errors = check(tmp_path, {
        "koebenhavn/2018-04-10-rapport.yaml": report(),
        "ballerup/2018-04-10-rapport.yaml": report(kommune="ballerup"),
    })
    assert len(errors) == 1 and "bruges også af" in errors[0].message


def test_cli_reports_every_error_with_position_and_exit_1(tmp_path):
    cases = write_cases(tmp_path, {
        "koebenhavn/2018-04-10-a.yaml": dump(report(date="2018-13-01")),
        "koebenhavn/2018-04-10-b.yaml": "type: report\ntitle: [\n",
    })
    result = subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "check", str(cases)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any("2018-04-10-a.yaml:4:7: date: måned 13 findes ikke" in l for l in lines)
    assert any("2018-04-10-b.yaml:3:1: yaml:" in l for l in lines)


def test_the_real_cases_are_valid():
    result = subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "check", "cases"],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout


def test_a_promise_may_be_due_in_the_future_but_nothing_may_have_happened_there(tmp_path):
    _, errors = check(tmp_path, {"koebenhavn/2018-05-01-plan.yaml": plan([promise(deadline="2099-12")])})
    assert errors == []
    _, errors = check(tmp_path, {"koebenhavn/2099-05-01-plan.yaml": plan(date="2099-05-01")})
    assert [(e.field, e.message) for e in errors] == [("date", "datoen 2099-05-01 ligger i fremtiden")]
