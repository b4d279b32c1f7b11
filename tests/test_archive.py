"""`jobcentertjek archive` against a stand-in Wayback Machine on 127.0.0.1: lookups, saves, refusals,
the network down, and the entry files changed by exactly one line per new copy.

No test here touches the internet. Waits are recorded, not slept (``Wayback(sleep=…)``), except
for the real timeouts of a server that hangs, which are a fraction of a second.
"""

from __future__ import annotations

import difflib
import http.server
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from jobcentertjek.contribute.archive import Archiver, archive, markdown, nearest
from jobcentertjek.contribute.wayback import Failed, Unreachable, Wayback
from jobcentertjek.entries.dates import PartialDate
from jobcentertjek.entries.snapshots import snapshot_date
from jobcentertjek.entries.validate import check_paths

BIN = Path(sys.executable).parent
SAVED_AT = "20261208101500"  # when the stand-in's Save Page Now takes its snapshots


class Stand_in(http.server.BaseHTTPRequestHandler):
    """The Wayback Machine's CDX API, Save Page Now and its job status, as far as the command uses them.

    ``index`` holds the snapshots per address; ``script`` holds, per request path, answers to give
    before the normal one: ``(status, headers, body)``, or a number of seconds to hang.
    """

    index: dict[str, list[str]] = {}
    script: dict[str, list] = {}
    seen: list[tuple[str, dict, str]] = []  # (path, query, user agent)

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        type(self).seen.append((parts.path, query, self.headers.get("User-Agent", "")))
        key = parts.path if parts.path.startswith("/cdx") else self.path
        if type(self).script.get(key):
            answer = type(self).script[key].pop(0)
            if isinstance(answer, float):
                time.sleep(answer)
            else:
                return self._send(*answer)
        if parts.path == "/cdx/search/cdx":
            return self._cdx(query)
        if self.path.startswith("/save/status/"):
            return self._send(200, {}, json.dumps({"status": "success", "timestamp": SAVED_AT}))
        if self.path.startswith("/save/"):
            url = self.path.removeprefix("/save/")
            type(self).index.setdefault(url, []).append(SAVED_AT)
            return self._send(302, {"Location": f"/web/{SAVED_AT}/{url}"})
        if self.path.startswith("/web/"):
            return self._send(200, {}, "<p>En arkiveret side</p>")
        return self._send(404)

    def _cdx(self, query):
        stamps = type(self).index.get(query["url"], [])
        assert query["output"] == "json" and query["filter"] == "statuscode:200" and query["sort"] == "closest"
        closest = int(query["closest"])
        stamps = sorted(stamps, key=lambda s: abs(int(s[:8]) - closest))[:int(query["limit"])]
        self._send(200, {}, json.dumps([["timestamp"], *[[s] for s in stamps]] if stamps else []))

    def _send(self, status, headers=None, body=""):
        data = body.encode("utf-8")
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def server():
    Stand_in.index, Stand_in.script, Stand_in.seen = {}, {}, []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stand_in)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


HEAD = """\
    # Kommentarer, anførselstegn og rækkefølge bliver, som de er.
    type: report
    kind: news
    title: "Ventetider: for lange"
    date: 2019-04-12
    kommune: koebenhavn
    tags: [sagsbehandling]
    publisher: Lokalavisen
    summary: Artiklen beskriver lange ventetider.
    findings:
      - Ventetiden er lang.
    """


def one_source(url: str) -> str:
    return f"sources:\n  - title: Artiklen\n    publisher: Lokalavisen\n    date: 2019-04-12\n    url: {url}\n"


def write(root: Path, body: str, name: str = "koebenhavn/2019-04-12-kilder.yaml", head: str = HEAD) -> Path:
    path = root / "cases" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(head) + textwrap.dedent(body), encoding="utf-8")
    return path


def run(root: Path, base: str, *, waits: list | None = None, dry_run=False, timeout=2.0, retries=2, out=None):
    entries, problems = check_paths([root / "cases"])
    assert not [p for p in problems if p.severity == "error"], problems
    wayback = Wayback(base, timeout=timeout, retries=retries, pause=0.0, max_wait=60,
                      sleep=(waits if waits is not None else []).append)
    try:
        return archive(entries, Archiver(wayback, dry_run=dry_run), out=out or open(os.devnull, "w")), wayback
    finally:
        wayback.close()


