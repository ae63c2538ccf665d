"""A reader's review of the parents' pages (items 17, 19, 28 and 30): what the pages say must be true of the data.

- Per wijk of school: places grouped by their kind as the data gives it, every place the agenda names listed (none
  silently left out), an activity in two neighbourhoods under each, and no sentence written for an age page.
- Whom to ask: a contact that is not the offer's own (or its lead's) says so, and names who runs the offer.
- An age page whose offers all begin later says so plainly; an offer for ages partly outside the page names its ages.
- 'Waar' names the municipality, never a vague 'hele gemeente'; every phone is written the one Dutch way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lea_site.load import load
from lea_site.model import Contact
from lea_site.render import format as fmt
from lea_site.render import parents
from lea_site.render.contact import contact_html, resolve_from
from lea_site.render.pages import View, _current_actions
from lea_site.render.paths import age_groups

from .conftest import DATA, DEMO_TODAY, SITE_DATA


@pytest.fixture(scope="module")
def demo() -> View:
    agenda = load(DATA, DEMO_TODAY).agenda
    assert agenda is not None
    return View(agenda, DEMO_TODAY, lambda target: target)


def _article(site: Path, rel: str):
    found = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser").select_one("article.md-content__inner")
    assert found is not None, rel
    return found


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def _fact(card, label: str):
    dt = next((dt for dt in card.select("dt") if dt.get_text(strip=True) == label), None)
    return dt.find_next_sibling("dd") if dt else None


# --- item 30: one way to write a phone number ------------------------------------------------------


@pytest.mark.parametrize(("written", "shown", "dialled"), [
    ("14 0999", "14 0999", "140999"), ("14  0999", "14 0999", "140999"), ("14 070", "14 070", "14070"),
    ("+31 999 200 300", "0999 200 300", "+31999200300"), ("0999-200300", "0999 200 300", "+31999200300"),
    ("0031 999 200 300", "0999 200 300", "+31999200300"), ("+31 70 123 4567", "070 123 4567", "+31701234567"),
    ("088 123 45 67", "088 123 4567", "+31881234567"), ("0800 1234", "0800 1234", "08001234"),
    ("+32 2 123 45 67", "+32 2 123 45 67", "+3221234567"),  # abroad: as written
    ("+31 999 123 4567", "+31 999 123 4567", "09991234567"),  # no Dutch number has 11 digits: as written, never regrouped
])
def test_a_phone_number_is_written_the_dutch_way(written: str, shown: str, dialled: str):
    assert fmt.phone(written) == shown
    assert fmt.phone_dial(written) == dialled
    assert fmt.phone(shown) == shown  # written once: writing it again changes nothing


@pytest.mark.parametrize("name", sorted(SITE_DATA))
def test_every_phone_on_a_site_is_written_one_way(built_site, name: str):
    """Every tel: link on every page, for the demo and every fixture: its text in the one national form, its number
    the data's. (The demo wrote '14 0999' and '+31 999 200 300' side by side on one parents' page.)"""
    data, today = SITE_DATA[name]
    agenda = load(data, today).agenda
    numbers = {c.telefoon for c in _contacts(agenda) if c.telefoon}
    numbers |= {a.voor_ouders.telefoon for _, a in _all_actions(agenda) if a.voor_ouders and a.voor_ouders.telefoon}
    site = built_site(name).site
    links = []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "tel:" in html:
            links += BeautifulSoup(html, "html.parser").select('a[href^="tel:"]')
    for link in links:
        shown = link.get_text()
        assert any(fmt.phone(n) == shown for n in numbers), (name, shown)
        assert link["href"] == "tel:" + fmt.phone_dial(shown), (name, shown)
    if name == "demo":
        assert {link.get_text() for link in links} >= {"14 0999", "0999 200 300"}  # both ways the demo writes them


def _contacts(agenda) -> list[Contact]:
    found = [agenda.info.contact] if agenda.info.contact else []
    found += [p.contact for p in agenda.partners if p.contact]
    found += [b.contact for b in agenda.organen if b.contact]
    found += [g.contact for g in agenda.ambities if g.contact]
    found += [i.contact for i in agenda.interventies if i.contact]
    found += [a.contact for _, a in _all_actions(agenda) if a.contact]
    return found


def _all_actions(agenda):
    for plan in agenda.year_plans_sorted():
        yield from plan.actions()
    for goal in agenda.ambities:
        for action in goal.activiteiten:
            yield goal, action


# --- item 30: where, by its name ------------------------------------------------------------------


def test_everywhere_is_named_by_the_municipality(built_site, demo):
    site = built_site("demo").site
    checked = 0
    for group, ages, _ in age_groups(demo.agenda):
        page = _article(site, f"ouders/{group}/index.html")
        for dt in page.select("dt"):
            if dt.get_text(strip=True) == "Waar":
                where = _text(dt.find_next_sibling("dd"))
                assert not re.search(r"\bhele (gemeente|regio)\b", where), (group, where)
                checked += where == "overal in Lindeveen"
    assert checked >= 3  # the demo's offers and programmes for the whole municipality


# --- item 19: whom to ask --------------------------------------------------------------------------


def test_a_contact_that_is_not_the_offers_own_says_so(built_site, demo):
    """The jeugdteam's consultation hour showed the LEA's programme manager and the municipality's phone under
    'Vragen?' as if they were the jeugdteam's. A fallback now says it is one, and who runs the offer is named."""
    site = built_site("demo").site
    fallbacks = 0
    for group, ages, _ in age_groups(demo.agenda):
        page = _article(site, f"ouders/{group}/index.html")
        for owner, action in parents.offers(parents.group_pairs(demo, ages)):
            card = page.find(id=parents._anchor(demo, owner, action)).find_next_sibling(class_="lea-offer")
            goal = demo.agenda.ambition(owner.ambitie) if hasattr(owner, "ambitie") else owner
            contact, source = resolve_from(demo.agenda, action.contact, goal, action.trekker)
            ask = _text(_fact(card, "Vragen?"))
            if source in ("eigen", "trekker"):
                assert not ask.startswith("Hiervoor staat geen eigen contact"), action.id
                continue
            fallbacks += 1
            assert ask.startswith("Hiervoor staat geen eigen contact in de agenda."), (action.id, ask)
            lead = demo.agenda.partner(action.trekker.partner) if action.trekker and action.trekker.partner else None
            if lead is not None:
                assert _text(_fact(card, "Wie doet dit?")) == lead.naam, action.id
    assert fallbacks >= 3  # the spreekuur, schooladvies and the company day in the demo


