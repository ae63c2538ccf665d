"""On a phone (320 and 375 px wide) pages fit the screen and action tables become readable cards."""

from __future__ import annotations

import pytest

from .conftest import page_urls
from lea_site.accessibility import TAGS

pytestmark = pytest.mark.browser


def pages(ambition: str) -> list[str]:
    return [f"ambities/{ambition}/", "schooljaren/2026-2027/", "partners/", "voortgang/", "ouders/4-12/"]


@pytest.mark.parametrize("width", [320, 375])
def test_no_page_scrolls_sideways_on_a_phone(width, sites, browser):
    # Wide tables and the diagram scroll inside their own box; the page itself never does.
    problems = []
    for name in sites:
        base, root = sites[name]
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for rel in page_urls(root):
            page.goto(base + rel, wait_until="load")
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                problems.append(f"{name} {rel or '/'}: {overflow}px wider than the screen")
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [320, 375])
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
