"""The README's promises: its entry examples are real, valid entries, and its commands exist."""

from __future__ import annotations

import re

from conftest import REPO

README = (REPO / "README.md").read_text("utf-8")


def test_each_yaml_example_is_a_verbatim_copy_of_a_real_entry():
    examples = re.findall(r'```yaml title="([^"]+)"\n(.*?)```', README, flags=re.S)
    assert {text.split("\ntype: ", 1)[1].split("\n", 1)[0] for _, text in examples} == {
        "report", "response", "plan", "update"}
    for path, text in examples:
        assert (REPO / path).read_text("utf-8") == text, f"README example differs from {path}"


def test_the_two_commands_are_make_targets_and_ci_runs_make_test():
    makefile = (REPO / "Makefile").read_text("utf-8")
    for target in ("build", "test", "serve", "check", "golden", "bench"):
        assert re.search(rf"^{target}:", makefile, flags=re.M), target
        assert f"make {target}" in README
    assert "make test" in (REPO / ".ci" / "run").read_text("utf-8")
    assert "[CONTRIBUTING.md](CONTRIBUTING.md)" in README


def test_the_record_counts_in_the_readme_are_current():
    from jobcentertjek.entries.validate import check_paths

    entries, _ = check_paths([REPO / "cases"])
    stated = re.search(r"The record holds (\d+) entries in (\d+) of the 98 kommuner, plus national entries, "
                       r"with (\d+) promises\s+and (\d+) public corrections", README)
    assert stated, "README: the sentence with the record's counts is missing"
    kommuner = {e.entry.kommune for e in entries} - {"hele-landet"}
    promises = sum(len(e.entry.promises) for e in entries if e.entry.type in ("plan", "response"))
    corrections = sum(len(e.entry.corrections) for e in entries)
    assert tuple(map(int, stated.groups())) == (len(entries), len(kommuner), promises, corrections)
