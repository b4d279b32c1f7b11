"""Small builders for valid entries, so each test states only what it changes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import yaml

SOURCE = {"title": "En kilde", "publisher": "Et medie", "date": "2018-04-10", "url": "https://example.org/a"}


def report(**changes) -> dict:
    entry = {
        "type": "report", "kind": "news", "title": "Kritik af jobcentret", "date": "2018-04-10",
        "kommune": "koebenhavn", "tags": ["fleksjob"], "publisher": "Et medie",
        "summary": "Et resumé med egne ord.", "findings": ["Et fund."], "sources": [SOURCE],
    }
    return {**entry, **changes}


def response(responds_to: list[str], **changes) -> dict:
    entry = {
        "type": "response", "title": "Borgmesteren svarer", "date": "2018-04-20", "kommune": "koebenhavn",
        "tags": ["fleksjob"], "summary": "Svaret.", "responds_to": responds_to,
        "responders": [{"name": "En Borgmester", "role": "borgmester", "party": "V"}], "sources": [SOURCE],
    }
    return {**entry, **changes}


def plan(promises: list[dict] | None = None, **changes) -> dict:
    entry = {
        "type": "plan", "title": "Handleplan", "date": "2018-05-01", "kommune": "koebenhavn",
        "tags": ["handleplan"], "summary": "Planen.", "sources": [SOURCE],
        "promises": promises or [promise()],
    }
    return {**entry, **changes}


def promise(**changes) -> dict:
    return {"id": "handleplan", "text": "Vi laver en handleplan.",
            "promised_by": {"name": "Udvalget", "role": "politisk udvalg"}, "deadline": "2018-06", **changes}


def replied_checks() -> list[dict]:
    """Two checks half a year apart, the kommune asked and answering: what the method asks before a
    promise may be "Brudt", "Gået i stå" or "Kan ikke efterprøves" (entries/method.py)."""
    return [{"date": "2018-06-01", "searched": "Udvalgets referater", "found": "Intet om løftet."},
            {"date": "2018-12-10", "searched": "Udvalgets referater og lokalavisen", "found": "Intet afgørende.",
             "asked": {"date": "2018-11-01", "how": "e-mail til forvaltningen", "answer": "Det er ikke opgjort.",
                       "answer_date": "2018-11-20"}}]


def update(plan_id: str, changes: list[dict], **fields) -> dict:
    entry = {
        "type": "update", "title": "Planen er vedtaget", "date": "2018-12-06", "kommune": "koebenhavn",
        "tags": ["handleplan"], "summary": "Opfølgning.", "plan": plan_id, "changes": changes,
        "sources": [SOURCE],
    }
    return {**entry, **fields}


def dump(entry: dict) -> str:
    return yaml.safe_dump(entry, allow_unicode=True, sort_keys=False)


def search_fragments(site: Path) -> dict[str, dict]:
    """Pagefind's stored text of each indexed page of a built site (gzipped JSON), by URL."""
    fragments = (json.loads(gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd"))
                 for p in (site / "pagefind" / "fragment").glob("*.pf_fragment"))
    return {f["url"]: f for f in fragments}


def site_pages(site: Path) -> list[Path]:
    """Every page of a built site a reader can land on: not Pagefind's files, and not the small
    files at former addresses that only send the reader on (site/redirects.py)."""
    return sorted(p for p in site.rglob("index.html") if not p.is_relative_to(site / "pagefind")
                  and 'http-equiv="refresh"' not in p.read_text("utf-8"))
