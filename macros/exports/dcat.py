"""The open data described in DCAT (DCAT-AP-NL 3.0, the successor of DCAT-AP-DONL), for data.overheid.nl.

data.overheid.nl harvests descriptions of data sets from a catalogue in DCAT. This module writes one
catalogue with one data set (the agenda) and one distribution per open-data file, as JSON-LD
(``opendata/dcat.jsonld``) and as RDF/XML (``opendata/dcat.rdf``, what the harvester of the
DONL profile reads): the same graph twice, which the tests check with rdflib and validate with the
profile's SHACL shapes (pyshacl).

Values come from the data (title, summary, region with its TOOI identifier, contact, licence) and
from the value lists the profiles name: the EU's data themes, languages, access rights and file
types, IANA's media types, and the theme list of data.overheid.nl. Pure: an agenda and the files in,
a JSON-LD document out; :func:`rdf_xml` writes the same nodes as RDF/XML, every text escaped.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ..model import Agenda
from .opendata import FOLDER, JSON, SCHEMA, XLSX, Table, licence_url, product_version

JSONLD = f"{FOLDER}/dcat.jsonld"
RDFXML = f"{FOLDER}/dcat.rdf"
PAGE = "open-data"  # the page that describes the files: the data set's landing page

PREFIXES = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
EU = "http://publications.europa.eu/resource/authority/"
THEME_LABELS = {f"{EU}data-theme/EDUC": "Onderwijs, cultuur en sport",
                "http://standaarden.overheid.nl/owms/terms/Onderwijs_en_wetenschap": "Onderwijs en wetenschap"}
THEMES = list(THEME_LABELS)
LANGUAGE = f"{EU}language/NLD"
PUBLIC = f"{EU}access-right/PUBLIC"
_IANA = "https://www.iana.org/assignments/media-types/"
FORMATS = {  # file extension -> (EU file type, IANA media type)
    "json": (f"{EU}file-type/JSON", f"{_IANA}application/json"),
    "csv": (f"{EU}file-type/CSV", f"{_IANA}text/csv"),
    "xlsx": (f"{EU}file-type/XLSX", f"{_IANA}application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _nl(text: str) -> dict[str, str]:
    return {"@value": _CONTROL.sub("", text), "@language": "nl"}


def _day(value: date) -> dict[str, str]:
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def _page_url(base: str, directory_urls: bool) -> str:
    return base + (f"{PAGE}/" if directory_urls else f"{PAGE}.html")


def record(agenda: Agenda, files: dict[str, bytes], site_url: str | None, modified: date, *,
           directory_urls: bool = True, tables: list[Table] | None = None) -> dict[str, Any]:
    """The catalogue as JSON-LD. Addresses are absolute under ``site_url``; without one they are relative
    to the record itself (``opendata/``), which RDF resolves against where the record is fetched."""
    info = agenda.info
    base = site_url.rstrip("/") + "/" if site_url else "../"
    here = base + f"{FOLDER}/" if site_url else ""
    landing = _page_url(base, directory_urls)
    dataset_iri = f"{here}dcat.jsonld#dataset"
    publisher_iri = info.regio.tooi or f"{here}dcat.jsonld#uitgever"
    licence = licence_url(agenda)
    titles = {f"{FOLDER}/{t.name}.csv": t.title for t in tables or []}
    publisher = {"@id": publisher_iri, "@type": ["foaf:Agent", "foaf:Organization"], "foaf:name": _nl(info.regio.naam)}
    if info.regio.tooi:
        publisher["dct:identifier"] = info.regio.tooi
    contact: dict[str, Any] = {"@id": f"{here}dcat.jsonld#contact", "@type": ["vcard:Kind", "vcard:Organization"],
                               "vcard:fn": _nl(info.contact.rol if info.contact else f"Gemeente {info.regio.naam}")}
    if info.contact and info.contact.email:
        contact["vcard:hasEmail"] = _ref(f"mailto:{info.contact.email}")
    contact["vcard:hasURL"] = _ref((info.contact.url if info.contact and info.contact.url else None) or info.website or landing)

    distributions = []
    for path in sorted(p for p in files if p.startswith(f"{FOLDER}/") and p not in (SCHEMA, JSONLD, RDFXML)):
        name = path.rsplit("/", 1)[1]
        kind, media = FORMATS[name.rsplit(".", 1)[1]]
        url = here + name
        what = {JSON: "De hele agenda als JSON, met het oordeel per doel, de licentie en de versie van het formaat.",
                XLSX: "Alle tabellen als één Excel-bestand, elk op een eigen blad."}.get(path) or f"{titles.get(path, name)} (CSV, puntkomma's, UTF-8)."
        dist: dict[str, Any] = {
            "@id": f"{here}dcat.jsonld#{name}", "@type": "dcat:Distribution", "dct:title": _nl(name), "dct:description": _nl(what),
            "dcat:accessURL": _ref(url), "dcat:downloadURL": _ref(url), "dct:format": _ref(kind), "dcat:mediaType": _ref(media),
            "dcat:byteSize": {"@value": str(len(files[path])), "@type": "xsd:nonNegativeInteger"},
            "dct:language": _ref(LANGUAGE), "dct:modified": _day(modified)}
        if licence:
            dist["dct:license"] = _ref(licence)
        if path == JSON:
            dist["dct:conformsTo"] = _ref(here + SCHEMA.rsplit("/", 1)[1])
        distributions.append(dist)

    summary = info.samenvatting or f"De Lokale Educatieve Agenda van {info.regio.naam}."
    dataset: dict[str, Any] = {
        "@id": dataset_iri, "@type": "dcat:Dataset",
        "dct:identifier": dataset_iri if site_url else f"lea-{_slug(info.regio.naam)}-{info.periode.van}-{info.periode.tot}",
        "dct:title": _nl(info.titel),
        "dct:description": _nl(f"{summary} De gegevens: doelen met hun oordeel of ze op koers liggen, acties met status, "
                               "voortgang en begroting, indicatoren met metingen, partners en organen."),
        "dct:publisher": _ref(publisher_iri), "dct:creator": _ref(publisher_iri), "dcat:contactPoint": _ref(contact["@id"]),
        "dcat:theme": [_ref(t) for t in THEMES], "dct:language": _ref(LANGUAGE), "dct:accessRights": _ref(PUBLIC),
        "dct:modified": _day(modified), "dcat:landingPage": _ref(landing),
        "dcat:keyword": [_nl("onderwijs"), _nl("Lokale Educatieve Agenda"), _nl(info.regio.naam)],
        "dcat:distribution": [_ref(d["@id"]) for d in distributions],
    }
    adopted = info.vaststelling.day() if info.vaststelling.status == "vastgesteld" else None
    if adopted is not None and adopted.kind == "dag":
        dataset["dct:issued"] = _day(adopted.start)
    catalog: dict[str, Any] = {
        "@id": f"{here}dcat.jsonld", "@type": "dcat:Catalog", "dct:title": _nl(f"Open data: {info.titel}"),
        "dct:description": _nl(f"De open data van de Lokale Educatieve Agenda van {info.regio.naam}, gemaakt door lea-site {product_version()}."),
        "dct:publisher": _ref(publisher_iri), "dct:language": _ref(LANGUAGE), "dct:modified": _day(modified),
        "foaf:homepage": _ref(base if site_url else landing), "dcat:contactPoint": _ref(contact["@id"]), "dcat:dataset": _ref(dataset_iri)}
    if licence:
        catalog["dct:license"] = _ref(licence)
    # What each value from a value list is (a licence, a language ...): the profile checks the class of every
    # value, and a harvester that does not fetch the lists knows it from the record itself.
    kinds: dict[str, str] = {LANGUAGE: "dct:LinguisticSystem", PUBLIC: "dct:RightsStatement", landing: "foaf:Document",
                             catalog["foaf:homepage"]["@id"]: "foaf:Document", **{t: "skos:Concept" for t in THEMES}}
    if licence:
        kinds[licence] = "dct:LicenseDocument"
    for d in distributions:
        kinds[d["dct:format"]["@id"]] = "dct:MediaTypeOrExtent"
        kinds[d["dcat:mediaType"]["@id"]] = "dct:MediaType"
        if "dct:conformsTo" in d:
            kinds[d["dct:conformsTo"]["@id"]] = "dct:Standard"
    described = [{"@id": iri, "@type": kind, **({"skos:prefLabel": _nl(THEME_LABELS[iri])} if iri in THEME_LABELS else {})}
                 for iri, kind in kinds.items()]
    return {"@context": {k: v for k, v in PREFIXES.items() if k != "rdf"},
            "@graph": [catalog, dataset, publisher, contact, *distributions, *described]}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "gemeente"


def _expand(name: str) -> tuple[str, str]:
    prefix, local = name.split(":", 1)
    return prefix, local


def rdf_xml(document: dict[str, Any]) -> str:
    """The same graph as RDF/XML: one rdf:Description per node, every text and address escaped."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    lines += [f'    xmlns:{p}="{iri}"' for p, iri in PREFIXES.items()]
    lines[-1] += ">"
    for node in document["@graph"]:
        lines.append(f"  <rdf:Description rdf:about={quoteattr(node['@id'])}>")
        types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        lines += [f'    <rdf:type rdf:resource="{PREFIXES[_expand(t)[0]]}{_expand(t)[1]}"/>' for t in types]
        for key, value in node.items():
            if key.startswith("@") or value is None:
                continue
            for item in value if isinstance(value, list) else [value]:
                lines.append("    " + _property(key, item))
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return "\n".join(lines) + "\n"


def _property(key: str, item: Any) -> str:
    if isinstance(item, dict) and "@id" in item:
        return f"<{key} rdf:resource={quoteattr(item['@id'])}/>"
    if isinstance(item, dict):
        text = escape(_CONTROL.sub("", item["@value"]))
        if "@language" in item:
            return f'<{key} xml:lang="{item["@language"]}">{text}</{key}>'
        prefix, local = _expand(item["@type"])
        return f'<{key} rdf:datatype="{PREFIXES[prefix]}{local}">{text}</{key}>'
    return f"<{key}>{escape(_CONTROL.sub('', str(item)))}</{key}>"


def files(agenda: Agenda, data_files: dict[str, bytes], site_url: str | None, modified: date, *,
          directory_urls: bool = True, tables: list[Table] | None = None) -> dict[str, bytes]:
    import json

    document = record(agenda, data_files, site_url, modified, directory_urls=directory_urls, tables=tables)
    return {JSONLD: (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
            RDFXML: rdf_xml(document).encode("utf-8")}
