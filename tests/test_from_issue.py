"""The "Ny sag" route: a submitted issue form becomes checked entry files, or a Danish reply
that names every problem by its form field. Event payloads are built from the real form file,
rendered the way GitHub renders a submitted form."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobcentertjek.cli import main
from jobcentertjek.contribute.formentries import COMMON_FIELDS, PART_FIELDS, field_id
from jobcentertjek.contribute.freedates import parse_danish_date
from jobcentertjek.contribute.fromissue import from_issue
from jobcentertjek.contribute.issueform import (
    NO_RESPONSE,
    kommune_options,
    read_form,
    render_body,
    tag_options,
)
from jobcentertjek.contribute.reply import MARKER, MAX_URL_BYTES
from jobcentertjek.entries.model import REPORT_KINDS, STATUS_LABELS
from jobcentertjek.entries.validate import load_entry

REPO = Path(__file__).resolve().parents[1]
FORMS = REPO / ".github" / "ISSUE_TEMPLATE"
FORM_FILE = FORMS / "ny-sag.yml"
FORM = read_form(FORM_FILE)
FIELDS = {item.id: item for item in FORM}
BIN = Path(sys.executable).parent
CONFIRM = list(FIELDS["confirm"].options)

COMMON = dict(kommune="København", tags=["førtidspension", "fleksjob"], confirm=CONFIRM)
SUBMISSIONS = {
    "report": dict(COMMON, **{
        "report-headline": "Borgerbrev: jobcentret glemmer aftaler", "report-date": "3. marts 2019",
        "report-summary": "Et åbent brev fra en gruppe borgere.\n\nDe skriver, at *møder* bliver aflyst med kort varsel.",
        "report-kind": "Borgerbrev", "report-publisher": "Borgergruppen i Nordvest",
        "report-findings": "Møder aflyses med kort varsel\n- Breve besvares ikke",
        "report-people": "Cecilia Lonning-Skovgaard (V), beskæftigelsesborgmester\n"
                         "Beskæftigelses- og Integrationsudvalget",
        "report-sources": "https://www.dr.dk/nyheder/regionale/brev | Borgere skriver til jobcentret | DR | 3. marts 2019\n"
                          "https://example.org/brev.pdf | https://web.archive.org/web/2019/https://example.org/brev.pdf"
                          " | Åbent brev | Borgergruppen i Nordvest | marts 2019"}),
    "response": dict(COMMON, **{
        "response-headline": "Borgmesteren: \"Vi tager kritikken alvorligt\"", "response-date": "den 20. april 2018",
        "response-summary": "Borgmesteren svarer på taskforcens rapport.",
        "response-to": "https://jobcentertjek.github.io/jobcentertjek/sager/2018-04-10-taskforce-foertidspension-fleksjob/",
        "response-responders": "Cecilia Lonning-Skovgaard (V), beskæftigelses- og integrationsborgmester",
        "response-sources": "https://www.kk.dk/svar | Svar på taskforcens rapport | Københavns Kommune | 20/4 2018"}),
    "plan": dict(COMMON, **{
        "plan-headline": "Handleplan: færre sager pr. sagsbehandler", "plan-date": "maj 2018",
        "plan-summary": "Forvaltningen lægger en plan frem.",
        "plan-to": "2018-04-10-taskforce-foertidspension-fleksjob",
        "plan-promises": "Færre sager pr. sagsbehandler | Beskæftigelses- og Integrationsudvalget | december 2018\n"
                         "Bedre breve til borgerne | Cecilia Lonning-Skovgaard (V), borgmester",
        "plan-sources": "https://www.kk.dk/plan | Handleplan | Københavns Kommune | maj 2018"}),
    "update": dict(COMMON, **{
        "update-headline": "Handleplanen er lagt frem", "update-date": "2018",
        "update-summary": "Forvaltningen lagde handleplanen frem for udvalget.",
        "update-plan": "https://jobcentertjek.github.io/jobcentertjek/sager/2018-04-16-udvalget-beder-om-handleplan/",
        "update-promises": "1 | Planen blev lagt frem\nrette-kritikpunkter", "update-status": "I gang",
        "update-sources": "https://www.kk.dk/status | Status på handleplanen | Københavns Kommune | 2018"}),
}
DANISH_DATES = {"report": "2019-03-03", "response": "2018-04-20", "plan": "2018-05", "update": "2018"}

# A whole case in one submission, as a journalist knows it: the criticism, the answer that
# promises, the plan with promises and deadlines, and what happened. Vejle has no entries yet; the
# people and sources are made up (example.org).
THREAD = {
    "kommune": "Vejle", "tags": ["sygedagpenge", "sagsbehandling"], "confirm": CONFIRM,
    "report-headline": "Borgerrådgiveren kritiserer sagsbehandlingen af sygedagpenge", "report-date": "april 2018",
    "report-kind": "Officiel rapport", "report-publisher": "Borgerrådgiveren i Vejle Kommune",
    "report-summary": "Borgerrådgiverens beretning gennemgår klager over sygedagpengesager.\n"
                      "12. april 2018 blev den lagt frem for byrådet.",
    "report-findings": "• Sagerne tager for lang tid\n• Borgerne får ikke svar på deres henvendelser",
    "report-people": "Vejle Byråd (enstemmigt), modtog beretningen",
    "report-sources": "Borgerrådgiverens beretning 2017 | https://example.org/vejle/beretning-2017 | "
                      "Vejle Kommune | april 2018",
    "response-headline": "Udvalgsformanden vil have en handleplan", "response-date": "20. april 2018",
    "response-responders": "Anne Eksempel (O), formand for Social- og Beskæftigelsesudvalget",
    "response-summary": "Formanden svarede på beretningen i lokalavisen:\n- Vi tager kritikken alvorligt.",
    "response-promises": "Udvalget får en handleplan | Anne Eksempel (O), udvalgsformand | juni 2018",
    "response-sources": "https://example.org/avis/svar | Formand: Vi tager kritikken alvorligt | Lokalavisen | "
                        "20. april 2018",
    "plan-headline": "Udvalget vedtager en handleplan for sygedagpengesager", "plan-date": "juni 2018",
    "plan-summary": "Planen har to løfter med frister.",
    "plan-promises": "Alle henvendelser besvares inden for 14 dage | Social- og Beskæftigelsesudvalget, politisk "
                     "udvalg | december 2018\n"
                     "Færre skift af sagsbehandler | Social- og Beskæftigelsesudvalget, politisk udvalg | juni 2019",
    "plan-sources": "https://example.org/vejle/referat-juni-2018 | Referat, punkt 4 | Vejle Kommune | juni 2018",
    "update-headline": "Svartiden er nede på 14 dage", "update-date": "januar 2019",
    "update-summary": "Forvaltningen gav udvalget en status.", "update-promises": "1 | Målet er nået",
    "update-status": "Holdt",
    "update-sources": "https://example.org/vejle/referat-januar-2019 | Referat, punkt 2 | Vejle Kommune | "
                      "januar 2019",
}


def event(answers: dict, *, labels=("ny sag",), number=12, body: str | None = None, state="open") -> dict:
    return {"action": "opened",
            "issue": {"number": number, "title": "Ny sag: x", "state": state,
                      "labels": [{"name": name} for name in labels],
                      "body": render_body(FORM, answers) if body is None else body},
            "repository": {"full_name": "jobcentertjek/jobcentertjek", "default_branch": "main"}}


def only(kind: str, answers: dict) -> dict:
    """The answers of one part (and the common fields)."""
    return {key: value for key, value in answers.items() if key in COMMON_FIELDS or key.startswith(kind + "-")}


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """A checkout's working directory: the real cases, in a folder of their own."""
    shutil.copytree(REPO / "cases", tmp_path / "cases")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(workdir: Path, payload: dict, capsys, *extra: str) -> tuple[int, str, str]:
    path = workdir / "event.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    code = main(["from-issue", str(path), "--forms", str(FORMS), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def save_issue(workdir: Path, payload: dict) -> None:
    """An issue as the workflow fetches it for a "#123" reference: GitHub's API's issue object."""
    folder = workdir / "issues"
    folder.mkdir(exist_ok=True)
    issue = payload["issue"]
    (folder / f"{issue['number']}.json").write_text(json.dumps(issue), encoding="utf-8")


