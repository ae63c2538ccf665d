"""PDF blocks for the shapes of issue 29: a goal's number, kind, parents and shared statement, shared
results and owners among a body's members; members by how sure the document is of them; roles with
their tasks; the organisation as a draft. The wording is :mod:`lea_site.render.words`', as on the site.
"""

from __future__ import annotations

from typing import Any

from ..model import Agenda, Ambition, Body, Role
from ..render import format as fmt
from ..render import words
from ..render.governance import relations_back
from . import pdfblocks as pb
from .mdtree import Block, blocks as md_blocks


def goal_facts(agenda: Agenda, amb: Ambition) -> list[Block]:
    """'Actielijn 2 van de ambities 1. A en 3. C. Procesdoel met prioriteit.', then the shared statement."""
    above = words.parents(agenda, amb)
    line = words.goal_name(agenda, amb)
    if above:
        line += f" van {words.parents_word(agenda, amb)} " + words.names([words.numbered(p) for p in above])
    elif amb.nummer is not None:
        line = words.place_sentence(agenda, amb)
    traits = words.traits(amb)
    shown = above or amb.nummer is not None or traits  # as on the site: never a lone 'Ambitie.'
    out: list[Block] = [pb.p(pb.muted(f"{line}." + (f" {traits}" if traits else "")))] if shown else []
    if amb.doelstelling is not None:
        rows: list[tuple[str, Any]] = [("Gezamenlijke doelstelling", amb.doelstelling.tekst)]
        if amb.doelstelling.eenvoudig:
            rows.append(("In gewone woorden", amb.doelstelling.eenvoudig))
        out.append(pb.facts(rows))
    return out


def results(agenda: Agenda, amb: Ambition) -> list[list[Any]]:
    """The goal's intended results as list items, those shared with other goals saying so."""
    items: list[list[Any]] = []
    for r in amb.resultaten:
        shared = [words.numbered(g) for g in (agenda.ambition(gid) for gid in r.ook_voor) if g is not None]
        items.append([r.tekst, *([pb.muted(f" (ook voor {words.names(shared)})")] if shared else [])])
    for goal, r in agenda.shared_results(amb):
        items.append([r.tekst, pb.muted(f" (gedeeld met {words.numbered(goal)})")])
    return items


def interventions(agenda: Agenda, amb: Ambition) -> list[list[Any]]:
    """The interventions under this goal, as list items (each is described in the chapter of interventions)."""
    return [[pb.b(i.titel), *([": " + i.doelgroep.omschrijving] if i.doelgroep else [])] for i in agenda.interventions_for(amb)]


def member_owners(agenda: Agenda, amb: Ambition) -> list[list[Any]]:
    """Members of bodies who own this goal, as list items."""
    return [[pb.party_name(agenda, m), pb.muted(f" (lid van {body.naam})")] for body, m in agenda.owned_by_members(amb)]


def member_rows(agenda: Agenda, body: Body) -> list[tuple[str, Any]]:
    """'Leden', 'Voorbeelden van leden', 'Mogelijke leden', each member with the goals it owns."""
    rows = []
    for label, members in words.member_groups(body):
        texts = []
        for m in members:
            goals = words.owned_goals(agenda, m)
            texts.append(pb.party_name(agenda, m) + (f" (eigenaar van {words.names([words.numbered(g) for g in goals])})" if goals else ""))
        rows.append((label, ", ".join(texts)))
    return rows


def body_state(agenda: Agenda, body: Body) -> list[tuple[str, Any]]:
    """What other bodies say toward this one (its parts, a merger), what it was before, and how it stands now."""
    rows: list[tuple[str, Any]] = [(label, ", ".join(o.naam for o in others)) for label, others in relations_back(agenda, body)]
    if body.bestond_als:
        rows.append(("Bestond al als", body.bestond_als))
    if body.stand_van_zaken:
        rows.append(("Stand van zaken", body.stand_van_zaken))
    return rows


def organisation(agenda: Agenda) -> list[Block]:
    """The organisation's status and the agenda's word about it (nothing when it says nothing)."""
    org = agenda.info.organisatie
    if org is None:
        return []
    state = org.vaststelling.status
    out: list[Block] = []
    if state == "concept":
        out.append(pb.p(pb.b("Concept: "), "deze organisatie is een eerste opzet; de overleggen en rollen kunnen nog veranderen.",
                        style="warning"))
    elif state == "vastgesteld":
        out.append(pb.p(f"De organisatie is {fmt.adoption(org.vaststelling, agenda)}."))
    return out + md_blocks(org.toelichting)


def role(agenda: Agenda, item: Role) -> list[Block]:
    rows: list[tuple[str, Any]] = []
    partner = agenda.partner(item.partner) if item.partner else None
    if item.partner:
        rows.append(("Ondergebracht bij", partner.naam if partner else item.partner))
    if item.omvang:
        rows.append(("Omvang", item.omvang))
    targets = [agenda.body(t).naam for t in item.rapporteert_aan if agenda.body(t)]
    if targets:
        rows.append(("Legt verantwoording af aan", ", ".join(targets)))
    if item.taken:
        rows.append(("Taken", [pb.items([[t] for t in item.taken])]))
    if item.contact:
        rows.append(("Contact", pb.contact_text(agenda, item.contact)))
    return [pb.heading(3, fmt.capital(item.naam), f"rol-{item.id}"), *md_blocks(item.beschrijving), *([pb.facts(rows)] if rows else [])]


def roles(agenda: Agenda) -> list[Block]:
    if not agenda.rollen:
        return []
    out: list[Block] = [pb.heading(2, "Rollen", "rollen"), pb.p("Functies van één persoon in de organisatie van de agenda, met hun taken.")]
    for item in agenda.rollen:
        out += role(agenda, item)
    return out
