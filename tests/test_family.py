"""Issue 12: every agenda of the family builds into a site that shows everything it has, and nothing it has not.

For the demo and every fixture (three real agendas and two fictional ones of other shapes) the site
is built once with MkDocs, and then:

- every item of the data appears on the site: each goal (on its own page, with its parent and
  children), activity, action, chapter, document fact, body, indicator, partner, intervention;
- no page has an empty section (a heading followed by a heading of the same or a higher level, or
  by the end of the page), "€ 0" in an agenda without money, "schooljaar ?" or "None";
- an agenda without year plans has no school-year or year-progress pages, one without money no
  budget page;
- the agenda's own word for its goals (``agenda.benaming`` / ``agenda.niveaus``) is used, not "ambitie".

The expected texts are taken from the loaded model (:func:`lea_site.load.load`), not from the
renderers, and dates are written out here as the site should write them (``14 oktober 2021``,
``april 2021``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

import markdown
import pytest
from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from lea_site.load import load
from lea_site.model import RELATION_KINDS, SECTOR_LABELS, Agenda, Ambition, Party
from lea_site.render.paths import age_groups

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES
from .glossary_check import plain_text

SITES = [("demo", DATA, DEMO_TODAY)] + [(p.name, p, FIXTURE_TODAY) for p in sorted(FIXTURES.iterdir()) if p.is_dir()]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
HEADING = re.compile(r"^h([1-6])$")


# --- the built site ------------------------------------------------------------------


@dataclass
class Page:
    rel: str
    soup: BeautifulSoup
    article: Tag

    @property
    def text(self) -> str:
        return squash(plain_text(self.article))  # the data's own words: without the glossary's explanations


@dataclass
class Site:
    name: str
    agenda: Agenda
    root: Path
    pages: dict[str, Page] = field(default_factory=dict)
    _all: str | None = None

    def __repr__(self) -> str:
        return f"Site({self.name!r})"

    def page(self, rel: str) -> Page | None:
        return self.pages.get(rel)

    @property
    def text(self) -> str:
        """The content of every page (without menus), squashed."""
        if self._all is None:
            self._all = "\n".join(p.text for p in self.pages.values())
        return self._all

    def hrefs(self) -> set[str]:
        return {a["href"] for p in self.pages.values() for a in p.article.find_all("a", href=True)}


def squash(text: str) -> str:
    """Text compared without whitespace, case or typographic quotes: what a reader reads, not how it is laid out."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"').replace("\u00a0", " ")
    return "".join(text.split()).casefold()


@pytest.fixture(scope="module", params=SITES, ids=[s[0] for s in SITES])
def site(request, built_site) -> Site:
    name, data, today = request.param
    result = load(data, today)
    assert result.agenda is not None, result.problems
    root = built_site(name).site
    built = Site(name, result.agenda, root)
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        if rel == "404.html":
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        built.pages[rel] = Page(rel, soup, soup.select_one("article") or soup)
    return built


# --- what the data says ---------------------------------------------------------------


@dataclass
class Item:
    where: str  # the place in the data: ambities[x].vraagstukken[0]
    texts: list[str]  # one of these must appear (a partner by its name or its abbreviation)
    page: str | None = None  # on this page; None: anywhere on the site


def when(d) -> str:
    """A day or month as the site writes it: 14 oktober 2021, april 2021."""
    if isinstance(d, date):
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if d.kind == "maand":
        return f"{MONTHS[d.start.month - 1]} {d.start.year}"
    if d.kind == "dag":
        return when(d.start)
    return d.text


def amount_words(a) -> str:
    """An amount as the site writes it: 'ca. € 51.000 per jaar'."""
    if a.bedrag is None:
        return f"bedrag per {a.per} niet bekend"
    return ("ca. " if a.circa else "") + f"€ {a.bedrag:,}".replace(",", ".") + (f" per {a.per}" if a.per else "")


def planned(p) -> str:
    if p is None:
        return "planning niet vermeld"
    if p.first is None:
        return "hele schooljaar"
    if p.last is None or p.last == p.first:
        return when(p.first)
    return f"{when(p.first)} t/m {when(p.last)}"


