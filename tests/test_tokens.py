"""The default look: the NL Design System's voorbeeld tokens, copied in, mapped onto Material, contrast checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lea_site.colours import DARK, contrast, parse_colour
from lea_site.tokens import MAPPING, PRODUCT_TOKENS, ROLES, read_tokens, resolve, token_problems

DOCS = Path(__file__).resolve().parent.parent / "docs"
VOORBEELD = (DOCS / PRODUCT_TOKENS).read_text(encoding="utf-8")
NLDS = (DOCS / MAPPING).read_text(encoding="utf-8")


def test_the_voorbeeld_set_says_where_it_is_from_and_its_licence():
    head = VOORBEELD[:1500]
    assert "@nl-design-system-unstable/voorbeeld-design-tokens, versie 7.4.1" in head and "EUPL-1.2" in head
    licence = (DOCS / "stylesheets" / "tokens" / "LICENSE-voorbeeld.txt").read_text(encoding="utf-8")
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in licence
    assert "SIL Open Font License" in (DOCS / "assets" / "fonts" / "noto-sans" / "OFL.txt").read_text(encoding="utf-8")


def test_every_token_the_voorbeeld_set_refers_to_is_in_it():
    tokens = read_tokens(VOORBEELD)
    assert len(tokens) > 600
    missing = {ref for t in tokens.values() for ref in re.findall(r"var\((--[\w-]+)", t.value)} - set(tokens)
    assert not missing


def test_the_voorbeeld_colours_pass_in_both_schemes():
    assert token_problems(VOORBEELD) == []
    tokens = read_tokens(VOORBEELD)
    for role in ROLES:  # and the colours are the set's own, not the fallbacks
        value, _ = resolve(tokens, role.token)
        assert parse_colour(value), role


def test_the_mapping_stylesheet_uses_each_checked_token_with_the_products_colour_as_fallback():
    for role in ROLES:
        assert f"var({role.token}, {role.fallback})" in NLDS, role.token
    # The fallbacks themselves pass, so a token set that lacks a token still gives a readable site.
    for role in ROLES:
        assert all(contrast(role.fallback, surface) >= role.needed for surface in role.surfaces), role


def test_nothing_in_the_product_stylesheets_comes_from_another_host():
    for css in (DOCS / "stylesheets").rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@import" not in text, css
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            assert not re.match(r"(https?:)?//", url), (css, url)
            assert (css.parent / url).resolve().is_file(), (css, url)  # every font is in the repository


TOO_LIGHT = """:root {
  --merk-blauw: #7fb2ff;
  --basis-color-action-2-color-default: var(--merk-blauw);
  --basis-color-default-bg-document: #ffffff;
}
"""


def test_a_token_set_with_a_faint_link_colour_is_refused_at_the_line_of_the_colour():
    problems = token_problems(TOO_LIGHT)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.line == 2 and problem.token == "--merk-blauw"
    assert problem.message.startswith("#7fb2ff (via --basis-color-action-2-color-default) heeft te weinig contrast met "
                                      "#f2f5fa voor de links (1,9:1, nodig is 4,5:1); de dichtstbijzijnde tint")  # the light boxes decide
    better = problem.message.rsplit(" ", 1)[-1]
    assert contrast(better, "#f2f5fa") >= 4.5 and contrast(better, "#ffffff") >= 4.5


def test_the_dark_scheme_colours_of_a_token_set_are_checked_against_the_dark_page():
    text = ":root {\n  --basis-color-action-2-inverse-color-subtle: #00568b;\n}\n"
    (problem,) = token_problems(text)
    assert "met #242b38 voor de links in de donkere weergave" in problem.message  # the dark boxes decide
    better = problem.message.rsplit(" ", 1)[-1]
    assert all(contrast(better, surface) >= 4.5 for surface in DARK)  # lightened, not darkened


@pytest.mark.parametrize("text,expected", [
    (".voorbeeld-theme {\n  --basis-color-action-2-color-default: #00568b;\n}\n", "niet op :root"),
    (":root {\n  --utrecht-link-color: #00568b;\n}\n", "geen basistokens"),
    (":root {\n  --basis-color-action-2-color-default: rgba(0, 0, 0, 0.5);\n}\n", "geen kleur die gecontroleerd kan worden"),
])
def test_a_file_that_is_not_a_usable_token_set_says_why(text: str, expected: str):
    problems = token_problems(text)
    assert problems and expected in problems[0].message


@pytest.mark.parametrize("value,expected", [
    ("#FFF", "#ffffff"), ("#00568b", "#00568b"), ("#00568bff", "#00568b"), ("rgb(0, 86, 139)", "#00568b"),
    ("rgb(0 86 139 / 100%)", "#00568b"), ("hsla(232deg, 15%, 14%, 1)", "#1e2029"), ("white", "#ffffff"),
    ("#00568b80", None), ("transparent", None), ("var(--x)", None), ("red; } body {", None),
])
def test_colours_are_read_as_css_writes_them(value: str, expected: str | None):
    assert parse_colour(value) == expected


def test_a_later_definition_wins_and_comments_do_not_count():
    tokens = read_tokens(":root {\n  /* --a: #000; */\n  --a: #111111;\n  --b: var(--missing, #222222);\n}\n:root { --a: #333333; }\n")
    assert tokens["--a"].value == "#333333" and tokens["--a"].line == 6
    assert resolve(tokens, "--b")[0] == "#222222"
