"""Issue 29's shapes on the site: a page per place ('in mijn wijk'), the agendas this one follows, is
extended by or sits inside, the owners in the agenda's own word, and progress per dimension.

Every text from the data goes through :mod:`.html` (``esc``, ``prose``, ``md``, ``md_inline``); verdicts
(an action's state per dimension) come from :mod:`lea_site.verdicts`.
"""

from __future__ import annotations

from datetime import date

from ..model import RELATION_KINDS, Action, Agenda, Ambition, Place, RelatedAgenda
from ..verdicts import dimension_states, written_status
from . import format as fmt
from .contact import contact_html
from .html import dl, esc, md, md_inline, prose, status_badge, ul
from .paths import ambition_page, place_page

PLACES_INDEX = "plaatsen/index.md"


# --- progress per dimension ------------------------------------------------------------------


def dimensions_html(action: Action, as_of: date) -> str:
    """The action's latest state per dimension (kwaliteit, geld, tijd), each with its word and date; nothing
    for an action whose notes report no dimension."""
    items = []
    for d in dimension_states(action, as_of):
        css = d.state.replace(" ", "-")
        note = f": {prose(d.note)}" if d.note else ""
        items.append(f'<li class="lea-dimension lea-dimension--{esc(css)}"><strong>{esc(fmt.capital(d.dimension))}</strong> '
                     f'<span class="lea-dimension__state">{esc(d.state)}</span> '
                     f'<span class="lea-muted">({esc(fmt.day(d.day))})</span>{note}</li>')
    return f'<ul class="lea-dimensions" aria-label="Stand per onderdeel">{"".join(items)}</ul>' if items else ""


# --- owners in the agenda's word --------------------------------------------------------------


def owners_label(agenda: Agenda, many: bool = True) -> str:
    """'Eigenaars', or the agenda's own word ('Trekkers', 'Wie neemt het voortouw')."""
    naming = agenda.owner_naming()
    return fmt.capital(naming.meervoud if many else naming.enkelvoud)


# --- places ------------------------------------------------------------------------------------


def _within(agenda: Agenda, place: Place) -> list[Place]:
    """The place and every place inside it (bounded: lea check refuses a circle)."""
    found, todo = [], [place]
    while todo and len(found) <= len(agenda.info.plaatsen):
        current = todo.pop(0)
        found.append(current)
        todo += agenda.place_children(current)
    return found


def _names_of(agenda: Agenda, place: Place) -> set[str]:
    return {p.naam.casefold() for p in _within(agenda, place)}


def place_work(view, place: Place) -> list[tuple[object, Action]]:
    """This school year's actions and the running activities whose place names this place or one inside it."""
    from .pages import _current_actions

    names = _names_of(view.agenda, place)
    return [(owner, a) for owner, a in _current_actions(view)
            if a.locatie is not None and any(n.casefold() in names for n in a.locatie.names())]


def place_interventions(agenda: Agenda, place: Place) -> list:
    names = _names_of(agenda, place)
    return [i for i in agenda.interventies if i.locatie is not None and any(n.casefold() in names for n in i.locatie.names())]


def _goal_link(view, goal_id: str | None) -> str:
    goal = view.agenda.ambition(goal_id) if goal_id else None
    if goal is None:
        return ""
    return f'<span class="lea-muted">({esc(view.word_of(goal))} {view.a(ambition_page(goal.id), goal.titel)})</span>'


def places_index(view) -> str:
    """The page 'In mijn wijk': every place, the places inside it under it."""
    agenda = view.agenda

    def item(place: Place, depth: int) -> str:
        kind = f' <span class="lea-muted">({esc(place.soort)})</span>' if place.soort else ""
        inner = [c for c in agenda.place_children(place)] if depth < 4 else []
        below = ul(item(c, depth + 1) for c in inner)
        return view.a(place_page(place.id), place.naam) + kind + below

    tops = [p for p in agenda.info.plaatsen if p.onder is None or agenda.place(p.onder) is None]
    return ('<p class="lea-lead">Kies uw wijk, kern of gemeente. U ziet wat er daar gebeurt voor kinderen en jongeren, '
            'en waar de partners daar voorrang aan geven.</p>\n\n' + ul(item(p, 0) for p in tops))


