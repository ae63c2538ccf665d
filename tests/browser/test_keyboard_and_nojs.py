"""Keyboard use (skip link, order, visible focus, no trap) and content without JavaScript."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none',
          underline: s.textDecorationLine.includes('underline'), visible: r.width > 0 && r.height > 0, y: r.top + window.scrollY,
          inArticle: !!el.closest('article'),
          rowY: (el.closest('tr') || el).getBoundingClientRect().top + window.scrollY};
}"""


def _tab_through(page, limit: int = 400) -> list[dict]:
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUS_STYLE)
        if info is None:  # focus left the document: we went all the way round
            break
        seen.append(info)
        if len(seen) > 3 and seen[-1] == seen[0]:
            break
    return seen


@pytest.mark.parametrize("path", ["", "ambities/{first}/"])
def test_keyboard_reaches_everything_with_visible_focus(path, sites, browser, demo_first_ambition):
    base, _ = sites["demo"]
    page = browser.new_page()
    page.goto(base + path.format(first=demo_first_ambition))
    focus = _tab_through(page)
    assert focus, "nothing takes keyboard focus"
    assert focus[0]["text"].lower().startswith("ga naar"), f"first Tab should reach the skip link, got {focus[0]}"
    assert len(focus) < 400, "keyboard trap: Tab never leaves the page"
    hidden = [f for f in focus if f["visible"] and not (f["outline"] or f["shadow"] or f["underline"])]
    assert not hidden, f"focus not visible on: {hidden[:5]}"
    content = [f for f in focus if f["visible"]]
    assert len(content) > 10
    # Sensible order: within the page's content, Tab moves down the page (row by row in tables), never back up.
    article = [f["rowY"] for f in focus if f["inArticle"] and f["visible"]]
    assert article and all(b >= a - 2 for a, b in zip(article, article[1:])), article
    page.close()


@pytest.mark.parametrize("path,selectors", [
    ("ambities/{first}/", ["table tbody tr", "svg.lea-chart", "svg.lea-chart > title", "svg.lea-chart > desc"]),
    ("begroting/", ["table tfoot tr", ".lea-bars__list li"]),
    ("organisatie/", ["svg.lea-diagram__svg", "h4"]),
    ("voortgang/", [".lea-timeline table tbody tr"]),
])
def test_content_without_javascript(path, selectors, sites, browser, demo_first_ambition):
    base, _ = sites["demo"]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + path.format(first=demo_first_ambition))
    for selector in selectors:
        assert page.locator(selector).count() > 0, f"{path}: {selector}"
        if not selector.endswith(("title", "desc")):  # an SVG's title and desc are read, not shown
            assert page.locator(selector).first.is_visible(), f"{path}: {selector} not visible"
    context.close()
