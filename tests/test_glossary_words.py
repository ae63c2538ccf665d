"""The page Begrippen and the site's own words agree (review item 24): it lists the abbreviations and words a
reader meets on this site, and none that the site never shows.

Two readings of 'used': the built demo's pages, and (for the demo and every fixture) the YAML as written,
apart from lea_site.glossary's reading of the model.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lea_site.glossary import PRODUCT_TERMS, TERMS, WORDS, agenda_words, glossary_md, page_glossary
from lea_site.load import load

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES
from .glossary_check import plain_text

AGENDAS = [(DATA, DEMO_TODAY), *[(p, FIXTURE_TODAY) for p in sorted(FIXTURES.iterdir()) if p.is_dir()]]


def _written(folder: Path) -> str:
    """The data's text as written: every YAML line but comments and the glossary entries' own terms and words."""
    lines = []
    for path in sorted(folder.rglob("*.y*ml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#") or re.match(r"\s*-?\s*\{?\s*(term|woord):", line):
                continue
            lines.append(line)
    return "\n".join(lines)


def _abbreviation_used(term: str, text: str) -> bool:
    return re.search(rf"(?<![\w&#-]){re.escape(term)}(?!\w)", text) is not None


@pytest.mark.parametrize("folder,today", AGENDAS, ids=lambda v: getattr(v, "name", ""))
def test_the_page_lists_exactly_the_standard_abbreviations_the_data_writes(folder: Path, today):
    agenda = load(folder, today).agenda
    listed = page_glossary(agenda)
    written = _written(folder)
    own = {t.term for t in agenda.info.begrippen}
    for term in TERMS:
        if term in own:
            continue
        expected = _abbreviation_used(term, written) or term in PRODUCT_TERMS
        assert (term in listed) == expected, (folder.name, term, "listed" if term in listed else "missing")
    assert own <= set(listed)  # the agenda's own, always (lea check warns when one is used nowhere)


@pytest.mark.parametrize("folder,today", AGENDAS, ids=lambda v: getattr(v, "name", ""))
def test_the_agendas_own_words_are_listed_and_the_products_only_where_its_site_prints_them(folder: Path, today):
    agenda = load(folder, today).agenda
    words = agenda_words(agenda)
    for item in agenda.info.woorden:
        assert words[item.woord] == item.uitleg
    shown = {w for w in WORDS if w in words}
    if agenda.has_money():
        assert {"dekking", "t.l.v.", "LEA-budget"} <= shown
    else:
        assert not {"dekking", "t.l.v.", "LEA-budget"} & shown
    assert ("schooljaar" in shown) == bool(agenda.jaarplannen)


def test_the_demos_glossary_page_holds_the_sites_words_and_none_it_never_uses(built_site):
    """On the built demo: every word the review missed is on Begrippen, none of those it found unused, and every
    entry (abbreviation or word) is met on another page of the site."""
    site = built_site("demo").site
    page = BeautifulSoup((site / "begrippen" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = page.select_one("article")
    entries = [" ".join(dt.get_text(" ").split()) for dt in article.select("dt")]
    assert [h.get_text(strip=True) for h in article.select("h2")] == ["Afkortingen en begrippen", "Woorden"]
    for word in ["doorstroomtoets", "warme overdracht", "thuiszitter", "startkwalificatie", "dagarrangement", "heroverweging",
                 "dekking", "t.l.v.", "kostenplaats", "trekker", "nulmeting", "prognose", "po-vo", "Lindeveen-pas"]:
        assert word in entries, word
    for unused in ["BSO", "IKC", "OKT", "SBO", "HBO", "KO"]:
        assert unused not in entries, unused
    texts = []
    for html in sorted(site.rglob("*.html")):
        if html.parent.name == "begrippen" or html.name == "404.html":
            continue
        main = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if main is not None:
            texts.append(plain_text(main))
    everything = "\n".join(texts)
    for entry in entries:
        if entry in TERMS:
            assert _abbreviation_used(entry, everything), f"{entry} staat op Begrippen maar nergens op de site"
        else:
            assert entry.casefold() in everything.casefold(), f"{entry} staat op Begrippen maar nergens op de site"


def test_words_are_defined_beside_their_meaning_and_safe():
    out = glossary_md({"VVE": TERMS["VVE"]}, {"warme overdracht": 'gesprek <b>"x"</b>'})
    soup = BeautifulSoup(out, "html.parser")
    word = soup.select_one("dt#woord-warme-overdracht")
    assert word.dfn.get_text() == "warme overdracht" and word.find_next_sibling("dd").get_text() == 'gesprek <b>"x"</b>'
    assert soup.select_one("dd b") is None  # the meaning is text, never markup
    assert "## Afkortingen en begrippen" in out and "## Woorden" in out
    assert "## " not in glossary_md({}, {"dekking": "x"}).split("## Woorden")[0]  # no heading over nothing
