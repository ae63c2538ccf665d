"""On a phone, a parent sees the way in on the first screen of the home page and reaches an age page with one tap."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 375, 800


def test_parents_block_is_on_the_first_screen_and_one_tap_opens_an_age_page(sites, browser):
    base, _ = sites["demo"]
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base, wait_until="load")
    heading = page.locator("section.lea-parents h2")
    assert heading.inner_text() == "Voor ouders: wat is er voor uw kind?"
    button = page.locator("section.lea-parents a.lea-agebutton").first
    box = button.bounding_box()
    assert box is not None and box["y"] + box["height"] <= HEIGHT, f"the first age button ends at {box}, below the first screen"
    assert box["height"] >= 44 and box["width"] >= 44, f"a tap target of {box['width']}x{box['height']} px is too small"
    heading_box = heading.bounding_box()
    assert heading_box is not None and 0 <= heading_box["y"] < box["y"]
    button.tap()
    page.wait_for_url("**/ouders/0-4/")
    assert page.locator("article h1").inner_text().startswith("Baby's, dreumesen en peuters")
    assert page.locator("article h2").first.inner_text().startswith("Wat kunt u doen of gebruiken?")
    context.close()
