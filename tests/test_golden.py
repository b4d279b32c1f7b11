"""Golden output: what readers get from the fixture in tests/golden/cases/ is committed, file by file.

A change to a template, a date format or a sort order fails here with a diff until
`make golden` rewrites tests/golden/expected/, so the change shows in the pull request.
"""

from __future__ import annotations

import os
import shutil

import golden_outputs
import pytest
from conftest import REPO
from jinja2 import FileSystemLoader

from jobcentertjek.entries.dates import today
from jobcentertjek.site import pages as site


@pytest.fixture(scope="module")
def generated() -> dict[str, bytes]:
    return golden_outputs.generate()


def test_the_output_equals_the_golden_files(generated):
    report = golden_outputs.compare(generated, golden_outputs.read())
    if report:
        pytest.fail(report, pytrace=False)


def test_the_golden_set_holds_every_kind_of_output(generated):
    """Page bodies, feeds, calendars and open data, of the entries, kommuner, promises and tags."""
    for path in ["index.md", "kommuner/index.md", "kommuner/aeroe.md", "kommuner/broendby.md",
                 "kommuner/hele-landet.md", "sager/2022-testopfoelgning-paa-handleplanen-paa-aeroe.md",
                 "loefter/index.md", "emner/index.md", "rettelser.md", "feed.xml", "loefter/feed.xml",
                 "kommuner/aeroe/feed.xml", "loefter/frister.ics", "kommuner/aeroe/frister.ics",
                 "data/entries.json", "data/entries.csv", "data/promises.csv", "data/entry.schema.json",
                 "data/repeats.csv", "data/kommuner.csv", "gentaget/index.md", "kommuner/sorteret/sager.md",
                 "foelg.md", "loefter/foelg.md", "kommuner/aeroe/foelg.md", "om.md", "hjaelp.md", "bidrag.md"]:
        assert path in generated


def test_the_fixture_shows_what_it_is_there_to_show(generated):
    """Month and year precision, an overdue promise, a correction, figures, Danish letters."""
    plan = generated["sager/2021-04-20-testhandleplan-for-sygemeldte-paa-aeroe.md"].decode()
    assert "1.111 dage over fristen" in plan  # the build day is fixed, so the count is too (Danish thousands)
    assert '<time datetime="2021-12">december 2021</time>' in plan
    assert '<time datetime="2022">2022</time>' in plan
    report = generated["sager/2021-03-04-testrapport-ventetider-paa-aeroe.md"].decode()
    assert "<td>Ventetid på første samtale, gennemsnit</td><td>38,5 døgn</td>" in report
    assert "<td>Stikprøvens størrelse</td><td>1.250 gennemgåede sager</td>" in report
    assert "Ventetiden var først angivet som 83,5 dage" in generated["rettelser.md"].decode()
    assert "Ærø" in generated["kommuner/aeroe/frister.ics"].decode()


def _with_templates(monkeypatch, templates) -> None:
    """Render the pages with the templates in ``templates`` instead of the package's."""
    package_environment = site._environment

    def environment():
        env = package_environment()
        env.loader = FileSystemLoader(templates)
        return env

    monkeypatch.setattr(site, "_environment", environment)


OLD_WORDING, NEW_WORDING = "<h2>Resumé</h2>", "<h2>Sammenfatning</h2>"


def test_a_changed_wording_fails_with_its_diff_until_the_golden_files_are_rewritten(generated, tmp_path, monkeypatch):
    templates = shutil.copytree(REPO / "src" / "jobcentertjek" / "templates", tmp_path / "templates")
    entry = templates / "entry.html"
    text = entry.read_text("utf-8")
    assert text.count(OLD_WORDING) == 1, "pick another heading of entry.html for this test"
    entry.write_text(text.replace(OLD_WORDING, NEW_WORDING), "utf-8")
    _with_templates(monkeypatch, templates)
    reworded = golden_outputs.generate()

    golden = tmp_path / "golden"  # golden files of the package's templates, committed or not yet
    golden_outputs.write(generated, golden)
    report = golden_outputs.compare(reworded, golden_outputs.read(golden))
    entry_pages = sorted(p for p in generated if p.startswith("sager/") and p.endswith(".md"))  # not redirects
    assert f"  changed ({len(entry_pages)}): " + ", ".join(entry_pages) in report
    assert f"--- tests/golden/expected/{entry_pages[0]}\n+++ generated {entry_pages[0]}\n" in report
    assert f"\n-{OLD_WORDING}\n+{NEW_WORDING}\n" in report
    assert "run `make golden`" in report

    summary = golden_outputs.write(reworded, golden)
    assert summary == {"added": [], "changed": entry_pages, "removed": []}
    assert golden_outputs.compare(reworded, golden_outputs.read(golden)) == ""
    for path in entry_pages:  # each golden page changed in exactly that line, as `git diff` will show
        before = generated[path].decode().splitlines()
        after = (golden / path).read_text("utf-8").splitlines()
        assert [(b, a) for b, a in zip(before, after, strict=True) if b != a] == [(OLD_WORDING, NEW_WORDING)]


