"""Jargon is explained where it appears, and search finds the row (issue 15), as a reader's browser shows it.

On every page of the demo and of one fixture, the first occurrence of each glossary term in the main
text is an ``<abbr>`` with its meaning, and the meaning is visible beside it (a title alone shows only
on hover, never on a touch screen). The same rule as tests/glossary_check.py, in Chromium. And a search
for 'peuteropvang' or 'thuiszitters' offers the activity's row on its page.
"""

from __future__ import annotations

import pytest

from lea_site.glossary import agenda_glossary
from lea_site.load import load
from lea_site.terms import SKIP

from ..conftest import SITE_DATA
from .conftest import page_urls

pytestmark = pytest.mark.browser

SITES = ["demo", "leidschendam-voorburg"]

FIRST_USES = """([terms, skip]) => {
  const names = Object.keys(terms).sort((a, b) => b.length - a.length).map(t => t.replace(/[-]/g, '\\\\-'));
  const pattern = new RegExp(`(?<![\\\\w&#-])(${names.join('|')})(?![\\\\w-])`, 'g');
  const main = document.querySelector('article');
  const seen = new Set(), out = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    let skipped = false;
    for (let el = parent; el && el !== main; el = el.parentElement)
      if (skip.includes(el.localName)) { skipped = true; break; }
    for (const m of node.textContent.matchAll(pattern)) {
      const term = m[1];
      if (seen.has(term)) continue;
      if (parent.localName === 'abbr' && node.textContent === term) {
        seen.add(term);
        const meaning = terms[term];
        const after = parent.nextSibling ? parent.nextSibling.textContent : '';
        const before = parent.previousSibling ? parent.previousSibling.textContent : '';
        const dd = parent.closest('dt') && parent.closest('dt').nextElementSibling;
        const beside = after.startsWith(` (${meaning})`) || (after.startsWith(')') && before.endsWith('('))
                       || (dd && dd.textContent === meaning);
        if (parent.title !== meaning || !beside) out.push(`${term}: <abbr title="${parent.title}"> zonder zichtbare uitleg`);
        const hidden = parent.closest('details:not([open])');
        if (!hidden && parent.getClientRects().length === 0) out.push(`${term}: de uitleg is niet te zien`);
        continue;
      }
      if (skipped) continue;
      seen.add(term);
      out.push(`${term}: …${node.textContent.slice(Math.max(0, m.index - 50), m.index + 20)}…`);
    }
  }
  return out;
}"""


def _terms(name: str) -> dict[str, str]:
    data, today = SITE_DATA[name]
    return agenda_glossary(load(data, today).agenda)


def test_every_page_explains_each_term_at_its_first_use(sites, browser):
    # The text and the stylesheets are what count: no scripts, fonts or pictures (a few seconds per site).
    context = browser.new_context(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    context.route("**/*.{woff2,woff,png,svg,ico,js}", lambda route: route.abort())
    page = context.new_page()
    problems = []
    try:
        for name in SITES:
            base, root = sites[name]
            terms = _terms(name)
            for url in page_urls(root):
                page.goto(base + url, wait_until="domcontentloaded")
                problems += [f"{name}/{url}: {p}" for p in page.evaluate(FIRST_USES, [terms, sorted(SKIP)])]
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_searching_a_dutch_word_offers_the_activitys_row(sites, browser):
    base, _ = sites["demo"]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(base, wait_until="networkidle")  # the search index is loaded by then
        for word, goal in (("peuteropvang", "vroeg-en-voorschool"), ("thuiszitters", "passend-onderwijs")):
            page.fill(".md-search__input", "")
            page.click(".md-search__input")
            page.keyboard.type(word, delay=10)  # as a reader types: Material searches on key events
            row = page.locator(f'.md-search-result a[href*="ambities/{goal}/?h={word}#actie-2026-2027-"]').first
            row.wait_for(state="attached", timeout=15000)
    finally:
        context.close()
