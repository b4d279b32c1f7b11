"""The lock file: every dependency pinned with hashes, and in step with pyproject.toml."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[1]
LOCK = REPO / "requirements.txt"
ENTRY = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>\S+)(?:\s*;\s*(?P<marker>[^\\]+?))?\s*\\?$")
# Environments a contributor or CI may use: Linux and macOS, Python 3.11 (early and late) to 3.14.
ENVIRONMENTS = [
    {"sys_platform": platform, "platform_system": system, "python_version": full[:4].rstrip("."),
     "python_full_version": full, "implementation_name": "cpython", "platform_python_implementation": "CPython",
     "os_name": "posix", "platform_machine": machine}
    for platform, system, machine in [("linux", "Linux", "x86_64"), ("darwin", "Darwin", "arm64")]
    for full in ["3.11.0", "3.11.7", "3.12.8", "3.13.1", "3.14.0"]
]


def locked() -> list[tuple[str, Version, Marker | None, list[str], list[str]]]:
    """(name, version, marker, hashes, via) for every entry of the lock."""
    entries = []
    for line in LOCK.read_text("utf-8").splitlines():
        if match := ENTRY.match(line):
            marker = Marker(match["marker"]) if match["marker"] else None
            entries.append((canonicalize_name(match["name"]), Version(match["version"]), marker, [], []))
        elif entries and (hashed := re.match(r"^\s+--hash=sha256:([0-9a-f]{64})", line)):
            entries[-1][3].append(hashed[1])
        elif entries and (via := re.match(r"^\s+#\s+(?:via\s+)?(\S.*)$", line)) and via[1] != "via":
            entries[-1][4].append(via[1].strip())
    return entries


def wanted() -> list[Requirement]:
    """What pyproject.toml asks for: the package's dependencies, its test extra, its build backend."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    return [Requirement(r) for r in [*project["project"]["dependencies"],
                                     *project["project"]["optional-dependencies"]["test"],
                                     *project["build-system"]["requires"]]]


def applies(marker: Marker | None, env: dict) -> bool:
    return marker is None or marker.evaluate(env)


def test_every_locked_dependency_is_pinned_and_hashed():
    entries = locked()
    assert len(entries) >= 40
    assert all(hashes for *_, hashes, _ in entries), [name for name, *_, hashes, _ in entries if not hashes]
    # Nothing in the file escapes the parser above: each `name==` line became an entry.
    pins = [line for line in LOCK.read_text("utf-8").splitlines() if re.match(r"^[A-Za-z0-9]", line)]
    assert len(pins) == len(entries)


def test_the_lock_satisfies_pyproject_in_every_supported_environment():
    entries = locked()
    for requirement in wanted():
        name = canonicalize_name(requirement.name)
        for env in ENVIRONMENTS:
            pins = [version for n, version, marker, *_ in entries if n == name and applies(marker, env)]
            assert len(pins) == 1, f"{name}: {len(pins)} pins for Python {env['python_full_version']} " \
                                   f"on {env['sys_platform']}; run `make lock`"
            assert requirement.specifier.contains(pins[0], prereleases=True), \
                f"the lock pins {name}=={pins[0]}, but pyproject.toml asks for {requirement}; run `make lock`"


def test_the_lock_holds_exactly_what_pyproject_asks_for_directly():
    direct = {name for name, *_, via in locked() if any(v.startswith("jobcentertjek (pyproject.toml)")
                                                            or v == "-r requirements-build.in" for v in via)}
    assert direct == {canonicalize_name(r.name) for r in wanted()}, "run `make lock`"


def test_the_lock_says_the_command_that_makes_it_and_make_lock_runs_it():
    header = LOCK.read_text("utf-8").splitlines()[1].strip("# ").strip()
    result = subprocess.run(["make", "-n", "lock"], cwd=REPO, capture_output=True, text=True, check=True)
    compile_line = next(line for line in result.stdout.splitlines() if " pip compile " in line)
    made = ["uv", *compile_line.split("/uv ", 1)[1].split()]
    assert [word for word in made if word != "--quiet"] == header.split()


def test_make_installs_from_the_lock_with_hashes_only():
    result = subprocess.run(["make", "-n", "-B", ".venv/.installed"], cwd=REPO, capture_output=True, text=True,
                            check=True)
    installs = [line for line in result.stdout.splitlines() if " install " in line]
    assert installs[0].endswith("--require-hashes --no-deps -r requirements.txt")
    assert all("--no-deps" in line for line in installs), installs  # nothing unlocked slips in beside
