"""The "Efterprøvning af et løfte" form: a dated search for a promise's outcome becomes a few
lines under the promise's `checks:` in its plan's file — shown in the reply, written with the
file's formatting and comments kept, and checked like any entry."""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from jobcentertjek.cli import main
from jobcentertjek.contribute.issueform import read_form, render_body
from jobcentertjek.contribute.reply import MARKER

REPO = Path(__file__).resolve().parents[1]
FORMS = REPO / ".github" / "ISSUE_TEMPLATE"
FORM_FILE = FORMS / "efterproevning.yml"
FORM = read_form(FORM_FILE)
BIN = Path(sys.executable).parent
PLAN = "cases/kolding/2018-08-udvalget-saetter-proces-i-gang.yaml"
CHECK = {"plan": "2018-08-udvalget-saetter-proces-i-gang", "promise": "proces-med-borgere-og-ansatte",
         "date": "1. december 2025",
         "searched": "Kolding Kommunes referater fra Arbejdsmarkedsudvalget 2018-2020,\nkommunens nyheder og "
                     "JydskeVestkysten",
         "found": "intet", "confirm": list(FORM[-1].options)}


def event(answers: dict, number: int = 50) -> dict:
    return {"action": "opened",
            "issue": {"number": number, "labels": [{"name": "efterprøvning"}], "body": render_body(FORM, answers)},
            "repository": {"full_name": "jobcentertjek/jobcentertjek", "default_branch": "main"}}


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    shutil.copytree(REPO / "cases", tmp_path / "cases")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(workdir: Path, payload: dict, capsys, *extra: str) -> tuple[int, str]:
    (workdir / "event.json").write_text(json.dumps(payload), encoding="utf-8")
    code = main(["from-issue", "event.json", "--forms", str(FORMS), *extra])
    return code, capsys.readouterr().out


def diff(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if not line.startswith(("---", "+++"))]


def problem_lines(reply: str) -> list[str]:
    return [line for line in reply.splitlines() if line.startswith("- **")]


def test_the_form_has_exactly_the_fields_pages_prefill():
    data = yaml.safe_load(FORM_FILE.read_text("utf-8"))
    assert data["name"] == "Efterprøvning af et løfte" and data["labels"] == ["efterprøvning"]
    assert [item.id for item in FORM] == ["plan", "promise", "date", "searched", "found", "sources", "confirm"]
    required = {i["id"] for i in data["body"] if i.get("validations", {}).get("required")}
    assert required == {"plan", "promise", "date", "searched", "found"}
    assert "**Alt, du skriver her, er offentligt.**" in data["body"][0]["attributes"]["value"]


