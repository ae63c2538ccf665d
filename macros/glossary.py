"""One glossary of the abbreviations an education agenda uses, which the data may extend.

The terms here are the standard ones; an agenda adds its own or gives another meaning with
``agenda.begrippen`` (term + uitleg). The site lists them all on the page "Begrippen" and explains
a term at its first use on a page: ``VVE (voor- en vroegschoolse educatie)`` in plain text, with
``<abbr title="...">`` around the term, so the meaning is readable on a touch screen too.

Safety: :func:`explain` works on text that is already escaped (the output of ``html.esc``), never
on finished HTML. A term is letters only (checked in the model and here), and the markup it adds
is built from the escaped meaning, so data cannot inject anything through a glossary entry.
"""

from __future__ import annotations

import html
import re
from typing import Iterable

# term -> meaning, in plain Dutch (B1 where the official name allows it).
TERMS: dict[str, str] = {
    "LEA": "Lokale Educatieve Agenda: de afspraken over onderwijs en opvoeding in de gemeente",
    "VVE": "voor- en vroegschoolse educatie",
    "OAB": "onderwijsachterstandenbeleid",
    "NPO": "Nationaal Programma Onderwijs",
    "GKA": "Gelijke Kansen Alliantie",
    "SWV": "samenwerkingsverband passend onderwijs",
    "JGZ": "jeugdgezondheidszorg (consultatiebureau en schoolarts)",
    "TLV": "toelaatbaarheidsverklaring voor het speciaal onderwijs",
    "IKC": "integraal kindcentrum: school en kinderopvang in één",
    "KO": "kinderopvang",
    "PO": "primair onderwijs: de basisschool",
    "VO": "voortgezet onderwijs: de middelbare school",
    "SO": "speciaal onderwijs",
    "VSO": "voortgezet speciaal onderwijs",
    "SBO": "speciaal basisonderwijs",
    "MBO": "middelbaar beroepsonderwijs",
    "HBO": "hoger beroepsonderwijs",
    "VSV": "voortijdig schoolverlaten: stoppen met school zonder diploma",
    "VMBO": "voorbereidend middelbaar beroepsonderwijs",
    "HAVO": "hoger algemeen voortgezet onderwijs",
    "VWO": "voorbereidend wetenschappelijk onderwijs",
    "OKT": "ouder- en kindteam",
    "BSO": "buitenschoolse opvang",
}

TERM = re.compile(r"[A-Za-z][A-Za-z-]{0,14}")  # what a glossary term may be: letters (and a hyphen)


def glossary(extra: Iterable[object] = ()) -> dict[str, str]:
    """The standard terms plus the agenda's own (objects with ``term`` and ``uitleg``), sorted."""
    terms = dict(TERMS)
    for item in extra:
        term = str(getattr(item, "term", "")).strip()
        if TERM.fullmatch(term):
            terms[term] = " ".join(str(getattr(item, "uitleg", "")).split())
    return dict(sorted(terms.items(), key=lambda kv: kv[0].lower()))


def agenda_glossary(agenda: object) -> dict[str, str]:
    info = getattr(agenda, "info", None)
    return glossary(getattr(info, "begrippen", None) or ())


def _pattern(terms: Iterable[str]) -> re.Pattern[str]:
    # Whole words, capitals as written ('po' in a sentence is not 'PO'); longest first (VSO before SO).
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w&#-])({alternatives})(?![\w-])")


class Explainer:
    """Explains each term once per page: the first use gets the meaning, later ones stay short."""

    def __init__(self, terms: dict[str, str]):
        self.terms = terms
        self.seen: set[str] = set()
        self._re = _pattern(terms) if terms else None

    def explain(self, escaped: str) -> str:
        """``escaped`` is HTML-escaped plain text (no tags): the first use of each term is explained."""
        if self._re is None or "<" in escaped:  # never finished HTML
            return escaped

        def one(m: re.Match[str]) -> str:
            term = m[1]
            if term in self.seen:
                return term
            self.seen.add(term)
            meaning = html.escape(self.terms[term], quote=True)
            return f'<abbr title="{meaning}">{term}</abbr> ({meaning})'

        return self._re.sub(one, escaped)

    def text(self, plain: object) -> str:
        """Plain text from the data, escaped and explained."""
        from .render.html import esc

        return self.explain(esc(plain))


def glossary_md(terms: dict[str, str]) -> str:
    """The page 'Begrippen': every term with its meaning, as a definition list (finished HTML)."""
    from .render.html import dl, esc

    intro = ("<p>Op deze site staan soms afkortingen en vaktermen. Hier staat wat ze betekenen. "
             "Op elke pagina staat de betekenis ook de eerste keer dat een afkorting voorkomt.</p>")
    return intro + "\n\n" + dl((t, esc(m)) for t, m in terms.items())
