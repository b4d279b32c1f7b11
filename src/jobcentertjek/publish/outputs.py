"""Every generated file of the site, by path: pages, and (as they are added) feeds and data."""

from __future__ import annotations

import pickle
from pathlib import Path

from ..entries.corpus import Corpus
from ..outputs import workbook
from ..outputs.deadlines_ics import calendar_files
from ..outputs.feeds import feed_files
from ..outputs.opendata import data_files
from ..site.about import About
from ..site.guide import Site
from ..site.pages import SiteSettings
from ..site.redirects import redirect_files

Outputs = dict[str, str | bytes]


def generate_outputs(cases_dir: Path, repo_url: str, site_url: str, about: About | None = None) -> Outputs:
    """Load and validate ``cases_dir`` (raises ValidationFailed) and render every output file."""
    return render_outputs(Corpus.load(cases_dir), repo_url, site_url, about)


def render_outputs(corpus: Corpus, repo_url: str, site_url: str, about: About | None = None) -> Outputs:
    """Every output file of an already validated corpus; ``about`` says who runs the site (site.about)."""
    settings = SiteSettings(repo_url=repo_url.rstrip("/"), site_url=site_url, about=about or About())
    outputs: Outputs = dict(Site(corpus, settings).sources())
    outputs.update(redirect_files(corpus, site_url))
    outputs.update(feed_files(corpus, site_url))
    outputs.update(calendar_files(corpus, site_url))
    outputs.update(data_files(corpus, site_url))
    outputs[workbook.PATH] = workbook.workbook(corpus, site_url)
    return outputs


# `jobcentertjek build` renders the outputs once, in its own process, and hands them to the
# MkDocs process through this file, which it writes into its private build folder.
def save_outputs(outputs: Outputs, path: Path) -> None:
    path.write_bytes(pickle.dumps(outputs, protocol=pickle.HIGHEST_PROTOCOL))


def load_outputs(path: Path) -> Outputs:
    return pickle.loads(path.read_bytes())
