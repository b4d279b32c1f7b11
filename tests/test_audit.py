"""The copy editor's warnings in ``jobcentertjek check``: exact message and line, never a failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobcentertjek.cli import main

PLAN = """\
type: plan
title: Udvalget lover en handleplan
date: 2018-04-16
kommune: koebenhavn
tags: [handleplan]
summary: Udvalget lover en handleplan.
promises:
  - id: handleplan
    text: Forvaltningen laver en handleplan.
    promised_by:
      name: Beskæftigelses- og Integrationsudvalget
      role: politisk udvalg
    deadline: 2018-06
sources:
  - title: Referat
    publisher: Københavns Kommune
    date: 2018-04-16
    url: https://kk.dk/referat
"""

UPDATE = """\
type: update
title: Handleplanen er vedtaget
date: {date}
kommune: koebenhavn
tags: [handleplan]
plan: 2018-04-16-plan
summary: Handleplanen er vedtaget.
changes:
  - promise: handleplan
    status: kept
sources:
  - title: Pressemeddelelse
    publisher: Københavns Kommune
    date: {source_date}
    url: https://kk.dk/presse
"""

REPORT = """\
type: report
kind: news
title: Kritik af jobcentret
date: 2018-04-10
kommune: koebenhavn
tags: [sagsbehandling]
publisher: Avisen
summary: Kritik af jobcentret.
findings:
  - For mange sager.
people:
  - name: John Klausen
    role: formand for taskforcen
  - name: Cecilia Lonning-Skovgaard
sources:
  - title: Artikel med adresse
    publisher: Avisen
    date: 2018-04-10
    url: https://avisen.dk/artikel
  - title: Trykt artikel med note
    publisher: Avisen
    date: 2018-04-10
    note: Kun trykt; findes i avisens arkiv.
  - title: Artikel uden spor
    publisher: Avisen
    date: 2018-04-10
"""


def write(root: Path, name: str, text: str) -> Path:
    path = root / "cases" / "koebenhavn" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def cases(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(capsys) -> tuple[int, list[str]]:
    code = main(["check", "cases"])
    return code, capsys.readouterr().out.splitlines()


def test_a_clean_record_gives_no_warnings(cases, capsys):
    write(cases, "2018-04-16-plan", PLAN)
    write(cases, "2018-12-06-vedtaget", UPDATE.format(date="2018-12-06", source_date="2018-12-06"))
    assert check(capsys) == (0, [])


def test_a_source_without_url_or_note_and_a_person_without_role_are_warned_at_their_lines(cases, capsys):
    write(cases, "2018-04-10-kritik", REPORT)
    code, lines = check(capsys)
    assert code == 0
    assert lines == [
        "cases/koebenhavn/2018-04-10-kritik.yaml:14:11: people[1].name: advarsel: Cecilia Lonning-Skovgaard har "
        "ingen rolle (role); skriv den offentlige rolle, personen nævnes i",
        "cases/koebenhavn/2018-04-10-kritik.yaml:24:5: sources[2]: advarsel: kilden har hverken webadresse (url) "
        "eller en note (note) om, hvorfor den mangler; skriv, hvor kilden kan findes",
    ]


def test_responders_and_promised_by_need_a_role_too(cases, capsys):
    write(cases, "2018-04-16-plan", PLAN.replace("      role: politisk udvalg\n", ""))
    write(cases, "2018-04-10-kritik", REPORT.replace("  - name: Cecilia Lonning-Skovgaard\n", "")
          .replace("  - title: Artikel uden spor\n    publisher: Avisen\n    date: 2018-04-10\n", ""))
    write(cases, "2018-04-svar", """\
type: response
title: Borgmesteren svarer
date: 2018-04
kommune: koebenhavn
tags: [sagsbehandling]
responds_to: [2018-04-10-kritik]
responders:
  - name: Cecilia Lonning-Skovgaard
    party: V
summary: Borgmesteren svarer.
sources:
  - title: Artikel
    publisher: Avisen
    date: 2018-04
    url: https://avisen.dk/svar
