"""What the map and the rankings measure (issue 26, point 3), and colours with one meaning each
(point 7), at 375 and 1280 px and in both colour schemes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.site.sammenligning import TABLE_COLUMNS as COLUMNS  # the columns the page shows

from .helpers import DESKTOP, PHONE, SCHEMES, axe_report

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SIZES = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])


@pytest.fixture(scope="module")
def covered() -> int:
    corpus = Corpus.load(REPO / "cases")
    return sum(1 for slug in corpus.by_kommune if slug != "hele-landet")


def open_map(page: Page, path: str) -> None:
    page.goto(path)
    page.evaluate("() => document.querySelector('[data-jct-map]')?.scrollIntoView()")
    expect(page.locator(".jct-map__svg a")).to_have_count(98)


@pytest.mark.parametrize("path", ["/", "/kommuner/"])
@SIZES
def test_the_map_says_how_much_of_the_country_the_record_covers(new_page, path, viewport, covered):
    page = new_page(viewport=viewport)
    open_map(page, path)
    note = page.locator(".jct-map .jct-coverage")
    expect(note).to_be_visible()
    expect(note).to_contain_text(f"{covered} af de 98 kommuner")
    expect(note).to_contain_text("ikke hvor det står værst til")
    # the legend counts the kommuner in each colour: 98 in all, most of them "Ingen sager"
    legend = page.locator(".jct-map__legend--e li")
    counts = [int(re.search(r"\((\d+) kommuner?\)", text).group(1)) for text in legend.all_inner_texts()]
    assert sum(counts) == 98 and counts[0] == 98 - covered, counts


@pytest.mark.parametrize("column", [c for c in COLUMNS[1:] if c.numeric], ids=lambda c: c.slug)
def test_each_ranking_says_what_it_measures_and_leaves_hele_landet_out_of_the_order(new_page, column, covered):
    page = new_page(viewport=PHONE)
    page.goto(f"/kommuner/sorteret/{column.slug}/")
    note = page.locator(".jct-coverage")
    expect(note).to_contain_text(f"{covered} af de 98 kommuner")
    expect(note).to_contain_text(f"i kolonnen »{column.label}«")
    body = page.locator(".jct-compare tbody tr")
    expect(body).to_have_count(98)
    names = page.locator(".jct-compare tbody th").all_inner_texts()
    assert not any("Hele landet" in name for name in names)
    expect(page.locator(".jct-compare tfoot th")).to_have_text("Hele landet")
    # the order is by the column's figures, largest first, each shown beside its kommune
    index = COLUMNS.index(column)
    values = [float(v) for v in body.evaluate_all(f"rows => rows.map(r => r.cells[{index}].dataset.v)")]
    assert values == sorted(values, reverse=True)
    matching = int(re.search(r"og (\d+) kommuner? har et tal over 0", note.inner_text()).group(1))
    assert matching == sum(1 for v in values if v > 0)


def test_sorting_in_place_keeps_hele_landet_below_the_kommuner(page):
    page.goto("/kommuner/")
    page.locator(".jct-compare thead a", has_text="Sager").click()
    expect(page.locator("[data-jct-sort-status]")).to_have_text("Sorteret efter sager")
    assert "Hele landet" not in page.locator(".jct-compare tbody th").all_inner_texts()
    expect(page.locator(".jct-compare tfoot th")).to_have_text("Hele landet")


# --- colours ---------------------------------------------------------------------------------

def rgb(value: str) -> tuple[float, ...]:
    return tuple(float(x) for x in re.findall(r"[\d.]+", value)[:3])


def luminance(colour: tuple[float, ...]) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def hue(colour: tuple[float, ...]) -> float:
    import colorsys
    return colorsys.rgb_to_hls(*(c / 255 for c in colour))[0] * 360


def hue_apart(a, b) -> float:
    d = abs(hue(a) - hue(b)) % 360
    return min(d, 360 - d)


def look(page: Page, html: str) -> dict:
    """The background, text colour and sign of a badge, as the page draws it."""
    page.locator("article.md-content__inner").evaluate(f"el => el.insertAdjacentHTML('afterbegin', '<p id=\"probe\">{html}</p>')")
    return page.locator("#probe > span").evaluate("""el => {
        const s = getComputedStyle(el), b = getComputedStyle(el, '::before');
        const found = {background: s.backgroundColor, border: s.borderTopWidth, sign: b.content,
                       shape: [b.clipPath, b.borderRadius, b.transform].join(' ')};
        el.parentNode.remove();
        return found;
    }""")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_kritik_brudt_and_frist_overskredet_are_not_three_reds_and_holdt_is_not_opfoelgning(new_page, scheme):
    page = new_page(color_scheme=scheme)
    page.goto("/loefter/")
    report = look(page, '<span class="jct-badge jct-badge--report">Kritik</span>')
    update = look(page, '<span class="jct-badge jct-badge--update">Opfølgning</span>')
    broken = look(page, '<span class="jct-status jct-status--broken">Brudt</span>')
    overdue = look(page, '<span class="jct-status jct-status--overdue">Frist overskredet</span>')
    kept = look(page, '<span class="jct-status jct-status--kept">Holdt</span>')
    # told apart without reading: a type is an outlined badge with its timeline shape, a status a
    # filled badge with its own sign
    assert report["border"] != "0px" and broken["border"] == "0px"
    assert report["sign"] == '""' and broken["sign"] != overdue["sign"] != kept["sign"]
    assert report["shape"] != update["shape"]
    assert update["border"] != "0px" and kept["border"] == "0px"
    # and by colour: Brudt and Frist overskredet are hues apart, Opfølgning is teal and Holdt green,
    # and a tinted type badge is lighter (darker, in the dark scheme) than a filled status
    assert hue_apart(rgb(broken["background"]), rgb(overdue["background"])) >= 15
    assert hue_apart(rgb(update["background"]), rgb(kept["background"])) >= 30
    assert contrast(rgb(report["background"]), rgb(broken["background"])) >= 1.5
    assert contrast(rgb(update["background"]), rgb(kept["background"])) >= 1.5


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_locator_map_marks_the_kommune_in_ink_not_alarm_red(new_page, scheme):
    page = new_page(color_scheme=scheme)
    page.goto("/kommuner/haderslev/")
    here = rgb(page.locator(".jct-locator__here").evaluate("el => getComputedStyle(el).fill"))
    land = rgb(page.locator(".jct-locator__land").evaluate("el => getComputedStyle(el).fill"))
    assert max(here) - min(here) < 30, f"{here} is a colour, not the page's ink"
    assert contrast(here, land) >= 3


@pytest.mark.parametrize("scheme", SCHEMES)
def test_on_the_map_nothing_recorded_is_hatched_and_apart_from_a_few(new_page, scheme):
    page = new_page(color_scheme=scheme)
    open_map(page, "/kommuner/")
    fills = page.locator(".jct-map__svg").evaluate("""svg => {
        const fill = c => getComputedStyle(svg.querySelector('a.' + c)).fill;
        const pattern = svg.querySelector('#jct-none');
        return {none: fill('e0'), few: fill('e1'), ground: getComputedStyle(pattern.querySelector('rect')).fill,
                hatch: getComputedStyle(pattern.querySelector('path')).stroke};
    }""")
    assert "url(" in fills["none"] and "#jct-none" in fills["none"], fills
    few = rgb(fills["few"])
    assert contrast(few, rgb(fills["ground"])) >= 2, fills


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["/", "/loefter/", "/kommuner/", "/kommuner/haderslev/",
                                  "/sager/2018-04-10-taskforce-foertidspension-fleksjob/"])
def test_phone_layouts_have_no_wcag_violations(new_page, path, scheme):
    page = new_page(viewport=PHONE, color_scheme=scheme, is_mobile=True, has_touch=True)
    page.goto(path)
    if path == "/":
        open_map(page, path)
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
    count, report = axe_report(page)
    assert count == 0, f"{path} ({scheme}, 375 px):\n{report}"
