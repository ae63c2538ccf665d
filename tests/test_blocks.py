"""Generated HTML skips the Markdown pass and comes back unchanged (macros.blocks)."""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup

from lea_site.blocks import BlockError, BlockStash
from lea_site.load import load
from lea_site.render import pages
from lea_site.render.pages import View
from lea_site.render.paths import relative, url_of

from .conftest import DATA, DEMO_TODAY

# The site's own Markdown extensions (mkdocs.yml), so the comparison is the real pass.
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc"]


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def normalised(html: str) -> str:
    return re.sub(r"\s+", " ", BeautifulSoup(html, "html.parser").decode()).replace("> <", "><").strip()


@pytest.fixture(scope="module")
def view() -> View:
    agenda = load(DATA, DEMO_TODAY).agenda
    return View(agenda, DEMO_TODAY, lambda target: relative("ambities/x/", url_of(target)))


@pytest.mark.parametrize("render", ["ambition", "year", "budget", "partners", "interventions"])
def test_hidden_blocks_come_back_as_markdown_would_have_left_them(view, render):
    agenda = view.agenda
    source = {
        "ambition": lambda: pages.ambition_page_md(view, agenda.ambities[0].id),
        "year": lambda: pages.year_page_md(view, view.current),
        "budget": lambda: pages.budget_overview(view),
        "partners": lambda: pages.partners_overview(view),
        "interventions": lambda: pages.interventions(view),
    }[render]()
    stash = BlockStash()
    hidden = stash.hide("p.md", source)
    assert len(hidden) < len(source) / 2, "the tables and figures should be out of Markdown's way"
    assert "<table" not in hidden
    restored = stash.restore("p.md", convert(hidden))
    assert normalised(restored) == normalised(convert(source))


def test_headings_and_inline_html_stay_markdown():
    stash = BlockStash()
    text = '## Kop\n\n<table><tr><td>x</td></tr></table>\n\nZie <a href="x">dit</a> en *dat*.'
    hidden = stash.hide("p.md", text)
    assert hidden.startswith("## Kop\n\nLEABLOK")
    assert hidden.endswith('Zie <a href="x">dit</a> en *dat*.')
    out = stash.restore("p.md", convert(hidden))
    assert "<h2" in out and "<table><tr><td>x</td></tr></table>" in out and "<em>dat</em>" in out
    assert "<p><table>" not in out


def test_a_token_in_the_data_cannot_be_forged():
    stash = BlockStash()
    hidden = stash.hide("p.md", "<p>echt</p>")
    guess = "LEABLOK000000000000N0"  # the nonce is random per process
    out = stash.restore("p.md", convert(f"{hidden}\n\nTekst met {guess} erin."))
    assert out.startswith("<p>echt</p>") and guess in out


def test_an_unknown_block_number_is_refused():
    stash = BlockStash()
    hidden = stash.hide("p.md", "<p>echt</p>")
    with pytest.raises(BlockError, match="hoort niet bij deze pagina"):
        stash.restore("p.md", convert(re.sub(r"N\d+$", "N999999", hidden)))


def test_a_lost_block_is_an_error_not_a_gap():
    stash = BlockStash()
    stash.hide("p.md", "<div>tabel</div>")
    with pytest.raises(BlockError, match="p.md: 1 gegenereerd"):
        stash.restore("p.md", "<p>de token is weg</p>")


def test_a_block_of_another_page_is_refused():
    stash = BlockStash()
    other = stash.hide("a.md", "<div>van a</div>")
    stash.hide("b.md", "<div>van b</div>")
    with pytest.raises(BlockError, match="hoort niet bij deze pagina"):
        stash.restore("b.md", convert(other))


def test_a_failed_render_leaves_nothing_behind():
    stash = BlockStash()
    stash.hide("p.md", "<div>half</div>")
    stash.start("p.md")  # the page is rendered again
    fresh = stash.hide("p.md", "<div>heel</div>")
    assert stash.restore("p.md", convert(fresh)) == "<div>heel</div>"
    assert stash.pending() == 0
