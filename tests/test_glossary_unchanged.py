"""The glossary never changes the text (issue 23, item 7).

Explaining a term adds an ``<abbr class="lea-begrip">`` around it and, at its first use, the meaning in
``<span class="lea-uitleg"> (…)</span>`` after it; nothing else. So taking those two away
(:func:`lea_site.terms.strip_marks`) gives back the text exactly as it was without the glossary, byte for
byte: checked for every text of the demo and of every fixture, and for generated text, along the three
ways text reaches a page (plain data text, data Markdown, a page's own Markdown). And the rule of what is a
term: a whole token only, never in a name, never in another explanation, not where the text writes the
meaning out. The examples below are the defects found with real agendas; each failed before.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lea_site.glossary import TERMS, Explainer, agenda_glossary, agenda_names, glossary
from lea_site.load import load
from lea_site.model import GlossaryTerm
from lea_site.render.html import esc, md, party
from lea_site.terms import PageState, page_terms, resolve, strip_marks

from .conftest import SITE_DATA
from .glossary_check import mark_problems, term_pattern, unexplained

EXTENSIONS = ["attr_list", "toc", "tables", "md_in_html"]
WITH_CKC = glossary([GlossaryTerm(term="CKC", uitleg="centrum voor kunst en cultuur")])


def explained(text: str, terms: dict[str, str] = TERMS, names: tuple[str, ...] = ()) -> str:
    return Explainer(terms, names).text(text)


def explained_md(text: str, terms: dict[str, str] = TERMS, names: tuple[str, ...] = ()) -> str:
    with page_terms(terms, names):
        marked = md(text)
    return resolve(marked, PageState(meanings=dict(terms)))


def page(text: str, terms: dict[str, str] = TERMS, names: tuple[str, ...] = ()) -> str:
    """A page's own Markdown, through the extension that explains its terms, as both engines render it."""
    own = {t: m for t, m in terms.items() if TERMS.get(t) != m}
    engine = markdown.Markdown(extensions=[*EXTENSIONS, "lea_site.blocks"],
                               extension_configs={"lea_site.blocks": {"begrippen": own, "namen": list(names)}})
    return engine.convert(text)