def test_a_contacts_web_page_is_named_not_spelled_out(demo):
    html = contact_html(demo.agenda, Contact(rol="loket", partner="bibliotheek", url="https://bieb-lindeveen.example/contact"))
    link = BeautifulSoup(html, "html.parser").find("a")
    assert link.get_text() == "website van Bibliotheek Lindeveen" and link["href"] == "https://bieb-lindeveen.example/contact"


def test_no_link_on_a_parents_page_reads_as_a_bare_address(built_site, demo):
    """A bare address broke over lines at 320 px and did not say whose website it is (the Taalcafé's 'Meer informatie')."""
    site = built_site("demo").site
    for page in (site / "ouders").rglob("index.html"):
        for link in _article(site, str(page.relative_to(site))).select("a[href]"):
            assert not re.match(r"https?://|www\.", link.get_text(strip=True)), (page, link)


def test_a_local_term_on_a_parents_page_is_explained(built_site):
    """'Lindeveen-pas' is the demo's own term (agenda.begrippen): the cost of the after-school programme explains it."""
    page = _article(built_site("demo").site, "ouders/4-12/index.html")
    abbr = page.find("abbr", string="Lindeveen-pas")
    assert abbr is not None and "laag inkomen" in abbr["title"]
    assert "((" not in _text(page) and "))" not in _text(page)  # never an explanation in brackets inside brackets


# --- item 28: what is not there yet -----------------------------------------------------------------


def test_an_age_page_whose_offers_all_begin_later_says_so(built_site, demo):
    site = built_site("demo").site
    checked = 0
    for group, ages, _ in age_groups(demo.agenda):
        found = parents.offers(parents.group_pairs(demo, ages))
        if not found or any(not parents.is_later(demo, a) for _, a in found):
            continue
        page = _article(site, f"ouders/{group}/index.html")
        lead = _text(page.select_one(".lea-lead"))
        assert "nog niets dat u en uw kind zelf kunnen doen of gebruiken" in lead, (group, lead)
        assert "Wat kunt u doen of gebruiken?" not in [h.get_text(strip=True) for h in page.select("h2")]
        checked += 1
    assert checked  # the demo's 18-23: only the company day of March 2027


def test_an_offer_for_ages_partly_outside_the_page_names_its_ages(built_site, demo):
    """The company day (14 to 20) on the page 18 to 23 said only 'leerlingen van het vmbo': it now names the ages."""
    site = built_site("demo").site
    checked = 0
    for group, ages, _ in age_groups(demo.agenda):
        page = _article(site, f"ouders/{group}/index.html")
        for owner, action in parents.offers(parents.group_pairs(demo, ages)):
            own = action.leeftijden
            if not (action.voor_ouders.voor_wie and own):
                continue
            card = page.find(id=parents._anchor(demo, owner, action)).find_next_sibling(class_="lea-offer")
            who = _text(_fact(card, "Voor wie"))
            inside = ages.low <= own.low and own.high <= ages.high
            said = re.search(rf"\b{own.low}\b.*\b{own.high}\b", action.voor_ouders.voor_wie)  # its own words name them
            assert who.endswith(f"({own.low} tot {own.high} jaar)") == (not inside and not said), (group, action.id, who)
            assert len(re.findall(rf"\b{own.low}\b", who)) == 1 or inside, (group, action.id, who)  # named once, never twice
            checked += not inside and not said
    assert checked


