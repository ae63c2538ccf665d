"""The page for professionals and councillors: whom to ask for what, what changed lately, what needs attention.

Each section takes ``kop`` and prints nothing at all (heading included) when the agenda has nothing
for it, so the page works for every shape of agenda. What changed comes from two places: the
progress notes in the data (dated, with status changes) and the history of the data in git, as
:mod:`lea_site.exports.changes` reads it (the page 'Wijzigingen' shows that history in full).
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from ..verdicts import STUCK, goal_words, unchanged_since, written_status
from ..diff import NO_CHANGES
from ..exports.changes import History, summary
from ..model import Action, Ambition, AmbitionPlan, Body, Contact, Party
from ..values import school_year_bounds
from . import format as fmt
from .charts import with_unit
from .contact import contact_html, resolve
from .html import esc, md_inline, party, prose, status_badge, table, ul
from .pages import View, _ambition_link, _current_actions, _headed
from .paths import ambition_page, body_anchor

PAGE = "professionals.md"
CHANGES_PAGE = "wijzigingen.md"
HistorySource = Callable[[], History | None]


def professionals_link(view: View) -> str:
    """The home page's way in for professionals and councillors: one link to their overview."""
    return (f'<p class="lea-pathlink"><a href="{esc(view.link(PAGE))}"><strong>Voor professionals en raadsleden</strong>'
            '<span class="lea-pathlink__sub">Wie doet wat, wat er veranderde, wat achterloopt</span></a></p>')


# --- whom to ask for what ------------------------------------------------------------------------


def _current_owners(view: View, goal: Ambition) -> list[Party]:
    """The goal's owners whose term covers the current school year (all of them without a term or a year),
    and the members of bodies who own it (eigenaar_van)."""
    members = [m for _, m in view.agenda.owned_by_members(goal)]
    if not view.current:
        return [*goal.eigenaars, *members]
    start, end = school_year_bounds(view.current)
    return [o for o in goal.eigenaars if (o.van is None or o.van.start <= end) and (o.tot is None or o.tot.end >= start)] + members


def _leads(view: View, goal: Ambition) -> list[Party]:
    """Who leads the goal's actions this school year and its running activities, each once."""
    seen: set[tuple] = set()
    out = []
    for owner, action in _current_actions(view):
        if (owner if isinstance(owner, Ambition) else view.agenda.ambition(owner.ambitie)) is not goal or action.trekker is None:
            continue
        key = (action.trekker.partner, action.trekker.rol, action.trekker.orgaan)
        if key not in seen:
            seen.add(key)
            out.append(action.trekker)
    return out


def _own_contact(view: View, contact: Contact | None) -> str:
    """The contact resolved upward; the agenda's is marked as the general one; '' only when there is none at all."""
    if contact is None:
        return ""
    if contact is view.agenda.info.contact:  # named in full above the tables: here its role, short enough for a phone
        return f'{prose(contact.rol)} <span class="lea-muted">(algemeen contact, zie boven)</span>'
    return contact_html(view.agenda, contact)


def _goal_rows(view: View) -> tuple[list[str], list[list[str]]]:
    agenda = view.agenda
    rows = []
    for goal in agenda.ambities:
        owners = _current_owners(view, goal)
        leads = _leads(view, goal)
        rows.append([view.a(ambition_page(goal.id), goal.titel),
                     ", ".join(party(agenda, p, view.link) for p in owners),
                     ", ".join(party(agenda, p, view.link) for p in leads),
                     _own_contact(view, resolve(agenda, None, goal))])
    headers = [view.goal_header(list(agenda.ambities)), "Eigenaars", f"Trekkers {view.this_year}" if view.current else "Trekkers", "Vragen aan"]
    keep = [i for i in range(len(headers)) if i == 0 or any(r[i] for r in rows)]  # no column empty all the way down
    return [headers[i] for i in keep], [[r[i] or "—" for i in keep] for r in rows]


def _body_rows(view: View, bodies: list[Body]) -> tuple[list[str], list[list[str]]]:
    agenda = view.agenda
    rows = []
    for body in bodies:
        goal = agenda.ambition(body.ambitie) if body.ambitie else None
        kind = body.soort or body.niveau
        rows.append([view.a(body_anchor(body.id), body.naam) + f'<br><span class="lea-muted">{esc(kind)}</span>',
                     party(agenda, body.voorzitter, view.link) if body.voorzitter
                     else (prose(body.voorzitterschap) if body.voorzitterschap else ""),  # the rule when no chair is named
                     party(agenda, body.secretaris, view.link) if body.secretaris else "",
                     _own_contact(view, resolve(agenda, body.contact, goal))])
    headers = ["Overleg", "Voorzitter", "Secretaris", "Vragen aan"]
    keep = [i for i in range(len(headers)) if i == 0 or any(r[i] for r in rows)]
    return [headers[i] for i in keep], [[r[i] or "—" for i in keep] for r in rows]


