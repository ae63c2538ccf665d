"""The agenda and its progress reports as PDF, composed from the model and typeset by Typst (issue 25).

Each PDF is first a *document*: plain data (a dict of blocks, see :mod:`.pdfblocks` and
:mod:`.mdtree`) made from the model and the verdicts, never from the site's HTML. ``lea.typ``
reads it as JSON (:mod:`.typeset`): a string from the data is never parsed as Typst markup.

* ``downloads/agenda.pdf``: the whole agenda: a cover with the document's own facts, contents,
  the agenda's text and chapters, the document (date, authors, evaluation, communication, how it
  came about, financing), every goal with pillars, questions, results, owners, verdict, indicators
  (targets with their dates) and activities, the school-year plans with their budgets, the
  interventions, the governance as diagram and text, the key figures, the partners and the
  appendices as links;
* ``downloads/voortgang-<schooljaar>.pdf`` for every school year with a plan that has begun, and
  ``downloads/voortgang.pdf`` (the current one): a report for the council and the steering group,
  its first page the verdict per goal and why, the money as reported and what needs a decision.
  An agenda without year plans gets one report on its activities.

No document names 'today': a report says up to which date the data reports, and the PDF's date
is the data's (the same data gives the same bytes).
"""

from __future__ import annotations

import functools
from collections import Counter
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Iterator

from ..checks import ambition_plan_totals, year_totals
from ..glossary import agenda_glossary
from ..model import STATUSES, Action, Agenda, Ambition, AmbitionPlan, Body, YearPlan
from ..render.charts import with_unit
from ..verdicts import NOT_REPORTED, STUCK, action_state, all_actions, goal_course, goal_spending, written_status, year_spending
from ..render import format as fmt
from ..render.documents import agenda_day
from ..render.pages import View
from ..render.tables import room_sentence, spent_parts
from ..render.words import sectors as sector_words, since as since_words
from ..values import school_year_bounds, school_year_of
from . import pdfblocks as pb
from . import pdffamily as family
from . import pdfshapes
from .mdtree import Block, blocks as md_blocks, inline as md_inline, plain_blocks
from .typeset import Document, PdfError, Typesetting, render_pdf, write_atomic
from .volumes import volume_path, volumes

AGENDA = volume_path(1)
REPORT = "downloads/voortgang.pdf"


@functools.lru_cache(maxsize=1)
def _package_version() -> str:
    try:
        return version("lea-site")
    except PackageNotFoundError:
        return "onbekend"


def _document(kind: str, title: str, agenda: Agenda, day: date, cover: dict[str, Any], body: list[Block], description: str) -> Document:
    info = agenda.info
    return {
        "kind": kind, "title": title, "description": description, "running": _running(kind, info.titel),
        "authors": info.document.auteurs if info.document and info.document.auteurs else [", ".join(info.regio.gemeenten)],
        "keywords": ["Lokale Educatieve Agenda", "LEA", f"lea-site {_package_version()}"],
        "date": [day.year, day.month, day.day], "cover": cover, "body": body,
    }


def _running(kind: str, title: str) -> str:
    """The running header: the kind of document and the agenda's title, the kind once ('Lokale Educatieve
    Agenda · Lokale Educatieve Agenda Lindeveen' said it twice)."""
    return title if kind.casefold() in title.casefold() else f"{kind} · {title}"


def _cover(agenda: Agenda, kind: str, facts: list[tuple[str, Any]]) -> dict[str, Any]:
    info = agenda.info
    return {"kind": kind, "title": info.titel, "motto": info.motto or "",
            "facts": [[label, value if isinstance(value, list) else [value]] for label, value in facts],
            "note": "Dit is een voorbeeld met verzonnen gegevens." if info.voorbeeld else ""}


# --- the whole agenda ------------------------------------------------------------------------------


def goal_tree(agenda: Agenda) -> list[Ambition]:
    out: list[Ambition] = []
    todo = list(reversed(agenda.children(None)))
    while todo and len(out) <= len(agenda.ambities):  # bounded: the load step refuses cycles
        goal = todo.pop()
        out.append(goal)
        todo.extend(reversed(agenda.children(goal)))
    return out


def _about(agenda: Agenda, pictures: dict[str, str] | None = None) -> list[Block]:
    info = agenda.info
    out: list[Block] = [pb.heading(1, "Over de agenda", "over")]
    if info.samenvatting:
        out.append(pb.p(info.samenvatting, style="lead"))
    if info.visie_inleiding and (info.visie or info.principes):
        out += [pb.heading(2, "Visie" if info.visie else "Leidende principes"), *md_blocks(info.visie_inleiding)]
    if info.visie:
        out += [*([] if info.visie_inleiding else [pb.heading(2, "Visie")]), *md_blocks(info.visie)]
    if info.principes:
        out += [pb.heading(2, "Leidende principes"),
                pb.items([[pb.b(x.titel), *([": " + x.toelichting] if x.toelichting else [])] for x in info.principes])]
    for chapter in info.hoofdstukken:
        out += [pb.heading(2, chapter.titel, f"hoofdstuk-{chapter.id}"), *family.chapter_blocks(agenda, chapter, pictures if pictures is not None else {})]
    return out


