"""WCAG 2.1 AA with axe-core, no third-party requests, keyboard use and no-JS content, in Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import SITES, page_urls

pytestmark = pytest.mark.browser
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RESULTS = Path(__file__).parent / "results"


@pytest.mark.parametrize("name", list(SITES))
def test_every_page_passes_axe_and_stays_on_origin(name, sites, browser, axe_source):
    base, root = sites[name]
    host = base.split("/")[2]
    context = browser.new_context()
    page = context.new_page()
    foreign: list[str] = []
    page.on("request", lambda req: foreign.append(req.url) if req.url.split("/")[2] != host and not req.url.startswith("data:") else None)
    report = []
    for rel in page_urls(root):
        page.goto(base + rel, wait_until="load")
        page.add_script_tag(content=axe_source)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
        for violation in result["violations"]:
            for node in violation["nodes"]:
                report.append(f"{rel or '/'}: {violation['id']} ({violation['impact']}): {node['target']} {node.get('failureSummary', '')[:200]}")
    context.close()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"axe-{name}.json").write_text(json.dumps({"pages": len(page_urls(root)), "violations": report}, indent=1), encoding="utf-8")
    assert not report, "\n".join(report[:30])
    assert not foreign, foreign[:10]
