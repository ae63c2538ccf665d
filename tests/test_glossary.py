"""The glossary (issue 15): one list, extended by the data, explained at the first use on every page, safely.

How: lea_site.terms (marked where data text is escaped, resolved once the page is whole, in page order).
"""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup

from lea_site.blocks import mark as mark_block
from lea_site.glossary import TERMS, Explainer, agenda_glossary, agenda_names, glossary, glossary_md, with_own_terms
from lea_site.model import GlossaryTerm
from lea_site.render.html import esc, md, prose
from lea_site.terms import page_terms

from .glossary_check import unexplained

VVE = ('<abbr class="lea-begrip" title="voor- en vroegschoolse educatie">VVE</abbr>'
       '<span class="lea-uitleg"> (voor- en vroegschoolse educatie)</span>')


def render_page(source: str, begrippen: dict | None = None) -> str:
    """A page as both engines render it: the macros' output in the source, then Markdown with our extension."""
    engine = markdown.Markdown(extensions=["attr_list", "toc", "tables", "md_in_html", "lea_site.blocks"],
                               extension_configs={"lea_site.blocks": {"begrippen": begrippen or {}}})
    return engine.convert(source)


def macro(html: str, terms: dict[str, str] = TERMS) -> str:
    """What a macro gives the page (lea_site.__init__._bind): rendered with the glossary active, blocks marked."""
    return mark_block(html)


def test_standard_terms_have_their_meaning():
    assert TERMS["VVE"] == "voor- en vroegschoolse educatie"
    for term in ["VVE", "OAB", "NPO", "GKA", "SWV", "JGZ", "TLV", "IKC", "LEA", "PO", "VO", "MBO", "VSV"]:
        assert TERMS[term]


def test_the_data_extends_and_overrides():
    terms = glossary([GlossaryTerm(term="OKC", uitleg="ouder- en kindcentrum"), GlossaryTerm(term="VVE", uitleg="eigen uitleg")])
    assert terms["OKC"] == "ouder- en kindcentrum" and terms["VVE"] == "eigen uitleg"


def test_first_use_explained_once_per_page():
    words = Explainer(TERMS)
    first = words.text("Meer peuters naar de VVE, samen met de JGZ.")
    assert VVE in first and 'title="jeugdgezondheidszorg' in first
    assert words.text("De VVE groeit.") == "De VVE groeit."
    assert Explainer(TERMS).text("De VVE groeit.") != "De VVE groeit."  # a new page explains again


def test_whole_words_and_capitals_only():
    words = Explainer(TERMS)
    assert words.text("VVE-indicatie") == "VVE-indicatie"  # part of a compound: left alone
    assert words.text("po en vo") == "po en vo"
    out = words.text("naar het VSO")
    assert ">VSO</abbr>" in out and ">SO</abbr>" not in out


def test_a_meaning_written_out_gets_the_abbr_only():
    out = Explainer(TERMS).text("een toelaatbaarheidsverklaring (TLV) voor de zwaarste ondersteuning")
    assert out == ('een toelaatbaarheidsverklaring (<abbr class="lea-begrip" title="verklaring dat een leerling naar het speciaal'
                   ' onderwijs mag">TLV</abbr>) voor de zwaarste ondersteuning')


def test_outside_a_page_prose_is_plain_escaped_text():
    # The PDF, the feeds and other callers of the renderers get no marks at all.
    assert prose("De VVE <b>") == esc("De VVE <b>") == "De VVE &lt;b&gt;"
    assert md("De **VVE** groeit.") == "<p>De <strong>VVE</strong> groeit.</p>"


def test_the_first_use_in_page_order_is_explained_whatever_ran_first():
    # The macro runs before Markdown renders the hand-written sentence above it: page order still wins.
    with page_terms(TERMS):
        block = macro(f"<p>{prose('De VVE in de wijk.')}</p>") + "\n\n" + macro(md("Samen met **JGZ** en de VVE."))
    out = render_page(f"# Over de VVE\n\nWat is VVE? En wat doet de GKA?\n\n{block}\n\nNog eens VVE en GKA.\n")
    assert out.count("<abbr") == 3  # VVE and GKA in the sentence, JGZ in the block
    assert f"Wat is {VVE}?" in out and "De VVE in de wijk." in out and "Nog eens VVE en GKA." in out
    assert '<h1 id="over-de-vve">Over de VVE</h1>' in out  # headings: their text and id untouched
    assert "<strong>" + '<abbr class="lea-begrip" title="jeugdgezondheidszorg' in out
    assert not unexplained(f"<article>{out}</article>", TERMS)
    assert "LEAUITLEG" not in out


def test_never_in_code_links_headings_or_attributes():
    source = ("## VVE {: #vve title=\"VVE\" }\n\n[de VVE](vve.md \"VVE\") en `VVE` in code\n\n"
              "    VVE in een codeblok\n\n| Term | Uitleg |\n|---|---|\n| VVE | in een tabel |\n")
    out = render_page(source)
    soup = BeautifulSoup(out, "html.parser")
    assert soup.h2.get("id") == "vve" and soup.h2.get("title") == "VVE" and soup.h2.get_text() == "VVE"
    assert soup.a.get_text() == "de VVE" and soup.a["title"] == "VVE" and soup.code.get_text() == "VVE"
    assert soup.pre.get_text() == "VVE in een codeblok\n"
    assert [a.find_parent(["td", "th"]).name for a in soup.find_all("abbr")] == ["td"]  # the table cell: the first sentence use
    assert all("<" not in (value if isinstance(value, str) else " ".join(value))
               for tag in soup.find_all(True) for value in tag.attrs.values())


