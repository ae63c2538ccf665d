"""WCAG 2.1 and 2.2 AA with axe-core and no third-party requests, in Chromium, on the demo and every fixture.

The check is the one `lea toegankelijkheid` runs (lea_site.accessibility.check_pages); this test
records nothing: each site's statement shows its own run (tests/browser/test_statement.py).
"""

from __future__ import annotations

import pytest

from lea_site.accessibility import TAGS, check_pages

from .conftest import SITES, page_urls


def _one_of_each_kind(pages: list[str], goals: int = 3) -> list[str]:
    """The first ``goals`` goal pages, the first page of each other folder (a school year, an age group ...)
    and every top page."""
    seen, out = {"ambities": 0}, []
    for rel in pages:
        kind = rel.split("/")[0] if rel.count("/") > 1 else rel
        if kind == "ambities" and rel.count("/") > 1:
            if seen["ambities"] < goals:
                seen["ambities"] += 1
                out.append(rel)
        elif kind not in seen:
            seen[kind] = 1
            out.append(rel)
    return out

pytestmark = pytest.mark.browser


# The demo, the oldest seed agenda and the two fictional shapes (no year plans; a region with action lines).
@pytest.mark.parametrize("name", [n for n in SITES if n in ("demo", "leidschendam-voorburg", "havenstad", "zuidwaard")])
def test_every_page_passes_axe_and_stays_on_origin(name, sites, browser, axe_source):
    base, root = sites[name]
    # Every page of the demo; of a fixture (another shape of agenda, the same templates and CSS) one
    # page of each kind and three goal pages. The colour rules in the dark scheme (the same palette on
    # every page) run on one page of each kind, so the run stays within CI's time.
    kinds = _one_of_each_kind(page_urls(root))
    outcome = check_pages(browser, base, root, axe_source, pages=None if name == "demo" else kinds, dark=kinds)
    assert outcome.pages > 5
    assert not outcome.violations, "\n".join(outcome.violations[:30])
    assert not outcome.foreign, outcome.foreign[:10]


