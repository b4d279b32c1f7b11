"""Render scripts/deling.svg to docs/images/deling.png, the image a shared link shows (og:image).

Run once after changing the SVG, and commit the PNG: ``.venv/bin/python scripts/deling.py``.
It draws the SVG in the system's Chromium (``/usr/bin/chromium``, as the browser tests do) at
1200×630, the size Open Graph readers show in full. The build only copies the PNG.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

from jobcentertjek.bench.localserver import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "scripts" / "deling.svg"
TARGET = REPO / "docs" / "images" / "deling.png"
WIDTH, HEIGHT = 1200, 630


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.set_content(f'<body style="margin:0">{SOURCE.read_text("utf-8")}</body>')
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(TARGET), clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
        browser.close()
    print(f"{TARGET.relative_to(REPO)} ({TARGET.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
