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