def added_lines(before: str, after: str) -> list[str]:
    """The diff of two versions of a file: only added lines allowed, returned without their '+'."""
    diff = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-?"]
    assert not [line for line in diff if line[:1] in "-?"], diff
    return [line[2:] for line in diff]


# --- the Wayback Machine's answers -------------------------------------------------------------

def test_the_snapshot_nearest_the_sources_date_is_written_below_its_url(server, tmp_path):
    url = "https://example.org/ventetider"
    Stand_in.index[url] = ["20170101000000", "20190415093000", "20190301120000", "20240101000000"]
    path = write(tmp_path, one_source(url))
    before = path.read_text("utf-8")
    report, wayback = run(tmp_path, server)
    assert added_lines(before, path.read_text("utf-8")) == [f"    archive_url: {server}/web/20190415093000/{url}"]
    assert report.exit_code() == 0 and report.results[0].message.startswith("kopi fra 15. april 2019 fundet")
    [(cdx, query, agent)] = Stand_in.seen
    assert cdx == "/cdx/search/cdx" and query["url"] == url and query["closest"] == "20190412"
    assert agent.startswith("Jobcentertjek-arkiv/1.0 (+https://github.com/")
    entries, problems = check_paths([tmp_path / "cases"])  # the changed file is still a valid entry
    assert problems == [] and str(entries[0].entry.sources[0].archive_url).endswith(f"/{url}")


def test_nearest_counts_any_day_of_a_month_or_year_as_nearest_and_prefers_the_later():
    assert nearest(["20190301000000", "20190520000000"], PartialDate(2019, 4)) == "20190520000000"  # 19 against 31 days
    assert nearest(["20181231000000", "20190701000000"], PartialDate(2019)) == "20190701000000"
    assert nearest(["20190410000000", "20190414000000"], PartialDate(2019, 4, 12)) == "20190414000000"


def test_without_a_snapshot_save_page_now_is_asked_once_per_address(server, tmp_path):
    url = "https://example.org/ny-side"
    path = write(tmp_path, f"""\
        sources:
          - title: Artiklen
            publisher: Lokalavisen
            date: 2019-04-12
            url: {url}
          - title: Samme artikel, citeret igen
            publisher: Lokalavisen
            date: 2019-04-12
            url: {url}
        """)
    before = path.read_text("utf-8")
    report, _ = run(tmp_path, server)
    copy = f"{server}/web/{SAVED_AT}/{url}"
    assert added_lines(before, path.read_text("utf-8")) == [f"    archive_url: {copy}"] * 2
    assert [p for p, *_ in Stand_in.seen].count(f"/save/{url}") == 1
    assert report.exit_code() == 0
    assert report.results[0].message == f"ingen kopi fandtes; Save Page Now gemte en 8. december 2026: {copy}"


@pytest.mark.parametrize("answer", [
    (200, {"Content-Location": f"/web/{SAVED_AT}/https://example.org/side"}, "<p>Gemt</p>"),
    (200, {"Link": f'<https://web.archive.org/web/{SAVED_AT}/https://example.org/side>; rel="memento"'}, ""),
    (200, {}, '<script>spn.watchJob("spn2-0123456789abcdef0123", "/_static/", 6000);</script>'),
    (200, {"Content-Type": "application/json"}, json.dumps({"url": "https://example.org/side",
                                                             "job_id": "spn2-0123456789abcdef0123"})),
], ids=["content-location", "memento-link", "job-in-page", "job-in-json"])
def test_each_way_save_page_now_names_its_snapshot_is_understood(server, answer):
    Stand_in.script["/save/https://example.org/side"] = [answer]
    Stand_in.script["/save/status/spn2-0123456789abcdef0123"] = [
        (200, {}, json.dumps({"status": "pending"})), (200, {}, json.dumps({"status": "success", "timestamp": SAVED_AT}))]
    wayback = Wayback(server, pause=0.0, sleep=lambda _: None)
    assert wayback.save("https://example.org/side") == SAVED_AT