def test_a_check_is_a_minimal_insertion_in_the_plans_file(workdir, capsys):
    """The real Kolding plan: the new check goes after the promise's last check (whose texts are
    folded over several lines), and nothing else in the file changes."""
    before = (workdir / PLAN).read_text("utf-8")
    code, reply = run(workdir, event(CHECK), capsys, "--pr-body", "pr.md")
    assert code == 0, reply
    after = (workdir / PLAN).read_text("utf-8")
    added = ["      - date: 2025-12-01",
             "        searched: Kolding Kommunes referater fra Arbejdsmarkedsudvalget 2018-2020, kommunens nyheder og "
             "JydskeVestkysten",
             "        found: intet"]
    end_of_promise = before.splitlines().index("sources:")  # the promise is the plan's last; its checks end here
    assert diff(before, after) == [f"@@ -{end_of_promise},0 +{end_of_promise + 1},3 @@", *(f"+{line}" for line in added)]
    assert f"fra linje {end_of_promise + 1}:\n\n```yaml\n" + "\n".join(added) + "\n```" in reply
    assert reply.startswith(MARKER + "\n## Efterprøvningen er klar\n")
    assert "»klar til pr«" in reply
    assert (workdir / "pr.md").read_text("utf-8").rstrip().endswith("Closes #50")
    result = subprocess.run([str(BIN / "jobcentertjek"), "check", "cases", "--no-hints"], cwd=workdir,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    [promise] = yaml.safe_load(after)["promises"]
    assert str(promise["checks"][-1]["date"]) == "2025-12-01"


PLAN_WITH_CHECKS = """\
# yaml-language-server: $schema=../../schema/entry.schema.json
type: plan
title: Handleplan for sygedagpenge  # en kommentar, der skal blive stående
date: 2019-03
kommune: vejle
tags: [sygedagpenge]
summary: |
  Planen (fiktiv testdata).
promises:
  - id: svar-inden-for-14-dage
    text: "Alle henvendelser besvares inden for 14 dage."
    promised_by: {name: Social- og Beskæftigelsesudvalget, role: politisk udvalg}
    deadline: 2019-12
    checks:
    - date: 2024-05-02   # indentless, as some editors write it
      searched: 'udvalgets referater'
      found: intet

    # the next promise
  - id: faerre-skift
    text: Færre skift af sagsbehandler.
    promised_by: {name: Social- og Beskæftigelsesudvalget, role: politisk udvalg}
    checks: []
  - id: bedre-breve
    text: |
      Brevene til borgerne
      skrives om.
    promised_by:
      name: Social- og Beskæftigelsesudvalget
      role: politisk udvalg

# Kilderne
sources:
  - title: Referat
    publisher: Vejle Kommune
    date: 2019-03
    url: https://example.org/vejle/referat
"""


NEW_LINES = ["date: 2025-12-01", "searched: Referater og lokalavisen", "found: 'Intet: heller ikke i budgettet'"]


@pytest.mark.parametrize("promise, expected", [
    ("1", ["@@ -17,0 +18,3 @@", *(f"+    {'-' if i == 0 else ' '} {line}" for i, line in enumerate(NEW_LINES))]),
    ("faerre-skift", ["@@ -23 +23,4 @@", "-    checks: []", "+    checks:",
                      *(f"+      {'-' if i == 0 else ' '} {line}" for i, line in enumerate(NEW_LINES))]),
    ("3", ["@@ -30,0 +31,4 @@", "+    checks:",
           *(f"+      {'-' if i == 0 else ' '} {line}" for i, line in enumerate(NEW_LINES))]),
])
def test_a_check_keeps_the_files_comments_quotes_and_indentation(workdir, capsys, promise, expected):
    path = workdir / "cases" / "vejle" / "2019-03-handleplan-for-sygedagpenge.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(PLAN_WITH_CHECKS, encoding="utf-8")
    answers = dict(CHECK, plan="2019-03-handleplan-for-sygedagpenge", promise=promise,
                   searched="Referater og lokalavisen", found="Intet: heller ikke i budgettet")
    code, reply = run(workdir, event(answers), capsys)
    assert code == 0, reply
    assert diff(PLAN_WITH_CHECKS, path.read_text("utf-8")) == expected


def test_the_reply_lists_the_checks_warnings(workdir, capsys):
    code, reply = run(workdir, event(dict(CHECK, found="Intet; skriv til jobcenter.chef@example.org for svar")), capsys)
    assert code == 0, reply
    assert problem_lines(reply) == [
        "- **Hvad fandt du?**: teksten indeholder en e-mailadresse; er den privat, så slet den"]


def test_sources_in_any_order_become_the_checks_sources(workdir, capsys):
    answers = dict(CHECK, found="En konsulentrapport nævner processen.",
                   sources="Konsulentrapport | Kolding Kommune | august 2019 | https://www.kolding.dk/rapport")
    code, reply = run(workdir, event(answers), capsys)
    assert code == 0, reply
    [promise] = yaml.safe_load((workdir / PLAN).read_text("utf-8"))["promises"]
    assert promise["checks"][-1]["sources"] == [{"title": "Konsulentrapport", "publisher": "Kolding Kommune",
                                                "date": "2019-08", "url": "https://www.kolding.dk/rapport"}]


@pytest.mark.parametrize("changes, expected", [
    ({"plan": "2018-08-udvalget-saetter-proces"},
     ["- **Handleplanen eller svaret med løftet**: der findes ingen plan med id'et '2018-08-udvalget-saetter-proces' på siden; mente du "
      "'2018-08-udvalget-saetter-proces-i-gang'?"]),
    ({"plan": "https://jobcentertjek.github.io/jobcentertjek/sager/2018-08-kritik-af-jobcenter-kolding/"},
     ["- **Handleplanen eller svaret med løftet**: '2018-08-kritik-af-jobcenter-kolding' er en kritik uden løfter; skriv adressen på en handleplan "
      "eller et svar med løfter"]),
    ({"promise": "redegoerelse"},
     ["- **Løftet**: planen har intet løfte 'redegoerelse'; skriv løftets id eller nummer: 1 "
      "(proces-med-borgere-og-ansatte: Jobcentret inddrager grupper af borgere …)"]),
    ({"date": "1. januar 2099"}, ["- **Hvornår ledte du?**: datoen 2099-01-01 ligger i fremtiden"]),
    ({"date": "marts 2017"}, ["- **Hvornår ledte du?**: efterprøvningen 2017-03 ligger før løftets dato 2018-08"]),
    ({"searched": "", "found": ""},
     ["- **Hvor ledte du?**: skriv hvor du ledte, så en anden kan gøre det efter",
      "- **Hvad fandt du?**: skriv hvad du fandt; fandt du intet, så skriv »intet«"]),
    ({"sources": "Referat | https://www.kolding.dk/x"},
     [r"- **Kilder (kan udelades)**: Kilde 1 mangler en udgiver og en dato (skriv: link \| titel \| udgiver \| dato)"]),
    ({"confirm": []}, ["- **Før du sender**: sæt kryds ved bekræftelsen"]),
])
def test_a_check_that_cannot_be_made_says_why_and_changes_nothing(workdir, capsys, changes, expected):
    before = (workdir / PLAN).read_text("utf-8")
    code, reply = run(workdir, event(dict(CHECK, **changes)), capsys)
    assert code == 1
    assert reply.startswith(MARKER + "\n## Efterprøvningen kan ikke laves endnu\n")
    assert problem_lines(reply) == expected
    assert (workdir / PLAN).read_text("utf-8") == before


def test_a_check_has_no_references_to_fetch(workdir, capsys):
    assert run(workdir, event(CHECK), capsys, "--references") == (0, "\n")


def test_a_label_carries_an_approved_check_into_a_pull_request(tmp_path):
    """The label workflow's script, with stand-ins for gh and git push: the plan's file, changed by
    the inserted lines only, is committed on the issue's branch and the pull request is opened."""
    sys.path.insert(0, str(Path(__file__).parent))
    from test_workflows import _calls, _label

    issue = {"number": 60, "state": "open", "labels": [{"name": "efterprøvning"}], "body": render_body(FORM, CHECK)}
    result, work = _label(tmp_path, issue)
    assert result.returncode == 0, result.stdout + result.stderr
    create = _calls(tmp_path)[-1]
    assert create["args"][:8] == ["pr", "create", "--base", "main", "--head", "fra-issue-60", "--title",
                                  "Efterprøvning fra issue #60"]
    shown = subprocess.run(["git", "show", "--format=%s", "--unified=0", "fra-issue-60"], cwd=work,
                           capture_output=True, text=True, check=True).stdout
    assert shown.startswith("Efterprøvning fra issue #60\n")
    changed = [line for line in shown.splitlines() if line.startswith(("+ ", "- "))]
    assert changed == [
        "+      - date: 2025-12-01",
        "+        searched: Kolding Kommunes referater fra Arbejdsmarkedsudvalget 2018-2020, kommunens nyheder og "
        "JydskeVestkysten",
        "+        found: intet"]