def plain_page(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def assert_unchanged(text: str, terms: dict[str, str] = TERMS, names: tuple[str, ...] = ()) -> None:
    """Mark, explain, strip: the text as it is without the glossary, along all three ways."""
    assert strip_marks(explained(text, terms, names)) == esc(text)
    assert strip_marks(explained_md(text, terms, names)) == md(text)
    assert strip_marks(page(text, terms, names)) == plain_page(text)


def marked_terms(out: str) -> list[tuple[str, int, str]]:
    """(term, where it stands in the stripped text, 'uitleg' or 'abbr') for each mark in ``out``."""
    found, plain, last = [], [], 0
    for m in re.finditer(r'<abbr class="lea-begrip" title="[^"]*">([^<]*)</abbr>(<span class="lea-uitleg">[^<]*</span>)?', out):
        plain.append(out[last:m.start()])
        found.append((m[1], len("".join(plain)), "uitleg" if m[2] else "abbr"))
        plain.append(m[1])
        last = m.end()
    return found


# --- every text of every agenda ------------------------------------------------------------------


def _texts(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for v in node.values() for t in _texts(v)]
    if isinstance(node, list):
        return [t for v in node for t in _texts(v)]
    return []


def _agenda_texts(folder: Path) -> list[str]:
    texts: list[str] = []
    for path in sorted(folder.rglob("*.yml")):
        texts += _texts(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted(set(texts))


@pytest.mark.parametrize("name", sorted(SITE_DATA))
def test_every_text_of_every_agenda_comes_back_byte_for_byte(name):
    folder, today = SITE_DATA[name]
    agenda = load(folder, today).agenda
    terms, names = agenda_glossary(agenda), agenda_names(agenda)
    texts = _agenda_texts(folder)
    assert len(texts) > 20
    explained_somewhere = 0
    for text in texts:
        for given_names in ((), names):  # as a sentence, and as a page that knows the agenda's names
            assert_unchanged(text, terms, given_names)
        explained_somewhere += "lea-uitleg" in explained(text, terms, names)
    assert explained_somewhere > 0  # the glossary did explain something in this agenda


# --- generated text ------------------------------------------------------------------------------

_PIECES = [
    *TERMS, "CKC", "VVE", "SO", "TLV", "IKC", "JGZ",
    " ", " ", " ", " de ", " het ", "school", "Veenland", "Jeugdgezondheidszorg", "jeugdgezondheidszorg",
    "voor- en vroegschoolse educatie", "toelaatbaarheidsverklaring", "kinderopvang", "partners",
    "(", ")", "(V)", "+", "'s", "’s", "-", "&", "&amp;", "&#x27;", "#", ";", "<", ">", '"', "'", ".", ". ", ",",
    ":", "/", "@", "2", "€ 5.000", "\n", "\n\n", "*", "_", "`", "[", "]", "LEAUITLEG", "9", "ë", "\u00a0",
]
text_pieces = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)
some_text = st.one_of(text_pieces, st.text(max_size=40))
names_in = st.lists(st.lists(st.sampled_from(_PIECES[:40]), min_size=2, max_size=4).map(" ".join), max_size=3)


@given(text=some_text, names=names_in)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_text_comes_back_byte_for_byte(text, names):
    assert_unchanged(text, WITH_CKC, tuple(names))


@given(text=text_pieces, names=names_in)
@settings(max_examples=300, deadline=None)
def test_generated_text_is_explained_only_by_the_rule(text, names):
    names = tuple(n for n in names if n.strip())
    out = explained(text, WITH_CKC, names)
    plain = strip_marks(out)
    whole = {m.start() for m in term_pattern(WITH_CKC).finditer(plain)}
    uitleg = [term for term, _, kind in marked_terms(out) if kind == "uitleg"]
    for term, at, _ in marked_terms(out):
        assert at in whole, f"{term} is geen los woord in {plain!r}"
    assert len(uitleg) == len(set(uitleg)), out  # each term explained once
    assert not mark_problems(out, WITH_CKC, names), out


# --- the defects found with real agendas (each failed before) ------------------------------------


@pytest.mark.parametrize("text", ["Een TLV+ voor deze leerling", "Alle IKC's in de wijk", "Alle IKC’s in de wijk",
                                  "leerlingen in het (V)SO", "het (V)SO's aanbod", "(V)SO-scholen", "VVE2 en VVE-plus",
                                  "mail naar JGZ@example.nl of kijk op VVE.example", "SO(V) en R&VVE"])
def test_a_term_glued_to_more_is_no_term(text):
    assert explained(text) == esc(text)


def test_a_whole_term_beside_those_is_still_explained():
    # (SO first: after TLV, whose meaning writes 'speciaal onderwijs' out, SO needs no meaning of its own)
    out = explained("Het (V)SO en het SO, de TLV+ en de TLV, de IKC's en het IKC.")
    assert [(t, k) for t, _, k in marked_terms(out)] == [("SO", "uitleg"), ("TLV", "uitleg"), ("IKC", "uitleg")]
    assert strip_marks(out) == esc("Het (V)SO en het SO, de TLV+ en de TLV, de IKC's en het IKC.")


def test_a_term_whose_meaning_an_earlier_explanation_writes_out_is_not_explained_again():
    out = explained("Het IKC en de KO werken samen.")  # IKC: 'integraal kindcentrum: school en kinderopvang in één'
    assert [(t, k) for t, _, k in marked_terms(out)] == [("IKC", "uitleg"), ("KO", "abbr")]


def test_a_partners_name_with_its_own_abbreviation_is_left_alone():
    agenda = load(*SITE_DATA["demo"]).agenda
    terms, names = agenda_glossary(agenda), agenda_names(agenda)
    jgz = agenda.partner("jgz")
    with page_terms(terms, names):  # the partners table and every 'partner' cell
        shown = resolve(party(agenda, type("P", (), {"partner": "jgz", "orgaan": None, "rol": None})()), PageState(dict(terms)))
        row = explained("Samen met Jeugdgezondheidszorg Veenland (JGZ) en de school.", terms, names)
    assert shown == "JGZ" and jgz.afkorting == "JGZ"
    assert row == "Samen met Jeugdgezondheidszorg Veenland (JGZ) en de school."
    assert "(JGZ (" not in explained_md("De JGZ (de jeugdgezondheidszorg) ziet alle peuters.", terms, names)


def test_a_name_with_an_ampersand_survives_intact():
    names = ("CKC & partners",)
    assert explained("Samen met CKC & partners.", WITH_CKC, names) == "Samen met CKC &amp; partners."
    assert "CKC &amp; partners" in explained_md("Samen met **CKC & partners**.", WITH_CKC, names)
    assert "CKC &amp; partners" in page("Samen met CKC & partners.", WITH_CKC, names)
    # Not a name: the term is explained, and the ampersand is still one character reference.
    out = explained("Het CKC & de school", WITH_CKC)
    assert strip_marks(out) == "Het CKC &amp; de school" and "lea-uitleg" in out


@pytest.mark.parametrize("text", [
    "De jeugdgezondheidszorg ziet alle peuters; de JGZ meet ook de lengte.",
    "Een toelaatbaarheidsverklaring (TLV) voor de zwaarste ondersteuning.",
    "Meer kinderen naar de voor- en vroegschoolse educatie: de VVE groeit.",
    "De VVE, de voor- en vroegschoolse educatie, groeit.",
])
def test_no_explanation_where_the_sentence_writes_the_meaning_out(text):
    for out in (explained(text), explained_md(text), page(text)):
        assert "lea-uitleg" not in out
        assert strip_marks(out) in (esc(text), md(text), plain_page(text))


def test_a_meaning_written_in_another_sentence_after_it_does_not_count():
    out = explained("De JGZ ziet alle peuters. Later meer over de jeugdgezondheidszorg.")
    assert "lea-uitleg" in out


def test_never_inside_another_explanation():
    out = explained("De JGZ (jeugdgezondheidszorg, ook voor de VVE) ziet alle peuters.")
    assert [t for t, _, _ in marked_terms(out)] == ["JGZ"]
    assert "(jeugdgezondheidszorg, ook voor de VVE)" in out
    # The glossary's own meanings hold no second explanation: JGZ's meaning has no brackets of its own.
    assert "(" not in TERMS["JGZ"]


def test_an_abbreviation_in_brackets_after_other_words_is_not_explained_inside_them():
    out = explained("De middelbare scholen (VO) en later het VO.")
    assert "(VO (" not in out and strip_marks(out) == esc("De middelbare scholen (VO) en later het VO.")
    assert [k for t, _, k in marked_terms(out)] == ["abbr", "uitleg"]  # the later use is explained


def test_a_piece_written_apart_is_checked_in_the_finished_text():
    from lea_site.render.html import prose

    with page_terms(TERMS):  # a renderer that joins pieces: 'name (' + abbreviation + ')', term + '+'
        joined = f"<p>Zorg Noord ({prose('JGZ')}) en {prose('TLV')}+</p>"
    assert resolve(joined, PageState(dict(TERMS))) == "<p>Zorg Noord (JGZ) en TLV+</p>"


# --- the built site ------------------------------------------------------------------------------


def test_the_built_demo_explains_nothing_inside_a_name_and_nothing_twice(built_site):
    from .conftest import DATA, DEMO_TODAY

    agenda = load(DATA, DEMO_TODAY).agenda
    terms, names = agenda_glossary(agenda), agenda_names(agenda)
    partners = [p.naam for p in agenda.partners] + [f"{p.naam} ({p.afkorting})" for p in agenda.partners if p.afkorting]
    site = built_site("demo").site
    problems, pages_with_names = [], 0
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        problems += [f"{path.relative_to(site)}: {p}" for p in mark_problems(text, terms, (*names, *partners))]
        problems += [f"{path.relative_to(site)}: {p}" for p in unexplained(text, terms, names)]
        pages_with_names += "Jeugdgezondheidszorg Veenland (JGZ)" in text
        soup = BeautifulSoup(text, "html.parser")
        assert not soup.select(".lea-uitleg .lea-uitleg, abbr abbr, .lea-uitleg abbr"), path
    assert not problems, "\n".join(problems)
    assert pages_with_names >= 1  # the partners table names it, unexplained
