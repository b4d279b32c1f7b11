"""`jobcentertjek links` against a real HTTP server on 127.0.0.1: every outcome, with its exact line.

No test here touches the internet: every address points at the server the test starts.
"""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from jobcentertjek.contribute import links
from jobcentertjek.entries.validate import check_paths

HANG = 5.0  # seconds the hanging page waits; the checker gives up long before


class Handler(http.server.BaseHTTPRequestHandler):
    seen: list[tuple[str, str, str]] = []  # (method, path, user agent)

    def log_message(self, *args):  # keep the test output clean
        pass

    def _answer(self, head: bool):
        type(self).seen.append((self.command, self.path, self.headers.get("User-Agent", "")))
        path = self.path
        routes = {
            "/ok": (200, {}),
            "/flyttet": (301, {"Location": "/ok"}),
            "/flyttet-308": (308, {"Location": "/ok"}),
            "/midlertidig": (302, {"Location": "/ok"}),
            "/mangler": (404, {}),
            "/fjernet": (410, {}),
            "/fejl": (500, {}),
            "/forbudt": (403, {}),
            "/ring": (302, {"Location": "/ring"}),
        }
        if path == "/langsom":
            time.sleep(0.4)
            status, headers = 200, {}
        elif path == "/haenger":
            time.sleep(HANG)
            status, headers = 200, {}
        elif path == "/kun-get":
            status, headers = (405, {}) if head else (200, {})
        else:
            status, headers = routes.get(path, (404, {}))
        body = b"<p>Jobcentret</p>"
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def do_HEAD(self):
        self._answer(head=True)

    def do_GET(self):
        self._answer(head=False)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_case(root: Path, urls: list[str], archive: dict[int, str] | None = None) -> Path:
    """A valid report citing one source per address; ``archive`` gives some sources an archive_url."""
    archive = archive or {}
    lines = ["type: report", "kind: news", "title: En artikel om ventetider i jobcentret", "date: 2019-03-01",
             "kommune: koebenhavn", "tags: [sagsbehandling]", "publisher: Lokalavisen",
             "summary: Artiklen beskriver lange ventetider.", "findings:", "  - Ventetiden er lang.", "sources:"]
    for n, url in enumerate(urls):
        lines += [f"  - title: Kilde {n}", "    publisher: Lokalavisen", f"    date: 2019-03-0{n % 9 + 1}",
                  f"    url: {url}"]
        if n in archive:
            lines.append(f"    archive_url: {archive[n]}")
    path = root / "cases" / "koebenhavn" / "2019-03-01-kilder.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(root: Path, urls, *, archive=None, timeout=1.0, retries=1, probe=None):
    write_case(root, urls, archive)
    entries, problems = check_paths([root / "cases"])
    assert not [p for p in problems if p.severity == "error"], problems
    checker = links.Checker(timeout=timeout, retries=retries)
    try:
        return links.check_links(links.find_links(entries), checker, probe or f"http://127.0.0.1:{closed_port()}/")
    finally:
        checker.close()


def lines(report, root: Path) -> list[str]:
    return [line.replace(str(root) + "/", "") for line in links._lines(report)]


FIRST_URL_LINE = 15  # where the first source's url stands in write_case's file


def test_pages_that_answer_are_not_reported(server, tmp_path):
    report = run(tmp_path, [f"http://{server}/ok", f"http://{server}/midlertidig", f"http://{server}/langsom",
                            f"http://{server}/kun-get"])
    assert report.problems == [] and report.exit_code() == 0 and report.checked == 4