""")
    code, lines = check(capsys)
    assert code == 0
    assert lines == [
        "cases/koebenhavn/2018-04-16-plan.yaml:11:13: promises[0].promised_by.name: advarsel: Beskæftigelses- og "
        "Integrationsudvalget har ingen rolle (role); skriv den offentlige rolle, personen nævnes i",
        "cases/koebenhavn/2018-04-svar.yaml:8:11: responders[0].name: advarsel: Cecilia Lonning-Skovgaard har "
        "ingen rolle (role); skriv den offentlige rolle, personen nævnes i",
    ]


def test_a_status_resting_only_on_evidence_older_than_the_promise_is_warned(cases, capsys):
    write(cases, "2018-04-16-plan", PLAN)
    write(cases, "2018-05-vedtaget", UPDATE.format(date="2018-05", source_date="2017-12-01"))
    code, lines = check(capsys)
    assert code == 0
    assert lines == [
        "cases/koebenhavn/2018-05-vedtaget.yaml:10:13: changes[0].status: advarsel: status 'kept' bygger kun på "
        "kilder fra før løftet blev givet (2018-04-16); en status skal bygge på noget, der skete efter løftet",
    ]


def test_a_promise_with_its_own_status_is_checked_against_the_plan_date(cases, capsys):
    own_status = PLAN.replace("    deadline: 2018-06\n", """\
    deadline: 2018-06
    status: in-progress
    sources:
      - title: Gammel rapport
        publisher: Københavns Kommune
        date: 2017
        url: https://kk.dk/gammel
""")
    write(cases, "2018-04-16-plan", own_status)
    code, lines = check(capsys)
    assert code == 0
    assert lines == [
        "cases/koebenhavn/2018-04-16-plan.yaml:14:13: promises[0].status: advarsel: status 'in-progress' bygger "
        "kun på kilder fra før løftet blev givet (2018-04-16); en status skal bygge på noget, der skete efter løftet",
    ]


def test_an_update_that_may_lie_before_its_plan_is_warned(cases, capsys):
    write(cases, "2018-04-16-plan", PLAN)
    write(cases, "2018-vedtaget", UPDATE.format(date="2018", source_date="2018-12-06"))
    code, lines = check(capsys)
    assert code == 0
    assert lines == [
        "cases/koebenhavn/2018-vedtaget.yaml:3:7: date: advarsel: opfølgningen er dateret 2018, som kan ligge før "
        "planens dato (2018-04-16); angiv datoen så præcist, som kilden tillader",
    ]


def test_an_update_wholly_before_its_plan_stays_an_error_and_is_not_also_warned(cases, capsys):
    write(cases, "2018-04-16-plan", PLAN)
    write(cases, "2018-03-vedtaget", UPDATE.format(date="2018-03", source_date="2018-03-01"))
    code, lines = check(capsys)
    assert code == 1
    assert [line for line in lines if "advarsel" not in line] == [
        "cases/koebenhavn/2018-03-vedtaget.yaml:6:7: plan: sagen er dateret før '2018-04-16-plan', som den henviser til",
    ]


def test_an_update_checked_without_its_plan_is_not_guessed_at(cases, capsys):
    write(cases, "2018-04-16-plan", PLAN)
    path = write(cases, "2018-vedtaget", UPDATE.format(date="2018", source_date="2017-01-01"))
    assert main(["check", str(path.relative_to(cases))]) == 1  # the missing plan is the validator's error
    assert all("advarsel" not in line for line in capsys.readouterr().out.splitlines())


def test_the_real_record_has_no_warnings(capsys, monkeypatch):
    monkeypatch.chdir(Path(__file__).parents[1])
    assert main(["check", "cases"]) == 0
    assert [line for line in capsys.readouterr().out.splitlines() if "advarsel" in line] == []


def test_a_role_beginning_with_a_capitalised_common_noun_is_warned_but_a_name_is_not(cases, capsys):
    """A role stands after a name, mid-sentence: "H.P. Geil, borgmester i …". A role that begins
    with a name (a party, an organisation in capitals) keeps its capital."""
    write(cases, "2018-04-10-kritik", REPORT.replace("""\
  - name: John Klausen
    role: formand for taskforcen
  - name: Cecilia Lonning-Skovgaard
