"""Tables of actions, budgets and partners (HTML strings from the model)."""

from __future__ import annotations

from datetime import date

from typing import Sequence

from ..checks import ambition_plan_totals, year_totals
from ..model import Action, Agenda, Ambition, AmbitionPlan, Budget, YearPlan
from . import format as fmt
from ..verdicts import action_state, written_status, Spending, goal_spending, room, room_sentence as _room_sentence, spending_heading, spending_sentences, year_spending
from .charts import budget_bars
from .contact import contact_html, resolve_from
from .html import abbr, planning_html, Edit, Link, esc, prose, md, no_edit, parties, party, state_badge, status_badge, table
from .family import dimensions_html


def budget_cell(budget: Budget | None) -> str:
    if budget is None:
        return "—"
    if budget.soort == "geen":
        return "geen kosten"
    if budget.soort == "eigen_uren":
        return "eigen uren partners"
    if not budget.known:  # named sources, no amount: never € 0
        return "uit " + esc(", ".join(budget.bronnen)) + '<br><span class="lea-muted">bedrag niet bekend</span>'
    text = esc(fmt.money(budget.cost))
    if budget.bronnen:
        text += f'<br><span class="lea-muted">uit {esc(", ".join(budget.bronnen))}</span>'
    if budget.covered:
        source = f" door {esc(budget.dekking_door)}" if budget.dekking_door else ""
        text += f'<br><span class="lea-muted">waarvan {esc(fmt.money(budget.covered))} gedekt{source}</span>'
    if budget.besteed is not None:
        when = f" (gemeld {esc(fmt.day(budget.besteed_op))})" if budget.besteed_op else ""
        text += f'<br><span class="lea-spent">besteed {esc(fmt.money(budget.besteed))}{when}</span>'
    return text


def _place(agenda: Agenda | None, action: Action) -> str:
    loc = action.locatie
    if loc is None:
        return ""
    if agenda is not None:
        return fmt.where(agenda, loc)  # 'hele gemeente Lindeveen': by its name
    return ", ".join((["hele gemeente"] if loc.hele_gemeente else []) + loc.names())


def _money_note(budget: Budget | None) -> str:
    """The budget in words, for tables without a budget column (an agenda without amounts)."""
    if budget is None:
        return ""
    parts = []
    if budget.soort == "geen":
        parts.append("geen kosten")
    elif budget.soort == "eigen_uren":
        parts.append("eigen uren van de partners")
    elif budget.bronnen:
        parts.append("betaald uit " + ", ".join(budget.bronnen))
    if budget.toelichting:
        parts.append(budget.toelichting)
    return f"<p><em>Geld:</em> {prose('; '.join(parts))}</p>" if parts else ""


def action_cell(action: Action, *, with_details: bool = True, edit: Edit = no_edit, anchor: str | None = None,
                money_column: bool = True, contact: str = "", facts: Sequence[tuple[str, str]] = (),
                progress: bool = True, as_of: date | None = None, agenda: Agenda | None = None) -> str:
    """Title and ``facts`` (label, HTML: who, when) under it, then the (folded) description, place,
    carry-over note, evaluations and (with ``progress``) the latest progress."""
    target = f' id="actie-{esc(anchor)}-{esc(action.id)}"' if anchor else ""
    out = f"<strong{target}>{esc(action.titel)}</strong>"  # a title names the work: never explained
    if action.doorgeschoven_van:
        out += f'<br><span class="lea-muted">doorgeschoven uit schooljaar {esc(action.doorgeschoven_van)}</span>'
    out += "".join(f'<span class="lea-fact"><span class="lea-fact__label">{esc(label)}:</span> {value}</span>'
                   for label, value in facts if value)
    if progress and as_of is not None:  # the state per dimension (kwaliteit, geld, tijd), where the agenda reports so
        out += dimensions_html(action, as_of)
    if not with_details:
        return out
    details = md(action.beschrijving)
    if _place(agenda, action):
        details += f"<p><em>Waar:</em> {prose(_place(agenda, action))}</p>"
    if contact:
        details += f"<p><em>Vragen?</em> {contact}</p>"
    if not money_column or (action.begroting is not None and action.begroting.toelichting):
        details += _money_note(action.begroting) if not money_column else f"<p><em>Geld:</em> {esc(action.begroting.toelichting)}</p>"
    last = action.last_note() if progress else None
    if last:
        details += f'<p><em>Voortgang {esc(fmt.day(last.datum))}:</em> {prose(last.tekst)}</p>'
    if action.resultaat:
        details += "<p><em>Resultaat:</em></p>" + md(action.resultaat)
    for e in action.evaluatie:  # planned ones too: when, and what kind
        outcome = f" {prose(e.uitkomst)}" if e.uitkomst else " gepland"
        details += f'<p><em>{esc(fmt.capital(e.soort or "evaluatie"))} ({planning_html(fmt.planning(e.moment))}):</em>{outcome}</p>'
    if details:
        out += f'<details class="lea-details"><summary>Meer over deze actie</summary>{details}</details>'
    link = edit(action, action.titel)
    return out + (f"<br>{link}" if link else "")


