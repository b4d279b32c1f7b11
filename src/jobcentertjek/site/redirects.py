"""The pages at entries' former addresses: each sends the reader on to the entry's new one.

An entry that was renamed lists its old ids under ``former_ids``; links in the press and in
bookmarks keep working through a small HTML file at ``sager/<old id>/index.html``. It is a
plain file, not a page of the site, so no sitemap, search index or feed lists it.
"""

from __future__ import annotations

from ..entries.corpus import Corpus
from . import pages
from .pages import absolute_url, entry_url


def redirect_files(corpus: Corpus, site_url: str) -> dict[str, str]:
    """``sager/<old id>/index.html`` for every former id, by its path in the site."""
    template = pages._environment().get_template("redirect.html")
    files = {}
    for item in corpus.entries:
        new = entry_url(item.id)
        for old in item.entry.former_ids:
            files[entry_url(old) + "index.html"] = template.render(item=item, page_url=entry_url(old), target=new,
                                                                   canonical=absolute_url(site_url, new))
    return files
