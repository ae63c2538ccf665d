"""What changed between two versions of an agenda, in Dutch Markdown for a pull-request comment.

Pure: two validated agendas in, Markdown out. Reading the versions from git is
:mod:`macros.gitdata`'s job.

The comment is posted on pull requests whose data anyone may write, so every piece of
text from the data goes through :func:`md` on its way in: it reads as literal text,
never as Markdown, HTML, a mention or a link. Only what this module writes itself
(labels in bold, list dashes, tables, the budget warning) is Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .checks import ambition_plan_totals, year_totals
from .model import Action, Agenda, Body, Indicator, Party
from .verdicts import NOT_REPORTED, written_status
from .render import format as fmt
from .render.charts import with_unit

NO_CHANGES = "Geen wijzigingen in de agenda."

# --- data text into Markdown ----------------------------------------------------

_ZWSP = "\u200b"  # written as &#8203;: invisible, but breaks @mentions, #refs and bare links
# Line breaks of every kind and other control characters: the text stays on its line.
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# Bidirectional controls can make a line read differently from what it says.
_INVISIBLE = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What GitHub links by itself in text: @user and @org/team, #123 and owner/repo#123,
# https://... and www.... A zero-width space after '@', '#', ':' or 'www' breaks each.
_AUTOLINK = re.compile(r"(?<=[@#])(?=\w)|(?<=:)(?=//)|(?<=www)(?=\.)", re.IGNORECASE)
# Replacements, one character at a time: & < > as HTML entities (no tag, no comment,
# no blockquote), every character that can start inline Markdown behind a backslash.
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", _ZWSP: "&#8203;"} | {c: "\\" + c for c in "\\`*_[]#!|~$"}
# At the start of a text (which may be the start of a list item): a list marker or an
# ordered-list number ('*', '#', '>', '<' and fences are escaped wherever they are).
_BLOCK_START = re.compile(r"^([-+]|\d+(?=[.)]))")
# An id that can go into a code span as it is.
_PLAIN_CODE = re.compile(r"[\w.-]+")


def md(value: object, *, code: bool = False) -> str:
    """Data text as literal Markdown text, on one line. With ``code``, in a code span (ids).

    The one way data text enters the comment: titles, names, roles, notes, ids,
    plannings, periods, units. It does not rely on validation (ids are normally
    [a-z0-9-], but a code span with a backtick in it would end early).
    """
    text = _INVISIBLE.sub("", _BREAKS.sub(" ", str(value))).strip()
    if code:
        if _PLAIN_CODE.fullmatch(text):
            return f"`{text}`"  # no backtick, no pipe, no line break: the span cannot end early
        return md(text)  # anything else as escaped plain text
    text = _AUTOLINK.sub(_ZWSP, text)
    text = "".join(_ESCAPES.get(c, c) for c in text)
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), text)


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)


def _party(agenda: Agenda, p: Party | None) -> str:
    if p is None:
        return "niemand"
    name = ""
    if p.partner:
        partner = agenda.partner(p.partner)
        name = md(partner.naam) if partner else md(p.partner)
    role = md(p.rol) if p.rol else ""
    return f"{role} ({name})" if role and name else (role or name)


def _key(p: Party | None) -> tuple | None:
    """What a party *is* (partner id and role): renaming a partner changes no one's role."""
    return (p.partner, p.rol) if p is not None else None


def _parties_changed(old: Agenda, new: Agenda, a: list[Party], b: list[Party]) -> str:
    """'erbij: X; eraf: Y' for two lists of parties, compared by id, named as in their version."""
    old_keys, new_keys = {_key(p) for p in a}, {_key(p) for p in b}
    plus = sorted(_party(new, p) for p in b if _key(p) not in old_keys)
    minus = sorted(_party(old, p) for p in a if _key(p) not in new_keys)
    return "; ".join(x for x in (f"erbij: {', '.join(plus)}" if plus else "", f"eraf: {', '.join(minus)}" if minus else "") if x)


def _amb_title(agenda: Agenda, aid: str) -> str:
    amb = agenda.ambition(aid)
    return md(amb.titel if amb else aid)


def _actions(agenda: Agenda) -> dict[tuple[str, str], tuple[str, Action]]:
    return {(y.schooljaar, a.id): (p.ambitie, a) for y in agenda.jaarplannen for p, a in y.actions()}


def _budget_text(action: Action) -> str:
    b = action.begroting
    if b is None:
        return "geen begroting"
    if b.soort == "geen":
        return "geen kosten"
    if b.soort == "eigen_uren":
        return "eigen uren"
    return fmt.money(b.cost) + (f" (dekking {fmt.money(b.covered)})" if b.covered else "")