def _the_document(agenda: Agenda) -> list[Block]:
    """Date, authors, evaluation, communication, how it came about and how it is paid for: what the data says."""
    info = agenda.info
    doc = info.document
    rows: list[tuple[str, Any]] = [("Vaststelling", fmt.adoption(info.vaststelling, agenda))]
    out: list[Block] = []
    if doc is not None:
        if doc.datum:
            rows.append(("Datum van het document", fmt.period(doc.datum)))
        if doc.auteurs:
            rows.append(("Geschreven door", fmt.and_list(doc.auteurs)))
        if doc.opdrachtgever:
            rows.append(("In opdracht van", doc.opdrachtgever))
        if doc.bron:
            rows.append(("Het document", [pb.link(doc.bron, doc.bron)]))
        if doc.evaluatie:
            e = doc.evaluatie
            when = ([f"eerste evaluatie in {e.eerste}"] if e.eerste else []) + (
                ["daarna elk jaar" if e.elke == 1 else f"daarna elke {e.elke} jaar"] if e.elke else [])
            rows.append(("Evaluatie", (fmt.capital(", ".join(when)) + ". " if when else "") + (e.toelichting or "")))
        if doc.communicatie:
            rows.append(("Communicatie", [pb.items([[pb.b(c.doelgroep), ": " + c.afspraak] for c in doc.communicatie])]))
    out += [pb.heading(2, "Het document", "document"), pb.facts(rows)]
    making = doc.totstandkoming if doc is not None else None
    if making is not None:
        out.append(pb.heading(2, "Hoe de agenda tot stand kwam", "totstandkoming"))
        out += md_blocks(making.toelichting)
        if making.periode:
            out.append(pb.p(f"Geschreven van {fmt.planning(making.periode)}."))
        if making.begeleiding:
            out.append(pb.p(f"Begeleiding: {making.begeleiding}."))
        if making.bijeenkomsten:
            out.append(pb.items([[pb.b(fmt.capital(m.soort)), *([f" ({fmt.period(m.datum)})"] if m.datum else []),
                                  *([": " + m.omschrijving] if m.omschrijving else [])] for m in making.bijeenkomsten]))
    money = info.financiering
    if money is not None:
        out.append(pb.heading(2, "Financiering", "financiering"))
        out.append(pb.p(pb.b("Centraal LEA-budget: "), "ja" if money.centraal_budget else "nee"))
        out += md_blocks(money.toelichting)
        if money.bronnen:
            out.append(pb.items([[fmt.funding(f) + (f". {f.toelichting}" if f.toelichting else "")] for f in money.bronnen]))
    return out


def _goal(view: View, amb: Ambition, reported: list[str]) -> list[Block]:
    agenda = view.agenda
    level = 2 + min(agenda.level(amb), 3)
    sub = level + 1
    out: list[Block] = [pb.heading(level, amb.titel, f"doel-{amb.id}"), *pdfshapes.goal_facts(agenda, amb),
                        pb.p(amb.samenvatting, style="lead")]
    if amb.leeftijden:
        out.append(pb.p(pb.muted(f"{fmt.capital(fmt.for_ages(amb.leeftijden))} {amb.leeftijden}.")))
    out += md_blocks(amb.beschrijving)
    for label, values in (("Pijlers", [[v] for v in amb.pijlers]), ("Beoogde resultaten", pdfshapes.results(agenda, amb)),
                          ("Open vragen", [[v] for v in amb.vraagstukken]),
                          (fmt.capital(agenda.intervention_naming().meervoud), pdfshapes.interventions(agenda, amb))):
        if values:
            out += [pb.heading(sub, label), pb.items(values)]
    owners = [[pb.party_name(agenda, o) + _term(o)] for o in amb.eigenaars] + pdfshapes.member_owners(agenda, amb)
    if owners:
        out += [pb.heading(sub, family.owners_heading(agenda)), pb.items(owners)]
    if amb.eigenaarschap:
        out.append(pb.p(amb.eigenaarschap))
    if amb.indicatoren:
        out.append(pb.heading(sub, "Indicatoren en streefwaarden"))
        for ind in amb.indicatoren:
            out += pb.indicator_blocks(ind, min(6, sub + 1), facts_only=True)
    relations = family.goal_relations(agenda, amb)
    if relations:
        out += [pb.heading(sub, "Samenhang met andere agenda's"), *relations]
    if amb.activiteiten:
        out.append(pb.heading(sub, "Activiteiten"))
        out += [pb.action_block(agenda, n, a, money=agenda.has_money(), progress=False, plan_only=True) for n, a in enumerate(amb.activiteiten, 1)]
    return out


def _term(owner) -> str:
    van, tot = getattr(owner, "van", None), getattr(owner, "tot", None)
    if van and tot:
        return f" (van {van} tot {tot})"
    return f" (vanaf {van})" if van else (f" (tot {tot})" if tot else "")


def _budget_blocks(agenda: Agenda, plan: YearPlan, spent: bool = True) -> list[Block]:
    """The year's budget: a table per goal with totals, the room left in words, spending as reported, bars.
    Without ``spent``: the budget as planned (the agenda PDF; spending is in the progress reports)."""
    rows, bar_rows = [], []
    year_spent = year_spending(plan, agenda)
    whole = year_spent.whole is not None
    for amb_plan in plan.ambities:
        amb = agenda.ambition(amb_plan.ambitie)
        label = amb.titel if amb else amb_plan.ambitie
        cost, covered, charged = ambition_plan_totals(amb_plan)
        rows.append([[label], [fmt.money(cost)], [fmt.money(covered)], [fmt.money(charged)],
                     *([_spent(goal_spending(amb_plan, label), whole_year=whole)] if spent else [])])
        bar_rows.append((label, cost, covered))
    cost, covered, charged = year_totals(plan)
    foot = [[[pb.b("Totaal")], [pb.b(fmt.money(cost))], [pb.b(fmt.money(covered))], [pb.b(fmt.money(charged))],
             *([_spent(year_spent, under_rows=True)] if spent else [])]]
    if plan.budget is not None:
        name = (plan.budget.omschrijving or "Beschikbaar LEA-budget") + (f" (kostenplaats {plan.budget.kostenplaats})" if plan.budget.kostenplaats else "")
        foot.append([[name], [], [], [pb.b(fmt.money(plan.budget.beschikbaar))], *([[]] if spent else [])])
    word = fmt.capital(agenda.naming(0).enkelvoud)
    out = [pb.table([word, "Kosten", "Dekking", "Ten laste van LEA-budget", *(["Besteed"] if spent else [])], rows,
                    caption=f"Begroting schooljaar {plan.schooljaar}" + ("" if spent else " (zoals gepland)"),
                    numeric=[1, 2, 3, 4] if spent else [1, 2, 3], foot=foot, widths=[2.4, 1, 1, 1.2, 1] if spent else [2.4, 1, 1, 1.2])]
    over = plan.budget is not None and charged > plan.budget.beschikbaar
    out.append(pb.p(pb.b(room_sentence(plan)) if over else room_sentence(plan), style="warning" if over else None))
    if spent:
        sentence = pb.money_sentence(year_spending(plan, agenda))
        out.append(pb.p(sentence or "Er is nog geen besteding gemeld."))
    out.append(pb.budget_bars(bar_rows, plan.budget.beschikbaar if plan.budget else None, f"Kosten per {agenda.naming(0).enkelvoud}, schooljaar {plan.schooljaar}"))
    return out