def test_missing_and_extra_golden_files_fail_and_the_writer_replaces_the_whole_set(generated, tmp_path):
    golden = tmp_path / "golden"
    golden_outputs.write(generated, golden)
    (golden / "kommuner" / "aeroe" / "feed.xml").unlink()
    (golden / "gammel").mkdir()
    (golden / "gammel" / "side.md").write_text("En side, der ikke bygges mere.\n", "utf-8")

    report = golden_outputs.compare(generated, golden_outputs.read(golden))
    assert "  produced but not in the golden files (1): kommuner/aeroe/feed.xml" in report
    assert "  in the golden files but no longer produced (1): gammel/side.md" in report
    assert "-En side, der ikke bygges mere." in report

    summary = golden_outputs.write(generated, golden)
    assert summary == {"added": ["kommuner/aeroe/feed.xml"], "changed": [], "removed": ["gammel/side.md"]}
    assert not (golden / "gammel").exists()
    assert golden_outputs.compare(generated, golden_outputs.read(golden)) == ""


def test_a_long_diff_is_cut_and_the_other_files_are_named():
    expected = {f"sager/{i:02}.md": "".join(f"linje {n}\n" for n in range(200)).encode() for i in range(25)}
    actual = {path: content.replace(b"linje", "række".encode()) for path, content in expected.items()}
    report = golden_outputs.compare(actual, expected)
    assert report.count("\n--- tests/golden/expected/sager/") == golden_outputs.DIFFS_SHOWN
    assert "more lines of this diff" in report
    named = ", ".join(f"sager/{i:02}.md" for i in range(golden_outputs.NAMES_SHOWN))
    assert f"changed (25): {named} and 5 more\n" in report


def test_a_difference_in_line_endings_alone_is_reported():
    report = golden_outputs.compare({"frister.ics": b"A\r\nB\r\n"}, {"frister.ics": b"A\nB\n"})
    assert "frister.ics: only the line endings or the final newline differ" in report


def test_the_build_day_is_set_for_the_generation_only():
    before = os.environ.get("SOURCE_DATE_EPOCH"), today()
    with golden_outputs.build_day(golden_outputs.EPOCH):
        assert today().isoformat() == "2025-01-15"
    assert (os.environ.get("SOURCE_DATE_EPOCH"), today()) == before


def test_make_golden_rewrites_the_set_and_says_what_changed(generated, tmp_path, monkeypatch, capsys):
    golden = tmp_path / "expected"
    golden_outputs.write({**generated, "gammel.md": b"Udgaaet.\n"}, golden)
    (golden / "feed.xml").write_bytes("forældet".encode())
    monkeypatch.setattr(golden_outputs, "EXPECTED", golden)
    assert golden_outputs.main() == 0
    assert golden_outputs.read(golden) == generated
    out = capsys.readouterr().out
    assert f"{len(generated)} golden files in {golden}/ (0 added, 1 changed, 1 removed)." in out
    assert "  changed: feed.xml\n  removed: gammel.md\n" in out


def test_make_golden_writes_nothing_when_the_fixture_is_invalid(tmp_path, monkeypatch, capsys):
    cases = shutil.copytree(golden_outputs.CASES, tmp_path / "cases")
    plan = cases / "aeroe" / "2021-04-20-testhandleplan-for-sygemeldte-paa-aeroe.yaml"
    plan.write_text(plan.read_text("utf-8").replace("deadline: 2021-12", "deadline: 2021-13"), "utf-8")
    golden = tmp_path / "expected"
    golden.mkdir()
    (golden / "index.md").write_text("Den sidste gode udgave.\n", "utf-8")
    monkeypatch.setattr(golden_outputs, "CASES", cases)
    monkeypatch.setattr(golden_outputs, "EXPECTED", golden)
    assert golden_outputs.main() == 1
    assert golden_outputs.read(golden) == {"index.md": "Den sidste gode udgave.\n".encode()}
    err = capsys.readouterr().err
    assert "has errors; nothing was written" in err
    assert "måned 13 findes ikke" in err
