"""Issue 29's shapes in the agenda's PDF: a chapter's pictures (the checked files, under names of the
PDF's own), the places with their priorities and work, and the related agendas. Data only, as blocks
(:mod:`.pdfblocks`): nothing here writes Typst markup."""

from __future__ import annotations

import hashlib
from typing import Any

from ..model import RELATION_KINDS, Agenda, Ambition, Chapter
from ..render import format as fmt
from ..render.family import owners_label, place_interventions, place_work
from . import pdfblocks as pb
from .mdtree import Block, blocks as md_blocks


def chapter_blocks(agenda: Agenda, chapter: Chapter, pictures: dict[str, str]) -> list[Block]:
    """A chapter's text; each picture that lea check passed gets a name of its own (``pictures``: name ->
    file, for the Typst worker), any other stays its words."""
    out = md_blocks(chapter.tekst, pictures=True)
    checked = agenda.pictures()

    def visit(blocks: list[Block]) -> list[Block]:
        result = []
        for block in blocks:
            if "fig" in block:
                file = checked.get(block["fig"]["src"])
                if file is None:
                    result.append(pb.p(f"[afbeelding: {block['fig']['alt']}]"))
                    continue
                name = "p-" + hashlib.sha256(file.read_bytes()).hexdigest()[:16] + file.suffix.lower()
                pictures[name] = str(file)
                result.append({"fig": {**block["fig"], "src": name}})
            elif "list" in block:
                result.append({**block, "list": [visit(item) for item in block["list"]]})
            elif "quote" in block:
                result.append({**block, "quote": visit(block["quote"])})
            else:
                result.append(block)
        return result

    return visit(out)


def places_blocks(view: Any) -> list[Block]:
    """Per place: what kind of place, where it lies, its summary, priorities and the work there."""
    agenda = view.agenda
    if not agenda.info.plaatsen:
        return []
    out: list[Block] = [pb.heading(1, "Per wijk, kern of gemeente", "plaatsen")]
    for place in agenda.info.plaatsen:
        rows: list[tuple[str, Any]] = []
        if place.soort:
            rows.append(("Soort", place.soort))
        parent = agenda.place_parent(place)
        if parent is not None:
            rows.append(("Ligt in", parent.naam))
        if place.samenvatting:
            rows.append(("In het kort", place.samenvatting))
        if place.prioriteiten:
            rows.append(("Voorrang voor", [pb.items([[pb.b(p.titel), *_goal(agenda, p.doel), *([": " + p.toelichting] if p.toelichting else [])]
                                                     for p in place.prioriteiten])]))
        work = place_work(view, place)
        if work:
            # Titles only: a status is the state on a day, which the agenda PDF gives in its chapter 'Stand op ...'.
            when = f" (schooljaar {view.current})" if view.current else ""
            rows.append((f"Wat er gebeurt{when}", [pb.items([[a.titel] for _, a in work])]))
        programmes = place_interventions(agenda, place)
        if programmes:
            rows.append((fmt.capital(agenda.intervention_naming().meervoud), ", ".join(i.titel for i in programmes)))
        out += [pb.heading(2, place.naam, f"plaats-{place.id}")] + ([pb.facts(rows)] if rows else [])
    return out


def _goal(agenda: Agenda, goal_id: str | None) -> list[Any]:
    goal = agenda.ambition(goal_id) if goal_id else None
    return [pb.muted(f" ({agenda.naming(agenda.level(goal)).enkelvoud} {goal.titel})")] if goal else []


def related_blocks(agenda: Agenda) -> list[Block]:
    """The agenda this one follows, its addenda, the regional agenda it belongs to and the local ones in it."""
    if not agenda.info.verwant:
        return []
    out: list[Block] = [pb.heading(1, "Eerdere en verwante agenda's", "verwant")]
    for other in agenda.info.verwant:
        rows: list[tuple[str, Any]] = []
        if other.periode:
            rows.append(("Looptijd", f"{other.periode.van} tot en met {other.periode.tot}"))
        if other.vaststelling:
            rows.append(("Status", fmt.adoption(other.vaststelling, agenda)))
        if other.url:
            rows.append(("Te vinden op", [pb.link(other.url, other.url)]))
        if other.wijzigingen:
            rows.append(("Wat er veranderde", [pb.items([[w] for w in other.wijzigingen])]))
        if other.doelen:
            items = []
            for shared in other.doelen:
                goal = agenda.ambition(shared.doel)
                items.append([goal.titel if goal else shared.doel, *([pb.muted(f" (daar: {shared.daar})")] if shared.daar else [])])
            rows.append(("Doelen", [pb.items(items)]))
        out += [pb.heading(2, f"{RELATION_KINDS[other.soort]}: {other.titel}"), *([pb.facts(rows)] if rows else []),
                *md_blocks(other.toelichting)]
    return out


def goal_relations(agenda: Agenda, goal: Ambition) -> list[Block]:
    items = []
    for other in agenda.info.verwant:
        for shared in other.doelen:
            if shared.doel == goal.id:
                items.append([f"{RELATION_KINDS[other.soort]}: {other.titel}", *([f" ({shared.daar})"] if shared.daar else [])])
    return [pb.items(items)] if items else []


def owners_heading(agenda: Agenda) -> str:
    return owners_label(agenda)
