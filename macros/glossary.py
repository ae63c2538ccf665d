"""One glossary of the abbreviations an education agenda uses, which the data may extend.

The terms here are the standard ones; an agenda adds its own or gives another meaning with
``agenda.begrippen`` (term + uitleg). The site lists them all on the page "Begrippen" and explains
a term at its first use on every page: ``VVE (voor- en vroegschoolse educatie)`` in plain text,
with ``<abbr title="...">`` around the term, so the meaning is readable on a touch screen too
(a title alone shows only on hover). How: :mod:`lea_site.terms`.

Safety: a term is letters only (checked in the model and here), and the markup that explains it is
built from the escaped meaning, so data cannot inject anything through a glossary entry.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Iterable, Mapping

# term -> meaning, in plain Dutch (B1 where the official name allows it). Short words where possible:
# the meaning stands in the text, also in narrow table columns ('onderwijsachterstandenbeleid' did not fit).
TERMS: dict[str, str] = {
    "LEA": "Lokale Educatieve Agenda: de afspraken over onderwijs en opvoeding in de gemeente",
    "VVE": "voor- en vroegschoolse educatie",
    "OAB": "beleid tegen onderwijsachterstanden",
    "NPO": "Nationaal Programma Onderwijs",
    "GKA": "Gelijke Kansen Alliantie",
    "SWV": "samenwerkingsverband passend onderwijs",
    "JGZ": "jeugdgezondheidszorg: consultatiebureau en schoolarts",
    "TLV": "verklaring dat een leerling naar het speciaal onderwijs mag",
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

# Other ways a text writes a term out, besides its meaning and the parts of it (lea_site.terms.expansions):
# where a sentence already has one of these, the term is not explained again beside it.
EXPANSIONS: dict[str, tuple[str, ...]] = {
    "TLV": ("toelaatbaarheidsverklaring",),
    "OAB": ("onderwijsachterstandenbeleid", "onderwijsachterstand"),
    "SWV": ("samenwerkingsverband",),
    "PO": ("basisonderwijs",),
    "VSV": ("voortijdig schoolverlater",),
    "OKT": ("ouder- en kindadviseur",),
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


_names_of: list = [None, ()]  # the last agenda asked about and its names: every macro call of a build asks again


def agenda_names(agenda: object) -> tuple[str, ...]:
    """The names in which no term is explained, wherever a text mentions them: partners ('Jeugdgezondheidszorg
    Veenland', also with its own abbreviation after it), bodies, and the titles of goals, actions,
    interventions and indicators (a title names a piece of work; its words are not a sentence to explain)."""
    if _names_of[0] is not agenda:  # an agenda is not changed after loading: a new load is a new object
        _names_of[:] = [agenda, _agenda_names(agenda)]
    return _names_of[1]


def _agenda_names(agenda: object) -> tuple[str, ...]:
    names: list[str] = []
    for partner in getattr(agenda, "partners", None) or ():
        names.append(partner.naam)
        if partner.afkorting:
            names.append(f"{partner.naam} ({partner.afkorting})")
            if len(partner.afkorting.split()) > 1:  # 'SWV Veenland' is a name; 'JGZ' alone is the term
                names.append(partner.afkorting)
    names += [body.naam for body in getattr(agenda, "organen", None) or ()]
    for ambition in getattr(agenda, "ambities", None) or ():
        names.append(ambition.titel)
        names += [indicator.titel for indicator in ambition.indicatoren]
    for plan in getattr(agenda, "jaarplannen", None) or ():
        names += [action.titel for _, action in plan.actions()]
    names += [item.titel for item in getattr(agenda, "interventies", None) or ()]
    # Only the names in which a term stands matter (and only they go into the generated config).
    terms = sorted(agenda_glossary(agenda), key=len, reverse=True)
    word = re.compile(rf"(?<![\w&#-])(?:{'|'.join(re.escape(t) for t in terms)})(?![\w-])")
    return tuple(sorted({" ".join(str(n).split()) for n in names if n and word.search(str(n))}))


class Explainer:
    """Explains each term once: inside a page that the site renders, page-wide in page order
    (:mod:`lea_site.terms`, the same as ``render.html.prose``); elsewhere (a test, a PDF) the first
    use per explainer."""

    def __init__(self, terms: dict[str, str], names: Iterable[str] = ()):
        from .terms import PageState

        self.terms = terms
        self.names = tuple(names)
        self.state = PageState(meanings=dict(terms))

    def explain(self, escaped: str) -> str:
        """``escaped`` is HTML-escaped plain text (no tags): the first use of each term is explained."""
        from .terms import active, resolve, terms_of

        if "<" in escaped:  # never finished HTML
            return escaped
        if active():  # the page resolves it, in the order a reader meets the text
            return terms_of(self.terms, self.names).mark(escaped)
        return resolve(terms_of(self.terms, self.names).mark(escaped), self.state)

    def text(self, plain: object) -> str:
        """Plain text from the data, escaped and explained."""
        from .render.html import esc

        return self.explain(esc(plain))


def glossary_from(own: Mapping[str, object]) -> dict[str, str]:
    """The standard terms plus ``own`` (term: meaning), as the Markdown extension gets them from the config."""
    return glossary(SimpleNamespace(term=t, uitleg=u) for t, u in own.items())


def with_own_terms(extensions: list, agenda: object) -> list:
    """The config's ``markdown_extensions`` with the agenda's own terms, and the names in which no term is
    explained (:func:`agenda_names`), given to ``lea_site.blocks`` (which explains the terms in the pages'
    own Markdown); unchanged for an agenda without either."""
    info = getattr(agenda, "info", None)
    own = {str(t.term): " ".join(str(t.uitleg).split()) for t in getattr(info, "begrippen", None) or ()}
    names = list(agenda_names(agenda)) if hasattr(agenda, "partners") else []
    if not own and not names:
        return extensions
    out = []
    for entry in extensions:
        name = next(iter(entry)) if isinstance(entry, dict) and len(entry) == 1 else entry
        if name == "lea_site.blocks":
            options = entry.get(name) if isinstance(entry, dict) and isinstance(entry.get(name), dict) else {}
            entry = {name: {**options, **({"begrippen": own} if own else {}), **({"namen": names} if names else {})}}
        out.append(entry)
    return out


def glossary_md(terms: dict[str, str]) -> str:
    """The page 'Begrippen': every term with its meaning, as a definition list (finished HTML).

    Each term is the defining instance (``<dfn>``) with its meaning in ``<abbr title>`` and beside it."""
    from .render.html import esc

    intro = ("<p>Op deze site staan soms afkortingen en vaktermen. Hier staat wat ze betekenen. "
             "Op elke pagina staat de betekenis ook de eerste keer dat een afkorting voorkomt.</p>")
    items = " ".join(f'<dt id="begrip-{esc(t.lower())}"><dfn><abbr title="{esc(m)}">{esc(t)}</abbr></dfn></dt> <dd>{esc(m)}</dd>'
                     for t, m in terms.items())  # spaces: words in search
    return intro + "\n\n" + (f'<dl class="lea-dl lea-begrippen">{items}</dl>' if items else "")