def files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def prefilled(reply: str) -> list[tuple[str, str]]:
    """The filename and text of each of the reply's "Opret filen på GitHub" links."""
    found = []
    for line in reply.splitlines():
        if not line.startswith("**[Opret filen på GitHub]("):
            continue
        url = line.removeprefix("**[Opret filen på GitHub](").removesuffix(")**")
        assert len(url.encode()) <= MAX_URL_BYTES
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/jobcentertjek/jobcentertjek/new/main")
        query = parse_qs(parts.query, keep_blank_values=True)
        assert set(query) == {"filename", "value"}
        found.append((query["filename"][0], query["value"][0]))
    return found


def problem_lines(reply: str) -> list[str]:
    return [line for line in reply.splitlines() if line.startswith("- **")]


def written_entries(workdir: Path, kommune: str) -> dict[str, dict]:
    """The entries from-issue wrote in a kommune's folder, by type, in the form's order."""
    found = {data["type"]: data | {"id": path.stem}
             for path in (workdir / "cases" / kommune).glob("*.yaml")
             if "from-issue" in (text := path.read_text("utf-8")) and (data := yaml.safe_load(text))}
    return {kind: found[kind] for kind in ("report", "response", "plan", "update") if kind in found}


def check(workdir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "jobcentertjek"), "check", "cases", "--no-hints"], cwd=workdir,
                          capture_output=True, text=True)


# --- the form and the parser agree -------------------------------------------------------------


def test_form_choices_come_from_the_reference_data():
    assert list(FIELDS["kommune"].options) == kommune_options()
    assert len(kommune_options()) == 99 and kommune_options()[0] == "Hele landet"
    assert list(FIELDS["tags"].options) == tag_options()
    assert list(FIELDS["report-kind"].options) == list(REPORT_KINDS.values())
    assert list(FIELDS["update-status"].options) == list(STATUS_LABELS.values())


def test_every_form_field_is_read_and_every_read_field_is_in_the_form():
    used = set(COMMON_FIELDS) | {field_id(kind, name) for kind, names in PART_FIELDS.items() for name in names}
    assert used == set(FIELDS)


def test_form_says_at_the_top_what_each_part_needs_and_keeps_the_privacy_warning():
    data = yaml.safe_load(FORM_FILE.read_text("utf-8"))
    intro = data["body"][0]["attributes"]["value"]
    assert "**Alt, du skriver her, er offentligt.**" in intro and "CPR-numre" in intro
    for part, needs in (("Kritikken", "overskrift, dato, slags, hvem der står bag, hvad der skete, kritikpunkter og "
                                      "kilder"),
                        ("Svaret", "overskrift, dato, hvem der svarede, hvad de svarede og kilder. Lover svaret noget, "
                                   "så skriv løfterne"),
                        ("Handleplanen", "overskrift, dato, hvad planen går ud på, løfter og kilder"),
                        ("Opfølgningen", "overskrift, dato, hvad der skete, løfterne, der følges op, deres nye status "
                                         "og kilder")):
        assert f"- **{part}:** {needs}" in intro
    assert all(option["required"] for option in next(i for i in data["body"] if i.get("id") == "confirm")
               ["attributes"]["options"])
    # GitHub can only require a field on every submission: the parts are checked by the reply.
    required = {i["id"] for i in data["body"] if i.get("validations", {}).get("required")}
    assert required == {"kommune"}


def test_an_answer_may_promise_in_the_form_as_in_the_guide(workdir, capsys):
    answers = dict(SUBMISSIONS["response"], **{
        "response-promises": "Rapporten kommer op i udvalget | Cecilia Lonning-Skovgaard (V), borgmester | juni 2018"})
    code, reply, _ = run(workdir, event(answers), capsys)
    assert code == 0, reply
    response = written_entries(workdir, "koebenhavn")["response"]
    assert [(p["id"], p["deadline"]) for p in response["promises"]] == [("rapporten-kommer-op-i-udvalget", "2018-06")]
    guide = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    assert "Svar: løfter" in guide and FIELDS["response-promises"].label == "Svar: løfter"


# --- one part of a case becomes a file that passes the real check ------------------------------


