"""scripts/install_pagefind.py: the pinned Pagefind release, installed only if it matches its hash.

The registry is a local HTTP server holding a package laid out as npm's: a tarball with
``package/bin/pagefind_extended``, here a small shell script that prints a version.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import platform
import subprocess
import tarfile

import pytest
from conftest import REPO

from jobcentertjek.bench.localserver import serve
from jobcentertjek.publish.search_index import PAGEFIND


def load_installer():
    spec = importlib.util.spec_from_file_location("install_pagefind", REPO / "scripts" / "install_pagefind.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


installer = load_installer()


def test_the_build_runs_the_pinned_release():
    """`make` installed the release the script pins (a stale venv would show here)."""
    done = subprocess.run([str(PAGEFIND), "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["pagefind", installer.VERSION]


@pytest.fixture
def registry(tmp_path, monkeypatch):
    """A registry serving a fake release for this machine: its tarball, where it goes, its package."""
    package = installer.PLATFORMS[(platform.system(), platform.machine())]
    binary = b"#!/bin/sh\necho pagefind " + installer.VERSION.encode() + b"\n"
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        member = tarfile.TarInfo("package/bin/pagefind_extended")
        member.size = len(binary)
        archive.addfile(member, io.BytesIO(binary))
    tarball = buffer.getvalue()
    folder = tmp_path / "registry" / "@pagefind" / package / "-"
    folder.mkdir(parents=True)
    (folder / f"{package}-{installer.VERSION}.tgz").write_bytes(tarball)
    target = tmp_path / "venv" / "bin" / "pagefind_extended"
    monkeypatch.setattr(installer, "PAGEFIND", target)
    with serve(tmp_path / "registry") as base:
        monkeypatch.setattr(installer, "REGISTRY", base)
        yield tarball, target, package


def test_a_release_that_matches_its_hash_is_installed(registry, monkeypatch):
    tarball, target, package = registry
    digest = base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    monkeypatch.setitem(installer.INTEGRITY, package, f"sha512-{digest}")
    assert installer.main() == 0
    assert subprocess.run([str(target), "--version"], capture_output=True, text=True).stdout.split()[-1] == installer.VERSION
    assert installer.main() == 0  # installed already: nothing fetched again


def test_a_release_that_does_not_match_its_hash_is_not_installed(registry, capsys):
    _, target, _ = registry  # the pinned hash is the real release's, not this tarball's
    assert installer.main() == 1
    assert "does not match its pinned hash" in capsys.readouterr().err
    assert not target.exists() and not target.with_name(target.name + ".partial").exists()