def _spent(s, *, whole_year: bool = False, under_rows: bool = False) -> list[Any]:
    """A 'Besteed' cell: the amount and what it is, as on the site (lea_site.render.tables.spent_parts)."""
    amount, note = spent_parts(s, whole_year=whole_year, under_rows=under_rows)
    return [amount, *([{"br": 1}, pb.muted(note)] if note else [])]


def _year(view: View, plan: YearPlan, reported: list[str]) -> list[Block]:
    agenda = view.agenda
    money = agenda.has_money()
    state = " (concept)" if plan.vaststelling.status == "concept" else ""
    adopted = (f"Dit jaarplan is {fmt.adoption(plan.vaststelling, agenda)}." if plan.vaststelling.status is not None
               else "Of dit jaarplan is vastgesteld, is niet vermeld.")
    out: list[Block] = [pb.heading(2, f"Schooljaar {plan.schooljaar}{state}", f"jaar-{plan.schooljaar}"),
                        pb.p(pb.b(adopted)), *md_blocks(plan.inleiding)]
    if money:
        out += [pb.heading(3, "Begroting"), *_budget_blocks(agenda, plan, spent=False)]
    for amb_plan in plan.ambities:
        amb = agenda.ambition(amb_plan.ambitie)
        out.append(pb.heading(3, amb.titel if amb else amb_plan.ambitie))
        labelled = [(label, md_blocks(value)) for label, value in (("Jaardoel", amb_plan.jaardoel), ("Huidige situatie", amb_plan.huidige_situatie),
                                                                   ("Aanpak", amb_plan.aanpak)) if value]
        if labelled:
            out.append(pb.facts(labelled))
        # The plan as agreed: status, spending and notes are the state on a day (chapter 'Stand op ...', the reports).
        out += [pb.action_block(agenda, n, a, money=money, progress=False, plan_only=True) for n, a in enumerate(amb_plan.acties, 1)]
        if not amb_plan.acties:
            out.append(pb.p(pb.muted("Geen acties.")))
    return out


def _interventions(agenda: Agenda) -> list[Block]:
    out: list[Block] = [pb.heading(1, "Interventies", "interventies")]
    for item in agenda.interventies:
        rows: list[tuple[str, Any]] = []
        goal = agenda.ambition(item.ambitie) if item.ambitie else None
        if goal:
            rows.append((fmt.capital(agenda.naming(agenda.level(goal)).enkelvoud), goal.titel))
        if item.betrokken_partijen:
            rows.append(("Betrokken partijen", pb.names(agenda, item.betrokken_partijen)))
        if item.planning:
            rows.append(("Planning", item.planning))
        rows.append(("Doel", md_blocks(item.doel)))
        if item.doelgroep:
            rows.append(("Doelgroep", item.doelgroep.omschrijving + (f" ({item.doelgroep.leeftijden})" if item.doelgroep.leeftijden else "")))
        if item.locatie:
            rows.append(("Waar", fmt.where(agenda, item.locatie) or "—"))
        if item.activiteiten:
            rows.append(("Activiteiten", [pb.items([[a] for a in item.activiteiten])]))
        if item.monitoring:
            rows.append(("Monitoring en evaluatie", md_blocks(item.monitoring)))
        if item.kosten is not None and fmt.amount(item.kosten):
            rows.append(("Totale kosten", fmt.amount(item.kosten)))
        if item.financiering:
            rows.append(("Financiering", [pb.items([[fmt.funding(f, unstated=True) + (f". {f.toelichting}" if f.toelichting else "")]
                                                    for f in item.financiering])]))
        if item.informatie:
            rows.append(("Meer informatie", [pb.link(item.informatie, item.informatie)]))
        if item.contact:
            rows.append(("Contact", pb.contact_text(agenda, item.contact)))
        out += [pb.heading(2, item.titel, f"interventie-{item.id}"), pb.facts(rows)]
    return out


