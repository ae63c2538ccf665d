"""Money and words readable on any screen (issue 27): no amount, number or word breaks across lines
where it would fit, at 320, 375 and 1280 px, on every page of the demo and of every fixture.

Each token of the page's text (a run without a space; a no-break space binds "€ 20.600") is measured
in Chromium: the line boxes of its characters (``Range.getClientRects``). A token may break after a
hyphen, dash, slash or underscore ("2025-|2026", "laatste_|voortgang"), and a token longer than its
room must break somewhere (a web address); any other break is a broken token ("€ 20 | 6.00 | 0",
"Ko | ste | n"). The room is the token's block, and in a table laid out as a table half the table's
box: a column can always get that much, so a word narrower than that is never squeezed into pieces.
Wide tables (money, figures, the timeline) become cards on a phone instead (render/html.py
``table(stack=True)``); that nothing scrolls sideways is tests/browser/test_layout.py.
"""

from __future__ import annotations

import pytest

from .conftest import SITES, page_urls

pytestmark = pytest.mark.browser

WIDTHS = [320, 375, 1280]
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"

BROKEN_TOKENS = """() => {
  const out = [];
  const main = document.querySelector('.md-content');
  if (!main) return out;
  const blockOf = (el) => {
    while (el && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
    return el;
  };
  const lines = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const rects = [...range.getClientRects()].filter(b => b.width > 0.5);
    return [new Set(rects.map(b => Math.round(b.bottom))).size, rects.reduce((s, b) => s + b.width, 0)];
  };
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('svg, pre, .lea-sr')) continue;
    for (const m of node.textContent.matchAll(/[^ \\t\\n\\r\\f\\u200b]+/g)) {
      const [all, whole] = lines(node, m.index, m.index + m[0].length);
      if (all < 2) continue;
      const box = blockOf(el);
      const cs = getComputedStyle(box);
      /* The room a token has: its block's width; in a table laid out as a table, half the table's box
         (a column can always get that much): a word narrower than that must not be squeezed into pieces. */
      const room = cs.display === 'table-cell'
        ? box.closest('table').parentElement.clientWidth / 2
        : box.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      if (whole > room - 1) continue;  /* longer than its room (a web address): it must break somewhere */
      /* A token may break after a hyphen, dash or slash (2025-/2026, Q3/Q4); nowhere else where it fits. */
      let at = 0;
      for (const piece of m[0].split(/(?<=[-\\u2013\\u2014\\/_])/)) {
        const start = m.index + at;
        at += piece.length;
        const [n, width] = lines(node, start, start + piece.length);
        if (n < 2) continue;
        {
          const where = el.closest('table') ? (el.closest('.lea-scroll')?.getAttribute('aria-label') || 'tabel') : el.tagName.toLowerCase();
          out.push(`"${piece}" breekt over ${n} regels (${Math.round(width)}px, ruimte ${Math.round(room)}px) in ${where}`);
        }
      }
    }
  }
  return out;
}
"""


@pytest.mark.parametrize("name", list(SITES))
def test_no_token_breaks_where_it_would_fit(name, sites, browser):
    base, root = sites[name]
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    page = context.new_page()
    problems, pages = [], page_urls(root)
    assert len(pages) > 5
    for rel in pages:
        page.goto(base + rel, wait_until="load")
        page.add_style_tag(content=NO_TRANSITIONS)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            problems += [f"{name} /{rel} bij {width}px: {p}" for p in page.evaluate(BROKEN_TOKENS)]
    context.close()
    assert not problems, f"{len(problems)} gebroken:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("width", [320, 375])
def test_money_tables_are_cards_with_each_amount_labelled(width, sites, browser):
    """Every table on Begroting (per school year, per goal, the interventions' funding) is a card per row on
    a phone, and every amount in it stands beside the name of its column."""
    base, _ = sites["demo"]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base + "begroting/", wait_until="load")
    found = page.evaluate("""() => [...document.querySelectorAll('.md-content table')].map(t => ({
      caption: t.querySelector('caption').innerText,
      cards: [...t.querySelectorAll('tbody tr, tfoot tr')].every(r => getComputedStyle(r).display === 'block'),
      unlabelled: [...t.querySelectorAll('td')].filter(td => td.innerText.includes('€')
        && !(td.querySelector('.lea-cell-label') && td.querySelector('.lea-cell-label').offsetWidth > 0)).map(td => td.innerText),
    }))""")
    context.close()
    assert len(found) >= 3
    assert all(t["cards"] for t in found), [t["caption"] for t in found if not t["cards"]]
    assert not [t for t in found if t["unlabelled"]], [(t["caption"], t["unlabelled"][:3]) for t in found if t["unlabelled"]]


@pytest.mark.parametrize("width", [320, 375])
def test_phone_timeline_keeps_status_and_when(width, sites, browser):
    """On a phone the timeline is a card per action with its title, when it runs and its status, all visible."""
    base, _ = sites["demo"]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base + "voortgang/", wait_until="load")
    rows = page.locator(".lea-timeline tbody tr")
    assert rows.count() > 3
    for i in range(rows.count()):
        row = rows.nth(i)
        assert row.locator(".lea-status").first.is_visible(), row.inner_text()
        assert row.locator("th .lea-muted").last.is_visible(), row.inner_text()  # the planning, in words
    assert page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth")
    context.close()
