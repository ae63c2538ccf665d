"""The agenda and its progress reports findable by the Woo index: sitemaps with DiWoo metadata, and robots.txt.

The Woo harvester (Wet open overheid) reads ``robots.txt`` at the root of a registered address, follows
the sitemap indexes named there (one per information category, named
``sitemapindex-diwoo-infocatNNN.xml`` with NNN the category's place in article 3.3 of the Woo) to
sitemaps whose ``<loc>`` is the document itself, each with its metadata in the DiWoo format
(``diwoo-metadata.xsd`` 0.9.8): publisher, title, information category by its TOOI value, language,
format, document date and what was done with it (adopted, and when).

* the agenda (``downloads/agenda.pdf``) is a *convenant* (category 11): signed by the municipality and
  its partners; listed once it is adopted (``vaststelling: vastgesteld`` with a date, or signed by all its
  signatories on known dates: then the last signature's date);
* each school year's progress report (``downloads/voortgang-<jaar>.pdf``) is in *jaarplannen en
  jaarverslagen* (category 12): the report on a year plan, listed once that plan is adopted.

A sitemap holds absolute addresses only: without the site's address (``site_url``) there is none, and
no ``robots.txt`` (the README says to set it). Every text from the data is escaped.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape, quoteattr

from ..model import Agenda
from ..values import school_year_bounds
from .pdf import AGENDA, REPORT
from ..render.paths import part_number

FOLDER = "sitemaps"
ROBOTS = "robots.txt"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO_NS = "https://standaarden.overheid.nl/diwoo/metadata/"
KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
# (number in article 3.3 Woo, TOOI value, label, file-name part)
CONVENANT = ("011", f"{KERN}c_8fc2335c", "convenanten", "convenanten")
REPORTS = ("012", f"{KERN}c_c6cd1213", "jaarplannen en jaarverslagen", "jaarplannen-en-jaarverslagen")
ADOPTION = (f"{KERN}c_641ecd76", "vaststelling")
DUTCH = ("http://publications.europa.eu/resource/authority/language/NLD", "Nederlands")
PDF = ("http://publications.europa.eu/resource/authority/file-type/PDF", "pdf")
EDUCATION = ("https://identifier.overheid.nl/tooi/def/thes/top/c_c232ae4a", "onderwijs en wetenschap")


def index_name(category: tuple[str, str, str, str]) -> str:
    return f"{FOLDER}/sitemapindex-diwoo-infocat{category[0]}.xml"


def sitemap_name(category: tuple[str, str, str, str]) -> str:
    return f"{FOLDER}/sitemap-diwoo-{category[3]}.xml"


def _labelled(tag: str, pair: tuple[str, str]) -> str:
    return f"<diwoo:{tag} resource={quoteattr(pair[0])}>{escape(pair[1])}</diwoo:{tag}>"


def _document(agenda: Agenda, url: str, title: str, category: tuple[str, str, str, str], made: date, adopted: date,
              summary: str | None) -> str:
    region = agenda.info.regio
    publisher = (f"<diwoo:publisher resource={quoteattr(region.tooi)}>{escape(region.naam)}</diwoo:publisher>" if region.tooi
                 else f"<diwoo:publisher>{escape(region.naam)}</diwoo:publisher>")
    parts = [
        publisher,
        f"<diwoo:titelcollectie><diwoo:officieleTitel>{escape(title)}</diwoo:officieleTitel></diwoo:titelcollectie>",
        *([f"<diwoo:omschrijvingen><diwoo:omschrijving>{escape(summary)}</diwoo:omschrijving></diwoo:omschrijvingen>"] if summary else []),
        "<diwoo:classificatiecollectie>"
        f"<diwoo:informatiecategorieen>{_labelled('informatiecategorie', (category[1], category[2]))}</diwoo:informatiecategorieen>"
        f"<diwoo:themas>{_labelled('thema', EDUCATION)}</diwoo:themas>"
        "</diwoo:classificatiecollectie>",
        f"<diwoo:creatiedatum>{made.isoformat()}</diwoo:creatiedatum>",
        _labelled("language", DUTCH),
        _labelled("format", PDF),
        "<diwoo:documenthandelingen><diwoo:documenthandeling>"
        f"{_labelled('soortHandeling', ADOPTION)}<diwoo:atTime>{adopted.isoformat()}T00:00:00</diwoo:atTime>"
        "</diwoo:documenthandeling></diwoo:documenthandelingen>",
    ]
    return (f"  <url>\n    <loc>{escape(url)}</loc>\n    <lastmod>{made.isoformat()}</lastmod>\n"
            f"    <diwoo:Document>\n      <diwoo:DiWoo>\n        " + "\n        ".join(parts) +
            "\n      </diwoo:DiWoo>\n    </diwoo:Document>\n  </url>")


def documents(agenda: Agenda, pdfs: list[str], today: date) -> dict[tuple, list[tuple[str, str, date, date, str | None]]]:
    """Per category: (docs-relative PDF, title, document date, adoption date, summary) of each listed document."""
    info = agenda.info
    out: dict[tuple, list] = {CONVENANT: [], REPORTS: []}
    adoption = info.vaststelling
    adopted = adoption.day() if adoption.status == "vastgesteld" else None  # signed by several: the last signature
    if AGENDA in pdfs and adopted is not None:
        made = info.document.datum.start if info.document and info.document.datum else adopted.start
        parts = sorted((n, p) for p in pdfs if (n := part_number(p)) is not None)  # a very large agenda is in parts
        for number, path in parts:
            title = info.titel + (f" (deel {number} van {len(parts)})" if len(parts) > 1 else "")
            out[CONVENANT].append((path, title, made, adopted.start, info.samenvatting))
    for plan in agenda.year_plans_sorted():
        path = f"downloads/voortgang-{plan.schooljaar}.pdf"
        plan_adopted = plan.vaststelling.day() if plan.vaststelling.status == "vastgesteld" else None
        if path not in pdfs or plan_adopted is None:
            continue
        end = school_year_bounds(plan.schooljaar)[1]
        out[REPORTS].append((path, f"Voortgang schooljaar {plan.schooljaar}: {info.titel}", min(today, end),
                             plan_adopted.start, f"Hoe het schooljaar {plan.schooljaar} van de agenda verliep: "
                             "de acties met hun status en voortgang, de cijfers en de begroting."))
    if not agenda.jaarplannen and REPORT in pdfs and adopted is not None:
        out[REPORTS].append((REPORT, f"Voortgang: {info.titel}", today, adopted.start, None))
    return out


def files(agenda: Agenda, pdfs: list[str], today: date, site_url: str | None) -> dict[str, bytes]:
    """Sitemap indexes, sitemaps and robots.txt (docs-relative path -> content); nothing without ``site_url``."""
    if not site_url:
        return {}
    base = site_url.rstrip("/") + "/"
    out: dict[str, bytes] = {}
    indexes = []
    for category, listed in documents(agenda, pdfs, today).items():
        if not listed:
            continue
        entries = [_document(agenda, base + path, title, category, made, adopted, summary) for path, title, made, adopted, summary in listed]
        out[sitemap_name(category)] = (f'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="{SITEMAP_NS}" xmlns:diwoo="{DIWOO_NS}">\n'
                                       + "\n".join(entries) + "\n</urlset>\n").encode("utf-8")
        newest = max(made for _, _, made, _, _ in listed)
        out[index_name(category)] = (f'<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="{SITEMAP_NS}">\n'
                                     f"  <sitemap>\n    <loc>{escape(base + sitemap_name(category))}</loc>\n"
                                     f"    <lastmod>{newest.isoformat()}</lastmod>\n  </sitemap>\n</sitemapindex>\n").encode("utf-8")
        indexes.append(base + index_name(category))
    lines = ["# Gemaakt door lea build. De Woo-index vindt de documenten via de sitemapindexen hieronder.",
             "User-agent: *", "Allow: /", "", f"Sitemap: {base}sitemap.xml", *(f"Sitemap: {url}" for url in indexes)]
    out[ROBOTS] = ("\n".join(lines) + "\n").encode("utf-8")
    return out