def test_each_dead_page_is_reported_at_its_line_with_what_happened(server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = run(tmp_path, [f"http://{server}/mangler", f"http://{server}/fjernet", f"http://{server}/fejl",
                            f"http://{server}/ring", f"http://{server}/haenger", f"https://{server}/ok",
                            f"http://127.0.0.1:{closed_port()}/side"], timeout=0.5)
    path = "cases/koebenhavn/2019-03-01-kilder.yaml"
    line = lambda n: f"{path}:{FIRST_URL_LINE + 4 * n}:10: sources[{n}].url"  # noqa: E731
    wayback = lambda n, url: f"    arkiveret kopi? https://web.archive.org/web/2019030{n + 1}/{url}"  # noqa: E731
    got = lines(report, tmp_path)
    assert got == [
        f"{line(0)}: siden findes ikke (HTTP 404)", wayback(0, f"http://{server}/mangler"),
        f"{line(1)}: siden er fjernet for altid (HTTP 410)", wayback(1, f"http://{server}/fjernet"),
        f"{line(2)}: serveren svarer med en fejl (HTTP 500)", wayback(2, f"http://{server}/fejl"),
        f"{line(3)}: adressen sender videre i ring (mere end 10 omdirigeringer); siden kan ikke nås",
        wayback(3, f"http://{server}/ring"),
        f"{line(4)}: svarede ikke inden for 0.5 sekunder (2 forsøg)", wayback(4, f"http://{server}/haenger"),
        f"{line(5)}: den sikre forbindelse (https) mislykkedes; serverens certifikat eller opsætning kan ikke "
        "godkendes", wayback(5, f"https://{server}/ok"),
        f"{line(6)}: serveren kunne ikke nås (forbindelsen blev afvist)", got[-1],
    ]
    assert got[-1].startswith("    arkiveret kopi? https://web.archive.org/web/20190307/http://127.0.0.1:")
    assert report.dead == 7 and report.exit_code() == 1


def test_a_server_error_is_tried_again_and_every_request_names_the_project(server, tmp_path):
    Handler.seen.clear()
    run(tmp_path, [f"http://{server}/fejl"], retries=2)
    assert [(method, path) for method, path, _ in Handler.seen] == [("HEAD", "/fejl"), ("GET", "/fejl")] * 3
    assert {agent for *_, agent in Handler.seen} == {links.USER_AGENT}


def test_permanent_moves_and_refusals_are_reported_but_not_dead(server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = run(tmp_path, [f"http://{server}/flyttet", f"http://{server}/flyttet-308", f"http://{server}/forbudt"])
    got = lines(report, tmp_path)
    assert got == [
        f"cases/koebenhavn/2019-03-01-kilder.yaml:{FIRST_URL_LINE}:10: sources[0].url: advarsel: flyttet permanent "
        f"(HTTP 301) til http://{server}/ok; skriv den nye adresse i sagen",
        f"cases/koebenhavn/2019-03-01-kilder.yaml:{FIRST_URL_LINE + 4}:10: sources[1].url: advarsel: flyttet permanent "
        f"(HTTP 308) til http://{server}/ok; skriv den nye adresse i sagen",
        f"cases/koebenhavn/2019-03-01-kilder.yaml:{FIRST_URL_LINE + 8}:10: sources[2].url: advarsel: serveren afviste "
        "tjekket (HTTP 403); åbn linket i en browser for at se, om siden stadig findes",
    ]
    assert report.dead == 0 and report.exit_code() == 0


def test_archive_urls_are_checked_and_a_source_with_one_gets_no_suggestion(server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = run(tmp_path, [f"http://{server}/mangler"], archive={0: f"http://{server}/fjernet"})
    assert lines(report, tmp_path) == [
        f"cases/koebenhavn/2019-03-01-kilder.yaml:{FIRST_URL_LINE}:10: sources[0].url: siden findes ikke (HTTP 404)",
        f"cases/koebenhavn/2019-03-01-kilder.yaml:{FIRST_URL_LINE + 1}:18: sources[0].archive_url: siden er fjernet "
        "for altid (HTTP 410)",
    ]


def test_no_network_at_all_reports_nothing_as_dead(tmp_path):
    report = run(tmp_path, [f"http://127.0.0.1:{closed_port()}/a", "http://ukendt-vaert.invalid/b"], retries=0)
    assert report.offline and report.problems == [] and report.exit_code() == 2


def test_when_nothing_answers_but_the_probe_does_the_links_are_dead(server, tmp_path):
    report = run(tmp_path, [f"http://127.0.0.1:{closed_port()}/a"], retries=0, probe=f"http://{server}/ok")
    assert not report.offline and report.exit_code() == 1


def test_the_command_line_prints_the_lines_writes_the_issue_body_and_exits_1(server, tmp_path):
    write_case(tmp_path, [f"http://{server}/ok", f"http://{server}/mangler"])
    result = subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "links", "cases", "--timeout", "2",
                             "--retries", "0", "--markdown", "doede-links.md"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        f"cases/koebenhavn/2019-03-01-kilder.yaml:{FIRST_URL_LINE + 4}:10: sources[1].url: siden findes ikke "
        "(HTTP 404)",
        f"    arkiveret kopi? https://web.archive.org/web/20190302/http://{server}/mangler",
    ]
    assert "2 adresser tjekket: 1 død." in result.stderr and "Traceback" not in result.stderr
    body = (tmp_path / "doede-links.md").read_text("utf-8")
    assert body.startswith("Linktjekket fandt 1 død kilde blandt 2 adresser.")
    assert f"- `cases/koebenhavn/2019-03-01-kilder.yaml:{FIRST_URL_LINE + 4}` `sources[1].url`: siden findes " \
           f"ikke (HTTP 404) — <http://{server}/mangler>" in body


def test_the_command_line_exits_2_without_a_network(tmp_path):
    write_case(tmp_path, [f"http://127.0.0.1:{closed_port()}/a"])
    result = subprocess.run([sys.executable, "-m", "jobcentertjek.cli", "links", "cases", "--retries", "0",
                             "--probe", f"http://127.0.0.1:{closed_port()}/"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("Netværket kan ikke nås")


def test_every_source_in_the_record_is_found(monkeypatch):
    repo = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(repo)
    entries, _ = check_paths([Path("cases")])
    found = links.find_links(entries)
    expected = sum(1 for e in entries for path in [json.dumps(e.entry.model_dump(mode="json"))]
                   for _ in range(path.count('"url": "http') + path.count('"archive_url": "http')))
    assert len(found) == expected > 0
    assert all(link.path[-1] in ("url", "archive_url") and "sources" in link.path for link in found)