def _who(agenda: Agenda, action: Action, link: Link) -> str:
    """Who does it, the lead first and marked as such."""
    lead = [party(agenda, action.trekker, link) + ' <span class="lea-muted">(trekker)</span>'] if action.trekker else []
    return ", ".join(lead + [party(agenda, p, link) for p in action.partners]) or "—"


def action_contact(agenda: Agenda, action: Action, goal: Ambition | None) -> str:
    """Whom to ask about an action: its own contact or its lead's; a goal's or the agenda's said as such (it is
    not the one who does the action; review 19: another body's phone looked like the action's own)."""
    contact, source = resolve_from(agenda, action.contact, goal, action.trekker)
    found = contact_html(agenda, contact)
    if source in ("eigen", "trekker") or not found:
        return found
    about = f"het doel ‘{esc(goal.titel)}’" if source == "doel" and goal is not None else "de agenda"
    return f"geen eigen contact bij deze actie; over {about}: {found}"


# A table of actions has four columns (three without money): who does it and when go under the
# title. Six columns never fitted Material's content column, not even at 1440 px: words broke
# mid-word ("Planni ng") or the table scrolled sideways (issue 15).
def _rows(agenda: Agenda, actions: list[Action], anchor: str, link: Link, edit: Edit, money: bool,
          goal: Ambition | None = None, as_of: date | None = None, school_year: str | None = None) -> list[list[str]]:
    return [
        [
            str(n),
            action_cell(action, edit=edit, anchor=anchor, money_column=money, as_of=as_of, agenda=agenda,
                        contact=action_contact(agenda, action, goal),
                        facts=[("Wie", _who(agenda, action, link)), ("Wanneer", planning_html(fmt.planning(action.planning)))]),
            *([budget_cell(action.begroting)] if money else []),
            state_badge(action_state(action, as_of, agenda=agenda, school_year=school_year)) if as_of else status_badge(written_status(action)),
        ]
        for n, action in enumerate(actions, start=1)
    ]


def activities_table(agenda: Agenda, goal: Ambition, link: Link, *, caption: str, edit: Edit = no_edit, money: bool = True,
                     as_of: date | None = None) -> str:
    """A goal's activities for the whole term: planned by month or range, or not yet planned."""
    rows = _rows(agenda, goal.activiteiten, f"looptijd-{goal.id}", link, edit, money and any(a.begroting for a in goal.activiteiten), goal, as_of)
    if not rows:
        return ""
    headers = ["Nr", "Activiteit", *(["Begroting"] if len(rows[0]) == 4 else []), "Status"]
    return table(headers, rows, caption=caption, numeric=[2] if len(headers) == 4 else [], row_header=False, stack=True)


def actions_table(agenda: Agenda, plan: AmbitionPlan, school_year: str, link: Link, *, caption: str, edit: Edit = no_edit,
                  money: bool = True, as_of: date | None = None) -> str:
    """A year plan's actions for one goal; ``money`` False: no budget column (an agenda without amounts)."""
    rows = _rows(agenda, plan.acties, school_year, link, edit, money, agenda.ambition(plan.ambitie), as_of, school_year)
    cost, covered, charged = ambition_plan_totals(plan)
    footer = []
    if money and (cost or plan.begroting is not None):
        label = "Totaal"
        value = esc(fmt.money(cost)) + (f'<br><span class="lea-muted">{abbr("t.l.v.")} LEA-budget {esc(fmt.money(charged))}</span>' if covered else "")
        if plan.begroting is not None and plan.begroting.soort != "bedrag":
            value = budget_cell(plan.begroting)
        footer = [[label, None, value, ""]]
    if not rows:
        return '<p class="lea-muted">Voor dit schooljaar zijn (nog) geen acties opgenomen.</p>'
    headers = ["Nr", "Actie", *(["Begroting"] if money else []), "Status"]
    return table(headers, rows, caption=caption, numeric=[2] if money else [], footer=footer, row_header=False, stack=True)


def spent_parts(s: Spending, *, whole_year: bool = False, under_rows: bool = False) -> tuple[str, str | None]:
    """What a 'Besteed' cell says: the amount (or why there is none) and what the amount is.

    ``whole_year``: the row is a part of a year whose total was reported as a whole, so a part without its
    own report is 'niet apart gemeld' (not a failure to report). ``under_rows``: the cell is a total under
    rows, and a total reported for the whole year is not their sum: the note says so (a total of € 137.400
    stood under rows of € 11.200 and 'niet gemeld')."""
    if s.spent is None:
        return ("niet apart gemeld" if whole_year else "nog niet gemeld"), None
    if s.whole is not None:
        return fmt.money(s.spent), "gemeld voor het hele jaar" + (", niet de som van de rijen" if under_rows else "")
    if not s.complete:
        return fmt.money(s.spent), f"{len(s.reports)} van {s.items} gemeld"
    return fmt.money(s.spent), None


