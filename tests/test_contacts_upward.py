"""Whom to ask (issue 27, item 2): a contact resolves upward (own, lead partner or body, goal or a body for
that goal, up the goal tree, the agenda), carries a service phone number, and 'Vragen aan' never shows '—'
while any contact exists."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from lea_site.load import load
from lea_site.model import Contact, Party
from lea_site.render import format as fmt
from lea_site.render.contact import contact_html, resolve

from .conftest import SITE_DATA
from .test_site import soup, text


def _demo():
    data, today = SITE_DATA["demo"]
    return load(data, today).agenda.model_copy(deep=True)


def test_a_contact_resolves_upward():
    agenda = _demo()
    agenda._lookup = {}
    goal = agenda.ambities[0]
    own = Contact(rol="eigen")
    assert resolve(agenda, own, goal, Party(partner="swv")) is own
    swv = agenda.partner("swv")
    assert resolve(agenda, None, goal, Party(partner="swv")) is swv.contact  # the lead partner's
    goal.contact = None
    for body in agenda.organen:
        if body.ambitie == goal.id:
            body.contact = None
    assert resolve(agenda, None, goal, Party(partner="gemeente")) is agenda.info.contact  # nothing nearer: the agenda's
    body = agenda.organen[0]
    body.ambitie, body.contact, body.status = goal.id, Contact(rol="secretaris werkgroep", email="werkgroep@lindeveen.example"), "actief"
    assert resolve(agenda, None, goal) is body.contact  # a running body for the goal


@pytest.mark.parametrize("number,ok", [("088 123 45 67", True), ("14 070", True), ("+31 70 123 4567", True),
                                       ("06 12345678", False), ("+31 6 1234 5678", False), ("bel ons", False), ("12", False)])
def test_a_phone_number_is_a_service_number(number: str, ok: bool):
    if ok:
        contact = Contact(rol="loket", telefoon=number)
        html = contact_html(_demo(), contact)
        assert f'href="tel:{fmt.phone_dial(number)}"' in html and f">{fmt.phone(number)}</a>" in html
    else:
        with pytest.raises(ValidationError):
            Contact(rol="loket", telefoon=number)


@pytest.mark.parametrize("name", sorted(SITE_DATA))
def test_vragen_aan_is_never_empty_while_a_contact_exists(built_site, name: str):
    data, today = SITE_DATA[name]
    agenda = load(data, today).agenda
    page = soup(built_site(name).site, "professionals")
    for table in page.select("article table"):
        headers = [th.get_text(strip=True) for th in table.select("thead th")]
        if "Vragen aan" not in headers:
            continue
        column = headers.index("Vragen aan")
        for row in table.select("tbody tr"):
            td = row.find_all(["th", "td"])[column]
            cell = text(td.select_one(".lea-cell-value") or td)  # without the column name a phone shows in the card
            any_contact = agenda.info.contact is not None or any(g.contact for g in agenda.ambities)
            assert (cell not in ("", "—")) or not any_contact, (name, text(row))


@pytest.mark.parametrize("name", ["havenstad", "zuidwaard"])
def test_a_body_without_a_named_chair_shows_its_rule(built_site, name: str):
    """The professionals' page showed 'Voorzitter —' while the organisation page had the rotation rule."""
    data, today = SITE_DATA[name]
    agenda = load(data, today).agenda
    ruled = [b for b in agenda.organen if b.voorzitter is None and b.voorzitterschap and b.status != "beeindigd"]
    assert ruled
    page = text(soup(built_site(name).site, "professionals"))
    for body in ruled:
        assert " ".join(body.voorzitterschap.split()) in page, body.id
