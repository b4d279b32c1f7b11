"""The Excel workbook (data/jobcentertjek.xlsx), opened with openpyxl as a spreadsheet program
would: every entry and promise, Danish headings, a Danish label beside every code, each
promise's reason for its status and its lateness, text that never becomes a formula."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

import openpyxl
import pytest
from conftest import REPO, write_cases
from helpers import dump, plan, promise, report, update
from test_feeds import SITE_URL

from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.dates import today
from jobcentertjek.entries.model import REPORT_KINDS, STATE_LABELS, STATUS_LABELS, TYPE_LABELS
from jobcentertjek.outputs.workbook import ENTRY_COLUMNS, PATH, PROMISE_COLUMNS, TIMELINESS, ZIP_TIME, workbook

CORPUS = Corpus.load(REPO / "cases")


def sheets(data: bytes) -> dict[str, list[dict]]:
    """Each sheet's rows as dicts by heading (Om data as plain rows)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    found = {}
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        found[sheet.title] = [dict(zip(rows[0], row)) for row in rows[1:]] if sheet.title != "Om data" else rows
    return found


@pytest.fixture(scope="module")
def real(built_site) -> bytes:
    return (built_site / PATH).read_bytes()


def test_the_workbook_holds_every_entry_and_promise_with_danish_headings(real):
    found = sheets(real)
    assert list(found) == ["Sager", "Løfter", "Koder", "Om data"]
    assert len(found["Sager"]) == len(CORPUS.entries)
    assert len(found["Løfter"]) == len(CORPUS.promises)
    assert [row["Id"] for row in found["Sager"]] == [item.id for item in CORPUS.entries]  # the site's order
    assert list(found["Sager"][0]) == [c.heading for c in ENTRY_COLUMNS]
    assert list(found["Løfter"][0]) == [c.heading for c in PROMISE_COLUMNS]
    assert {"Type", "Typekode", "Kommune", "Titel", "Resumé", "Side"} <= set(found["Sager"][0])
    assert {"Status", "Statuskode", "Tilstand", "Begrundelse for status", "Dage over fristen", "Frist",
            "Holdt i forhold til fristen"} <= set(found["Løfter"][0])


def test_every_code_has_its_danish_label_beside_it(real):
    found = sheets(real)
    for row in found["Sager"]:
        assert row["Type"] == TYPE_LABELS[row["Typekode"]]
        assert row["Art"] == (REPORT_KINDS[row["Artkode"]] if row["Artkode"] else None)
        assert (row["Artkode"] is not None) == (row["Typekode"] == "report")
    for row in found["Løfter"]:
        assert row["Status"] == STATUS_LABELS[row["Statuskode"]]
        assert row["Tilstand"].startswith(STATE_LABELS[row["Tilstandskode"]])
        assert (row["Tidskode"] is None) == (row["Holdt i forhold til fristen"] is None)
        if row["Tidskode"]:
            assert row["Tidskode"] in TIMELINESS
    codes = {(row["Felt"], row["Kode"]): row["Betydning"] for row in found["Koder"]}
    assert codes[("Type", "report")] == "Kritik" and codes[("Status", "partly-kept")] == "Delvist holdt"
    assert codes[("Art", "ankestyrelsen")] == "Ankestyrelsen"
    assert codes[("Tilstand", "overdue")] == "Frist overskredet" and codes[("Tid", "late")] == TIMELINESS["late"]
    assert len(codes) == len(TYPE_LABELS) + len(REPORT_KINDS) + len(STATUS_LABELS) + len(STATE_LABELS) + len(TIMELINESS)