def test_a_save_page_now_job_that_fails_is_reported_in_its_own_words(server):
    Stand_in.script["/save/https://example.org/side"] = [(200, {}, "job spn2-0123456789abcdef0123 startet")]
    Stand_in.script["/save/status/spn2-0123456789abcdef0123"] = [
        (200, {}, json.dumps({"status": "error", "status_ext": "error:blocked-url", "message": "URL is blocked"}))]
    with pytest.raises(Failed, match="^Save Page Now kunne ikke gemme siden \\(»URL is blocked«\\)$"):
        Wayback(server, pause=0.0, sleep=lambda _: None).save("https://example.org/side")


def test_a_refusal_with_retry_after_is_waited_out_then_tried_again(server, tmp_path):
    url = "https://example.org/travl"
    Stand_in.script[f"/save/{url}"] = [(429, {"Retry-After": "7"}, "")]
    write(tmp_path, one_source(url))
    waits = []
    report, _ = run(tmp_path, server, waits=waits)
    assert waits == [7.0]
    assert [p for p, *_ in Stand_in.seen if not p.startswith("/web/")] == ["/cdx/search/cdx", f"/save/{url}"] + [f"/save/{url}"]
    assert report.exit_code() == 0


def test_save_page_now_refusing_for_good_is_not_asked_again_in_the_run(server, tmp_path):
    urls = ["https://example.org/a", "https://example.org/b"]
    Stand_in.script[f"/save/{urls[0]}"] = [(429, {"Retry-After": "3"}, "")] * 3
    path = write(tmp_path, "sources:\n" + "".join(
        f"  - title: Kilde {n}\n    publisher: Lokalavisen\n    date: 2019-04-12\n    url: {url}\n"
        for n, url in enumerate(urls)))
    before = path.read_text("utf-8")
    waits = []
    report, _ = run(tmp_path, server, waits=waits)
    assert waits == [3.0, 3.0]  # two waits between three tries
    assert [p for p, *_ in Stand_in.seen].count(f"/save/{urls[1]}") == 0
    first, second = (r.message for r in report.results)
    assert first == "kunne ikke arkiveres: Save Page Now afviste forespørgslen: for mange på kort tid (HTTP 429)"
    assert second == first + "; ikke spurgt igen i denne kørsel"
    assert report.exit_code() == 1 and path.read_text("utf-8") == before


def test_a_wait_longer_than_allowed_is_not_waited(server):
    Stand_in.script["/save/https://example.org/side"] = [(503, {"Retry-After": "3600"}, "")]
    waits = []
    with pytest.raises(Failed, match=r"svarer med en fejl \(HTTP 503\) og bad os vente 3600 sekunder$"):
        Wayback(server, pause=0.0, max_wait=60, sleep=waits.append).save("https://example.org/side")
    assert waits == []


def test_server_errors_are_tried_again_with_growing_pauses(server, tmp_path):
    url = "https://example.org/fejl"
    Stand_in.index[url] = ["20190412080000"]
    Stand_in.script["/cdx/search/cdx"] = [(503, {}, ""), (502, {}, "")]
    write(tmp_path, one_source(url))
    waits = []
    report, _ = run(tmp_path, server, waits=waits)
    assert waits == [0.5, 1.0] and report.exit_code() == 0
    assert len(Stand_in.seen) == 3


