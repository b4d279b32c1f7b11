"""Tables that fit a phone (issue 26, point 1), and Danish hyphenation as a reader sees it (point 2).

At 375 px every promise table, the Svartid table and the kommuner side by side show each row
as a card with each value's label, so that status, deadline and lateness are on screen without
scrolling sideways; screen readers still get a table with its headers. At 1280 px they are
tables, and the kommuner side by side fits. Headings and table cells break a word only where a
hyphen shows."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import DESKTOP, PHONE

pytestmark = pytest.mark.browser

SIZES = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
PROMISE_TABLES = ["/loefter/", "/loefter/ikke-vurderet/", "/kommuner/haderslev/"]
LONG_WORDS = "/sager/2022-05-ankestyrelsen-fejl-i-ti-af-elleve-sanktioner/"  # "kontanthjælpsmodtagere"

# Where a line breaks inside a word in the page's headings, captions and table cells: each
# break between two letters of one text run, unless the first is a soft hyphen (shown as "-"
# where it breaks), a hyphen, a dash or a slash.
WORDS_BROKEN_WITHOUT_A_HYPHEN = """() => {
  const found = [];
  const allowed = new Set(["\\u00ad", "-", "\\u2013", "/"]);
  const range = document.createRange();
  for (const element of document.querySelectorAll(".md-typeset :is(h1, h2, h3, h4, caption, th, td)")) {
    if (!element.checkVisibility()) continue;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      let previous = null;
      for (let i = 0; i < text.length; i++) {
        if (/\\s/.test(text[i])) { previous = null; continue; }
        range.setStart(node, i); range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (!box.height) continue;  // a soft hyphen where the line does not break
        if (previous && box.top >= previous.box.bottom - 1 && !allowed.has(text[previous.at])) {
          const word = text.slice(0, i).split(/\\s/).pop() + "|" + text.slice(i).split(/\\s/)[0];
          found.push(word.replace(/\\u00ad/g, ""));
        }
        previous = {box, at: i};
      }
    }
  }
  return found;
}"""


@pytest.fixture
def open_at(new_page):
    def open_page(path, viewport, **options):
        page = new_page(viewport=viewport, **options)
        page.goto(path)
        return page
    return open_page


@pytest.mark.parametrize("path", PROMISE_TABLES)
def test_on_a_phone_each_promise_is_a_card_with_status_deadline_and_lateness_on_screen(open_at, path):
    page = open_at(path, PHONE, is_mobile=True, has_touch=True)
    rows = page.locator(".jct-promises tbody tr[data-status]")
    assert rows.count() > 0
    for row in rows.all()[:20]:
        for label in ("Status", "Frist", "I forhold til fristen"):
            cell = row.locator(f'td[data-label="{label}"]')
            expect(cell).to_be_visible()
            box = cell.bounding_box()
            assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"], f"{label} leaves the screen: {box}"
            # the label is on screen beside the value (drawn from data-label, not from the column's position)
            shown = cell.evaluate("el => getComputedStyle(el, '::before').content")
            assert label in shown, shown
        badge = row.locator(".jct-status").first.bounding_box()
        assert badge["x"] + badge["width"] <= PHONE["width"]
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("path, selector", [("/loefter/", ".jct-promises"), ("/kommuner/haderslev/", ".jct-responses"),
                                            ("/kommuner/", ".jct-compare")])
@SIZES
def test_tables_stay_tables_for_screen_readers(open_at, path, selector, viewport):
    page = open_at(path, viewport)
    table = page.locator(selector)
    expect(table).to_have_attribute("role", "table")
    headers = table.get_by_role("columnheader")
    assert headers.count() >= 3
    # each body row is a row of cells (or a row header and cells), and every cell a card shows
    # says which column it belongs to
    body_rows = table.locator("tbody").get_by_role("row")
    assert body_rows.count() > 0
    first = body_rows.first
    cells = first.get_by_role("cell")
    assert cells.count() + first.get_by_role("rowheader").count() == headers.count()
    # the accessibility tree Chromium builds says "table", "row", "columnheader", "cell"
    tree = table.aria_snapshot()
    assert tree.startswith("- table"), tree[:200]
    assert "- columnheader" in tree and "- row" in tree and "- cell" in tree


@SIZES
def test_the_kommuner_side_by_side_fit_the_screen(open_at, viewport):
    page = open_at("/kommuner/", viewport)
    wrap = page.locator(".jct-table-wrap:has(.jct-compare)")
    fits = wrap.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert fits, wrap.evaluate("el => [el.scrollWidth, el.clientWidth]")
    display = page.locator(".jct-compare").evaluate("el => getComputedStyle(el).display")
    assert display == ("table" if viewport == DESKTOP else "block"), display
    if viewport == PHONE:
        # a kommune's card names each figure beside it; the headings stay, as links to sort by
        card = page.locator(".jct-compare tbody tr", has=page.locator('td[data-label="Sager"]:not([data-v="0"])')).first
        expect(card.locator('td[data-label="Sager"]')).to_be_visible()
        expect(page.locator(".jct-compare thead a", has_text="Sager")).to_be_visible()


def test_timelines_fit_a_phone_or_say_that_they_scroll(open_at):
    page = open_at("/kommuner/koebenhavn/", PHONE, is_mobile=True, has_touch=True)
    figures = page.locator("figure.jct-tl")
    assert figures.count() > 0
    for figure in figures.all():
        box = figure.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        if figure.evaluate("el => el.scrollWidth > el.clientWidth"):
            cue = figure.locator(".tl-key").evaluate("el => getComputedStyle(el, '::before').content")
            assert "stryg sidelæns" in cue, cue


@pytest.mark.parametrize("path", ["/loefter/", "/kommuner/", "/kommuner/haderslev/", LONG_WORDS,
                                  "/sager/2019-10-minister-kraever-redegoerelse/"])
@SIZES
def test_no_word_in_a_heading_or_a_table_breaks_without_a_hyphen(open_at, path, viewport):
    page = open_at(path, viewport)
    page.evaluate("() => document.querySelector('[data-jct-map]')?.scrollIntoView()")
    assert page.evaluate(WORDS_BROKEN_WITHOUT_A_HYPHEN) == []


def test_long_words_break_with_a_hyphen_in_a_narrow_place(open_at):
    """The check above must be able to fail: a soft hyphen is where a long word breaks."""
    page = open_at(LONG_WORDS, {"width": 320, "height": 700})
    heading = page.locator("h1")
    assert "\u00ad" in heading.evaluate("el => el.textContent")
    page.add_style_tag(content="h1 { hyphens: manual; } h1.jct-test { width: 7em; }")
    heading.evaluate("el => el.classList.add('jct-test')")
    assert page.evaluate(WORDS_BROKEN_WITHOUT_A_HYPHEN) == []
    # without the soft hyphens the same heading breaks a word where no hyphen shows
    heading.evaluate("el => el.textContent = el.textContent.replace(/\\u00ad/g, '')")
    page.add_style_tag(content=".md-typeset h1.jct-test { overflow-wrap: anywhere; }")
    assert page.evaluate(WORDS_BROKEN_WITHOUT_A_HYPHEN) != []