""", """\
  - name: H.P. Geil
    role: Borgmester i Haderslev Kommune
  - name: Anna Andersen
    role: Beskæftigelses- og integrationsborgmester i København
  - name: Bo Bendtsen
    role: De Konservative i Ballerup
  - name: Carl Carlsen
    role: KL's formand
  - name: Dorte Dam
    role: Socialdemokratiet i Ballerup
  - name: Erik Eriksen
    role: Kommunalbestyrelsen i Gladsaxe
""").replace("  - title: Artikel uden spor\n    publisher: Avisen\n    date: 2018-04-10\n", ""))
    code, lines = check(capsys)
    assert code == 0
    advice = "skriv den med lille begyndelsesbogstav, medmindre den begynder med et navn"
    assert lines == [
        "cases/koebenhavn/2018-04-10-kritik.yaml:13:11: people[0].role: advarsel: rollen står efter navnet midt i "
        f"en sætning (»H.P. Geil, borgmester i Haderslev Kommune«): {advice}",
        "cases/koebenhavn/2018-04-10-kritik.yaml:15:11: people[1].role: advarsel: rollen står efter navnet midt i "
        f"en sætning (»Anna Andersen, beskæftigelses- og integrationsborgmester i København«): {advice}",
        "cases/koebenhavn/2018-04-10-kritik.yaml:23:11: people[5].role: advarsel: rollen står efter navnet midt i "
        f"en sætning (»Erik Eriksen, kommunalbestyrelsen i Gladsaxe«): {advice}",
    ]


def test_a_hyphen_used_as_a_dash_in_a_title_is_warned(cases, capsys):
    write(cases, "2018-04-16-plan", PLAN.replace("title: Udvalget lover en handleplan",
                                                 "title: Udvalget lover en handleplan - men ikke i år")
          .replace("  - title: Referat", "  - title: Referat - Beskæftigelsesudvalget"))
    code, lines = check(capsys)
    assert code == 0
    assert lines == [
        "cases/koebenhavn/2018-04-16-plan.yaml:2:8: title: advarsel: bindestreg brugt som tankestreg (»-« med "
        "mellemrum om); skriv en tankestreg: »Udvalget lover en handleplan – men ikke i år«",
        "cases/koebenhavn/2018-04-16-plan.yaml:15:12: sources[0].title: advarsel: bindestreg brugt som tankestreg "
        "(»-« med mellemrum om); skriv en tankestreg: »Referat – Beskæftigelsesudvalget«",
    ]
    # A hyphen inside a word is a hyphen.
    write(cases, "2018-04-16-plan", PLAN.replace("title: Udvalget lover", "title: Beskæftigelses- og Integrationsudvalget lover"))
    assert check(capsys) == (0, [])


def test_a_note_speaking_of_a_copy_the_reader_cannot_see_is_warned(cases, capsys):
    write(cases, "2018-04-16-plan", PLAN.replace("    url: https://kk.dk/referat",
                                                 "    url: https://kk.dk/referat\n"
                                                 "    note: Datoen står ikke i den gemte kopi."))
    code, lines = check(capsys)
    assert code == 0
    assert lines == [
        "cases/koebenhavn/2018-04-16-plan.yaml:19:11: sources[0].note: advarsel: »den gemte kopi« er en kopi, "
        "læseren ikke kan se; skriv, hvad I har læst (fx »Datoen står ikke i den udgave af siden, vi har læst«), "
        "og læg en kopi, alle kan åbne, i archive_url",
    ]
    # Saying what was read is what the warning asks for.
    write(cases, "2018-04-16-plan", PLAN.replace("    url: https://kk.dk/referat",
                                                 "    url: https://kk.dk/referat\n"
                                                 "    note: Datoen står ikke i den udgave af siden, vi har læst."))
    assert check(capsys) == (0, [])