def test_a_server_error_that_lasts_is_reported_at_the_sources_line(server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = "https://example.org/nede"
    Stand_in.script[f"/save/{url}"] = [(502, {}, "")] * 3
    write(tmp_path, one_source(url))
    report, _ = run(tmp_path, server)
    [result] = report.results
    assert str(result.target.problem(result.message)) == (
        "cases/koebenhavn/2019-04-12-kilder.yaml:16:10: sources[0].url: kunne ikke arkiveres: Save Page Now svarer "
        "med en fejl (HTTP 502)")
    assert report.exit_code() == 1


def test_a_timeout_is_tried_again(server, tmp_path):
    url = "https://example.org/langsom"
    Stand_in.index[url] = ["20190412080000"]
    Stand_in.script["/cdx/search/cdx"] = [0.6]  # hangs once, past the timeout
    write(tmp_path, one_source(url))
    report, _ = run(tmp_path, server, timeout=0.2)
    assert report.exit_code() == 0 and len(Stand_in.seen) == 2


def test_a_timeout_that_lasts_is_reported(server):
    Stand_in.script["/save/https://example.org/side"] = [0.5, 0.5]
    with pytest.raises(Failed, match=r"^Save Page Now svarede ikke inden for 0.2 sekunder \(2 forsøg\)$"):
        Wayback(server, timeout=0.2, retries=1, pause=0.0, sleep=lambda _: None).save("https://example.org/side")


def test_the_network_down_stops_the_run_before_anything_is_written(tmp_path):
    path = write(tmp_path, one_source("https://example.org/side"))
    before = path.read_text("utf-8")
    with pytest.raises(Unreachable, match=r"^Wayback Machine \(http://127.0.0.1:\d+\) kan ikke nås: serveren kunne "
                                          r"ikke nås \(forbindelsen blev afvist\)$"):
        run(tmp_path, f"http://127.0.0.1:{closed_port()}")
    assert path.read_text("utf-8") == before


def test_pauses_keep_requests_apart(server):
    waits = []
    wayback = Wayback(server, pause=5.0, sleep=waits.append)
    wayback.snapshots("https://example.org/a", "20190412")
    wayback.snapshots("https://example.org/b", "20190412")
    assert len(waits) == 1 and 4.5 < waits[0] <= 5.0


# --- the entry files: one new line per copy, and nothing else ----------------------------------

SHAPES = """\
    sources:
      - title: Bar adresse med en kommentar efter
        publisher: Lokalavisen
        date: 2019-04-12
        url: https://example.org/bar   # kommentaren bliver stående
      - title: "I dobbelte anførselstegn, med en note"
        publisher: Lokalavisen
        date: 2019-04
        url: "https://example.org/dobbelt?side=2&visning=fuld"
        note: Noten står efter url og bliver der.
      - title: I enkelte anførselstegn
        publisher: 'Lokalavisen'
        date: 2019
        url: 'https://example.org/enkelt'
      - url: https://example.org/url-foerst
        title: Url står først i kilden
        publisher: Lokalavisen
        date: 2019-04-12
      - {title: På én linje, publisher: Lokalavisen, date: 2019-04-12, url: "https://example.org/flow"}
      - title: Har allerede en kopi
        publisher: Lokalavisen
        date: 2019-04-12
        url: https://example.org/har-kopi
        archive_url: https://web.archive.org/web/20190412000000/https://example.org/har-kopi
      - title: Findes kun på papir
        publisher: Lokalavisen
        date: 2019-04-12
        note: Side 4 i den trykte avis.
    """


def test_every_yaml_shape_gets_its_line_and_nothing_else_changes(server, tmp_path):
    for url in ("bar", "dobbelt?side=2&visning=fuld", "enkelt", "url-foerst", "flow"):
        Stand_in.index[f"https://example.org/{url}"] = ["20190412101010"]
    path = write(tmp_path, SHAPES)
    before = path.read_text("utf-8")
    report, _ = run(tmp_path, server)
    after = path.read_text("utf-8")
    copy = f"{server}/web/20190412101010/https://example.org"
    diff = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if not line.startswith(("---", "+++", "@@"))]
    assert diff == [
        f"+    archive_url: {copy}/bar",
        f'+    archive_url: "{copy}/dobbelt?side=2&visning=fuld"',
        f"+    archive_url: '{copy}/enkelt'",
        f"+    archive_url: {copy}/url-foerst",
        '-  - {title: På én linje, publisher: Lokalavisen, date: 2019-04-12, url: "https://example.org/flow"}',
        '+  - {title: På én linje, publisher: Lokalavisen, date: 2019-04-12, url: "https://example.org/flow", '
        f'archive_url: "{copy}/flow"}}',
    ]
    lines = after.splitlines()
    assert lines[lines.index("    url: https://example.org/bar   # kommentaren bliver stående") + 1] == \
        f"    archive_url: {copy}/bar"
    assert lines[lines.index(f'    archive_url: "{copy}/dobbelt?side=2&visning=fuld"') + 1] == \
        "    note: Noten står efter url og bliver der."
    assert [p for p, *_ in Stand_in.seen].count("/cdx/search/cdx") == 5  # not the copied source, not the paper one
    assert report.copied == 1 and report.unlinked == 1 and report.exit_code() == 0
    assert check_paths([tmp_path / "cases"])[1] == []


