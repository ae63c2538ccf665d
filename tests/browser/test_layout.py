"""Nothing is cut off (issue 15): at 320 to 1440 px no page scrolls sideways, and no table, chart
or diagram is wider than its box, on every page of the demo and of every fixture.

Wide tables reflow instead (cards on a phone, tighter wrapping columns on wider screens; see
docs/stylesheets/lea.css), charts and the governance diagram scale to the column, and the phone
header shows the municipality's short name instead of a cut-off site name.
"""

from __future__ import annotations

import pytest

from .conftest import page_urls

pytestmark = pytest.mark.browser

WIDTHS = [320, 375, 768, 1280, 1440]
SITES = ["demo", "leidschendam-voorburg", "havenstad", "vijfheerenlanden", "westland", "zuidwaard"]
# The demo and two fixtures at every width; the other fixtures (the same CSS, other shapes of
# agenda) at the narrowest phone and a laptop, so the run stays within CI's time.
FULL = {"demo", "leidschendam-voorburg", "havenstad"}

# Every box that could scroll or clip: our table and diagram boxes, the scroll box Material's script
# wraps tables in, and the figures; then every table, chart and diagram against the main column.
MEASURE = """() => {
  const out = [];
  const page = document.scrollingElement.scrollWidth - window.innerWidth;
  if (page > 0) out.push(`de pagina is ${page}px breder dan het scherm`);
  const boxes = document.querySelectorAll(
    '.lea-scroll, .md-typeset__scrollwrap, .md-typeset__table, .lea-figure, .lea-bars, .lea-diagram');
  for (const el of boxes) {
    const over = el.scrollWidth - el.clientWidth;
    if (over > 1) out.push(`${el.className} "${el.getAttribute('aria-label') || ''}" schuift ${over}px`);
  }
  const column = document.querySelector('.md-content .md-typeset').getBoundingClientRect();
  for (const el of document.querySelectorAll('.md-typeset table, svg.lea-chart, svg.lea-diagram__svg')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0) continue;  /* not shown at this width */
    if (box.right > column.right + 1 || box.left < column.left - 1)
      out.push(`${el.tagName.toLowerCase()} ${el.getAttribute('class') || ''} steekt buiten de kolom `
               + `(${Math.round(box.left)}-${Math.round(box.right)} tegen ${Math.round(column.left)}-${Math.round(column.right)})`);
  }
  return out;
}"""


# A word in a table breaks only at a space or hyphen from a tablet up: never "Dek king" to make a
# column narrower (words of one or two letters aside). On a phone the column names of the cards
# ("Beschikbaar") stay whole; a long word in a value may break there.
BROKEN_WORDS = """(where) => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest(where)) continue;
    for (const m of node.textContent.matchAll(/[^\\s\\-\\/.]{3,}/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top)));
      if (lines.size > 1) out.push(`"${m[0]}" breekt midden in het woord`);
    }
  }
  return out;
}"""


# Material animates some widths (the search box); measured mid-animation after a resize, the page
# would seem wider than it is.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@pytest.mark.parametrize("name", SITES)
def test_nothing_is_cut_off_or_scrolls_sideways(name, sites, browser):
    """Each page is loaded once and measured at every width (the viewport is resized: the CSS media
    queries and Material's layout follow it as they do on a real resize)."""
    base, root = sites[name]
    problems = []
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    page = context.new_page()
    for rel in page_urls(root):
        page.goto(base + rel, wait_until="load")
        page.add_style_tag(content=NO_TRANSITIONS)
        for width in (WIDTHS if name in FULL else [320, 1280]):
            page.set_viewport_size({"width": width, "height": 900})
            found = page.evaluate(MEASURE) + page.evaluate(BROKEN_WORDS, "table" if width >= 768 else ".lea-cell-label")
            problems += [f"{name} {rel or '/'} bij {width}px: {p}" for p in found]
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [320, 375])
def test_phone_header_shows_the_short_name(width, sites, browser):
    """'Lokale Educatieve A...' no more: on a phone the header names the municipality, whole."""
    base, _ = sites["demo"]
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base, wait_until="load")
    short = page.locator(".md-header__topic .lea-site-name--kort").first
    assert short.is_visible() and short.inner_text().strip() == "Lindeveen"
    assert not page.locator(".md-header__topic .lea-site-name--lang").first.is_visible()
    fits = page.evaluate("el => el.scrollWidth <= el.clientWidth", page.locator(".md-header__topic .md-ellipsis").first.element_handle())
    assert fits, "the short name is cut off"
    context.close()


def test_wide_header_keeps_the_full_name(sites, browser):
    base, _ = sites["demo"]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base, wait_until="load")
    assert page.locator(".md-header__topic .lea-site-name--lang").first.is_visible()
    assert not page.locator(".md-header__topic .lea-site-name--kort").first.is_visible()
    context.close()


@pytest.mark.parametrize("width", [320, 375])
def test_file_and_column_names_on_the_open_data_page_stay_whole_on_a_phone(width, sites, browser):
    """'agend a.json', 'statu s' no more: a file or column name on the page Open data breaks only at a
    hyphen, a dot or after an underscore, and the tables still fit the phone."""
    base, _ = sites["demo"]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base + "open-data/", wait_until="load")
    page.add_style_tag(content=NO_TRANSITIONS)
    assert page.locator(".lea-columns td:first-child").count() > 50  # the files and every column of every table
    found = page.evaluate(BROKEN_WORDS, ".lea-columns td:first-child") + page.evaluate(MEASURE)
    context.close()
    assert not found, "\n".join(found)
