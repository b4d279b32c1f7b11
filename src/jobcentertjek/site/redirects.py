"""The pages at former addresses: each sends the reader on to the new one.

An entry that was renamed lists its old ids under ``former_ids``; links in the press and in
bookmarks keep working through a small HTML file at ``sager/<old id>/index.html``. A page of the
site that moved is listed in ``MOVED_PAGES``. Each is a plain file, not a page of the site, so no
sitemap, search index or feed lists it.
"""

from __future__ import annotations

from ..entries.corpus import Corpus
from . import pages, sammenligning
from .urls import QUEUE_URL, absolute_url, comparison_url, entry_url

# Pages of the site that moved: old address -> (new address, the page's title).
MOVED_PAGES = {
    "loefter/ikke-efterproevet-i-over-et-aar/": (QUEUE_URL, "Løfter, der skal efterprøves"),  # 7 December 2026
}


def _sorted_by_hidden() -> dict[str, tuple[str, str]]:
    """The kommuner sorted by a column the table no longer shows (sammenligning.OFF_TABLE): to the table."""
    return {comparison_url(column): ("kommuner/", "Kommuner") for column in sammenligning.COLUMNS if not column.table}


def redirect_files(corpus: Corpus, site_url: str) -> dict[str, str]:
    """``<old address>index.html`` for every former id and moved page, by its path in the site."""
    template = pages._environment().get_template("redirect.html")
    moves = {entry_url(old): (entry_url(item.id), item.entry.title, "Sagen")
             for item in corpus.entries for old in item.entry.former_ids}
    moves |= {old: (new, title, "Siden") for old, (new, title) in {**MOVED_PAGES, **_sorted_by_hidden()}.items()}
    return {old + "index.html": template.render(page_url=old, target=new, title=title, what=what,
                                                canonical=absolute_url(site_url, new))
            for old, (new, title, what) in moves.items()}
