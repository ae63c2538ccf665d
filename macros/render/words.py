"""The agenda's facts of issue 29 in words, one wording for the site and the PDFs.

A goal's number and level word ('Actielijn 2'), its kind and priority, the members of a body by how
sure the document is of them, a partner's sector with its level, and a start that is a school year.
Plain text: the caller escapes it (site) or hands it to Typst as data (PDF).
"""

from __future__ import annotations

from ..model import GOAL_KINDS, SECTOR_LABELS, Agenda, Ambition, Body, Member, Partner
from ..values import Period
from . import format as fmt

MEMBER_GROUPS = (("vast", "Leden"), ("bij voorkeur", "Bij voorkeur als lid"), ("bijvoorbeeld", "Voorbeelden van leden"),
                 ("mogelijk", "Mogelijke leden"))


def goal_name(agenda: Agenda, amb: Ambition) -> str:
    """The level's word with the goal's number: 'Actielijn 2' (numbers are unique per level), or just 'Actielijn'."""
    word = fmt.capital(agenda.naming(agenda.level(amb)).enkelvoud)
    return f"{word} {amb.nummer}" if amb.nummer is not None else word


def place_sentence(agenda: Agenda, amb: Ambition) -> str:
    """A numbered goal without goals above it, as a sentence: 'Dit is ambitie 1 van de 5 ambities van de agenda'
    (the lone 'Ambitie 1.' under a page's title read as a fragment)."""
    level = agenda.level(amb)
    naming = agenda.naming(level)
    peers = sum(1 for g in agenda.ambities if agenda.level(g) == level)
    if peers <= 1:
        return f"Dit is de enige {naming.enkelvoud} van de agenda"
    return f"Dit is {naming.enkelvoud} {amb.nummer} van de {peers} {naming.meervoud} van de agenda"


def numbered(amb: Ambition) -> str:
    """'2. Vroeg erbij' for a numbered goal, else its title."""
    return f"{amb.nummer}. {amb.titel}" if amb.nummer is not None else amb.titel


def parents(agenda: Agenda, amb: Ambition) -> list[Ambition]:
    """The goal's parent and the other goals one level higher it serves."""
    parent = agenda.parent(amb)
    return ([parent] if parent else []) + agenda.other_parents(amb)


def parents_word(agenda: Agenda, amb: Ambition) -> str:
    """'de ambitie' or 'de ambities': the word for the goals above, singular or plural."""
    above = parents(agenda, amb)
    if not above:
        return ""
    naming = agenda.naming(agenda.level(above[0]))
    return "de " + (naming.enkelvoud if len(above) == 1 else naming.meervoud)


def traits(amb: Ambition) -> str:
    """'Inhoudelijk doel met prioriteit.', 'Procesdoel.', 'Dit doel heeft prioriteit.' or ''."""
    if amb.soort:
        return fmt.capital(GOAL_KINDS[amb.soort]) + (" met prioriteit." if amb.prioriteit else ".")
    return "Dit doel heeft prioriteit." if amb.prioriteit else ""


def names(items: list[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    return fmt.and_list(items)


def member_groups(body: Body) -> list[tuple[str, list[Member]]]:
    """The members by how the document names them: members, examples of members, possible members."""
    return [(label, [m for m in body.leden if m.lid == kind]) for kind, label in MEMBER_GROUPS
            if any(m.lid == kind for m in body.leden)]


def owned_goals(agenda: Agenda, member: Member) -> list[Ambition]:
    return [g for g in (agenda.ambition(gid) for gid in member.eigenaar_van) if g is not None]


def sectors(partner: Partner) -> str:
    """'samenwerkingsverband passend onderwijs (primair onderwijs)': every sector, with the level the partner works for."""
    text = ", ".join(SECTOR_LABELS[s] for s in partner.all_sectors())
    return text + (f" ({', '.join(SECTOR_LABELS[n] for n in partner.niveau)})" if partner.niveau else "")


def since(p: Period) -> str:
    """A start in words, as the document gives it: '14 oktober 2021', 'mei 2021', 'schooljaar 2021-2022', 'Q4 2021', 'medio 2022'."""
    return p.words
