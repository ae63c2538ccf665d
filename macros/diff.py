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
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Sequence

from pydantic import BaseModel

from .checks import ambition_plan_totals, year_totals
from .fielddiff import Change, Step, compare, key_of
from .model import Action, Agenda, AmbitionPlan, Body, Indicator, Party, YearPlan
from .problems import Problem
from .verdicts import NOT_REPORTED, written_status
from .render import format as fmt
from .render.charts import with_unit
from .values import AgeRange, Period, Planning, parse_money

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
        return "begroting niet vermeld"
    if b.soort == "geen":
        return "geen kosten"
    if b.soort == "eigen_uren":
        return "eigen uren"
    return fmt.money(b.cost) + (f" (dekking {fmt.money(b.covered)})" if b.covered else "")


def _planning(action: Action, missing: str = fmt.NO_PLANNING) -> str:
    return md(fmt.planning(action.planning, missing))


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
        elif a.status != b.status:  # the field changed, the reported status did not (a note carries it)
            section.lines.append(f"- {where}: veld status {md(a.status or 'leeg')} → {md(b.status or 'leeg')}; "
                                 f"de gemelde status blijft **{md(written_status(b) or NOT_REPORTED)}** (uit de voortgang)")
        if str(a.planning) != str(b.planning):
            if a.planning is None or b.planning is None:  # 'verschoven' only when both say when
                section.lines.append(f"- {where}: planning was {_planning(a, 'niet vermeld')}, nu {_planning(b, 'niet vermeld')}")
            else:
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


