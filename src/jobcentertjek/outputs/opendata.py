"""Open data: every entry as JSON and CSV, every promise and every repeated criticism as CSV, and the
entry JSON Schema. The entries and promises as an Excel workbook are in ``workbook.py``.

The files are byte-stable: keys sorted, rows in the site's order (newest first, by date
then id), "\\n" line endings, UTF-8 without a byte order mark. The only value that
depends on the build day is ``overdue_days`` in promises.csv, just as on the site.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from ..entries import model
from ..entries.corpus import Corpus, Recurrence, TrackedPromise
from ..entries.reference import kommuner
from ..entries.render import one_line
from ..entries.validate import LoadedEntry
from ..site import sammenligning
from ..site.urls import absolute_url, entry_url, promise_anchor

LICENSE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.da",
    "text": "Indholdet må genbruges under CC BY 4.0 med kildeangivelse: »Kilde: Jobcentertjek«.",
}
SCHEMA_PATH = "data/entry.schema.json"

ENTRY_COLUMNS = ["id", "url", "type", "date", "kommune", "kommune_name", "title", "tags", "summary",
                 "report_kind", "publisher", "responds_to", "plan", "promise_count", "source_urls"]
PROMISE_COLUMNS = ["plan_id", "promise_id", "url", "kommune", "kommune_name", "text", "promised_by",
                   "deadline", "status", "status_label", "status_date", "state", "state_label",
                   "timeliness", "late_by", "late_by_precision", "overdue_days", "plan_title",
                   "check_count", "last_check_date", "last_check_searched", "last_check_found",
                   "unchecked_for_a_year"]
REPEAT_COLUMNS = ["report_id", "report_url", "report_kommune", "report_date", "plan_id", "promise_id", "promise_url",
                  "kommune", "promise_date", "status_at_report", "status_today", "note"]
LIST_SEPARATOR = "; "


def schema_text() -> str:
    """The entry JSON Schema as published and committed (schema/entry.schema.json)."""
    return _json(model.json_schema())


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def entries_json(corpus: Corpus, site_url: str) -> str:
    entries = [_entry_json(corpus, item, site_url) for item in corpus.entries]
    return _json({"license": LICENSE, "schema": absolute_url(site_url, SCHEMA_PATH),
                  "entry_count": len(entries), "entries": entries})


def _entry_json(corpus: Corpus, item: LoadedEntry, site_url: str) -> dict:
    """The entry as written, with its id and URL, and for an entry that promises, the site's assessment
    of each promise by its id (``promise_assessments``)."""
    data = {"id": item.id, "url": absolute_url(site_url, entry_url(item.id)), **item.entry.model_dump(mode="json")}
    if tracked := corpus.promises_of(plan_id=item.id):
        data["promise_assessments"] = {p.promise.id: _assessment(p) for p in tracked}
    return data


def entry_row(item: LoadedEntry, site_url: str) -> list:
    entry = item.entry
    return [
        item.id, absolute_url(site_url, entry_url(item.id)), entry.type, str(entry.date), entry.kommune,
        kommuner()[entry.kommune].name, entry.title, LIST_SEPARATOR.join(entry.tags), one_line(entry.summary),
        getattr(entry, "kind", ""), getattr(entry, "publisher", ""),
        LIST_SEPARATOR.join(getattr(entry, "responds_to", [])), getattr(entry, "plan", ""),
        len(entry.promises) if getattr(entry, "promises", None) else "",
        " ".join(s.url or s.archive_url for s in entry.sources if s.url or s.archive_url),
    ]


def promised_by(promise: TrackedPromise) -> str:
    """Who made the promise, with their role: "Name, role"."""
    by = promise.promise.promised_by
    return by.name + (f", {by.role}" if by.role else "")


def promise_row(promise: TrackedPromise, site_url: str) -> list:
    plan = promise.plan
    return [
        plan.id, promise.promise.id, absolute_url(site_url, entry_url(plan.id) + "#" + promise_anchor(promise)),
        plan.entry.kommune, kommuner()[plan.entry.kommune].name, one_line(promise.promise.text),
        promised_by(promise),
        str(promise.promise.deadline) if promise.promise.deadline else "",
        promise.status, promise.status_label, str(promise.history[-1].date), promise.state, promise.state_label,
        *_lateness_columns(promise), promise.overdue_days if promise.is_overdue else "", plan.entry.title,
        len(promise.promise.checks),
        *((str(last.date), last.searched, last.found) if (last := promise.last_check) else ("", "", "")),
        "ja" if promise.is_unchecked else "nej",
    ]


def _lateness_columns(promise: TrackedPromise) -> list:
    """timeliness, late_by, late_by_precision: how a kept promise stands to its deadline."""
    late = promise.lateness
    if late is None:
        return ["", "", ""]
    return [late.timeliness, "" if late.late_by is None else late.late_by, late.precision or ""]


def _assessment(promise: TrackedPromise) -> dict:
    """What the site computes for a promise, beside what the entry says (entries.json)."""
    late = promise.lateness
    return {"state": promise.state, "state_label": promise.state_label,
            "overdue_days": promise.overdue_days,
            "lateness": None if late is None else {"timeliness": late.timeliness, "late_by": late.late_by,
                                                   "precision": late.precision, "text": late.danish()}}


def repeat_row(recurrence: Recurrence, site_url: str) -> list:
    """One ``repeats`` link: the report, the earlier promise (``kommune`` is the promise's), and the
    promise's status on the report's date and today."""
    report, promise = recurrence.report, recurrence.promise
    return [
        report.id, absolute_url(site_url, entry_url(report.id)), report.entry.kommune, str(report.entry.date),
        promise.plan.id, promise.promise.id,
        absolute_url(site_url, entry_url(promise.plan.id) + "#" + promise_anchor(promise)),
        recurrence.kommune, str(promise.plan.entry.date), recurrence.status_then, promise.status, recurrence.note or "",
    ]


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def data_files(corpus: Corpus, site_url: str) -> dict[str, str]:
    """Every open-data file by its site path."""
    return {
        "data/entries.json": entries_json(corpus, site_url),
        "data/entries.csv": _csv(ENTRY_COLUMNS, [entry_row(item, site_url) for item in corpus.entries]),
        "data/promises.csv": _csv(PROMISE_COLUMNS, [promise_row(p, site_url) for p in corpus.promises]),
        "data/repeats.csv": _csv(REPEAT_COLUMNS, [repeat_row(r, site_url) for r in corpus.recurrences]),
        "data/kommuner.csv": _csv(sammenligning.CSV_COLUMNS, sammenligning.csv_rows(sammenligning.lines(corpus))),
        SCHEMA_PATH: schema_text(),
    }


def _schema_command(args) -> int:
    text = schema_text()
    if args.check:
        path = Path(args.check)
        if not path.is_file() or path.read_text("utf-8") != text:
            print(f"{path} er forældet; kør: jobcentertjek schema --output {path}", file=sys.stderr)
            return 1
        print(f"{path} er opdateret.", file=sys.stderr)
    elif args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="\n")
        print(f"Skemaet er skrevet til {args.output}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def add_schema_command(commands) -> None:
    """``jobcentertjek schema``: print, write or check the entry JSON Schema."""
    schema = commands.add_parser("schema", help="vis JSON-skemaet for en sags fil (til editorer)",
                                 description="Vis, skriv eller tjek JSON-skemaet for en sags fil.")
    target = schema.add_mutually_exclusive_group()
    target.add_argument("--output", "-o", metavar="FIL", help="skriv det til denne fil, fx schema/entry.schema.json")
    target.add_argument("--check", metavar="FIL", help="afslut med 1, hvis filen ikke er som det skema, koden giver")
    schema.set_defaults(run=_schema_command)
