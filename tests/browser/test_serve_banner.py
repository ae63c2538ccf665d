"""The error banner of `lea serve`, as an editor sees it in Chromium: at the top of the page, before the content."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..serving import lea_serve

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [375, 1280])
def test_the_banner_is_visible_at_the_top_of_the_page(tmp_path: Path, browser, width: int):
    with lea_serve(tmp_path) as served:  # the default engine
        partners = served.data / "partners.yml"
        partners.write_text(partners.read_text(encoding="utf-8").replace("partners:", "partners:\n  - id: Kapot\n    naam: x\n", 1),
                            encoding="utf-8")
        served.wait_for(lambda: "lea-fouten" in served.get("partners/"), "the banner")
        page = browser.new_page(viewport={"width": width, "height": 800})
        try:
            page.goto(f"http://127.0.0.1:{served.port}/partners/")
            banner = page.locator(".lea-fouten")
            assert banner.is_visible()
            box, heading = banner.bounding_box(), page.locator("h1").first.bounding_box()
            assert box["y"] + box["height"] <= heading["y"]  # above the page's own heading
            assert box["y"] < 800 / 2 and box["height"] > 40  # in the first half of the first screen, not a sliver
            text = banner.inner_text()
            assert "data/partners.yml, regel" in text and "ongeldig id 'Kapot'" in text
        finally:
            page.close()