@pytest.mark.parametrize("kind", SUBMISSIONS)
def test_submission_becomes_a_checked_entry(kind, workdir, capsys):
    before = files(workdir)
    code, reply, err = run(workdir, event(SUBMISSIONS[kind]), capsys)
    assert code == 0, reply + err
    [written] = files(workdir) - before - {"event.json"}
    assert written.startswith("cases/koebenhavn/" + DANISH_DATES[kind] + "-")
    text = (workdir / written).read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/entry.schema.json\n"
                           "# Lavet af jobcentertjek from-issue ud fra issue #12.\n")

    data = yaml.safe_load(text)
    assert data["type"] == kind and data["kommune"] == "koebenhavn"
    assert str(data["date"]) == DANISH_DATES[kind]
    assert data["tags"] == ["fleksjob", "førtidspension"]  # in the order of the form (and tags.yaml)

    result = check(workdir)
    assert result.returncode == 0, result.stdout + result.stderr

    assert reply.startswith(MARKER + "\n## Sagen er klar\n")
    assert "Du behøver ikke gøre mere" in reply and "»klar til pr«" in reply
    assert prefilled(reply) == [(written, text)]
    assert f"```yaml\n{text}```" in reply  # the block to copy when the link does not work


def test_mapping_of_each_part(workdir, capsys):
    """What the contributor wrote ends up in the field a careful editor would put it in."""
    for kind in SUBMISSIONS:
        assert run(workdir, event(SUBMISSIONS[kind]), capsys)[0] == 0
    written = written_entries(workdir, "koebenhavn")
    report = written["report"]
    assert report["kind"] == "citizens-letter" and report["publisher"] == "Borgergruppen i Nordvest"
    assert report["findings"] == ["Møder aflyses med kort varsel", "Breve besvares ikke"]
    assert report["people"] == [{"name": "Cecilia Lonning-Skovgaard", "role": "beskæftigelsesborgmester",
                                 "party": "V"}, {"name": "Beskæftigelses- og Integrationsudvalget"}]
    assert report["summary"] == "Et åbent brev fra en gruppe borgere.\n\nDe skriver, at *møder* bliver aflyst med kort varsel.\n"
    assert report["sources"][1] == {"title": "Åbent brev", "publisher": "Borgergruppen i Nordvest", "date": "2019-03",
                                    "url": "https://example.org/brev.pdf",
                                    "archive_url": "https://web.archive.org/web/2019/https://example.org/brev.pdf"}
    response = written["response"]
    assert response["title"] == 'Borgmesteren: "Vi tager kritikken alvorligt"'
    assert response["responds_to"] == ["2018-04-10-taskforce-foertidspension-fleksjob"]
    plan = written["plan"]
    assert [(p["id"], p.get("deadline"), p["status"]) for p in plan["promises"]] == [
        ("faerre-sager-pr-sagsbehandler", "2018-12", "not-assessed"), ("bedre-breve-til-borgerne", None, "not-assessed")]
    assert plan["promises"][1]["promised_by"] == {"name": "Cecilia Lonning-Skovgaard", "role": "borgmester", "party": "V"}
    update = written["update"]
    assert update["plan"] == "2018-04-16-udvalget-beder-om-handleplan"
    assert update["changes"] == [{"promise": "handleplan", "status": "in-progress", "note": "Planen blev lagt frem"},
                                 {"promise": "rette-kritikpunkter", "status": "in-progress"}]


# --- a whole case in one sitting -----------------------------------------------------------------


def test_a_four_step_thread_becomes_four_linked_entries_that_pass_the_check(workdir, capsys):
    """Criticism, an answer that promises, a plan with promises and deadlines, and what happened:
    through the real form's rendering, `from-issue` and `check`."""
    code, reply, err = run(workdir, event(THREAD, number=31), capsys)
    assert code == 0, reply + err
    entries = written_entries(workdir, "vejle")
    assert list(entries) == ["report", "response", "plan", "update"]
    report, response, plan, update = entries.values()
    assert response["responds_to"] == [report["id"]]
    assert plan["responds_to"] == [report["id"], response["id"]]
    assert update["plan"] == plan["id"]
    assert update["changes"] == [{"promise": plan["promises"][0]["id"], "status": "kept", "note": "Målet er nået"}]
    assert [(p["text"], p["deadline"]) for p in plan["promises"]] == [
        ("Alle henvendelser besvares inden for 14 dage", "2018-12"), ("Færre skift af sagsbehandler", "2019-06")]
    assert response["promises"][0]["promised_by"] == {"name": "Anne Eksempel", "role": "udvalgsformand", "party": "O"}
    assert report["people"] == [{"name": "Vejle Byråd (enstemmigt)", "role": "modtog beretningen"}]

    result = check(workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(list((REPO / 'cases').rglob('*.yaml'))) + 4} sager er i orden" in result.stderr

    headings = [line for line in reply.splitlines() if line.startswith("### ")]
    assert headings == [f"### {part}: `cases/vejle/{entry['id']}.yaml`" for part, entry in
                        zip(("Kritikken", "Svaret", "Handleplanen", "Opfølgningen"), entries.values())]
    assert "Dine svar giver 4 gyldige sager, én for hver del, du udfyldte" in reply
    assert [name for name, _ in prefilled(reply)] == [f"cases/vejle/{e['id']}.yaml" for e in entries.values()]


def test_the_pull_request_description_names_the_files_and_closes_the_issue(workdir, capsys):
    code, _, _ = run(workdir, event(THREAD, number=31), capsys, "--pr-body", "pr.md")
    assert code == 0
    body = (workdir / "pr.md").read_text("utf-8")
    ids = [entry["id"] for entry in written_entries(workdir, "vejle").values()]
    assert [line for line in body.splitlines() if line.startswith("- `")] == [
        f"- `cases/vejle/{entry_id}.yaml`" for entry_id in ids]
    assert body.rstrip().endswith("Closes #31")


