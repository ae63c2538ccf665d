"""House colours from mkdocs.yml (extra.lea.kleuren): checked for contrast, then used by the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from lea_site.colours import colour_problems, contrast_with_white, stylesheet

from .conftest import DATA, DEMO_TODAY
from .sitebuild import lea, site_folder


def test_contrast_follows_wcag():
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    assert contrast_with_white("#fff") == pytest.approx(1.0)
    assert contrast_with_white("#767676") == pytest.approx(4.54, abs=0.01)  # the classic AA grey


@pytest.mark.parametrize("kleuren", [
    {"primair": "#1f4e8c", "accent": "#a3195b"},
    {"primair": "#000"},
    {"accent": "#C8102E"},
    {"primair": " #004B87 "},
])
def test_readable_colours_are_accepted(kleuren):
    assert colour_problems(kleuren) == []


@pytest.mark.parametrize("kleuren,expected", [
    ({"primair": "#ffcc00"}, "extra.lea.kleuren.primair: #ffcc00 heeft te weinig contrast met wit en de lichte vlakken "
                             "(#f2f5fa) voor de kopbalk en links (1,3:1, nodig is 4,5:1)"),
    ({"primair": "#3a9ad9"}, "extra.lea.kleuren.primair: #3a9ad9 heeft te weinig contrast met wit en de lichte vlakken "
                             "(#f2f5fa) voor de kopbalk en links (2,8:1, nodig is 4,5:1)"),
    ({"primair": "#0074c2"}, "(#f2f5fa) voor de kopbalk en links (4,4:1, nodig is 4,5:1)"),  # 4,8:1 on white: the boxes decide
    ({"accent": "#f5a3c7"}, "extra.lea.kleuren.accent: #f5a3c7 heeft te weinig contrast met wit en de lichte vlakken (#f2f5fa) voor de focusrand en doellijnen"),
    ({"primair": "blauw"}, "extra.lea.kleuren.primair: 'blauw' is geen kleurcode"),
    ({"primair": "#12345"}, "extra.lea.kleuren.primair: '#12345' is geen kleurcode"),
    ({"primair": "#1f4e8c; } body { display: none"}, "is geen kleurcode"),
    ({"primair": 1234}, "'1234' is geen kleurcode"),
    ({"hoofdkleur": "#1f4e8c"}, "extra.lea.kleuren.hoofdkleur: onbekende kleur; bedoeld zijn 'primair' en 'accent'"),
    ({"primair_donker": "#1f4e8c"}, "extra.lea.kleuren.primair_donker: #1f4e8c heeft te weinig contrast met de donkere "
                                    "achtergrond (#1e2129 en #242b38) voor de links in de donkere weergave (1,7:1, nodig is 4,5:1)"),
    ("#1f4e8c", "extra.lea.kleuren: verwacht 'primair' en/of 'accent'"),
])
def test_unreadable_or_unknown_colours_are_refused_with_the_reason(kleuren, expected):
    problems = colour_problems(kleuren)
    assert len(problems) == 1 and expected in problems[0], problems


def test_all_colour_problems_at_once():
    assert len(colour_problems({"primair": "#ffff00", "accent": "roze", "extra": "#000"})) == 3


def test_stylesheet_sets_material_variables():
    css = stylesheet({"primair": "#004B87", "accent": "#a3195b"})
    assert "--md-primary-fg-color: #004b87;" in css and "--md-typeset-a-color: #004b87;" in css
    assert "--md-accent-fg-color: #a3195b;" in css and '[data-md-color-scheme="slate"]' in css


def test_the_dark_scheme_gets_a_tint_of_each_colour_that_passes_on_the_dark_page():
    import re

    from lea_site.colours import DARK, contrast

    css = stylesheet({"primair": "#004b87", "accent": "#b5121b"})
    dark = css[css.index('[data-md-color-scheme="slate"]'):]
    link = re.search(r"--md-typeset-a-color: (#[0-9a-f]{6});", dark)[1]
    ring = re.search(r"--lea-focus: (#[0-9a-f]{6});", dark)[1]
    assert all(contrast(link, s) >= 4.5 and contrast(ring, s) >= 3.0 for s in DARK)
    assert "--md-primary-fg-color: #004b87;" in dark  # the header keeps the house colour, with white text
    own = stylesheet({"primair": "#004b87", "primair_donker": "#8ecef6"})
    assert "--md-typeset-a-color: #8ecef6;" in own[own.index("slate"):]


def _with_colours(folder: Path, block: str) -> None:
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    data:", block + "\n    data:", 1), encoding="utf-8")


# That lea build puts the house colours after the product's stylesheets is tried in tests/test_editors.py
# (one build of a lea init site with every house-style setting).


def test_lea_build_refuses_unreadable_colours_before_writing_anything(tmp_path: Path):
    folder = site_folder(tmp_path, DATA)
    _with_colours(folder, '    kleuren:\n      primair: "#ffdd00"')
    run = lea("build", cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 1 and "extra.lea.kleuren.primair: #ffdd00 heeft te weinig contrast" in run.stderr, run.stderr
    assert not (folder / "site").exists() and not (folder / "build").exists()
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("colour,needed", [("#f9b000", 4.5), ("#ffcc00", 4.5), ("#3a9ad9", 4.5), ("#f5a3c7", 3.0), ("#ffffff", 4.5)])
def test_the_nearest_passing_colour_passes_and_keeps_the_hue(colour: str, needed: float):
    from lea_site.colours import _rgb, nearest_passing

    better = nearest_passing(colour, needed)
    assert contrast_with_white(better) >= needed
    assert contrast_with_white(better) < needed + 0.3 or colour == "#ffffff"  # darkened just enough
    r, g, b = _rgb(colour)
    r2, g2, b2 = _rgb(better)
    if max(r, g, b):  # same hue: the channels keep their proportions (within rounding)
        assert abs(r2 * g - g2 * r) <= 255 * 2 and abs(g2 * b - b2 * g) <= 255 * 2


def test_lea_check_refuses_an_unreadable_house_colour_with_file_line_and_a_better_one(tmp_path: Path):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(DATA, site / "data")
    (site / "mkdocs.yml").write_text('site_name: Test\nplugins: [lea]\nextra:\n  lea:\n    data: data\n    kleuren:\n'
                                     '      primair: "#f9b000"\n      accent: "#a3195b"\n', encoding="utf-8")
    run = lea("check", cwd=site, today=DEMO_TODAY)
    assert run.returncode == 1, run.stdout + run.stderr
    assert ("mkdocs.yml:7: extra.lea.kleuren.primair: #f9b000 heeft te weinig contrast met wit en de lichte vlakken (#f2f5fa) "
            "voor de kopbalk en links (1,7:1, nodig is 4,5:1); de dichtstbijzijnde tint die wel genoeg contrast heeft is "
            "#946800") in run.stdout
    (site / "mkdocs.yml").write_text((site / "mkdocs.yml").read_text(encoding="utf-8").replace("#f9b000", "#946800"), encoding="utf-8")
    run = lea("check", cwd=site, today=DEMO_TODAY)
    assert run.returncode == 0 and "kleuren" not in run.stdout, run.stdout
