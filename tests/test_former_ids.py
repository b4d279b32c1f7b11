"""Renamed entries keep their old addresses: ``former_ids`` become pages that send the reader on.

The real record's renamed entries are checked in the real build; the validator's refusals
on small fixtures. tests/browser/test_redirects.py follows the redirects in Chromium.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
import yaml
from conftest import REPO, write_cases
from helpers import dump, plan, report, response, search_fragments, update

from jobcentertjek.entries.validate import check_paths

# The entries that got new ids: old id -> new id. Three on 2 December 2026 (dates made as precise as
# the source), one on 7 December 2026 (its id held a citizen's first name beside her illness).
RENAMED = {
    "2014-05-jobcenterchef-vil-forbedre-omdoemme": "2014-jobcenterchef-vil-forbedre-omdoemme",
    "2020-tv-syd-ny-direktoer-efter-kritik": "2020-06-tv-syd-ny-direktoer-efter-kritik",
    "2017-09-25-kommissorium-for-taskforce": "2017-10-kommissorium-for-taskforce",
    "2019-hilde-sagen-uden-konsekvenser": "2019-sagen-faar-ingen-konsekvenser-for-jobcentret",
}
SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def test_the_record_lists_its_former_ids():
    found = {}
    for path in (REPO / "cases").rglob("*.yaml"):
        for old in yaml.safe_load(path.read_text(encoding="utf-8")).get("former_ids", []):
            found[old] = path.stem
    assert found == RENAMED


@pytest.mark.parametrize(("old", "new"), RENAMED.items())
def test_each_old_address_is_a_page_that_sends_the_reader_to_the_new_one(built_site: Path, old, new):
    html = (built_site / "sager" / old / "index.html").read_text(encoding="utf-8")
    page = (built_site / "sager" / new / "index.html").read_text("utf-8")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", page).group(1).replace("\xad", "")  # the page's soft hyphens
    assert f'<meta http-equiv="refresh" content="0; url=../{new}/">' in html
    assert f'<link rel="canonical" href="{SITE_URL}sager/{new}/">' in html
    assert f'Sagen har fået en ny adresse: <a href="../{new}/">{title}</a>.' in html
    assert '<html lang="da">' in html


def test_old_addresses_are_not_in_the_sitemap_the_feeds_or_the_search(built_site: Path):
    sitemap = ET.parse(built_site / "sitemap.xml").getroot()
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"{SITE_URL}sager/{RENAMED['2017-09-25-kommissorium-for-taskforce']}/" in locations
    feeds = [feedparser.parse(path.read_bytes()) for path in built_site.rglob("*.xml") if path.name == "feed.xml"]
    links = [entry.link for feed in feeds for entry in feed.entries]
    searched = search_fragments(built_site)
    assert any(f"/sager/{new}/" in url for url in searched for new in RENAMED.values())
    for old in RENAMED:
        assert not [url for url in locations if f"/sager/{old}/" in url]
        assert not [link for link in links if f"/sager/{old}/" in link]
        assert not [url for url in searched if f"/sager/{old}/" in url]


# --- the validator --------------------------------------------------------------------------

def errors_of(tmp_path, files: dict[str, dict]) -> list[str]:
    cases = write_cases(tmp_path, {name: dump(entry) for name, entry in files.items()})
    _, problems = check_paths([cases])
    return [f"{Path(p.path).name}:{p.line}:{p.column}: {p.field}: {p.message}"
            for p in problems if p.severity == "error"]


def line_of(entry: dict, key: str) -> int:
    return dump(entry).splitlines().index(next(l for l in dump(entry).splitlines() if l.startswith(key))) + 1


def test_a_renamed_entry_is_valid(tmp_path):
    assert errors_of(tmp_path, {"koebenhavn/2018-04-rapport.yaml": report(date="2018-04",
                                                                          former_ids=["2018-04-10-rapport"])}) == []


def test_a_former_id_may_not_be_another_entrys_id(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    renamed = report(date="2018-04", former_ids=["2018-04-10-rapport"])
    errors = errors_of(tmp_path, {"koebenhavn/2018-04-10-rapport.yaml": report(),
                                  "koebenhavn/2018-04-rapport.yaml": renamed})
    line = line_of(renamed, "former_ids") + 1  # the list's first item, on the line below the key
    assert errors == [f"2018-04-rapport.yaml:{line}:3: former_ids[0]: '2018-04-10-rapport' er id'et på "
                      "cases/koebenhavn/2018-04-10-rapport.yaml; en tidligere adresse må ikke være en "
                      "anden sags adresse"]


def test_a_former_id_may_lead_to_one_entry_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    errors = errors_of(tmp_path, {
        "koebenhavn/2018-04-rapport.yaml": report(date="2018-04", former_ids=["2018-04-10-rapport"]),
        "koebenhavn/2018-rapport.yaml": report(date="2018", former_ids=["2018-04-10-rapport"]),
    })
    assert len(errors) == 1
    assert errors[0].startswith("2018-rapport.yaml:")
    assert errors[0].endswith("former_ids[0]: '2018-04-10-rapport' står også under former_ids i "
                              "cases/koebenhavn/2018-04-rapport.yaml; en tidligere adresse kan kun føre "
                              "til én sag")


def test_a_former_id_is_neither_the_entrys_own_id_nor_listed_twice(tmp_path):
    errors = errors_of(tmp_path, {"koebenhavn/2018-04-rapport.yaml": report(
        date="2018-04", former_ids=["2018-04-rapport", "2018-04-10-rapport", "2018-04-10-rapport"])})
    assert [e.split(": ", 1)[1] for e in errors] == [
        "former_ids[0]: er sagens eget id; under former_ids står kun de id'er, sagen havde før",
        "former_ids[2]: '2018-04-10-rapport' står allerede under former_ids; slet den ene",
    ]


def test_a_former_id_must_look_like_an_id(tmp_path):
    errors = errors_of(tmp_path, {"koebenhavn/2018-04-rapport.yaml": report(date="2018-04",
                                                                            former_ids=["sager/Gammel Rapport"])})
    assert [e.split(": ", 1)[1] for e in errors] == [
        "former_ids[0]: skal være sagens tidligere id (det gamle filnavn uden .yaml), fx 2018-04-10-taskforce-rapport"]


def test_a_link_by_an_old_id_names_the_new_one(tmp_path):
    errors = errors_of(tmp_path, {
        "koebenhavn/2018-04-rapport.yaml": report(date="2018-04", former_ids=["2018-04-10-rapport"]),
        "koebenhavn/2018-04-20-svar.yaml": response(["2018-04-10-rapport"]),
        "koebenhavn/2018-05-plan.yaml": plan(date="2018-05", former_ids=["2018-05-01-plan"]),
        "koebenhavn/2018-12-06-opfoelgning.yaml": update("2018-05-01-plan", [{"promise": "handleplan",
                                                                              "status": "kept"}]),
    })
    assert sorted(e.split(": ", 1)[1] for e in errors) == [
        "plan: der findes ingen sag med id'et '2018-05-01-plan'; '2018-05-01-plan' er et tidligere id, og sagen "
        "hedder nu '2018-05-plan'",
        "responds_to[0]: der findes ingen sag med id'et '2018-04-10-rapport'; '2018-04-10-rapport' er et tidligere "
        "id, og sagen hedder nu '2018-04-rapport'",
    ]