def test_a_later_issue_points_at_an_open_issue_whose_entries_are_not_merged_yet(workdir, capsys):
    """Issue #31 carries the criticism, the answer and the plan and waits for an editor; issue #32
    follows the plan up as "#31". When #31 is merged, "#31" finds its files in cases/."""
    first = event({k: v for k, v in THREAD.items() if not k.startswith("update-")}, number=31)
    second = event(dict(only("update", THREAD), kommune="Vejle", **{"update-plan": "#31"}), number=32)
    save_issue(workdir, first)
    assert run(workdir, second, capsys, "--references")[:2] == (0, "31\n")

    code, reply, err = run(workdir, second, capsys, "--issues", "issues", "--pr-body", "pr.md")
    assert code == 0, reply + err
    [(name, text)] = prefilled(reply)
    update = yaml.safe_load(text)
    plan_id = "2018-06-udvalget-vedtager-en-handleplan"
    assert update["plan"] == plan_id
    assert update["changes"][0]["promise"] == "alle-henvendelser-besvares-inden-for-14"  # ids have 40 characters at most
    assert "**Venter på et andet issue:**" in reply and f"- #31: `{plan_id}`" in reply
    assert "**Flet først pull requesten for:**" in (workdir / "pr.md").read_text("utf-8")
    assert check(workdir).returncode == 1  # until #31 is merged, the plan it follows is missing

    (workdir / name).unlink()  # #32's file goes; #31 is merged (its files are made and kept), then #32 again
    assert run(workdir, first, capsys)[0] == 0
    code, reply, _ = run(workdir, second, capsys)  # no --issues: #31 is found in cases/ by its files' origin
    assert code == 0, reply
    assert yaml.safe_load(prefilled(reply)[0][1])["plan"] == plan_id
    assert "Venter på" not in reply
    result = check(workdir)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("change, message", [
    ({"state": "closed"}, "issue #31 er lukket, uden at dets sag er udgivet; skriv adressen på en sag, der står på "
                          "siden"),
    ({"labels": [{"name": "rettelse"}]}, "issue #31 er ikke en »Ny sag«, eller det kan ikke hentes; skriv adressen på "
                                         "sagens side, hvis den er udgivet"),
    ({"body": render_body(FORM, dict(THREAD, **{"plan-promises": ""}))},
     "issue #31 kan ikke blive til en sag endnu, for robotten fandt fejl i det; vent, til de er rettet, og gem så "
     "dette issue igen"),
    ({"body": render_body(FORM, only("report", THREAD))},
     "issue #31 har hverken en handleplan eller et svar med løfter"),
])
def test_a_reference_that_cannot_be_followed_says_why(workdir, capsys, change, message):
    first = event(THREAD, number=31)
    first["issue"] |= change
    save_issue(workdir, first)
    second = event(dict(only("update", THREAD), kommune="Vejle", **{"update-plan": "#31"}), number=32)
    code, reply, _ = run(workdir, second, capsys, "--issues", "issues")
    assert code == 1
    assert problem_lines(reply) == [f"- **Opfølgning: planen, der følges op**: {message}".replace("#", "\\#")]


def test_an_issue_cannot_point_at_itself(workdir, capsys):
    answers = dict(SUBMISSIONS["response"], **{"response-to": "#12"})
    code, reply, _ = run(workdir, event(answers, number=12), capsys)
    assert code == 1
    assert problem_lines(reply) == [r"- **Svar: sagen, der svares på**: \#12 er dette issue; skriv en anden sag"]


# --- links that teach ----------------------------------------------------------------------------


def test_a_missing_id_is_answered_with_the_kommunes_own_entries(workdir, capsys):
    answers = dict(only("response", THREAD), kommune="Kolding", **{"response-to": "borgernes-kritik"})
    code, reply, _ = run(workdir, event(answers), capsys)
    assert code == 1
    [line] = problem_lines(reply)
    assert line.startswith("- **Svar: sagen, der svares på**: der findes ingen sag med id'et 'borgernes-kritik' på "
                           "siden. Sagerne fra Kolding er: '2019-08-konsulentrapport-sparerunde-paa-12-millioner' "
                           "(Kritik, august 2019); ")
    assert "'2018-08-kritik-af-jobcenter-kolding' (Kritik, august 2018)" in line
    assert line.endswith(r"Skriv adressen på sagens side, eller \#nummeret på et issue med sagen, hvis den ikke er "
                         "udgivet endnu")


def test_a_missing_id_in_a_kommune_without_entries_says_so(workdir, capsys):
    answers = dict(only("response", THREAD), **{"response-to": "2018-04-kritik-af-jobcenter"})
    code, reply, _ = run(workdir, event(answers), capsys)
    assert problem_lines(reply) == [
        "- **Svar: sagen, der svares på**: der findes ingen sag med id'et '2018-04-kritik-af-jobcenter' på siden, og "
        "Vejle har ingen sager på siden endnu ('2018-08-kritik-af-jobcenter-kolding' hører til Kolding). Udfyld "
        r"Kritikken øverst i formularen, eller skriv \#nummeret på et issue med sagen, hvis den ikke er udgivet endnu"]


def test_an_answer_linked_to_another_kommunes_report_is_a_warning(workdir, capsys):
    answers = dict(only("response", THREAD), **{"response-to": "2018-08-kritik-af-jobcenter-kolding",
                                                 "response-date": "september 2018", "response-promises": ""})
    code, reply, _ = run(workdir, event(answers), capsys)
    assert code == 0, reply
    assert ("- **Svar: sagen, der svares på**: Linje 1: '2018-08-kritik-af-jobcenter-kolding' er en sag fra Kolding, "
            "men denne sag hører til Vejle; er det den rigtige sag?") in problem_lines(reply)
    result = check(workdir)
    assert result.returncode == 0
    assert ("responds_to[0]: advarsel: '2018-08-kritik-af-jobcenter-kolding' er en sag fra Kolding, men denne sag "
            "hører til Vejle; er det den rigtige sag?") in result.stdout


def test_check_guesses_a_missing_id_from_the_entrys_own_kommune_first(workdir, capsys):
    """A Vejle answer to a misspelt id: `check` suggests Vejle's report, though a
    Kolding report's id is nearer."""
    assert run(workdir, event(dict(only("report", THREAD), **{
        "report-headline": "Kritik af jobcentret i Vejle", "report-date": "august 2018"})), capsys)[0] == 0
    assert (workdir / "cases" / "vejle" / "2018-08-kritik-af-jobcentret-i-vejle.yaml").is_file()
    answer = workdir / "cases" / "vejle" / "2018-09-svar.yaml"
    answer.write_text(yaml.safe_dump({
        "type": "response", "title": "Svar", "date": "2018-09", "kommune": "vejle", "tags": ["sygedagpenge"],
        "responds_to": ["2018-08-kritik-af-jobcenter"], "responders": [{"name": "Udvalget", "role": "udvalg"}],
        "summary": "Svar.", "sources": [{"title": "Svar", "publisher": "Avisen", "date": "2018-09",
                                         "url": "https://example.org/svar"}]}, allow_unicode=True), encoding="utf-8")
    result = check(workdir)
    assert ("responds_to[0]: der findes ingen sag med id'et '2018-08-kritik-af-jobcenter'; mente du "
            "'2018-08-kritik-af-jobcentret-i-vejle'?") in result.stdout


