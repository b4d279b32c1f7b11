"""Two builds of the same commit with the same SOURCE_DATE_EPOCH are byte-identical.

The two builds differ in everything else that could leak into the output: the checkout's
path (a copy of cases/ elsewhere), the output folder, and Python's hash seed (set and dict
iteration order of strings).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
import shutil
import struct
from pathlib import Path

import pytest
from conftest import REPO

from jobcentertjek.publish.build import build_site

# The start of today in UTC: late enough for every real entry, and not the moment of the build.
EPOCH = int(dt.datetime.combine(dt.date.today(), dt.time(0), dt.timezone.utc).timestamp())


def tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(site.rglob("*"))}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    sites = []
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
        for seed in ("1", "2"):
            root = tmp_path_factory.mktemp(f"checkout{seed}")
            cases = shutil.copytree(REPO / "cases", root / "cases")
            env.setenv("PYTHONHASHSEED", seed)
            code, problems = build_site(REPO / "mkdocs.yml", root / "public" / "site", cases)
            assert code == 0, "\n".join(map(str, problems))
            sites.append(root / "public" / "site")
    return sites[0], sites[1]


# Pagefind writes its filter indexes, and so the metadata and entry files that name them by
# hash, in an order that changes from run to run (Pagefind issue #638: the page fragments and
# word indexes, the bulk of the index, are stable since 1.3; these few files are not).
UNSTABLE = re.compile(r"^pagefind/(filter/[^/]+|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")


def test_two_builds_are_byte_identical(two_builds):
    first, second = ({name: digest for name, digest in tree(site).items() if not UNSTABLE.match(name)}
                     for site in two_builds)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.startswith("pagefind/fragment/") for name in first)  # the index's text is compared
    unstable = [sorted(re.sub(r"_[0-9a-f]+\.", ".", n) for n in tree(site) if UNSTABLE.match(n)) for site in two_builds]
    assert unstable[0] == unstable[1]  # the same files, whatever their hashes


def test_every_kind_of_output_is_compared(two_builds):
    names = set(tree(two_builds[0]))
    for expected in ["index.html", "sitemap.xml", "sitemap.xml.gz", "pagefind/pagefind-entry.json", "404.html"]:
        assert expected in names
    kinds = {Path(name).suffix for name in names}
    assert {".html", ".xml", ".gz", ".json", ".csv", ".ics"} <= kinds
    for expected in ["feed.xml", "data/entries.json", "data/entries.csv", "data/promises.csv", "data/jobcentertjek.xlsx",
                     "loefter/frister.ics", "pagefind/jct-names.json"]:
        assert expected in names


def test_the_build_date_comes_from_source_date_epoch(two_builds):
    """Not merely two builds on the same day: the sitemap's date and the gzip header's
    timestamp are the epoch's."""
    site = two_builds[0]
    day = dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc).date().isoformat()
    assert f"<lastmod>{day}</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    raw = (site / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", raw[4:8])[0] == EPOCH
    assert gzip.decompress(raw) == (site / "sitemap.xml").read_bytes()
