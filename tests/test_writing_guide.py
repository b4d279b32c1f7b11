"""What CONTRIBUTING.md tells a first-time contributor about writing text in YAML, naming files,
answers that promise, dated checks and publishers: each rule is there and each example is true."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from conftest import REPO
from test_contributing import GUIDE, code_blocks

from jobcentertjek.cli import main
from jobcentertjek.entries import yamlload
from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.model import Check

RESPONSE = "cases/koebenhavn/2018-04-borgmester-erkender-kritik-fra-taskforce.yaml"


def _block_starting(prefix: str) -> str:
    [block] = [b for b in code_blocks("yaml") if b.lstrip().startswith(prefix)]
    return block


@pytest.mark.parametrize("loader", sorted(yamlload.LOADERS))
def test_the_guides_message_for_a_quote_inside_quotes_is_what_the_check_prints(tmp_path, monkeypatch, capsys, loader):
    [shown] = [line for block in code_blocks("text") for line in block.splitlines() if "anførselstegn (\")" in line]
    path = shown.split(":")[0]
    entry = (REPO / RESPONSE).read_text("utf-8").replace("koebenhavn", "helsingoer")
    lines = entry.splitlines()
    lines[2] = 'title: "Jobcenterchef kalder "isbar" til medarbejderne en fejl"'
    (tmp_path / path).parent.mkdir(parents=True)
    (tmp_path / path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(yamlload, "LOADER", loader)
    monkeypatch.chdir(tmp_path)
    assert main(["check", path]) == 1
    assert capsys.readouterr().out.splitlines() == [shown]


@pytest.mark.parametrize("written, text", [
    ('- "Medarbejderne fik en »isbar«."', "Medarbejderne fik en »isbar«."),
    ("- 'Medarbejderne fik en \"isbar\".'", 'Medarbejderne fik en "isbar".'),
    ("- 'DR''s P1'", "DR's P1"),
    ('- "DR\'s P1"', "DR's P1"),
    ("- DR's P1", "DR's P1"),
    ("- »Isbar« var en fejl", "»Isbar« var en fejl"),
    ("- “Isbar” var en fejl", "“Isbar” var en fejl"),
    ('- "Chefen: det var en fejl."', "Chefen: det var en fejl."),
    ('- "*Alle* sager blev lukket"', "*Alle* sager blev lukket"),
])
def test_the_guides_ways_of_writing_quotes_give_the_text_intended(written, text):
    assert written in GUIDE or written.removeprefix("- ") in GUIDE or written.replace("- ", "title: ", 1) in GUIDE
    loaded, problems = yamlload.load_yaml(f"findings:\n  {written}\n".encode(), "f.yaml")
    assert problems == [] and loaded.data == {"findings": [text]}


def test_the_guide_names_each_character_the_check_explains():
    section = GUIDE.split("### Anførselstegn, kolon og andre tegn i teksten", 1)[1].split("\n## ", 1)[0]
    for sign in ("»isbar«", "“isbar”", "apostrof", "Kolon og mellemrum", "`#`", "`-`", "`*`", "`@`", "`[`",
                 "Tabulatortegn", "Word", "typografisk ”"):
        assert sign in section, sign


def test_a_response_with_the_guides_promises_block_is_valid_and_tracked(tmp_path):
    cases = tmp_path / "cases"
    shutil.copytree(REPO / "cases", cases)
    block = _block_starting("promises:\n  - id: handleplan-til-udvalget")
    response = cases / RESPONSE.removeprefix("cases/")
    response.write_text(response.read_text("utf-8") + block, encoding="utf-8")
    corpus = Corpus.load(cases)
    [promise] = corpus.promises_of(plan_id=response.stem)
    assert promise.promise.promised_by.name == "Cecilia Lonning-Skovgaard"
    assert response.stem in [first.id for _, first, _ in corpus.response_days("koebenhavn") if first]


def test_the_guides_checks_example_is_a_valid_check_history():
    block = _block_starting("checks:")
    [check] = [Check.model_validate(c) for c in yaml.load(block, yamlload.LOADERS["python"])["checks"]]
    assert str(check.date) == "2026-12-07" and check.found.startswith("intet")


@pytest.mark.parametrize("rule", [
    "Omdøb gerne filen, indtil sagen er udgivet", "flettet ind", "`--slug", "`--id", "`jobcentertjek --help`",
    "Et svar, der også lover noget, er én sag", "allerede var gjort, da det blev meddelt", "`status: kept`",
    "Efterprøvet 7. december 2026", "Hvornår bliver et løfte \"Kan ikke efterprøves\"?",
    "Hvem er `publisher`, når historien stod i flere medier?",
])
def test_the_guide_says_it_where_a_contributor_looks(rule):
    assert rule in GUIDE, rule


def test_the_method_page_says_when_a_promise_becomes_unverifiable():
    method = (REPO / "docs" / "metode.md").read_text("utf-8")
    assert re.search(r"»Kan ikke\s+efterprøves«, når", method)
    assert "Efterprøvet 7. december 2026" in method and "Hvem der udgav kritikken" in method


def test_the_guide_says_how_promises_and_counts_appear():
    assert "uden punktum til sidst" in GUIDE and '"Lovet af" står under hvert løfte' in GUIDE
    assert '"1 sag er i orden.", "2 sager er i orden."' in GUIDE
