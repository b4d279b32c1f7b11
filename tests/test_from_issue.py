"""The "Ny sag" route: a submitted issue form becomes a checked entry file, or a Danish reply
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
from jobcentertjek.contribute.freedates import parse_danish_date
from jobcentertjek.contribute.fromissue import (
    COMMON_FIELDS,
    MARKER,
    MAX_URL_BYTES,
    TYPE_FIELDS,
    from_issue,
)
from jobcentertjek.contribute.issueform import (
    NO_RESPONSE,
    kommune_options,
    read_form,
    render_body,
    tag_options,
)
from jobcentertjek.entries.model import REPORT_KINDS, STATUS_LABELS, TYPE_LABELS
from jobcentertjek.entries.validate import load_entry

REPO = Path(__file__).resolve().parents[1]
FORM_FILE = REPO / ".github" / "ISSUE_TEMPLATE" / "ny-sag.yml"
FORM = read_form(FORM_FILE)
FIELDS = {item.id: item for item in FORM}
BIN = Path(sys.executable).parent
CONFIRM = list(FIELDS["confirm"].options)

COMMON = dict(kommune="København", tags=["førtidspension", "fleksjob"], confirm=CONFIRM)
SUBMISSIONS = {
    "report": dict(
        COMMON, type="Kritik", headline="Borgerbrev: jobcentret glemmer aftaler", date="3. marts 2019",
        summary="Et åbent brev fra en gruppe borgere.\n\nDe skriver, at *møder* bliver aflyst med kort varsel.",
        kind="Borgerbrev", publisher="Borgergruppen i Nordvest",
        findings="Møder aflyses med kort varsel\n- Breve besvares ikke",
        people="Cecilia Lonning-Skovgaard (V), beskæftigelsesborgmester\nBeskæftigelses- og Integrationsudvalget",
        sources="https://www.dr.dk/nyheder/regionale/brev | Borgere skriver til jobcentret | DR | 3. marts 2019\n"
                "https://example.org/brev.pdf | https://web.archive.org/web/2019/https://example.org/brev.pdf"
                " | Åbent brev | Borgergruppen i Nordvest | marts 2019"),
    "response": dict(
        COMMON, type="Svar", headline="Borgmesteren: \"Vi tager kritikken alvorligt\"", date="den 20. april 2018",
        summary="Borgmesteren svarer på taskforcens rapport.",
        **{"responds-to": "https://jobcentertjek.github.io/jobcentertjek/sager/"
                          "2018-04-10-taskforce-foertidspension-fleksjob/"},
        responders="Cecilia Lonning-Skovgaard (V), beskæftigelses- og integrationsborgmester",
        sources="https://www.kk.dk/svar | Svar på taskforcens rapport | Københavns Kommune | 20/4 2018"),
    "plan": dict(
        COMMON, type="Handleplan", headline="Handleplan: færre sager pr. sagsbehandler", date="maj 2018",
        summary="Forvaltningen lægger en plan frem.",
        **{"responds-to": "2018-04-10-taskforce-foertidspension-fleksjob"},
        promises="Færre sager pr. sagsbehandler | Beskæftigelses- og Integrationsudvalget | december 2018\n"
                 "Bedre breve til borgerne | Cecilia Lonning-Skovgaard (V), borgmester",
        sources="https://www.kk.dk/plan | Handleplan | Københavns Kommune | maj 2018"),
    "update": dict(
        COMMON, type="Opfølgning", headline="Handleplanen er lagt frem", date="2018",
        summary="Forvaltningen lagde handleplanen frem for udvalget.",
        plan="https://jobcentertjek.github.io/jobcentertjek/sager/2018-04-16-udvalget-beder-om-handleplan/",
        **{"followed-promises": "1 | Planen blev lagt frem\nrette-kritikpunkter"}, status="I gang",
        sources="https://www.kk.dk/status | Status på handleplanen | Københavns Kommune | 2018"),
}
DANISH_DATES = {"report": "2019-03-03", "response": "2018-04-20", "plan": "2018-05", "update": "2018"}


def event(answers: dict, *, labels=("ny sag",), number=12, body: str | None = None) -> dict:
    return {"action": "opened",
            "issue": {"number": number, "title": "Ny sag: x", "labels": [{"name": name} for name in labels],
                      "body": render_body(FORM, answers) if body is None else body},
            "repository": {"full_name": "jobcentertjek/jobcentertjek", "default_branch": "main"}}


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """A checkout's working directory: the real cases, in a folder of their own."""
    shutil.copytree(REPO / "cases", tmp_path / "cases")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(workdir: Path, payload: dict, capsys) -> tuple[int, str, str]:
    path = workdir / "event.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    code = main(["from-issue", str(path), "--form", str(FORM_FILE)])
    out, err = capsys.readouterr()
    return code, out, err


