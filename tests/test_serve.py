"""`lea serve` on a real site, on both engines: a saved change is served, a data error puts a banner with
file, line and message (escaped) on top of every page above the last good content, and the next good save
takes it away; the terminal keeps to our Dutch lines."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from .serving import lea_serve

TITLE = "Consultatiebureau verwijst actief door"
PAGE = "ambities/vroeg-en-voorschool/"
# A data file whose name and content carry markup: both reach the banner, and both must arrive as text.
BROKEN_NAME = "<b>kapot&amp;.yml"
BROKEN = "partners:\n  - id: Kapot <script>alert(1)</script>\n    naam: Partner\n    sector: po\n"
PAGES = ["", "partners/", PAGE, "begroting/"]


def _banner(page: str) -> str:
    found = re.search(r"<!--lea-melding-->(.*?)<!--/lea-melding-->", page, re.S)
    return found[1].strip() if found else ""


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_change_then_an_error_then_the_fix_on_the_served_pages(tmp_path: Path, engine: str):
    if engine == "zensical":
        pytest.importorskip("zensical", reason="pip install -e '.[zensical]'")
    with lea_serve(tmp_path, "--engine", engine) as served:
        assert TITLE in served.get(PAGE) and not _banner(served.get(PAGE))
        plan = served.data / "jaarplannen" / "2026-2027.yml"
        plan.write_text(plan.read_text(encoding="utf-8").replace(TITLE, "Consultatiebureau verwijst nu direct door", 1), encoding="utf-8")
        served.wait_for(lambda: "Consultatiebureau verwijst nu direct door" in served.get(PAGE), "the saved change")

        (served.data / BROKEN_NAME).write_text(BROKEN, encoding="utf-8")
        served.wait_for(lambda: bool(_banner(served.get("partners/"))), "the banner")
        for path in PAGES:
            page = served.get(path)
            banner = _banner(page)
            assert banner, path
            text = html.unescape(re.sub(r"<[^>]+>", "", banner))
            # each error with its file and line, in Dutch, as text: the markup in the name and the value is escaped
            assert f"data/{BROKEN_NAME}, regel 2: partners[Kapot <script>alert(1)</script>].id: ongeldig id" in text, text
            assert "niet bijgewerkt" in text and "laatste goede versie" in text
            assert "<script>" not in banner and "<b>kapot" not in banner and "&lt;script&gt;" in banner
            assert page.index("lea-fouten") < page.index("<h1"), path  # above the content
        assert "Consultatiebureau verwijst nu direct door" in served.get(PAGE)  # the last good content stays

        (served.data / BROKEN_NAME).unlink()
        served.wait_for(lambda: not _banner(served.get("partners/")), "the banner to go")
        assert not any(_banner(served.get(path)) for path in PAGES)
    output = served.output
    assert "Traceback" not in output, output[-3000:]
    assert "gegevens gelezen in" in output and "laatste goede versie" in output
    # a quiet terminal: nothing of the engine's progress (Zensical's 'Build started', MkDocs' INFO lines)
    for noise in ("INFO", "[macros]", "Serving", "Build started", "No issues found", "Reloading"):
        assert noise not in output, (noise, output[-3000:])


def test_without_an_engine_named_lea_serve_uses_zensical(tmp_path: Path):
    pytest.importorskip("zensical", reason="pip install -e '.[zensical]'")
    with lea_serve(tmp_path, "--verbose") as served:  # --verbose: the engine's own lines say which one it is
        served.get("")
    assert "Build started" in served.output and "INFO" not in served.output