def _body(agenda: Agenda, body: Body) -> list[Block]:
    rows: list[tuple[str, Any]] = []
    if body.soort:
        rows.append(("Soort", body.soort))
    rows.append(("Status", {"voorgesteld": "voorgesteld, nog niet ingesteld", "beeindigd": "beëindigd"}.get(body.status, body.status)
                 + (f" (sinds {since_words(body.sinds)})" if body.sinds else "")))
    rows += pdfshapes.member_rows(agenda, body)
    if body.omvang:
        rows.append(("Omvang", body.omvang))
    if body.voorzitter:
        rows.append(("Voorzitter", pb.party_name(agenda, body.voorzitter)))
    if body.voorzitterschap:
        rows.append(("Voorzitterschap", body.voorzitterschap))
    if body.secretaris:
        rows.append(("Secretaris", pb.party_name(agenda, body.secretaris)))
    if body.frequentie:
        rows.append(("Hoe vaak", body.frequentie))
    if body.verslag:
        rows.append(("Verslag", body.verslag))
    if body.mandaat:
        rows.append(("Mandaat", body.mandaat))
    if body.taken:
        rows.append(("Taken", [pb.items([[t] for t in body.taken])]))
    for field, words in (("rapporteert_aan", "Rapporteert aan"), ("adviseert", "Adviseert"), ("bereidt_voor", "Bereidt besluiten voor van"),
                         ("deel_van", "Is onderdeel van"), ("gaat_samen_met", "Gaat samen met")):
        targets = [agenda.body(t).naam if agenda.body(t) else t for t in getattr(body, field)]
        if targets:
            rows.append((words, ", ".join(targets)))
    rows += pdfshapes.body_state(agenda, body)
    if body.vervangt:
        rows.append(("Vervangt", ", ".join(body.vervangt)))
    if body.ambitie and agenda.ambition(body.ambitie):
        rows.append(("Werkt aan", agenda.ambition(body.ambitie).titel))
    if body.aanmelden:
        join = body.aanmelden
        # As on the site ('Voor ... .' then how): 'wie' and 'hoe' ran into one line without a full stop.
        rows.append(("Meedoen", [" ".join(x for x in (join.wie and f"Voor {join.wie.rstrip('.')}.", join.hoe) if x)]
                     + ([" · ", pb.link(join.email, f"mailto:{join.email}")] if join.email else [])
                     + ([" · ", pb.link(join.url, join.url)] if join.url else [])))
    if body.contact:
        rows.append(("Contact", pb.contact_text(agenda, body.contact)))
    return [pb.heading(2, body.naam, f"orgaan-{body.id}"), *md_blocks(body.beschrijving), pb.facts(rows)]


def _partners(agenda: Agenda) -> Block:
    leads, joins = Counter(), Counter()
    actions = [a for plan in agenda.jaarplannen for _, a in plan.actions()] + [a for g in agenda.ambities for a in g.activiteiten]
    for action in actions:
        if action.trekker and action.trekker.partner:
            leads[action.trekker.partner] += 1
        for x in action.partners:
            if x.partner:
                joins[x.partner] += 1
    rows = [[[x.naam + (f" ({x.afkorting})" if x.afkorting else "")], [sector_words(x)],
             [str(leads[x.id])], [str(joins[x.id])]] for x in agenda.partners]
    return pb.table(["Partner", "Sector", "Trekker van", "Doet mee aan"], rows, caption="De partners van de agenda", numeric=[2, 3],
                    widths=[2.5, 1.6, 0.8, 0.8])


def state_day(agenda: Agenda, as_of: date) -> date:
    """The day the agenda PDF's 'Stand op ...' is of: the last day on which the data reports anything (a progress
    note, spending, a plan's adoption), never after ``as_of``; the agenda's own day when nothing was reported."""
    days = [n.datum for a in all_actions(agenda) for n in a.voortgang]
    days += [a.begroting.besteed_op for a in all_actions(agenda) if a.begroting and a.begroting.besteed_op]
    days += [p.budget.besteed_op for p in agenda.jaarplannen if p.budget is not None and p.budget.besteed_op]
    days += [p.vaststelling.datum.start for p in agenda.jaarplannen if p.vaststelling.status == "vastgesteld" and p.vaststelling.datum]
    days = [d for d in days if d <= as_of]
    return max(days) if days else agenda_day(agenda)


def _plans_adopted(agenda: Agenda) -> list[str]:
    """Each year plan with its own adoption: 'schooljaar 2026-2027: vastgesteld op 9 juli 2026 door ...'."""
    return [f"schooljaar {p.schooljaar}: {fmt.adoption(p.vaststelling, agenda)}" for p in agenda.year_plans_sorted()]


def _state_chapter(view: View, day: date, reported: list[str], site_url: str | None) -> list[Block]:
    """'Stand op <day>': per goal the verdict as lea_site.verdicts judges it on that day, the measured values
    and the key figures, each with its period. Not part of the adopted agenda, and it says so."""
    agenda = view.agenda
    year = agenda.current_school_year(day)
    adopted = fmt.adoption(agenda.info.vaststelling, agenda)
    out: list[Block] = [pb.heading(1, f"Stand op {fmt.day(day)}", "stand"), pb.p(
        pb.b(f"Dit hoofdstuk hoort niet bij de vastgestelde agenda ({adopted}) en niet bij de jaarplannen. "),
        f"Het laat zien hoe het ervoor staat volgens de gegevens tot en met {fmt.day(day)}: het oordeel per doel met de reden, "
        "en de cijfers met hun periode. Het oordeel volgt uit de gemelde status van de acties en de metingen.")]
    files = ([f"downloads/voortgang-{y}.pdf" for y in reported] if agenda.jaarplannen
             else [REPORT] if any(g.activiteiten for g in agenda.ambities) else [])
    if files:
        # The file's own name (the site lists it under Documenten); a link when the site's address is known.
        names = [pb.link(f.rsplit("/", 1)[-1], f"{site_url.rstrip('/')}/{f}") if site_url else f.rsplit("/", 1)[-1] for f in files]
        out.append(pb.p("De status, de voortgang, het resultaat en de besteding per actie staan in de voortgangsrapportage"
                        + (" per schooljaar" if len(files) > 1 else "") + " (op de site onder Documenten): ",
                        *[x for n, name in enumerate(names) for x in ([", "] if n else []) + [name]], "."))
    for goal in goal_tree(agenda):
        level = 2 + min(agenda.level(goal), 3)
        out += [pb.heading(level, goal.titel, f"stand-doel-{goal.id}"), pb.verdict_block(agenda, goal, year, day, dated=True)]
        for ind in goal.indicatoren:
            out += pb.indicator_blocks(ind, min(6, level + 1), values_only=True, anchor="stand-indicator")
    if agenda.info.kerncijfers:
        out += [pb.heading(2, "Kerncijfers", "kerncijfers"), pb.p("Cijfers over de hele agenda: hoe de situatie is, en hoe die verandert.")]
        for ind in agenda.info.kerncijfers:
            out += pb.indicator_blocks(ind, 3)
    return out


