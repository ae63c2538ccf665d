"""Jargon is explained where it appears, and search finds the row (issue 15), as a reader's browser shows it.

On every page of the demo and of one fixture, the first occurrence of each glossary term in the main
text is an ``<abbr>`` with its meaning, and the meaning is visible beside it (a title alone shows only
on hover, never on a touch screen). The same rule as tests/glossary_check.py, in Chromium. And a search
for 'peuteropvang' or 'thuiszitters' offers the activity's row on its page.
"""

from __future__ import annotations

import pytest

from lea_site.glossary import agenda_glossary, agenda_names
from lea_site.load import load

from ..conftest import SITE_DATA
from ..glossary_check import unexplained
from .conftest import page_urls

pytestmark = pytest.mark.browser

SITES = ["demo", "leidschendam-voorburg"]

# What only a browser can tell: the explanation beside each explained term is really on screen (not hidden by
# CSS outside a closed <details>). Which uses need an explanation is decided by the same rules as the built
# pages' test (tests/glossary_check.py: names, written-out meanings and glued words are left alone).
VISIBLE = """() => {
  const out = [];
  for (const abbr of document.querySelectorAll('article abbr.lea-begrip')) {
    const note = abbr.nextElementSibling;
    const hidden = abbr.closest('details:not([open])');
    if (hidden) continue;
    if (abbr.getClientRects().length === 0) out.push(`${abbr.textContent}: de term is niet te zien`);
    if (note && note.classList.contains('lea-uitleg') && note.getClientRects().length === 0)
      out.push(`${abbr.textContent}: de uitleg is niet te zien`);
  }
  return out;
}"""


def _terms(name: str) -> tuple[dict[str, str], tuple[str, ...]]:
    data, today = SITE_DATA[name]
    agenda = load(data, today).agenda
    return agenda_glossary(agenda), agenda_names(agenda)


def test_every_page_explains_each_term_at_its_first_use(sites, browser):
    # The text and the stylesheets are what count: no scripts, fonts or pictures (a few seconds per site).
    context = browser.new_context(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    context.route("**/*.{woff2,woff,png,svg,ico,js}", lambda route: route.abort())
    page = context.new_page()
    problems = []
    try:
        for name in SITES:
            base, root = sites[name]
            terms, names = _terms(name)
            for url in page_urls(root):
                page.goto(base + url, wait_until="domcontentloaded")
                found = page.evaluate(VISIBLE) + unexplained(page.content(), terms, names)
                problems += [f"{name}/{url}: {p}" for p in found]
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