def test_nested_promise_and_check_sources_are_archived_at_their_own_indentation(server, tmp_path):
    url, found = "https://example.org/status", "https://example.org/referat"
    Stand_in.index[url] = ["20190601000000"]
    Stand_in.index[found] = ["20200312000000"]
    plan = """\
        type: plan
        title: Handleplan
        date: 2019-05
        kommune: koebenhavn
        tags: [handleplan]
        summary: Planen.
        sources:
          - title: Planen
            publisher: Københavns Kommune
            date: 2019-05
            url: https://example.org/planen
            archive_url: https://web.archive.org/web/20190601000000/https://example.org/planen
        promises:
          - id: handleplan
            text: Vi laver en handleplan.
            promised_by:
              name: Udvalget
            status: in-progress
            sources:
              - title: Status
                publisher: Københavns Kommune
                date: 2019-06
                url: https://example.org/status
            checks:
              - date: 2020-03-20
                searched: udvalgets referater
                found: et referat om planen
                sources:
                  - title: Referat
                    publisher: Beskæftigelsesudvalget
                    date: 2020-03-12
                    url: https://example.org/referat
        """
    path = write(tmp_path, "", name="koebenhavn/2019-05-handleplan.yaml", head=plan)
    before = path.read_text("utf-8")
    run(tmp_path, server)
    assert added_lines(before, path.read_text("utf-8")) == [
        f"        archive_url: {server}/web/20190601000000/{url}",
        f"            archive_url: {server}/web/20200312000000/{found}"]


def test_a_file_with_windows_line_ends_and_no_last_line_end_keeps_both(server, tmp_path):
    url = "https://example.org/crlf"
    Stand_in.index[url] = ["20190412000000"]
    path = write(tmp_path, f"sources:\n  - title: Artiklen\n    publisher: Lokalavisen\n    date: 2019-04-12\n"
                           f"    url: {url}")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    run(tmp_path, server)
    assert path.read_bytes().endswith(f"    url: {url}\r\n    archive_url: {server}/web/20190412000000/{url}".encode())
    assert b"\r\n" in path.read_bytes() and b"\n" not in path.read_bytes().replace(b"\r\n", b"")


def test_a_dry_run_writes_and_saves_nothing_and_shows_what_it_would_add(server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Stand_in.index["https://example.org/bar"] = ["20190412101010"]
    path = write(tmp_path, SHAPES)
    before = path.read_text("utf-8")
    out = tmp_path / "out.txt"
    with out.open("w", encoding="utf-8") as stream:
        report, _ = run(tmp_path, server, dry_run=True, out=stream)
    assert path.read_text("utf-8") == before
    assert not [p for p, *_ in Stand_in.seen if p.startswith("/save/")]
    printed = out.read_text("utf-8").splitlines()
    assert printed[0] == ("cases/koebenhavn/2019-04-12-kilder.yaml:16:10: sources[0].url: kopi fra 12. april 2019 "
                          f"fundet i Wayback Machine: {server}/web/20190412101010/https://example.org/bar")
    assert printed[1].endswith("sources[1].url: ingen kopi i Wayback Machine; uden --dry-run bedes Save Page Now om en")
    assert f"cases/koebenhavn/2019-04-12-kilder.yaml:17: +     archive_url: {server}/web/20190412101010/" \
           "https://example.org/bar" in printed
    assert report.exit_code() == 1
    assert "## Kunne ikke arkiveres" in markdown(report) and "## Nye kopier" in markdown(report)


# --- the command ---------------------------------------------------------------------------------

def command(tmp_path: Path, base: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "jobcentertjek"), "archive", "--pause", "0", *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "JOBCENTERTJEK_WAYBACK": base})


