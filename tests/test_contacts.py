"""Someone to ask about everything (issue 17): every action, activity, body and intervention shows a contact."""

from __future__ import annotations

from pathlib import Path

import pytest

from lea_site.load import load
from lea_site.model import Agenda, AgendaInfo, Ambition, Contact
from lea_site.render.contact import contact_html, resolve, resolve_from

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES
from .test_site import soup, text

INFO = {"titel": "T", "regio": {"naam": "Waard", "gemeenten": ["Aadorp", "Beestad"]}, "periode": {"van": 2023, "tot": 2029},
        "vaststelling": {"status": "concept"}}


def _contact(rol: str) -> Contact:
    return Contact(rol=rol, email=f"{rol.split()[0]}@voorbeeld.nl")


def test_the_nearest_contact_wins_up_the_goal_tree():
    top = Ambition(id="top", titel="T", samenvatting="S", contact=_contact("top"))
    mid = Ambition(id="mid", onder="top", titel="M", samenvatting="S")
    low = Ambition(id="low", onder="mid", titel="L", samenvatting="S")
    agenda = Agenda(info=AgendaInfo.model_validate({**INFO, "contact": {"rol": "agenda"}}), ambities=[top, mid, low])
    assert resolve(agenda, _contact("eigen"), low).rol == "eigen"
    assert resolve(agenda, None, low).rol == "top"
    assert resolve(agenda, None, None).rol == "agenda"


def test_without_any_contact_the_municipalities_are_named():
    agenda = Agenda(info=AgendaInfo.model_validate(INFO))
    assert resolve(agenda, None, None) is None
    assert contact_html(agenda, None) == "de gemeenten Aadorp en Beestad"


SITES = [("demo", DATA, DEMO_TODAY)] + [(p.name, p, FIXTURE_TODAY) for p in sorted(FIXTURES.iterdir()) if p.is_dir()]


@pytest.mark.parametrize("name,data,today", SITES, ids=[s[0] for s in SITES])
def test_every_item_has_someone_to_ask(built_site, name: str, data: Path, today):
    agenda = load(data, today).agenda
    site = built_site(name).site

    def shown(item_contact, goal, lead=None) -> str:
        return text(soup_of(contact_html(agenda, resolve(agenda, item_contact, goal, lead))))

    fallbacks: list[str] = []
    for plan in agenda.jaarplannen:
        page = soup(site, f"schooljaren/{plan.schooljaar}")
        for amb_plan, action in plan.actions():
            row = page.select_one(f'[id="actie-{plan.schooljaar}-{action.id}"]').find_parent("tr")
            assert "Vragen?" in text(row) and shown(action.contact, agenda.ambition(amb_plan.ambitie), action.trekker) in text(row), action.id
            assert ("(trekker)" in text(row)) == (action.trekker is not None), action.id  # the lead partner, marked
            # A goal's or the agenda's contact is not the action's own: the row says so (review 19)
            source = resolve_from(agenda, action.contact, agenda.ambition(amb_plan.ambitie), action.trekker)[1]
            assert ("geen eigen contact bij deze actie" in text(row)) == (source not in ("eigen", "trekker")), (action.id, source)
            fallbacks.append(source)
    for amb in agenda.ambities:
        page = soup(site, f"ambities/{amb.id}")
        assert shown(None, amb) in text(page.select_one("#vragen").find_next("p"))
        for action in amb.activiteiten:
            row = page.select_one(f'[id="actie-looptijd-{amb.id}-{action.id}"]').find_parent("tr")
            assert shown(action.contact, amb, action.trekker) in text(row), action.id
    if name == "demo":
        assert "agenda" in fallbacks and {"eigen", "trekker"} & set(fallbacks), fallbacks  # both kinds are looked at
    if agenda.organen:
        page = soup(site, "organisatie")
        for body in agenda.organen:
            block = page.select_one(f"#orgaan-{body.id}").find_next("dl")
            assert "Contact" in text(block) and shown(body.contact, agenda.ambition(body.ambitie) if body.ambitie else None) in text(block)
    if agenda.interventies:
        page = soup(site, "interventies")
        for item in agenda.interventies:
            block = page.select_one(f"#interventie-{item.id}").find_next("dl")
            assert shown(item.contact, agenda.ambition(item.ambitie) if item.ambitie else None) in text(block)


def soup_of(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def test_a_panel_says_how_to_join(built_site):
    page = text(soup(built_site("demo").site, "organisatie"))
    assert "Meedoen Voor ouders en verzorgers van kinderen tot 18 jaar." in page and "ouderpanel@lindeveen.example" in page
    assert "https://www.lindeveen.example/jongerenpanel" in page