def contacts_by_role(view: View, kop: str | None = None) -> str:
    """Whom to ask for what, by role: the agenda as a whole, each goal (owners, lead partners, contact), each body."""
    agenda = view.agenda
    out = []
    if agenda.info.contact is not None:
        out.append(f"<p>Over de agenda als geheel, en over alles waarbij hieronder geen eigen contact staat: "
                   f"{contact_html(agenda, agenda.info.contact)}.</p>")
    if agenda.ambities:
        headers, rows = _goal_rows(view)
        out.append(f"### Per {md_inline(view.word)}\n\n" + table(headers, rows, caption=f"Wie u kunt vragen per {view.word}", stack=True))
    bodies = [b for b in agenda.organen if b.status != "beeindigd"]
    if bodies:
        headers, rows = _body_rows(view, bodies)
        out.append("### Overleggen\n\n" + table(headers, rows, caption="Wie u kunt vragen per overleg", stack=True))
    return _headed(kop, "\n\n".join(out))


# --- what changed --------------------------------------------------------------------------------


def quarter_start(day: date, back: int = 1) -> date:
    """The first day of the quarter ``back`` quarters before the one ``day`` is in."""
    index = day.year * 4 + (day.month - 1) // 3 - back
    return date(index // 4, (index % 4) * 3 + 1, 1)


def quarter_name(day: date) -> str:
    """'Q3 2026'."""
    return f"Q{(day.month - 1) // 3 + 1} {day.year}"


def _notes_since(view: View, since: date) -> list[tuple[date, Action, AmbitionPlan | Ambition, object]]:
    owners = [(p, a) for plan in view.agenda.jaarplannen for p, a in plan.actions()]
    owners += [(goal, a) for goal in view.agenda.ambities for a in goal.activiteiten]
    notes = [(n.datum, a, p, n) for p, a in owners for n in a.voortgang if since <= n.datum <= view.today]
    return sorted(notes, key=lambda n: n[0], reverse=True)


SHOWN_PER_DAY = 4  # what changed on one day, in the block on the professionals' page; the rest on Wijzigingen


def history_html(view: View, history: History | None, since: date) -> str:
    """The changes to the data since ``since``, from the repository's history; or why that history is missing."""
    if history is None:
        return "<p>Deze site is gebouwd zonder de geschiedenis van de gegevens, dus hier staat niet wat er in de agenda zelf veranderde.</p>"
    real = [c for c in history.changes if c.markdown.strip() and c.markdown.strip() != NO_CHANGES]
    changed = [c for c in real if c.day is not None and since <= c.day <= view.today]
    undated = [c for c in real if c.day is None]  # its recorded date cannot be right: it may fall in the period
    if not history.changes:
        return f"<p>{esc(history.note or 'Er is nog geen geschiedenis van de gegevens.')}</p>"
    link = view.a(CHANGES_PAGE, "Alle wijzigingen")
    note = f"<p>{esc(history.note)}</p>" if history.note else ""
    if undated:
        note += (f"<p>Van {len(undated)} {'wijziging' if len(undated) == 1 else 'wijzigingen'} is de datum onbekend "
                 "(de vastgelegde datum kan niet kloppen); die kan ook in deze periode vallen.</p>")
    if not changed and undated:
        return f"{note}<p>{link} staan op een eigen pagina.</p>"
    if not changed:
        covered = unchanged_since(since, (c.day for c in history.changes if c.day is not None))
        if not covered.covered:
            return (f"{note}<p>De geschiedenis van de gegevens begint op {esc(fmt.day(covered.first))}" if covered.first else f"{note}<p>De geschiedenis van de gegevens is onvolledig") + (
                f"; sindsdien is er niets veranderd aan de afspraken in de agenda. {link} staan op een eigen pagina.</p>")
        return f"{note}<p>Sinds {esc(fmt.day(since))} is er niets veranderd aan de afspraken in de agenda. {link} staan op een eigen pagina.</p>"
    # One row per day, saying what changed (lea_site.exports.changes.summary): a row never reads only a section's name.
    days: dict[date, list[str]] = {}
    for change in changed:
        days.setdefault(change.day, []).extend(summary(change.markdown))  # type: ignore[arg-type]
    items = []
    for day, what in list(days.items())[:10]:
        what = list(dict.fromkeys(what))
        shown = what[:SHOWN_PER_DAY]
        more = f" En nog {len(what) - len(shown)} {'wijziging' if len(what) - len(shown) == 1 else 'wijzigingen'}." if len(what) > len(shown) else ""
        items.append(f"<strong>{esc(fmt.day(day))}</strong>: " + ("<br>".join(esc(w) for w in shown) or "geen inhoudelijke wijziging") + esc(more))
    more = f" En nog {len(days) - 10} eerdere dagen." if len(days) > 10 else ""
    times = "1 keer" if len(changed) == 1 else f"{len(changed)} keer"
    return (f"{note}<p>De gegevens van de agenda zijn sinds {esc(fmt.day(since))} {times} aangepast, op {len(days)} "
            f"{'dag' if len(days) == 1 else 'dagen'}. Dit veranderde er:</p>" + ul(items)
            + f"<p>{esc(more)} {link}, met wat er precies anders werd, staan op een eigen pagina.</p>")


def changes_since_quarter(view: View, kop: str | None = None, history: History | None = None) -> str:
    """What changed since the start of the previous quarter: progress notes and status changes, and changes to the data (git)."""
    since = quarter_start(view.today)
    out = [f"<p>Hier staat wat er veranderde sinds {esc(fmt.day(since))}, het begin van het vorige kwartaal ({esc(quarter_name(since))}).</p>"]
    notes = _notes_since(view, since)
    if notes:
        items = []
        for when, action, owner, note in notes[:15]:
            state = f" {status_badge(note.status)}" if note.status else ""  # type: ignore[attr-defined]
            items.append(f"<strong>{esc(fmt.day(when))}</strong>: {esc(action.titel)} ({_ambition_link(view, owner)}){state}<br>{esc(note.tekst)}")  # type: ignore[attr-defined]
        more = f"<p>En nog {len(notes) - 15} eerdere notities (zie Voortgang).</p>" if len(notes) > 15 else ""
        out.append("### Voortgang van de acties\n\n" + ul(items, "lea-changes") + more)
    else:
        out.append(f"<p>Sinds {esc(fmt.day(since))} is er geen voortgang van acties gemeld.</p>")
    out.append("### Wijzigingen in de afspraken\n\n" + history_html(view, history, since))
    return _headed(kop, "\n\n".join(out))


# --- what needs attention ------------------------------------------------------------------------


def _plural(view: View) -> str:
    """The word for all goals: the level's own when there is one level ('ambities'), else 'doelen'."""
    levels = {view.agenda.level(g) for g in view.agenda.ambities}
    return view.agenda.naming(levels.pop()).meervoud if len(levels) == 1 else "doelen"


def goals_needing_attention(view: View, kop: str | None = None) -> str:
    """The goals that are behind or need attention, with why; and the actions that are delayed or stopped.
    Nothing without goals and stuck actions."""
    rows = []
    for goal in view.agenda.ambities:
        state = view.course(goal)
        if state.state == "op koers":
            continue
        css = state.state.replace(" ", "-")
        why = (esc(state.reasons[0]) if len(state.reasons) == 1 else ul(esc(r) for r in state.reasons)) + (' <span class="lea-muted">(oordeel van de partners)</span>' if state.overridden else "")
        order = {"achter": 0, "let op": 1}.get(state.state, 2)
        rows.append((order, [view.a(ambition_page(goal.id), goal.titel),
                     f'<span class="lea-course-word lea-course-word--{css}">{esc(state.label)}</span>', why or "—"]))
    stuck = [(p, a) for p, a in _current_actions(view) if written_status(a) in STUCK]
    out = []
    if rows:
        rows.sort(key=lambda r: r[0])
        out.append(table([view.goal_header(list(view.agenda.ambities)), "Stand", "Waarom"], [r for _, r in rows],
                         caption=f"{fmt.capital(_plural(view))} die achterlopen, aandacht vragen of waarvan de stand onbekend is", stack=True))
    elif view.agenda.ambities:  # every goal that is not listed is on course: here, all of them
        out.append(f"<p>Alle {esc(goal_words(view.agenda, view.agenda.ambities))} liggen op koers.</p>")
    if stuck:
        items = []
        for owner, action in stuck:
            last = action.last_note()
            why = f"<br>{esc(last.tekst)}" if last else ""
            items.append(f"{esc(action.titel)} ({_ambition_link(view, owner)}) {view.badge(action)}{why}")
        out.append(f"### Vertraagde en gestopte acties\n\n" + ul(items, "lea-changes"))
    return _headed(kop, "\n\n".join(out))
