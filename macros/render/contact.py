"""Someone to ask about every item, resolved upward: its own contact, else its lead partner's, else its goal's
(or the contact of a body working on that goal), up the goal tree, else the agenda's.

A contact is a role and a function mailbox, never a person's name (the model says so).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..model import Agenda, Ambition, Contact, Party
from . import format as fmt
from .html import esc, prose


Source = str  # where a resolved contact comes from: 'eigen', 'trekker', 'doel' or 'agenda'


def resolve(agenda: Agenda, own: Contact | None, goal: Ambition | None = None, lead: Party | None = None) -> Contact | None:
    """The item's own contact, else its lead's (a partner's, or a body's when a body leads), else the nearest
    goal's above it or that of a running body for that goal, else the agenda's."""
    return resolve_from(agenda, own, goal, lead)[0]


def resolve_from(agenda: Agenda, own: Contact | None, goal: Ambition | None = None,
                 lead: Party | None = None) -> tuple[Contact | None, Source]:
    """:func:`resolve`, with where the contact comes from: a page for parents says so when it is not the item's
    own or its lead's (a goal's or the agenda's contact is not the one who runs the activity)."""
    if own is not None:
        return own, "eigen"
    if lead is not None:
        partner = agenda.partner(lead.partner) if lead.partner else None
        body = next((b for b in agenda.organen if b.id == lead.orgaan), None) if lead.orgaan else None
        found = (partner.contact if partner else None) or (body.contact if body else None)
        if found is not None:
            return found, "trekker"
    seen = 0
    while goal is not None and seen <= len(agenda.ambities):  # bounded: the load step refuses cycles
        if goal.contact is not None:
            return goal.contact, "doel"
        body = next((b for b in agenda.organen if b.ambitie == goal.id and b.contact is not None and b.status != "beeindigd"), None)
        if body is not None:
            return body.contact, "doel"
        goal, seen = agenda.parent(goal), seen + 1
    return agenda.info.contact, "agenda"


def site_name(agenda: Agenda, url: str) -> str:
    """Whose website an address is, for a link's text: the partner whose own website has the same host, else the
    host itself ('lindeveen.example'). A bare address broke over three lines on a phone and said nothing."""
    host = (urlsplit(url).hostname or url).removeprefix("www.")
    for partner in agenda.partners:
        if partner.url and (urlsplit(partner.url).hostname or "").removeprefix("www.") == host:
            return partner.naam
    return host


def web_link(agenda: Agenda, url: str, what: str) -> str:
    """'Aanmelden op de website van Bibliotheek Lindeveen' as the text of a link to ``url``."""
    return f'<a href="{esc(url)}">{esc(f"{what} op de website van {site_name(agenda, url)}")}</a>'


def phone_link(number: str) -> str:
    """A phone number a reader can tap, written the one Dutch way (:func:`.format.phone`) wherever a page shows one."""
    return f'<a href="tel:{esc(fmt.phone_dial(number))}">{esc(fmt.phone(number))}</a>'


def contact_html(agenda: Agenda, contact: Contact | None) -> str:
    """'rol, Organisatie · mailbox · webpagina'; without any contact, the municipality (or region) to ask."""
    if contact is None:
        towns = agenda.info.regio.gemeenten
        return esc("de gemeente " + towns[0] if len(towns) == 1 else "de gemeenten " + ", ".join(towns[:-1]) + " en " + towns[-1])
    partner = agenda.partner(contact.partner) if contact.partner else None
    parts = [prose(contact.rol) + (f", {esc(partner.naam)}" if partner else "")]  # a name: never explained
    if contact.email:
        parts.append(f'<a href="mailto:{esc(contact.email)}">{esc(contact.email)}</a>')
    if contact.telefoon:
        parts.append(phone_link(contact.telefoon))
    if contact.url:
        parts.append(f'<a href="{esc(contact.url)}">{esc("website van " + site_name(agenda, contact.url))}</a>')
    return " · ".join(parts)