def blocks(md: str) -> list[str]:
    """The readable blocks of a Markdown text (paragraphs, list items, headings), as text."""
    soup = BeautifulSoup(markdown.markdown(md, extensions=["tables", "attr_list", "footnotes"]), "html.parser")
    found = []
    for tag in soup.find_all(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th"]):
        if tag.find(["p", "ul", "ol"]):  # a list item with paragraphs: its paragraphs count
            continue
        text = " ".join(tag.get_text(" ").split())
        if text:
            found.append(text)
    return found


def party(agenda: Agenda, who: Party | None, where: str, page: str | None = None) -> Iterator[Item]:
    if who is None:
        return
    if who.partner:
        partner = agenda.partner(who.partner)
        names = ([partner.naam] + ([partner.afkorting] if partner.afkorting else [])) if partner else [who.partner]
        yield Item(f"{where}.partner", names, page)
    if who.rol:
        yield Item(f"{where}.rol", [who.rol], page)
    if who.orgaan:
        body = agenda.body(who.orgaan)
        yield Item(f"{where}.orgaan", [body.naam if body else who.orgaan], page)


def text_items(where: str, value, page: str | None = None, md: bool = False) -> Iterator[Item]:
    if value is None:
        return
    if md:
        for k, block in enumerate(blocks(value)):
            yield Item(f"{where}[blok {k + 1}]", [block], page)
    else:
        yield Item(where, [value], page)


def goal_page(amb: Ambition) -> str:
    return f"ambities/{amb.id}/index.html"


def agenda_items(agenda: Agenda) -> Iterator[Item]:
    info = agenda.info
    yield Item("agenda.titel", [info.titel])
    yield from text_items("agenda.samenvatting", info.samenvatting)
    yield from text_items("agenda.motto", info.motto)
    yield from text_items("agenda.visie_inleiding", info.visie_inleiding, "index.html", md=True)
    yield from text_items("agenda.visie", info.visie, md=True)
    for k, p in enumerate(info.principes):
        yield Item(f"agenda.principes[{k}].titel", [p.titel])
        yield from text_items(f"agenda.principes[{k}].toelichting", p.toelichting)
    if len(info.regio.gemeenten) > 1:  # a region names its municipalities, on its home page
        for k, name in enumerate(info.regio.gemeenten):
            yield Item(f"agenda.regio.gemeenten[{k}]", [name], "index.html")
    if info.vaststelling.door:
        yield Item("agenda.vaststelling.door", [info.vaststelling.door])
    if info.vaststelling.datum is not None:
        yield Item("agenda.vaststelling.datum", [when(info.vaststelling.datum)])
    for k, signer in enumerate(info.vaststelling.ondertekenaars):  # each signature with its own date and place
        at = f"agenda.vaststelling.ondertekenaars[{k}]"
        yield from party(agenda, signer, at, "over/index.html")
        if signer.datum is not None:
            yield Item(f"{at}.datum", [when(signer.datum) + (f" in {signer.plaats}" if signer.plaats else "")], "over/index.html")
    if info.vaststelling.overeenkomst:  # an agreement names its parties
        names = [agenda.partner(pid).naam for pid in dict.fromkeys(s.partner for s in info.vaststelling.ondertekenaars if s.partner)]
        yield Item("agenda.vaststelling.overeenkomst", ["een overeenkomst tussen " + (names[0] if len(names) == 1 else
                                                        ", ".join(names[:-1]) + " en " + names[-1])], "over/index.html")
    if info.vaststelling.status is None:  # not stated: the site says so, and guesses nothing
        yield Item("agenda.vaststelling.status", ["Vaststelling niet vermeld"], "over/index.html")
    if info.organisatie is not None:
        yield from text_items("agenda.organisatie.toelichting", info.organisatie.toelichting, "organisatie/index.html", md=True)
        for k, signer in enumerate(info.organisatie.vaststelling.ondertekenaars):
            yield from party(agenda, signer, f"agenda.organisatie.vaststelling.ondertekenaars[{k}]", "organisatie/index.html")
        if info.organisatie.vaststelling.status == "concept":
            yield Item("agenda.organisatie.vaststelling", ["Deze organisatie is een eerste opzet (concept)"], "organisatie/index.html")
    if info.contact:
        yield Item("agenda.contact.rol", [info.contact.rol])


def chapter_items(agenda: Agenda) -> Iterator[Item]:
    for ch in agenda.info.hoofdstukken:
        page = {"home": "index.html", "over": "over/index.html"}.get(ch.plek, f"hoofdstukken/{ch.id}/index.html")
        yield Item(f"agenda.hoofdstukken[{ch.id}].titel", [ch.titel], page)
        yield from text_items(f"agenda.hoofdstukken[{ch.id}].tekst", ch.tekst, page, md=True)


def document_items(agenda: Agenda) -> Iterator[Item]:
    doc = agenda.info.document
    if doc is None:
        return
    if doc.datum is not None:
        yield Item("agenda.document.datum", [when(doc.datum)])
    for k, author in enumerate(doc.auteurs):
        yield Item(f"agenda.document.auteurs[{k}]", [author])
    yield from text_items("agenda.document.opdrachtgever", doc.opdrachtgever)
    for k, app in enumerate(doc.bijlagen):
        yield Item(f"agenda.document.bijlagen[{k}].titel", [app.titel])
        yield from text_items(f"agenda.document.bijlagen[{k}].soort", app.soort)
    if doc.evaluatie:
        yield from text_items("agenda.document.evaluatie.toelichting", doc.evaluatie.toelichting)
        if doc.evaluatie.eerste:
            yield Item("agenda.document.evaluatie.eerste", [str(doc.evaluatie.eerste)], "over/index.html")
    for k, agreement in enumerate(doc.communicatie):
        yield Item(f"agenda.document.communicatie[{k}].doelgroep", [agreement.doelgroep])
        yield Item(f"agenda.document.communicatie[{k}].afspraak", [agreement.afspraak])
    making = doc.totstandkoming
    if making:
        yield from text_items("agenda.document.totstandkoming.toelichting", making.toelichting, md=True)
        yield from text_items("agenda.document.totstandkoming.begeleiding", making.begeleiding)
        if making.periode is not None:
            yield Item("agenda.document.totstandkoming.periode", [f"Geschreven van {planned(making.periode)}"], "over/index.html")
        for k, meeting in enumerate(making.bijeenkomsten):
            yield Item(f"agenda.document.totstandkoming.bijeenkomsten[{k}].soort", [meeting.soort])
            if meeting.datum is not None:
                yield Item(f"agenda.document.totstandkoming.bijeenkomsten[{k}].datum", [when(meeting.datum)])
            yield from text_items(f"agenda.document.totstandkoming.bijeenkomsten[{k}].omschrijving", meeting.omschrijving)


def financing_items(agenda: Agenda) -> Iterator[Item]:
    fin = agenda.info.financiering
    if fin is not None:
        yield from text_items("agenda.financiering.toelichting", fin.toelichting, md=True)
        for k, source in enumerate(fin.bronnen):
            yield Item(f"agenda.financiering.bronnen[{k}].bron", [source.bron])
    for amb in agenda.ambities:
        for act in amb.activiteiten:
            if act.begroting is not None:
                for k, source in enumerate(act.begroting.bronnen):
                    yield Item(f"ambities[{amb.id}].activiteiten[{act.id}].begroting.bronnen[{k}]", [source], goal_page(amb))
                yield from text_items(f"ambities[{amb.id}].activiteiten[{act.id}].begroting.toelichting", act.begroting.toelichting)


def goal_items(agenda: Agenda) -> Iterator[Item]:
    for amb in agenda.ambities:
        page, at = goal_page(amb), f"ambities[{amb.id}]"
        yield Item(f"{at}.titel", [amb.titel], page)
        yield Item(f"{at}.samenvatting", [amb.samenvatting], page)
        yield from text_items(f"{at}.beschrijving", amb.beschrijving, page, md=True)
        for key in ("pijlers", "vraagstukken"):
            for k, value in enumerate(getattr(amb, key)):
                yield Item(f"{at}.{key}[{k}]", [value], page)
        for k, result in enumerate(amb.resultaten):  # on its own goal's page, and on each goal it is also for
            yield Item(f"{at}.resultaten[{k}]", [result.tekst], page)
            for other in result.ook_voor:
                yield Item(f"{at}.resultaten[{k}] op de pagina van {other}", [result.tekst], f"ambities/{other}/index.html")
        if amb.nummer is not None:  # the goal's number with its level's word: 'Actielijn 3'
            yield Item(f"{at}.nummer", [f"{agenda.naming(agenda.level(amb)).enkelvoud} {amb.nummer}"], page)
        if amb.soort is not None:
            yield Item(f"{at}.soort", [{"inhoud": "Inhoudelijk doel", "proces": "Procesdoel"}[amb.soort]], page)
        if amb.prioriteit:
            yield Item(f"{at}.prioriteit", ["met prioriteit", "heeft prioriteit"], page)
        if amb.doelstelling is not None:
            yield Item(f"{at}.doelstelling.tekst", [amb.doelstelling.tekst], page)
            yield from text_items(f"{at}.doelstelling.eenvoudig", amb.doelstelling.eenvoudig, page)
        for other in amb.ook_onder:  # a goal under more than one: each of them on its page, it on theirs
            yield Item(f"{at}.onder {other}", [agenda.ambition(other).titel], page)
            yield Item(f"{at} op de pagina van {other}", [amb.titel], goal_page(agenda.ambition(other)))
        for body, member in agenda.owned_by_members(amb):
            yield from party(agenda, member, f"organen[{body.id}] eigenaar van {amb.id}", page)
        yield from text_items(f"{at}.eigenaarschap", amb.eigenaarschap, page)
        for k, owner in enumerate(amb.eigenaars):
            yield from party(agenda, owner, f"{at}.eigenaars[{k}]", page)
        parent = agenda.parent(amb)
        if parent is not None:  # the tree both ways: the parent on the child's page, the child on the parent's
            yield Item(f"{at}.onder", [parent.titel], page)
            yield Item(f"{at} op de pagina van {parent.id}", [amb.titel], goal_page(parent))
        for ind in amb.indicatoren:
            yield Item(f"{at}.indicatoren[{ind.id}].titel", [ind.titel], page)


def activity_items(agenda: Agenda) -> Iterator[Item]:
    for amb in agenda.ambities:
        page = goal_page(amb)
        for act in amb.activiteiten:
            at = f"ambities[{amb.id}].activiteiten[{act.id}]"
            yield Item(f"{at}.titel", [act.titel], page)
            yield Item(f"{at}.planning", [planned(act.planning)], page)
            yield from action_details(agenda, act, at, page)


def action_details(agenda: Agenda, act, at: str, page: str | None) -> Iterator[Item]:
    yield from text_items(f"{at}.beschrijving", act.beschrijving, md=True)
    yield from text_items(f"{at}.resultaat", act.resultaat, md=True)
    yield from party(agenda, act.trekker, f"{at}.trekker", page)
    for k, who in enumerate(act.partners):
        yield from party(agenda, who, f"{at}.partners[{k}]", page)
    for k, note in enumerate(act.voortgang):
        yield Item(f"{at}.voortgang[{k}].tekst", [note.tekst])
    for k, ev in enumerate(act.evaluatie):
        yield from text_items(f"{at}.evaluatie[{k}].soort", ev.soort)
        yield from text_items(f"{at}.evaluatie[{k}].uitkomst", ev.uitkomst)
    if act.locatie:
        for k, name in enumerate(act.locatie.names()):
            yield Item(f"{at}.locatie[{k}]", [name])


def year_plan_items(agenda: Agenda) -> Iterator[Item]:
    for plan in agenda.jaarplannen:
        at = f"jaarplannen[{plan.schooljaar}]"
        yield from text_items(f"{at}.inleiding", plan.inleiding, md=True)
        for amb_plan in plan.ambities:
            here = f"{at}.ambities[{amb_plan.ambitie}]"
            for key in ("jaardoel", "huidige_situatie", "aanpak"):
                yield from text_items(f"{here}.{key}", getattr(amb_plan, key), md=True)
            for act in amb_plan.acties:
                yield Item(f"{here}.acties[{act.id}].titel", [act.titel])
                yield from action_details(agenda, act, f"{here}.acties[{act.id}]", None)


def body_items(agenda: Agenda) -> Iterator[Item]:
    page = "organisatie/index.html"
    for body in agenda.organen:
        at = f"organen[{body.id}]"
        yield Item(f"{at}.naam", [body.naam], page)
        yield from text_items(f"{at}.beschrijving", body.beschrijving, page, md=True)
        for key in ("omvang", "verslag", "voorzitterschap", "frequentie"):
            yield from text_items(f"{at}.{key}", getattr(body, key), page)
        for key in ("taken", "vervangt"):
            for k, value in enumerate(getattr(body, key)):
                yield Item(f"{at}.{key}[{k}]", [value], page)
        yield from party(agenda, body.voorzitter, f"{at}.voorzitter", page)
        yield from party(agenda, body.secretaris, f"{at}.secretaris", page)
        for k, member in enumerate(body.leden):
            yield from party(agenda, member, f"{at}.leden[{k}]", page)
            for goal in member.eigenaar_van:
                yield Item(f"{at}.leden[{k}].eigenaar_van {goal}", [f"eigenaar van {agenda.ambition(goal).nummer}. {agenda.ambition(goal).titel}"
                                                                     if agenda.ambition(goal).nummer else f"eigenaar van {agenda.ambition(goal).titel}"], page)
        for kind, label in (("bij voorkeur", "Bij voorkeur als lid"), ("bijvoorbeeld", "Voorbeelden van leden"), ("mogelijk", "Mogelijke leden")):
            if any(m.lid == kind for m in body.leden):
                yield Item(f"{at}.leden ({kind})", [label], page)
        yield from text_items(f"{at}.mandaat", body.mandaat, page)
        for key, label in (("deel_van", "Is onderdeel van"), ("gaat_samen_met", "Gaat samen met")):
            targets = [agenda.body(t).naam for t in getattr(body, key)]
            if targets:
                yield Item(f"{at}.{key}", [f"{label} {', '.join(targets)}"], page)
        parts = [b.naam for b in agenda.organen if body.id in b.deel_van]
        if parts:  # a relation both ways: the whole names its parts
            yield Item(f"{at} omvat", [f"Omvat {', '.join(parts)}"], page)
        if body.bestond_als:
            yield Item(f"{at}.bestond_als", [f"Bestond al als {body.bestond_als}"], page)
        if body.stand_van_zaken:
            yield Item(f"{at}.stand_van_zaken", [f"Stand van zaken {body.stand_van_zaken}"], page)
        if body.status != "actief":
            yield Item(f"{at}.status", [body.status], page)
        if body.sinds is not None:
            yield Item(f"{at}.sinds", [when(body.sinds)], page)


def indicator_items(agenda: Agenda) -> Iterator[Item]:
    indicators = [(f"ambities[{a.id}].indicatoren[{i.id}]", i) for a, i in agenda.indicators()]
    indicators += [(f"agenda.kerncijfers[{i.id}]", i) for i in agenda.info.kerncijfers]
    for at, ind in indicators:
        yield Item(f"{at}.titel", [ind.titel])
        for key in ("definitie", "bron", "huidige_situatie"):
            yield from text_items(f"{at}.{key}", getattr(ind, key))
        if ind.doel is not None:
            yield from text_items(f"{at}.doel.omschrijving", ind.doel.omschrijving)
        for k, comparison in enumerate(ind.vergelijking):
            yield Item(f"{at}.vergelijking[{k}].label", [comparison.label])
        values = ([("nulmeting", ind.nulmeting)] if ind.nulmeting else []) + [(f"metingen[{k}]", m) for k, m in enumerate(ind.metingen)]
        for key, m in values:
            yield from text_items(f"{at}.{key}.toelichting", m.toelichting)
            for k, part in enumerate(m.uitsplitsing):
                yield Item(f"{at}.{key}.uitsplitsing[{k}].label", [part.label])


def partner_items(agenda: Agenda) -> Iterator[Item]:
    page = "partners/index.html"
    for p in agenda.partners:
        at = f"partners[{p.id}]"
        yield Item(f"{at}.naam", [p.naam], page)
        yield from text_items(f"{at}.omschrijving", p.omschrijving, page)
        for k, kind in enumerate(p.soort):
            yield Item(f"{at}.soort[{k}]", [kind], page)
        if p.sectoren:
            for sector in p.all_sectors():
                yield Item(f"{at}.sector {sector}", [SECTOR_LABELS[sector], sector], page)
        if p.niveau:
            yield Item(f"{at}.niveau", [f"{SECTOR_LABELS[p.sector]} ({', '.join(SECTOR_LABELS[n] for n in p.niveau)})"], page)


def role_items(agenda: Agenda) -> Iterator[Item]:
    page = "organisatie/index.html"
    for role in agenda.rollen:
        at = f"rollen[{role.id}]"
        yield Item(f"{at}.naam", [role.naam], page)
        yield from text_items(f"{at}.beschrijving", role.beschrijving, page, md=True)
        yield from text_items(f"{at}.omvang", role.omvang, page)
        for k, task in enumerate(role.taken):
            yield Item(f"{at}.taken[{k}]", [task], page)
        if role.partner:
            yield from party(agenda, Party(partner=role.partner), f"{at}.partner", page)
        for k, target in enumerate(role.rapporteert_aan):
            yield Item(f"{at}.rapporteert_aan[{k}]", [agenda.body(target).naam], page)


def intervention_items(agenda: Agenda) -> Iterator[Item]:
    for item in agenda.interventies:
        at = f"interventies[{item.id}]"
        yield Item(f"{at}.titel", [item.titel])
        yield from text_items(f"{at}.doel", item.doel, md=True)
        yield from text_items(f"{at}.monitoring", item.monitoring, md=True)
        yield from text_items(f"{at}.planning", item.planning)
        if item.doelgroep:
            yield Item(f"{at}.doelgroep", [item.doelgroep.omschrijving])
        for k, act in enumerate(item.activiteiten):
            yield Item(f"{at}.activiteiten[{k}]", [act])
        page = "interventies/index.html"
        for k, source in enumerate(item.financiering):
            yield Item(f"{at}.financiering[{k}].bron", [source.bron])
            if source.doel:
                yield Item(f"{at}.financiering[{k}].doel", [f"voor {source.doel}"], page)
            if source.bedrag is not None or source.per:
                yield Item(f"{at}.financiering[{k}].bedrag", [amount_words(source)], page)
            yield from text_items(f"{at}.financiering[{k}].toelichting", source.toelichting, page)
        if item.kosten is not None and item.kosten.bedrag is not None:
            yield Item(f"{at}.kosten", [f"Totale kosten {amount_words(item.kosten)}"], page)
        for k, who in enumerate(item.betrokken_partijen):
            yield from party(agenda, who, f"{at}.betrokken_partijen[{k}]")
        goal = agenda.ambition(item.ambitie) if item.ambitie else None
        if goal is not None:  # under its goal's page, under the agenda's word for interventions
            yield Item(f"{at} op de pagina van {goal.id}", [item.titel], goal_page(goal))
            yield Item(f"{at}: het woord op de pagina van {goal.id}", [agenda.intervention_naming().meervoud], goal_page(goal))
        ages = item.doelgroep.leeftijden if item.doelgroep else None
        if ages is not None:
            low, high = ages.months if ages.months else (ages.low * 12, ages.high * 12)
            for group, _, _ in age_groups(agenda):  # on every age page its months reach, before birth on the youngest
                first, last = (int(x) * 12 for x in group.split("-"))
                if max(low, 0) < last and high >= first and not (high == first and first > 0):
                    yield Item(f"{at} op de leeftijdspagina {group}", [item.titel], f"ouders/{group}/index.html")
                    yield Item(f"{at}: het woord op de leeftijdspagina {group}",
                               [f"{agenda.intervention_naming().meervoud} voor deze leeftijd"], f"ouders/{group}/index.html")


def place_items(agenda: Agenda) -> Iterator[Item]:
    """Issue 29 item 8: each place on its own page with its priorities, the places inside it, and the work
    whose location names it (or a place inside it); every place on the page 'In mijn wijk'."""
    from lea_site.verdicts import all_actions

    for place in agenda.info.plaatsen:
        page, at = f"plaatsen/{place.id}/index.html", f"agenda.plaatsen[{place.id}]"
        yield Item(f"{at}.naam", [place.naam], page)
        yield Item(f"{at} in 'In mijn wijk'", [place.naam], "plaatsen/index.html")
        yield from text_items(f"{at}.soort", place.soort, page)
        yield from text_items(f"{at}.samenvatting", place.samenvatting, page)
        if agenda.place_parent(place):
            yield Item(f"{at}.onder", [agenda.place_parent(place).naam], page)
            yield Item(f"{at} op de pagina van {place.onder}", [place.naam], f"plaatsen/{place.onder}/index.html")
        for k, priority in enumerate(place.prioriteiten):
            yield Item(f"{at}.prioriteiten[{k}].titel", [priority.titel], page)
            yield from text_items(f"{at}.prioriteiten[{k}].toelichting", priority.toelichting, page)
            if priority.doel:
                yield Item(f"{at}.prioriteiten[{k}].doel", [agenda.ambition(priority.doel).titel], page)
        names, todo = set(), [place]
        while todo:
            current = todo.pop()
            names.add(current.naam.casefold())
            todo += agenda.place_children(current)
        for action in all_actions(agenda):
            if action.locatie and any(n.casefold() in names for n in action.locatie.names()):
                shown = action.voor_ouders.titel if action.voor_ouders and action.voor_ouders.titel else action.titel
                yield Item(f"{at}: actie {action.id}", [shown], page)


def related_items(agenda: Agenda) -> Iterator[Item]:
    """Issue 29 items 9 and 10: the previous agenda, addenda and the regional or local agenda, with what
    changed, on the page about the agenda; a shared goal on the goal's page, named as the other agenda has it."""
    page = "over/index.html"
    for k, other in enumerate(agenda.info.verwant):
        at = f"agenda.verwant[{k}]"
        yield Item(f"{at}.titel", [other.titel], page)
        yield Item(f"{at}.titel op de voorpagina", [other.titel], "index.html")
        yield Item(f"{at}.soort", [f"{RELATION_KINDS[other.soort]}: {other.titel}"], page)
        if other.periode:
            yield Item(f"{at}.periode", [f"{other.periode.van} tot en met {other.periode.tot}"], page)
        if other.vaststelling and other.vaststelling.door:
            yield Item(f"{at}.vaststelling.door", [other.vaststelling.door], page)
        yield from text_items(f"{at}.toelichting", other.toelichting, page, md=True)
        for n, change in enumerate(other.wijzigingen):
            yield Item(f"{at}.wijzigingen[{n}]", [change], page)
        for n, shared in enumerate(other.doelen):
            goal = agenda.ambition(shared.doel)
            yield Item(f"{at}.doelen[{n}].doel", [goal.titel], page)
            yield Item(f"{at}.doelen[{n}] op de pagina van het doel", [other.titel], goal_page(goal))
            if shared.daar:
                yield Item(f"{at}.doelen[{n}].daar", [shared.daar], page)
                yield Item(f"{at}.doelen[{n}].daar op de pagina van het doel", [shared.daar], goal_page(goal))


def dimension_items(agenda: Agenda) -> Iterator[Item]:
    """Issue 29 item 11: each activity's newest state per dimension, with its note, on its goal's page (worked
    out here from the notes, not by the site's rule)."""
    for amb in agenda.ambities:
        for act in amb.activiteiten:
            newest: dict[str, tuple] = {}
            for note in sorted(act.voortgang, key=lambda n: n.datum):
                for report in note.dimensies:
                    newest[report.dimensie.casefold()] = (report, note.datum)
            for key, (report, day) in newest.items():
                at = f"ambities[{amb.id}].activiteiten[{act.id}] dimensie {key}"
                yield Item(at, [f"{report.dimensie} {report.stand} ({when(day)})"], goal_page(amb))
                yield from text_items(f"{at}.toelichting", report.toelichting, goal_page(amb))


def owner_word_items(agenda: Agenda) -> Iterator[Item]:
    """Issue 29 item 12: the owners under the agenda's own word on each goal's page, and on the partner's entry."""
    word = agenda.owner_naming()
    for amb in agenda.ambities:
        if amb.eigenaars:
            label = word.meervoud if len(amb.eigenaars) > 1 else word.enkelvoud
            yield Item(f"ambities[{amb.id}].eigenaars: het woord", [f"{label}:"], goal_page(amb))
            for o in amb.eigenaars:
                if o.partner:
                    yield Item(f"ambities[{amb.id}] bij partner {o.partner}", [f"{word.enkelvoud} van {amb.titel}"], "partners/index.html")


CATEGORIES = {
    "agenda": agenda_items,
    "hoofdstukken": chapter_items,
    "document": document_items,
    "financiering": financing_items,
    "doelen": goal_items,
    "activiteiten": activity_items,
    "jaarplannen": year_plan_items,
    "organen": body_items,
    "indicatoren": indicator_items,
    "partners": partner_items,
    "interventies": intervention_items,
    "rollen": role_items,
    "plaatsen": place_items,
    "verwant": related_items,
    "dimensies": dimension_items,
    "eigenaars": owner_word_items,
}


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_item_of_the_data_is_on_the_site(site: Site, category: str):
    missing = []
    for item in CATEGORIES[category](site.agenda):
        if item.page is not None:
            page = site.page(item.page)
            if page is None:
                missing.append(f"{item.where}: pagina {item.page} bestaat niet")
                continue
            haystack = page.text
        else:
            haystack = site.text
        if not any(squash(text) in haystack for text in item.texts):
            missing.append(f"{item.where}: {item.texts[0]!r}" + (f" (op {item.page})" if item.page else ""))
    assert not missing, f"{site.name}: {len(missing)} onderdelen van de data staan niet op de site:\n" + "\n".join(missing)


def test_document_links_are_on_the_site(site: Site):
    doc = site.agenda.info.document
    urls = ([doc.bron] if doc and doc.bron else []) + [a.url for a in (doc.bijlagen if doc else []) if a.url]
    hrefs = site.hrefs()
    assert [u for u in urls if u not in hrefs] == []


# --- nothing empty, nothing false ------------------------------------------------------


def empty_sections(article: Tag) -> list[str]:
    """Headings that have nothing under them before the next heading of the same or a higher level, or the end."""
    found: list[str] = []
    pending: tuple[int, str] | None = None  # the last heading without content yet
    for node in article.descendants:
        if isinstance(node, Tag):
            match = HEADING.match(node.name)
            if match:
                level = int(match[1])
                if pending is not None and level <= pending[0]:
                    found.append(pending[1])
                pending = (level, f"h{level} {' '.join(node.get_text(' ').split())!r}")
            elif node.name in ("svg", "img", "table", "iframe", "input") and pending and not inside_heading(node):
                pending = None
        elif isinstance(node, NavigableString) and not isinstance(node, Comment) and node.strip():
            if pending is not None and not inside_heading(node):
                pending = None
    if pending is not None:
        found.append(pending[1] + " (einde van de pagina)")
    return found


def inside_heading(node) -> bool:
    return any(HEADING.match(p.name or "") for p in node.parents)


def test_no_page_has_an_empty_section(site: Site):
    found = [f"{rel}: {h}" for rel, page in site.pages.items() for h in empty_sections(page.article)]
    assert not found, f"{site.name}: lege secties:\n" + "\n".join(found)


def visible(page: Page) -> str:
    """The page's text and the attributes a reader or screen reader gets (title, aria-label, alt)."""
    parts = [page.soup.get_text(" ")]
    for tag in page.soup.find_all(True):
        for key in ("title", "aria-label", "alt"):
            if tag.get(key):
                parts.append(str(tag[key]))
    return " ".join(" ".join(parts).split())


def test_no_page_shows_none_an_unknown_school_year_or_zero_euros(site: Site):
    money = site.agenda.has_money()
    found = []
    for rel, page in site.pages.items():
        text = visible(page)
        if re.search(r"\bNone\b", text):
            found.append(f"{rel}: None")
        # ('? niet gemeld' is the status badge of an action planned for the whole school year)
        if re.search(r"schooljaar \?(?! niet gemeld)", text.lower()):
            found.append(f"{rel}: 'schooljaar ?'")
        if not money and re.search(r"€\s?0(?![0-9.,])", text):
            found.append(f"{rel}: '€ 0' in een agenda zonder geld")
    assert not found, f"{site.name}:\n" + "\n".join(found)


def test_no_pages_for_what_the_agenda_does_not_have(site: Site):
    agenda = site.agenda
    found = []
    if not agenda.has_year_plans():
        found += [rel for rel in site.pages if rel.startswith(("schooljaren/", "jaarplannen/"))]
        nav = " ".join(squash(a.get_text(" ")) for a in site.pages["index.html"].soup.select("nav .md-nav__link"))
        if squash("Schooljaren") in nav:
            found.append("menu: Schooljaren")
    if not agenda.has_money():
        found += [rel for rel in site.pages if rel.startswith("begroting/")]
        for rel, page in site.pages.items():
            headers = [" ".join(th.get_text(" ").split()) for th in page.article.find_all("th")
                       if th.get("scope") != "row" and th.find_parent("tbody") is None]  # column headers, not row titles
            found += [f"{rel}: kolom {h!r}" for h in headers if re.search(r"begroting|budget|kosten|dekking|bedrag", h, re.I)]
    assert not found, f"{site.name}: " + "\n".join(found)


# --- the agenda's own words ------------------------------------------------------------


def data_texts(agenda: Agenda) -> list[str]:
    """Every text in the data, squashed: a word that comes from the data is not the site's word."""
    out: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            out.append(squash(value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    walk(agenda.model_dump())
    return out


def labels(page: Page) -> Iterator[tuple[str, str, str]]:
    """(where, text, context) of what names things: headings, table headers, captions, chart texts, menu entries,
    card and intro texts, and the words a screen reader hears; per text node, with its element's text."""
    for node in page.soup.find_all(string=True):
        if isinstance(node, Comment) or not node.strip():
            continue
        parent = node.parent
        if parent is None or parent.name in ("script", "style", "title"):
            continue
        yield parent.name, " ".join(node.split()), " ".join(parent.get_text(" ").split())
    for tag in page.soup.find_all(True):
        for key in ("aria-label", "title", "alt"):
            if tag.get(key):
                yield f"{tag.name}[{key}]", " ".join(str(tag[key]).split()), " ".join(str(tag[key]).split())


def wrong_words(site: Site, rel: str, word: re.Pattern, allowed_context: list[str]) -> list[str]:
    """Texts of the site (not of the data) on page ``rel`` that use ``word``."""
    texts = data_texts(site.agenda)
    found = []
    for where, text, context in labels(site.pages[rel]):
        if not word.search(text):
            continue
        squashed = squash(text)
        if any(squashed in t for t in texts):  # the data's own text
            continue
        if any(squash(c) in squash(context) for c in allowed_context):
            continue
        found.append(f"{rel}: {where} {text!r}")
    return found


def test_the_agendas_own_goal_word_is_used(site: Site):
    agenda = site.agenda
    top = agenda.naming(0)
    found = []
    if top.enkelvoud.lower() != "ambitie":
        ambitie = re.compile(r"\bambitie(s)?\b", re.I)
        for rel in site.pages:
            found += wrong_words(site, rel, ambitie, [])
        nav = " ".join(a.get_text(" ") for a in site.pages["index.html"].soup.select("nav .md-nav__link"))
        if top.meervoud.lower() not in nav.lower():
            found.append(f"menu: geen {top.meervoud!r}")
    for amb in agenda.ambities:
        level = agenda.level(amb)
        own = agenda.naming(level)
        if level == 0 or own.enkelvoud.lower() == top.enkelvoud.lower():
            continue
        rel = goal_page(amb)
        if rel not in site.pages:
            found.append(f"{rel}: geen pagina voor {own.enkelvoud} {amb.id}")
            continue
        # On an action line's page, the top-level word only names its parent.
        top_word = re.compile(rf"\b{re.escape(top.enkelvoud)}\b", re.I)
        found += wrong_words(site, rel, top_word, [agenda.parent(amb).titel] if agenda.parent(amb) else [])
        page_words = " ".join(t for w, t, _ in labels(site.pages[rel]) if w in ("h1", "h2", "h3", "th", "caption", "p", "span", "a"))
        if own.enkelvoud.lower() not in page_words.lower() and own.meervoud.lower() not in page_words.lower():
            found.append(f"{rel}: het woord {own.enkelvoud!r} staat niet op de pagina")
    for level, naming in enumerate(agenda.info.niveaus):
        if naming.enkelvoud.lower() == "ambitie" or not any(agenda.level(a) == level for a in agenda.ambities):
            continue
        headers = " ".join(
            " ".join(h.get_text(" ").split()) for page in site.pages.values()
            for h in page.article.find_all(["h1", "h2", "h3", "h4", "th", "caption"]))
        nav = " ".join(a.get_text(" ") for a in site.pages["index.html"].soup.select("nav .md-nav__link"))
        if not re.search(rf"\b({re.escape(naming.enkelvoud)}|{re.escape(naming.meervoud)})\b", headers + " " + nav, re.I):
            found.append(f"het woord {naming.meervoud!r} (niveau {level + 1}) staat in geen kop, kolom of menu")
    assert not found, f"{site.name}: 'ambitie' waar de agenda een eigen woord heeft:\n" + "\n".join(found)


@pytest.mark.parametrize("text,levels", [("### Kop\n\nTekst.", ["h3"]), ("# Een\n\n## Twee\n\nTekst.", ["h3", "h4"]),
                                         ("#### Diep\n\n##### Dieper", ["h3", "h4"])])
def test_headings_in_data_start_below_the_page_headings_whatever_level_they_were_written_at(text, levels):
    from bs4 import BeautifulSoup

    from lea_site.render.html import md

    found = [h.name for h in BeautifulSoup(md(text), "html.parser").find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert found == levels