def agenda_document(view: View, site_url: str | None = None) -> Document:
    """The whole agenda as a document for the PDF: first the agenda as adopted (its text, goals with baseline
    and target, activities, organisation), then the year plans, each with its own adoption, then the state on
    the data's last day ('Stand op ...'), each part saying what it is and of which day (issue 25, review 16)."""
    agenda = view.agenda
    info = agenda.info
    reported = report_years(agenda, view.today)
    day = state_day(agenda, view.as_of)
    pictures: dict[str, str] = {}  # a chapter's pictures: name in the PDF -> the checked file (the Typst worker copies them)
    body = _about(agenda, pictures) + _the_document(agenda) + family.related_blocks(agenda)
    goals = goal_tree(agenda)
    if goals:
        body.append(pb.heading(1, fmt.capital(view.words), "doelen"))
        body.append(pb.p(f"Zoals de agenda ze vaststelt ({fmt.adoption(info.vaststelling, agenda)}): met de nulmeting en het doel "
                         f"van elke indicator. Het oordeel en de latere metingen staan in het hoofdstuk Stand op {fmt.day(day)}."))
        for amb in goals:
            body += _goal(view, amb, reported)
    if agenda.interventies:
        body += _interventions(agenda)
    if agenda.organen:
        body.append(pb.heading(1, "Organisatie", "organisatie"))
        body += pdfshapes.organisation(agenda)
        chart = pb.org_chart(agenda)
        if chart:
            body.append(chart)
        for org in agenda.organen:
            body += _body(agenda, org)
    if agenda.rollen:
        if not agenda.organen:
            body += [pb.heading(1, "Organisatie", "organisatie"), *pdfshapes.organisation(agenda)]
        body += pdfshapes.roles(agenda)
    body += family.places_blocks(view)
    plans = agenda.year_plans_sorted()
    if plans:
        body.append(pb.heading(1, "Schooljaarplannen", "schooljaren"))
        body.append(pb.p(pb.b("De jaarplannen horen niet bij de vaststelling van de agenda: elk jaarplan heeft een eigen vaststelling, "
                              "die bij het plan staat."), " Hier staat wat er per schooljaar is afgesproken: acties, planning en begroting."))
        for plan in plans:
            body += _year(view, plan, reported)
    body += _state_chapter(view, day, reported, site_url)
    if agenda.partners:
        body += [pb.heading(1, "Partners", "partners"), _partners(agenda)]
    appendices = info.document.bijlagen if info.document else []
    if appendices or (info.document and info.document.bron) or site_url:
        body.append(pb.heading(1, "Bijlagen en links", "bijlagen"))
        links = [[pb.link(a.titel, a.url) if a.url else a.titel, *([f" ({a.soort})"] if a.soort else []),
                  *([": ", pb.link(a.url, a.url)] if a.url else [" (geen webadres opgegeven)"])] for a in appendices]
        if info.document and info.document.bron:
            links.append(["Het oorspronkelijke document: ", pb.link(info.document.bron, info.document.bron)])
        if site_url:
            links.append(["De website van de agenda: ", pb.link(site_url, site_url)])
        body.append(pb.items(links))
    facts: list[tuple[str, Any]] = [("Gemeente" if len(info.regio.gemeenten) == 1 else "Gemeenten", ", ".join(info.regio.gemeenten))]
    if len(info.regio.gemeenten) > 1:
        facts.insert(0, ("Regio", info.regio.naam))
    facts += [("Looptijd", f"{info.periode.van} tot en met {info.periode.tot}"), ("Vaststelling van de agenda", fmt.adoption(info.vaststelling, agenda))]
    if plans:  # later plans are not adopted with the agenda: each says its own
        facts.append(("Jaarplannen, elk apart vastgesteld", [x for n, line in enumerate(_plans_adopted(agenda)) for x in ([{"br": 1}] if n else []) + [line]]))
    facts.append(("Stand van de uitvoering", f"op {fmt.day(day)}, in het hoofdstuk Stand op {fmt.day(day)} (geen deel van de vaststelling)"))
    if info.document is not None:
        if info.document.datum:
            facts.append(("Datum van het document", fmt.period(info.document.datum)))
        if info.document.auteurs:
            facts.append(("Geschreven door", fmt.and_list(info.document.auteurs)))
        if info.document.opdrachtgever:
            facts.append(("In opdracht van", info.document.opdrachtgever))
    if info.contact:
        facts.append(("Contact", pb.contact_text(agenda, info.contact)))
    cover = _cover(agenda, "Lokale Educatieve Agenda", facts)
    document = _document("Lokale Educatieve Agenda", info.titel, agenda, agenda_day(agenda), cover, body,
                         f"De Lokale Educatieve Agenda {info.titel}, van {info.periode.van} tot en met {info.periode.tot}")
    if pictures:
        document["pictures"] = pictures
    return document


# --- the progress report ---------------------------------------------------------------------------


MAX_REPORT_ROWS = 200  # a report for the council reads the newest; typesetting costs memory per row (issue 24, class 10)


def _newest(rows: list, what: str) -> tuple[list, list[Block]]:
    """At most MAX_REPORT_ROWS rows (sorted oldest first), the newest; and a sentence that says what was left out and where it is."""
    if len(rows) <= MAX_REPORT_ROWS:
        return rows, []
    return rows[-MAX_REPORT_ROWS:], [pb.p(pb.muted(
        f"Hier staan de nieuwste {fmt.number(MAX_REPORT_ROWS)} van de {fmt.number(len(rows))} {what} van deze periode. "
        "Alle staan op de site (Voortgang en de pagina's per doel) en in de open data (voortgang.csv)."))]


def report_years(agenda: Agenda, today: date) -> list[str]:
    """The school years that get a report: every one with a plan that has begun and has actions."""
    now = school_year_of(today)
    return [p.schooljaar for p in agenda.year_plans_sorted() if p.schooljaar <= now and any(True for _ in p.actions())]


