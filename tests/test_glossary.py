"""The glossary (issue 15): one list, extended by the data, explained at the first use on a page, safely."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from lea_site.glossary import TERMS, Explainer, glossary, glossary_md
from lea_site.model import GlossaryTerm
from lea_site.render.html import esc


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
    assert '<abbr title="voor- en vroegschoolse educatie">VVE</abbr> (voor- en vroegschoolse educatie)' in first
    assert "<abbr title=\"jeugdgezondheidszorg" in first
    again = words.text("De VVE groeit.")
    assert again == "De VVE groeit."
    assert Explainer(TERMS).text("De VVE groeit.") != again  # a new page explains again


def test_whole_words_and_capitals_only():
    words = Explainer(TERMS)
    assert words.text("VVE-indicatie") == "VVE-indicatie"  # part of a compound: left alone
    assert words.text("po en vo") == "po en vo"
    out = words.text("naar het VSO")
    assert ">VSO</abbr>" in out and ">SO</abbr>" not in out


def test_hostile_data_cannot_inject():
    evil = '<img src=x onerror=alert(1)> VVE "quoted" &amp;'
    terms = glossary([GlossaryTerm(term="amp", uitleg='"><script>alert(1)</script>')])
    words = Explainer(terms)
    out = words.text(evil)
    soup = BeautifulSoup(out, "html.parser")
    assert {t.name for t in soup.find_all(True)} == {"abbr"}  # VVE, and the literal word amp in "&amp;"
    assert soup.get_text().startswith('<img src=x onerror=alert(1)>')
    page = glossary_md(terms)
    assert "<script" not in page and "&lt;script&gt;" in page
    assert words.explain("<b>VVE</b>") == "<b>VVE</b>"  # never finished HTML


def test_a_term_is_letters_only():
    with pytest.raises(Exception):
        GlossaryTerm(term="<b>", uitleg="x")


def test_age_page_explains_every_term_at_first_use():
    from lea_site.load import load
    from lea_site.render.pages import View, age_page_md
    from lea_site.render.paths import AGE_GROUPS

    from .conftest import DATA, DEMO_TODAY

    agenda = load(DATA, DEMO_TODAY).agenda
    view = View(agenda, DEMO_TODAY, lambda target: target)
    for group, _, _ in AGE_GROUPS:
        soup = BeautifulSoup(age_page_md(view, group), "html.parser")
        for li in soup.select("li"):
            # the summaries of the goals: a term's first appearance there is an <abbr> with its meaning
            for abbr in li.find_all("abbr"):
                assert abbr["title"] == glossary(agenda.info.begrippen)[abbr.get_text()]
        text = " ".join(li.get_text(" ") for li in soup.select("li"))
        for term in TERMS:
            hits = [m.start() for m in re.finditer(rf"(?<![\w-]){term}(?![\w-])", text)]
            if hits:
                assert text[hits[0]:].startswith(f"{term} ("), f"{group}: {term} not explained at first use"