def _planning(action: Action) -> str:
    return md(fmt.planning(action.planning))


def _action_changes(old: Agenda, new: Agenda) -> Section:
    section = Section("Acties")
    before, after = _actions(old), _actions(new)
    for key in [k for k in after if k not in before]:  # in data order
        amb, action = after[key]
        section.lines.append(
            f"- **Nieuw** in schooljaar {md(key[0])} ({_amb_title(new, amb)}): {md(action.titel)} "
            f"({md(action.id, code=True)}, {_planning(action)}, {_budget_text(action)}, status {md(written_status(action) or NOT_REPORTED)})"
        )
    gone_years = {y.schooljaar for y in old.jaarplannen} - {y.schooljaar for y in new.jaarplannen}
    for key in [k for k in before if k not in after and k[0] not in gone_years]:  # a removed plan is one line elsewhere
        amb, action = before[key]
        section.lines.append(
            f"- **Verwijderd** uit schooljaar {md(key[0])} ({_amb_title(old, amb)}): {md(action.titel)} ({md(action.id, code=True)})"
        )
    for key in [k for k in after if k in before]:
        (old_amb, a), (new_amb, b) = before[key], after[key]
        where = f"{md(b.titel)} ({md(b.id, code=True)}, {md(key[0])})"
        if a.titel != b.titel:
            section.lines.append(f"- **Nieuwe naam**: '{md(a.titel)}' heet nu '{md(b.titel)}' ({md(b.id, code=True)}, {md(key[0])})")
        if old_amb != new_amb:
            section.lines.append(f"- {where}: verplaatst van {_amb_title(old, old_amb)} naar {_amb_title(new, new_amb)}")
        if written_status(a) != written_status(b):
            section.lines.append(f"- {where}: status **{md(written_status(a) or NOT_REPORTED)} → {md(written_status(b) or NOT_REPORTED)}**")
        if str(a.planning) != str(b.planning):
            section.lines.append(f"- {where}: planning verschoven van {_planning(a)} naar {_planning(b)}")
        if _budget_text(a) != _budget_text(b):
            section.lines.append(f"- {where}: begroting van {_budget_text(a)} naar {_budget_text(b)}")
        if _key(a.trekker) != _key(b.trekker):
            section.lines.append(f"- {where}: trekker van {_party(old, a.trekker)} naar {_party(new, b.trekker)}")
        change = _parties_changed(old, new, a.partners, b.partners)
        if change:
            section.lines.append(f"- {where}: partners ({change})")
        old_notes = {(m.datum, m.tekst) for m in a.voortgang}
        old_dates = {m.datum for m in a.voortgang}
        for note in b.voortgang:
            if (note.datum, note.tekst) in old_notes:
                continue
            what = "voortgang aangepast" if note.datum in old_dates else "voortgang"
            section.lines.append(f"- {where}: {what} {fmt.day(note.datum)}: {md(note.tekst)}")
    return section


def _budget_changes(old: Agenda, new: Agenda) -> Section:
    section = Section("Begroting")
    for plan in new.year_plans_sorted():
        before = old.year_plan(plan.schooljaar)
        rows = []
        for amb_plan in plan.ambities:
            new_total = ambition_plan_totals(amb_plan)
            old_plan = next((p for p in before.ambities if p.ambitie == amb_plan.ambitie), None) if before else None
            old_total = ambition_plan_totals(old_plan) if old_plan else (0, 0, 0)
            if new_total != old_total:
                rows.append(
                    f"| {_amb_title(new, amb_plan.ambitie)} | {fmt.money(old_total[0])} | {fmt.money(new_total[0])} | "
                    f"{fmt.money(new_total[2] - old_total[2])} |"
                )
        if before is not None:
            for old_plan in before.ambities:
                if not any(p.ambitie == old_plan.ambitie for p in plan.ambities):
                    t = ambition_plan_totals(old_plan)
                    rows.append(f"| {_amb_title(old, old_plan.ambitie)} | {fmt.money(t[0])} | {fmt.money(0)} | {fmt.money(-t[2])} |")
        available_changed = before is not None and (before.budget.beschikbaar if before.budget else None) != (plan.budget.beschikbaar if plan.budget else None)
        if not rows and not available_changed:
            continue
        cost, covered, charged = year_totals(plan)
        section.lines.append(f"**Schooljaar {md(plan.schooljaar)}**\n")
        if available_changed:
            was = fmt.money(before.budget.beschikbaar) if before and before.budget else "niet opgegeven"
            now = fmt.money(plan.budget.beschikbaar) if plan.budget else "niet opgegeven"
            section.lines.append(f"Beschikbaar LEA-budget van {was} naar {now}.\n")
        if rows:
            section.lines.append("| Ambitie | Kosten was | Kosten wordt | Verschil t.l.v. LEA-budget |")
            section.lines.append("|---|---:|---:|---:|")
            section.lines.extend(rows)
            section.lines.append("")
        line = f"Nieuwe totalen: kosten {fmt.money(cost)}, dekking {fmt.money(covered)}, ten laste van het LEA-budget {fmt.money(charged)}"
        if plan.budget is not None:
            available = plan.budget.beschikbaar
            line += f" van {fmt.money(available)} beschikbaar."
            section.lines.append(line)
            if charged > available:
                section.lines.append(
                    f"\n> **Let op: het LEA-budget wordt overschreden** met {fmt.money(charged - available)} "
                    f"({fmt.money(charged)} gevraagd, {fmt.money(available)} beschikbaar)."
                )
            else:
                section.lines.append(f"Er blijft {fmt.money(available - charged)} over.")
        else:
            section.lines.append(line + ".")
        section.lines.append("")
    return section