def test_the_reply_lists_the_checks_warnings(workdir, capsys):
    answers = dict(SUBMISSIONS["plan"], **{"plan-promises": "Færre sager | Beskæftigelses- og Integrationsudvalget"})
    code, reply, _ = run(workdir, event(answers), capsys)
    assert code == 0
    assert ("- **Handleplan: løfter**: Løfte 1, hvem der lovede det: Beskæftigelses- og Integrationsudvalget har ingen "
            "rolle (role); skriv den offentlige rolle, personen nævnes i") in problem_lines(reply)
    assert reply.index("Læs dog lige disse advarsler") < reply.index("```yaml")


# --- a source, a person, a text: read as meant ---------------------------------------------------


@pytest.mark.parametrize("line", [
    "https://www.kk.dk/plan | Handleplan | Københavns Kommune | maj 2018",
    "Handleplan | https://www.kk.dk/plan | Københavns Kommune | maj 2018",
    "Handleplan | Københavns Kommune | maj 2018 | https://www.kk.dk/plan",
    "Handleplan | Københavns Kommune | https://www.kk.dk/plan | maj 2018",
    "maj 2018 | Handleplan | Københavns Kommune | https://www.kk.dk/plan",
    "• https://www.kk.dk/plan | Handleplan | Københavns Kommune | maj 2018",
])
def test_a_source_line_is_read_whatever_the_order_of_its_parts(workdir, capsys, line):
    code, reply, _ = run(workdir, event(dict(SUBMISSIONS["plan"], **{"plan-sources": line})), capsys)
    assert code == 0, reply
    assert written_entries(workdir, "koebenhavn")["plan"]["sources"] == [
        {"title": "Handleplan", "publisher": "Københavns Kommune", "date": "2018-05", "url": "https://www.kk.dk/plan"}]


@pytest.mark.parametrize("line, message", [
    ("Handleplan | https://www.kk.dk/plan", r"Kilde 1 mangler en udgiver og en dato (skriv: link \| titel \| udgiver "
                                            r"\| dato)"),
    ("https://www.kk.dk/plan | Handleplan | Københavns Kommune | 31. februar 2018",
     "Kilde 1: datoen findes ikke: februar 2018 har 28 dage"),
    ("https://a.dk | https://b.dk | https://c.dk | Titel | Udgiver | 2018",
     "Kilde 1 har for mange links; skriv ét link og eventuelt ét arkivlink (fx fra web.archive.org)"),
])
def test_a_source_line_that_cannot_be_read_says_what_is_missing(workdir, capsys, line, message):
    code, reply, _ = run(workdir, event(dict(SUBMISSIONS["plan"], **{"plan-sources": line})), capsys)
    assert code == 1
    assert problem_lines(reply) == [f"- **Handleplan: kilder**: {message}"]


@pytest.mark.parametrize("line, actor", [
    ("Fredericia Byråd (enstemmigt)", {"name": "Fredericia Byråd (enstemmigt)"}),
    ("Hans Eksempel (A), borgmester", {"name": "Hans Eksempel", "role": "borgmester", "party": "A"}),
    ("Hans Eksempel, borgmester (Socialdemokratiet)",
     {"name": "Hans Eksempel", "role": "borgmester", "party": "Socialdemokratiet"}),
    ("Udvalget (flertallet, mod én stemme), politisk udvalg",
     {"name": "Udvalget (flertallet, mod én stemme)", "role": "politisk udvalg"}),
    ("Ole Eksempel (tidligere S), rådmand", {"name": "Ole Eksempel (tidligere S)", "role": "rådmand"}),
])
def test_a_party_is_read_only_from_known_party_letters_or_names(workdir, capsys, line, actor):
    code, reply, _ = run(workdir, event(dict(SUBMISSIONS["response"], **{"response-responders": line})), capsys)
    assert code == 0, reply
    assert written_entries(workdir, "koebenhavn")["response"]["responders"] == [actor]


def test_each_line_of_a_text_keeps_its_place(workdir, capsys):
    """The writer's line breaks are kept (a backslash ends a line that would otherwise run on);
    a date opening a line, a dash quote and pasted bullets stay what they were (the pasted-text
    corpus, tests/test_render_corpus.py, shows the HTML)."""
    summary = ("12. april 2018 besluttede udvalget at se på sagen.\nFormanden sagde:\n"
               "- Vi tager kritikken alvorligt.\n•\tFor lange sager\n• For mange skift\nSå var det det.\n\n\n"
               "Nyt afsnit.")
    code, reply, _ = run(workdir, event(dict(SUBMISSIONS["report"], **{"report-summary": summary})), capsys)
    assert code == 0, reply
    assert written_entries(workdir, "koebenhavn")["report"]["summary"] == (
        "12. april 2018 besluttede udvalget at se på sagen.\\\nFormanden sagde:\n- Vi tager kritikken alvorligt.\n"
        "• For lange sager\n• For mange skift\nSå var det det.\n\nNyt afsnit.\n")


def test_a_word_paste_keeps_the_reply_readable(workdir, capsys):
    """Tabs, non-breaking and zero-width characters from Word: normalised, and the reply's YAML
    keeps its text as a block of lines rather than one escaped line."""
    summary = "Første\tafsnit\u00a0med\u200b tegn fra Word.  \n\tAndet afsnit."
    code, reply, _ = run(workdir, event(dict(SUBMISSIONS["report"], **{"report-summary": summary})), capsys)
    assert code == 0, reply
    [(_, text)] = prefilled(reply)
    assert "summary: |\n  Første afsnit med tegn fra Word.\\\n  Andet afsnit.\n" in text
    assert "\\t" not in reply and "\t" not in reply


# --- editing the issue is safe -------------------------------------------------------------------


def test_no_response_left_above_typed_text_is_dropped(workdir, capsys):
    body = render_body(FORM, SUBMISSIONS["report"]).replace(
        SUBMISSIONS["report"]["report-people"], f"{NO_RESPONSE}\n\nJohn Klausen, formand for taskforcen")
    body = body.replace("### Svar: hvem svarede?\n\n_No response_", "### Svar: hvem svarede?\n\n_No response_\n")
    code, reply, _ = run(workdir, event({}, body=body), capsys)
    assert code == 0, reply
    assert written_entries(workdir, "koebenhavn")["report"]["people"] == [
        {"name": "John Klausen", "role": "formand for taskforcen"}]


