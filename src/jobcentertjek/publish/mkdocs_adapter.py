"""MkDocs hooks: the thin adapter between MkDocs and the jobcentertjek package.

Everything this module does is hand MkDocs the files the package generates (another
static site builder could call ``jobcentertjek.publish.outputs`` the same way; under
``jobcentertjek build`` they are rendered before MkDocs starts and only read here), spare
MkDocs the Markdown pass over those pages, which are HTML already, and trim the indentation
of Material's templates from the pages. Registered in ``mkdocs.yml`` under ``hooks:``;
``watch: [cases]`` makes ``mkdocs serve`` rebuild when an entry changes.
"""

from __future__ import annotations

import os
import re
from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from jobcentertjek.entries.problems import ValidationFailed
from jobcentertjek.publish.outputs import generate_outputs, load_outputs
from jobcentertjek.site.about import AboutError, read_about


def on_files(files: Files, config) -> Files:
    settings = config.extra.get("jobcentertjek", {})
    root = Path(config.config_file_path).parent
    try:
        if rendered := os.environ.get("JOBCENTERTJEK_OUTPUTS"):  # `jobcentertjek build` rendered them already
            outputs = load_outputs(Path(rendered))
        else:
            outputs = generate_outputs(
                # JOBCENTERTJEK_CASES lets tests and the benchmark build other entries with this config
                cases_dir=Path(os.environ.get("JOBCENTERTJEK_CASES") or root / settings.get("cases", "cases")),
                repo_url=settings["repo_url"],
                site_url=config.site_url or "",
                about=read_about(settings),
            )
    except ValidationFailed as failure:
        raise PluginError(f"Sagerne i cases/ har fejl; intet er bygget:\n{failure}") from None
    except AboutError as error:
        raise PluginError(str(error)) from None
    _GENERATED_PAGES.clear()
    for uri, content in outputs.items():
        files.append(File.generated(config, uri, content=content))
        if uri.endswith(".md"):
            _GENERATED_PAGES.add(uri)
    return files


# The generated pages are HTML already, which Python-Markdown gives back unchanged (a test
# checks this for every page), so MkDocs need not build a Markdown converter for each page
# and parse some 20 MB of HTML at 5,000 entries to get the same text back.
_GENERATED_PAGES: set[str] = set()
_ANCHOR = re.compile(r'\s(?:id|name)="([^"]*)"')


def on_pre_page(page, config, files):
    if page.file.src_uri in _GENERATED_PAGES:
        page.render = partial(_render_generated, page)
    return page


def _render_generated(page, config, files) -> None:
    """What ``Page.render`` sets, for a page whose Markdown is HTML without Markdown headings."""
    page.content = page.markdown.strip()
    page.toc = get_toc([])
    page.present_anchor_ids = set(_ANCHOR.findall(page.content))


# Material's templates indent every tag and pad their text with blank lines: about 3 KB
# of each 17 KB entry page. Outside <pre> and <textarea>, a run of whitespace that holds
# a line break shows the same as a single line break, so this changes nothing a reader sees.
_INDENTATION = re.compile(r"[ \t]*\n\s*")


def on_post_page(output: str, page, config) -> str:
    if "<pre" in output or "<textarea" in output:
        return output
    return _INDENTATION.sub("\n", output)