def _budget_changes(old: Agenda, new: Agenda, warnings: dict[str, str]) -> Section:
    """The budget per school year the change touches; an exceeded LEA budget goes into ``warnings``
    (shown first in the comment, so cutting a long comment can never drop it), by school year."""
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
            section.lines.append("| Ambitie | Kosten was | Kosten wordt | Verschil ten laste van het LEA-budget |")
            section.lines.append("|---|---:|---:|---:|")
            section.lines.extend(rows)
            section.lines.append("")
        line = f"Nieuwe totalen: kosten {fmt.money(cost)}, dekking {fmt.money(covered)}, ten laste van het LEA-budget {fmt.money(charged)}"
        if plan.budget is not None:
            available = plan.budget.beschikbaar
            line += f" van {fmt.money(available)} beschikbaar."
            section.lines.append(line)
            if charged > available:
                section.lines.append(f"Het LEA-budget wordt overschreden met {fmt.money(charged - available)}.")
                warnings[plan.schooljaar] = (
                    f"> **Let op: het LEA-budget wordt overschreden** met {fmt.money(charged - available)} in schooljaar "
                    f"{md(plan.schooljaar)} ({fmt.money(charged)} gevraagd, {fmt.money(available)} beschikbaar)."
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
            return "niet vermeld"
        parts = [value(ind.doel.waarde) if ind.doel.waarde is not None else "",
                 md(ind.doel.uiterlijk.at) if ind.doel.uiterlijk else "", md(ind.doel.omschrijving or "")]
        return " ".join(p for p in parts if p) or "niet vermeld"

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
        section.lines.append(f"- **Nieuw jaarplan**: schooljaar {md(sy)} ({md(new_years[sy].vaststelling.status or 'vaststelling niet vermeld')})")
    for sy in sorted(old_years.keys() - new_years.keys()):
        count = len(old_years[sy].actions())
        section.lines.append(f"- **Jaarplan verwijderd**: schooljaar {md(sy)}, met {count} actie{'s' if count != 1 else ''}")
    for sy in sorted(old_years.keys() & new_years.keys()):
        a, b = old_years[sy].vaststelling, new_years[sy].vaststelling
        if a.status != b.status:
            section.lines.append(f"- Jaarplan {md(sy)}: {md(a.status or 'niet vermeld')} → {md(fmt.adoption(b, new))}")
    return section


# --- every other change: the whole model, field by field ------------------------------


def agenda_fields(item: BaseModel) -> list[tuple[str, Any, Any]] | None:
    """How the walk sees a year plan: its actions in one list keyed by id (an id is unique in the
    school year), so an action moved to another goal is the same action; its goals without them."""
    if isinstance(item, YearPlan):
        fields = [(n, getattr(item, n), i) for n, i in YearPlan.model_fields.items()]
        return fields + [("acties", [a for p in item.ambities for a in p.acties], AmbitionPlan.model_fields["acties"])]
    if isinstance(item, AmbitionPlan):
        return [(n, getattr(item, n), i) for n, i in AmbitionPlan.model_fields.items() if n != "acties"]
    return None


# Which changes the sections above already name, so "Overige wijzigingen" does not repeat them.
# Keyed by (class of the item the change is in, first field below it); a rule sees both versions of
# that item and the change, and says True only when its section really wrote a line for it. A field
# a section compares only in part (an action's budget: soort, kosten, dekking) is covered only in that part.
Rule = Callable[[Any, Any, Change], bool]


def _always(a: Any, b: Any, c: Change) -> bool:
    return True


def _added_or_removed(a: Any, b: Any, c: Change) -> bool:
    return c.kind in ("erbij", "eraf")


def _leaves(*paths: tuple[str, ...], when: Callable[[Any, Any], bool]) -> Rule:
    """Covered: a change at one of ``paths`` (or the field as a whole), when ``when(old, new)`` holds."""
    return lambda a, b, c: (len(c.rel) == 1 or c.rel in paths) and c.kind == "gewijzigd" and when(a, b)


def _whole(when: Callable[[Any, Any], bool]) -> Rule:
    """Covered: anything in the field, when the section compared it and wrote a line (``when``)."""
    return lambda a, b, c: when(a, b)


def _new_notes(a: Action, b: Action, c: Change) -> bool:
    """The section names each note whose date and text are new; a removed note or a note's status it does not."""
    seen = {(m.datum, m.tekst) for m in a.voortgang}
    if c.kind == "erbij":
        return (c.new.datum, c.new.tekst) not in seen
    index = next((s.index for s in reversed(c.path) if s.field == "voortgang" and s.index), None)
    if c.kind != "gewijzigd" or index is None or c.rel[-1] not in ("datum", "tekst"):
        return False
    note = b.voortgang[index - 1]
    return (note.datum, note.tekst) not in seen


def _series(i: Indicator) -> dict:
    return {(m.periode.text, m.soort): m.waarde for m in i.series()}


def _measured(a: Indicator, b: Indicator, c: Change) -> bool:
    """The section compares each dated value (period, kind, value); notes and parts of a value it does not."""
    return _series(a) != _series(b) and (c.kind in ("erbij", "eraf") or c.rel[-1] in ("periode", "soort", "waarde")
                                         or len(c.rel) == 1)


def _indicator_ids(agenda: Agenda) -> set[str]:
    return {i.id for _, i in agenda.indicators()}


RULES: dict[tuple[str, str], Rule] = {
    ("Agenda", "partners"): _added_or_removed, ("Agenda", "organen"): _added_or_removed,
    ("Agenda", "ambities"): _added_or_removed, ("Agenda", "jaarplannen"): _added_or_removed,
    ("Partner", "naam"): _always, ("Ambition", "titel"): _always,
    **{("Body", f): _always for f in ("naam", "niveau", "frequentie", "ambitie", "rapporteert_aan", "adviseert", "bereidt_voor", "taken")},
    ("Body", "voorzitter"): _leaves(("voorzitter", "partner"), ("voorzitter", "rol"), when=lambda a, b: _key(a.voorzitter) != _key(b.voorzitter)),
    ("Body", "leden"): _whole(lambda a, b: {_key(p) for p in a.leden} != {_key(p) for p in b.leden}),
    ("YearPlan", "acties"): _added_or_removed,
    # a new status is written with its date and by whom
    ("YearPlan", "vaststelling"): lambda a, b, c: c.rel == ("vaststelling", "status") or (
        c.rel in (("vaststelling", "datum"), ("vaststelling", "door")) and a.vaststelling.status != b.vaststelling.status),
    ("YearPlan", "budget"): _leaves(("budget", "beschikbaar"), when=lambda a, b: True),
    ("AmbitionPlan", "begroting"): _whole(lambda a, b: ambition_plan_totals(a) != ambition_plan_totals(b)),
    ("Indicator", "titel"): _always, ("Indicator", "doel"): _always,
    ("Indicator", "metingen"): _measured, ("Indicator", "nulmeting"): _measured,
}
# Actions of a year plan (not a goal's own activities, which no section shows).
ACTION_RULES: dict[str, Rule] = {
    "titel": _always, "status": _always,
    "planning": _whole(lambda a, b: str(a.planning) != str(b.planning)),
    "begroting": _leaves(("begroting", "soort"), ("begroting", "kosten"), ("begroting", "dekking"),
                         when=lambda a, b: _budget_text(a) != _budget_text(b)),
    "trekker": _leaves(("trekker", "partner"), ("trekker", "rol"), when=lambda a, b: _key(a.trekker) != _key(b.trekker)),
    "partners": _whole(lambda a, b: bool(_parties_changed(Agenda.model_construct(), Agenda.model_construct(), a.partners, b.partners))),
    "voortgang": _new_notes,
}


def _covered(change: Change, old: Agenda, new: Agenda) -> bool:
    a, b = change.anchor
    name = type(b if b is not None else a).__name__
    head = change.rel[0] if change.rel else ""
    if name == "Action":
        owner = next((s for s in reversed(change.path[:len(change.path) - len(change.rel)]) if s.key is not None), None)
        rule = ACTION_RULES.get(head) if owner is not None and owner.field == "acties" else None
    elif name == "Ambition" and head == "indicatoren" and change.kind in ("erbij", "eraf"):
        # the section compares indicators by id over the whole agenda: one that moved to another goal is not new
        item = change.new if change.kind == "erbij" else change.old
        return item.id not in (_indicator_ids(old) if change.kind == "erbij" else _indicator_ids(new))
    elif name == "Indicator":  # a goal's indicators, not the agenda's key figures (kerncijfers)
        owner = next((s for s in reversed(change.path[:len(change.path) - len(change.rel)]) if s.key is not None), None)
        rule = RULES.get((name, head)) if owner is not None and owner.field == "indicatoren" else None
    else:
        rule = RULES.get((name, head))
    return rule is not None and rule(a, b, change)


# Words for an item of a list, by the list's key in the data.
ITEM_WORDS = {"partners": "partner", "organen": "orgaan", "jaarplannen": "jaarplan", "acties": "actie", "activiteiten": "activiteit",
              "indicatoren": "indicator", "kerncijfers": "kerncijfer", "interventies": "interventie", "hoofdstukken": "hoofdstuk",
              "begrippen": "begrip", "woorden": "woord"}
# Long texts are shown around their first difference, this many characters (before escaping).
SHOWN_CHARS = 80
SHOWN_ITEMS = 5


def _goal_word(key: str, old: Agenda, new: Agenda) -> str:
    for agenda in (new, old):
        goal = agenda.ambition(key) if agenda.info is not None else None
        if goal is not None:
            return agenda.naming(agenda.level(goal)).enkelvoud
    return (new.naming(0) if new.info is not None else old.naming(0)).enkelvoud if (new.info or old.info) else "ambitie"


def _step(step: Step, old: Agenda, new: Agenda) -> str:
    if step.key is not None:
        if step.field == "jaarplannen":
            return f"jaarplan {md(step.key)}"
        word = _goal_word(step.key, old, new) if step.field == "ambities" else ITEM_WORDS.get(step.field, step.field)
        return f"{md(word)} {md(step.key, code=True)}"
    name = "agenda" if step.field == "info" else step.field  # the section is called agenda: in the data
    return f"{md(name)} {step.index}" if step.index is not None else md(name)


def _where(change: Change, old: Agenda, new: Agenda) -> str:
    return fmt.capital(" › ".join(_step(s, old, new) for s in change.path))


def _validators(annotation: Any) -> set:
    found = set()
    for arg in typing.get_args(annotation):
        found |= {getattr(m, "func", None) for m in getattr(arg, "__metadata__", ())} | _validators(arg)
    return found | {getattr(m, "func", None) for m in getattr(annotation, "__metadata__", ())}


def _is_money(info: Any) -> bool:
    return info is not None and (parse_money in _validators(info.annotation) or parse_money in {getattr(m, "func", None) for m in info.metadata})


def _flat(text: str) -> str:
    return _INVISIBLE.sub("", _BREAKS.sub(" ", text)).strip()


def _around(a: str, b: str) -> tuple[str, str]:
    """Two texts, each shortened to the part around their first difference (with … where cut)."""
    a, b = _flat(a), _flat(b)
    if len(a) <= SHOWN_CHARS and len(b) <= SHOWN_CHARS:
        return a, b
    first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(0, first - SHOWN_CHARS // 3)

    def cut(text: str) -> str:
        # At word boundaries where one is near (no 'sschool' fragment), and the leading ellipsis joined to its
        # word (U+2060): a browser may break a line after '…', which left '…' alone at a line's end on a phone.
        begin, end = start, min(len(text), start + SHOWN_CHARS)
        if begin > 0:
            space = text.find(" ", begin, begin + 20)
            begin = space + 1 if space != -1 else begin
        if end < len(text):
            space = text.rfind(" ", end - 20, end)
            end = space if space > begin else end
        part = text[begin:end]
        return ("…\u2060" if begin > 0 else "") + part + ("…" if end < len(text) else "")

    return cut(a), cut(b)


def _value(value: Any, info: Any = None) -> str:
    """One value from the data, short, as Markdown text."""
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return fmt.money(value) if _is_money(info) else str(value)
    if isinstance(value, float):
        return fmt.number(value)
    if isinstance(value, date):
        return fmt.day(value)
    if isinstance(value, Period):
        return md(fmt.period(value))
    if isinstance(value, Planning):
        return md(fmt.planning(value))
    if isinstance(value, AgeRange):
        return md(value)
    if isinstance(value, str):
        text = _flat(value)
        return f"'{md(text[:SHOWN_CHARS] + ('…' if len(text) > SHOWN_CHARS else ''))}'"
    if isinstance(value, list):
        shown = [_value(v, info) for v in value[:SHOWN_ITEMS]]
        more = f" en {len(value) - SHOWN_ITEMS} meer" if len(value) > SHOWN_ITEMS else ""
        return "; ".join(shown) + more if shown else "leeg"
    if isinstance(value, BaseModel):
        return _item(value)
    return md(value)


def _item(item: BaseModel) -> str:
    """An item added or removed: its id and name, else its first few filled-in fields."""
    key = key_of(item)
    name = next((getattr(item, f) for f in ("titel", "naam", "uitleg") if isinstance(getattr(item, f, None), str)), None)
    if key is not None:
        return md(key, code=True) + (f" {_value(name)}" if name and name != key else "")
    parts = []
    for n, info in type(item).model_fields.items():
        v = getattr(item, n)
        if v not in (None, [], "") and not isinstance(v, (BaseModel, list)):
            parts.append(f"{md(n)} {_value(v, info)}")
        if len(parts) == 3:
            break
    return ", ".join(parts) or "ingevuld"


def _line(change: Change, old: Agenda, new: Agenda) -> str:
    where = _where(change, old, new)
    if change.kind == "erbij":
        return f"- {where}: **nieuw**: {_value(change.new, change.info)}"
    if change.kind == "eraf":
        return f"- {where}: **verwijderd**: {_value(change.old, change.info)}"
    if change.kind == "volgorde":
        return f"- {where}: **andere volgorde**"
    a, b = change.old, change.new
    if isinstance(a, Period) and isinstance(b, Period) and _value(a) == _value(b):
        return f"- {where}: {md(a.text)} → {md(b.text)}"  # the same month, written otherwise
    if isinstance(a, str) and isinstance(b, str):
        a, b = _around(a, b)
        if a == b:
            return f"- {where}: alleen witruimte, regeleinden of onzichtbare tekens gewijzigd"
        return f"- {where}: '{md(a)}' → '{md(b)}'"
    return f"- {where}: {_value(a, change.info)} → {_value(b, change.info)}"


def _other_changes(old: Agenda, new: Agenda, readable: bool = False) -> Section:
    """Every change the sections above do not name: by its path in the data (``lea diff``: its readers edit
    the data), or ``readable`` for the page Wijzigingen (Dutch labels, names instead of ids, what happened
    in words, small text fixes counted in one line)."""
    section = Section("Overige wijzigingen")
    if old.info is None:  # the first version of the agenda: everything is new, the sections above say what
        return section
    found = [c for c in compare(old, new, agenda_fields) if not _covered(c, old, new)]
    if not readable:
        section.lines = [_line(c, old, new) for c in found]
        return section
    from .diffwords import readable_lines

    section.title = "Andere wijzigingen"
    section.lines = readable_lines(found, old, new)
    return section


def new_warnings(before: Sequence[Problem], after: Sequence[Problem]) -> list[Problem]:
    """The warnings of ``lea check`` that the change brings (by field and message: lines move)."""
    seen = {(p.path, p.message) for p in before}
    return [p for p in after if (p.path, p.message) not in seen]


def _same_overrun(problem: Problem, years: set[str]) -> bool:
    """lea check's warning of an exceeded budget for a year whose overrun the comment already states."""
    return "LEA-budget wordt overschreden" in problem.message and any(problem.path.startswith(f"jaarplannen[{y}].") for y in years)


def diff_markdown(old: Agenda, new: Agenda, title: str = "Wat verandert er in de agenda?",
                  warnings: Sequence[Problem] = (), readable: bool = False) -> str:
    """The comment: first what needs attention (an exceeded budget, new warnings of ``lea check``), then
    the changes in readable sections, then every other changed field by its path in the data (``readable``:
    in words, for the page Wijzigingen; see :func:`_other_changes`)."""
    overruns: dict[str, str] = {}
    budget = _budget_changes(old, new, overruns)
    attention = [w + "\n" for w in overruns.values()] + [f"- Waarschuwing van lea check: {md(str(p))}" for p in warnings
                                           if not _same_overrun(p, set(overruns))]
    sections = [s for s in (Section("Let op", attention), _action_changes(old, new), budget, _ambition_changes(old, new),
                            _governance_changes(old, new), _other_changes(old, new, readable)) if s.lines]
    if not sections:
        return f"## {title}\n\n{NO_CHANGES}\n"
    out = [f"## {title}\n"]
    for s in sections:
        out.append(f"### {s.title}\n")
        out.append("\n".join(s.lines).rstrip() + "\n")
    return "\n".join(out)
