"""Shared fixtures: the real site built once, and small fixture sites built from given entries."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

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


def build_fixture_site(root: Path, files: dict[str, str], config: Path | None = None):
    """Build a site from the given entries with the project's real mkdocs.yml (or ``config``) and theme."""
    cases = write_cases(root, files)
    site = root / "site"
    code, problems = build_site(config or REPO / "mkdocs.yml", site, cases)
    return code, site, problems


# A contact as the owners would set it (site/about.py); the real mkdocs.yml has none yet.
CONTACT = {"editor": "Test Testesen", "organisation": "Foreningen Testtjek", "email": "redaktion@example.org",
           "address": "Testvej 1, 9999 Testby"}


def configured_mkdocs(root: Path, contact: dict | None = CONTACT, about: dict | None = None) -> Path:
    """The project's mkdocs.yml with ``contact`` and ``about`` set, written to ``root``: its paths made
    absolute, so it builds the real docs and theme from anywhere."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    config["docs_dir"] = str(REPO / config.get("docs_dir", "docs"))
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    config["hooks"] = [str(REPO / hook) for hook in config["hooks"]]
    config["watch"] = [str(REPO / path) for path in config["watch"]]
    settings = config["extra"]["jobcentertjek"]
    for key, value in (("contact", contact), ("about", about)):
        if value is not None:
            settings[key] = value
    root.mkdir(parents=True, exist_ok=True)
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path


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


# A record with a title full of characters a mailto: URL must encode, built with a contact set.
CONTACT_TITLE = 'Kritik & svar: "Ventetid" på 14 dage? #1 – æøå'


@pytest.fixture(scope="session")
def contact_site(tmp_path_factory) -> Path:
    """A small record built with a contact and a funding statement set, as the owners will set them."""
    from helpers import dump, plan, report, update

    files = {
        "koebenhavn/2018-04-10-rapport.yaml": dump(report(title=CONTACT_TITLE)),
        "koebenhavn/2018-05-01-handleplan.yaml": dump(plan(responds_to=["2018-04-10-rapport"])),
        "koebenhavn/2018-12-06-opfoelgning.yaml": dump(update("2018-05-01-handleplan",
                                                              [{"promise": "handleplan", "status": "kept"}])),
    }
    root = tmp_path_factory.mktemp("kontakt")
    config = configured_mkdocs(root / "config", about={"funding": "Siden drives af frivillige uden støtte (test)."})
    code, site, problems = build_fixture_site(root, files, config)
    assert code == 0, "\n".join(map(str, problems))
    return site
