"""Woo sitemaps with DiWoo metadata and robots.txt (lea_site.exports.woo)."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from lea_site.exports import pdf, woo
from lea_site.site import Site, load_site

from .conftest import DEMO_TODAY, ROOT

SITE = "https://lea.lindeveen.example/"
NS = {"s": woo.SITEMAP_NS, "d": woo.DIWOO_NS}
GM = "https://identifier.overheid.nl/tooi/id/gemeente/gm0014"


def _agenda(tooi: str | None = GM):
    site = load_site(ROOT / "data")
    assert isinstance(site, Site)
    agenda = site.agenda.model_copy(deep=True)
    agenda.info.regio.tooi = tooi
    return agenda


def _files(agenda, site_url: str | None = SITE):
    pdfs = sorted(pdf.documents(agenda, DEMO_TODAY, site_url))  # the PDFs the build makes, by the names it gives them
    return pdfs, woo.files(agenda, pdfs, DEMO_TODAY, site_url)


def test_the_agenda_is_a_convenant_and_each_report_a_jaarverslag_with_its_pdf_as_loc():
    agenda = _agenda()
    pdfs, files = _files(agenda)
    agreed = ET.fromstring(files[woo.sitemap_name(woo.CONVENANT)])
    [entry] = agreed.findall("s:url", NS)
    assert entry.findtext("s:loc", namespaces=NS) == SITE + pdf.AGENDA
    meta = entry.find("d:Document/d:DiWoo", NS)
    assert meta.find("d:publisher", NS).get("resource") == GM and meta.findtext("d:publisher", namespaces=NS) == "Lindeveen"
    assert meta.findtext("d:titelcollectie/d:officieleTitel", namespaces=NS) == agenda.info.titel
    category = meta.find("d:classificatiecollectie/d:informatiecategorieen/d:informatiecategorie", NS)
    assert (category.get("resource"), category.text) == ("https://identifier.overheid.nl/tooi/def/thes/kern/c_8fc2335c", "convenanten")
    assert meta.find("d:language", NS).get("resource").endswith("/language/NLD")
    assert meta.findtext("d:documenthandelingen/d:documenthandeling/d:atTime", namespaces=NS) == "2025-06-26T00:00:00"
    reports = ET.fromstring(files[woo.sitemap_name(woo.REPORTS)]).findall("s:url", NS)
    adopted = [p.schooljaar for p in agenda.year_plans_sorted() if p.vaststelling.status == "vastgesteld"
               and f"downloads/voortgang-{p.schooljaar}.pdf" in pdfs]
    assert adopted and [u.findtext("s:loc", namespaces=NS) for u in reports] == [f"{SITE}downloads/voortgang-{y}.pdf" for y in adopted]
    for url in reports:
        category = url.find("d:Document/d:DiWoo/d:classificatiecollectie/d:informatiecategorieen/d:informatiecategorie", NS)
        assert (category.get("resource"), category.text) == ("https://identifier.overheid.nl/tooi/def/thes/kern/c_c6cd1213",
                                                            "jaarplannen en jaarverslagen")
        assert url.findtext("s:loc", namespaces=NS).removeprefix(SITE) in pdfs  # <loc> is the document itself


def test_robots_txt_names_one_sitemap_index_per_category_and_each_index_its_sitemap():
    _, files = _files(_agenda())
    robots = files[woo.ROBOTS].decode()
    named = [line.split(": ", 1)[1] for line in robots.splitlines() if line.startswith("Sitemap: ")]
    assert named == [SITE + "sitemap.xml", SITE + "sitemaps/sitemapindex-diwoo-infocat011.xml",
                     SITE + "sitemaps/sitemapindex-diwoo-infocat012.xml"]
    for category in (woo.CONVENANT, woo.REPORTS):
        index = ET.fromstring(files[woo.index_name(category)])
        assert [e.text for e in index.iter(f"{{{woo.SITEMAP_NS}}}loc")] == [SITE + woo.sitemap_name(category)]


def test_without_a_site_address_or_an_adopted_document_nothing_is_offered():
    agenda = _agenda()
    assert _files(agenda, None)[1] == {}
    agenda.info.vaststelling.status = "concept"
    agenda.info.vaststelling.datum = None
    for plan in agenda.jaarplannen:
        plan.vaststelling.status = "concept"
    assert set(_files(agenda)[1]) == {woo.ROBOTS}
    assert "infocat" not in _files(agenda)[1][woo.ROBOTS].decode()


def test_without_a_tooi_identifier_the_publisher_is_named_only():
    _, files = _files(_agenda(None))
    entry = ET.fromstring(files[woo.sitemap_name(woo.CONVENANT)]).find("s:url/d:Document/d:DiWoo/d:publisher", NS)
    assert entry.get("resource") is None and entry.text == "Lindeveen"


def test_text_from_the_data_stays_text():
    agenda = _agenda()
    agenda.info.titel = 'LEA </diwoo:officieleTitel><x>&'
    _, files = _files(agenda)
    root = ET.fromstring(files[woo.sitemap_name(woo.CONVENANT)])
    assert root.findtext("s:url/d:Document/d:DiWoo/d:titelcollectie/d:officieleTitel", namespaces=NS) == agenda.info.titel


def _diwoo_schema():
    """The official diwoo-metadata.xsd (0.9.8) with its value lists, from the folder LEA_DIWOO_XSD names. The files
    carry no licence statement, so they are not kept in this repository; the MDTO schema they import is replaced by
    a stub (the sitemaps use DiWoo, never MDTO)."""
    xmlschema = pytest.importorskip("xmlschema")
    folder = os.environ.get("LEA_DIWOO_XSD")
    if not folder or not (Path(folder) / "diwoo-metadata.xsd").is_file():
        pytest.skip("zet LEA_DIWOO_XSD op een map met diwoo-metadata.xsd en diwoo-metadata-lijsten.xsd (standaarden.overheid.nl)")
    stub = Path(folder) / "mdto-stub.xsd"
    stub.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="https://www.nationaalarchief.nl/mdto" '
                    'elementFormDefault="qualified"><xs:element name="MDTO"/></xs:schema>', encoding="utf-8")
    sitemap = ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:s="http://www.sitemaps.org/schemas/sitemap/0.9" '
               'xmlns:diwoo="https://standaarden.overheid.nl/diwoo/metadata/" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9" '
               'elementFormDefault="qualified"><xs:import namespace="https://standaarden.overheid.nl/diwoo/metadata/" schemaLocation="diwoo-metadata.xsd"/>'
               '<xs:element name="urlset"><xs:complexType><xs:sequence><xs:element name="url" maxOccurs="unbounded"><xs:complexType><xs:sequence>'
               '<xs:element name="loc" type="xs:anyURI"/><xs:element name="lastmod" type="xs:date" minOccurs="0"/>'
               '<xs:element ref="diwoo:Document"/></xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element></xs:schema>')
    (Path(folder) / "sitemap-diwoo-test.xsd").write_text(sitemap, encoding="utf-8")
    return xmlschema.XMLSchema(str(Path(folder) / "sitemap-diwoo-test.xsd"),
                               locations=[("https://www.nationaalarchief.nl/mdto", str(stub))])


@pytest.mark.parametrize("tooi", [GM, None])
def test_the_sitemaps_are_valid_against_the_diwoo_schema(tooi):
    schema = _diwoo_schema()
    _, files = _files(_agenda(tooi))
    for category in (woo.CONVENANT, woo.REPORTS):
        schema.validate(files[woo.sitemap_name(category)].decode())
    broken = files[woo.sitemap_name(woo.CONVENANT)].decode().replace("c_8fc2335c", "c_00000000")
    assert not schema.is_valid(broken)  # a category outside the value list is refused: the check can fail