def files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def prefilled(reply: str) -> tuple[str, str]:
    """The filename and text of the reply's "Opret sagen på GitHub" link."""
    [line] = [line for line in reply.splitlines() if line.startswith("**[Opret sagen på GitHub](")]
    url = line.removeprefix("**[Opret sagen på GitHub](").removesuffix(")**")
    assert len(url.encode()) <= MAX_URL_BYTES
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/jobcentertjek/jobcentertjek/new/main")
    query = parse_qs(parts.query, keep_blank_values=True)
    assert set(query) == {"filename", "value"}
    return query["filename"][0], query["value"][0]


def problem_lines(reply: str) -> list[str]:
    return [line for line in reply.splitlines() if line.startswith("- **")]


# --- the form and the parser agree -------------------------------------------------------------


def test_form_choices_come_from_the_reference_data():
    assert list(FIELDS["kommune"].options) == kommune_options()
    assert len(kommune_options()) == 99 and kommune_options()[0] == "Hele landet"
    assert list(FIELDS["tags"].options) == tag_options()
    assert list(FIELDS["type"].options) == list(TYPE_LABELS.values())
    assert list(FIELDS["kind"].options) == list(REPORT_KINDS.values())
    assert list(FIELDS["status"].options) == list(STATUS_LABELS.values())


def test_every_form_field_is_read_and_every_read_field_is_in_the_form():
    used = set(COMMON_FIELDS).union(*TYPE_FIELDS.values())
    assert used == set(FIELDS)


def test_form_keeps_the_privacy_warning_and_the_confirmations():
    data = yaml.safe_load(FORM_FILE.read_text("utf-8"))
    intro = data["body"][0]["attributes"]["value"]
    assert "**Alt, du skriver her, er offentligt.**" in intro and "CPR-numre" in intro
    assert all(option["required"] for option in next(i for i in data["body"] if i.get("id") == "confirm")
               ["attributes"]["options"])
    required = {i["id"] for i in data["body"] if i.get("validations", {}).get("required")}
    assert required == {"type", "kommune", "headline", "date", "summary", "sources"}


# --- a good submission of each type becomes a file that passes the real check ----------------


