"""The Wayback Machine, asked politely: its index of snapshots (CDX) and Save Page Now.

Every request goes to one base address (``web.wayback_base()``), one at a time, with a pause
between them; a timeout, a server error (5xx) or a refusal for too many requests (429) is tried
again, after the wait the server asks for (``Retry-After``) when it asks for one. A service that
still refuses with 429 is not asked again in the same run. Save Page Now is asked anonymously.

Snapshot lookups use the CDX API (``/cdx/search/cdx?url=…&output=json``), for captures that
answered 200, nearest a given day. A save is ``/save/<url>``; its answer names the new snapshot
in a redirect, a ``Content-Location`` or a ``Link: …; rel="memento"`` header, or starts a job
whose status (``/save/status/<job>``) is asked until it is done.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import httpx

from ..entries.snapshots import timestamp_day
from . import web

CDX_LIMIT = 10  # snapshots asked for, nearest first; the nearest is picked from them
POLLS = 24  # times a Save Page Now job is asked about before giving up
SERVICES = {"cdx": "Wayback Machines oversigt over kopier", "save": "Save Page Now"}
_SNAPSHOT = re.compile(r"^(?:https?://[^/]+)?/web/(\d{14})/")  # a snapshot's address, whole or from its path
_JOB = re.compile(r"spn2-[0-9a-f]{8,}")


class Unreachable(Exception):
    """The Wayback Machine cannot be reached at all (it has not answered once in this run)."""


class Failed(Exception):
    """One address could not be looked up or saved; the message says why, in Danish."""


class Wayback:
    """A client for one Wayback Machine; ``sleep`` is what waits (the tests record it instead)."""

    def __init__(self, base: str, *, timeout: float = 60.0, retries: int = 2, pause: float = 5.0,
                 max_wait: float = 300.0, sleep: Callable[[float], None] = time.sleep):
        self.base, self.timeout, self.retries, self.pause, self.max_wait = base, timeout, retries, pause, max_wait
        self.sleep = sleep
        self.answered = False  # has the Wayback Machine answered at all in this run?
        self.asked = 0  # requests sent
        self._refused: dict[str, str] = {}  # service -> why it is not asked again in this run
        self._last: float | None = None  # when the last request ended (time.monotonic)
        self._client = web.client("arkiv", timeout)

    def close(self) -> None:
        self._client.close()

    # --- the two services ---------------------------------------------------------------------

    def snapshots(self, url: str, near: str) -> list[str]:
        """Timestamps of the snapshots of ``url`` that answered 200, nearest ``near`` (YYYYMMDD) first."""
        response = self._get("cdx", f"{self.base}/cdx/search/cdx", params={
            "url": url, "output": "json", "fl": "timestamp", "filter": "statuscode:200",
            "closest": near, "sort": "closest", "limit": str(CDX_LIMIT)})
        if response.status_code != 200:
            raise Failed(f"{SERVICES['cdx']} afviste forespørgslen (HTTP {response.status_code})")
        try:
            rows = response.json() if response.content.strip() else []
            column = rows[0].index("timestamp") if rows else 0
            stamps = [row[column] for row in rows[1:]]
        except (ValueError, TypeError, IndexError, KeyError, AttributeError):
            raise Failed(f"{SERVICES['cdx']} svarede med noget, der ikke kan læses") from None
        return [stamp for stamp in stamps if isinstance(stamp, str) and _valid(stamp)]

    def save(self, url: str) -> str:
        """Ask Save Page Now for a snapshot of ``url``; its timestamp."""
        response = self._get("save", f"{self.base}/save/{url}")
        if response.status_code >= 400:
            detail = response.headers.get("X-Archive-Wayback-Runtime-Error")
            raise Failed(f"Save Page Now kunne ikke gemme siden (HTTP {response.status_code}"
                         + (f": »{detail}«)" if detail else ")"))
        if stamp := _named_snapshot(response):
            return stamp
        if job := _job(response):
            return self._follow(job)
        raise Failed("Save Page Now svarede uden at sige, hvor kopien ligger")

    def _follow(self, job: str) -> str:
        for _ in range(POLLS):  # each after the pause between requests
            response = self._get("save", f"{self.base}/save/status/{job}")
            try:
                status = response.json() if response.status_code == 200 else {}
            except ValueError:
                status = {}
            status = status if isinstance(status, dict) else {}
            if status.get("status") == "success" and _valid(str(status.get("timestamp", ""))):
                return status["timestamp"]
            if status.get("status") == "error" or response.status_code != 200:
                reason = status.get("message") or status.get("status_ext") or f"HTTP {response.status_code}"
                raise Failed(f"Save Page Now kunne ikke gemme siden (»{reason}«)")
        raise Failed(f"Save Page Now var ikke færdig efter {POLLS} spørgsmål; prøv igen senere")

    # --- one request, politely ------------------------------------------------------------------

    def _get(self, service: str, url: str, params: dict | None = None) -> httpx.Response:
        """A GET with pauses and retries; raises Failed, or Unreachable when nothing has ever answered."""
        if service in self._refused:
            raise Failed(self._refused[service])
        name, tries = SERVICES[service], self.retries + 1
        for attempt in range(tries):
            self._wait(self.pause - (time.monotonic() - self._last) if self._last is not None else 0)
            last, wait, refused = attempt == tries - 1, web.backoff(attempt), False
            try:
                self.asked += 1
                response = self._client.get(url, params=params)
            except httpx.TimeoutException:
                problem = f"{name} svarede ikke inden for {self.timeout:g} sekunder ({tries} forsøg)"
            except httpx.ConnectError as exc:
                answered, why = web.connect_problem(exc)
                problem = f"{name} kunne ikke nås: {why}"
                if last and not answered and not self.answered:
                    raise Unreachable(f"Wayback Machine ({self.base}) kan ikke nås: {why}") from None
            except httpx.HTTPError:
                problem = f"forbindelsen til {name} blev afbrudt, før den svarede"
            else:
                self.answered = True
                status = response.status_code
                if status != 429 and status < 500:
                    return response
                refused = status == 429
                problem = (f"{name} afviste forespørgslen: for mange på kort tid (HTTP 429)" if refused
                           else f"{name} svarer med en fejl (HTTP {status})")
                if (asked := web.retry_after(response)) is not None and asked > self.max_wait:
                    problem += f" og bad os vente {asked:.0f} sekunder"
                    last = True  # no try is worth waiting that long for
                elif asked is not None:
                    wait = asked
            finally:
                self._last = time.monotonic()
            if last:
                if refused:  # asking again in this run would only add to the load
                    self._refused[service] = f"{problem}; ikke spurgt igen i denne kørsel"
                raise Failed(problem)
            self._wait(wait)
        raise AssertionError("unreachable")

    def _wait(self, seconds: float) -> None:
        if seconds > 0:
            self.sleep(seconds)


def _valid(stamp: str) -> bool:
    return len(stamp) == 14 and stamp.isdigit() and timestamp_day(stamp) is not None


def _named_snapshot(response: httpx.Response) -> str | None:
    """The snapshot a save's answer names: where it led, its Content-Location, or its memento link."""
    for place in (str(response.url), response.headers.get("Content-Location", ""),
                  response.links.get("memento", {}).get("url", "")):
        if (match := _SNAPSHOT.match(place)) and _valid(match.group(1)):
            return match.group(1)
    return None


def _job(response: httpx.Response) -> str | None:
    """The Save Page Now job a save's answer started (JSON ``job_id``, or named in its HTML page)."""
    try:
        job = response.json().get("job_id")
    except (ValueError, AttributeError):
        job = None
    if isinstance(job, str) and _JOB.fullmatch(job):
        return job
    match = _JOB.search(response.text)
    return match.group() if match else None
