"""The loader's two paths: a quick one for regular files, the careful one for files with problems.

The quick path skips positions; they are computed when a problem needs one. Both must give
the same data, and problems must be found exactly as the careful builder finds them.
"""

from __future__ import annotations

import pytest
from conftest import REPO

from jobcentertjek.entries import yamlload

REAL = sorted((REPO / "cases").rglob("*.yaml"))


def careful(text: str) -> yamlload.LoadedYaml:
    loader = yamlload.LOADERS[yamlload.LOADER](text)
    try:
        builder = yamlload._Builder(loader, "x.yaml", text)
        assert builder.run() is None and not builder.problems
    finally:
        loader.dispose()
    builder.result.data = builder.root[0]
    return builder.result


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_real_entries_load_quickly_with_the_same_data_and_positions(path):
    text = path.read_text("utf-8")
    loaded, problems = yamlload.load_yaml(text.encode("utf-8"), str(path))
    assert problems == [] and loaded.located is None  # no positions computed for a file without problems
    expected = careful(text)
    assert loaded.data == expected.data
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("title:"))
    assert loaded.position(("title",)) == (line, 8) and loaded.position(("title",), key=True) == (line, 1)
    assert loaded.positions == expected.positions and loaded.spans == expected.spans


@pytest.mark.parametrize("text", ["a: !!bool maybe\n", "a: !!int ''\n", "a: !!float x\n"])
def test_a_value_its_tag_cannot_read_is_a_problem_not_a_crash(text):
    loaded, problems = yamlload.load_yaml(text.encode("utf-8"), "x.yaml")
    assert loaded is None
    assert [(p.line, p.column, p.field, p.message.split(" ")[0]) for p in problems] == [(1, 4, "a", "kan")]


@pytest.mark.parametrize("text", ["a: 1\na: 2\n", "a: &x 1\nb: *x\n", "- a\n", "a: !!str 1\n", "{1: a}\n", ""])
def test_irregular_files_get_the_careful_builders_answer(text):
    loaded, problems = yamlload.load_yaml(text.encode("utf-8"), "x.yaml")
    if text == "a: !!str 1\n":  # a tag that is allowed: same data as plain text
        assert problems == [] and loaded.data == {"a": "1"}
    else:
        assert loaded is None and problems and all(p.severity == "error" for p in problems)
