"""Nothing personal: CPR numbers are refused, e-mail addresses and phone numbers flagged,
each at the line and column where it stands, also deep inside a multi-line text."""

from __future__ import annotations

import textwrap

import pytest
from conftest import write_cases
from helpers import SOURCE, dump, report
from hypothesis import given, settings
from hypothesis import strategies as st

from jobcentertjek.entries import privacy, yamlload
from jobcentertjek.entries.validate import check_paths

CPR = "teksten indeholder et CPR-nummer; slet det — CPR-numre må aldrig offentliggøres"
EMAIL = "teksten indeholder en e-mailadresse; er den privat, så slet den"
PHONE = "teksten ligner et telefonnummer; er det privat, så slet det"


def scan(text: str) -> list[tuple]:
    loaded, problems = yamlload.load_yaml(textwrap.dedent(text).encode("utf-8"), "f.yaml")
    assert loaded is not None, problems
    return [(p.line, p.column, p.field, p.message, p.severity) for p in privacy.scan(loaded, "f.yaml")]


@pytest.mark.parametrize("loader", sorted(yamlload.LOADERS))
def test_findings_inside_a_literal_block_point_at_their_own_line(loader, monkeypatch):
    monkeypatch.setattr(yamlload, "LOADER", loader)
    assert scan("""\
        title: Kritik
        summary: |
          Første linje uden noget.

          Borgeren (010190-1234) skrev til
          hans.hansen@example.dk og
            ringede på 12 34 56 78.
          Igen: 0101901234.
        """) == [
        (5, 13, "summary", CPR, "error"),
        (6, 3, "summary", EMAIL, "warning"),
        (7, 16, "summary", PHONE, "warning"),
        (8, 9, "summary", CPR, "error"),
    ]


@pytest.mark.parametrize("style, text, line, column", [
    ("folded", "summary: >\n  Første linje\n  og så 010190-1234 her\n", 3, 9),
    ("plain over lines", "summary: Første linje\n  og så 010190-1234 her\n", 2, 9),
    ("double quoted", 'summary: "Første linje\n  og så 010190-1234 her"\n', 2, 9),
    ("single quoted", "summary: 'Første linje\n  og så 010190-1234 her'\n", 2, 9),
    ("in a list", "findings:\n  - Et fund.\n  - |\n    To linjer\n    med 010190-1234.\n", 5, 9),
    ("escaped in quotes: where the text starts", 'summary: "nr. 010190\\x2D1234"\n', 1, 10),
])
def test_every_scalar_style_points_at_the_number(style, text, line, column):
    assert [(p[0], p[1]) for p in scan(text)] == [(line, column)], style


@pytest.mark.parametrize("text", [
    "320190-1234",      # 32 January does not exist
    "011390-1234",      # nor month 13
    "290201-1234",      # 29 February 2001 (and 1901) did not happen
    "12010190-12345",   # part of a longer number
    "1-010190-1234",
    "2018-04-10",       # a date
    "sag 2018-0410",
])
def test_numbers_that_are_not_cpr_numbers_pass(text):
    assert [p for p in scan(f"summary: {text}\n") if p[3] == CPR] == []


@pytest.mark.parametrize("text", ["290200-1234", "2902001234", "010101-0001", "311299-9999"])
def test_cpr_numbers_with_real_dates_are_caught(text):
    assert [p[3] for p in scan(f"summary: Nummer {text}.\n")] == [CPR]


@pytest.mark.parametrize("text, found", [
    ("Ring 12 34 56 78.", True),
    ("Ring 12345678", True),
    ("Ring +45 12 34 56 78", True),
    ("Ring +4512345678", True),
    ("Beløbet var 12.345.678 kr.", False),
    ("I 2018-2019 steg tallet", False),
    ("Version 1.2345678", False),
])
def test_phone_numbers(text, found):
    assert ([p[3] for p in scan(f"summary: {text}\n")] == [PHONE]) is found


def test_sources_may_name_addresses_and_numbers_but_never_cpr_numbers():
    found = scan("""\
        sources:
          - title: Brev fra presse@kk.dk, tlf. 33 66 33 66
            publisher: Københavns Kommune
            note: Sagsnummer 010190-1234
        """)
    assert found == [(4, 22, "sources[0].note", CPR, "error")]


def test_warnings_do_not_fail_the_check_but_cpr_numbers_do(tmp_path):
    cases = write_cases(tmp_path, {
        "koebenhavn/2018-04-10-advarsel.yaml": dump(report(summary="Skriv til a@b.dk.")),
        "koebenhavn/2018-04-11-cpr.yaml": dump(report(date="2018-04-11", findings=["Borger 010190-1234."],
                                                       sources=[{**SOURCE, "note": "Kontakt c@d.dk"}])),
    })
    entries, problems = check_paths([cases])
    assert [e.id for e in entries] == ["2018-04-10-advarsel"]
    assert [(p.path.rsplit("/", 1)[-1], p.field, p.severity) for p in problems] == [
        ("2018-04-10-advarsel.yaml", "summary", "warning"),
        ("2018-04-11-cpr.yaml", "findings[0]", "error"),
    ]


# Texts made of the pieces personal numbers are made of, so that near-misses are common.
_PIECES = st.sampled_from(["1", "12", "31", "0101", "90", "1234", "5678", " ", "  ", "-", "+45", "+45 ", "@", "a",
                           "x.dk", ".", ",", "\n", "\0"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_the_quick_scan_never_passes_over_a_cpr_email_or_phone_number(text):
    """Files whose texts fail the quick scan are not searched further: it must catch all three."""
    found = privacy._CPR.search(text) or privacy._EMAIL.search(text) or privacy._PHONE.search(text)
    assert not found or privacy._maybe_personal(text)
