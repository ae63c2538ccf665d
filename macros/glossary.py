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

# Terms the product's own pages use whatever the data says ('LEA-budget', 'de LEA'): always on the page Begrippen.
PRODUCT_TERMS = ("LEA",)


def _walk(value: object, out: list[str]) -> None:
    """Every text in the data (a model dump): what a reader of the site can meet."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "term" or not isinstance(item, str):  # a glossary entry's own term is no use of it
                _walk(item, out)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _walk(item, out)


_used_of: list = [None, frozenset()]  # the last agenda asked about: the page and the tests ask again


def used_terms(agenda: object) -> frozenset[str]:
    """The glossary's terms that the site shows for this agenda: each written as a word or the start of a compound
    (in capitals, as the site explains them) somewhere in the data, and the product's own (:data:`PRODUCT_TERMS`)."""
    if _used_of[0] is agenda:
        return _used_of[1]
    texts: list[str] = []
    dump = getattr(agenda, "model_dump", None)
    _walk(dump(mode="json") if dump is not None else {}, texts)
    terms = sorted(agenda_glossary(agenda), key=len, reverse=True)
    # A compound counts ('NPO-middelen', 'VVE-indicatie'): the site does not explain a term there, so a reader
    # who wonders what NPO is looks it up on this page.
    word = re.compile(rf"(?<![\w&#-])(?:{'|'.join(re.escape(t) for t in terms)})(?!\w)")
    found = {m.group(0) for text in texts for m in word.finditer(text)} if terms else set()
    _used_of[:] = [agenda, frozenset(found | set(PRODUCT_TERMS))]
    return _used_of[1]


def _plans(agenda: object) -> list:
    return list(getattr(agenda, "jaarplannen", None) or ())


def _actions(agenda: object) -> list:
    return [a for plan in _plans(agenda) for _, a in plan.actions()] + [
        a for goal in getattr(agenda, "ambities", None) or () for a in getattr(goal, "activiteiten", None) or ()]


def _indicators(agenda: object) -> list:
    info = getattr(agenda, "info", None)
    return [i for goal in getattr(agenda, "ambities", None) or () for i in goal.indicatoren] + list(
        getattr(info, "kerncijfers", None) or ())


def _measurements(agenda: object) -> list:
    return [m for i in _indicators(agenda) for m in [*i.metingen, *([i.nulmeting] if i.nulmeting else [])]]


def _has_money(agenda: object) -> bool:
    check = getattr(agenda, "has_money", None)
    return bool(check and check())


# Words the product itself prints, with when it prints them: the page Begrippen lists those this agenda's site shows.
# Plain Dutch (B1); no abbreviation in a meaning (it would need explaining itself).
WORDS: dict[str, tuple[str, object]] = {
    "dekking": ("het deel van de kosten dat uit een andere bron komt dan het LEA-budget, zoals een subsidie of geld van een partner",
                _has_money),
    "t.l.v.": ("ten laste van: betaald uit. 't.l.v. LEA-budget' is het deel van de kosten dat uit het LEA-budget komt", _has_money),
    "LEA-budget": ("het geld dat de gemeente per schooljaar voor de agenda heeft", _has_money),
    "kostenplaats": ("het nummer waaronder de gemeente de kosten boekt",
                     lambda a: any(p.budget is not None and p.budget.kostenplaats for p in _plans(a))),
    "trekker": ("de partner die een actie leidt en vertelt hoe het gaat", lambda a: any(x.trekker for x in _actions(a))),
    "nulmeting": ("de eerste meting; latere metingen worden ermee vergeleken",
                  lambda a: any(i.nulmeting for i in _indicators(a))),
    "prognose": ("een verwachting voor later, geen meting", lambda a: any(m.soort == "prognose" for m in _measurements(a))),
    "schatting": ("een getal dat niet is geteld maar geschat", lambda a: any(m.soort == "schatting" for m in _measurements(a))),
    "schooljaar": ("augustus tot en met juli; zo is '2026-2027' het schooljaar van augustus 2026 tot en met juli 2027",
                   lambda a: bool(_plans(a))),
    "jaarplan": ("wat de partners in één schooljaar samen doen, en wat het kost", lambda a: bool(_plans(a))),
}


def agenda_words(agenda: object) -> dict[str, str]:
    """The words of the page Begrippen (not abbreviations, not explained beside the text): the product's words
    this agenda's site prints (:data:`WORDS`) and the agenda's own (``agenda.woorden``, which win), sorted."""
    words = {word: meaning for word, (meaning, shown) in WORDS.items() if shown(agenda)}
    info = getattr(agenda, "info", None)
    for item in getattr(info, "woorden", None) or ():
        words[" ".join(str(item.woord).split())] = " ".join(str(item.uitleg).split())
    return dict(sorted(words.items(), key=lambda kv: kv[0].casefold().lstrip("'")))


def page_glossary(agenda: object) -> dict[str, str]:
    """The abbreviations of the page Begrippen: the standard ones the site uses (:func:`used_terms`) and every one
    of the agenda's own (an own term used nowhere is listed still; ``lea check`` warns about it)."""
    info = getattr(agenda, "info", None)
    own = {str(t.term) for t in getattr(info, "begrippen", None) or ()}
    used = used_terms(agenda)
    return {t: m for t, m in agenda_glossary(agenda).items() if t in used or t in own}


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


def glossary_md(terms: dict[str, str], words: Mapping[str, str] | None = None) -> str:
    """The page 'Begrippen': every term with its meaning, as a definition list (finished HTML); with ``words``,
    the abbreviations and the agenda's own terms (explained where they appear) under 'Afkortingen en begrippen',
    the words under 'Woorden'.

    Each term is the defining instance (``<dfn>``) with its meaning in ``<abbr title>`` and beside it; a word
    is the defining instance with its meaning beside it."""
    from .render.html import esc

    intro = ("<p>Op deze site staan soms afkortingen en vaktermen. Hier staat wat ze betekenen. "
             "Op elke pagina staat de betekenis ook de eerste keer dat een afkorting of begrip voorkomt.</p>")
    items = " ".join(f'<dt id="begrip-{esc(t.lower())}"><dfn><abbr title="{esc(m)}">{esc(t)}</abbr></dfn></dt> <dd>{esc(m)}</dd>'
                     for t, m in terms.items())  # spaces: words in search
    abbreviations = f'<dl class="lea-dl lea-begrippen">{items}</dl>' if items else ""
    if words is None:
        return intro + "\n\n" + abbreviations
    listed = " ".join(f'<dt id="woord-{esc(_slug(w))}"><dfn>{esc(w)}</dfn></dt> <dd>{esc(m)}</dd>' for w, m in words.items())
    out = [intro]
    if abbreviations:
        out.append(f"## Afkortingen en begrippen\n\n{abbreviations}")  # an agenda's own term need not be short
    if listed:
        out.append(f'## Woorden\n\n<dl class="lea-dl lea-begrippen">{listed}</dl>')
    return "\n\n".join(out)


def _slug(word: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", word.casefold()).strip("-") or "woord"
