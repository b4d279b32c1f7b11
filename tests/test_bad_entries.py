"""The corpus of broken entries in tests/bad_entries/: exact messages, positions, speed.

Every case is checked through the Python API with both YAML parsers (they word their
errors differently; the contributor must see the same message), and all cases together
once through the command line, the way a contributor or CI runs it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jobcentertjek.entries import yamlload
from jobcentertjek.entries.problems import Problem
from jobcentertjek.entries.validate import MAX_GUESSES, check_paths

CORPUS = Path(__file__).parent / "bad_entries"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
TEN_MIB = 10 * 1024 * 1024
# Too big for git: written before the corpus is checked.
GENERATED = {
    "51-ti-megabyte/koebenhavn/2018-04-10-ti-megabyte.yaml":
        (b"type: report\nsummary: |\n" + b"  Lang tekst om jobcentret.\n" * (TEN_MIB // 27 + 1))[:TEN_MIB],
}
# Words of PyYAML's and pydantic's English messages that must never reach a contributor.
ENGLISH = re.compile(r"\b(found|expected|while|scanning|parsing|Input|should|error|Traceback|None)\b")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A copy of the corpus with the generated files added."""
    root = tmp_path_factory.mktemp("bad") / "bad_entries"
    shutil.copytree(CORPUS, root)
    for name, content in GENERATED.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return root


def expected(case: str) -> list[str]:
    return (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_the_corpus_covers_at_least_40_broken_entries():
    assert len(CASES) >= 40
    assert all(expected(case) for case in CASES)


@pytest.mark.parametrize("loader", sorted(yamlload.LOADERS))
@pytest.mark.parametrize("case", CASES)
def test_case_gives_its_exact_messages(case, loader, corpus, monkeypatch):
    monkeypatch.setattr(yamlload, "LOADER", loader)
    monkeypatch.chdir(corpus / case)  # paths are shown relative to where the check runs
    _, problems = check_paths([Path(".")])
    assert [str(p) for p in problems] == expected(case)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.field and problem.message
        assert not ENGLISH.search(problem.message), problem.message


def test_every_case_but_the_warnings_only_one_is_an_error():
    only_warnings = [case for case in CASES if all(": advarsel: " in line for line in expected(case))]
    assert only_warnings == ["69-email-og-telefon"]


def _in_one_run(case: str, line: str) -> str:
    """An expected line as seen from the corpus root: the case folder before every file path."""
    return re.sub(r"(^|(?<= ))([a-z-]+/[\w-]+\.ya?ml)", rf"\g<1>{case}/\g<2>", line)


def test_one_cli_run_reports_every_problem_in_every_file(corpus):
    result = subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "check", "."], cwd=corpus,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    want = sorted(_in_one_run(case, line) for case in CASES for line in expected(case))
    assert sorted(result.stdout.splitlines()) == want
    errors = sum(": advarsel: " not in line for line in want)
    assert f"{errors} fejl og {len(want) - errors} advarsler" in result.stderr


@pytest.mark.parametrize("case", ["51-ti-megabyte", "56-alias-bombe", "58-dyb-indlejring", "52-python-objekt"])
def test_hostile_file_fails_cleanly_on_the_command_line(case, corpus):
    """The cases that could hang, exhaust memory, crash the parser or run code."""
    result = subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "check", "."], cwd=corpus / case,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert result.stdout.splitlines() == expected(case)
    assert "Traceback" not in result.stderr
    assert "1 fejl og 0 advarsler" in result.stderr


def test_the_size_limit_is_checked_before_reading(corpus, monkeypatch):
    big = corpus / next(iter(GENERATED))
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    _, problems = check_paths([big])
    assert [p.message for p in problems] == ["filen fylder 10.485.760 byte; en sag må højst fylde 262.144 byte"]


def test_the_two_parsers_disagree_only_on_a_question_mark_in_a_flow_list(monkeypatch):
    """libyaml follows YAML 1.2 and lets ``[a?b]`` be text; PyYAML's YAML 1.1 scanner stops
    at the ``?``. The one known difference; both answers are still plain messages."""
    results = {}
    for loader in yamlload.LOADERS:
        monkeypatch.setattr(yamlload, "LOADER", loader)
        results[loader] = yamlload.load_yaml(b"tags: [sags?behandling]\n", "f.yaml")
    assert [p.message for p in results["python"][1]] == ["en liste i [ ] er ikke lukket med ], eller der mangler et komma"]
    if "c" in results:
        assert results["c"][0].data == {"tags": ["sags?behandling"]}


def test_a_symbolic_link_is_refused_without_reading_its_target(tmp_path, monkeypatch):
    """A pull request can add a link to any file on the machine that runs the check (CI)."""
    secret = tmp_path / "secret.yaml"
    secret.write_text("type: report\ntoken: hemmelig-værdi\n", encoding="utf-8")
    link = tmp_path / "cases" / "koebenhavn" / "2018-04-10-link.yaml"
    link.parent.mkdir(parents=True)
    link.symlink_to(secret)
    monkeypatch.chdir(tmp_path)
    _, problems = check_paths([Path("cases")])
    assert [str(p) for p in problems] == [
        "cases/koebenhavn/2018-04-10-link.yaml:1:1: filnavn: filen er et symbolsk link; læg selve filen i cases/"]


