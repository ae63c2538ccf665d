"""`lea toegankelijkheid` on a real site: it checks every page in Chromium, writes the site's own
results, and the next build's statement shows them (issue 17)."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from bs4 import BeautifulSoup

from lea_site.accessibility import RESULTS, page_urls
from lea_site.render import format as fmt

from ..conftest import FIXTURE_TODAY, MINIMAL_AGENDA
from ..sitebuild import build, lea
from .conftest import AXE, CHROMIUM

pytestmark = pytest.mark.browser


def test_the_command_checks_the_site_and_the_statement_shows_its_own_results(tmp_path, browser, axe_source):
    del browser, axe_source  # only for the skip (or CI failure) when chromium or axe-core is missing
    # The smallest agenda: the command visits every page in both schemes, so fewer pages keep CI fast.
    data = tmp_path / "data"
    data.mkdir()
    (data / "agenda.yml").write_text(MINIMAL_AGENDA, encoding="utf-8")
    out = tmp_path / "site"
    (out / "docs").mkdir(parents=True)
    # a page of the site's own with text too light to read: the check must find it
    (out / "docs" / "proef.md").write_text('# Proef\n\n<p style="color: #bbbbbb">Lichtgrijze tekst op wit.</p>\n', encoding="utf-8")
    first = build(data, out, FIXTURE_TODAY.isoformat())
    assert first.returncode == 0, first.stderr
    pages = page_urls(out / "site")

    run = lea("toegankelijkheid", "--axe", str(AXE), "--browser", CHROMIUM, cwd=out, today=FIXTURE_TODAY)
    assert run.returncode == 1, run.stderr  # a violation fails the check (and so the workflow)
    assert "color-contrast" in run.stdout and "/proef/" in run.stdout
    results = json.loads((out / "docs" / RESULTS).read_text(encoding="utf-8"))
    assert results["site"] == "Testagenda (Testdorp)"
    assert results["pagina's"] == len(pages)
    assert results["schendingen per regel"] == {"color-contrast": 1}  # light grey on white; on dark it passes
    assert results["voorbeelden"][0].startswith("licht /proef/: color-contrast (serious)")
    assert results["verzoeken naar andere sites"] == 0
    assert results["datum"] == date.today().isoformat()
    assert re.fullmatch(r"\d+\.\d+\.\d+", results["axe-core"]) and results["chromium"]

    second = build(data, out, FIXTURE_TODAY.isoformat())
    assert second.returncode == 0, second.stderr
    page = BeautifulSoup((out / "site" / "toegankelijkheid" / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = " ".join(page.select_one("article").get_text(" ").split())
    assert "Testagenda" in text
    assert f"Pagina's getest {len(pages)}" in text and "Schendingen gevonden 1" in text
    assert f"De laatste controle was op {fmt.day(date.today())}" in text
    assert "color-contrast: 1 keer" in text
    assert "nog niet getest" not in text and "Lindeveen" not in text
