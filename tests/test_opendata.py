"""Open data files and the entry JSON Schema: counts, ids and URLs, stability, and the docs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import jsonschema
import pytest
import yaml
from conftest import REPO
from helpers import dump, plan, promise, report
from test_feeds import FIXTURE, SITE_URL, fixture_corpus, site_file

from jobcentertjek.cli import main
from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.validate import find_case_files
from jobcentertjek.entries.yamlload import load_yaml
from jobcentertjek.outputs.opendata import (
    ENTRY_COLUMNS,
    LICENSE,
    PROMISE_COLUMNS,
    data_files,
    schema_text,
)

CORPUS = Corpus.load(REPO / "cases")
CASE_FILES = find_case_files([REPO / "cases"])
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/entry.schema.json"


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def count_promises_in_files() -> int:
    """Counted from the YAML files themselves, not through the corpus: a plan's promises and
    those a response gives in the same statement."""
    documents = [yaml.safe_load(path.read_text("utf-8")) for path in CASE_FILES]
    return sum(len(doc.get("promises") or []) for doc in documents if doc["type"] in ("plan", "response"))


# --- the real cases/ -------------------------------------------------------------------------


def test_counts_in_the_data_files_equal_the_entries_and_promises_in_cases(built_site):
    data = json.loads((built_site / "data" / "entries.json").read_text("utf-8"))
    entries = rows((built_site / "data" / "entries.csv").read_text("utf-8"))
    promises = rows((built_site / "data" / "promises.csv").read_text("utf-8"))
    assert len(CASE_FILES) > 0
    assert data["entry_count"] == len(data["entries"]) == len(entries) == len(CASE_FILES)
    assert len(promises) == count_promises_in_files() > 0


def test_data_files_use_the_site_ids_and_urls(built_site):
    data = json.loads((built_site / "data" / "entries.json").read_text("utf-8"))
    ids = [e["id"] for e in data["entries"]]
    assert ids == [e.id for e in CORPUS.entries] and sorted(ids) == sorted(p.stem for p in CASE_FILES)
    # newest first, no answer before its question: by date, or by the date of what it links to (Corpus.in_time)
    times = [CORPUS.in_time(CORPUS.by_id[i]).sort_key() for i in ids]
    assert times == sorted(times, reverse=True)
    for entry, row in zip(data["entries"], rows((built_site / "data" / "entries.csv").read_text("utf-8"))):
        assert row["id"] == entry["id"] and row["url"] == entry["url"] == f"{SITE_URL}sager/{entry['id']}/"
        assert site_file(built_site, entry["url"]).is_file()
        assert row["date"] == entry["date"] and row["type"] == entry["type"] and row["title"] == entry["title"]
    for row in rows((built_site / "data" / "promises.csv").read_text("utf-8")):
        page = site_file(built_site, row["url"])
        assert f'id="loefte-{row["promise_id"]}"' in page.read_text("utf-8")


def test_promises_csv_has_current_status_deadline_and_overdue_days(built_site):
    by_key = {(r["plan_id"], r["promise_id"]): r for r in rows((built_site / "data" / "promises.csv").read_text("utf-8"))}
    for p in CORPUS.promises:
        row = by_key[(p.plan.id, p.promise.id)]
        assert row["status"] == p.status and row["kommune"] == p.plan.entry.kommune
        assert row["deadline"] == (str(p.promise.deadline) if p.promise.deadline else "")
        assert row["overdue_days"] == (str(p.overdue_days) if p.is_overdue else "")
    updated = by_key[("2018-04-16-udvalget-beder-om-handleplan", "handleplan")]
    assert (updated["status"], updated["status_date"]) == ("kept", "2018-06-19")  # from the later update


def test_entries_json_carries_the_licence_of_the_site(built_site):
    data = json.loads((built_site / "data" / "entries.json").read_text("utf-8"))
    assert data["license"] == LICENSE and data["license"]["name"] == "CC BY 4.0"
    copyright_line = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["copyright"]
    assert LICENSE["name"] in copyright_line
    assert site_file(built_site, data["schema"]).is_file()


def test_the_data_page_is_in_the_nav_after_rettelser_and_explains_every_column(built_site):
    nav = [next(iter(item)) for item in yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["nav"]]
    assert nav[nav.index("Rettelser") + 1] == "Data"
    page = (built_site / "data" / "index.html").read_text("utf-8")
    assert "CC BY 4.0" in page and 'lang="da"' in page
    for column in ENTRY_COLUMNS + PROMISE_COLUMNS:
        assert f"<code>{column}</code>" in page, column
    for href in re.findall(r'href="((?:entries|promises|entry\.schema)\.[a-z]+)"', page):
        assert (built_site / "data" / href).is_file()


# --- the schema -------------------------------------------------------------------------------


def test_committed_schema_is_the_generated_one():
    committed = (REPO / "schema" / "entry.schema.json").read_text("utf-8")
    assert committed == schema_text(), "run: jobcentertjek schema --output schema/entry.schema.json"


def test_published_schema_is_the_committed_one(built_site):
    assert (built_site / "data" / "entry.schema.json").read_bytes() == (REPO / "schema" / "entry.schema.json").read_bytes()


def test_schema_command_prints_writes_and_checks(tmp_path, capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()
    target = tmp_path / "entry.schema.json"
    assert main(["schema", "--output", str(target)]) == 0
    assert target.read_text("utf-8") == schema_text()
    assert main(["schema", "--check", str(target)]) == 0
    target.write_text(schema_text().replace('"title"', '"titel"', 1), encoding="utf-8")
    assert main(["schema", "--check", str(target)]) == 1
    assert "forældet" in capsys.readouterr().err


def test_every_case_file_points_its_editor_at_the_schema():
    for path in CASE_FILES:
        assert path.read_text("utf-8").splitlines()[0] == SCHEMA_LINE, path
        assert (path.parent / SCHEMA_LINE.split("=", 1)[1]).resolve() == (REPO / "schema" / "entry.schema.json")


def test_schema_accepts_every_real_entry_and_rejects_mistakes(built_site):
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    for path in CASE_FILES:  # as an editor sees the file: dates stay text, as in our loader
        loaded, problems = load_yaml(path.read_bytes(), str(path))
        assert loaded and not problems
        validator.validate(loaded.data)
    for entry in json.loads((built_site / "data" / "entries.json").read_text("utf-8"))["entries"]:
        validator.validate({k: v for k, v in entry.items() if k not in ("id", "url", "promise_assessments")})
    good = yaml.safe_load(dump(report()))
    assert validator.is_valid(good)
    assert not validator.is_valid({**good, "titel": "stavefejl"})
    assert not validator.is_valid({k: v for k, v in good.items() if k != "summary"})
    assert not validator.is_valid({**good, "type": "rapport"})


# --- fixture corpora -------------------------------------------------------------------------


def test_fixture_data_is_byte_stable_utf8_without_bom_and_sorted(tmp_path):
    first = data_files(fixture_corpus(tmp_path / "a", on=dt.date(2019, 1, 1)), SITE_URL)
    second = data_files(fixture_corpus(tmp_path / "b", on=dt.date(2019, 1, 1)), SITE_URL)
    assert first == second
    for name, text in first.items():
        raw = text.encode("utf-8")
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw, name
    entries = first["data/entries.json"]
    assert entries == json.dumps(json.loads(entries), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert len(first["data/entries.csv"].splitlines()) == 1 + len(FIXTURE)


def test_fixture_csv_round_trips_awkward_text(tmp_path):
    files = {"koebenhavn/2018-04-10-rapport.yaml": dump(report(
        title='Et "citat", et komma; og æøå',
        summary="Første afsnit med **fed** tekst.\n\nAndet afsnit, med komma.",
        tags=["fleksjob", "førtidspension"]))}
    row, = rows(data_files(fixture_corpus(tmp_path, files), SITE_URL)["data/entries.csv"])
    assert row["title"] == 'Et "citat", et komma; og æøå'
    assert row["summary"] == "Første afsnit med fed tekst. Andet afsnit, med komma."
    assert row["tags"] == "fleksjob; førtidspension"
    assert row["report_kind"] == "news" and row["plan"] == "" and row["source_urls"] == "https://example.org/a"


@pytest.mark.parametrize("on, overdue", [(dt.date(2018, 6, 30), ""), (dt.date(2018, 7, 10), "10")])
def test_fixture_overdue_days_count_from_the_end_of_the_deadline(tmp_path, on, overdue):
    files = {"koebenhavn/2018-05-01-handleplan.yaml": dump(plan(promises=[promise(deadline="2018-06")]))}
    row, = rows(data_files(fixture_corpus(tmp_path, files, on=on), SITE_URL)["data/promises.csv"])
    assert row["overdue_days"] == overdue and row["deadline"] == "2018-06" and row["status_label"] == "Ikke vurderet"
    assert row["url"] == f"{SITE_URL}sager/2018-05-01-handleplan/#loefte-handleplan"
