"""`jobcentertjek new`: the files it writes fail the check until filled in, then pass."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from jobcentertjek.cli import main
from jobcentertjek.entries.dates import today
from jobcentertjek.entries.model import MODELS, Actor, Promise, Source, StatusChange
from jobcentertjek.entries.yamlload import field_name

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/entry.schema.json"
DATE = "2020-03-04"
PROBLEM_LINE = re.compile(r"^(?P<path>[^:]+):\d+:\d+: (?P<field>[^:]+): (?P<message>.+)$")

# What a contributor would type for each placeholder, by the field it belongs to.
FILLING = {
    "title": "Borgerne venter for længe på svar fra jobcentret",
    "tags": "sagsbehandling",
    "kind": "survey",
    "publisher": "Et lokalt medie",
    "summary": "Et resumé med egne ord.",
    "findings": "Borgerne venter i måneder på et svar.",
    "date": "2020-03",  # a source from the month of the entries: evidence no older than the promise
    "url": "https://example.org/artikel",
    "name": "Beskæftigelsesudvalget",
    "role": "politisk udvalg i Københavns Kommune",
    "id": "hurtigere-svar",
    "text": "Udvalget lover svar inden for fire uger.",
    "promise": "hurtigere-svar",
    "status": "in-progress",
}


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new(capsys, *args: str) -> Path:
    code = main(["new", *args])
    out = capsys.readouterr()
    assert code == 0, out.err
    path = Path(out.out.strip())
    assert path.is_file()
    return path


def check(capsys, *paths: str) -> tuple[int, list[re.Match]]:
    code = main(["check", *paths])
    lines = capsys.readouterr().out.splitlines()
    return code, [m for line in lines if (m := PROBLEM_LINE.match(line))]


def placeholders(data, path=()):
    """Paths of every value the template left as "" for the contributor."""
    if data == "":
        yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from placeholders(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from placeholders(value, path + (i,))


def fill(path: Path, links: dict[str, str]) -> None:
    """Fill every placeholder as a contributor would, and save the file."""
    data = yaml.safe_load(path.read_text("utf-8"))
    values = FILLING | links
    for where in placeholders(data):
        key = next(part for part in reversed(where) if isinstance(part, str))
        node = data
        for part in where[:-1]:
            node = node[part]
        node[where[-1]] = values[key]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("kommune", ["København", "101", "koebenhavn"])
def test_each_type_validates_once_filled_in(workdir, capsys, kommune):
    report = new(capsys, "report", "--kommune", kommune, "--date", DATE, "--title", "Borgerne venter for længe")
    plan = new(capsys, "plan", "--kommune", kommune, "--date", DATE, "--title", "Udvalget lover hurtigere svar")
    response = new(capsys, "response", "--kommune", kommune, "--date", DATE)
    update = new(capsys, "update", "--kommune", kommune, "--date", DATE)
    assert [p.as_posix() for p in (report, plan, response, update)] == [
        f"cases/koebenhavn/{DATE}-borgerne-venter-for-laenge.yaml",
        f"cases/koebenhavn/{DATE}-udvalget-lover-hurtigere-svar.yaml",
        f"cases/koebenhavn/{DATE}-svar.yaml",
        f"cases/koebenhavn/{DATE}-opfoelgning.yaml",
    ]
    assert check(capsys, "cases")[0] == 1

    fill(report, {})
    fill(plan, {"responds_to": report.stem})
    fill(response, {"responds_to": report.stem})
    fill(update, {"plan": plan.stem})
    code, problems = check(capsys, "cases")
    assert code == 0, [m.group(0) for m in problems]
    assert problems == []


@pytest.mark.parametrize("kind", list(MODELS))
def test_unfilled_file_names_every_placeholder(workdir, capsys, kind):
    path = new(capsys, kind, "--kommune", "koebenhavn", "--date", DATE)
    expected = {field_name(p) for p in placeholders(yaml.safe_load(path.read_text("utf-8")))}
    assert "title" in expected and "sources[0].title" in expected

    code, problems = check(capsys, "cases")
    assert code == 1
    assert {m.group("field") for m in problems} == expected
    assert all(m.group("path") == str(path) for m in problems)
    messages = {m.group("field"): m.group("message") for m in problems}
    assert messages["title"] == "må ikke være tom"
    assert messages["sources[0].date"].startswith("skal være en dato")


@pytest.mark.parametrize("kind", list(MODELS))
def test_every_field_present_and_commented(workdir, capsys, kind):
    path = new(capsys, kind, "--kommune", "Hele landet", "--date", DATE)
    text = path.read_text("utf-8")
    lines = text.splitlines()
    assert lines[0] == SCHEMA_LINE
    data = yaml.safe_load(text)
    assert set(data) == set(MODELS[kind].model_fields)
    assert data["type"] == kind and data["kommune"] == "hele-landet" and str(data["date"]) == DATE
    assert set(data["sources"][0]) == set(Source.model_fields)
    nested = {
        "response": [(data.get("responders"), Actor)],
        "plan": [(data.get("promises"), Promise)],
        "update": [(data.get("changes"), StatusChange)],
    }.get(kind, [])
    for items, model in nested:
        assert set(items[0]) == set(model.model_fields)
    if kind == "plan":
        assert set(data["promises"][0]["promised_by"]) == set(Actor.model_fields)
    # every top-level field has a comment right above it explaining it
    for i, line in enumerate(lines):
        if re.match(r"^[a-z_]+:", line):
            assert lines[i - 1].startswith("# "), f"no comment above {line!r}"
    # optional lists start empty, with their fields shown in comments
    assert data["corrections"] == [] and "#     text:" in text
    if kind == "report":
        assert data["people"] == [] and "#   party:" in text
        assert data["figures"] == [] and "#     value:" in text


def test_schema_line_points_at_the_published_schema(workdir, capsys):
    path = new(capsys, "plan", "--kommune", "101", "--date", DATE)
    target = path.read_text("utf-8").splitlines()[0].split("$schema=")[1]
    repo = Path(__file__).resolve().parents[1]
    schema = json.loads((repo / "cases" / "koebenhavn" / target).resolve().read_text("utf-8"))
    assert schema["title"] == "Jobcentertjek entry"


def test_title_keeps_quotes_and_colons(workdir, capsys):
    title = 'Borgmester: "Vi retter op" på jobcentret # nu'
    path = new(capsys, "response", "--kommune", "101", "--date", "2019-06", "--title", title)
    assert path.name == "2019-06-borgmester-vi-retter-op-paa-jobcentret-nu.yaml"
    assert yaml.safe_load(path.read_text("utf-8"))["title"] == title


def test_long_title_gives_a_short_file_name(workdir, capsys):
    title = "Ankestyrelsen omgør hver anden afgørelse om førtidspension fra jobcentret i kommunen i 2019"
    path = new(capsys, "report", "--kommune", "Aarhus", "--date", "2019", "--title", title)
    assert path.parent.as_posix() == "cases/aarhus"
    assert len(path.stem) <= len("2019-") + 60
    assert path.stem.startswith("2019-ankestyrelsen-omgoer-hver-anden-afgoerelse")
    assert not path.stem.endswith("-")


def test_default_date_is_today(workdir, capsys):
    path = new(capsys, "report", "--kommune", "101")
    assert path.name == f"{today().isoformat()}-kritik.yaml"


def test_refuses_to_overwrite(workdir, capsys):
    path = new(capsys, "report", "--kommune", "101", "--date", DATE)
    path.write_text("mine egne ændringer\n", encoding="utf-8")
    assert main(["new", "report", "--kommune", "koebenhavn", "--date", DATE]) == 1
    assert "findes allerede" in capsys.readouterr().err
    assert path.read_text("utf-8") == "mine egne ændringer\n"


@pytest.mark.parametrize("typed, suggested", [("Kobenhavn", "København"), ("frederiksbrg", "Frederiksberg")])
def test_unknown_kommune_suggests_nearest(workdir, capsys, typed, suggested):
    assert main(["new", "report", "--kommune", typed]) == 1
    err = capsys.readouterr().err
    assert f"ukendt kommune {typed!r}" in err
    assert f"mente du {suggested}" in err
    assert not (workdir / "cases").exists()


def test_unknown_kommune_without_near_names_points_to_the_list(workdir, capsys):
    assert main(["new", "report", "--kommune", "Atlantis"]) == 1
    assert "kommuner.yaml" in capsys.readouterr().err


@pytest.mark.parametrize("date, message", [("2999-01-01", "fremtiden"), ("2019-13-01", "måned 13 findes ikke")])
def test_bad_date_is_refused(workdir, capsys, date, message):
    with pytest.raises(SystemExit) as exc:
        main(["new", "report", "--kommune", "101", "--date", date])
    assert exc.value.code == 2
    assert message in capsys.readouterr().err
    assert not (workdir / "cases").exists()


@pytest.mark.parametrize("title, name", [
    # the walk-through's title: cut at a word, not mid-phrase, and no dangling "for at få"
    ("Jobcenterchef i Helsingør lovede medarbejderne is for at få lukket sager",
     "2019-07-jobcenterchef-i-helsingoer-lovede-medarbejderne-is.yaml"),
    ("En borgmester vil have en plan for at", "2019-07-borgmester-vil-have-en-plan.yaml"),  # no small word first or last
    ("Ankestyrelsen omgør hver anden afgørelse om førtidspension fra jobcentret",
     "2019-07-ankestyrelsen-omgoer-hver-anden-afgoerelse.yaml"),
    ("Og i på", "2019-07-kritik.yaml"),  # nothing meaningful: the type's name
    ("Rehabiliteringsteamsindstillingsgennemgangsrapporteringsprocedureevaluering",
     "2019-07-rehabiliteringsteamsindstillingsgennemgangsrapport.yaml"),  # one very long word is cut
])
def test_file_name_is_the_titles_first_meaningful_words(workdir, capsys, title, name):
    path = new(capsys, "report", "--kommune", "Helsingør", "--date", "2019-07", "--title", title)
    assert path.name == name
    assert len(path.stem) <= len("2019-07-") + 50
    assert yaml.safe_load(path.read_text("utf-8"))["title"] == title  # the title itself is kept whole


def test_slug_chooses_the_file_name(workdir, capsys):
    path = new(capsys, "response", "--kommune", "Helsingør", "--date", "2019-07-05", "--title", "Chefen svarer",
               "--slug", "beloenning-stoppes")
    assert path.name == "2019-07-05-beloenning-stoppes.yaml"


def test_id_chooses_the_file_name_and_the_date(workdir, capsys):
    path = new(capsys, "response", "--kommune", "Helsingør", "--title", "Chefen svarer",
               "--id", "2019-07-05-beloenning-stoppes")
    assert path.name == "2019-07-05-beloenning-stoppes.yaml"
    assert str(yaml.safe_load(path.read_text("utf-8"))["date"]) == "2019-07-05"
    code, problems = check(capsys, str(path))
    assert not any(m["field"] == "date" and "filnavnet" in m["message"] for m in problems)


@pytest.mark.parametrize("args, message", [
    (["--slug", "Beløn ning"], "argumentet --slug: 'Beløn ning' må kun have små bogstaver a-z, tal og bindestreger"),
    (["--id", "beloenning"], "argumentet --id: 'beloenning' skal være sagens dato og et kort navn"),
    (["--id", "2019-13-beloenning"], "argumentet --id: måned 13 findes ikke"),
    (["--slug", "a", "--id", "2019-a"], "argumentet --id kan ikke bruges sammen med --slug"),
])
def test_a_bad_slug_or_id_is_refused_in_danish(workdir, capsys, args, message):
    with pytest.raises(SystemExit):
        main(["new", "report", "--kommune", "101", *args])
    assert message in capsys.readouterr().err
    assert not (workdir / "cases").exists()


def test_id_and_date_must_agree(workdir, capsys):
    assert main(["new", "report", "--kommune", "101", "--date", "2019-08", "--id", "2019-07-05-x"]) == 1
    assert "--id begynder med 2019-07-05, men --date er 2019-08" in capsys.readouterr().err
    assert not (workdir / "cases").exists()