@pytest.mark.parametrize("old, new, expected", [
    ("### Kritik: kilder", "### Kritik: Kilder og links",
     [r"- **Kritik: kilder**: overskriften »\#\#\# Kritik: Kilder og links« er ændret; ret den tilbage til "
      r"»\#\#\# Kritik: kilder«, så robotten kan finde feltet"]),
    ("### Kritik: kilder", "### Kritik: kilder:",
     [r"- **Kritik: kilder**: overskriften »\#\#\# Kritik: kilder:« er ændret; ret den tilbage til "
      r"»\#\#\# Kritik: kilder«, så robotten kan finde feltet"]),
    ("### Kritik: kritikpunkter\n\n", "### Kritik: kritikpunkter\n\nMøder aflyses\n\n### Mine noter\n\n",
     [r"- **Issuet**: overskriften »\#\#\# Mine noter« hører ikke til formularen, og teksten under den bliver ikke "
      r"læst; slet overskriften, eller skriv teksten uden \#\#\# foran"]),
    ("### Kritik: kilder\n\n", "",
     [r"- **Issuet**: overskriften »\#\#\# Kritik: kilder« mangler i issuet; skriv den igen (også over et tomt felt), "
      "eller udfyld formularen forfra"]),
])
def test_a_changed_or_unknown_heading_is_reported_by_its_name(workdir, capsys, old, new, expected):
    body = render_body(FORM, SUBMISSIONS["report"])
    assert old in body
    code, reply, _ = run(workdir, event({}, body=body.replace(old, new, 1)), capsys)
    assert code == 1
    assert problem_lines(reply)[:1] == expected


# --- hostile and broken submissions: a Danish problem per field, no file, no traceback --------


def _with(kind="report", **changes):
    return dict(SUBMISSIONS[kind], **{key.replace("_", "-"): value for key, value in changes.items()})


