"""WCAG 2.1 AA with axe-core, no third-party requests, keyboard use and no-JS content, in Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import SITES, page_urls

pytestmark = pytest.mark.browser
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STATEMENT = Path(__file__).resolve().parents[2] / "docs" / "assets" / "toegankelijkheid.json"


@pytest.mark.parametrize("name", list(SITES))
def test_every_page_passes_axe_and_stays_on_origin(name, sites, browser, axe_source):
    base, root = sites[name]
    host = base.split("/")[2]
    foreign: list[str] = []
    report = []
    for scheme in ("light", "dark"):  # Material follows the system setting: both palettes are checked
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.on("request", lambda req: foreign.append(req.url) if req.url.split("/")[2] != host and not req.url.startswith("data:") else None)
        for rel in page_urls(root):
            page.goto(base + rel, wait_until="load")
            page.add_script_tag(content=axe_source)
            result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
            for violation in result["violations"]:
                for node in violation["nodes"]:
                    report.append(f"{scheme} {rel or '/'}: {violation['id']} ({violation['impact']}): {node['target']} {node.get('failureSummary', '')[:200]}")
        axe_version = page.evaluate("() => axe.version")
        context.close()
    chromium_version = browser.version
    record_result(name, {
        "pagina's": len(page_urls(root)), "schendingen": len(report), "verzoeken naar andere sites": len(foreign),
        "regels": TAGS, "kleurenschema's": ["licht", "donker"], "axe-core": axe_version, "chromium": chromium_version,
    })
    assert not report, "\n".join(report[:30])
    assert not foreign, foreign[:10]


def record_result(site: str, result: dict) -> None:
    """Write this run's outcome into docs/assets/toegankelijkheid.json, which the
    accessibility statement renders; the date changes only when the outcome does."""
    from datetime import date

    STATEMENT.parent.mkdir(parents=True, exist_ok=True)
    data = json.loads(STATEMENT.read_text(encoding="utf-8")) if STATEMENT.exists() else {}
    old = data.get(site, {})
    if {k: v for k, v in old.items() if k != "datum"} != result:
        data[site] = {**result, "datum": date.today().isoformat()}
        STATEMENT.write_text(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