def place_page_md(view, place_id: str) -> str:
    agenda = view.agenda
    place = agenda.place(place_id)
    if place is None:
        raise KeyError(f"onbekende plaats '{place_id}'")
    out = [f"# {md_inline(place.naam)}\n"]
    parent = agenda.place_parent(place)
    where = []
    if place.soort:
        where.append(esc(fmt.capital(place.soort)))
    if parent is not None:
        where.append(("in " if place.soort else "In ") + view.a(place_page(parent.id), parent.naam))
    if where:
        out.append(f'<p class="lea-muted">{" ".join(where)}.</p>\n')
    if place.samenvatting:
        out.append(f'<p class="lea-lead">{prose(place.samenvatting)}</p>\n')
    if place.prioriteiten:
        out.append(f"## Waar geven we in {md_inline(place.naam)} voorrang aan?\n")
        out.append(ul(f"<strong>{prose(p.titel)}</strong> {_goal_link(view, p.doel)}"
                      + (f"<br>{prose(p.toelichting)}" if p.toelichting else "") for p in place.prioriteiten) + "\n")
    work = place_work(view, place)
    if work:
        out.append(f"## Wat gebeurt er in {md_inline(place.naam)}?\n")
        rows = []
        for owner, action in work:
            goal = owner if isinstance(owner, Ambition) else agenda.ambition(owner.ambitie)
            offer = action.voor_ouders
            text = f"<strong>{esc(offer.titel if offer and offer.titel else action.titel)}</strong> {status_badge(written_status(action))}"
            if offer is not None:
                text += f"<br>{prose(offer.wat)}"
            text += f'<br><span class="lea-muted">Waar: {prose(", ".join(action.locatie.names()))}; wanneer: {esc(fmt.planning(action.planning))}</span>'
            if goal is not None:
                text += f"<br>{_goal_link(view, goal.id)}"
            rows.append(text)
        out.append(ul(rows, "lea-place-work") + "\n")
    programmes = place_interventions(agenda, place)
    if programmes:
        from .paths import intervention_anchor

        out.append(f"## {md_inline(fmt.capital(agenda.intervention_naming().meervoud))}\n")
        out.append(ul(view.a(intervention_anchor(i.id), i.titel) for i in programmes) + "\n")
    inside = agenda.place_children(place)
    if inside:
        out.append(f"## In {md_inline(place.naam)}\n")
        out.append(ul(view.a(place_page(c.id), c.naam) + (f' <span class="lea-muted">({esc(c.soort)})</span>' if c.soort else "")
                      for c in inside) + "\n")
    if not (work or programmes or place.prioriteiten):
        out.append(f'<p>Er staat {esc(view.this_year if view.current else "nu")} nog niets in de agenda dat alleen voor '
                   f'{esc(place.naam)} is. Wat voor de {esc(view.whole_area)} geldt, geldt ook hier.</p>\n')
    everywhere = sum(1 for _, a in _all_current(view) if a.locatie is not None and a.locatie.hele_gemeente)
    if everywhere:
        target = "ouders/locaties.md#" + ("hele-regio" if view.region else "hele-gemeente")
        words = "actie" if everywhere == 1 else "acties"
        out.append(f"<p>Daarnaast {'is' if everywhere == 1 else 'zijn'} er {everywhere} {words} voor de {esc(view.whole_area)}: "
                   f"{view.a(target, 'bekijk ze')}.</p>\n")
    out.append(f"## Vragen?\n\n<p>Vragen over deze agenda? Neem contact op met {contact_html(agenda, agenda.info.contact)}.</p>\n")
    return "\n".join(out)


def _all_current(view):
    from .pages import _current_actions

    return _current_actions(view)


# --- related agendas: editions, addenda, nesting ------------------------------------------------


def _title(other: RelatedAgenda) -> str:
    years = f" ({other.periode.van}-{other.periode.tot})" if other.periode else ""
    text = esc(other.titel) + esc(years)
    return f'<a href="{esc(other.url)}">{text}</a>' if other.url else text


