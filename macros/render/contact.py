"""Someone to ask about every item, resolved upward: its own contact, else its lead partner's, else its goal's
(or the contact of a body working on that goal), up the goal tree, else the agenda's.

A contact is a role and a function mailbox, never a person's name (the model says so).
"""

from __future__ import annotations

from ..model import Agenda, Ambition, Contact, Party
from .html import esc, prose


def resolve(agenda: Agenda, own: Contact | None, goal: Ambition | None = None, lead: Party | None = None) -> Contact | None:
    """The item's own contact, else its lead's (a partner's, or a body's when a body leads), else the nearest
    goal's above it or that of a running body for that goal, else the agenda's."""
    if own is not None:
        return own
    if lead is not None:
        partner = agenda.partner(lead.partner) if lead.partner else None
        body = next((b for b in agenda.organen if b.id == lead.orgaan), None) if lead.orgaan else None
        found = (partner.contact if partner else None) or (body.contact if body else None)
        if found is not None:
            return found
    seen = 0
    while goal is not None and seen <= len(agenda.ambities):  # bounded: the load step refuses cycles
        if goal.contact is not None:
            return goal.contact
        body = next((b for b in agenda.organen if b.ambitie == goal.id and b.contact is not None and b.status != "beeindigd"), None)
        if body is not None:
            return body.contact
        goal, seen = agenda.parent(goal), seen + 1
    return agenda.info.contact


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
        number = contact.telefoon.replace(" ", "").replace("-", "")
        parts.append(f'<a href="tel:{esc(number)}">{esc(contact.telefoon)}</a>')
    if contact.url:
        parts.append(f'<a href="{esc(contact.url)}">{esc(contact.url)}</a>')
    return " · ".join(parts)
