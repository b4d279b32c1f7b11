"""The site's search index: Pagefind, run by ``jobcentertjek build`` while MkDocs builds the pages.

Pagefind (its binary, which ``scripts/install_pagefind.py`` installs) indexes the pages'
content as the package renders it, not MkDocs' output, so the index does not depend on the
site builder and is built on the machine's second core at the same time as the site. What it indexes is marked in the templates:
``data-pagefind-body`` (an entry's whole text, an aggregate page's introduction, a hand-written
page whole), ``data-pagefind-ignore``, and the filters and result metadata
(``data-pagefind-filter``, ``data-pagefind-meta``). It writes a chunked index, which the build
moves to ``pagefind/`` inside the site and the search box (``docs/javascripts/search.js``)
loads piece by piece once a reader searches.

Next to it goes ``jct-chunks.json``: which index chunk holds which words, copied from Pagefind's
metadata. With it the search box fetches the chunk for the words being typed while Pagefind's
own code is still on its way; Pagefind asks for the same chunk later and gets it from the cache
(README, "Performance").

And ``jct-names.json``: the names of the kommuner and the topics, each with its page and its
number of entries. With it the search box puts a kommune's page first for the kommune's name,
and offers the kommune's and the topic's pages when no page holds all the words typed.

The section labels of the generated pages ("Resumé", "Kilder", ...) are left out of the index:
they are the same on every entry, and excerpts would begin with them.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import cbor2

from ..entries.corpus import Corpus
from ..entries.reference import kommuner, tags
from ..site.pages import search_documents
from ..site.urls import kommune_url, page_url, tag_url

BUNDLE = "pagefind"  # the folder inside the site, and the URL path the search box loads from
LANGUAGE = "da"
# In the environment's own scripts folder (.venv/bin), where scripts/install_pagefind.py puts it
PAGEFIND = Path(sysconfig.get_path("scripts")) / ("pagefind_extended.exe" if os.name == "nt" else "pagefind_extended")
# Danish for every page: the Snowball stemmer makes "handleplaner" find "handleplan".
COMMAND = [str(PAGEFIND), "--force-language", LANGUAGE, "--silent"]
# At a lower priority: MkDocs, building the pages meanwhile, is what the build waits for, and
# Pagefind would otherwise take both cores from it (README, "Performance").
NICE = ["nice", "-n", "15"] if shutil.which("nice") else []
CHUNK_LIST = "jct-chunks.json"
NAMES = "jct-names.json"
SIGNATURE = b"pagefind_dcd"  # what Pagefind's files start with once decompressed
MARKER = "data-pagefind-body"


def html_path(uri: str) -> str:
    """Where a page's HTML lands in the site: ``sager/x.md`` → ``sager/x/index.html``."""
    return page_url(uri) + "index.html"


def pages_to_index(generated: dict[str, str | bytes], hand_written: dict[str, str]) -> dict[str, str]:
    """The documents to index, by their path in the site. ``generated`` maps a page's URI
    (``kommuner/x.md``) to its source, front matter and HTML; only the pages that mark something
    to index are kept. ``hand_written`` maps the URI of a page of ``docs/`` to its HTML."""
    pages = {}
    for uri, source in generated.items():
        if uri.endswith(".md") and isinstance(source, str) and MARKER in source:
            body = source.split("\n---\n", 1)[-1] if source.startswith("---\n") else source
            pages[html_path(uri)] = _SECTION_HEADING.sub(r"<\1 data-pagefind-ignore", body)
    return {**search_documents(pages),
            **search_documents({html_path(uri): html for uri, html in hand_written.items()}, hand_written=True)}


# The section labels of the generated pages, from our own templates: h2 ("Resumé", "Kilder") and
# h4 ("Statushistorik"). h1 is a page's title, h3 a promise or an entry's title: those are content.
_SECTION_HEADING = re.compile(r"<(h[24])(?=[\s>])")


def names(corpus: Corpus) -> str:
    """``jct-names.json``: ``{"kommuner": [[name, URL, entries], …], "emner": […]}``, URLs from the site's root."""
    by_kommune, by_tag = corpus.by_kommune, corpus.by_tag
    return json.dumps({
        "kommuner": [[k.name, kommune_url(k.slug), len(by_kommune.get(k.slug, []))] for k in kommuner().values()],
        "emner": [[t.name, tag_url(t.name), len(by_tag[t.name])] for t in tags().values()],
    }, ensure_ascii=False, separators=(",", ":"))


def index_pages(pages: dict[str, str], work: Path, names_json: str) -> Path | None:
    """Index ``pages`` (HTML by path in the site) into ``work/pagefind``, with ``names_json``
    beside the index; that folder, or None if Pagefind failed. Pagefind's own error text goes
    to stderr."""
    if not PAGEFIND.is_file():
        print(f"Pagefind mangler ({PAGEFIND}); `make build` installerer den.", file=sys.stderr)
        return None
    source = work / "index-source"
    for path, html in pages.items():
        target = source / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    bundle = work / BUNDLE
    result = subprocess.run([*NICE, *COMMAND, "--site", str(source), "--output-path", str(bundle)], check=False)
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        return None
    (bundle / NAMES).write_text(names_json, encoding="utf-8")
    try:
        write_chunk_list(bundle)
    except (OSError, ValueError, LookupError, cbor2.CBORDecodeError) as exc:
        # Only a shortcut is lost: the search works without it, a little slower.
        print(f"Advarsel: {CHUNK_LIST} blev ikke skrevet ({exc}); søgningen virker, men henter sine "
              "filer én ad gangen.", file=sys.stderr)
    return bundle


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
