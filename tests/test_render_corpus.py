"""Pasted texts keep their meaning on the page, from a YAML file and from the form.

Each ``tests/render_corpus/<name>.txt`` is a text as people paste it (from Word, a mail, a
newspaper's site); ``<name>.html`` is the HTML a reader gets for it, written in an entry's YAML
and typed into the form's "hvad skete der?" field. ``UPDATE_GOLDEN=1`` (``make golden``)
rewrites the HTML after an intended change; read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from jobcentertjek.contribute.answers import form_text
from jobcentertjek.contribute.issueform import parse_body, read_form, render_body
from jobcentertjek.entries.render import markdown_to_html, markdown_to_text

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "render_corpus"
TEXTS = sorted(CORPUS.glob("*.txt"))
FORM = read_form(REPO / ".github" / "ISSUE_TEMPLATE" / "ny-sag.yml")


def from_form(text: str) -> str:
    """The summary from-issue writes for ``text`` typed into the form (as GitHub renders the issue)."""
    return form_text(parse_body(render_body(FORM, {"report-summary": text}), FORM).text("report-summary"))


def rendered(text: str) -> str:
    return (f"<!-- Fra en YAML-fil -->\n{markdown_to_html(text)}\n"
            f"<!-- Fra formularen -->\n{markdown_to_html(from_form(text))}\n")


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_pasted_text_renders_as_its_golden_html(path):
    text = path.read_bytes().decode("utf-8")
    expected = path.with_suffix(".html")
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(rendered(text), encoding="utf-8")
    assert rendered(text) == expected.read_text("utf-8")


def test_the_corpus_is_there():
    assert len(TEXTS) >= 10
    assert {p.stem for p in CORPUS.glob("*.html")} == {p.stem for p in TEXTS}


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("route", ["yaml", "form"])
def test_no_word_of_the_writer_is_lost_or_renumbered(path, route):
    """Whatever the text, the reader sees each of its words, its numbers where they were, and
    never a list that numbers itself."""
    text = path.read_bytes().decode("utf-8")
    html = str(markdown_to_html(text if route == "yaml" else from_form(text)))
    assert "<ol" not in html and "<h1" not in html and "<h2" not in html and "<hr" not in html
    shown = " ".join(markdown_to_text(text if route == "yaml" else from_form(text)).split())
    for number in re.findall(r"^\s*(\d+[.)])", text, re.M):
        assert number in shown
    if path.stem != "html-i-teksten":  # markup is dropped there on purpose
        words = {w for w in re.findall(r"\w{4,}", text) if w not in ("https", "example", "rapport", "alert")}
        assert words <= set(re.findall(r"\w{4,}", shown))


def test_the_decisions_a_reader_can_see():
    date = str(markdown_to_html((CORPUS / "dato-forrest.txt").read_text("utf-8")))
    assert date.startswith("<p>12. april 2018 besluttede") and "<br>\n3. maj 2018" in date
    quote = str(markdown_to_html((CORPUS / "citat-med-tankestreg.txt").read_text("utf-8")))
    assert "Dagblad:<br>\n- Vi tager kritikken alvorligt" in quote and "<li>" not in quote
    bullets = str(markdown_to_html((CORPUS / "punkter-fra-word.txt").read_text("utf-8")))
    assert bullets.count("<ul>") == 1 and bullets.count("<li>") == 3 and "•" not in bullets
    doubled = str(markdown_to_html((CORPUS / "dobbelte-punkter.txt").read_text("utf-8")))
    assert doubled.count("<li>") == 3 and "•" not in doubled and "<li>- " not in doubled
    wrapped = str(markdown_to_html((CORPUS / "ombrudt-som-i-yaml.txt").read_text("utf-8")))
    assert wrapped.count("<p>") == 2 and "<br>" not in wrapped  # a file's wrapping is not a line break
    form = str(markdown_to_html(from_form((CORPUS / "ombrudt-som-i-yaml.txt").read_text("utf-8"))))
    assert form.count("<p>") == 2 and form.count("<br>") == 2  # each line break written in the form is kept
