"""Generated HTML skips the Markdown pass and comes back unchanged (lea_site.blocks, a Markdown extension)."""

from __future__ import annotations

import re

import markdown
from markdown import Extension
from markdown.preprocessors import Preprocessor
import pytest
from bs4 import BeautifulSoup

from lea_site.blocks import BlockError, BlockStashExtension, mark
from lea_site.load import load
from lea_site.render import pages
from lea_site.render.pages import View
from lea_site.render.paths import relative, url_of

from .conftest import DATA, DEMO_TODAY

# The site's own Markdown extensions (mkdocs.yml), so the comparison is the real pass.
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc"]


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def stashed(text: str) -> str:
    """What a page gets: the macros' marked output through Markdown with the stash extension."""
    return markdown.markdown(text, extensions=[*EXTENSIONS, BlockStashExtension()])


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
    assert normalised(stashed(mark(source))) == normalised(convert(source))


def test_the_extension_is_what_the_engines_load():
    # mkdocs.yml lists it by module name; Python-Markdown then calls makeExtension.
    out = markdown.markdown(mark("## Kop\n\n<table><tr><td>x</td></tr></table>"), extensions=["toc", "lea_site.blocks"])
    assert "<table><tr><td>x</td></tr></table>" in out and "LEA" not in out and 'id="kop"' in out


def test_headings_and_inline_html_stay_markdown():
    text = '## Kop\n\n<table><tr><td>x</td></tr></table>\n\nZie *dat*.'
    marked = mark(text)
    assert marked.startswith("## Kop\n\nLEAOPEN") and marked.endswith("Zie *dat*.")
    out = stashed(marked)
    assert "<h2" in out and "<table><tr><td>x</td></tr></table>" in out and "<em>dat</em>" in out
    assert "<p><table>" not in out


def test_markdown_never_sees_the_finished_html():
    # A chunk that Markdown would change (attr_list, emphasis) comes back as written.
    block = '<p>*niet schuin* {: onclick=x }</p>\n<p>[x](javascript:y)</p>'
    assert stashed(mark(block)) == block


def test_a_token_in_the_data_cannot_be_forged():
    guess = "LEABLOK000000000000N0 LEAOPEN000000000000 x LEACLOSE000000000000"  # the nonce is random per process
    out = stashed(mark("<p>echt</p>") + f"\n\nTekst met {guess} erin.")
    assert out.startswith("<p>echt</p>") and guess in out


class _DropTokens(Extension):
    """Stands for any later step of Markdown that loses a token."""

    def extendMarkdown(self, md):  # noqa: N802
        class Drop(Preprocessor):
            def run(self, lines):
                return [line for line in lines if not line.startswith("LEABLOK")]

        md.preprocessors.register(Drop(md), "drop", 32)


def test_a_lost_block_is_an_error_not_a_gap():
    with pytest.raises(BlockError, match="1 gegenereerd"):
        markdown.markdown(mark("<div>tabel</div>") + "\n\nTekst.", extensions=[BlockStashExtension(), _DropTokens()])


def test_an_unclosed_marker_is_an_error():
    with pytest.raises(BlockError, match="niet goed afgesloten"):
        stashed(mark("<div>tabel</div>")[:-5])


def test_pages_do_not_share_blocks():
    engine = markdown.Markdown(extensions=[*EXTENSIONS, BlockStashExtension()])
    first = engine.convert(mark("<div>a</div>"))
    engine.reset()
    second = engine.convert(mark("<div>b</div>"))
    assert first == "<div>a</div>" and second == "<div>b</div>"
