"""``jobcentertjek links``: are the sources the record cites still there to read?

Every ``url`` and ``archive_url`` of every source is asked for (HEAD, then GET where HEAD is
refused), a few at a time and at most two at a time per host, with a timeout and retries. Each
problem is printed as ``path:line:column: sources[N].url: what happened``, in Danish. The check
only reports: the site stays a pure function of ``cases/``, and a dead link is mended in the
entry (an ``archive_url``, or a correction).

Exit codes: 0 when every address answers, 1 when any is dead, 2 when the network cannot be
reached at all (then nothing is reported as dead).
"""

from __future__ import annotations

import argparse
import ssl
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from ..entries.grammar import count
from ..entries.model import Source
from ..entries.problems import Problem
from ..entries.snapshots import snapshot_url
from ..entries.validate import LoadedEntry, check_paths
from . import web

USER_AGENT = web.user_agent("linktjek")
PROBE_URL = web.WAYBACK + "/"  # asked when nothing answered, to tell "offline" from "all dead"
PERMANENT = {301, 308}
REFUSES_ROBOTS = {401, 403, 429}  # the page may well be there for a person with a browser


@dataclass(frozen=True)
class Link:
    """One address in one source, and where it stands in its file."""

    entry: LoadedEntry
    path: tuple  # e.g. ("promises", 0, "sources", 1, "url")
    url: str
    source: Source

    def problem(self, message: str, severity: str) -> Problem:
        return self.entry.problem(self.path, message, severity=severity)

    def wayback(self) -> str | None:
        """The Wayback Machine's copy nearest the source's date, for a source without one of its own."""
        if self.source.archive_url or self.path[-1] != "url":
            return None
        return snapshot_url(web.WAYBACK, str(self.source.date).replace('-', ''), self.url)


@dataclass(frozen=True)
class Outcome:
    """What asking for one address gave: ``answered`` is False only when no server said anything."""

    answered: bool
    message: str | None = None  # None: fine
    severity: str = "error"  # "error": dead; "warning": reported, not dead


def find_links(entries: list[LoadedEntry]) -> list[Link]:
    """Every url and archive_url of every source, in file order."""
    links = []
    for loaded in entries:
        for path, source in web.sources(loaded.entry):
            for name in ("url", "archive_url"):
                if value := getattr(source, name):
                    links.append(Link(loaded, (*path, name), str(value), source))
    return links


class Checker:
    """Asks for addresses politely: a few at a time, at most ``per_host`` at a time per host."""

    def __init__(self, *, timeout: float = 15.0, retries: int = 2, workers: int = 8, per_host: int = 2,
                 verify: ssl.SSLContext | bool = True):
        self.timeout, self.retries, self.workers = timeout, retries, workers
        self._hosts: dict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(per_host))
        self._lock = threading.Lock()
        self._client = web.client("linktjek", timeout, verify=verify)

    def close(self) -> None:
        self._client.close()

    def check_all(self, urls: list[str]) -> dict[str, Outcome]:
        unique = list(dict.fromkeys(urls))
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            return dict(zip(unique, pool.map(self.check, unique)))

    def check(self, url: str) -> Outcome:
        with self._lock:
            gate = self._hosts[urlsplit(url).netloc.lower()]
        with gate:
            for attempt in range(self.retries + 1):
                outcome, again = self._once(url)
                if not again or attempt == self.retries:
                    return outcome
                time.sleep(web.backoff(attempt))
        raise AssertionError("unreachable")

    def _once(self, url: str) -> tuple[Outcome, bool]:
        """One try; the outcome and whether another try could change it."""
        tries = self.retries + 1
        try:
            response = self._client.head(url)
            if response.status_code >= 400:  # many servers refuse or mishandle HEAD: ask as a browser does
                with self._client.stream("GET", url) as streamed:
                    response = streamed
        except httpx.TooManyRedirects:
            return Outcome(True, "adressen sender videre i ring (mere end 10 omdirigeringer); siden kan ikke nås"), False
        except httpx.TimeoutException:
            return Outcome(False, f"svarede ikke inden for {self.timeout:g} sekunder ({tries} forsøg)"), True
        except httpx.ConnectError as exc:
            return Outcome(*web.connect_problem(exc)), True
        except httpx.HTTPError:
            return Outcome(False, "forbindelsen blev afbrudt, før serveren svarede"), True
        return _status_outcome(response), response.status_code >= 500


