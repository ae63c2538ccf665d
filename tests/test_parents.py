"""The readers' ways in: parents find what there is for their child's age, professionals and councillors their overview.

Reads the sites every test run builds once (``built_site``); the sections are also rendered directly
from the model, without MkDocs, for what a built site cannot show (no history, an empty agenda).
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import markdown
import pytest
from bs4 import BeautifulSoup

from lea_site.exports.changes import Change, History
from lea_site.load import load
from lea_site.render import overview, parents
from lea_site.render.pages import View
from lea_site.render.paths import age_groups

from .conftest import DATA, DEMO_TODAY, MINIMAL_AGENDA, SITE_DATA

FIXTURE_NAMES = [name for name in SITE_DATA if name != "demo"]


@pytest.fixture(scope="module")
def demo() -> View:
    agenda = load(DATA, DEMO_TODAY).agenda
    assert agenda is not None
    return View(agenda, DEMO_TODAY, lambda target: target)


def soup_of(site, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def article(site, rel: str):
    found = soup_of(site, rel).select_one("article.md-content__inner")
    assert found is not None, rel
    return found


def headings(node, levels=("h2",)) -> list[str]:
    return [h.get_text(" ", strip=True).rstrip("¶").strip() for h in node.find_all(levels)]


# --- the home page --------------------------------------------------------------------------------


def test_home_page_leads_with_the_parents_block(built_site, demo):
    site = built_site("demo").site
    page = article(site, "index.html")
    block = page.select_one("section.lea-parents")
    assert block is not None
    assert block.select_one("h2").get_text(strip=True) == "Voor ouders: wat is er voor uw kind?"
    # before everything else on the page but its title: the intro, the goals, the figures
    assert not [el for el in block.find_all_previous(["p", "dl", "h2", "ul"]) if el in page.descendants]
    buttons = block.select("a.lea-agebutton")
    assert [b["href"] for b in buttons] == [f"ouders/{g}/" for g, _, _ in age_groups(demo.agenda)]
    assert buttons[0].select_one(".lea-agebutton__age").get_text() == "0 tot 4 jaar"
    for button in buttons:
        assert (site / button["href"] / "index.html").is_file()
    assert block.find("a", href="ouders/locaties/") is not None
    professionals = page.select_one(".lea-pathlink a")
    assert professionals["href"] == "professionals/" and (site / "professionals" / "index.html").is_file()
    assert "Voor professionals en raadsleden" in professionals.get_text()
    assert "Voor professionals en raadsleden" in soup_of(site, "index.html").select_one("nav.md-nav--primary").get_text()


def test_an_age_button_counts_what_parents_can_use(demo):
    """A button counts what is there now; an offer that begins later is not counted as there (on the demo's 18-23
    the only offer, a company day in March 2027, made the button say '1 ding voor u en uw kind' in November 2026)."""
    from bs4 import BeautifulSoup

    block = BeautifulSoup(parents.parents_block(demo), "html.parser")
    seen_later = False
    for group, ages, _ in age_groups(demo.agenda):
        found = parents.offers(parents.group_pairs(demo, ages))
        now = sum(1 for _, a in found if not parents.is_later(demo, a))
        later = len(found) - now
        seen_later |= later > 0 and now == 0
        button = block.find("a", href=f"ouders/{group}.md")
        count = button.select_one(".lea-agebutton__count") if button else None
        if now:
            assert count.get_text() == f"{now} {'ding' if now == 1 else 'dingen'} voor u en uw kind", group
        elif later:
            assert count.get_text().startswith("nog niets;") and f"{later} ding" in count.get_text(), group
    assert seen_later  # the demo has an age whose only offer begins later: the case is checked


# --- the pages for parents ------------------------------------------------------------------------


def test_each_age_page_leads_with_what_a_parent_can_do(built_site, demo):
    site = built_site("demo").site
    for group, ages, _ in age_groups(demo.agenda):
        page = article(site, f"ouders/{group}/index.html")
        offered = parents.offers(parents.group_pairs(demo, ages))
        assert offered, group  # the demo has something for every age
        h2 = headings(page)
        now = [(p, a) for p, a in offered if not parents.is_later(demo, a)]
        later = [(p, a) for p, a in offered if parents.is_later(demo, a)]
        # what is there now leads; what begins later stands under its own heading, never as if it were there
        assert h2[0] == ("Wat kunt u doen of gebruiken?" if now else "Wat komt er nog?"), (group, h2)
        assert ("Wat komt er nog?" in h2) == bool(later), (group, h2)
        assert h2.index("Gaat het goed?") < h2.index("Waar werken de partners aan?"), group
        cards = page.select(".lea-offer:not(.lea-offer--programma)")
        assert len(cards) == len(offered)
        titles = headings(page, ("h3",))[: len(offered)]
        assert titles == [parents.offer_title(a) for _, a in now + later]
        offered = now + later
        for card, (_, action) in zip(cards, offered):
            facts = [dt.get_text() for dt in card.select("dt")]
            assert facts[:1] == ["Voor wie"] and "Vragen?" in facts, facts
            assert ("Kosten" in facts) == (action.voor_ouders.kosten is not None)
            assert ("Waar" in facts) == (action.locatie is not None)
            assert action.voor_ouders.wat[:40] in card.get_text(" ")


def test_the_parents_page_shows_each_age_with_its_offers(built_site, demo):
    site = built_site("demo").site
    page = article(site, "ouders/index.html")
    h2 = headings(page)
    groups = age_groups(demo.agenda)
    assert all(parents._courses(demo, a) for _, a, _ in groups)  # the demo judges a goal for every age
    assert h2[: len(groups)] == [f"{parents.ages_label(a)}: {parents.who_label(label).lower()}" for _, a, label in groups]
    for group, ages, _ in groups:
        section = page.find(id=f"leeftijd-{group}")
        links = [a["href"] for a in section.find_next("ul").select("a")]
        states = parents._courses(demo, ages)
        line = next(p for p in section.find_next_siblings("p") if "Gaat het goed?" in p.get_text() or "lea-parents__more" in p.get("class", []))
        assert all(f"{goal.titel}: {state}" in line.get_text() for goal, state in states), (group, line.get_text())
        for owner, action in parents.offers(parents.group_pairs(demo, ages)):
            assert any(h.startswith(f"../ouders/{group}/#aanbod-") or h.startswith(f"{group}/#aanbod-") for h in links), (group, links)
    # a link to each offer's own place on its age page lands on a real anchor
    target = page.select_one(".lea-offerlist a")["href"]
    rel, anchor = target.split("#")
    assert article(site, f"ouders/{rel}index.html").find(id=anchor) is not None


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_pages_for_parents_and_professionals_have_no_empty_sections(built_site, name):
    site = built_site(name).site
    rels = ["ouders/index.html", "professionals/index.html", "index.html"]
    rels += [f"ouders/{p.name}/index.html" for p in sorted((site / "ouders").iterdir()) if p.is_dir() and p.name != "locaties"]
    for rel in rels:
        page = article(site, rel)
        for heading in page.find_all(["h2", "h3"]):
            following = heading.find_next_sibling()
            assert following is not None, f"{name} {rel}: '{heading.get_text()}' ends the page"
            level = int(heading.name[1])
            assert not (following.name in ("h1", "h2", "h3") and int(following.name[1]) <= level), \
                f"{name} {rel}: nothing under '{heading.get_text(strip=True)}'"
        if rel.startswith("ouders/") and rel != "ouders/index.html":  # an age page: the work itself before the goals
            h2 = headings(page)
            word = load(SITE_DATA[name][0], SITE_DATA[name][1]).agenda.intervention_naming().meervoud  # the agenda's word
            practical = ("Wat kunt u doen of gebruiken?", f"{word[:1].upper()}{word[1:]} voor deze leeftijd")
            assert h2[0] in practical or h2[0].startswith("Wat gebeurt er") or (
                "geen acties speciaal voor deze leeftijd" in page.get_text() and h2[0] == "Waar werken de partners aan?"), (name, rel, h2)


# --- the page for professionals and councillors -------------------------------------------------


def test_professionals_page_shows_attention_changes_and_contacts_from_the_model(built_site, demo):
    site = built_site("demo").site
    page = article(site, "professionals/index.html")
    assert headings(page) == ["Wat vraagt aandacht?", "Wat is er veranderd?", "Wie kunt u waarvoor benaderen?"]
    text = page.get_text(" ")
    states = {g.id: demo.course(g) for g in demo.agenda.ambities}
    behind = [g for g in demo.agenda.ambities if states[g.id].state != "op koers"]
    assert behind  # the demo has goals that need attention
    table = page.select_one('[aria-label="Ambities die achterlopen, aandacht vragen of waarvan de stand onbekend is"] tbody')
    order = {"achter": 0, "let op": 1, "onbekend": 2}
    assert [r.select_one("th").get_text(strip=True) for r in table.select("tr")] == [
        g.titel for g in sorted(behind, key=lambda g: order[states[g.id].state])]
    for g in demo.agenda.ambities:
        if states[g.id].state == "op koers":
            assert g.titel not in table.get_text()
    # progress notes since the previous quarter began (1 July 2026 for 22 November 2026), newest first
    since = overview.quarter_start(DEMO_TODAY)
    assert since == date(2026, 7, 1)
    notes = sorted((n.datum, a.titel) for y in demo.agenda.jaarplannen for _, a in y.actions() for n in a.voortgang
                   if since <= n.datum <= DEMO_TODAY)
    assert notes and all(title in text for _, title in notes)
    assert "Wijzigingen in de afspraken" in text
    # contacts: a row per goal, a row per body still at work, the agenda's own contact named once
    goals = page.select_one('[aria-label="Wie u kunt vragen per ambitie"] tbody').select("tr")
    assert len(goals) == len(demo.agenda.ambities)
    bodies = page.select_one('[aria-label="Wie u kunt vragen per overleg"] tbody').select("tr")
    assert len(bodies) == len([b for b in demo.agenda.organen if b.status != "beeindigd"])
    assert demo.agenda.info.contact.email in text
    first = goals[0].get_text(" ")
    for owner in overview._current_owners(demo, demo.agenda.ambities[0]):
        partner = demo.agenda.partner(owner.partner) if owner.partner else None
        assert (partner.afkorting or partner.naam) in first


def test_history_in_the_window_is_listed_and_its_absence_said(demo):
    since = date(2026, 7, 1)
    old = Change("a" * 40, datetime(2026, 3, 1, tzinfo=timezone.utc), "#### Acties\n\n- iets")
    new = Change("b" * 40, datetime(2026, 10, 2, tzinfo=timezone.utc), "#### Begroting\n\ntekst\n\n#### Acties\n\n- x")
    added = Change("c" * 40, datetime(2026, 9, 1, tzinfo=timezone.utc), "De agenda is toegevoegd.")
    html = overview.history_html(demo, History([new, added, old], None), since)
    # what changed, in sentences, one row per day (review 7: a row with section names only said nothing)
    assert "2 keer aangepast" in html and "2 oktober 2026</strong>: Begroting aangepast<br>x" in html
    assert "De agenda is toegevoegd." in html and "maart 2026" not in html
    assert 'href="wijzigingen.md"' in html
    assert "niets veranderd" in overview.history_html(demo, History([old], None), since)
    assert "zonder de geschiedenis" in overview.history_html(demo, None, since)
    missing = History([], "Deze site is gebouwd zonder de geschiedenis van de agenda (geen git-repository).")
    assert "geen git-repository" in overview.history_html(demo, missing, since)
    # the macro without a history source (a View outside MkDocs) says so too
    assert "zonder de geschiedenis" in overview.changes_since_quarter(demo, "Wat is er veranderd?")


def test_quarters():
    assert overview.quarter_start(date(2026, 11, 22)) == date(2026, 7, 1)
    assert overview.quarter_start(date(2027, 2, 1)) == date(2026, 10, 1)
    assert overview.quarter_start(date(2026, 1, 1), back=0) == date(2026, 1, 1)
    assert overview.quarter_name(date(2026, 7, 1)) == "Q3 2026"


def test_sections_without_content_print_nothing(tmp_path):
    (tmp_path / "agenda.yml").write_text(MINIMAL_AGENDA, encoding="utf-8")
    agenda = load(tmp_path, date(2022, 6, 1)).agenda
    assert agenda is not None
    view = View(agenda, date(2022, 6, 1), lambda target: target)
    assert overview.contacts_by_role(view, "Wie kunt u waarvoor benaderen?") == ""
    assert overview.goals_needing_attention(view, "Wat vraagt aandacht?") == ""
    assert "geen voortgang" in overview.changes_since_quarter(view, "Wat is er veranderd?")
    page = parents.age_page_md(view, "4-12")
    assert "Wat kunt u doen of gebruiken?" not in page and "Gaat het goed?" not in page
    assert "geen acties speciaal voor deze leeftijd" in page


def test_data_text_is_escaped_on_the_parents_pages(tmp_path):
    evil = "<script>x</script>"
    (tmp_path / "agenda.yml").write_text(MINIMAL_AGENDA + f"""\
  contact: {{rol: "{evil}"}}
  benaming: {{enkelvoud: "[w](javascript:alert(1))", meervoud: "[w](javascript:alert(2))"}}
ambities:
  - id: doel
    titel: "Doel {evil}"
    samenvatting: "Samen {evil}"
    activiteiten:
      - id: een
        titel: "Actie {evil}"
        status: lopend
        leeftijden: 4-12
        locatie: {{wijken: ["Wijk {evil}"]}}
        voor_ouders: {{wat: "Wat {evil}", voor_wie: "Wie {evil}", kosten: "Gratis {evil}"}}
""", encoding="utf-8")
    agenda = load(tmp_path, date(2022, 6, 1)).agenda
    assert agenda is not None, "the data should load"
    view = View(agenda, date(2022, 6, 1), lambda target: target)
    for html in (parents.age_page_md(view, "4-12"), parents.parents_overview(view), parents.parents_block(view),
                 overview.contacts_by_role(view, "kop"), overview.goals_needing_attention(view, "kop"),
                 overview.changes_since_quarter(view, "kop")):
        assert "<script>" not in html
        # the Markdown between the HTML blocks (headings) makes no link from data either
        assert "javascript:" not in "".join(a.get("href", "") for a in BeautifulSoup(markdown.markdown(html), "html.parser").select("a"))
    assert "&lt;script&gt;" in parents.age_page_md(view, "4-12")
