"""The site's search index: Pagefind, run over the built HTML as a step of ``jobcentertjek build``.

Pagefind (from PyPI, ``pagefind[bin]``) reads the finished pages, not MkDocs, so the index
does not depend on the site builder. What it indexes is marked in the templates:
``data-pagefind-body`` (an entry's whole text, an aggregate page's introduction),
``data-pagefind-ignore``, and the filters and result metadata (``data-pagefind-filter``,
``data-pagefind-meta``). It writes a chunked index to ``pagefind/`` inside the site, which
the search box (``docs/javascripts/search.js``) loads piece by piece once a reader searches.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"  # the folder inside the site, and the URL path the search box loads from
# Danish for every page: the Snowball stemmer makes "handleplaner" find "handleplan".
COMMAND = [sys.executable, "-m", "pagefind", "--force-language", "da", "--output-subdir", BUNDLE, "--silent"]


def index_site(site: Path) -> bool:
    """Index the built site in ``site``; whether a complete index was written.

    Pagefind's own error text goes to stderr; the caller decides what a failure means.
    """
    result = subprocess.run([*COMMAND, "--site", str(site)], check=False)
    return result.returncode == 0 and (site / BUNDLE / "pagefind.js").is_file()
