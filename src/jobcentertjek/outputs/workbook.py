"""The entries and promises as an Excel workbook, ``data/jobcentertjek.xlsx`` (openpyxl).

Why a workbook beside the CSV files: a CSV file opens by double-click in a Danish Excel only
if it is written for a Danish Excel (semicolons, a byte order mark), and then it opens wrongly
everywhere else (an English Excel, programs that read CSV). A workbook opens the same in every
spreadsheet program and every language, keeps numbers as numbers, and holds its headings, its
column widths and filters, and a sheet that explains the columns. The CSV files stay as they
are, for programs.

Each sheet is a list of columns, and each column is one line below: its Danish heading, its
width, what it holds for a row and what it means (the sheet »Om data« lists the meanings).
Every code (type, kind, status) has its Danish label in the column beside it.

The file is byte-stable: the same record and build day give the same bytes (the workbook's
dates are the build day, and every part of the zip file carries one fixed time).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any, Callable

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from ..entries.corpus import Corpus, TrackedPromise
from ..entries.dates import today
from ..entries.model import REPORT_KINDS, STATE_LABELS, STATUS_LABELS, TIMELINESS_LABELS, TYPE_LABELS
from ..entries.reference import kommuner
from ..entries.render import one_line
from ..entries.validate import LoadedEntry
from ..site.urls import absolute_url, entry_url, promise_anchor
from .opendata import LICENSE, LIST_SEPARATOR, promised_by

PATH = "data/jobcentertjek.xlsx"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest time, on every part of the file


@dataclass(frozen=True)
class Column:
    heading: str
    width: int  # in characters
    value: Callable[[Any], Any]  # the cell of a row: text, a whole number, or None for empty
    meaning: str
    link: bool = False  # a web address, made a link


def _yes(flag: bool) -> str:
    return "ja" if flag else "nej"


def _field(name: str) -> Callable[[LoadedEntry], Any]:
    return lambda item: getattr(item.entry, name, None) or None


def _kind(item: LoadedEntry) -> str | None:
    return getattr(item.entry, "kind", None)


def _status_note(promise: TrackedPromise) -> str | None:
    """Why the promise has its status: the note of the step that gave it."""
    note = promise.history[-1].note
    return one_line(note) if note else None


TIMELINESS = {**TIMELINESS_LABELS, "unclear": "Uvist, om det var til tiden"}  # a kept promise against its deadline
PRECISIONS = {"day": "dage", "month": "måneder"}  # what a lateness counts

ENTRY_COLUMNS = [
    Column("Id", 40, lambda item: item.id, "Sagens id; det samme som i sidens adresse sager/<id>/."),
    Column("Dato", 11, lambda item: str(item.entry.date),
           "Datoen så præcist, som kilden angiver den: 2018-04-10, 2018-04 eller 2018."),
    Column("År", 6, lambda item: item.entry.date.year, "Året, som tal."),
    Column("Type", 12, lambda item: TYPE_LABELS[item.entry.type], "Kritik, Svar, Handleplan eller Opfølgning."),
    Column("Typekode", 10, lambda item: item.entry.type, "Typen som kode: report, response, plan eller update."),
    Column("Kommune", 16, lambda item: kommuner()[item.entry.kommune].name, "Kommunens navn, eller Hele landet."),
    Column("Kommunekode", 14, lambda item: item.entry.kommune, "Kommunens kortnavn, fx koebenhavn."),
    Column("Titel", 60, lambda item: item.entry.title, "Sagens overskrift."),
    Column("Art", 20, lambda item: REPORT_KINDS.get(_kind(item)), "Kun kritik: hvilken slags kilde, fx Nyhedsartikel."),
    Column("Artkode", 18, _kind, "Arten som kode, fx news eller official-report."),
    Column("Udgiver", 24, _field("publisher"), "Kun kritik: hvem der udgav rapporten, brevet eller artiklen."),
    Column("Emner", 28, lambda item: LIST_SEPARATOR.join(item.entry.tags), "Sagens emner, adskilt af semikolon."),
    Column("Resumé", 80, lambda item: one_line(item.entry.summary), "Resuméet som ren tekst."),
    Column("Svar på", 30, lambda item: LIST_SEPARATOR.join(getattr(item.entry, "responds_to", [])) or None,
           "Svar og handleplaner: id'erne på de sager, der svares på."),
    Column("Handleplan", 30, _field("plan"), "Kun opfølgninger: id'et på den handleplan, der følges op på."),
    Column("Løfter", 8, lambda item: len(getattr(item.entry, "promises", None) or []) or None,
           "Handleplaner og svar med løfter: antal løfter."),
    Column("Side", 50, lambda item: item.url, "Sagens side på Jobcentertjek.", link=True),
]

PROMISE_COLUMNS = [
    Column("Kommune", 16, lambda p: kommuner()[p.plan.entry.kommune].name, "Kommunen, der gav løftet."),
    Column("Kommunekode", 14, lambda p: p.plan.entry.kommune, "Kommunens kortnavn."),
    Column("Løfte", 70, lambda p: one_line(p.promise.text), "Løftet som ren tekst."),
    Column("Lovet af", 40, promised_by, "Hvem der lovede det, med rolle."),
    Column("Frist", 11, lambda p: str(p.promise.deadline) if p.promise.deadline else None,
           "Fristen, så præcist den er kendt; tom uden frist. En frist som 2018-06 løber til og med 30. juni 2018."),
    Column("Status", 20, lambda p: p.status_label, "Løftets status i dag, fx Holdt eller I gang."),
    Column("Statuskode", 14, lambda p: p.status, "Status som kode, fx kept eller in-progress."),
    Column("Status siden", 12, lambda p: str(p.history[-1].date),
           "Datoen for den seneste statusændring: planen selv eller den seneste opfølgning."),
    Column("Tilstand", 34, lambda p: p.state_label,
           "Løftets ene tilstand, som siden viser den, fx Holdt eller Frist overskredet – intet viser, at det er holdt."),
    Column("Tilstandskode", 14, lambda p: p.state, "Tilstanden som kode: som statuskoden, eller overdue."),
    Column("Begrundelse for status", 70, _status_note,
           "Noten ved den seneste statusændring: hvorfor løftet har sin status. Tom, hvis der ingen note er."),
    Column("Frist overskredet", 10, lambda p: _yes(p.is_overdue),
           "ja, når fristen er passeret, og løftet hverken er holdt, delvist holdt eller brudt."),
    Column("Dage over fristen", 10, lambda p: p.overdue_days, "Antal dage over fristen på byggedagen; ellers tom."),
    Column("Holdt i forhold til fristen", 24, lambda p: p.lateness.danish() if p.lateness else None,
           "Kun holdte og delvist holdte løfter med frist: til tiden, hvor meget for sent, eller efter fristen."),
    Column("Tidskode", 10, lambda p: p.timeliness, "Det samme som kode: on-time, late eller unclear (se arket Koder)."),
    Column("For sent med", 8, lambda p: p.lateness.late_by if p.lateness else None,
           "Hvor meget for sent, som tal: dage eller måneder (næste kolonne), så præcist datoerne tillader."),
    Column("Enhed", 8, lambda p: PRECISIONS.get(p.lateness.precision) if p.lateness else None,
           "Hvad tallet i For sent med tæller: dage eller måneder."),
    Column("Efterprøvninger", 10, lambda p: len(p.promise.checks), "Hvor mange gange nogen har ledt efter løftets resultat."),
    Column("Sidst efterprøvet", 12, lambda p: str(p.last_check.date) if p.last_check else None,
           "Hvornår nogen sidst har ledt efter løftets resultat; tom, hvis det ikke er skrevet."),
    Column("Hvor der blev ledt", 40, lambda p: p.last_check.searched if p.last_check else None,
           "Hvor der blev ledt ved den seneste efterprøvning."),
    Column("Hvad der blev fundet", 50, lambda p: p.last_check.found if p.last_check else None,
           "Hvad den seneste efterprøvning fandt, fx intet."),
    Column("Ikke efterprøvet i over et år", 12, lambda p: _yes(p.is_unchecked),
           "ja, når løftet ikke har en endelig status, og ingen har efterprøvet det i over et år."),
    Column("Handleplan", 60, lambda p: p.plan.entry.title, "Overskriften på handleplanen (eller svaret), løftet står i."),
    Column("Handleplanens id", 40, lambda p: p.plan.id, "Handleplanens id."),
    Column("Løftets id", 24, lambda p: p.promise.id, "Løftets id i handleplanen; sammen med planens id entydigt."),
    Column("Side", 60, lambda p: p.url, "Løftet på handleplanens side.", link=True),
]

CODES = [("Type", TYPE_LABELS), ("Art", REPORT_KINDS), ("Status", STATUS_LABELS), ("Tilstand", STATE_LABELS),
         ("Tid", TIMELINESS)]


@dataclass(frozen=True)
class _Row:
    """An entry or a promise with its page's address, which the columns read."""

    item: Any
    url: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.item, name)