def test_a_spreadsheet_shows_headings_fixed_filters_on_and_links_to_the_pages(real):
    book = openpyxl.load_workbook(io.BytesIO(real))
    for title in ["Sager", "Løfter"]:
        sheet = book[title]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == sheet.dimensions
        assert all(cell.font.bold for cell in sheet[1])
        side = [c.value for c in sheet[1]].index("Side") + 1
        link = sheet.cell(row=2, column=side)
        assert link.hyperlink.target == link.value and link.value.startswith(SITE_URL + "sager/")
    about = [row for row in book["Om data"].iter_rows(values_only=True)]
    assert "CC BY 4.0" in about[2][0]
    explained = {(row[0], row[1]) for row in about[5:]}
    assert explained == {("Sager", c.heading) for c in ENTRY_COLUMNS} | {("Løfter", c.heading) for c in PROMISE_COLUMNS}


def _corpus(tmp_path, files, on=dt.date(2019, 1, 1)):
    return Corpus.load(write_cases(tmp_path, files), on=on)


def test_a_promise_gives_the_reason_for_its_status_and_how_late_it_is(tmp_path):
    files = {
        "koebenhavn/2018-05-01-plan.yaml": dump(plan([promise(id="a", deadline="2018-06-30"),
                                                      promise(id="b", text="Noget andet.", deadline="2018-12"),
                                                      promise(id="c", text="Et tredje.", deadline="2018-09-28")])),
        "koebenhavn/2018-10-01-status.yaml": dump(update("2018-05-01-plan", [
            {"promise": "a", "status": "in-progress", "note": "Udvalget *udsatte* sagen på mødet i september."},
            {"promise": "b", "status": "kept", "note": "Vedtaget."},
            {"promise": "c", "status": "kept", "note": "Vedtaget tre dage efter fristen."}], date="2018-10-01")),
    }
    rows = {row["Løftets id"]: row for row in sheets(workbook(_corpus(tmp_path, files), SITE_URL))["Løfter"]}
    assert rows["a"]["Status"] == "I gang" and rows["a"]["Statuskode"] == "in-progress"
    assert rows["a"]["Begrundelse for status"] == "Udvalget udsatte sagen på mødet i september."
    assert rows["a"]["Status siden"] == "2018-10-01"
    assert rows["a"]["Frist overskredet"] == "ja" and rows["a"]["Dage over fristen"] == 185  # 30 June to 1 January
    assert rows["a"]["Tilstand"] == "Frist overskredet – arbejdet er stadig i gang"
    assert rows["a"]["Tilstandskode"] == "overdue" and rows["a"]["Holdt i forhold til fristen"] is None
    assert rows["b"]["Frist overskredet"] == "nej" and rows["b"]["Dage over fristen"] is None  # kept: never overdue
    assert rows["b"]["Begrundelse for status"] == "Vedtaget."
    assert rows["b"]["Holdt i forhold til fristen"] == "til tiden" and rows["b"]["Tidskode"] == "on-time"
    assert rows["c"]["Holdt i forhold til fristen"] == "3 dage for sent" and rows["c"]["Tidskode"] == "late"
    assert rows["c"]["For sent med"] == 3 and rows["c"]["Enhed"] == "dage"


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    title = '=HYPERLINK("https://example.org/","Klik")'
    files = {"koebenhavn/2018-04-10-kritik.yaml": dump(report(title=title, summary="+SUM(1;2)"))}
    data = workbook(_corpus(tmp_path, files), SITE_URL)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Sager"]
    titles = [c for c in sheet["H"] if c.value == title]
    assert titles and titles[0].data_type == "s"
    assert b"<f>" not in b"".join(_parts(data).values())  # no formula anywhere in the file


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_the_file_carries_no_clock_time_so_the_same_record_and_day_give_the_same_bytes(tmp_path):
    files = {"koebenhavn/2018-04-10-kritik.yaml": dump(report())}
    first = workbook(_corpus(tmp_path / "a", files), SITE_URL)
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {info.date_time for info in z.infolist()} == {ZIP_TIME}
    core = _parts(first)["docProps/core.xml"].decode("utf-8")
    day = today().isoformat()
    assert f">{day}T00:00:00Z</dcterms:created>" in core and f">{day}T00:00:00Z</dcterms:modified>" in core
    time.sleep(1.1)  # a clock time would differ now
    assert workbook(_corpus(tmp_path / "b", files), SITE_URL) == first