def _body_summary(agenda: Agenda, body: Body) -> dict[str, str]:
    """Plain fields of a body, for comparison (members and chair are compared by id apart), as Markdown."""
    return {
        "naam": md(body.naam), "niveau": md(body.niveau), "frequentie": md(body.frequentie or ""),
        "ambitie": _amb_title(agenda, body.ambitie) if body.ambitie else "",
        "rapporteert aan": ", ".join(map(md, body.rapporteert_aan)), "adviseert": ", ".join(map(md, body.adviseert)),
        "bereidt voor": ", ".join(map(md, body.bereidt_voor)), "taken": "; ".join(map(md, body.taken)),
    }


def _body_raw(body: Body) -> dict[str, object]:
    """The same fields unformatted: a change only in line breaks or markup is still a change."""
    return {"naam": body.naam, "niveau": body.niveau, "frequentie": body.frequentie or "", "ambitie": body.ambitie or "",
            "rapporteert aan": body.rapporteert_aan, "adviseert": body.adviseert, "bereidt voor": body.bereidt_voor, "taken": body.taken}


def _governance_changes(old: Agenda, new: Agenda) -> Section:
    section = Section("Organisatie en partners")
    old_bodies, new_bodies = {b.id: b for b in old.organen}, {b.id: b for b in new.organen}
    for bid in sorted(new_bodies.keys() - old_bodies.keys()):
        section.lines.append(f"- **Nieuw orgaan**: {md(new_bodies[bid].naam)} ({md(new_bodies[bid].niveau)})")
    for bid in sorted(old_bodies.keys() - new_bodies.keys()):
        section.lines.append(f"- **Orgaan opgeheven**: {md(old_bodies[bid].naam)}")
    for bid in sorted(old_bodies.keys() & new_bodies.keys()):
        was, now = old_bodies[bid], new_bodies[bid]
        a, b = _body_summary(old, was), _body_summary(new, now)
        raw_a, raw_b = _body_raw(was), _body_raw(now)
        for key in a:
            if a[key] != b[key] or raw_a[key] != raw_b[key]:
                section.lines.append(f"- {md(now.naam)}: {key} van '{a[key] or '-'}' naar '{b[key] or '-'}'")
        if _key(was.voorzitter) != _key(now.voorzitter):
            section.lines.append(f"- {md(now.naam)}: voorzitter van '{_party(old, was.voorzitter)}' naar '{_party(new, now.voorzitter)}'")
        change = _parties_changed(old, new, was.leden, now.leden)
        if change:
            section.lines.append(f"- {md(now.naam)}: leden ({change})")
    old_partners, new_partners = {p.id: p for p in old.partners}, {p.id: p for p in new.partners}
    for pid in sorted(new_partners.keys() - old_partners.keys()):
        section.lines.append(f"- **Nieuwe partner**: {md(new_partners[pid].naam)} ({md(new_partners[pid].sector)})")
    for pid in sorted(old_partners.keys() - new_partners.keys()):
        section.lines.append(f"- **Partner verwijderd**: {md(old_partners[pid].naam)}")
    for pid in sorted(old_partners.keys() & new_partners.keys()):
        if old_partners[pid].naam != new_partners[pid].naam:
            section.lines.append(f"- Partner '{md(old_partners[pid].naam)}' heet nu '{md(new_partners[pid].naam)}'")
    return section


