"""Danish on the site and in messages: a count agrees with its noun for 0, 1 and 2 ("1 sag",
"2 sager"); the command's help and its errors are Danish."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from conftest import write_cases
from helpers import dump, plan, promise, report, response, update

from jobcentertjek.cli import build_parser, main
from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.grammar import count, plural
from jobcentertjek.site.pages import SiteGenerator, SiteSettings

# Every counted noun the site or a message shows, with its singular and plural.
NOUNS = [("sag", "sager"), ("handleplan", "handleplaner"), ("opfølgning", "opfølgninger"), ("løfte", "løfter"),
         ("dag", "dage"), ("advarsel", "advarsler"), ("svar", "svar")]
# argparse's English, which must never reach a contributor.
ENGLISH = re.compile(r"usage|options|positional arguments|show this help|the following|invalid choice|"
                     r"unrecognized|expected one argument|error|default:", re.I)


@pytest.mark.parametrize("one, other", NOUNS)
def test_count_agrees_for_zero_one_and_two(one, other):
    assert [count(n, one, other) for n in (0, 1, 2)] == [f"0 {other}", f"1 {one}", f"2 {other}"]
    assert plural(1, one, other) == one and plural(0, one, other) == plural(2, one, other) == other
    assert count(1500, one, other) == f"1.500 {other}"


def _record(n: int) -> dict[str, str]:
    """``n`` of each type in København: a report, a response, a plan with one overdue promise, an update."""
    files = {}
    for i in range(1, n + 1):
        report_id, plan_id = f"2018-04-1{i}-kritik-{i}", f"2018-05-0{i}-plan-{i}"
        files[f"koebenhavn/{report_id}.yaml"] = dump(report(date=f"2018-04-1{i}"))
        files[f"koebenhavn/2018-04-2{i}-svar-{i}.yaml"] = dump(response([report_id], date=f"2018-04-2{i}"))
        files[f"koebenhavn/{plan_id}.yaml"] = dump(plan([promise(deadline="2018-06-30")], date=f"2018-05-0{i}"))
        files[f"koebenhavn/2018-06-0{i}-opfoelgning-{i}.yaml"] = dump(update(
            plan_id, [{"promise": "handleplan", "status": "in-progress"}], date=f"2018-06-0{i}"))
    return files


def _pages(tmp_path, files: dict[str, str], on: dt.date = dt.date(2018, 7, 1)) -> dict[str, str]:
    corpus = Corpus.from_entries(Corpus.load(write_cases(tmp_path, files)).entries, on=on)
    sources = SiteGenerator(corpus, SiteSettings(repo_url="https://github.com/x/y")).sources()
    return {uri: " ".join(re.sub(r"<[^>]+>", "", text).split()) for uri, text in sources.items()}


@pytest.mark.parametrize("n, words", [
    (0, ["0 rapporter og anden kritik", "0 svar fra kommuner og politikere", "0 løfter i 0 handleplaner",
         "0 løfter med overskredet frist"]),
    (1, ["1 rapport eller anden kritik", "1 svar fra en kommune eller en politiker", "1 løfte i 1 handleplan",
         "1 løfte med overskredet frist"]),
    (2, ["2 rapporter og anden kritik", "2 svar fra kommuner og politikere", "2 løfter i 2 handleplaner",
         "2 løfter med overskredet frist"]),
])
def test_the_front_page_counts_agree(tmp_path, n, words):
    home = _pages(tmp_path, _record(n))["index.md"]
    for phrase in words:
        assert phrase in home


@pytest.mark.parametrize("n, sentence", [
    (1, "4 sager: 1 med kritik, 1 svar, 1 handleplan og 1 opfølgning."),
    (2, "8 sager: 2 med kritik, 2 svar, 2 handleplaner og 2 opfølgninger."),
])
def test_the_kommune_page_counts_agree(tmp_path, n, sentence):
    assert sentence in _pages(tmp_path, _record(n))["kommuner/koebenhavn.md"]


def test_one_entry_and_no_other_type_on_a_kommune_page(tmp_path):
    page = _pages(tmp_path, {"koebenhavn/2018-04-10-kritik.yaml": dump(report())})["kommuner/koebenhavn.md"]
    assert "1 sag: 1 med kritik, 0 svar, 0 handleplaner og 0 opfølgninger." in page


@pytest.mark.parametrize("days, words", [(1, "1 dag over fristen"), (2, "2 dage over fristen")])
def test_days_over_the_deadline_agree(tmp_path, days, words):
    pages = _pages(tmp_path, _record(1), on=dt.date(2018, 6, 30) + dt.timedelta(days=days))
    assert words in pages["sager/2018-05-01-plan-1.md"]


def test_a_promise_on_its_deadline_day_is_not_over_it(tmp_path):
    pages = _pages(tmp_path, _record(1), on=dt.date(2018, 6, 30))
    assert not re.search(r"\d dage? over fristen|Frist overskredet", pages["sager/2018-05-01-plan-1.md"])


@pytest.mark.parametrize("updates, words", [(1, "3 sager, i den rækkefølge det skete"),
                                            (2, "4 sager, i den rækkefølge det skete")])
def test_a_plans_thread_counts_its_follow_ups(tmp_path, updates, words):
    files = {"koebenhavn/2018-04-10-kritik.yaml": dump(report()),  # the updates are part of the thread
             "koebenhavn/2018-05-01-plan.yaml": dump(plan(date="2018-05-01", responds_to=["2018-04-10-kritik"]))}
    for i in range(1, updates + 1):
        files[f"koebenhavn/2018-06-0{i}-opfoelgning.yaml"] = dump(update(
            "2018-05-01-plan", [{"promise": "handleplan", "status": "in-progress"}], date=f"2018-06-0{i}"))
    assert words in _pages(tmp_path, files)["sager/2018-05-01-plan.md"]


@pytest.mark.parametrize("n, words", [(0, "0 sager er i orden."), (1, "1 sag er i orden."), (2, "2 sager er i orden.")])
def test_the_check_counts_entries_in_danish(tmp_path, monkeypatch, capsys, n, words):
    files = {f"koebenhavn/2018-04-1{i}-kritik.yaml": dump(report(date=f"2018-04-1{i}")) for i in range(n)}
    cases = write_cases(tmp_path, files)
    cases.mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "cases"]) == 0
    assert capsys.readouterr().err.strip() == words


@pytest.mark.parametrize("contacts, words", [
    ("Skriv til hans.hansen@example.dk.", "1 sag er i orden (1 advarsel)."),
    ("Skriv til hans.hansen@example.dk eller ring 12 34 56 78.", "1 sag er i orden (2 advarsler)."),
])
def test_the_check_counts_warnings_in_danish(tmp_path, monkeypatch, capsys, contacts, words):
    write_cases(tmp_path, {"koebenhavn/2018-04-10-kritik.yaml": dump(report(summary=contacts))})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "cases"]) == 0
    assert capsys.readouterr().err.strip() == words


# --- the command's help and errors --------------------------------------------------------------


def _commands() -> list[str]:
    return list(build_parser()._subparsers._group_actions[0].choices)


@pytest.mark.parametrize("command", [[], *([name] for name in ["check", "new", "build", "schema", "bench"])])
def test_every_help_is_danish(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("Brug: jobcentertjek")
    assert "tilvalg:" in shown and "vis denne hjælp og afslut" in shown
    assert not ENGLISH.search(shown), shown


def test_the_installed_command_answers_help_in_danish():
    result = subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "--help"], capture_output=True, text=True,
                            check=True)
    assert result.stdout.startswith("Brug: jobcentertjek [-h] KOMMANDO ...")
    assert "kommandoer:" in result.stdout


def test_every_subcommand_and_option_is_explained():
    assert set(_commands()) == {"check", "new", "build", "schema", "bench", "links", "archive", "from-issue",
                                "efterproevning"}
    for name, sub in build_parser()._subparsers._group_actions[0].choices.items():
        assert sub.description, name
        for action in sub._actions:
            assert action.help, (name, action.option_strings or action.dest)


@pytest.mark.parametrize("args, message", [
    (["new", "report"], "jobcentertjek new: fejl: du mangler at angive: --kommune"),
    (["nyt"], "jobcentertjek: fejl: argumentet KOMMANDO: 'nyt' er ikke et af valgene "
              "('check', 'new', 'build', 'schema', 'bench', 'links', 'archive', "
              "'from-issue', 'efterproevning')"),
    (["check", "--hurtigt"], "jobcentertjek: fejl: ukendte argumenter: --hurtigt"),
    (["new", "report", "--kommune"], "jobcentertjek new: fejl: argumentet --kommune skal have en værdi"),
    (["new", "report", "--kommune", "101", "--date", "2019-13"],
     "jobcentertjek new: fejl: argumentet --date: måned 13 findes ikke; brug 01 til 12"),
])
def test_argument_errors_are_danish(args, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Brug: jobcentertjek")
    assert err.splitlines()[-1] == message
