"""What the commands that go on the web share: the sources they ask about, one HTTP client set up
the same way, and the same plain Danish words for what went wrong (``links``, ``archive``)."""

from __future__ import annotations

import email.utils
import os
import ssl
import time
from collections.abc import Iterator

import httpx
from pydantic import BaseModel

from ..entries.model import Source

PROJECT_URL = "https://github.com/jobcentertjek/jobcentertjek"
WAYBACK = "https://web.archive.org"
WAYBACK_ENV = "JOBCENTERTJEK_WAYBACK"  # another address for the Wayback Machine (the tests' local server)


def user_agent(tool: str) -> str:
    """Who is asking, so a site's owner can see it and find the project."""
    return f"Jobcentertjek-{tool}/1.0 (+{PROJECT_URL})"


def client(tool: str, timeout: float, *, verify: ssl.SSLContext | bool = True) -> httpx.Client:
    return httpx.Client(headers={"User-Agent": user_agent(tool)}, timeout=timeout, follow_redirects=True,
                        max_redirects=10, verify=verify)


def wayback_base() -> str:
    """The Wayback Machine's address: ``https://web.archive.org``, or ``$JOBCENTERTJEK_WAYBACK``."""
    return (os.environ.get(WAYBACK_ENV) or WAYBACK).rstrip("/")


def sources(model: BaseModel, path: tuple = ()) -> Iterator[tuple[tuple, Source]]:
    """Every source in an entry, wherever it stands (the entry's, a promise's, a check's), with its path."""
    if isinstance(model, Source):
        yield path, model
        return
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            if isinstance(item, BaseModel):
                yield from sources(item, (*path, name) if index is None else (*path, name, index))


def backoff(attempt: int) -> float:
    """Seconds to wait before try ``attempt + 2``: 0.5, 1, 2, 4, 4, …"""
    return min(0.5 * 2 ** attempt, 4)


def retry_after(response: httpx.Response) -> float | None:
    """The wait a server asks for (``Retry-After``: seconds, or an HTTP date), or None."""
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time())


def connect_problem(exc: httpx.ConnectError) -> tuple[bool, str]:
    """Why a connection failed, in Danish, and whether a server took part (a TLS failure: it did)."""
    cause = exc.__context__ or exc.__cause__
    while cause is not None and not isinstance(cause, ssl.SSLError) and (cause.__context__ or cause.__cause__):
        cause = cause.__context__ or cause.__cause__
    text = str(exc).lower()
    if isinstance(cause, ssl.SSLError) or "ssl" in text or "certificate" in text or "tls" in text:
        return True, "den sikre forbindelse (https) mislykkedes; serverens certifikat eller opsætning kan ikke godkendes"
    if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text \
            or "name resolution" in text or "no address associated" in text:
        return False, "domænet kan ikke findes (navnet kan ikke slås op)"
    return False, "serveren kunne ikke nås (forbindelsen blev afvist)"