def _indicator_changes(a: Indicator, b: Indicator) -> list[str]:
    def value(v: float) -> str:
        return md(with_unit(b, v))  # the unit is data text

    lines = []
    title = md(b.titel)
    if a.titel != b.titel:
        lines.append(f"- Indicator '{md(a.titel)}' heet nu '{title}'")
    before = {(m.periode.text, m.soort): m for m in a.series()}
    after = {(m.periode.text, m.soort): m for m in b.series()}
    for key, m in after.items():
        was = before.get(key)
        if was is None:
            lines.append(f"- Indicator {title}: {md(m.soort)} {md(m.periode)}: {value(m.waarde)}")
        elif was.waarde != m.waarde:
            lines.append(f"- Indicator {title}: {md(m.soort)} {md(m.periode)} **gewijzigd** van {value(was.waarde)} naar {value(m.waarde)}")
    for key, m in before.items():
        if key not in after:
            lines.append(f"- Indicator {title}: {md(m.soort)} {md(m.periode)} ({value(m.waarde)}) **verwijderd**")

    def target(ind: Indicator) -> str:
        if ind.doel is None:
            return "geen"
        parts = [value(ind.doel.waarde) if ind.doel.waarde is not None else "",
                 f"in {md(ind.doel.uiterlijk)}" if ind.doel.uiterlijk else "", md(ind.doel.omschrijving or "")]
        return " ".join(p for p in parts if p) or "geen"

    def target_raw(ind: Indicator) -> tuple:
        d = ind.doel
        return (d.waarde, str(d.uiterlijk) if d.uiterlijk else None, d.omschrijving) if d else ()

    if target(a) != target(b) or target_raw(a) != target_raw(b):
        lines.append(f"- Indicator {title}: doel van {target(a)} naar {target(b)}")
    return lines


def _ambition_changes(old: Agenda, new: Agenda) -> Section:
    section = Section("Ambities en indicatoren")
    old_amb, new_amb = {a.id: a for a in old.ambities}, {a.id: a for a in new.ambities}
    for aid in new_amb.keys() - old_amb.keys():
        section.lines.append(f"- **Nieuwe ambitie**: {md(new_amb[aid].titel)}")
    for aid in old_amb.keys() - new_amb.keys():
        section.lines.append(f"- **Ambitie verwijderd**: {md(old_amb[aid].titel)}")
    for aid in old_amb.keys() & new_amb.keys():
        if old_amb[aid].titel != new_amb[aid].titel:
            section.lines.append(f"- Ambitie '{md(old_amb[aid].titel)}' heet nu '{md(new_amb[aid].titel)}'")
    old_ind, new_ind = {i.id: i for _, i in old.indicators()}, {i.id: i for _, i in new.indicators()}
    for iid in [i for i in new_ind if i not in old_ind]:
        section.lines.append(f"- **Nieuwe indicator**: {md(new_ind[iid].titel)}")
    for iid in [i for i in old_ind if i not in new_ind]:
        section.lines.append(f"- **Indicator verwijderd**: {md(old_ind[iid].titel)}")
    for iid in [i for i in new_ind if i in old_ind]:
        section.lines.extend(_indicator_changes(old_ind[iid], new_ind[iid]))
    old_years, new_years = {y.schooljaar: y for y in old.jaarplannen}, {y.schooljaar: y for y in new.jaarplannen}
    for sy in sorted(new_years.keys() - old_years.keys()):
        section.lines.append(f"- **Nieuw jaarplan**: schooljaar {md(sy)} ({md(new_years[sy].vaststelling.status)})")
    for sy in sorted(old_years.keys() - new_years.keys()):
        count = len(old_years[sy].actions())
        section.lines.append(f"- **Jaarplan verwijderd**: schooljaar {md(sy)}, met {count} actie{'s' if count != 1 else ''}")
    for sy in sorted(old_years.keys() & new_years.keys()):
        a, b = old_years[sy].vaststelling, new_years[sy].vaststelling
        if a.status != b.status:
            when = (f" op {fmt.period(b.datum)}" if b.datum else "") + (f" door {md(b.door)}" if b.door else "")
            section.lines.append(f"- Jaarplan {md(sy)}: {md(a.status)} → {md(b.status)}{when}")
    return section


def diff_markdown(old: Agenda, new: Agenda, title: str = "Wat verandert er in de agenda?") -> str:
    sections = [s for s in (_action_changes(old, new), _budget_changes(old, new), _ambition_changes(old, new), _governance_changes(old, new)) if s.lines]
    if not sections:
        return f"## {title}\n\n{NO_CHANGES}\n"
    out = [f"## {title}\n"]
    for s in sections:
        out.append(f"### {s.title}\n")
        out.append("\n".join(s.lines).rstrip() + "\n")
    return "\n".join(out)