# WCAG 2.2 AA adds rules of its own (axe 4.11: target-size, 2.5.8); they depend on the layout, so every
# page of every site is checked at a phone's width and a laptop's (the rules of 2.0 and 2.1 above).
@pytest.mark.parametrize("name", list(SITES))
def test_every_page_passes_wcag22_at_phone_and_laptop_width(name, sites, browser, axe_source):
    base, root = sites[name]
    assert "wcag22aa" in TAGS
    problems, pages = [], page_urls(root)
    for width, height in ((375, 800), (1280, 720)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        for rel in pages:
            page.goto(base + rel, wait_until="load")
            page.add_script_tag(content=axe_source)
            result = page.evaluate("() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag22a', 'wcag22aa']}, "
                                   "resultTypes: ['violations']})")
            problems += [f"/{rel} bij {width}px: {v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
        context.close()
    assert not problems, "\n".join(problems[:30])


def test_a_very_long_table_is_checked_in_its_first_rows_and_the_rest_counted(tmp_path, browser, axe_source):
    """A year plan of 1,000 actions took axe minutes and 1.3 GB (issue 24, class 10): axe checks the first
    MAX_ROWS rows of a table or list (the rest has the same form) and the outcome counts the rows left out."""
    from lea_site.accessibility import MAX_ROWS, serve

    rows = "".join(f"<tr><td>Actie {i}</td><td>lopend</td></tr>" for i in range(MAX_ROWS + 300))
    bad = '<tr><td><img src="x.png"></td><td>een afbeelding zonder alt-tekst</td></tr>'  # a violation in the checked rows
    items = "".join(f"<li>Punt {i}</li>" for i in range(MAX_ROWS + 5))
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Lange tabel</title></head><body><main><article>'
        f"<h1>Lange tabel</h1><table><caption>Acties</caption><thead><tr><th>Actie</th><th>Status</th></tr></thead>"
        f"<tbody>{bad}{rows}</tbody></table><ul>{items}</ul></article></main></body></html>", encoding="utf-8")
    (tmp_path / "x.png").write_bytes(b"")
    with serve(tmp_path) as base:
        outcome = check_pages(browser, base, tmp_path, axe_source, pages=[""], dark=[])
    assert outcome.trimmed == (MAX_ROWS + 301 - MAX_ROWS) + 5
    assert any("image-alt" in v for v in outcome.violations), outcome.violations


def test_a_check_out_of_time_has_seen_one_page_of_each_kind_and_names_the_rest(sites, browser, axe_source):
    """The time budget (a pull request's build stays bounded): after it no new page is begun, but one page of
    each kind is always checked, and the outcome lists every page left unchecked."""
    from lea_site.accessibility import one_of_each_kind, page_urls

    base, root = sites["demo"]
    pages = page_urls(root)
    outcome = check_pages(browser, base, root, axe_source, dark=[], budget=0)
    first, rest = one_of_each_kind(pages)
    kinds = {rel.split("/")[0] if rel.count("/") > 1 else rel for rel in pages}
    assert {r.split("/")[0] if r.count("/") > 1 else r for r in first} == kinds and len(first) == len(kinds)
    assert sorted(outcome.unchecked) == sorted(rest) and rest  # budget 0: every page but one of each kind left out
    assert outcome.pages == len(pages)


def test_a_very_large_page_is_cut_to_the_element_budget_keeping_each_table_s_first_rows(tmp_path, browser, axe_source):
    """Many tables of fewer than MAX_ROWS rows still made a page of 7,255 elements that took axe 12 s (a year
    of 1,000 actions): beyond MAX_ELEMENTS every table keeps fewer rows, never none, so each kind of row is
    still checked (a fault in the first row of the last table is found) and the rows left out are counted."""
    from lea_site.accessibility import MAX_ELEMENTS, MAX_ROWS, _TRIM, serve

    tables, rows = 20, 150  # 20 x 150 rows of 4 elements: four times MAX_ELEMENTS, each table under MAX_ROWS
    assert rows < MAX_ROWS and tables * rows * 4 > 2 * MAX_ELEMENTS
    bad = '<tr><td><img src="x.png"></td><td>zonder alt-tekst</td><td>x</td></tr>'

    def table(n: int) -> str:
        body = "".join(f"<tr><td>Actie {n}.{i}</td><td>lopend</td><td>€ {i}</td></tr>" for i in range(rows))
        return (f"<table><caption>Tabel {n}</caption><thead><tr><th>Actie</th><th>Status</th><th>Geld</th></tr></thead>"
                f"<tbody>{bad if n == tables - 1 else ''}{body}</tbody></table>")

    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Groot</title></head><body><main><article>'
        f"<h1>Groot</h1>{''.join(table(n) for n in range(tables))}</article></main></body></html>", encoding="utf-8")
    (tmp_path / "x.png").write_bytes(b"")
    with serve(tmp_path) as base:
        outcome = check_pages(browser, base, tmp_path, axe_source, pages=[""], dark=[])
        page = browser.new_page()
        page.goto(base, wait_until="load")
        left = page.evaluate(_TRIM, [MAX_ROWS, MAX_ELEMENTS])
        kept = page.evaluate("() => [document.querySelector('article').getElementsByTagName('*').length, "
                             "Array.from(document.querySelectorAll('tbody')).map(b => b.children.length)]")
        page.close()
    elements, per_table = kept
    assert elements <= MAX_ELEMENTS, elements
    assert len(per_table) == tables and min(per_table) >= 1, per_table  # every table keeps its first rows
    assert left == outcome.trimmed == tables * rows + 1 - sum(per_table)  # every row left out is counted
    assert any("image-alt" in v for v in outcome.violations), outcome.violations  # the last table's first row was checked
