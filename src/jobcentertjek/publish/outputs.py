"""Every generated file of the site, by path: pages, and (as they are added) feeds and data."""

from __future__ import annotations

from pathlib import Path

from ..entries.corpus import Corpus
from ..outputs.deadlines_ics import calendar_files
from ..outputs.feeds import feed_files
from ..outputs.opendata import data_files
from ..site.pages import SiteGenerator, SiteSettings


def generate_outputs(cases_dir: Path, repo_url: str, site_url: str) -> dict[str, str | bytes]:
    """Load and validate ``cases_dir`` (raises ValidationFailed) and render every output file."""
    corpus = Corpus.load(cases_dir)
    settings = SiteSettings(repo_url=repo_url.rstrip("/"))
    outputs: dict[str, str | bytes] = dict(SiteGenerator(corpus, settings).sources())
    outputs.update(feed_files(corpus, site_url))
    outputs.update(calendar_files(corpus, site_url))
    outputs.update(data_files(corpus, site_url))
    return outputs
