"""An old address of a renamed entry or a moved page, opened in Chromium, lands on the new page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from test_former_ids import RENAMED

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("old", "new"), RENAMED.items())
def test_an_old_address_lands_on_the_new_page(page, old, new):
    page.goto(f"/sager/{old}/")
    expect(page).to_have_url(re.compile(rf"/sager/{re.escape(new)}/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator('link[rel="canonical"]')).to_have_attribute("href", re.compile(rf"/sager/{re.escape(new)}/$"))


def test_without_javascript_the_old_address_still_leads_on(new_page):
    old, new = next(iter(RENAMED.items()))
    page = new_page(java_script_enabled=False)
    page.goto(f"/sager/{old}/")
    expect(page).to_have_url(re.compile(rf"/sager/{re.escape(new)}/$"))


def test_the_old_address_of_the_check_queue_lands_on_it(page):
    page.goto("/loefter/ikke-efterproevet-i-over-et-aar/")
    expect(page).to_have_url(re.compile(r"/loefter/skal-efterproeves/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Løfter, der skal efterprøves")
