"""The editors' tasks of the README ("Voor redacteuren"), each tried on a site made by `lea init`, in one build.

Home page text, a page of one's own in the menu, a progress note on the site, house colours, logo,
favicon, font and a token set of one's own: each is done the way the README tells a non-programmer.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from lea_site.init import init_site

from .sitebuild import ROOT, lea

TODAY = date(2026, 12, 1)
NOTE = "De eerste bijeenkomst met de kinderopvang en de scholen is geweest."
INTRO = "Samen zorgen we dat elk kind in Veendam een goede start maakt."
PAGE = "# Nieuws en activiteiten\n\nOp 12 maart is er een informatieavond in de bibliotheek.\n"
VOORBEELD = (ROOT / "docs" / "stylesheets" / "tokens" / "voorbeeld.css").read_text(encoding="utf-8")
OWN_TOKENS = VOORBEELD.replace(
    "--voorbeeld-kleuren-blauw-500: #00568b;", "--voorbeeld-kleuren-blauw-500: #0b5e3a;")
HOUSE = """    kleuren:
      primair: "#004b87"
      accent: "#b5121b"
    logo: assets/logo.svg
    favicon: assets/favicon.png
    lettertype:
      naam: Veendam Sans
      normaal: assets/fonts/veendam-400.woff2
    tokens: stylesheets/veendam-tokens.css
"""


def _add_to_extra_lea(config: Path, block: str) -> str:
    """``block`` under ``extra.lea`` of the site's mkdocs.yml, after the line with the data folder."""
    text = re.sub(r"(?m)^(    data: data.*)$", lambda m: m[1] + "\n" + block.rstrip("\n"), config.read_text(encoding="utf-8"), count=1)
    config.write_text(text, encoding="utf-8")
    return text