def test_github_annotations_cannot_be_ended_or_forged_by_names_from_a_pull_request(corpus):
    """Names of files and fields are the contributor's; in CI they become workflow commands."""
    result = subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "check", "."],
                            cwd=corpus / "70-linjeskift-i-feltnavn", capture_output=True, text=True,
                            env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert result.stdout.splitlines() == [
        *expected("70-linjeskift-i-feltnavn"),
        "::error file=koebenhavn/2018-04-10-linjeskift-i-feltnavn.yaml,line=3,col=1,title=ti%0Atle::"
        "ukendt felt 'ti\\ntle'; mente du 'title'?",
    ]
    problem = Problem("a,b:c\n::warning::x.yaml", 1, 1, "f", "m")
    assert problem.github_annotation() == "::error file=a%2Cb%3Ac%0A%3A%3Awarning%3A%3Ax.yaml,line=1,col=1,title=f::m"
    assert str(problem) == "a,b:c\\n::warning::x.yaml:1:1: f: m"


def test_a_file_that_is_not_there_is_named_plainly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, problems = check_paths([Path("cases/koebenhavn/2018-04-10-mangler.yaml")])
    assert [str(p) for p in problems] == ["cases/koebenhavn/2018-04-10-mangler.yaml:1:1: (hele filen): filen findes ikke"]


def test_thousands_of_unknown_names_are_all_reported_but_only_the_first_guessed(tmp_path, monkeypatch):
    """Every unknown tag and link is reported; only the first ones get a (slow) guess, so a
    file with thousands of them is still checked at once."""
    entry = CORPUS / "33-ukendt-emne" / "koebenhavn" / "2018-04-10-ukendt-emne.yaml"
    text = entry.read_text(encoding="utf-8").replace(
        "tags: [flexjob, sagsbehandling]", "tags: [" + ", ".join(f"flexjob{i}" for i in range(5000)) + "]")
    target = tmp_path / "koebenhavn" / entry.name
    target.parent.mkdir()
    target.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, problems = check_paths([Path(".")])
    assert len(problems) == 5000
    assert sum("mente du" in p.message for p in problems) == MAX_GUESSES
    assert problems[0].message == "ukendt emne 'flexjob0'; mente du 'fleksjob'?"
    assert problems[-1].message == "ukendt emne 'flexjob4999'; se src/jobcentertjek/data/tags.yaml"


# Runs in a fresh interpreter: forking is (rightly) refused while other threads run, and
# earlier tests in this process may have left a server thread behind.
_SERIAL_AND_PARALLEL = """
import json
from pathlib import Path
from jobcentertjek.entries import validate

def check():
    entries, problems = validate.check_paths([Path(".")])
    return {"problems": [str(p) for p in problems],
            "entries": [[e.id, e.path, e.entry.model_dump(mode="json")] for e in entries]}

serial = check()
validate.PARALLEL_FROM = 2
validate._usable_cpus = lambda: 2
workers = validate.worker_count(len(validate.find_case_files([Path(".")])))
print(json.dumps({"serial": serial, "parallel": check(), "workers": workers}))
"""


def test_checking_in_parallel_gives_the_same_entries_and_problems_in_the_same_order(corpus):
    """At national scale the files are checked by a pool of processes; nothing may differ."""
    tree = corpus.parent / "mixed"
    shutil.copytree(corpus, tree / "broken")
    shutil.copytree(Path(__file__).parents[1] / "cases", tree / "cases")
    result = subprocess.run([sys.executable, "-c", _SERIAL_AND_PARALLEL], cwd=tree, capture_output=True, text=True,
                            check=True)
    runs = json.loads(result.stdout)
    assert runs["workers"] == 2
    assert runs["parallel"]["problems"] == runs["serial"]["problems"]
    assert runs["parallel"]["entries"] == runs["serial"]["entries"]
    assert len(runs["serial"]["problems"]) > len(CASES) and len(runs["serial"]["entries"]) >= 23


def test_a_parser_message_without_a_danish_translation_shows_no_english():
    """A future PyYAML or libyaml may word an error we have not met: the contributor still reads Danish."""
    import yaml

    mark = yaml.Mark("x.yaml", 0, 3, 7, None, None)
    exc = yaml.scanner.ScannerError("while doing something new", mark, "found a brand-new problem", mark)
    problem = yamlload._syntax_problem(exc, "x.yaml")
    assert (problem.line, problem.column, problem.field) == (4, 8, "yaml")
    assert problem.message == "filen kan ikke læses som YAML; tjek indrykning, kolon og anførselstegn på linjen"
    assert not ENGLISH.search(problem.message)
