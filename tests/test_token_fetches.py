"""Class 4 of issue 24: a design-token file that would make the browser load something (an @import, a url() in a
token, an @font-face from another host) is refused at lea check, at its line, as the logo and font settings are."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lea_site.init import init_site
from lea_site.tokens import PRODUCT_TOKENS, fetch_problems, token_problems

from .sitebuild import lea

DOCS = Path(__file__).resolve().parent.parent / "docs"
VOORBEELD = (DOCS / PRODUCT_TOKENS).read_text(encoding="utf-8")
TODAY = date(2026, 11, 22)

HOSTILE = {
    "import": "@import url(http://tracker.example.nl/t.css);",
    "import as a string": '@import "https://tracker.example.nl/t.css";',
    "url in a token": ":root { --basis-achtergrond: url(https://tracker.example.nl/pixel.png); }",
    "url in capitals, escaped": ":root { --x: U\\52L(//tracker.example.nl/p.png); }",
    "font face": '@font-face { font-family: X; src: url("https://fonts.example.nl/x.woff2"); }',
    "image-set": ":root { --x: image-set('https://tracker.example.nl/a.png' 1x); }",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_each_way_to_load_is_found_at_its_line(name):
    text = VOORBEELD + "\n" + HOSTILE[name] + "\n"
    problems = token_problems(text)
    assert problems and {p.line for p in problems} == {text.count("\n")}, problems
    assert "alleen waarden" in problems[0].message


def test_a_comment_or_a_string_value_is_no_load():
    assert fetch_problems(':root {\n  /* zie url(https://example.nl) */\n  --x: "\\201C";\n}\n') == []
    assert fetch_problems(VOORBEELD) == []


@pytest.mark.parametrize("name", ["import", "url in a token", "font face"])
def test_lea_check_and_build_refuse_a_token_file_that_loads(tmp_path: Path, name):
    site = tmp_path / "s"
    init_site(site, name="Veendam", today=TODAY)
    (site / "docs" / "stylesheets").mkdir(parents=True)
    (site / "docs" / "stylesheets" / "tokens.css").write_text(HOSTILE[name] + "\n" + VOORBEELD, encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    data: data", "    data: data\n    tokens: stylesheets/tokens.css", 1),
                      encoding="utf-8")
    checked = lea("check", cwd=site, today=TODAY)
    assert checked.returncode == 1 and "docs/stylesheets/tokens.css:1: " in checked.stdout, checked.stdout
    built = lea("build", cwd=site, today=TODAY)
    assert built.returncode != 0 and "tokens.css" in built.stderr and not (site / "site").exists()