# --- item 17: per neighbourhood or school ----------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SITE_DATA))
def test_the_places_page_lists_every_place_by_its_kind(built_site, name: str):
    data, today = SITE_DATA[name]
    agenda = load(data, today).agenda
    site = built_site(name).site
    if not (site / "ouders" / "locaties" / "index.html").is_file():
        return
    page = _article(site, "ouders/locaties/index.html")
    kinds = dict(parents.PLACE_KINDS)
    under: dict[str, str] = {}  # place name -> the h2 (kind) it stands under
    section = None
    for h in page.select("h2, h3"):
        if h.name == "h2":
            section = h.get_text(strip=True)
        else:
            under[h.get_text(strip=True).casefold()] = section
    locations = [a.locatie for _, a in _all_actions(agenda) if a.locatie] + [i.locatie for i in agenda.interventies if i.locatie]
    for location in locations:
        for kind, label in kinds.items():
            for place in getattr(location, kind):
                assert place.casefold() in under, (name, place)  # none vanishes
                first = next(k for k in kinds if any(place.casefold() == n.casefold() for loc in locations for n in getattr(loc, k)))
                assert under[place.casefold()] == kinds[first], (name, place, under[place.casefold()])
    assert "voor deze leeftijd" not in _text(page)  # a place is not an age


def _section(page, place: str) -> str:
    h3 = next(h for h in page.select("h3") if h.get_text(strip=True) == place)
    part = []
    for sib in h3.find_next_siblings():
        if sib.name in ("h2", "h3"):
            break
        part.append(_text(sib))
    return " ".join(part)


def test_an_activity_in_two_neighbourhoods_stands_under_each(built_site, demo):
    """The Taalcafé (a programme in Oosterwijk and De Hagen) stood under neither; an offer in two places stands under both."""
    page = _article(built_site("demo").site, "ouders/locaties/index.html")
    checked = set()
    for item in demo.agenda.interventies:
        for place in item.locatie.names() if item.locatie else []:
            assert item.titel in _section(page, place), (place, item.titel)
            checked.add((item.titel, place))
    for _, action in _current_actions(demo):
        if action.voor_ouders is None or action.locatie is None:
            continue
        for place in action.locatie.names():
            assert parents.offer_title(action) in _section(page, place), (place, action.id)
    assert {("Taalcafé voor ouders", "Oosterwijk"), ("Taalcafé voor ouders", "De Hagen")} <= checked


def test_a_place_without_work_this_year_is_listed_as_such(built_site, demo):
    page = _article(built_site("demo").site, "ouders/locaties/index.html")
    current = {n.casefold() for _, a in _current_actions(demo) if a.locatie for n in a.locatie.names()}
    current |= {n.casefold() for i in demo.agenda.interventies if i.locatie for n in i.locatie.names()}
    idle = {n for _, a in _all_actions(demo.agenda) if a.locatie for n in a.locatie.names() if n.casefold() not in current}
    assert idle  # the demo: schools of 2025-2026 only
    for place in idle:
        assert _section(page, place) == "Nog geen activiteiten in dit schooljaar.", place


@pytest.mark.parametrize("name", [n for n, (data, _) in SITE_DATA.items() if "plaatsen:" in (data / "agenda.yml").read_text(encoding="utf-8")])
def test_a_place_page_says_whose_contact_it_gives(name: str):
    """A place's page named the agenda's programme manager under 'Vragen?' as if it were the place's own contact."""
    from lea_site.render import family

    data, today = SITE_DATA[name]
    agenda = load(data, today).agenda
    view = View(agenda, today, lambda target: target)
    assert agenda.info.plaatsen
    for place in agenda.info.plaatsen:
        ask = family.place_page_md(view, place.id).split("## Vragen?\n", 1)[1]
        assert BeautifulSoup(ask, "html.parser").get_text().strip().startswith("Vragen over deze agenda? Neem contact op met"), place.id


@pytest.mark.parametrize("name", sorted(SITE_DATA))
def test_everywhere_is_named_in_tables_and_pdfs_too(name: str):
    """The action tables and the PDFs wrote 'Waar: hele gemeente of regio'; now the municipality's or region's name."""
    from lea_site.exports import pdfblocks
    from lea_site.model import Location
    from lea_site.render.tables import action_cell

    data, today = SITE_DATA[name]
    agenda = load(data, today).agenda
    towns = agenda.info.regio.gemeenten
    named = f"hele gemeente {towns[0]}" if len(towns) == 1 else f"hele regio {agenda.info.regio.naam}"
    assert fmt.where(agenda, Location(hele_gemeente=True, wijken=["Oost"])) == f"{named}, Oost"
    for _, action in _all_actions(agenda):
        if action.locatie is None:
            continue
        cell = _text(BeautifulSoup(action_cell(action, agenda=agenda), "html.parser"))
        assert ("Waar: " + named in cell) == action.locatie.hele_gemeente, (name, action.id)
        assert pdfblocks._place(agenda, action).startswith(named) == action.locatie.hele_gemeente, (name, action.id)