def test_the_command_writes_reports_and_exits_0_when_every_source_has_a_copy(server, tmp_path):
    Stand_in.index["https://example.org/bar"] = ["20190412101010"]
    write(tmp_path, """\
        sources:
          - title: Artiklen
            publisher: Lokalavisen
            date: 2019-04-12
            url: https://example.org/bar
          - title: Ny side
            publisher: Lokalavisen
            date: 2019-04-12
            url: https://example.org/ny
        """)
    result = command(tmp_path, server, "--markdown", "arkiv.md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "cases/koebenhavn/2019-04-12-kilder.yaml:16:10: sources[0].url: kopi fra 12. april 2019 fundet i Wayback "
        f"Machine: {server}/web/20190412101010/https://example.org/bar",
        "cases/koebenhavn/2019-04-12-kilder.yaml:20:10: sources[1].url: ingen kopi fandtes; Save Page Now gemte en "
        f"8. december 2026: {server}/web/{SAVED_AT}/https://example.org/ny",
    ]
    assert result.stderr.strip() == "2 kilder med link: 0 havde en kopi, 1 fundet, 1 gemt nu, 0 uden kopi."
    assert "- `cases/koebenhavn/2019-04-12-kilder.yaml:20` `sources[1].url`: ingen kopi fandtes" in \
        (tmp_path / "arkiv.md").read_text("utf-8")
    again = command(tmp_path, server)  # a second run finds nothing left to do
    assert again.returncode == 0 and again.stdout == ""
    assert again.stderr.strip() == "2 kilder med link: 2 havde en kopi, 0 fundet, 0 gemt nu, 0 uden kopi."


def test_the_command_exits_1_when_a_source_could_not_be_archived(server, tmp_path):
    Stand_in.script["/save/https://example.org/nede"] = [(502, {}, "")]
    write(tmp_path, one_source("https://example.org/nede"))
    result = command(tmp_path, server, "--retries", "0")
    assert result.returncode == 1
    assert result.stdout.endswith("kunne ikke arkiveres: Save Page Now svarer med en fejl (HTTP 502)\n")


@pytest.mark.parametrize(("base", "why"), [
    (f"http://127.0.0.1:{closed_port()}", "serveren kunne ikke nås (forbindelsen blev afvist)"),
    ("http://wayback.invalid", "domænet kan ikke findes (navnet kan ikke slås op)"),
], ids=["refused", "no-such-name"])
def test_the_command_exits_2_with_a_danish_message_when_the_network_is_down(tmp_path, base, why):
    path = write(tmp_path, one_source("https://example.org/side"))
    before = path.read_text("utf-8")
    result = command(tmp_path, base, "--retries", "0")
    assert result.returncode == 2
    assert result.stderr.strip() == f"Wayback Machine ({base}) kan ikke nås: {why}. Intet er ændret."
    assert result.stdout == "" and path.read_text("utf-8") == before


def test_a_snapshots_date_is_read_from_its_address():
    assert str(snapshot_date("https://web.archive.org/web/20190412093000/https://example.org/a")) == "2019-04-12"
    assert str(snapshot_date("https://web.archive.org/web/20190412id_/https://example.org/a")) == "2019-04-12"
    assert snapshot_date("https://web.archive.org/web/2019/https://example.org/a") is None  # "nearest 2019": no date
    assert snapshot_date("https://archive.ph/AbCd1") is None
    assert snapshot_date("https://web.archive.org/web/20191340000000/https://example.org/a") is None


def test_a_line_that_would_change_anything_else_is_not_written(server, tmp_path, monkeypatch):
    """The safety net: the new text is read back, and must be the old data plus archive_url."""
    from jobcentertjek.contribute import yamlinsert

    url = "https://example.org/bar"
    Stand_in.index[url] = ["20190412101010"]
    path = write(tmp_path, one_source(url))
    before = path.read_text("utf-8")
    insertion = yamlinsert._insertion
    monkeypatch.setattr(yamlinsert, "_insertion", lambda *args: (lambda at, piece: (at, piece.lstrip()))(
        *insertion(*args)))  # the line without its indentation: archive_url would belong to the entry
    report, _ = run(tmp_path, server)
    assert path.read_text("utf-8") == before
    assert report.exit_code() == 1
    assert report.results[0].message == ("kunne ikke skrives i filen uden at ændre andet; skriv selv archive_url: "
                                         f"{server}/web/20190412101010/{url}")