def _pairs(agenda: Agenda, plan: YearPlan | None) -> list[tuple[AmbitionPlan | Ambition, Action]]:
    if plan is not None:
        return list(plan.actions())
    return [(amb, a) for amb in goal_tree(agenda) for a in amb.activiteiten]


def _goal_name(agenda: Agenda, owner: AmbitionPlan | Ambition) -> str:
    goal = owner if isinstance(owner, Ambition) else agenda.ambition(owner.ambitie)
    return goal.titel if goal else owner.ambitie  # type: ignore[union-attr]


def _status_on(action: Action, day: date) -> str | None:
    notes = sorted((n for n in action.voortgang if n.status and n.datum <= day), key=lambda n: n.datum)
    return notes[-1].status if notes else None


def _reported_until(pairs: list, plan: YearPlan | None, start: date, end: date, today: date) -> date | None:
    """The latest day on which the data reports anything the report shows: a note of the period, or spending
    of this plan, which is often reported after the school year ended (the report's money paragraph shows it:
    'gemeld op 15 september 2026' under 'Gegevens gemeld tot en met 10 juli 2026' contradicted itself)."""
    days = [n.datum for _, a in pairs for n in a.voortgang if start <= n.datum <= end]
    spent = [a.begroting.besteed_op for _, a in pairs if a.begroting and a.begroting.besteed_op]
    if plan is not None and plan.budget is not None and plan.budget.besteed_op:
        spent.append(plan.budget.besteed_op)
    days += [d for d in spent if start <= d <= (today if plan is not None else end)]
    return max(days) if days else None


def _decisions(agenda: Agenda, plan: YearPlan | None, pairs: list, verdicts: list[tuple[Ambition, str, list[str]]]) -> list[list[Any]]:
    """What asks for a decision of the council or the steering group: overruns (this year's plan and the
    next), actions that spent more than planned, goals behind, actions delayed or stopped."""
    out: list[list[Any]] = []
    plans = agenda.year_plans_sorted()
    later = [x for x in plans if plan is not None and x.schooljaar > plan.schooljaar][:1]
    for each in ([plan] if plan is not None else []) + later:
        if each.budget is not None:
            _, _, charged = year_totals(each)
            if charged > each.budget.beschikbaar:
                out.append([pb.b(f"Budget schooljaar {each.schooljaar}: "), room_sentence(each)])
    for item in (year_spending(plan, agenda).over if plan is not None else ()):  # as lea_site.verdicts reads the reports
        out.append([pb.b(f"{item.title}: "), f"besteed {fmt.money(item.spent)}, begroot {fmt.money(item.planned)}: "
                    f"{fmt.money(item.over)} meer dan begroot."])
    for goal, state, reasons in verdicts:
        if state == "achter":
            out.append([pb.b(f"{goal.titel}: "), "achter; " + "; ".join(reasons)])
    for owner, action in pairs:
        if written_status(action) in STUCK:
            last = action.last_note()
            out.append([pb.b(f"{action.titel}: "), status(written_status(action)), *([f" {fmt.day(last.datum)}: {last.tekst}"] if last else [])])
    return out


def status(word: str | None) -> dict[str, Any]:
    return pb.status(word)


def _moved(agenda: Agenda, action: Action, school_year: str | None, as_of: date) -> list[Any]:
    """Under an action's status: 'doorgeschoven naar 2026-2027' when a later plan holds it (lea_site.verdicts)."""
    moved = action_state(action, as_of, agenda=agenda, school_year=school_year).moved_to if school_year else None
    return [{"br": 1}, pb.muted(f"doorgeschoven naar {moved}")] if moved else []


def _dimensions(action: Action, as_of: date) -> list[Any]:
    """Under an action's status: its state per dimension (kwaliteit, geld, tijd) with its day and explanation."""
    out: list[Any] = []
    for line in pb.dimension_lines(action, as_of):
        out += [{"br": 1}, *line]
    return out


def _delivered(action: Action) -> list[Any]:
    """What an action delivered (its result), what its evaluations found, and its latest note: a report that
    printed only the note said 'geen voortgang gemeld' of an action whose result was in the data."""
    out: list[Any] = []

    def line(label: str, spans: list[Any]) -> None:
        out.extend([*([{"br": 1}] if out else []), pb.b(label), *spans])

    if action.resultaat:
        line("Resultaat: ", md_inline(action.resultaat))
    for e in action.evaluatie:
        line(f"{fmt.capital(e.soort or 'evaluatie')} ({fmt.planning(e.moment)}): ", [e.uitkomst or "nog geen uitkomst gemeld"])
    last = action.last_note()
    if last:
        line(f"Voortgang {fmt.day(last.datum)}: ", [last.tekst])
    return out or ["geen voortgang of resultaat gemeld"]