def related_notice(view) -> str:
    """On the home page: what this agenda follows, what extends it and what it belongs to, in one sentence each."""
    lines = []
    for other in view.agenda.info.verwant:
        if other.soort == "voorganger":
            lines.append(f"Deze agenda volgt {_title(other)} op.")
        elif other.soort == "addendum":
            when = f" ({esc(fmt.adoption(other.vaststelling, view.agenda))})" if other.vaststelling else ""
            lines.append(f"Deze agenda is aangevuld met {_title(other)}{when}.")
        elif other.soort == "regionaal":
            lines.append(f"Deze agenda hoort bij {_title(other)}.")
    local = [o for o in view.agenda.info.verwant if o.soort == "lokaal"]
    if local:
        lines.append("Binnen deze agenda vallen " + ", ".join(_title(o) for o in local) + ".")
    policy = [o for o in view.agenda.info.verwant if o.soort == "beleid"]
    if policy:
        lines.append("Deze agenda sluit aan bij ander beleid: " + fmt.and_list([_title(o) for o in policy]) + ".")
    if not lines:
        return ""
    more = view.a("over.md#eerdere-en-verwante-agendas", "Wat er eerder was en wat er veranderde")
    return f'<div class="lea-related">{"".join(f"<p>{line}</p>" for line in lines)}<p>{more}.</p></div>'


def related_agendas(view, kop: str | None = None) -> str:
    """Per related agenda: its kind, title and term, how it was adopted, what it says, what changed, and the
    goals it shares with this one (linked both ways: here to the goal, there by its address)."""
    agenda = view.agenda
    if not agenda.info.verwant:
        return ""
    out = [f"## {md_inline(kop)} {{#eerdere-en-verwante-agendas}}\n"] if kop else []
    for other in agenda.info.verwant:
        anchor = f" {{#agenda-{other.id}}}" if other.id else ""
        out.append(f"### {md_inline(RELATION_KINDS[other.soort])}: {md_inline(other.titel)}{anchor}\n")
        facts = []
        if other.periode:
            facts.append(("Looptijd", esc(f"{other.periode.van} tot en met {other.periode.tot}")))
        if other.vaststelling:
            facts.append(("Status", prose(fmt.adoption(other.vaststelling, view.agenda))))
        if other.url:
            # In a sentence: a link alone in its cell is a target that WCAG 2.2 wants 24 px apart from the next.
            facts.append(("Te vinden op", f'het webadres <a href="{esc(other.url)}">{esc(other.url)}</a>.'))
        if other.wijzigingen:
            label = {"voorganger": "Wat is er anders dan in de vorige agenda", "addendum": "Wat het addendum verandert"}.get(
                other.soort, "Wat er veranderde")
            facts.append((label, ul(prose(w) for w in other.wijzigingen)))
        if other.doelen:
            facts.append((_shared_label(other), ul(_shared_item(view, other, s) for s in other.doelen)))
        out.append(dl(facts) + "\n" if facts else "")
        if other.toelichting:
            out.append(md(other.toelichting) + "\n")
        out.append(view.edit(other, other.titel))
    return "\n".join(o for o in out if o)


def _shared_label(other: RelatedAgenda) -> str:
    return {"voorganger": "Doelen die doorlopen", "addendum": "Doelen die het addendum toevoegt of verandert",
            "regionaal": "Gedeelde doelen met de regio", "lokaal": "Gedeelde doelen met deze lokale agenda",
            "beleid": "Doelen die bij dit beleid aansluiten"}[other.soort]


def _shared_item(view, other: RelatedAgenda, shared) -> str:
    goal = view.agenda.ambition(shared.doel)
    here = view.a(ambition_page(goal.id), goal.titel) if goal else esc(shared.doel)
    if not shared.daar:
        return here
    there = f'<a href="{esc(shared.url)}">{esc(shared.daar)}</a>' if shared.url else esc(shared.daar)
    word = "was" if other.soort == "voorganger" else "daar"
    return f"{here} <span class=\"lea-muted\">({word}: {there})</span>"


def goal_relations(view, goal: Ambition) -> str:
    """On a goal's page: the related agendas it belongs to (shared, continued, added by an addendum)."""
    items = []
    for other in view.agenda.info.verwant:
        for shared in other.doelen:
            if shared.doel != goal.id:
                continue
            what = {"voorganger": "Vervolg op", "addendum": "Toegevoegd of veranderd met", "regionaal": "Gedeeld met",
                    "lokaal": "Gedeeld met", "beleid": "Sluit aan bij"}[other.soort]
            there = ""
            if shared.daar:
                there = ": " + (f'<a href="{esc(shared.url)}">{esc(shared.daar)}</a>' if shared.url else esc(shared.daar))
            items.append(f"{esc(what)} {_title(other)}{there}")
    return ul(items)