def workbook(corpus: Corpus, site_url: str) -> bytes:
    """The workbook's bytes: the sheets Sager, Løfter, Koder and Om data."""
    book = Workbook()
    entries = [_Row(item, absolute_url(site_url, entry_url(item.id))) for item in corpus.entries]
    promises = [_Row(p, absolute_url(site_url, entry_url(p.plan.id) + "#" + promise_anchor(p)))
                for p in corpus.promises]
    _sheet(book.active, "Sager", ENTRY_COLUMNS, entries)
    _sheet(book.create_sheet(), "Løfter", PROMISE_COLUMNS, promises)
    codes = [(name, code, label) for name, labels in CODES for code, label in labels.items()]
    _sheet(book.create_sheet(), "Koder", [
        Column("Felt", 10, lambda row: row[0], "Kolonnen, koden står i."),
        Column("Kode", 22, lambda row: row[1], "Koden, som den står i sagernes filer og i CSV-filerne."),
        Column("Betydning", 30, lambda row: row[2], "Kodens betydning på dansk."),
    ], codes)
    _about(book.create_sheet(), site_url)
    built = dt.datetime.combine(today(), dt.time())
    book.properties.creator = "Jobcentertjek"
    book.properties.title = "Jobcentertjek: sager og løfter"
    book.properties.created = book.properties.modified = built
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # Workbook.save would stamp "modified" with the clock
    return _fixed_times(out.getvalue())