def progress_document(view: View, school_year: str | None, site_url: str | None = None) -> Document:
    """The progress report of one school year (None: of the activities of an agenda without year plans)."""
    agenda = view.agenda
    plan = agenda.year_plan(school_year) if school_year else None
    pairs = _pairs(agenda, plan)
    noun = "Actie" if plan is not None else "Activiteit"
    start, end = school_year_bounds(school_year or school_year_of(view.today))
    finished = school_year is not None and end < view.today
    until = _reported_until(pairs, plan, start, end, view.today)
    goals = ([g for g in (agenda.ambition(x.ambitie) for x in plan.ambities) if g is not None] if plan is not None else goal_tree(agenda))
    when = f"schooljaar {school_year}" if school_year else "de activiteiten van de agenda"
    money = agenda.has_money()

    body: list[Block] = [pb.heading(1, "Samenvatting", "samenvatting"),
                         pb.p(f"Deze rapportage is voor de gemeenteraad en de stuurgroep. Zij laat zien hoe het staat met {when}, "
                              + (f"met wat er tot en met {fmt.day(until)} is gemeld." if until else "maar in deze periode is nog niets gemeld."))]
    courses = [(g, goal_course(agenda, g, school_year, view.today, with_unit)) for g in goals]
    verdicts = [(g, c.state, list(c.reasons)) for g, c in courses]
    body.append(pb.heading(2, "Oordeel per doel", "oordeel"))
    body.append(pb.table(["Doel", "Oordeel", "Waarom"], [[[g.titel], [pb.b(c.label + (" (oordeel van de partners)" if c.overridden else ""))],
                                                          ["; ".join(c.reasons)]] for g, c in courses],
                         caption="Oordeel per doel, met de reden", widths=[1.6, 0.8, 2.6]) if verdicts else pb.p("Er zijn geen doelen."))
    if money and plan is not None:
        body.append(pb.heading(2, "Geld", "geld"))
        body.append(pb.p(room_sentence(plan)))
        body.append(pb.p(pb.money_sentence(year_spending(plan, agenda)) or "Er is nog geen besteding gemeld."))
    body.append(pb.heading(2, "Wat vraagt om een besluit", "besluit"))
    decisions = _decisions(agenda, plan, pairs, verdicts)
    body.append(pb.items(decisions) if decisions else pb.p("Geen overschrijding, geen doel achter, geen actie vertraagd of gestopt."))
    counts = Counter(written_status(a) or NOT_REPORTED for _, a in pairs)
    body.append(pb.heading(2, f"{'Acties' if noun == 'Actie' else 'Activiteiten'} per status"))
    body.append(pb.table(["Status", "Aantal"], [[[status(s)], [str(counts[s])]] for s in (*STATUSES, NOT_REPORTED) if counts[s]], caption="Aantal per status",
                         numeric=[1], foot=[[[pb.b("Totaal")], [pb.b(str(len(pairs)))]]], widths=[2, 1]) if pairs
                else pb.p("Er zijn geen acties of activiteiten opgenomen."))

    # Status changes of the period, with the note that says why.
    changes = []
    for owner, action in pairs:
        # One pass in date order: the status before a note is the last one written on an earlier day
        # (asking _status_on for each note sorted all notes each time: 5,000 notes took minutes).
        current = before = None
        day = None
        for note in sorted(action.voortgang, key=lambda n: n.datum):
            if note.datum != day:
                before, day = current, note.datum
            if note.status:
                current = note.status
            if note.status and start <= note.datum <= end:
                change = ["van ", status(before), " naar ", status(note.status)] if before else [status(note.status)]
                changes.append((note.datum, [[pb.b(action.titel), {"br": 1}, pb.muted(_goal_name(agenda, owner))], [fmt.day(note.datum)], change, [note.tekst]], note))
    changes.sort(key=lambda r: r[0])
    # A running year's changes end at the last day anything was reported (a report names no 'today'), never at
    # the school year's end that still lies ahead ('tot en met 31 juli 2027' read in November 2026).
    period = (f"Van {fmt.day(start)} tot en met {fmt.day(end)}." if finished else
              f"Van {fmt.day(start)} tot en met {fmt.day(until)}, de laatste dag waarop iets is gemeld; het schooljaar loopt nog." if until else
              f"Vanaf {fmt.day(start)}; in dit schooljaar is nog niets gemeld.")
    body += [pb.heading(1, "Wat is er veranderd", "veranderd"), pb.p(period),
             pb.heading(2, "Veranderde status")]
    shown, more = _newest(changes, "statuswijzigingen")
    shown_above = {id(note) for _, _, note in shown}  # notes the report has printed: not printed again below
    body.append(pb.table([noun, "Datum", "Status", "Toelichting"], [r for _, r, _ in shown], caption="Statuswijzigingen in deze periode",
                         widths=[1.6, 0.9, 1.2, 2.2]) if changes else pb.p("Geen statuswijzigingen gemeld in deze periode."))
    body += more
    years = [x.schooljaar for x in agenda.year_plans_sorted()]
    if school_year in years and years.index(school_year):
        previous = _pairs(agenda, agenda.year_plan(years[years.index(school_year) - 1]))
        before_ids, now_ids = {a.id for _, a in previous}, {a.id for _, a in pairs}
        body.append(pb.heading(2, "Acties ten opzichte van het vorige schooljaar"))
        body.append(pb.facts([
            ("Nieuw", "; ".join(a.titel for _, a in pairs if a.id not in before_ids) or "geen"),
            ("Doorgeschoven of voortgezet", "; ".join(a.titel for _, a in pairs if a.id in before_ids or a.doorgeschoven_van) or "geen"),
            ("Niet meer in het plan", "; ".join(f"{a.titel} ({written_status(a) or NOT_REPORTED})" for _, a in previous if a.id not in now_ids) or "geen"),
        ]))

    # Per action: its status and its latest note itself.
    body.append(pb.heading(1, f"Status per {noun.lower()}", "status"))
    groups: dict[str, list[Action]] = {}
    for owner, action in pairs:
        groups.setdefault(_goal_name(agenda, owner), []).append(action)
    for name, group in groups.items():
        rows = []
        for a in group:
            last = a.last_note()
            shown_above.add(id(last))
            rows.append([[pb.b(a.titel), {"br": 1}, pb.muted(f"Trekker: {pb.party_name(agenda, a.trekker) or '—'} · Planning: {fmt.planning(a.planning, 'niet vermeld')}")],
                         [status(written_status(a)), *_moved(agenda, a, school_year, view.as_of), *_dimensions(a, view.as_of)],
                         *([pb.budget_lines(a.begroting)] if money else []),
                         _delivered(a)])
        body += [pb.heading(2, name), pb.table([noun, "Status", *(["Begroting"] if money else []), "Resultaat en laatste voortgang"], rows,
                                               caption=f"{noun}s voor {name}", numeric=[2] if money else [],
                                               widths=[1.8, 0.8, 1.1, 2.3] if money else [1.8, 0.8, 2.6])]

    if money:
        body.append(pb.heading(1, "Begroting en besteding", "begroting"))
        if plan is not None:
            body += _budget_blocks(agenda, plan)
        else:
            rows = [[[a.titel], pb.budget_lines(a.begroting)] for _, a in pairs if a.begroting is not None]
            if rows:
                body.append(pb.table(["Activiteit", "Begroting en besteding"], rows, caption="Begroting van de activiteiten", numeric=[1], widths=[2, 1.5]))

    measured = [i for g in goals for i in g.indicatoren] + list(agenda.info.kerncijfers)
    if measured:
        body.append(pb.heading(1, "Cijfers en doelen", "cijfers"))
        # A report is the state of its period: a value measured after it is not part of it (a report of
        # 2020-2021 read in 2026 does not show 2026's figures); the sentence under the figures says so.
        for ind in measured:
            body += pb.indicator_blocks(ind, 2, until=end if finished else None)

    # Every note of the period once: the latest note per action and the notes of a status change are in
    # the tables above, the rest here (a note printed three times hid the others).
    notes = sorted(((n.datum, a, owner, n) for owner, a in pairs for n in a.voortgang if start <= n.datum <= end), key=lambda x: x[0])
    rest = [x for x in notes if id(x[3]) not in shown_above]
    shown_notes, more = _newest(rest, "andere voortgangsnotities")
    if rest:  # no chapter that would only say there is nothing more
        above = len(notes) - len(rest)
        body.append(pb.heading(1, "Overige voortgang in deze periode", "voortgang"))
        body.append(pb.p(f"Van de {fmt.number(len(notes))} voortgangsnotities van deze periode staan er {fmt.number(above)} hierboven "
                         "(de laatste per actie en die bij een statuswijziging); hier de andere." if above
                         else f"De {fmt.number(len(notes))} voortgangsnotities van deze periode."))
        body.append(pb.table([noun, "Datum", "Voortgang"],
                             [[[pb.b(a.titel), {"br": 1}, pb.muted(_goal_name(agenda, owner))], [fmt.day(d)],
                               [*([status(n.status), " "] if n.status else []), n.tekst]] for d, a, owner, n in shown_notes],
                             caption="Andere voortgangsnotities", widths=[1.6, 0.9, 3]))
    body += more

    state = "afgesloten schooljaar: per actie de laatst gemelde status" if finished else "tussenstand van een lopend schooljaar"
    facts: list[tuple[str, Any]] = [("Rapportage", fmt.capital(when)), ("Periode", f"{fmt.day(start)} tot en met {fmt.day(end)}"),
                                    ("Gegevens gemeld tot en met", fmt.day(until) if until else "nog niets gemeld"), ("Stand", state)]
    if plan is not None:
        facts.append(("Jaarplan", fmt.adoption(plan.vaststelling, agenda)))
    facts.append(("Agenda", fmt.adoption(agenda.info.vaststelling, agenda)))
    facts.append(("Contact", pb.contact_text(agenda, agenda.info.contact)))
    if site_url:
        facts.append(("Website", [pb.link(site_url, site_url)]))
    cover = _cover(agenda, "Voortgangsrapportage", facts)
    day = until or start
    lead = body[:body.index(pb.heading(1, "Wat is er veranderd", "veranderd"))]
    document = _document("Voortgangsrapportage", f"Voortgangsrapportage {when}: {agenda.info.titel}", agenda, day, cover, body,
                     f"Voortgang van de Lokale Educatieve Agenda {agenda.info.titel}, {when}")
    document["lead"], document["body"] = lead, body[len(lead):]
    return document