def test_a_heading_rendered_for_the_table_of_contents_gets_no_explanation():
    with page_terms(TERMS):
        heading = f"## {prose('VVE')}\n\nDe VVE.\n"
    out = render_page(heading)
    assert '<h2 id="vve">VVE</h2>' in out and out.count("<abbr") == 1


def test_data_cannot_forge_a_mark_or_inject_through_the_glossary():
    evil = '<img src=x onerror=alert(1)> VVE "quoted" &amp; LEAUITLEG0123456789ab9VVE9'
    terms = glossary([GlossaryTerm(term="amp", uitleg='"><script>alert(1)</script>')])
    words = Explainer(terms)
    out = words.text(evil)
    soup = BeautifulSoup(out, "html.parser")
    # VVE only: the literal word amp in the data's "&amp;" is glued to its '&'.
    assert [(t.name, t.get("class")) for t in soup.find_all(True)] == [("abbr", ["lea-begrip"]), ("span", ["lea-uitleg"])]
    assert soup.get_text().startswith('<img src=x onerror=alert(1)>')
    assert "LEAUITLEG0123456789ab9VVE9" in soup.get_text()  # without the nonce, text stays text
    page = glossary_md(terms)
    assert "<script" not in page and "&lt;script&gt;" in page
    assert words.explain("<b>VVE</b>") == "<b>VVE</b>"  # never finished HTML
    with page_terms(terms):
        block = macro(f"<p>{prose(evil)}</p>")
    out = render_page(f"Tekst met amp.\n\n{block}\n", begrippen={"amp": '"><script>alert(1)</script>'})
    assert "<script" not in out and "<img" not in out and "LEAUITLEG0123456789ab9VVE9" in out


def test_a_term_is_letters_only():
    with pytest.raises(Exception):
        GlossaryTerm(term="<b>", uitleg="x")


def test_the_agendas_own_terms_reach_the_markdown_extension():
    class Agenda:
        class info:  # noqa: N801 - stands in for the model
            begrippen = [GlossaryTerm(term="OKC", uitleg="ouder- en kindcentrum")]

    assert with_own_terms(["toc", "lea_site.blocks"], Agenda) == ["toc", {"lea_site.blocks": {"begrippen": {"OKC": "ouder- en kindcentrum"}}}]
    assert with_own_terms(["lea_site.blocks"], object()) == ["lea_site.blocks"]
    out = render_page("Het OKC in de wijk.", begrippen={"OKC": "ouder- en kindcentrum"})
    assert ('<abbr class="lea-begrip" title="ouder- en kindcentrum">OKC</abbr><span class="lea-uitleg"> (ouder- en kindcentrum)</span>'
            in out)


def test_the_begrippen_page_defines_every_term():
    soup = BeautifulSoup(glossary_md(TERMS), "html.parser")
    assert [dt.get_text() for dt in soup.select("dt")] == list(TERMS)
    assert all(dt.dfn.abbr["title"] == dt.find_next_sibling("dd").get_text() for dt in soup.select("dt"))


def test_every_page_of_the_demo_explains_each_term_at_its_first_use(built_site):
    from lea_site.load import load

    from .conftest import DATA, DEMO_TODAY

    agenda = load(DATA, DEMO_TODAY).agenda
    terms, names = agenda_glossary(agenda), agenda_names(agenda)
    site = built_site("demo").site
    problems, explained = [], 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "LEAUITLEG" not in text, page
        explained += text.count('<span class="lea-uitleg">')
        problems += [f"{page.relative_to(site)}: {p}" for p in unexplained(text, terms, names)]
    assert not problems, "\n".join(problems)
    assert explained > 15  # the check above is not vacuous: terms were explained (names and titles never are)
    home = (site / "index.html").read_text(encoding="utf-8")
    # the home page writes 'VVE' only glued ('VVE-indicatie'): no explanation there, and none twice anywhere
    assert len(re.findall(r'<abbr class="lea-begrip" title="[^"]+">VVE</abbr><span class="lea-uitleg">', home)) == 0
    assert "VVE-indicatie" in home


def test_lea_build_hands_the_agendas_own_terms_to_the_extension(tmp_path):
    import shutil

    import yaml

    from lea_site.generate import generate

    from .conftest import DATA
    from .sitebuild import site_folder

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    agenda = data / "agenda.yml"
    agenda.write_text(agenda.read_text(encoding="utf-8").replace(  # the demo's own list (Lindeveen-pas), one term more
        "  begrippen:\n", "  begrippen:\n    - term: OKC\n      uitleg: ouder- en kindcentrum\n", 1), encoding="utf-8")
    made = generate(site_folder(tmp_path / "site", data) / "mkdocs.yml", pdf=False)
    config = yaml.safe_load(made.config.read_text(encoding="utf-8"))
    blocks = next(e["lea_site.blocks"] for e in config["markdown_extensions"] if isinstance(e, dict) and "lea_site.blocks" in e)
    assert set(blocks["begrippen"]) == {"OKC", "Lindeveen-pas"} and blocks["begrippen"]["OKC"] == "ouder- en kindcentrum"
    # The names in which no term is explained reach the pages' own Markdown too.
    assert "Jeugdgezondheidszorg Veenland (JGZ)" in blocks["namen"] and "MBO Veenland" in blocks["namen"]
