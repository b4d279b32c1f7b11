"""Reading the site tells no third party anything: every request goes to the site's own host."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .helpers import PAGE_TYPES, search, search_results

pytestmark = pytest.mark.browser


def test_every_request_stays_on_the_local_server(new_page, page_paths):
    page = new_page()
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    for page_type in PAGE_TYPES:
        page.goto(page_paths[page_type], wait_until="networkidle")
    search(page, "fleksjob")
    expect(search_results(page, "fleksjob").first).to_be_visible()
    page.wait_for_load_state("networkidle")

    # The recording must have seen the pages, their assets and the search index.
    paths = {urlsplit(url).path for url in requests}
    assert {page_paths[t] for t in PAGE_TYPES} <= paths
    assert any(path.endswith(".css") for path in paths) and any(path.endswith(".js") for path in paths)
    assert "/pagefind/pagefind.js" in paths and any(path.startswith("/pagefind/fragment/") for path in paths)
    # data: and blob: URLs are made inside the page; everything else must be ours.
    remote = [url for url in requests if urlsplit(url).scheme not in ("data", "blob")]
    foreign = sorted({url for url in remote if urlsplit(url).hostname != "127.0.0.1"})
    assert not foreign, "requests to third parties:\n" + "\n".join(foreign)
