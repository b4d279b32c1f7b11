"""Shared fixtures: the real site built once, and small fixture sites built from given entries."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from jobcentertjek.bench.synthetic import generate_cases
from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.publish.build import build_site

REPO = Path(__file__).resolve().parents[1]


def write_cases(root: Path, files: dict[str, str]) -> Path:
    """Write ``{"koebenhavn/2018-04-10-x.yaml": yaml_text}`` under ``root/cases``."""
    cases = root / "cases"
    for name, text in files.items():
        path = cases / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    cases.mkdir(exist_ok=True)
    return cases


def build_fixture_site(root: Path, files: dict[str, str]):
    """Build a site from the given entries with the project's real mkdocs.yml and theme."""
    cases = write_cases(root, files)
    site = root / "site"
    code, problems = build_site(REPO / "mkdocs.yml", site, cases)
    return code, site, problems


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real ``cases/`` built once with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("real") / "site"
    code, problems = build_site(REPO / "mkdocs.yml", site, REPO / "cases")
    assert code == 0, "\n".join(map(str, problems))
    return site


NATIONAL_ENTRIES = 1_000


@pytest.fixture(scope="session")
def national_site(tmp_path_factory) -> tuple[Path, Corpus]:
    """A synthetic national record (``synthetic.py``) built once with the real mkdocs.yml: long
    enough that København, the topics and the promise lists have pages for older years, and
    that threads and promise histories are shortened on entry pages."""
    root = tmp_path_factory.mktemp("national")
    cases = generate_cases(root / "cases", NATIONAL_ENTRIES)
    code, problems = build_site(REPO / "mkdocs.yml", root / "site", cases)
    assert code == 0, "\n".join(map(str, problems))
    return root / "site", Corpus.load(cases)