CPR = "0101901234"
HOSTILE = {
    "markup-in-title": (_with(report_headline="<script>alert(1)</script>"),
                        [r"- **Kritik: overskrift**: må ikke indeholde &lt; eller \>; skriv almindelig tekst"]),
    "markup-in-summary": (_with(report_summary='Se <img src=x onerror="alert(1)">'),
                          [r"- **Kritik: hvad skete der?**: teksten indeholder HTML, \{…\} eller et link, der ikke "
                           r"begynder med https://; skriv almindelig tekst"]),
    "javascript-link-in-finding": (_with(report_findings="[klik](javascript:alert(1))"),
                                   [r"- **Kritik: kritikpunkter**: teksten indeholder HTML, \{…\} eller et "
                                    r"link, der ikke begynder med https://; skriv almindelig tekst"]),
    "javascript-source": (_with(report_sources="javascript:alert(1) | Titel | DR | 2019"),
                          ["- **Kritik: kilder**: Kilde 1: linket skal begynde med https:// eller http://"]),
    "yaml-injection-in-title": (_with(report_headline="x\nkommune: aarhus"),
                                ["- **Kritik: overskrift**: skal stå på én linje"]),
    "fake-field-heading-in-summary": (_with(report_summary="Tekst\n\n### Kommune\n\nAarhus"),
                                      [r"- **Kommune**: feltet står to gange i issuet; skriv ikke linjer, der begynder "
                                       r"med \#\#\# og feltets navn, i dine svar"]),
    "100-kb-summary": (_with(report_summary="a" * 100_000),
                       ["- **Kritik: hvad skete der?**: feltet er for langt (100.000 tegn; højst 20.000)"]),
    "100-kb-title": (_with(report_headline="a" * 100_000),
                     ["- **Kritik: overskrift**: feltet er for langt (100.000 tegn; højst 300)"]),
    "cpr-number": (_with(report_summary=f"Borgeren med CPR {CPR[:6]}-{CPR[6:]} fik afslag."),
                   [r"- **Kritik: hvad skete der?**: teksten indeholder et CPR-nummer; slet det — CPR-numre må aldrig "
                    r"offentliggøres"]),
    "unknown-kommune": (_with(kommune="Kobenhavn"),
                        ["- **Kommune**: ukendt kommune 'Kobenhavn'; mente du København?"]),
    "unknown-kommune-no-guess": (_with(kommune="Atlantis"),
                                 ["- **Kommune**: ukendt kommune 'Atlantis'; vælg den i listen"]),
    "path-traversing-kommune": (_with(kommune="../../../etc"),
                                ["- **Kommune**: ukendt kommune '../../../etc'; vælg den i listen"]),
    "mention-in-kommune": (_with(kommune="@octocat"),
                           ["- **Kommune**: ukendt kommune '&#64;octocat'; vælg den i listen"]),
    "source-without-publisher": (_with(report_sources=SUBMISSIONS["report"]["report-sources"].split("\n")[0]
                                       + "\nhttps://www.dr.dk/b | Titel |  | 2019"),
                                 [r"- **Kritik: kilder**: Kilde 2 mangler en udgiver (skriv: link \| titel \| udgiver "
                                  r"\| dato)"]),
    "source-with-link-only": (_with(report_sources="https://www.dr.dk/a"),
                              [r"- **Kritik: kilder**: Kilde 1 mangler en titel og en udgiver og en dato (skriv: link "
                               r"\| titel \| udgiver \| dato)"]),
    "report-without-publisher": (_with(report_publisher=""),
                                 ["- **Kritik: hvem står bag?**: skriv hvem der står bag kritikken"]),
    "future-date": (_with(report_date="1. januar 2099"), ["- **Kritik: dato**: datoen 2099-01-01 ligger i fremtiden"]),
    "unreadable-date": (_with(report_date="sidste sommer"),
                        ["- **Kritik: dato**: kan ikke læse datoen; skriv den som 10. april 2018, april 2018, 2018 "
                         "eller 2018-04-10"]),
    "unknown-case": (_with("response", response_to="2018-04-10-taskforce"),
                     ["- **Svar: sagen, der svares på**: der findes ingen sag med id'et '2018-04-10-taskforce' på "
                      "siden; mente du '2018-04-10-taskforce-foertidspension-fleksjob'?"]),
    "promise-without-who": (_with("plan", plan_promises="Færre sager"),
                            [r"- **Handleplan: løfter**: Løfte 1 mangler hvem der lovede det (skriv: løftet \| Navn "
                             r"(parti), rolle \| frist)"]),
    "unknown-promise-number": (_with("update", update_promises="7"),
                               ["- **Opfølgning: løfterne, der følges op**: Linje 1: planen har 2 løfter, ikke 7: "
                                "1 (Forvaltningen udarbejder et forslag til …), 2 (Kommunen retter hurtigst muligt op "
                                "på …)"]),
    "update-without-plan": (_with("update", update_plan=""),
                            [r"- **Opfølgning: planen, der følges op**: skriv hvilken plan der følges op: adressen på "
                             r"planens side eller \#nummeret på issuet — eller skriv løfterne i Handleplanen ovenfor"]),
    "no-tags-no-confirmation": (_with(tags=[], confirm=[]),
                                ["- **Emner**: sæt kryds ved mindst ét emne",
                                 "- **Før du sender**: sæt kryds ved begge bekræftelser"]),
    "empty-form": ({}, ["- **Issuet**: udfyld mindst én af de fire dele: Kritikken, Svaret, Handleplanen eller "
                        "Opfølgningen",
                        "- **Kommune**: vælg kommunen, eller Hele landet",
                        "- **Emner**: sæt kryds ved mindst ét emne",
                        "- **Før du sender**: sæt kryds ved begge bekræftelser"]),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_submission_gets_its_danish_reply(name, workdir, capsys):
    answers, expected = HOSTILE[name]
    before = {path: (workdir / path).read_bytes() for path in files(workdir)}
    code, reply, err = run(workdir, event(answers), capsys)
    assert code == 1, reply
    assert err == ""
    assert problem_lines(reply) == expected
    assert reply.startswith(MARKER + "\n## Sagen kan ikke laves endnu\n")
    assert "Opret filen" not in reply and "```" not in reply  # nothing to copy until it is right
    after = {path: (workdir / path).read_bytes() for path in files(workdir)}
    assert after == before | {"event.json": after["event.json"]}
    assert len(reply) < 10_000 and CPR[:6] not in reply


def test_a_part_with_problems_keeps_the_parts_after_it_quiet_about_their_link(workdir, capsys):
    """The answer links to the criticism above it; while the criticism has no date, the answer
    is not also blamed for a missing link."""
    code, reply, _ = run(workdir, event(dict(THREAD, **{"report-date": ""})), capsys)
    assert code == 1
    assert problem_lines(reply) == ["- **Kritik: dato**: datoen mangler; skriv den som 10. april 2018, april 2018, "
                                    "2018 eller 2018-04-10"]


def test_text_that_looks_like_fields_stays_in_its_own_field(workdir, capsys):
    answers = _with(report_summary="x\nkommune: aarhus\ntype: plan\n---\ntitle: hacked")
    code, reply, _ = run(workdir, event(answers), capsys)
    assert code == 0
    [(filename, text)] = prefilled(reply)
    data = yaml.safe_load(text)
    assert filename.startswith("cases/koebenhavn/")
    assert (data["kommune"], data["type"], data["title"]) == ("koebenhavn", "report",
                                                              SUBMISSIONS["report"]["report-headline"])
    assert data["summary"] == "x\\\nkommune: aarhus\\\ntype: plan\\\n---\\\ntitle: hacked\n"


def test_path_traversing_title_stays_in_the_kommune_folder(workdir, capsys):
    code, reply, _ = run(workdir, event(_with(report_headline="../../../../etc/passwd")), capsys)
    assert code == 0
    assert prefilled(reply)[0][0] == "cases/koebenhavn/2019-03-03-etc-passwd.yaml"
    assert (workdir / "cases" / "koebenhavn" / "2019-03-03-etc-passwd.yaml").is_file()


def test_same_title_twice_gets_a_new_id(workdir, capsys):
    assert run(workdir, event(SUBMISSIONS["report"]), capsys)[0] == 0
    code, reply, _ = run(workdir, event(SUBMISSIONS["report"]), capsys)
    assert code == 0
    assert prefilled(reply)[0][0] == "cases/koebenhavn/2019-03-03-borgerbrev-jobcentret-glemmer-aftaler-2.yaml"


def test_title_makes_the_id_as_jobcentertjek_new_does(workdir, capsys):
    main(["new", "report", "--kommune", "København", "--title", SUBMISSIONS["report"]["report-headline"],
          "--date", "2019-03-03", "--cases", str(workdir / "new")])
    [made] = (workdir / "new" / "koebenhavn").glob("*.yaml")
    capsys.readouterr()
    _, reply, _ = run(workdir, event(SUBMISSIONS["report"]), capsys)
    assert prefilled(reply)[0][0] == f"cases/koebenhavn/{made.name}"


def test_long_entry_is_copied_instead_of_linked(workdir, capsys):
    answers = _with(report_summary="Et langt resumé med mange ord. " * 600)
    code, reply, _ = run(workdir, event(answers), capsys)
    assert code == 0
    assert "Opret filen på GitHub" not in reply
    assert "Filen er for lang til et link" in reply and "GitHub klarer kun omkring 8.000" in reply
    [written] = (workdir / "cases" / "koebenhavn").glob("2019-03-03-*.yaml")
    assert f"```yaml\n{written.read_text('utf-8')}```" in reply


def test_backticks_cannot_end_the_block_to_copy(workdir, capsys):
    code, reply, _ = run(workdir, event(_with(report_summary="Kode:\n\n```\n[x](https://x.dk)\n````")), capsys)
    assert code == 0
    assert "\n`````yaml\n" in reply and reply.rstrip().endswith("`````")


def test_email_is_a_warning_that_does_not_block(workdir, capsys):
    code, reply, _ = run(workdir, event(_with(report_summary="Skriv til borger.navn@gmail.com for mere.")), capsys)
    assert code == 0
    assert ("- **Kritik: hvad skete der?**: teksten indeholder en e-mailadresse; er den privat, så slet den"
            in problem_lines(reply))
    assert "@gmail" not in reply.split("```yaml")[0]


@pytest.mark.parametrize("payload, reason", [
    (event(SUBMISSIONS["report"], labels=("rettelse",)), "issuet har hverken etiketten 'ny sag' eller 'efterprøvning'"),
    ({"action": "opened", "pull_request": {"number": 1}}, "hændelsen handler ikke om et issue"),
    ({"action": "opened", "issue": {"number": 1, "pull_request": {}, "labels": [{"name": "ny sag"}]}},
     "hændelsen handler ikke om et issue"),
])
def test_other_events_exit_2_with_one_line(payload, reason, workdir, capsys):
    code, out, err = run(workdir, payload, capsys)
    assert (code, out) == (2, "")
    assert err == f"jobcentertjek from-issue: {reason}; intet at gøre.\n"


def test_unreadable_event_exits_2(workdir, capsys):
    (workdir / "event.json").write_text("{not json", encoding="utf-8")
    assert main(["from-issue", "event.json", "--forms", str(FORMS)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_body_as_github_sends_it_with_crlf(workdir, capsys):
    body = render_body(FORM, SUBMISSIONS["plan"]).replace("\n", "\r\n")
    code, reply, _ = run(workdir, event({}, body=body), capsys)
    assert code == 0, reply
    assert NO_RESPONSE not in prefilled(reply)[0][1] and "\r" not in prefilled(reply)[0][1]


def test_command_line_as_the_workflow_runs_it(workdir):
    (workdir / "event.json").write_text(json.dumps(event(SUBMISSIONS["update"])), encoding="utf-8")
    shutil.copytree(REPO / ".github", workdir / ".github")
    result = subprocess.run([str(BIN / "jobcentertjek"), "from-issue", "event.json"], cwd=workdir,
                            capture_output=True, text=True, env=os.environ | {"GITHUB_ACTIONS": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(MARKER) and result.stderr == ""


# --- whatever is typed into the form: a reply, never a traceback, never a file elsewhere ------

_ANSWER = st.one_of(st.text(max_size=60), st.sampled_from(["", "x\nkommune: aarhus", "../../x", "- [X] fleksjob",
                                                           "### Kilder", "javascript:alert(1) | a | b | 2019",
                                                           "10. april 2018", "<b>", "0101901234", "#12", "#7",
                                                           "• a\n\tb", "Navn (V), rolle"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=st.fixed_dictionaries({}, optional={key: _ANSWER for key in FIELDS if key not in ("tags", "confirm")}),
       base=st.sampled_from([*SUBMISSIONS, "thread"]))
def test_any_answers_get_a_reply_and_at_most_valid_files_in_their_kommune(tmp_path_factory, answers, base):
    root = tmp_path_factory.mktemp("fuzz")
    payload = event(dict(THREAD if base == "thread" else SUBMISSIONS[base], **answers))
    result = from_issue(payload, FORMS, root / "cases")
    assert result.reply.startswith(MARKER + "\n## Sagen ")
    written = sorted(p for p in root.rglob("*") if p.is_file())
    assert written == sorted(result.paths)
    for path in result.paths:
        assert path.parent.parent == (root / "cases").resolve()
        assert path.parent.name == yaml.safe_load(path.read_text("utf-8"))["kommune"]
        entry, problems = load_entry(path)
        assert entry is not None and not [p for p in problems if p.severity == "error"]


# --- dates as people write them -------------------------------------------------------------


@pytest.mark.parametrize("text, iso", [
    ("10. april 2018", "2018-04-10"), ("10 april 2018", "2018-04-10"), ("den 3. maj 2019", "2019-05-03"),
    ("10. apr. 2018", "2018-04-10"), ("April 2018", "2018-04"), ("sept. 2020", "2020-09"), ("2018", "2018"),
    ("2018-04-10", "2018-04-10"), ("2018-04", "2018-04"), ("10/4/2018", "2018-04-10"), ("10.04.2018", "2018-04-10"),
    ("10/4 2018", "2018-04-10"), ("4/2018", "2018-04"), ("  1.  december   2019 ", "2019-12-01"),
])
def test_danish_dates_keep_the_precision_written(text, iso):
    assert str(parse_danish_date(text)) == iso


@pytest.mark.parametrize("text, message", [
    ("31. februar 2018", "datoen findes ikke: februar 2018 har 28 dage"),
    ("0/4/2018", "datoen findes ikke: april 2018 har 30 dage"),
    ("13.13.2018", "måned 13 findes ikke; brug 01 til 12"),
    ("1. smarts 2018", "kender ikke måneden 'smarts'; skriv den som 10. april 2018, april 2018, 2018 eller 2018-04-10"),
    ("i går", "kan ikke læse datoen; skriv den som 10. april 2018, april 2018, 2018 eller 2018-04-10"),
    ("4/10", "kan ikke læse datoen; skriv den som 10. april 2018, april 2018, 2018 eller 2018-04-10"),
    ("1960", "årstallet er for tidligt; jobcentrenes historie begynder efter 1970"),
])
def test_unreadable_dates_are_said_not_guessed(text, message):
    with pytest.raises(ValueError) as error:
        parse_danish_date(text)
    assert str(error.value) == message


def test_the_checks_messages_name_examples_that_exist(tmp_path, monkeypatch, capsys):
    """An id or a promise id written wrongly in a file: the example in the message is a real case."""
    case = tmp_path / "cases" / "koebenhavn" / "2019-01-svar.yaml"
    case.parent.mkdir(parents=True)
    case.write_text(yaml.safe_dump({
        "type": "update", "title": "Svar", "date": "2019-01", "kommune": "koebenhavn", "tags": ["fleksjob"],
        "plan": "Handleplanen fra 2018", "changes": [{"promise": "Rette kritikpunkter", "status": "kept"}],
        "summary": "x", "sources": [{"title": "t", "publisher": "p", "date": "2019-01", "url": "https://x.dk/a"}]},
        allow_unicode=True), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "cases", "--no-hints"]) == 1
    out = capsys.readouterr().out
    assert ("plan: skal være en anden sags id: dens filnavn uden .yaml, fx 2018-04-10-taskforce-foertidspension-fleksjob"
            in out)
    assert ("changes[0].promise: skrives med små bogstaver uden æ, ø og å og med bindestreg i stedet for mellemrum, "
            "fx rette-kritikpunkter") in out
    assert (REPO / "cases" / "koebenhavn" / "2018-04-10-taskforce-foertidspension-fleksjob.yaml").is_file()
    plan = yaml.safe_load((REPO / "cases" / "koebenhavn" / "2018-04-16-udvalget-beder-om-handleplan.yaml").read_text())
    assert "rette-kritikpunkter" in [promise["id"] for promise in plan["promises"]]
