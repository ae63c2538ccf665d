"""Someone to ask about every item: its own contact, else its goal's (up the goal tree), else the agenda's.

A contact is a role and a function mailbox, never a person's name (the model says so).
"""

from __future__ import annotations

from ..model import Agenda, Ambition, Contact
from .html import esc, prose


def resolve(agenda: Agenda, own: Contact | None, goal: Ambition | None = None) -> Contact | None:
    """The item's own contact, else the nearest goal's above it, else the agenda's."""
    if own is not None:
        return own
    seen = 0
    while goal is not None and seen <= len(agenda.ambities):  # bounded: the load step refuses cycles
        if goal.contact is not None:
            return goal.contact
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
    if contact.url:
        parts.append(f'<a href="{esc(contact.url)}">{esc(contact.url)}</a>')
    return " · ".join(parts)