def spent_cell(s: Spending, *, whole_year: bool = False, under_rows: bool = False) -> str:
    """A table cell for what was spent, with what the amount is (lea_site.render.tables.spent_parts)."""
    amount, note = spent_parts(s, whole_year=whole_year, under_rows=under_rows)
    return esc(amount) + (f'<br><span class="lea-muted">{esc(note)}</span>' if note else "")


def spending_html(s: Spending) -> str:
    """Spent against planned as reported (lea_site.verdicts), or nothing when nothing is reported."""
    sentences = spending_sentences(s, fmt.money, fmt.day)
    if not sentences:
        return ""
    body = "".join(f"<p>{esc(t)}</p>" for t in sentences)
    heading = spending_heading(s)
    return (f'<div class="admonition warning"><p class="admonition-title">{esc(heading)}</p>{body}</div>'
            if heading else f'<div class="lea-spent">{body}</div>')


def year_budget_rows(agenda: Agenda, plan: YearPlan) -> list[tuple[str, int, int]]:
    rows = []
    for amb_plan in plan.ambities:
        amb = agenda.ambition(amb_plan.ambitie)
        cost, covered, _ = ambition_plan_totals(amb_plan)
        rows.append((amb.titel if amb else amb_plan.ambitie, cost, covered))
    return rows


def room_sentence(plan: YearPlan) -> str:
    """Overspending or room left, in words (lea_site.verdicts)."""
    return _room_sentence(plan, fmt.money)


def year_budget(agenda: Agenda, plan: YearPlan, link: Link) -> str:
    """Budget summary of one year: table with totals, the sentence on room left, and bars."""
    rows = year_budget_rows(agenda, plan)
    body = [
        [
            f'<a href="{esc(link(f"ambities/{amb_plan.ambitie}.md"))}">{esc(label)}</a>' if agenda.ambition(amb_plan.ambitie) else esc(label),
            esc(fmt.money(cost)) if cost else budget_cell(amb_plan.begroting) if amb_plan.begroting and amb_plan.begroting.soort != "bedrag" else esc(fmt.money(0)),
            esc(fmt.money(covered)),
            esc(fmt.money(cost - covered)),
        ]
        for amb_plan, (label, cost, covered) in zip(plan.ambities, rows)
    ]
    cost, covered, charged = year_totals(plan)
    year_spent = year_spending(plan, agenda)
    spent = [goal_spending(amb_plan, label) for amb_plan, (label, _, _) in zip(plan.ambities, rows)]
    per_goal = any(s.spent is not None for s in spent)  # a column only when actions report spending
    whole = year_spent.whole is not None
    if per_goal:
        for row, s in zip(body, spent):
            row.append(spent_cell(s, whole_year=whole))
    footer = [["Totaal", esc(fmt.money(cost)), esc(fmt.money(covered)), esc(fmt.money(charged)),
               *([spent_cell(year_spent, under_rows=True)] if per_goal else [])]]
    if plan.budget is not None:
        name = plan.budget.omschrijving or "Beschikbaar LEA-budget"
        if plan.budget.kostenplaats:
            name += f" (kostenplaats {plan.budget.kostenplaats})"
        footer.append([esc(name), "", "", esc(fmt.money(plan.budget.beschikbaar)), *([""] if per_goal else [])])
    caption = f"Begroting schooljaar {plan.schooljaar}" + ("; besteed naast de totale kosten" if per_goal else "")
    sentence = room_sentence(plan)
    over = room(plan).over
    sentence_html = (
        f'<div class="admonition warning"><p class="admonition-title">Budget overschreden</p><p>{esc(sentence)}</p></div>'
        if over else f'<p class="lea-room">{esc(sentence)}</p>'
    )
    headers = [fmt.capital(agenda.naming(0).enkelvoud), "Kosten", "Dekking", "Ten laste van LEA-budget", *(["Besteed"] if per_goal else [])]
    return (
        table(headers, body, caption=caption, numeric=[1, 2, 3, 4] if per_goal else [1, 2, 3], footer=footer, stack=True)
        + "\n" + sentence_html + "\n" + spending_html(year_spent) + "\n"
        + budget_bars(rows, plan.budget.beschikbaar if plan.budget else None, f"Kosten per {agenda.naming(0).enkelvoud}, schooljaar {plan.schooljaar}")
    )