def _status_outcome(response: httpx.Response) -> Outcome:
    status = response.status_code
    if status < 400:
        moved = [r for r in response.history if r.status_code in PERMANENT]
        if moved:
            return Outcome(True, f"flyttet permanent (HTTP {moved[0].status_code}) til {response.url}; "
                                 "skriv den nye adresse i sagen", "warning")
        return Outcome(True)
    if status in REFUSES_ROBOTS:
        return Outcome(True, f"serveren afviste tjekket (HTTP {status}); åbn linket i en browser for at se, "
                             "om siden stadig findes", "warning")
    reason = {404: "siden findes ikke", 410: "siden er fjernet for altid"}.get(status)
    if reason is None:
        reason = "serveren svarer med en fejl" if status >= 500 else "serveren afviser forespørgslen"
    return Outcome(True, f"{reason} (HTTP {status})")


@dataclass
class Report:
    problems: list[tuple[Link, Outcome]]
    checked: int
    offline: bool

    @property
    def dead(self) -> int:
        return sum(outcome.severity == "error" for _, outcome in self.problems)

    def exit_code(self) -> int:
        return 2 if self.offline else 1 if self.dead else 0


def check_links(links: list[Link], checker: Checker, probe_url: str = PROBE_URL) -> Report:
    outcomes = checker.check_all([link.url for link in links])
    if outcomes and not any(outcome.answered for outcome in outcomes.values()):
        if not checker.check(probe_url).answered:
            return Report([], len(outcomes), offline=True)
    problems = [(link, outcomes[link.url]) for link in links if outcomes[link.url].message]
    return Report(problems, len(outcomes), offline=False)


def _lines(report: Report) -> list[str]:
    lines = []
    for link, outcome in report.problems:
        lines.append(str(link.problem(outcome.message, outcome.severity)))
        if outcome.severity == "error" and (copy := link.wayback()):
            lines.append(f"    arkiveret kopi? {copy}")
    return lines


def markdown(report: Report) -> str:
    """The report as the body of the "Døde links" issue (Danish, one list item per problem)."""
    dead = [(link, outcome) for link, outcome in report.problems if outcome.severity == "error"]
    other = [(link, outcome) for link, outcome in report.problems if outcome.severity != "error"]
    parts = [f"Linktjekket fandt {count(len(dead), 'død kilde', 'døde kilder')} blandt "
             f"{count(report.checked, 'adresse', 'adresser')}. Ret dem i sagen: tilføj `archive_url` med en "
             "arkiveret kopi, eller skriv en rettelse. Listen opdateres hver uge.", ""]
    for title, group in (("Døde links", dead), ("Til efterretning", other)):
        if group:
            parts += [f"## {title}", ""]
            for link, outcome in group:
                item = link.problem(outcome.message, outcome.severity)
                parts.append(f"- `{item.path}:{item.line}` `{item.field}`: {outcome.message} — <{link.url}>")
                if outcome.severity == "error" and (copy := link.wayback()):
                    parts.append(f"  - arkiveret kopi? <{copy}>")
            parts.append("")
    return "\n".join(parts)


def _run(args: argparse.Namespace) -> int:
    entries, problems = check_paths([Path(p) for p in args.paths])
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        print(f"{len(errors)} fejl i sagerne; de fejlbehæftede filers links tjekkes ikke. "
              "Kør `jobcentertjek check` for at se dem.", file=sys.stderr)
    checker = Checker(timeout=args.timeout, retries=args.retries)
    try:
        report = check_links(find_links(entries), checker, args.probe)
    finally:
        checker.close()
    if report.offline:
        print("Netværket kan ikke nås: ingen adresse svarede, heller ikke "
              f"{args.probe}. Intet er meldt som dødt.", file=sys.stderr)
        return 2
    for line in _lines(report):
        print(line)
    if args.markdown:
        Path(args.markdown).write_text(markdown(report), encoding="utf-8")
    print(f"{count(report.checked, 'adresse', 'adresser')} tjekket: "
          f"{count(report.dead, 'død', 'døde')}.", file=sys.stderr)
    return report.exit_code()


def add_links_command(commands) -> None:
    links = commands.add_parser("links", help="tjek, at hver kildes url og archive_url stadig svarer",
                                description="Spørger efter hver kildes url og archive_url og melder døde links "
                                            "med fil, linje og felt. Afslutter med 0, når alle svarer, 1 når "
                                            "nogen er døde, og 2 når netværket ikke kan nås.")
    links.add_argument("paths", nargs="*", default=["cases"], help="filer eller mapper (standard: cases)")
    links.add_argument("--timeout", type=float, default=15.0, help="sekunder at vente på svar (standard: 15)")
    links.add_argument("--retries", type=int, default=2,
                       help="nye forsøg efter det første ved timeout eller serverfejl (standard: 2)")
    links.add_argument("--probe", default=PROBE_URL,
                       help="adresse, der spørges, når intet svarer, for at skelne 'offline' fra 'død'")
    links.add_argument("--markdown", metavar="FIL", help="skriv også rapporten som Markdown (til issuet)")
    links.set_defaults(run=_run)
