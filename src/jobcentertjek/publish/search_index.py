"""The site's search index: Pagefind, run over the built HTML as a step of ``jobcentertjek build``.

Pagefind (from PyPI, ``pagefind[bin]``) reads the finished pages, not MkDocs, so the index
does not depend on the site builder. What it indexes is marked in the templates:
``data-pagefind-body`` (an entry's whole text, an aggregate page's introduction),
``data-pagefind-ignore``, and the filters and result metadata (``data-pagefind-filter``,
``data-pagefind-meta``). It writes a chunked index to ``pagefind/`` inside the site, which
the search box (``docs/javascripts/search.js``) loads piece by piece once a reader searches.

Next to it goes ``jct-chunks.json``: which index chunk holds which words, copied from Pagefind's
metadata. With it the search box fetches the chunk for the words being typed while Pagefind's
own code is still on its way; Pagefind asks for the same chunk later and gets it from the cache
(README, "Performance").
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import cbor2

BUNDLE = "pagefind"  # the folder inside the site, and the URL path the search box loads from
LANGUAGE = "da"
# Danish for every page: the Snowball stemmer makes "handleplaner" find "handleplan".
COMMAND = [sys.executable, "-m", "pagefind", "--force-language", LANGUAGE, "--output-subdir", BUNDLE, "--silent"]
CHUNK_LIST = "jct-chunks.json"
SIGNATURE = b"pagefind_dcd"  # what Pagefind's files start with once decompressed


def index_site(site: Path) -> bool:
    """Index the built site in ``site``; whether a complete index was written.

    Pagefind's own error text goes to stderr; the caller decides what a failure means.
    """
    result = subprocess.run([*COMMAND, "--site", str(site)], check=False)
    if result.returncode != 0 or not (site / BUNDLE / "pagefind.js").is_file():
        return False
    try:
        write_chunk_list(site / BUNDLE)
    except (OSError, ValueError, LookupError, cbor2.CBORDecodeError) as exc:
        # Only a shortcut is lost: the search works without it, a little slower.
        print(f"Advarsel: {CHUNK_LIST} blev ikke skrevet ({exc}); søgningen virker, men henter sine "
              "filer én ad gangen.", file=sys.stderr)
    return True


def chunk_list(bundle: Path) -> list[list[str]]:
    """Pagefind's index chunks as ``[first word, last word, file name]``, in its own order.

    Read from the metadata file (gzip, then ``pagefind_dcd``, then CBOR: version, pages, index
    chunks, filters, sorts, ...), as Pagefind 1.x writes it; anything else raises ValueError.
    """
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    raw = gzip.decompress((bundle / f"pagefind.{entry['languages'][LANGUAGE]['hash']}.pf_meta").read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError("Pagefinds metadata har et ukendt format")
    meta = cbor2.loads(raw.removeprefix(SIGNATURE))
    chunks = meta[2] if isinstance(meta, list) and len(meta) > 2 else None
    if not (isinstance(chunks, list) and chunks and all(
            isinstance(c, list) and len(c) == 3 and all(isinstance(s, str) for s in c) for c in chunks)):
        raise ValueError("Pagefinds metadata har et ukendt format")
    return chunks


def write_chunk_list(bundle: Path) -> None:
    chunks = chunk_list(bundle)
    missing = [c[2] for c in chunks if not (bundle / "index" / f"{c[2]}.pf_index").is_file()]
    if missing:
        raise ValueError(f"indeksfilerne {', '.join(missing[:3])} mangler")
    (bundle / CHUNK_LIST).write_text(json.dumps(chunks, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
