"""On a phone action tables become readable cards (that no page scrolls sideways, at 320 to 1440 px on
every site, is tests/browser/test_layout.py)."""

from __future__ import annotations

import pytest

from lea_site.accessibility import TAGS

pytestmark = pytest.mark.browser


def pages(ambition: str) -> list[str]:
    return [f"ambities/{ambition}/", "schooljaren/2026-2027/", "voortgang/"]  # partners: one line each on a phone (test_legible)


# 320 px only: 375 px is the same range of the stylesheet (tests/browser/test_layout.py measures both).
@pytest.mark.parametrize("width", [320])
def test_action_tables_become_cards_on_a_phone(width, sites, browser, axe_source, demo_first_ambition):
    base, _ = sites["demo"]
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems = []
    for rel in pages(demo_first_ambition):
        page.goto(base + rel, wait_until="load")
        tables = page.locator(".lea-stack table")
        assert tables.count() > 0, f"{rel} has stacked tables"
        first_row = tables.first.locator("tbody tr").first
        if page.evaluate("el => getComputedStyle(el).display", first_row.element_handle()) != "block":
            problems.append(f"{rel}: rows are not cards")
        label = first_row.locator(".lea-cell-label").first
        if not label.is_visible():
            problems.append(f"{rel}: a card does not name its fields")
        # Still a table for screen readers: the roles survive the change of display.
        caption = tables.first.locator("caption").inner_text()
        table = page.get_by_role("table", name=caption)
        if table.count() != 1 or table.get_by_role("columnheader").count() == 0 or table.get_by_role("cell").count() == 0:
            problems.append(f"{rel}: the cards lost their table semantics")
        page.add_script_tag(content=axe_source)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
        problems += [f"{rel}: axe {v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    context.close()
    assert not problems, "\n".join(problems)


def test_wide_screens_keep_the_table(sites, browser, demo_first_ambition):
    base, _ = sites["demo"]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base + f"ambities/{demo_first_ambition}/", wait_until="load")
    row = page.locator(".lea-stack table tbody tr").first
    assert page.evaluate("el => getComputedStyle(el).display", row.element_handle()) == "table-row"
    assert not row.locator(".lea-cell-label").first.is_visible()
    context.close()