@pytest.mark.parametrize("kind", SUBMISSIONS)
def test_submission_becomes_a_checked_entry(kind, workdir, capsys):
    before = files(workdir)
    code, reply, err = run(workdir, event(SUBMISSIONS[kind]), capsys)
    assert code == 0, reply + err
    [written] = files(workdir) - before - {"event.json"}
    assert written.startswith("cases/koebenhavn/" + DANISH_DATES[kind] + "-")
    text = (workdir / written).read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/entry.schema.json\n")

    data = yaml.safe_load(text)
    assert data["type"] == kind and data["kommune"] == "koebenhavn"
    assert str(data["date"]) == DANISH_DATES[kind]
    assert data["tags"] == ["fleksjob", "førtidspension"]  # in the order of the form (and tags.yaml)

    check = subprocess.run([str(BIN / "jobcentertjek"), "check", "cases"], cwd=workdir,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr

    assert reply.startswith(MARKER + "\n")
    filename, value = prefilled(reply)
    assert filename == written and value == text
    assert f"```yaml\n{text}```" in reply  # the block to copy when the link does not work


def test_mapping_of_each_part(workdir, capsys):
    """What the contributor wrote ends up in the field a careful editor would put it in."""
    for kind in SUBMISSIONS:
        run(workdir, event(SUBMISSIONS[kind]), capsys)
    written = {yaml.safe_load(p.read_text("utf-8"))["type"]: yaml.safe_load(p.read_text("utf-8"))
               for p in (workdir / "cases" / "koebenhavn").glob("*.yaml")
               if "from-issue" in p.read_text("utf-8")}
    report = written["report"]
    assert report["kind"] == "citizens-letter" and report["publisher"] == "Borgergruppen i Nordvest"
    assert report["findings"] == ["Møder aflyses med kort varsel", "Breve besvares ikke"]
    assert report["people"] == [{"name": "Cecilia Lonning-Skovgaard", "role": "beskæftigelsesborgmester",
                                 "party": "V"}, {"name": "Beskæftigelses- og Integrationsudvalget"}]
    assert report["summary"].startswith("Et åbent brev") and "\n\nDe skriver" in report["summary"]
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


def test_same_title_twice_gets_a_new_id(workdir, capsys):
    assert run(workdir, event(SUBMISSIONS["report"]), capsys)[0] == 0
    code, reply, _ = run(workdir, event(SUBMISSIONS["report"]), capsys)
    assert code == 0
    assert prefilled(reply)[0] == "cases/koebenhavn/2019-03-03-borgerbrev-jobcentret-glemmer-aftaler-2.yaml"


def test_title_makes_the_id_as_jobcentertjek_new_does(workdir, capsys):
    main(["new", "report", "--kommune", "København", "--title", SUBMISSIONS["report"]["headline"],
          "--date", "2019-03-03", "--cases", str(workdir / "new")])
    [made] = (workdir / "new" / "koebenhavn").glob("*.yaml")
    capsys.readouterr()
    _, reply, _ = run(workdir, event(SUBMISSIONS["report"]), capsys)
    assert prefilled(reply)[0] == f"cases/koebenhavn/{made.name}"


def test_long_entry_is_copied_instead_of_linked(workdir, capsys):
    answers = dict(SUBMISSIONS["report"], summary="Et langt resumé med mange ord. " * 600)
    code, reply, _ = run(workdir, event(answers), capsys)
    assert code == 0
    assert "Opret sagen på GitHub" not in reply
    assert "Sagen er for lang til et link" in reply and "GitHub klarer kun omkring 8.000" in reply
    [written] = (workdir / "cases" / "koebenhavn").glob("2019-03-03-*.yaml")
    assert f"```yaml\n{written.read_text('utf-8')}```" in reply


# --- hostile and broken submissions: a Danish problem per field, no file, no traceback --------


def _with(kind="report", **changes):
    return dict(SUBMISSIONS[kind], **changes)


CPR = "0101901234"
HOSTILE = {
    "markup-in-title": (_with(headline="<script>alert(1)</script>"),
                        [r"- **Overskrift**: må ikke indeholde &lt; eller \>; skriv almindelig tekst"]),
    "markup-in-summary": (_with(summary='Se <img src=x onerror="alert(1)">'),
                          [r"- **Hvad skete der?**: teksten indeholder HTML, \{…\} eller et link, der ikke begynder "
                           r"med https://; skriv almindelig tekst"]),
    "javascript-link-in-finding": (_with(findings="[klik](javascript:alert(1))"),
                                   [r"- **Kritikpunkter (kun ved Kritik)**: teksten indeholder HTML, \{…\} eller et "
                                    r"link, der ikke begynder med https://; skriv almindelig tekst"]),
    "javascript-source": (_with(sources="javascript:alert(1) | Titel | DR | 2019"),
                          ["- **Kilder**: Kilde 1: linket skal begynde med https:// eller http://"]),
    "yaml-injection-in-title": (_with(headline="x\nkommune: aarhus"),
                                ["- **Overskrift**: skal stå på én linje"]),
    "fake-field-heading-in-summary": (_with(summary="Tekst\n\n### Kommune\n\nAarhus"),
                                      [r"- **Kommune**: feltet står to gange i issuet; skriv ikke linjer, der begynder "
                                       r"med \#\#\# og feltets navn, i dine svar"]),
    "100-kb-summary": (_with(summary="a" * 100_000),
                       ["- **Hvad skete der?**: feltet er for langt (100.000 tegn; højst 20.000)"]),
    "100-kb-title": (_with(headline="a" * 100_000),
                     ["- **Overskrift**: feltet er for langt (100.000 tegn; højst 300)"]),
    "cpr-number": (_with(summary=f"Borgeren med CPR {CPR[:6]}-{CPR[6:]} fik afslag."),
                   [r"- **Hvad skete der?**: teksten indeholder et CPR-nummer; slet det — CPR-numre må aldrig "
                    r"offentliggøres"]),
    "unknown-kommune": (_with(kommune="Kobenhavn"),
                        ["- **Kommune**: ukendt kommune 'Kobenhavn'; mente du København?"]),
    "unknown-kommune-no-guess": (_with(kommune="Atlantis"),
                                 ["- **Kommune**: ukendt kommune 'Atlantis'; vælg den i listen"]),
    "path-traversing-kommune": (_with(kommune="../../../etc"),
                                ["- **Kommune**: ukendt kommune '../../../etc'; vælg den i listen"]),
    "mention-in-kommune": (_with(kommune="@octocat"),
                           ["- **Kommune**: ukendt kommune '&#64;octocat'; vælg den i listen"]),
    "source-without-publisher": (_with(sources=SUBMISSIONS["report"]["sources"].split("\n")[0]
                                       + "\nhttps://www.dr.dk/b | Titel |  | 2019"),
                                 [r"- **Kilder**: Kilde 2 mangler en udgiver (skriv: link \| titel \| udgiver \| dato)"]),
    "source-with-link-only": (_with(sources="https://www.dr.dk/a"),
                              [r"- **Kilder**: Kilde 1 mangler en titel og en udgiver og en dato (skriv: link \| titel "
                               r"\| udgiver \| dato)"]),
    "future-date": (_with(date="1. januar 2099"), ["- **Dato**: datoen 2099-01-01 ligger i fremtiden"]),
    "unreadable-date": (_with(date="sidste sommer"),
                        ["- **Dato**: kan ikke læse datoen; skriv den som 10. april 2018, april 2018, 2018 eller "
                         "2018-04-10"]),
    "field-of-another-type": (_with(plan="2018-04-16-udvalget-beder-om-handleplan"),
                              ["- **Handleplanen, der følges op (kun ved Opfølgning)**: feltet bruges ikke ved "
                               "Kritik; tøm det, eller vælg en anden slags sag øverst"]),
    "unknown-case": (_with("response", **{"responds-to": "2018-04-10-taskforce"}),
                     ["- **Sagen, der svares på (ved Svar og eventuelt Handleplan)**: Linje 1: der findes ingen sag med "
                      "id'et '2018-04-10-taskforce'; mente du '2018-04-10-taskforce-foertidspension-fleksjob'?"]),
    "promise-without-who": (_with("plan", promises="Færre sager"),
                            [r"- **Løfter (kun ved Handleplan)**: Løfte 1 mangler hvem der lovede det (skriv: "
                             r"løftet \| Navn (parti), rolle \| frist)"]),
    "unknown-promise-number": (_with("update", **{"followed-promises": "7"}),
                               ["- **Løfterne, der følges op (kun ved Opfølgning)**: Linje 1: planen har 2 løfter, "
                                "ikke 7"]),
    "no-tags-no-confirmation": (_with(tags=[], confirm=[]),
                                ["- **Emner**: sæt kryds ved mindst ét emne",
                                 "- **Før du sender**: sæt kryds ved begge bekræftelser"]),
    "empty-form": ({}, ["- **Hvad slags sag er det?**: vælg en af mulighederne",
                        "- **Kommune**: vælg kommunen, eller Hele landet",
                        "- **Overskrift**: skriv en overskrift",
                        "- **Dato**: datoen mangler; skriv den som 10. april 2018, april 2018, 2018 eller 2018-04-10",
                        "- **Emner**: sæt kryds ved mindst ét emne",
                        "- **Hvad skete der?**: skriv kort, hvad der skete",
                        "- **Kilder**: skriv mindst én kilde: link | titel | udgiver | dato".replace("|", r"\|"),
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
    assert "Opret sagen" not in reply and "```" not in reply  # nothing to copy until it is right
    after = {path: (workdir / path).read_bytes() for path in files(workdir)}
    assert after == before | {"event.json": after["event.json"]}
    assert len(reply) < 10_000 and CPR[:6] not in reply


def test_text_that_looks_like_fields_stays_in_its_own_field(workdir, capsys):
    answers = _with(summary="x\nkommune: aarhus\ntype: plan\n---\ntitle: hacked")
    code, reply, _ = run(workdir, event(answers), capsys)
    assert code == 0
    filename, text = prefilled(reply)
    data = yaml.safe_load(text)
    assert filename.startswith("cases/koebenhavn/")
    assert (data["kommune"], data["type"], data["title"]) == ("koebenhavn", "report", SUBMISSIONS["report"]["headline"])
    assert data["summary"] == "x\nkommune: aarhus\ntype: plan\n---\ntitle: hacked\n"


def test_path_traversing_title_stays_in_the_kommune_folder(workdir, capsys):
    code, reply, _ = run(workdir, event(_with(headline="../../../../etc/passwd")), capsys)
    assert code == 0
    assert prefilled(reply)[0] == "cases/koebenhavn/2019-03-03-etc-passwd.yaml"
    assert (workdir / "cases" / "koebenhavn" / "2019-03-03-etc-passwd.yaml").is_file()


def test_backticks_cannot_end_the_block_to_copy(workdir, capsys):
    code, reply, _ = run(workdir, event(_with(summary="Kode:\n\n```\n[x](https://x.dk)\n````")), capsys)
    assert code == 0
    assert "\n`````yaml\n" in reply and reply.rstrip().endswith("`````")


def test_email_is_a_warning_that_does_not_block(workdir, capsys):
    code, reply, _ = run(workdir, event(_with(summary="Skriv til borger.navn@gmail.com for mere.")), capsys)
    assert code == 0
    assert ("- **Hvad skete der?**: teksten indeholder en e-mailadresse; er den privat, så slet den"
            in problem_lines(reply))
    assert "@gmail" not in reply.split("```yaml")[0]


@pytest.mark.parametrize("payload, reason", [
    (event(SUBMISSIONS["report"], labels=("rettelse",)), "issuet har ikke etiketten 'ny sag'"),
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
    assert main(["from-issue", "event.json", "--form", str(FORM_FILE)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_body_as_github_sends_it_with_crlf(workdir, capsys):
    body = render_body(FORM, SUBMISSIONS["plan"]).replace("\n", "\r\n")
    code, reply, _ = run(workdir, event({}, body=body), capsys)
    assert code == 0, reply
    assert NO_RESPONSE not in prefilled(reply)[1] and "\r" not in prefilled(reply)[1]


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
                                                           "10. april 2018", "<b>", "0101901234"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=st.fixed_dictionaries({}, optional={key: _ANSWER for key in FIELDS if key not in ("tags", "confirm")}),
       base=st.sampled_from(list(SUBMISSIONS)))
def test_any_answers_get_a_reply_and_at_most_a_valid_file_in_its_kommune(tmp_path_factory, answers, base):
    root = tmp_path_factory.mktemp("fuzz")
    payload = event(dict(SUBMISSIONS[base], **answers))
    result = from_issue(payload, FORM, root / "cases")
    assert result.reply.startswith(MARKER + "\n## Sagen ")
    written = [p for p in root.rglob("*") if p.is_file()]
    assert written == ([result.path] if result.path else [])
    if result.path:
        assert result.path.parent.parent == (root / "cases").resolve()
        assert result.path.parent.name == yaml.safe_load(result.path.read_text("utf-8"))["kommune"]
        entry, problems = load_entry(result.path)
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
