"""Names as written (issue 27): a title with ', &, < and quotes reaches every place escaped exactly once.

Every text field of the demo holds such a title; every page is opened in Chromium and the
accessibility tree Chromium builds (what a screen reader announces) is read through the DevTools
protocol: no accessible name, and no page title, shows a character reference (``&#x27;``, ``&amp;``),
and Material's previous/next links, the menu and the headings carry the title as written.
"""

from __future__ import annotations

import re

import pytest

from lea_site.accessibility import serve

from ..conftest import DATA, DEMO_TODAY
from ..injection import inject
from ..sitebuild import build
from .conftest import page_urls

pytestmark = pytest.mark.browser

TITLE = "programma's & \"IKC's\" <b>samen</b> 's-Hertogenbosch"
# A character reference in what a reader hears: the title was escaped twice somewhere.
ESCAPED = re.compile(r"&(?:#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);")


@pytest.fixture(scope="module")
def named_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("names")
    inject(DATA, tmp / "data", TITLE)
    run = build(tmp / "data", tmp / "out", DEMO_TODAY.isoformat(), strict=False)
    assert run.returncode == 0, run.stderr[-3000:]
    root = tmp / "out" / "site"
    with serve(root) as base:
        yield base, root


def _names(cdp) -> list[tuple[str, str]]:
    """(role, accessible name) of every node in Chromium's accessibility tree of the page."""
    tree = cdp.send("Accessibility.getFullAXTree")
    out = []
    for node in tree["nodes"]:
        name = (node.get("name") or {}).get("value")
        if isinstance(name, str) and name:
            out.append(((node.get("role") or {}).get("value", ""), name))
    return out


def test_titles_are_read_as_written(named_site, browser):
    base, root = named_site
    page = browser.new_page()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Accessibility.enable")
    problems: list[str] = []
    footer_links = headings = menu = 0
    pages = page_urls(root)
    assert len(pages) > 15
    for rel in pages:
        page.goto(base + rel, wait_until="load")
        title = page.title()
        if ESCAPED.search(title):
            problems.append(f"/{rel}: <title> {title!r}")
        for role, name in _names(cdp):
            if ESCAPED.search(name):
                problems.append(f"/{rel}: {role} {name[:120]!r}")
        # Material's previous/next links name the page they lead to, as its menu entry does.
        for link in page.locator("a.md-footer__link").all():
            label = link.get_attribute("aria-label") or ""
            if TITLE in link.inner_text():
                footer_links += 1
                # The name (aria-label, as Chromium computes it) holds the title as it is shown (label-content-name-mismatch).
                shown = " ".join(link.inner_text().split())
                named = page.evaluate("el => el.getAttribute('aria-label')", link.element_handle())
                if TITLE not in named or TITLE not in shown:
                    problems.append(f"/{rel}: previous/next link {label!r} shows {shown!r}")
        headings += page.get_by_role("heading", name=TITLE, exact=False).count()
        menu += page.locator("nav.md-nav--primary").get_by_role("link", name=TITLE, exact=False).count()
    page.close()
    assert not problems, "\n".join(problems[:20])
    assert footer_links > 0 and headings > 0 and menu > 0, (footer_links, headings, menu)
