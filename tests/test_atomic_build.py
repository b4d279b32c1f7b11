"""Nothing lost: a build that fails, however it fails, leaves the published site/ untouched.

A small site is built once; then builds fail on purpose (a broken entry, a template error,
a crash inside MkDocs after it has written files, a failing search index, a crash in our
own process, a failing swap) and the old site must be exactly as it was: same files, same bytes, same inodes
and modification times (not merely a copy), and no half-built directories left behind.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import REPO, write_cases
from helpers import dump, report

from jobcentertjek.publish import build, search_index
from jobcentertjek.publish.build import build_site

GOOD = {"koebenhavn/2018-04-10-rapport.yaml": dump(report())}
BROKEN = {"koebenhavn/2018-04-11-ny.yaml": dump(report(date="2018-04-11", title="Ny sag", kommune="kobenhavn"))}


def snapshot(site: Path) -> dict[str, tuple]:
    """Every file and folder under ``site``: content hash, inode and modification time."""
    state = {}
    for path in sorted(site.rglob("*")):
        info = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        state[path.relative_to(site).as_posix()] = (digest, info.st_ino, info.st_mtime_ns)
    return state


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith((".site-build-", ".site-previous-")))


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A site built from one good entry, as it would be published."""
    root = tmp_path_factory.mktemp("atomic")
    cases = write_cases(root, GOOD)
    site = root / "out" / "site"
    code, problems = build_site(REPO / "mkdocs.yml", site, cases)
    assert code == 0, problems
    return site


@pytest.fixture
def cases(tmp_path) -> Path:
    return write_cases(tmp_path, GOOD)


@pytest.fixture
def unchanged(published):
    """Asserts, after the test, that the published site was not touched."""
    before = snapshot(published)
    assert before and (published / "index.html").is_file()
    yield published
    assert snapshot(published) == before
    assert leftovers(published) == []


def config_with(tmp_path: Path, custom_dir: Path | None = None, hooks: list[Path] = ()) -> Path:
    """The real mkdocs.yml with another theme folder or extra hooks, as a test config.

    Paths in an inheriting config are relative to it, so every path is made absolute."""
    config = tmp_path / "mkdocs-test.yml"
    config.write_text(yaml.safe_dump({
        "INHERIT": str(REPO / "mkdocs.yml"),
        "docs_dir": str(REPO / "docs"),
        "theme": {"name": "material", "custom_dir": str(custom_dir or REPO / "overrides")},
        "hooks": [str(REPO / "src/jobcentertjek/publish/mkdocs_adapter.py"), *map(str, hooks)],
        "watch": [],
    }), encoding="utf-8")
    return config


def test_a_broken_entry_leaves_the_site_as_it_was(unchanged, tmp_path):
    cases = write_cases(tmp_path, {**GOOD, **BROKEN})
    code, problems = build_site(REPO / "mkdocs.yml", unchanged, cases)
    assert code == 1
    assert [p.message for p in problems if p.severity == "error"] == [
        "ukendt kommune 'kobenhavn'; mente du 'koebenhavn'?"]


def test_a_template_error_leaves_the_site_as_it_was(unchanged, tmp_path, cases, capfd):
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ no_such_macro() }}{% endblock %}', encoding="utf-8")
    code, _ = build_site(config_with(tmp_path, custom_dir=overrides), unchanged, cases)
    assert code == 1
    assert "'no_such_macro' is undefined" in capfd.readouterr().err


def test_a_crash_after_files_were_written_leaves_the_site_as_it_was(unchanged, tmp_path, cases, capfd):
    hook = tmp_path / "crash.py"
    hook.write_text(textwrap.dedent("""\
        from pathlib import Path

        def on_post_build(config):
            assert (Path(config.site_dir) / "index.html").is_file()  # the new site is half done
            raise RuntimeError("crash at the very end")
        """), encoding="utf-8")
    code, _ = build_site(config_with(tmp_path, hooks=[hook]), unchanged, cases)
    assert code == 1
    assert "RuntimeError: crash at the very end" in capfd.readouterr().err


def test_a_failing_search_index_leaves_the_site_as_it_was(unchanged, cases, monkeypatch, capsys):
    """MkDocs succeeded, but Pagefind fails (here: it is given a flag it does not know)."""
    monkeypatch.setattr(search_index, "COMMAND", [*search_index.COMMAND, "--no-such-flag"])
    code, _ = build_site(REPO / "mkdocs.yml", unchanged, cases)
    assert code == 1
    assert "Søgeindekset kunne ikke bygges" in capsys.readouterr().err


def test_a_crash_in_our_own_process_leaves_the_site_as_it_was(unchanged, cases, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build.subprocess, "run", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_site(REPO / "mkdocs.yml", unchanged, cases)


def test_a_failing_swap_puts_the_old_site_back(unchanged, cases, monkeypatch, capsys):
    """The build succeeds, but moving the new site into place fails (disk full, permissions)."""
    real_rename = Path.rename

    def rename(self, target):
        if self.name == "site" and self.parent.name.startswith(".site-build-"):  # the new site, in the build's folder
            raise OSError(28, "No space left on device")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    code, _ = build_site(REPO / "mkdocs.yml", unchanged, cases)
    assert code == 1
    assert "kunne ikke udskiftes" in capsys.readouterr().err


def test_the_command_line_says_the_site_is_unchanged(unchanged, tmp_path):
    cases = write_cases(tmp_path, {**GOOD, **BROKEN})
    result = subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "build", "--cases", str(cases),
                             "--site-dir", str(unchanged), "--config-file", str(REPO / "mkdocs.yml")],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "koebenhavn/2018-04-11-ny.yaml:5:10: kommune: ukendt kommune 'kobenhavn'" in result.stdout
    assert f"Bygningen fejlede; {unchanged}/ er uændret." in result.stderr


def test_a_good_build_replaces_the_site_whole(published, tmp_path):
    """The positive control: a build that succeeds does replace the site, and cleans up."""
    site = tmp_path / "site"
    shutil.copytree(published, site)
    (site / "stale.html").write_text("from an old build", encoding="utf-8")
    cases = write_cases(tmp_path, {**GOOD, "koebenhavn/2018-04-11-ny.yaml": dump(report(date="2018-04-11"))})
    code, _ = build_site(REPO / "mkdocs.yml", site, cases)
    assert code == 0
    assert (site / "sager" / "2018-04-11-ny" / "index.html").is_file()
    assert not (site / "stale.html").exists()
    assert leftovers(site) == []
    assert site.stat().st_mode & 0o755 == 0o755
