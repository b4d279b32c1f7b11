"""Build the site without ever breaking the last good one.

MkDocs cleans and rewrites its ``site_dir`` in place, so a build that fails half way
would leave a broken site. We build into a fresh directory next to the target and
swap it in only when everything succeeded.

The entries are validated and rendered once, here; MkDocs gets the rendered files through
``JOBCENTERTJEK_OUTPUTS`` (the hook reads them instead of rendering again), and while it lays
them out in the theme, Pagefind indexes the same pages on the other core (``search_index``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from markdown import Markdown
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import get_files
from mkdocs.utils.meta import get_data

from ..entries.corpus import Corpus
from ..entries.problems import Problem
from ..entries.validate import check_paths
from ..site.about import AboutError, read_about
from .outputs import render_outputs, save_outputs
from .search_index import BUNDLE, index_pages, names, pages_to_index


def build_site(config_file: Path, site_dir: Path, cases_dir: Path, strict: bool = True) -> tuple[int, list[Problem]]:
    """Validate ``cases_dir``, run ``mkdocs build`` and index the pages for search, replace
    ``site_dir`` on success.

    Returns the exit code and the validation problems (warnings included). On any
    failure ``site_dir`` is left exactly as it was.
    """
    entries, problems = check_paths([cases_dir])
    if any(p.severity == "error" for p in problems):
        return 1, problems
    try:
        config = load_config(str(config_file))
    except MkDocsException as exc:
        print(f"MkDocs' indstillinger i {config_file} kunne ikke læses: {exc}", file=sys.stderr)
        return 1, problems
    try:
        about = read_about(config.extra["jobcentertjek"])
    except AboutError as exc:
        print(exc, file=sys.stderr)
        return 1, problems
    if warning := about.warning():
        print(warning, file=sys.stderr)
    corpus = Corpus.from_entries(entries)
    outputs = render_outputs(corpus, config.extra["jobcentertjek"]["repo_url"], config.site_url or "", about)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    staging = work / "site"
    try:
        staging.mkdir()
        staging.chmod(0o755)  # the published site must be readable, whatever the umask
        save_outputs(outputs, work / "outputs.pickle")
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file),
                   "--site-dir", str(staging)] + (["--strict"] if strict else [])
        env = dict(os.environ, JOBCENTERTJEK_OUTPUTS=str(work / "outputs.pickle"), NO_MKDOCS_2_WARNING="1")
        with subprocess.Popen(command, env=env) as mkdocs:
            try:
                bundle = index_pages(pages_to_index(outputs, hand_written_pages(config)), work, names(corpus))
            except BaseException:
                mkdocs.kill()
                raise
            if bundle is None:
                mkdocs.terminate()
                print("Søgeindekset kunne ikke bygges (Pagefind fejlede).", file=sys.stderr)
                return 1, problems
        if mkdocs.returncode != 0 or not (staging / "index.html").is_file():
            return 1, problems
        try:
            bundle.rename(staging / BUNDLE)
            _swap(staging, site_dir)
        except OSError as exc:  # _swap has put the old site back
            print(f"{site_dir} kunne ikke udskiftes: {exc}", file=sys.stderr)
            return 1, problems
        return 0, problems
    finally:
        shutil.rmtree(work, ignore_errors=True)


def hand_written_pages(config) -> dict[str, str]:
    """The pages of ``docs/`` as MkDocs renders them (Markdown with the site's extensions), by URI."""
    pages = {}
    for file in get_files(config).documentation_pages():
        markdown, _ = get_data(file.content_string)
        pages[file.src_uri] = Markdown(extensions=config.markdown_extensions,
                                       extension_configs=config.mdx_configs).convert(markdown)
    return pages


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
