"""Everything legible on a phone (issue 27, item 8): the organisation chart's labels measured in Chromium, the
partners page one line per partner, and a search that puts the current school year first."""

from __future__ import annotations

import pytest

from lea_site.load import load
from lea_site.render.pages import FOLD_AFTER

from ..conftest import DATA, DEMO_TODAY, SITE_DATA

pytestmark = pytest.mark.browser

MIN_LABEL = 12  # px, as the reader sees it: the computed font size times the SVG's scale

_LABELS = """() => {
  const svg = [...document.querySelectorAll('svg.lea-diagram__svg')].find(s => s.getBoundingClientRect().width > 0);
  if (!svg) return null;
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale]);
}"""


@pytest.mark.parametrize("name", list(SITE_DATA))
def test_organisation_chart_labels_are_12_px_at_375(name, sites, browser):
    base, root = sites[name]
    if not (root / "organisatie" / "index.html").is_file():
        pytest.skip(f"{name} has no bodies")
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(base + "organisatie/", wait_until="load")
    labels = page.evaluate(_LABELS)
    assert labels, name
    small = [(text, round(size, 1)) for text, size in labels if size < MIN_LABEL - 0.01]
    assert not small, f"{name}: labels below {MIN_LABEL} px at 375 px: {small[:5]}"
    # the page itself does not scroll sideways: only the chart's own region does
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_partners_page_is_one_line_per_partner_on_a_phone(sites, browser):
    agenda = load(DATA, DEMO_TODAY).agenda
    base, _ = sites["demo"]
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(base + "partners/", wait_until="load")
    assert not page.locator(".lea-partners-table").is_visible()
    rows = page.locator(".lea-partners-index li")
    assert rows.count() == len(agenda.partners)
    line = float(page.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)", rows.first.element_handle()))
    heights = [rows.nth(i).bounding_box()["height"] for i in range(rows.count())]
    assert max(heights) <= 4 * line + 1, heights  # a partner's name and role in a few lines, not a card of a screen
    for link in rows.locator("a").all():  # each line leads to the partner's own part of the page
        assert page.locator(link.get_attribute("href").split("#", 1)[1].join(['[id="', '"]'])).count() == 1
    # long lists fold: no open list longer than FOLD_AFTER
    lists = page.evaluate("() => [...document.querySelectorAll('article dl dd > ul')].filter(u => u.offsetParent !== null).map(u => u.children.length)")
    assert lists and max(lists) <= FOLD_AFTER
    height = page.evaluate("document.documentElement.scrollHeight")
    context.close()
    wide = browser.new_context(viewport={"width": 1280, "height": 800})
    page = wide.new_page()
    page.goto(base + "partners/", wait_until="load")
    assert page.locator(".lea-partners-table").is_visible() and not page.locator(".lea-partners-index").is_visible()
    wide.close()
    print(f"partners page at 375 px: {height} px ({height / 800:.1f} screens)")


def test_search_puts_the_current_school_year_first(sites, browser):
    agenda = load(DATA, DEMO_TODAY).agenda
    current = agenda.current_school_year(DEMO_TODAY)
    earlier = [p.schooljaar for p in agenda.jaarplannen if p.schooljaar < current]
    assert current and earlier  # the demo has last year's plan, which also names 'thuiszitters'
    base, _ = sites["demo"]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base, wait_until="load")
    page.fill("input.md-search__input", "thuiszitters")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    # The list is drawn as the search worker answers: read it once it has stopped changing (a fixed wait of
    # 300 ms read a half-drawn list on a busy machine).
    found, seen = [], None
    for _ in range(40):
        page.wait_for_timeout(250)
        found = [a.get_attribute("href") for a in page.query_selector_all(".md-search-result__item > a")]
        if found == seen:
            break
        seen = found
    context.close()

    def year_of(href: str) -> str | None:
        for year in [current, *earlier]:
            if f"schooljaren/{year}/" in href or f"#actie-{year}-" in href:
                return year
        return None

    years = [y for y in map(year_of, found) if y]
    assert years and years[0] == current, found[:6]
    past = [i for i, y in enumerate(years) if y in earlier]
    assert not past or max(i for i, y in enumerate(years) if y == current) < min(past), found  # all of this year, then the past
    assert year_of(next(h for h in found if "#actie-" in h)) == current, found  # the first action row is this year's
