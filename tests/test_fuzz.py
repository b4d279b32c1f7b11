"""Hypothesis: whatever a stranger's pull request contains, the checker answers with problems.

Random bytes, random YAML, and random mutations of the real entries in cases/ (of their
text and of their data) go through ``load_entry`` and ``check_paths``. They must never
raise; every problem must say where (path, line, column, field) and what; a file is
either a valid entry or has at least one error, never silently dropped; a valid entry
renders. Both YAML parsers must give the same answer.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path

import yaml
from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobcentertjek.entries import yamlload
from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.problems import Problem
from jobcentertjek.entries.validate import _ALL_FIELDS, check_paths, load_entry
from jobcentertjek.site.pages import SiteGenerator, SiteSettings

REAL = sorted((REPO / "cases").rglob("*.yaml"))
TEXTS = {path: path.read_text(encoding="utf-8") for path in REAL}
# Words of PyYAML's English messages that must never reach a contributor.
ENGLISH = re.compile(r"\b(found|expected|while|scanning|parsing|token|stream)\b")
FUZZ = settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])

# Pieces that matter to YAML, to the validator and to an attacker.
PIECES = [*":-[]{}'\"&*!|>#%@`,?\t\r\n\\ ", "  ", "\n  ", "\n- ", ": ", "? ", "---\n", "...\n", "%YAML 1.1\n",
          "%TAG ! tag:x,2000:\n", "!<tag:x>", '"\\q"', '"\\x4"', '"\\u00e6"', "|#", "|-2\n", ">+\n",
          "!!python/object/apply:os.system [ls]", "!!binary aGk=", "!foo ", "&a ", "*a", "<<: *a",
          "\x00", "\x85", "\ufeff", "\u202e", "æøå", "2019-02-30", "2999-01-01", "010190-1234",
          "a@b.dk", "12 34 56 78", "<script>", "&lt;", "javascript:", ".inf", "~", "null", "yes",
          "0x1F", "1e400", "9" * 5000, "[" * 40, "{" * 40]
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
           | st.sampled_from(["2019-02-30", "2018-13", "1969", "2999", "kept", "overdue", "koebenhavn",
                              "hele-landet", "fleksjob", "https://example.org/x", "javascript:alert(1)",
                              "2018-04-10-taskforce-foertidspension-fleksjob", "010190-1234", ""]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(sorted(_ALL_FIELDS)) | st.text(max_size=8), inner, max_size=3),
                      max_leaves=8)


@st.composite
def text_mutations(draw, pieces=st.sampled_from(PIECES) | st.text(max_size=4)):
    """A real entry's text with a few spans replaced by YAML-significant pieces."""
    path = draw(st.sampled_from(REAL))
    text = TEXTS[path]
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 30)))
        text = text[:start] + draw(pieces) + text[end:]
    return path, text


def _places(data, here=()):
    yield here
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in children:
        yield from _places(value, here + (key,))


@st.composite
def data_mutations(draw):
    """A real entry's data with one value replaced, removed, or a field added: gets past YAML."""
    path = draw(st.sampled_from(REAL))
    data = yaml.safe_load(TEXTS[path])
    place = draw(st.sampled_from(list(_places(data))[1:]))
    parent = data
    for part in place[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if action == "replace":
        parent[place[-1]] = draw(VALUES)
    elif action == "remove":
        del parent[place[-1]]
    elif isinstance(parent, dict):
        parent[draw(st.sampled_from(sorted(_ALL_FIELDS)))] = draw(VALUES)
    else:
        parent.append(draw(VALUES))
    return path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@contextmanager
def parser(name: str):
    """Use one of the YAML parsers (monkeypatch does not mix with @given)."""
    before, yamlload.LOADER = yamlload.LOADER, name
    try:
        yield
    finally:
        yamlload.LOADER = before


def assert_clean(problems: list, text: str | bytes) -> None:
    lines = (text.count(b"\n") if isinstance(text, bytes) else text.count("\n")) + 2
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path and problem.field and problem.message, problem
        assert 1 <= problem.line <= lines and problem.column >= 1, problem
        assert problem.severity in ("error", "warning")
        assert "\n" not in str(problem) and "\r" not in str(problem), "one problem, one line"
        if problem.field == "yaml":  # the parser's own words (other messages quote the contributor)
            assert not ENGLISH.search(problem.message), problem


def check_one(original: Path, content: str | bytes):
    """``load_entry`` on ``content`` written where ``original`` lives (kommune folder, name)."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / original.parent.name / original.name
        target.parent.mkdir()
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        entry, problems = load_entry(target)
    assert_clean(problems, content)
    errors = [p for p in problems if p.severity == "error"]
    assert (entry is None) == bool(errors), "a file must be either valid or have an error"
    return entry, problems


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(content):
    check_one(REAL[0], content)


@FUZZ
@given(st.text(max_size=300))
def test_random_text(content):
    check_one(REAL[0], content)


@FUZZ
@given(VALUES)
def test_random_yaml_documents(data):
    check_one(REAL[0], yaml.safe_dump(data, allow_unicode=True))


@FUZZ
@given(text_mutations())
def test_mutated_text_of_real_entries(mutation):
    check_one(*mutation)


def both_parsers(text: str) -> list[tuple]:
    answers = []
    for name in sorted(yamlload.LOADERS):
        with parser(name):
            loaded, problems = yamlload.load_yaml(text.encode("utf-8"), "f.yaml")
        answers.append((loaded.data if loaded else None, problems))
    return answers


@FUZZ
@given(text_mutations())
def test_both_yaml_parsers_agree_on_good_files_and_answer_bad_ones_in_danish(mutation):
    """libyaml (YAML 1.2) and PyYAML (YAML 1.1) read some odd text differently (``?`` or ``!``
    inside [ ], ``|#`` without a space) and may name different faults in garbage. What must
    hold: a file both accept gives the same data, and every answer is plain Danish. For the
    broken entries of the corpus both give the same message word for word (test_bad_entries)."""
    answers = both_parsers(mutation[1])
    if all(data is not None for data, _ in answers):
        assert all(answer == answers[0] for answer in answers)
    for _, problems in answers:
        assert_clean(problems, mutation[1])


@settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(data_mutations(), text_mutations()))
def test_mutated_real_corpus_checks_and_renders(mutation):
    """The whole real corpus with one entry mutated: cross-file checks never raise, and a
    corpus that passes renders the mutated entry's page."""
    original, text = mutation
    with tempfile.TemporaryDirectory() as tmp:
        cases = Path(tmp) / "cases"
        shutil.copytree(REPO / "cases", cases)
        (cases / original.parent.name / original.name).write_text(text, encoding="utf-8")
        entries, problems = check_paths([cases])
        # A broken entry also breaks the links other files make to it: each problem is checked
        # against the file it points at.
        for name, in_file in groupby(sorted(problems, key=lambda p: p.path), key=lambda p: p.path):
            assert_clean(list(in_file), (Path.cwd() / name).read_text("utf-8"))
    if not any(p.severity == "error" for p in problems):
        generator = SiteGenerator(Corpus.from_entries(entries), SiteSettings(repo_url="https://example.org/r"))
        page = next(p for p in generator.pages() if p.uri == f"sager/{original.stem}.md")
        assert original.stem in generator.render(page)