def _sheet(sheet, title: str, columns: list[Column], rows: list) -> None:
    sheet.title = title
    sheet.append([column.heading for column in columns])
    for row in rows:
        sheet.append([column.value(row) for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, column in enumerate(columns, start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = column.width
        for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it begins with "=": never a formula
            if column.link and cell.value:
                cell.hyperlink = cell.value
                cell.style = "Hyperlink"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _about(sheet, site_url: str) -> None:
    """Om data: what the workbook is, its licence, and what every column holds."""
    sheet.title = "Om data"
    sheet.append(["Jobcentertjek: sager og løfter"])
    sheet.append([f"Bygget {today().isoformat()} ud fra de samme sager som siden {absolute_url(site_url, '')}."])
    sheet.append([LICENSE["text"]])
    sheet.append([])
    sheet.append(["Ark", "Kolonne", "Indhold"])
    for title, columns in [("Sager", ENTRY_COLUMNS), ("Løfter", PROMISE_COLUMNS)]:
        for column in columns:
            sheet.append([title, column.heading, column.meaning])
    for cell in (sheet["A1"], *sheet[5]):
        cell.font = Font(bold=True)
    for letter, width in zip("ABC", (10, 28, 100)):
        sheet.column_dimensions[letter].width = width


def _fixed_times(data: bytes) -> bytes:
    """The same zip file with one fixed time on every part (openpyxl stamps them with the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, date_time=ZIP_TIME), source.read(info.filename),
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
