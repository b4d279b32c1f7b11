"""Build the site without ever breaking the last good one.

MkDocs cleans and rewrites its ``site_dir`` in place, so a build that fails half way
would leave a broken site. We build into a fresh directory next to the target and
swap it in only when everything succeeded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..entries.problems import Problem
from ..entries.validate import check_paths
from .search_index import index_site


def build_site(config_file: Path, site_dir: Path, cases_dir: Path, strict: bool = True) -> tuple[int, list[Problem]]:
    """Validate ``cases_dir``, run ``mkdocs build``, index it for search, replace ``site_dir`` on success.

    Returns the exit code and the validation problems (warnings included). On any
    failure ``site_dir`` is left exactly as it was.
    """
    _, problems = check_paths([cases_dir])
    if any(p.severity == "error" for p in problems):
        return 1, problems
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the published site must be readable
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file),
               "--site-dir", str(staging)] + (["--strict"] if strict else [])
    env = dict(os.environ, JOBCENTERTJEK_CASES=str(cases_dir.resolve()), NO_MKDOCS_2_WARNING="1")
    try:
        result = subprocess.run(command, env=env, check=False)
        if result.returncode != 0 or not (staging / "index.html").is_file():
            return 1, problems
        if not index_site(staging):
            print("Søgeindekset kunne ikke bygges (Pagefind fejlede).", file=sys.stderr)
            return 1, problems
        try:
            _swap(staging, site_dir)
        except OSError as exc:  # _swap has put the old site back
            print(f"{site_dir} kunne ikke udskiftes: {exc}", file=sys.stderr)
            return 1, problems
        return 0, problems
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, site_dir: Path) -> None:
    """Put ``staging`` where ``site_dir`` is with two renames; the old site goes last.

    If the second rename fails, the old site is renamed back, so a failure never
    leaves the target missing.
    """
    if not site_dir.exists():
        staging.rename(site_dir)
        return
    previous = Path(tempfile.mkdtemp(prefix=".site-previous-", dir=site_dir.parent))
    try:
        site_dir.rename(previous)  # onto the empty directory mkdtemp made: a unique name
    except BaseException:
        previous.rmdir()
        raise
    try:
        staging.rename(site_dir)
    except BaseException:
        previous.rename(site_dir)
        raise
    shutil.rmtree(previous, ignore_errors=True)