def _edit_as_the_readme_says(site: Path) -> None:
    # Tekst van de homepagina: de samenvatting in data/agenda.yml.
    agenda = site / "data" / "agenda.yml"
    text = agenda.read_text(encoding="utf-8")
    agenda.write_text(re.sub(r"  samenvatting: >-\n(    .*\n)+", f"  samenvatting: {INTRO}\n", text, count=1), encoding="utf-8")
    # Een eigen pagina: een bestand in docs/.
    (site / "docs" / "nieuws-en-activiteiten.md").write_text(PAGE, encoding="utf-8")
    # Een voortgangsnotitie bij een actie in het jaarplan.
    plan = site / "data" / "jaarplannen" / "2026-2027.yml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("          status: gepland\n", f"          status: lopend\n          voortgang:\n"
                                 f"            - {{datum: 2026-11-20, tekst: {NOTE}}}\n", 1), encoding="utf-8")
    # Huisstijl: de bestanden in docs/, de instellingen in mkdocs.yml.
    (site / "docs" / "assets" / "fonts").mkdir(parents=True)
    (site / "docs" / "assets" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>', encoding="utf-8")
    (site / "docs" / "assets" / "favicon.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (site / "docs" / "assets" / "fonts" / "veendam-400.woff2").write_bytes(b"wOF2")
    (site / "docs" / "stylesheets").mkdir()
    (site / "docs" / "stylesheets" / "veendam-tokens.css").write_text(OWN_TOKENS, encoding="utf-8")
    _add_to_extra_lea(site / "mkdocs.yml", HOUSE)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("editors") / "lea-veendam"
    init_site(site, name="Veendam", today=TODAY)
    _edit_as_the_readme_says(site)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEA_PDF", "nee")  # the PDFs are not what these tasks are about (seconds)
        run = lea("build", "--strict", cwd=site, today=TODAY)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
    return site / "site"


def _page(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def test_the_home_page_shows_the_new_text(built: Path):
    assert INTRO in _page(built, "index.html").get_text(" ")


def test_a_page_of_ones_own_is_in_the_menu(built: Path):
    menu = _page(built, "index.html").select("nav.md-nav--primary a.md-nav__link")
    assert any(a.get_text(" ", strip=True) == "Nieuws en activiteiten" and "nieuws-en-activiteiten/" in a["href"] for a in menu)
    assert "informatieavond in de bibliotheek" in _page(built, "nieuws-en-activiteiten/index.html").get_text(" ")


def test_a_progress_note_is_on_the_site(built: Path):
    assert NOTE in _page(built, "voortgang/index.html").get_text(" ")
    assert NOTE in _page(built, "ambities/goede-start/index.html").get_text(" ")


def test_house_colours_logo_favicon_font_and_own_tokens_reach_every_page(built: Path):
    home = _page(built, "index.html")
    sheets = [link["href"] for link in home.select('link[rel="stylesheet"]')]
    local = [s for s in sheets if "assets/stylesheets/" not in s]  # the theme's own come first
    assert [s.removeprefix("./").split("?")[0] for s in local] == [
        "stylesheets/lea.css", "stylesheets/veendam-tokens.css", "stylesheets/nlds.css",
        "stylesheets/kleuren.css", "stylesheets/lettertype.css"]
    colours = (built / "stylesheets" / "kleuren.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #004b87;" in colours and "--lea-target: #b5121b;" in colours
    assert "#0b5e3a" in (built / "stylesheets" / "veendam-tokens.css").read_text(encoding="utf-8")
    font = (built / "stylesheets" / "lettertype.css").read_text(encoding="utf-8")
    assert 'font-family: "Veendam Sans"' in font and 'url("../assets/fonts/veendam-400.woff2")' in font
    assert (built / "assets" / "fonts" / "veendam-400.woff2").is_file()
    assert home.select_one('.md-header img[src$="assets/logo.svg"]') is not None
    assert home.select_one('link[rel="icon"]')["href"].endswith("assets/favicon.png")
    # Nothing from another host: every stylesheet, script, icon and image is the site's own.
    for tag, attr in (("link", "href"), ("script", "src"), ("img", "src")):
        for element in home.find_all(tag):
            value = element.get(attr) or ""
            if tag == "link" and "alternate" in (element.get("rel") or []):
                continue
            assert not re.match(r"(https?:)?//", value), element


@pytest.mark.parametrize("block,expected", [
    ("    logo: https://www.veendam.nl/logo.svg", "mkdocs.yml:{line}: extra.lea.logo: 'https://www.veendam.nl/logo.svg' is een adres van een andere website"),
    ("    favicon: assets/favicon.png", "mkdocs.yml:{line}: extra.lea.favicon: het bestand docs/assets/favicon.png bestaat niet"),
    ("    lettertype: {naam: Fira Sans}", "mkdocs.yml:{line}: extra.lea.lettertype.normaal: ontbreekt"),
    ("    kleur: {primair: \"#004b87\"}", "mkdocs.yml:{line}: extra.lea.kleur: onbekende instelling; bedoelde u 'kleuren'?"),
])
def test_a_house_style_setting_that_cannot_work_is_an_error_with_file_and_line(tmp_path: Path, monkeypatch, block: str, expected: str):
    from lea_site.cli import _site_settings

    site = tmp_path / "s"
    init_site(site, name="Veendam", today=TODAY)
    text = _add_to_extra_lea(site / "mkdocs.yml", block)
    line = text.splitlines().index(block) + 1
    monkeypatch.chdir(site)  # lea check names the file as the editor sees it: from the site folder
    problems = [str(p) for p in _site_settings(Path("mkdocs.yml"))]
    assert len(problems) == 1 and problems[0].startswith(expected.format(line=line)), problems


def test_an_own_token_set_that_fails_contrast_stops_lea_check_at_its_line(tmp_path: Path):
    site = tmp_path / "s"
    init_site(site, name="Veendam", today=TODAY)
    (site / "docs" / "stylesheets").mkdir(parents=True)
    faint = VOORBEELD.replace("--voorbeeld-kleuren-blauw-500: #00568b;", "--voorbeeld-kleuren-blauw-500: #7fb2ff;")
    (site / "docs" / "stylesheets" / "tokens.css").write_text(faint, encoding="utf-8")
    _add_to_extra_lea(site / "mkdocs.yml", "    tokens: stylesheets/tokens.css")
    line = faint.splitlines().index("  --voorbeeld-kleuren-blauw-500: #7fb2ff;") + 1
    run = lea("check", cwd=site, today=TODAY)
    assert run.returncode == 1
    assert (f"docs/stylesheets/tokens.css:{line}: --voorbeeld-kleuren-blauw-500: #7fb2ff (via --basis-color-action-2-color-default) "
            "heeft te weinig contrast met #f2f5fa voor de links (1,9:1, nodig is 4,5:1)") in run.stdout, run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def test_every_house_style_setting_is_in_the_readme():
    from lea_site.housestyle import KNOWN

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Voor redacteuren"):readme.index("## Wat er in deze map staat")]
    for key in KNOWN:
        assert f"    {key}:" in section or f"`{key}`" in section, key
    for key in ("primair", "accent", "primair_donker", "accent_donker", "naam", "normaal", "vet", "cursief", "vet_cursief"):
        assert key in section, key


def test_the_house_style_without_a_build(tmp_path: Path):
    """lea_site.housestyle on its own: the device's font, and no generated stylesheet when nothing is set."""
    from lea_site.housestyle import FONT, PRODUCT_TOKENS, house_style

    docs = ROOT / "docs"
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  lea:\n    lettertype: systeem\n", encoding="utf-8")
    style, problems = house_style(config, {"extra": {"lea": {"lettertype": "systeem"}}}, docs)
    assert problems == [] and "--md-text-font: system-ui;" in style.files[FONT]
    product = ["stylesheets/lea.css", PRODUCT_TOKENS, "stylesheets/nlds.css"]
    assert style.extra_css(product) == [*product, FONT]
    plain, problems = house_style(config, {}, docs)
    assert problems == [] and plain.files == {} and plain.theme == {} and plain.extra_css(product) == product
