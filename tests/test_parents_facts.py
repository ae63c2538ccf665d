"""Facts a parent acts on (issue 27, item 1): places with their address, days and times in words, a service
phone number, how to sign up as numbered steps, and the cost as an amount or a rule; shown as the data says,
and parents' pages name no working titles or status words."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from lea_site.load import load
from lea_site.model import Cost, ForParents
from lea_site.render import format as fmt
from lea_site.render import parents
from lea_site.render.pages import View
from lea_site.render.paths import age_groups
from lea_site.model import STATUSES

from .conftest import DATA, DEMO_TODAY


@pytest.fixture(scope="module")
def demo() -> View:
    agenda = load(DATA, DEMO_TODAY).agenda
    assert agenda is not None
    return View(agenda, DEMO_TODAY, lambda target: target)


def _article(site, rel: str):
    found = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser").select_one("article.md-content__inner")
    assert found is not None, rel
    return found


def _fact(card, label: str):
    dt = next((dt for dt in card.select("dt") if dt.get_text(strip=True) == label), None)
    return dt.find_next_sibling("dd") if dt is not None else None


def _text(node) -> str:
    return " ".join(node.get_text().split())


# --- the model --------------------------------------------------------------------------------------


def test_old_forms_stay_valid_and_new_ones_read_as_written():
    old = ForParents.model_validate({"wat": "Voorlezen.", "kosten": "gratis"})
    assert old.kosten == Cost(regel="gratis") and old.plaatsen == [] and old.aanmelden is None
    new = ForParents.model_validate({
        "wat": "Peuteropvang.", "kosten": {"bedrag": 2.5, "per": "keer"}, "telefoon": "14  0999",
        "plaatsen": ["De Dreumes", {"naam": "Het Hummelhuis", "adres": "Plein 3, Lindeveen"}],
        "aanmelden": ["Bel ons.", "Kom langs."], "wanneer": "op dinsdagochtend"})
    assert [(p.naam, p.adres) for p in new.plaatsen] == [("De Dreumes", None), ("Het Hummelhuis", "Plein 3, Lindeveen")]
    assert new.aanmelden.stappen == ["Bel ons.", "Kom langs."] and new.telefoon == "14 0999"
    assert ForParents.model_validate({"wat": "x", "aanmelden": "https://www.example.nl/aanmelden"}).aanmelden.url == "https://www.example.nl/aanmelden"
    assert parents.cost_text(new.kosten) == "€\u00a02,50 per keer".replace("\u00a0", " ")
    assert parents.cost_text(Cost(bedrag=0)) == "gratis"
    assert parents.cost_text(Cost(bedrag=15, per="jaar", regel="gratis met een pas")) == "€ 15 per jaar; gratis met een pas"


@pytest.mark.parametrize("fields, message", [
    ({"kosten": {}}, "noem een bedrag"),
    ({"kosten": {"per": "keer", "regel": "x"}}, "per zonder bedrag"),
    ({"kosten": {"bedrag": -1}}, "greater than or equal"),
    ({"aanmelden": {}}, "noem de stappen"),
    ({"aanmelden": "www.example.nl"}, "zonder https://"),
    ({"telefoon": "06 12345678"}, "mobiel nummer"),
    ({"aanmelden": [f"stap {i}" for i in range(11)]}, "10"),
])
def test_wrong_facts_are_refused_with_a_reason(fields, message):
    with pytest.raises(ValueError) as err:
        ForParents.model_validate({"wat": "x", **fields})
    assert message in str(err.value)


# --- the demo site --------------------------------------------------------------------------------


def test_the_demo_uses_every_new_fact(demo):
    offers = [a.voor_ouders for y in demo.agenda.jaarplannen for _, a in y.actions() if a.voor_ouders]
    assert any(o.plaatsen and all(p.adres for p in o.plaatsen) for o in offers)
    assert any(o.wanneer for o in offers) and any(o.telefoon for o in offers)
    assert any(o.aanmelden and o.aanmelden.stappen for o in offers) and any(o.aanmelden and o.aanmelden.url and not o.aanmelden.stappen for o in offers)
    assert any(o.kosten and o.kosten.bedrag for o in offers) and any(o.kosten and o.kosten.regel and o.kosten.bedrag is None for o in offers)


def test_each_offer_shows_the_facts_of_its_data(built_site, demo):
    site = built_site("demo").site
    checked = 0
    for group, ages, _ in age_groups(demo.agenda):
        page = _article(site, f"ouders/{group}/index.html")
        for owner, action in parents.offers(parents.group_pairs(demo, ages)):
            offer = action.voor_ouders
            anchor = parents._anchor(demo, owner, action)
            card = page.find(id=anchor).find_next_sibling(class_="lea-offer")
            where = _fact(card, "Waar")
            if offer.plaatsen:  # each place with its own address, in the data's order
                shown = [(_text(li.select_one(".lea-place__name")), _text(a) if (a := li.select_one(".lea-place__address")) else None)
                         for li in where.select("li")]
                assert shown == [(p.naam, p.adres) for p in offer.plaatsen], anchor
            if offer.wanneer:
                assert _text(_fact(card, "Wanneer")) == offer.wanneer
            if offer.telefoon:
                link = _fact(card, "Bellen").find("a")
                assert link.get_text() == fmt.phone(offer.telefoon)  # one Dutch way of writing (0999 200 300)
                assert link["href"] == "tel:" + fmt.phone_dial(offer.telefoon)
            else:
                assert _fact(card, "Bellen") is None
            if offer.kosten:
                assert _text(_fact(card, "Kosten")).replace("\u00a0", " ").startswith(parents.cost_text(offer.kosten).split(";")[0])
            steps = card.select("ol.lea-steps > li")
            signup = offer.aanmelden
            if signup and signup.stappen:  # numbered, in order, as an ordered list under its own heading
                assert card.select_one(".lea-signup h4").get_text() == "Zo meldt u uw kind aan"
                expected = list(signup.stappen) + ([f"U kunt uw kind ook aanmelden op de website van {parents.site_name(demo.agenda, signup.url)}."]
                                                   if signup.url else [])
                assert [_text(li) for li in steps] == expected
            else:
                assert not steps
            if signup and signup.url:
                link = card.select_one(f'.lea-signup a[href="{signup.url}"]')
                # the link's text says whose website it is; a bare address broke over lines on a phone (review 7 #19)
                assert link is not None and "://" not in link.get_text() and "op de website van" in link.get_text(), link
            if offer.url:
                link = _fact(card, "Meer informatie").find("a")
                assert link["href"] == offer.url and "://" not in link.get_text(), link
            checked += 1
    assert checked >= 5


def test_parents_pages_name_no_working_titles_or_status_words(built_site, demo):
    site = built_site("demo").site
    titles = {a.titel for y in demo.agenda.jaarplannen for _, a in y.actions()} | {a.titel for g in demo.agenda.ambities for a in g.activiteiten}
    offered = {a.voor_ouders.titel or a.titel for y in demo.agenda.jaarplannen for _, a in y.actions() if a.voor_ouders}
    hidden = titles - offered
    rels = ["ouders/index.html", "ouders/locaties/index.html"] + [f"ouders/{g}/index.html" for g, _, _ in age_groups(demo.agenda)]
    for rel in rels:
        page = _article(site, rel)
        text = _text(page)
        assert not page.select(".lea-status, .lea-statuslist"), rel
        assert not [t for t in hidden if t in text], rel
        words = {w.strip(".,:;()").lower() for w in text.split()}
        assert not words & set(STATUSES) and "niet gemeld" not in text, (rel, words & set(STATUSES))
    # the other work is counted per goal, and the counts add up to the actions not offered
    page = _article(site, "ouders/0-4/index.html")
    section = next(h for h in page.find_all("h2") if h.get_text(strip=True).startswith("Wat doen de partners nog meer?"))
    listed = section.find_next("ul", class_="lea-workbygoal")
    ages = next(a for g, a, _ in age_groups(demo.agenda) if g == "0-4")
    pairs = parents.group_pairs(demo, ages)
    rest = [pa for pa in pairs if pa not in parents.offers(pairs)]
    assert sum(int(li.get_text().rsplit(": ", 1)[1].split()[0]) for li in listed.select("li")) == len(rest)