# --- which PDFs ------------------------------------------------------------------------------------


def composed(agenda: Agenda, today: date, site_url: str | None = None) -> Iterator[tuple[str, Document]]:
    """Every PDF of the site as a document with its path under docs/, one by one as each is composed:
    the agenda (its parts) first, the largest, so that Typst can start on it (:class:`Typesetting`)."""
    from ..render.html import no_edit

    view = View(agenda, today, lambda target: target, no_edit)
    meanings = agenda_glossary(agenda)

    def explained(document: Document) -> Document:
        pb.explain(document, meanings)
        return pb.finish(document)

    # A very large agenda in parts, each typeset in bounded memory (lea_site.exports.volumes); each part explains its terms.
    for path, volume in volumes(agenda_document(view, site_url)).items():
        yield path, explained(volume)
    years = report_years(agenda, today) if agenda.jaarplannen else []
    current = agenda.current_school_year(today)
    for year in sorted(years, key=lambda year: year != current):  # the current year's first: it is also voortgang.pdf
        report = explained(progress_document(view, year, site_url))
        yield f"downloads/voortgang-{year}.pdf", report
        if year == current:
            yield REPORT, report
    if not agenda.jaarplannen and any(g.activiteiten for g in agenda.ambities):
        yield REPORT, explained(progress_document(view, None, site_url))
    # else no report: pages of 'nothing reported' would suggest the partners failed to report


def documents(agenda: Agenda, today: date, site_url: str | None = None) -> dict[str, Document]:
    """Every PDF of the site as a document, by its path under docs/."""
    return dict(composed(agenda, today, site_url))


def start(agenda: Agenda, today: date, site_url: str | None = None) -> Typesetting:
    """The PDFs of a build, typeset (in child processes) as soon as each is composed; ``.wait()`` and
    ``.write_into(site)`` give them."""
    return Typesetting(composed(agenda, today, site_url))


def downloads(agenda: Agenda, today: date, site_url: str | None = None) -> dict[str, bytes]:
    """Every PDF of the site, by its path under docs/."""
    return start(agenda, today, site_url).wait()


__all__ = ["AGENDA", "REPORT", "volume_path", "PdfError", "Typesetting", "agenda_document", "composed", "documents", "downloads", "plain_blocks",
           "progress_document", "render_pdf", "report_years", "start", "write_atomic"]
