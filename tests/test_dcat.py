"""The DCAT record of the open data (lea_site.exports.dcat): valid DCAT-AP-NL 3.0, JSON-LD and RDF/XML the same graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lea_site.exports import dcat, opendata
from lea_site.site import Site, load_site

from .conftest import DEMO_TODAY, ROOT

SHAPES = ROOT / "tests" / "shapes"
SITE = "https://lea.lindeveen.example/"
rdflib = pytest.importorskip("rdflib")
# rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph (rdflib 7.x): not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


def _demo(tooi: str | None = "https://identifier.overheid.nl/tooi/id/gemeente/gm0014", site_url: str | None = SITE):
    site = load_site(ROOT / "data")
    assert isinstance(site, Site)
    agenda = site.agenda.model_copy(deep=True)
    agenda.info.regio.tooi = tooi
    tables = opendata.tables(agenda, DEMO_TODAY)
    data = opendata.files(agenda, tables, DEMO_TODAY)
    return agenda, data, dcat.files(agenda, data, site_url, DEMO_TODAY, tables=tables)


def _graph(content: bytes, kind: str, base: str = SITE + "opendata/dcat.jsonld"):
    return rdflib.Graph().parse(data=content, format=kind, publicID=base)


@pytest.mark.parametrize("tooi", ["https://identifier.overheid.nl/tooi/id/gemeente/gm0014", None])
def test_the_record_is_valid_dcat_ap_nl(tooi):
    pyshacl = pytest.importorskip("pyshacl")
    _, _, files = _demo(tooi)
    shapes = rdflib.Graph()
    for name in ("dcat-ap-SHACL.ttl", "dcat-ap-nl-SHACL.ttl", "dcat-ap-nl-SHACL-klassebereik.ttl"):
        shapes.parse(SHAPES / name, format="turtle")
    for path, kind in ((dcat.JSONLD, "json-ld"), (dcat.RDFXML, "xml")):
        conforms, _, report = pyshacl.validate(_graph(files[path], kind), shacl_graph=shapes, inference="none", allow_warnings=True)
        assert conforms, report


def test_the_shapes_catch_a_record_without_publisher_or_licence():
    """The validation can fail: the same record without a publisher and a licence does not conform."""
    pyshacl = pytest.importorskip("pyshacl")
    _, _, files = _demo()
    graph = _graph(files[dcat.JSONLD], "json-ld")
    DCT = rdflib.Namespace("http://purl.org/dc/terms/")
    graph.remove((None, DCT.publisher, None))
    graph.remove((None, DCT.license, None))
    shapes = rdflib.Graph().parse(SHAPES / "dcat-ap-nl-SHACL.ttl", format="turtle").parse(SHAPES / "dcat-ap-SHACL.ttl", format="turtle")
    conforms, _, report = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    assert not conforms and "publisher" in report and "license" in report


def test_json_ld_and_rdf_xml_are_the_same_graph():
    from rdflib.compare import isomorphic

    _, _, files = _demo()
    assert isomorphic(_graph(files[dcat.JSONLD], "json-ld"), _graph(files[dcat.RDFXML], "xml"))


def test_every_property_the_profile_asks_for_is_filled_from_the_data():
    agenda, data, files = _demo()
    graph = json.loads(files[dcat.JSONLD])["@graph"]
    [dataset] = [n for n in graph if n["@type"] == "dcat:Dataset"]
    [publisher] = [n for n in graph if n["@id"] == dataset["dct:publisher"]["@id"]]
    [contact] = [n for n in graph if n["@id"] == dataset["dcat:contactPoint"]["@id"]]
    assert dataset["dct:title"]["@value"] == agenda.info.titel and agenda.info.samenvatting.split()[0] in dataset["dct:description"]["@value"]
    assert publisher["@id"] == "https://identifier.overheid.nl/tooi/id/gemeente/gm0014" and publisher["foaf:name"]["@value"] == "Lindeveen"
    assert contact["vcard:hasEmail"]["@id"] == f"mailto:{agenda.info.contact.email}"
    assert {t["@id"] for t in dataset["dcat:theme"]} >= {"http://publications.europa.eu/resource/authority/data-theme/EDUC"}
    assert dataset["dct:language"]["@id"].endswith("/language/NLD") and dataset["dct:modified"]["@value"] == DEMO_TODAY.isoformat()
    distributions = [n for n in graph if n["@type"] == "dcat:Distribution"]
    published = sorted(p for p in data if p != opendata.SCHEMA)
    assert sorted(SITE + p for p in published) == sorted(d["dcat:downloadURL"]["@id"] for d in distributions)
    for d in distributions:
        path = d["dcat:downloadURL"]["@id"].removeprefix(SITE)
        assert int(d["dcat:byteSize"]["@value"]) == len(data[path])
        assert d["dct:license"]["@id"] == "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
        assert d["dct:format"]["@id"].rsplit("/", 1)[1] == path.rsplit(".", 1)[1].upper()
        assert d["dcat:mediaType"]["@id"].startswith("https://www.iana.org/assignments/media-types/")


def test_without_a_site_address_the_addresses_are_relative_to_the_record():
    _, _, files = _demo(site_url=None)
    graph = _graph(files[dcat.RDFXML], "xml", base="https://elders.example/opendata/dcat.rdf")
    downloads = {str(o) for o in graph.objects(None, rdflib.URIRef("http://www.w3.org/ns/dcat#downloadURL"))}
    assert "https://elders.example/opendata/agenda.json" in downloads


def test_text_from_the_data_cannot_break_the_xml():
    agenda, data, _ = _demo()
    agenda.info.titel = 'Agenda </dct:title><x a="1">&amp; "quote"\x01'
    files = dcat.files(agenda, data, SITE, DEMO_TODAY)
    graph = _graph(files[dcat.RDFXML], "xml")
    titles = {str(o) for o in graph.objects(None, rdflib.URIRef("http://purl.org/dc/terms/title"))}
    assert 'Agenda </dct:title><x a="1">&amp; "quote"' in titles
