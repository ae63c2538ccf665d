"""Whole pages and page sections, as Markdown with embedded HTML blocks.

Headings stay Markdown (so they appear in the table of contents); tables, charts
and cards are HTML blocks separated by blank lines.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from ..checks import year_totals
from ..model import STATUSES, Action, Agenda, Ambition, AmbitionPlan, YearPlan
from .paths import all_actions, pages_without_content
from ..values import AgeRange, school_year_bounds, school_year_of
from . import format as fmt
from .changed import changed_html
from .charts import with_unit
from .figures import indicator_block
from .governance import body_details
from .html import planning_html, Edit, Link, dl, esc, prose, md, md_inline, no_edit, party, parties, state_badge, status_badge, table, ul
from .paths import AGE_GROUPS, age_groups, age_page, ambition_page, body_anchor, chapter_page, intervention_anchor, partner_anchor, year_page
from ..verdicts import NOT_REPORTED, Course, action_state, goal_course, target_sentence, term_sentence, term_state, work_words, written_status
from .contact import contact_html, resolve
from . import words
from ..verdicts import any_spending, goal_spending, year_spending
from .tables import action_cell, actions_table, activities_table, spending_html, spent_cell, year_budget
from .family import goal_relations, owners_label


class View:
    """What every page renderer needs: the agenda, 'today' and a link function."""

    def __init__(self, agenda: Agenda, today: date, link: Link, edit: Edit = no_edit, checks: dict | None = None):
        self.agenda = agenda
        self.today = today
        self.link = link
        self.edit = edit
        self.checks = checks or {}  # recorded browser-test outcomes (docs/assets/toegankelijkheid.json)
        self.downloads: frozenset[str] = frozenset()  # the PDFs this build made (docs-relative paths)
        self.files: dict = {}  # the files this build made, with their day and size (lea_site.render.documents.FileFacts)
        self.changed: dict = {}  # when each page's data last changed (lea_site.render.changed.PageChange), set by the macro shell
        self.history = None  # a function giving the data's git history (lea_site.exports.changes), set by the macro shell
        self.current = agenda.current_school_year(today)
        # 'dit schooljaar' only while it is one: an ended agenda's last plan is not current
        self.now = self.current is not None and self.current == school_year_of(today)
        self.term = term_state(agenda, today)
        self.as_of = self.term.as_of  # verdicts are judged on this day: today, or the term's last day

    def course(self, goal: Ambition) -> Course:
        """The goal's course as lea_site.verdicts decides it."""
        return goal_course(self.agenda, goal, self.current, self.today, with_unit)

    def badge(self, action: Action, school_year: str | None = None) -> str:
        """An action's status as lea_site.verdicts reads it: 'niet gemeld' or 'niet bijgewerkt sinds ...' included;
        with the school year of its plan also 'doorgeschoven naar ...' and 'nog niet begonnen'."""
        return state_badge(action_state(action, self.as_of, agenda=self.agenda, school_year=school_year))

    @property
    def word(self) -> str:
        return self.agenda.naming(0).enkelvoud

    @property
    def words(self) -> str:
        return self.agenda.naming(0).meervoud

    def goal_header(self, owners: list) -> str:
        """A column header for the goals in ``owners``: their level's word, or 'Doel' when levels mix."""
        levels = {self.agenda.level(g) for g in (_goal(self, o) for o in owners) if g is not None}
        return fmt.capital(self.agenda.naming(levels.pop()).enkelvoud) if len(levels) == 1 else "Doel"

    def action_word(self, pairs: list) -> str:
        """'Actie' for the actions of year plans, 'Activiteit' when all are activities for the whole term."""
        return "Activiteit" if pairs and all(isinstance(o, Ambition) for o, _ in pairs) else "Actie"

    def word_of(self, amb: Ambition) -> str:
        """The agenda's word for this goal's level: 'ambitie', 'actielijn' ..."""
        return self.agenda.naming(self.agenda.level(amb)).enkelvoud

    @property
    def region(self) -> bool:
        return len(self.agenda.info.regio.gemeenten) > 1

    @property
    def whole_area(self) -> str:
        return "hele regio" if self.region else "hele gemeente"

    @property
    def whole_area_named(self) -> str:
        """'hele gemeente Lindeveen', 'hele regio Veenland' (:func:`.format.whole_area`)."""
        return fmt.whole_area(self.agenda)

    @property
    def this_year(self) -> str:
        """How texts name the school year whose actions they show."""
        return "dit schooljaar" if self.now else f"schooljaar {self.current}"

    def a(self, target: str, text: str) -> str:
        return f'<a href="{esc(self.link(target))}">{esc(text)}</a>'

    def plans_for(self, ambition_id: str) -> list[tuple[YearPlan, AmbitionPlan]]:
        return [(y, p) for y in self.agenda.year_plans_sorted() for p in y.ambities if p.ambitie == ambition_id]


def _status_counts(actions: list[Action], as_of: date) -> str:
    counts = Counter(action_state(a, as_of).word for a in actions)
    items = [f"{status_badge(s)} <span class=\"lea-count\">{counts[s]}</span>" for s in (*STATUSES, NOT_REPORTED) if counts[s]]
    return '<ul class="lea-statuslist">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else ""


def _trend(view: View, amb: Ambition) -> str:
    """Each figure in words: where it stands, the target, and whether it moved closer since the baseline."""
    out = []
    for ind in amb.indicatoren:
        measured = [m for m in ind.series() if m.soort == "gemeten"]
        if not measured:
            continue
        last = measured[-1]
        text = f"{ind.titel}: {with_unit(ind, last.waarde)} ({last.periode})"
        goal = target_sentence(ind, with_unit)
        if goal:
            text += f", doel {goal}"
        if len(measured) >= 2 and ind.beter:
            first = measured[0]
            if last.waarde == first.waarde:
                text += f"; gelijk gebleven sinds {first.periode}"
            else:
                better = (last.waarde > first.waarde) == (ind.beter == "hoger")
                text += f"; {'verbeterd' if better else 'verslechterd'} sinds {with_unit(ind, first.waarde)} ({first.periode})"
        out.append(esc(text))
    return ul(out, "lea-trend") if out else ""


def course_badge(view: View, amb: Ambition, *, reasons: bool = False) -> str:
    """'Op koers', 'Let op', 'Achter' or 'Stand onbekend', as lea_site.verdicts decides, with why."""
    state = view.course(amb)
    why = ""
    if reasons and state.reasons:
        why = ul(esc(r) for r in state.reasons)
    elif state.reasons:
        why = f": {esc(state.reasons[0])}"
    own = " (oordeel van de partners)" if state.overridden else ""
    when = f" (aan het eind van de looptijd, {fmt.day(state.as_of)})" if state.as_of else ""
    css = state.state.replace(" ", "-")
    return (f'<div class="lea-course lea-course--{css}"><p><strong>{esc(state.label)}</strong>{esc(own + when)}'
            f'{why if not reasons else ""}</p>{why if reasons else ""}</div>')


# --- home -------------------------------------------------------------------------


def home_intro(view: View) -> str:
    info = view.agenda.info
    region = info.regio
    municipalities = fmt.and_list(region.gemeenten)
    lines = []
    if info.motto:
        lines.append(f'<p class="lea-motto">{esc(info.motto)}</p>')
    if info.samenvatting:
        lines.append(f'<p class="lea-lead">{prose(info.samenvatting)}</p>')
    if view.region:
        lines.append(f"<p>Een regionale agenda van de gemeenten {esc(municipalities)}.</p>")
    state = term_sentence(view.agenda, view.today)
    if state:
        lines.append(f'<div class="admonition info"><p class="admonition-title">Looptijd</p><p>{esc(state)}</p></div>')
    facts = [
        ("Looptijd", f"{info.periode.van} tot en met {info.periode.tot}"),
        ("Gemeente" if len(region.gemeenten) == 1 else "Gemeenten", municipalities),
        (fmt.capital(fmt.for_ages(info.leeftijden)), str(info.leeftijden)) if info.leeftijden else None,
        ("Status", fmt.adoption(info.vaststelling, view.agenda)),
        ("Partners", f"{len(view.agenda.partners)} organisaties") if view.agenda.partners else None,
    ]
    lines.append(dl(((k, prose(v)) for k, v in (f for f in facts if f)), "lea-dl lea-facts"))
    return "\n".join(lines)


def ambition_cards(view: View) -> str:
    """A Material grid card per ambition: summary, actions by status, budget used, trend."""
    cards = []
    plan = view.agenda.year_plan(view.current) if view.current else None
    for amb in view.agenda.children(None):
        amb_plan = next((p for p in plan.ambities if p.ambitie == amb.id), None) if plan else None
        actions = amb_plan.acties if amb_plan else []
        parts = [f'<h3 class="lea-card__title">{view.a(ambition_page(amb.id), words.numbered(amb))}</h3>', f"<p>{prose(amb.samenvatting)}</p>"]
        below = view.agenda.children(amb) + view.agenda.also_serving(amb)
        if below:
            plural = view.agenda.naming(view.agenda.level(amb) + 1).meervoud
            parts.append(f'<p class="lea-card__sub">{esc(fmt.capital(plural))}:</p>' + ul(view.a(ambition_page(c.id), words.numbered(c)) for c in below))
        if actions:
            parts.append(f'<p class="lea-card__sub">Acties in schooljaar {esc(view.current)}:</p>' + _status_counts(actions, view.as_of))
        activities = [a for g in [amb, *_descendants(view.agenda, amb)] for a in g.activiteiten]
        if activities:
            parts.append('<p class="lea-card__sub">Activiteiten:</p>' + _status_counts(activities, view.as_of))
        if amb_plan is not None:
            from ..checks import ambition_plan_totals

            cost, covered, charged = ambition_plan_totals(amb_plan)
            if cost and view.agenda.has_money():
                parts.append(f"<p>Begroot: {esc(fmt.money(cost))}, waarvan {esc(fmt.money(charged))} uit het LEA-budget.</p>")
        parts.append(course_badge(view, amb))
        parts.append(_trend(view, amb))
        cards.append("<li>" + "".join(parts) + "</li>")
    return '<div class="grid cards lea-cards"><ul>' + "".join(cards) + "</ul></div>" if cards else ""


def _descendants(agenda: Agenda, amb: Ambition) -> list[Ambition]:
    out, todo = [], list(agenda.children(amb))
    while todo and len(out) <= len(agenda.ambities):  # bounded: the load step refuses cycles
        goal = todo.pop(0)
        out.append(goal)
        todo.extend(agenda.children(goal))
    return out


def _headed(kop: str | None, content: str) -> str:
    """A section with its own heading, or nothing at all when there is no content."""
    if not content:
        return ""
    return f"## {md_inline(kop)}\n\n{content}" if kop else content


def principles(view: View, kop: str | None = None) -> str:
    """The leading principles; with ``kop``, under that heading (and nothing when there are none)."""
    info = view.agenda.info
    items = [f"<strong>{prose(p.titel)}</strong>" + (f": {prose(p.toelichting)}" if p.toelichting else "") for p in info.principes]
    intro = md(info.visie_inleiding) if info.visie_inleiding and not info.visie and items else ""  # else it opens the vision
    return _headed(kop, intro + ul(items))


def vision(view: View, kop: str | None = None) -> str:
    """The shared vision, after its introduction (visie_inleiding); with ``kop``, under that heading (and nothing when there is none)."""
    info = view.agenda.info
    intro = md(info.visie_inleiding) if info.visie_inleiding and (info.visie or not info.principes) else ""
    return _headed(kop, intro + md(info.visie))


def year_links(view: View, kop: str | None = None, begroting: bool = False) -> str:
    """The school years with their plan's status; with ``kop``, under that heading (nothing without plans).
    With ``begroting``, a pointer to the page Begroting, which alone shows the money of every year
    (the page Schooljaren repeated its tables word for word)."""
    items = []
    for plan in view.agenda.year_plans_sorted():
        state = plan.vaststelling.status or "vaststelling niet vermeld"
        mark = " (huidig)" if plan.schooljaar == view.current and view.now else ""
        items.append(view.a(year_page(plan.schooljaar), f"Schooljaar {plan.schooljaar}") + f" {esc(state + mark)}")
    out = _headed(kop, ul(items))
    if begroting and items and view.agenda.has_money():  # without amounts the page Begroting is not built
        out += ("\n\n<p>Wat elk schooljaar kost, welk deel uit het LEA-budget komt en wat er over is, staat op de pagina "
                + view.a("begroting.md", "Begroting") + ".</p>\n")
    return out


def chapters(view: View, plek: str = "home") -> str:
    """The agenda's own chapters for a place (home, over), each under its own title."""
    out = [f"## {md_inline(c.titel)} {{#hoofdstuk-{c.id}}}\n\n{md(c.tekst, link=view.link)}{view.edit(c, c.titel)}\n"
           for c in view.agenda.info.hoofdstukken if c.plek == plek]
    pages = [c for c in view.agenda.info.hoofdstukken if c.plek == "pagina"]
    if plek == "over" and pages:
        out.append("## Uit het document\n\n" + ul(view.a(chapter_page(c.id), c.titel) for c in pages) + "\n")
    return "\n".join(out)


def chapter_page_md(view: View, chapter_id: str) -> str:
    chapter = next((c for c in view.agenda.info.hoofdstukken if c.id == chapter_id), None)
    if chapter is None:
        raise KeyError(f"onbekend hoofdstuk '{chapter_id}'")
    return f"# {md_inline(chapter.titel)}\n\n{md(chapter.tekst, link=view.link)}{view.edit(chapter, chapter.titel)}\n"


def document_facts(view: View, kop: str | None = None) -> str:
    """The document behind the agenda: date, authors, source, appendices, evaluation, communication,
    how it came about and how it is paid for; only what the agenda says."""
    info = view.agenda.info
    doc = info.document
    facts: list[tuple[str, str]] = [("Vaststelling", prose(fmt.adoption(info.vaststelling, view.agenda)))]
    if doc is not None:
        if doc.datum:
            facts.append(("Datum van het document", esc(fmt.period(doc.datum))))
        if doc.auteurs:
            facts.append(("Geschreven door", prose(fmt.and_list(doc.auteurs))))
        if doc.opdrachtgever:
            facts.append(("In opdracht van", prose(doc.opdrachtgever)))
        if doc.bron:
            facts.append(("Het document", f'<a href="{esc(doc.bron)}">{esc(doc.bron)}</a>'))
        if doc.bijlagen:
            facts.append(("Bijlagen", ul(
                (f'<a href="{esc(b.url)}">{esc(b.titel)}</a>' if b.url else esc(b.titel)) + (f" ({esc(b.soort)})" if b.soort else "")
                for b in doc.bijlagen)))
        if doc.evaluatie:
            e = doc.evaluatie
            when = []
            if e.eerste:
                when.append(f"eerste evaluatie in {e.eerste}")
            if e.elke:
                when.append("daarna elk jaar" if e.elke == 1 else f"daarna elke {e.elke} jaar")
            text = esc(fmt.capital(", ".join(when))) + ("." if when else "")
            facts.append(("Evaluatie", text + (f" {prose(e.toelichting)}" if e.toelichting else "")))
        if doc.communicatie:
            facts.append(("Communicatie", ul(f"<strong>{prose(c.doelgroep)}</strong>: {prose(c.afspraak)}" for c in doc.communicatie)))
    out = [dl(facts)]
    making = doc.totstandkoming if doc is not None else None
    if making is not None:
        out.append("### Hoe de agenda tot stand kwam\n")
        if making.toelichting:
            out.append(md(making.toelichting))
        if making.periode:
            out.append(f"<p>Geschreven van {esc(fmt.planning(making.periode))}.</p>")
        if making.begeleiding:
            out.append(f"<p>Begeleiding: {prose(making.begeleiding)}.</p>")
        if making.bijeenkomsten:
            out.append(ul(
                f"<strong>{esc(fmt.capital(m.soort))}</strong>" + (f" ({esc(fmt.period(m.datum))})" if m.datum else "")
                + (f": {prose(m.omschrijving)}" if m.omschrijving else "") for m in making.bijeenkomsten))
    money = info.financiering
    if money is not None:
        out.append("### Financiering\n")
        if not money.centraal_budget:
            out.append("<p>Deze agenda heeft geen centraal LEA-budget.</p>")
        if money.toelichting:
            out.append(md(money.toelichting))
        if money.bronnen:
            out.append(ul(prose(fmt.funding(f) + (f". {f.toelichting}" if f.toelichting else "")) for f in money.bronnen))
    return _headed(kop, "\n\n".join(o for o in out if o))


# --- ambition page -----------------------------------------------------------------


def _owners(view: View, amb: Ambition) -> str:
    items = []
    for owner in amb.eigenaars:
        term = ""
        if owner.van or owner.tot:
            term = f" (van {fmt.period(owner.van)}" if owner.van else " ("
            term += f" tot {fmt.period(owner.tot)})" if owner.tot else ")"
        items.append(party(view.agenda, owner, view.link) + esc(term))
    for body, member in view.agenda.owned_by_members(amb):  # members of a body who own this goal
        items.append(party(view.agenda, member, view.link) + f" (lid van {view.a(body_anchor(body.id), body.naam)})")
    return ul(items)


def _goal_facts(view: View, amb: Ambition) -> str:
    """'Actielijn 2 van de ambities A en B. Procesdoel met prioriteit.' and the goal's shared statement, as the document words it."""
    agenda = view.agenda
    above = words.parents(agenda, amb)
    line = esc(words.goal_name(agenda, amb))
    if above:
        line += f" van {esc(words.parents_word(agenda, amb))} " + words.names([view.a(ambition_page(p.id), words.numbered(p)) for p in above])
    elif amb.nummer is not None:
        line = esc(words.place_sentence(agenda, amb))
    traits = words.traits(amb)
    shown = above or amb.nummer is not None or traits
    out = f'<p class="lea-muted">{line}.{(" " + esc(traits)) if traits else ""}</p>\n' if shown else ""
    if amb.doelstelling is not None:
        out += f'<div class="lea-block"><p class="lea-block__label">Gezamenlijke doelstelling</p><p>{prose(amb.doelstelling.tekst)}</p></div>\n'
        if amb.doelstelling.eenvoudig:
            out += f'<div class="lea-block"><p class="lea-block__label">In gewone woorden</p><p>{prose(amb.doelstelling.eenvoudig)}</p></div>\n'
    return out


def _also_under(view: View, child: Ambition, shown_at: Ambition) -> str:
    """For a goal listed under more than one goal: the others it serves ('ook bij ...')."""
    others = [p for p in words.parents(view.agenda, child) if p.id != shown_at.id]
    if not others:
        return ""
    return f' <span class="lea-muted">(ook bij {words.names([view.a(ambition_page(p.id), words.numbered(p)) for p in others])})</span>'


def _results(view: View, amb: Ambition) -> str:
    """The goal's intended results, and those written at another goal that name this one too."""
    items = []
    for r in amb.resultaten:
        shared = [g for g in (view.agenda.ambition(gid) for gid in r.ook_voor) if g is not None]
        items.append(prose(r.tekst) + (f' <span class="lea-muted">(ook voor {words.names([view.a(ambition_page(g.id), words.numbered(g)) for g in shared])})</span>'
                                       if shared else ""))
    for goal, r in view.agenda.shared_results(amb):
        items.append(prose(r.tekst) + f' <span class="lea-muted">(gedeeld met {view.a(ambition_page(goal.id), words.numbered(goal))})</span>')
    return ul(items)


def _indicators(view: View, amb: Ambition) -> str:
    return "\n".join(indicator_block(ind, view.edit) for ind in amb.indicatoren)


def ambition_page_md(view: View, ambition_id: str) -> str:
    agenda = view.agenda
    amb = agenda.ambition(ambition_id)
    if amb is None:
        raise KeyError(f"onbekende ambitie '{ambition_id}'")
    out = [f"# {md_inline(amb.titel)}\n", _goal_facts(view, amb)]
    out.append("## Wat betekent dit voor kinderen en ouders?\n")
    ages = f'<p class="lea-muted">{esc(fmt.capital(fmt.for_ages(amb.leeftijden)))} {esc(amb.leeftijden)}.</p>' if amb.leeftijden else ""
    out.append(f'<p class="lea-lead">{prose(amb.samenvatting)}</p>{ages}\n')
    badge = course_badge(view, amb, reasons=True)
    if badge:
        out.append(f"## Hoe staat het ervoor?\n\n{badge}\n")
    if amb.beschrijving:
        out.append(f"## Waar gaat het om?\n\n{md(amb.beschrijving)}\n")
    below = agenda.children(amb) + agenda.also_serving(amb)
    if below:
        plural = agenda.naming(agenda.level(amb) + 1).meervoud
        out.append(f"## {md_inline(fmt.capital(plural))}\n")
        out.append(ul(f"<strong>{view.a(ambition_page(c.id), words.numbered(c))}</strong>: {prose(c.samenvatting)}"
                      + _also_under(view, c, amb) for c in below) + "\n")
    if amb.pijlers:
        out.append(f"## Pijlers\n\n{ul(prose(p) for p in amb.pijlers)}\n")
    results = _results(view, amb)
    if results:
        out.append(f"## Beoogde resultaten\n\n{results}\n")
    if amb.vraagstukken:
        out.append(f"## Open vragen\n\n{ul(prose(q) for q in amb.vraagstukken)}\n")
    if amb.activiteiten:
        out.append("## Activiteiten\n")
        out.append(activities_table(agenda, amb, view.link, caption=f"Activiteiten voor {amb.titel}", edit=view.edit, money=agenda.has_money(), as_of=view.as_of) + "\n")
    interventions = agenda.interventions_for(amb)
    if interventions:  # issue 29 round two: an intervention under a goal is on that goal's page
        out.append(f"## {md_inline(fmt.capital(agenda.intervention_naming().meervoud))}\n")
        out.append(ul(f"<strong>{view.a(intervention_anchor(i.id), i.titel)}</strong>"
                      + (f": {prose(i.doelgroep.omschrijving)}" if i.doelgroep else "") for i in interventions) + "\n")
    plans = view.plans_for(amb.id)
    current = next(((y, p) for y, p in plans if y.schooljaar == view.current), None)
    if current:
        year, plan = current
        out.append(f"## Acties in schooljaar {year.schooljaar}\n")
        out.append(_plan_intro(plan) + "\n")
        out.append(actions_table(agenda, plan, year.schooljaar, view.link, caption=f"Acties voor {amb.titel}, schooljaar {year.schooljaar}", edit=view.edit, money=agenda.has_money(), as_of=view.as_of) + "\n")
        out.append(spending_html(goal_spending(plan, amb.titel)) + "\n")
    if amb.indicatoren:
        out.append("## Indicatoren\n")
        out.append(_indicators(view, amb))
    bodies = [b for b in agenda.organen if b.ambitie == amb.id]
    members = agenda.owned_by_members(amb)
    if bodies or amb.eigenaars or amb.eigenaarschap or members:
        out.append("## Wie werkt eraan?\n")
        if amb.eigenaars or members:
            out.append(f"{md_inline(owners_label(agenda, len(amb.eigenaars) + len(members) > 1))}:\n\n{_owners(view, amb)}\n")
        if amb.eigenaarschap:
            out.append(f"<p>{prose(amb.eigenaarschap)}</p>\n")
        for body in bodies:
            out.append(f"### {md_inline(body.naam)}\n\n{body_details(agenda, body, view.link, view.edit)}\n")
    relations = goal_relations(view, amb)
    if relations:
        out.append(f"## Samenhang met andere agenda's\n\n{relations}\n")
    out.append(f"## Vragen?\n\n<p>{contact_html(agenda, resolve(agenda, None, amb))}</p>\n")
    earlier = [(y, p) for y, p in plans if view.current and y.schooljaar < view.current]
    if earlier:
        out.append("## Eerdere schooljaren\n")
        for year, plan in reversed(earlier):
            out.append(f"### Schooljaar {year.schooljaar}\n")
            out.append(_results_table(view, plan, year.schooljaar) + "\n")
    later = [(y, p) for y, p in plans if view.current and y.schooljaar > view.current]
    for year, plan in later:
        state = " (concept)" if year.vaststelling.status == "concept" else ""
        out.append(f"## Vooruitblik: schooljaar {year.schooljaar}{state}\n")
        out.append(_plan_intro(plan) + "\n")
        out.append(actions_table(agenda, plan, year.schooljaar, view.link, caption=f"Acties voor {amb.titel}, schooljaar {year.schooljaar}", edit=view.edit, money=agenda.has_money(), as_of=view.as_of) + "\n")
    out.append(changed_html(view, ambition_page(amb.id)))
    return "\n".join(out)


def _plan_intro(plan: AmbitionPlan) -> str:
    parts = []
    for label, text in (("Jaardoel", plan.jaardoel), ("Huidige situatie", plan.huidige_situatie), ("Aanpak", plan.aanpak)):
        if text:
            parts.append(f'<div class="lea-block"><p class="lea-block__label">{label}</p>{md(text)}</div>')
    return "".join(parts)


def _results_table(view: View, plan: AmbitionPlan, school_year: str) -> str:
    rows = []
    for action in plan.acties:
        outcome = md(action.resultaat) if action.resultaat else ""
        outcome += "".join(f"<p>{esc(e.soort or 'Evaluatie')}: {prose(e.uitkomst)}</p>" for e in action.evaluatie if e.uitkomst)
        rows.append([action_cell(action, with_details=False), view.badge(action, school_year), outcome or "—"])
    if not rows:
        return '<p class="lea-muted">Geen acties.</p>'
    return table(["Actie", "Status", "Wat het opleverde"], rows, caption=f"Resultaten schooljaar {school_year}", stack=True)


# --- school year page -----------------------------------------------------------------


def year_page_md(view: View, school_year: str) -> str:
    agenda = view.agenda
    plan = agenda.year_plan(school_year)
    if plan is None:
        raise KeyError(f"geen jaarplan voor schooljaar {school_year}")
    out = [f"# Schooljaar {school_year}\n"]
    adoption = plan.vaststelling
    if adoption.status == "vastgesteld":
        out.append(f"<p>Dit jaarplan is {prose(fmt.adoption(adoption, view.agenda))}.</p>\n")
    elif adoption.status is None:
        out.append("<p>Of dit jaarplan is vastgesteld, is niet vermeld.</p>\n")
    else:
        out.append('<div class="admonition info"><p class="admonition-title">Concept</p><p>Dit jaarplan is nog een concept. Er kan nog van alles veranderen.</p></div>\n')
    report = f"downloads/voortgang-{school_year}.pdf"
    if report in view.downloads:
        out.append(f'<p class="lea-download">{view.a(report, f"Voortgangsrapportage schooljaar {school_year} (PDF)")}</p>\n')
    if plan.inleiding:
        out.append(md(plan.inleiding) + "\n")
    if agenda.has_money():
        out.append("## Begroting\n")
        out.append(year_budget(agenda, plan, view.link) + "\n")
    for amb_plan in plan.ambities:
        amb = agenda.ambition(amb_plan.ambitie)
        title = amb.titel if amb else amb_plan.ambitie
        out.append(f"## {md_inline(title)}\n")
        if amb:
            out.append(f'<p>{view.a(ambition_page(amb.id), "Alles over " + amb.titel)}</p>\n')
        out.append(_plan_intro(amb_plan) + "\n")
        out.append(actions_table(agenda, amb_plan, school_year, view.link, caption=f"Acties voor {title}, schooljaar {school_year}", edit=view.edit, money=agenda.has_money(), as_of=view.as_of) + "\n")
    out.append(changed_html(view, year_page(school_year)))
    return "\n".join(out)


# --- budget overview ---------------------------------------------------------------------


def budget_overview(view: View) -> str:
    """The budget of every school year; nothing for an agenda without amounts (never a table of € 0)."""
    if not view.agenda.has_money():
        return ""
    out = []
    rows = []
    spent = any_spending(view.agenda)
    for plan in reversed(view.agenda.year_plans_sorted()):
        cost, covered, charged = year_totals(plan)
        available = plan.budget.beschikbaar if plan.budget else None
        left = None if available is None else available - charged
        use = year_spending(plan, view.agenda)
        rows.append([
            view.a(year_page(plan.schooljaar), plan.schooljaar) + (" (concept)" if plan.vaststelling.status == "concept" else ""),
            esc(fmt.money(cost)), esc(fmt.money(charged)),
            esc(fmt.money(available)) if available is not None else "—",
            "—" if left is None else esc(fmt.money(left)) if left >= 0 else esc("tekort: " + fmt.money(-left)),
            *([spent_cell(use)] if spent else []),
        ])
    if rows:
        # Dekking (costs minus the LEA part) is in each year's own table: six columns fit the page.
        # Over is measured on the LEA budget, Besteed on the total costs: each header names its base.
        headers = ["Schooljaar", "Kosten", "Ten laste van LEA-budget", "Beschikbaar LEA-budget", "Over of tekort op het LEA-budget",
                   *(["Besteed van de kosten"] if spent else [])]
        out.append(table(headers, rows, caption="Begroting per schooljaar" + ("; besteed naast de totale kosten" if spent else ""),
                         numeric=list(range(1, len(headers))), stack=True) + "\n")
    for plan in reversed(view.agenda.year_plans_sorted()):
        state = " (concept)" if plan.vaststelling.status == "concept" else ""
        out.append(f"## Schooljaar {plan.schooljaar}{state}\n")
        out.append(year_budget(view.agenda, plan, view.link) + "\n")
    out.append(_intervention_funding(view))
    return "\n".join(o for o in out if o)


def _intervention_funding(view: View) -> str:
    """What the interventions (GKA) are funded with, per source: money the year plans do not show."""
    rows, totals, rough, apart = [], Counter(), set(), set()
    for item in view.agenda.interventies:
        for f in item.financiering:
            rows.append([view.a(intervention_anchor(item.id), item.titel), prose(f.bron + (f", voor {f.doel}" if f.doel else "")),
                         esc(fmt.amount(f) or "bedrag niet bekend"),
                         esc(f.periode or ("—" if f.per or f.bedrag is None else fmt.FUNDING_NO_PERIOD))])
            if f.bedrag is not None:
                totals[f.bron] += f.bedrag
                if f.circa:
                    rough.add(f.bron)
                if f.per:  # an amount per year or per location does not add up with totals
                    apart.add(f.bron)
    if not rows:
        return ""
    footer = [[esc(f"Totaal {bron}"), "", esc(("ca. " if bron in rough else "") + fmt.money(amount)), ""]
              for bron, amount in sorted(totals.items()) if bron not in apart]
    return ("## Interventies\n\n<p>Interventies in het format van de Gelijke Kansen Alliantie hebben hun eigen financiering.</p>\n\n"
            + table(["Interventie", "Bron", "Bedrag", "Periode"], rows, caption="Financiering van de interventies", numeric=[2],
                    footer=footer, stack=True) + "\n")


# --- progress -----------------------------------------------------------------------------


def _current_actions(view: View) -> list[tuple[AmbitionPlan | Ambition, Action]]:
    """The current school year's actions, then the activities for the whole term that run in it
    (all of them when the agenda has no year plans)."""
    plan = view.agenda.year_plan(view.current) if view.current else None
    pairs: list[tuple[AmbitionPlan | Ambition, Action]] = list(plan.actions()) if plan else []
    start, end = school_year_bounds(view.current) if view.current else (None, None)
    for amb in view.agenda.ambities:
        for action in amb.activiteiten:
            if start is None or written_status(action) in ("lopend", "vertraagd") or (
                    action.planning is not None and action.planning.first is not None
                    and action.planning.first.start <= end and (action.planning.last or action.planning.first).end >= start):
                pairs.append((amb, action))
    return pairs


def _goal(view: View, owner: AmbitionPlan | Ambition) -> Ambition | None:
    return owner if isinstance(owner, Ambition) else view.agenda.ambition(owner.ambitie)


def _ambition_link(view: View, owner: AmbitionPlan | Ambition) -> str:
    amb = _goal(view, owner)
    return view.a(ambition_page(amb.id), amb.titel) if amb else esc(owner.ambitie)  # type: ignore[union-attr]


def progress_summary(view: View) -> str:
    """How many actions (and term activities) per status."""
    pairs = _current_actions(view)
    if not pairs:
        return '<p class="lea-muted">Er zijn nog geen acties of activiteiten opgenomen.</p>'
    when = f"Schooljaar {esc(view.current)}: " if view.current else ""
    activities = sum(1 for owner, _ in pairs if isinstance(owner, Ambition))
    return f"<p>{when}{esc(work_words(len(pairs) - activities, activities))}.</p>" + _status_counts([a for _, a in pairs], view.as_of)


def actions_by_status(view: View, kop: str | None = None) -> str:
    """Every current action (and term activity) by status; with ``kop``, under that heading (nothing without any)."""
    pairs = _current_actions(view)
    if kop:
        return _headed(kop, actions_by_status(view)) if pairs else ""
    out = []
    noted = any(a.voortgang for _, a in pairs)  # no column that would be '—' all the way down
    noun = view.action_word(pairs)
    for status in (*STATUSES, NOT_REPORTED):
        group = [(p, a) for p, a in pairs if action_state(a, view.as_of).word == status]
        if not group:
            continue
        out.append(f"### {status.capitalize()} ({len(group)})\n")
        rows = [[action_cell(a, with_details=False), _ambition_link(view, p), planning_html(fmt.planning(a.planning)),
                 *([esc(fmt.day(a.last_note().datum)) if a.last_note() else "—"] if noted else [])] for p, a in group]  # type: ignore[union-attr]
        headers = [noun, view.goal_header([p for p, _ in group]), "Planning", *(["Laatste voortgang"] if noted else [])]
        out.append(table(headers, rows, caption=f"{noun.replace('Actie', 'Acties').replace('Activiteit', 'Activiteiten')} met status {status}", stack=True) + "\n")
    return "\n".join(out)


def _quarters(school_year: str) -> list[tuple[str, date, date]]:
    start, end = school_year_bounds(school_year)
    out = []
    y, q = start.year, (start.month - 1) // 3 + 1
    while True:
        first = date(y, 3 * q - 2, 1)
        last = date(y + (q == 4), (3 * q) % 12 + 1, 1)
        out.append((f"Q{q} {y}", max(first, start), min(end, date.fromordinal(last.toordinal() - 1))))
        if last > end:
            return out
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)


def timeline(view: View, kop: str | None = None) -> str:
    """A table with a column per quarter of the school year; a mark where an action runs
    (with ``kop``, under that heading; nothing without a school year)."""
    if not view.current:
        return ""
    if kop:
        return _headed(kop, timeline(view))
    quarters = _quarters(view.current)
    rows = []
    for amb_plan, action in _current_actions(view):
        if action.planning is not None and action.planning.whole_year and isinstance(amb_plan, Ambition):
            continue  # refused by the check; never drawn as this year
        first, last = action.planning.bounds(view.current) if action.planning else (None, None)
        cells = []
        for label, qs, qe in quarters:
            on = first is not None and last is not None and first <= qe and last >= qs
            cells.append('<span class="lea-tl lea-tl--on">■<span class="lea-sr"> ja</span></span>' if on else '<span class="lea-sr">nee</span>')
        rows.append([action_cell(action, with_details=False) + f'<br><span class="lea-muted">{planning_html(fmt.planning(action.planning))}</span>', view.badge(action), *cells])
    headers = ["Actie", "Status"] + [q[0] for q in quarters]
    # On a phone a card per action: title, when and status, whole (the quarter columns are wide screens' view of the same planning).
    return table(headers, rows, caption=f"Tijdlijn schooljaar {view.current} per kwartaal", cls="lea-table lea-timeline", stack=True)


def recent_changes(view: View, limit: int = 10) -> str:
    notes: list = []
    owners = [(p, a) for plan in view.agenda.jaarplannen for p, a in plan.actions()]
    owners += [(amb, a) for amb in view.agenda.ambities for a in amb.activiteiten]
    for amb_plan, action in owners:
        for note in action.voortgang:
            if note.datum <= view.today:
                notes.append((note.datum, action, amb_plan, note))
    notes.sort(key=lambda n: n[0], reverse=True)
    items = []
    for when, action, amb_plan, note in notes[:limit]:
        status = f" {status_badge(note.status)}" if note.status else ""
        items.append(f'<strong>{esc(fmt.day(when))}</strong>: {esc(action.titel)} ({_ambition_link(view, amb_plan)}){status}<br>{prose(note.tekst)}')
    return ul(items, "lea-changes") or '<p class="lea-muted">Nog geen voortgang gemeld.</p>'


# --- partners -----------------------------------------------------------------------------


def _sectors(partner) -> str:
    """All sectors of a partner, in words ('kinderopvang, primair onderwijs'), with the level it works for."""
    return words.sectors(partner)


def _work_word(agenda: Agenda) -> str:
    """What the agenda's pieces of work are called: actions in year plans, activities for the whole term, or both."""
    has_actions = any(plan.actions() for plan in agenda.jaarplannen)
    has_activities = any(amb.activiteiten for amb in agenda.ambities)
    return "acties en activiteiten" if has_actions and has_activities else "activiteiten" if has_activities else "acties"


FOLD_AFTER = 2  # a partner's list of more items than this folds (the partners page stays short on a phone)


def partners_overview(view: View) -> str:
    agenda = view.agenda
    leads: dict[str, list[str]] = defaultdict(list)
    joins: dict[str, list[str]] = defaultdict(list)
    work: list[tuple[Action, str, str]] = []  # (action, link target, label)
    for plan in agenda.year_plans_sorted():
        for amb_plan, action in plan.actions():
            work.append((action, f"{year_page(plan.schooljaar)}#actie-{plan.schooljaar}-{action.id}", f"{action.titel} ({plan.schooljaar})"))
    for goal in agenda.ambities:
        for action in goal.activiteiten:
            work.append((action, f"{ambition_page(goal.id)}#actie-looptijd-{goal.id}-{action.id}", action.titel))
    for action, target, label in work:
        if action.trekker and action.trekker.partner:
            leads[action.trekker.partner].append(view.a(target, label))
        for p in action.partners:
            if p.partner:
                joins[p.partner].append(view.a(target, label))
    bodies: dict[str, list[str]] = defaultdict(list)
    for body in agenda.organen:
        state = {"voorgesteld": " (voorgesteld)", "beeindigd": " (gestopt)"}.get(body.status, "")
        entry = view.a(body_anchor(body.id), body.naam) + esc(state)
        for p in [*body.leden, *([body.voorzitter] if body.voorzitter else []), *([body.secretaris] if body.secretaris else [])]:
            if p.partner and entry not in bodies[p.partner]:
                bodies[p.partner].append(entry)
    owns: dict[str, list[str]] = defaultdict(list)
    for amb in agenda.ambities:
        for o in [*amb.eigenaars, *(m for _, m in agenda.owned_by_members(amb))]:
            if o.partner and view.a(ambition_page(amb.id), amb.titel) not in owns[o.partner]:
                owns[o.partner].append(view.a(ambition_page(amb.id), amb.titel))
    interventions: dict[str, list[str]] = defaultdict(list)
    for item in agenda.interventies:
        for p in item.betrokken_partijen:
            if p.partner:
                interventions[p.partner].append(view.a(intervention_anchor(item.id), item.titel))
    # A column only for what the agenda has: no 'trekt acties: 0' for an agenda without actions.
    word = _work_word(agenda)
    columns = ([(f"Trekt {word}", leads), (f"Doet mee aan {word}", joins)] if work else []) + ([("Zit in organen", bodies)] if agenda.organen else [])
    rows = []
    for partner in sorted(agenda.partners, key=lambda p: p.naam.lower()):
        kinds = f'<br><span class="lea-muted">{esc(", ".join(partner.soort))}</span>' if partner.soort else ""
        rows.append([
            esc(partner.naam) + (f' ({esc(partner.afkorting)})' if partner.afkorting else ""),  # a name: never explained
            esc(_sectors(partner)) + kinds,
            *(str(len(found[partner.id])) for _, found in columns),
        ])
    headers = ["Partner", "Sector", *(label for label, _ in columns)]
    summary = table(headers, rows, caption="Rolverdeling: partners en hun rol", numeric=list(range(2, len(headers))),
                    cls="lea-table lea-partners-table")
    # On a phone the table's cards took a screen per partner: there one line each, linked to the partner's part below.
    index = ul((view.a(partner_anchor(partner.id), partner.naam) + f' <span class="lea-muted">{esc(_sectors(partner))}'
                + "".join(f" · {esc(label.lower())}: {len(found[partner.id])}" for label, found in columns) + "</span>")
               for partner in sorted(agenda.partners, key=lambda p: p.naam.lower()))
    out = [summary + f'<div class="lea-partners-index">{index}</div>\n']
    for partner in sorted(agenda.partners, key=lambda p: p.naam.lower()):
        out.append(f"### {md_inline(partner.naam)} {{#partner-{partner.id}}}\n")
        facts = [("Sectoren" if len(partner.all_sectors()) > 1 else "Sector", esc(_sectors(partner)))]
        if partner.soort:
            facts.append(("Soort", esc(", ".join(partner.soort))))
        if partner.omschrijving:
            facts.append(("Over", prose(partner.omschrijving)))
        if partner.url:
            facts.append(("Website", f'<a href="{esc(partner.url)}">{esc(partner.url)}</a>'))
        for label, items in ((f"{owners_label(agenda, False)} van", owns[partner.id]), ("Trekker van", leads[partner.id]), ("Doet mee aan", joins[partner.id]),
                             ("Zit in", bodies[partner.id]), ("Interventies", interventions[partner.id])):
            if items:  # a long list folds: its count shows, the list opens with a tap (and without JavaScript)
                facts.append((label, ul(items) if len(items) <= FOLD_AFTER else
                              f'<details class="lea-fold"><summary>{len(items)} keer: toon alle</summary>{ul(items)}</details>'))
        out.append(dl(facts) + view.edit(partner, partner.naam) + "\n")
    return "\n".join(out)


# --- parents --------------------------------------------------------------------------------


def _action_ages(view: View, amb_plan: AmbitionPlan | Ambition, action: Action) -> AgeRange | None:
    if action.leeftijden:
        return action.leeftijden
    amb = _goal(view, amb_plan)
    return amb.leeftijden if amb and amb.leeftijden else view.agenda.info.leeftijden


def _in_group(ages: AgeRange | None, group: AgeRange) -> bool:
    if ages is None:
        return False
    if ages.low == ages.high:
        return group.low <= ages.low < group.high or (group.high == ages.low == 23)
    return ages.low < group.high and ages.high > group.low


def age_groups_list(view: View) -> str:
    """Links to the pages per age group the agenda covers, and to the page per place if any action has one."""
    items = [view.a(age_page(g), label) for g, _, label in age_groups(view.agenda)]
    if "ouders/locaties.md" not in pages_without_content(view.agenda):
        items.append("Of kijk wat er gebeurt " + view.a("ouders/locaties.md", "in uw wijk of op de school van uw kind"))
    return ul(items)


def age_page_md(view: View, group: str) -> str:
    """The page for one age group (lea_site.render.parents: what parents can do or use comes first)."""
    from . import parents

    return parents.age_page_md(view, group)


def label_ages(ages: AgeRange) -> str:
    """An age group as the menu and the headings write it: '0 tot 4 jaar'."""
    return f"{ages.low} tot {ages.high} jaar"


def _where(view: View, action: Action) -> str:
    if action.locatie is None:
        return "—"
    if action.locatie.hele_gemeente:
        return view.whole_area_named
    return ", ".join(action.locatie.names())


def actions_by_location(view: View) -> str:
    places: dict[str, list[tuple[AmbitionPlan, Action]]] = defaultdict(list)
    for amb_plan, action in _current_actions(view):
        if action.locatie is None:
            continue
        names = [fmt.capital(view.whole_area)] if action.locatie.hele_gemeente else []
        for name in names + action.locatie.names():
            places[name].append((amb_plan, action))
    if not places:
        return f'<p class="lea-muted">Geen acties met een locatie in {esc(view.this_year if view.current else "deze agenda")}.</p>'
    out = []
    for name in sorted(places, key=lambda n: (n != fmt.capital(view.whole_area), n.lower())):
        out.append(f"### {md_inline(name)}\n")
        out.append(ul(f"{esc(a.titel)} ({_ambition_link(view, p)}), {planning_html(fmt.planning(a.planning))}" for p, a in places[name]) + "\n")
    return "\n".join(out)


# --- interventions --------------------------------------------------------------------------


def interventions(view: View) -> str:
    agenda = view.agenda
    if not agenda.interventies:
        return '<p class="lea-muted">Deze agenda heeft geen interventies in het format van de Gelijke Kansen Alliantie.</p>'
    out = []
    for item in agenda.interventies:
        out.append(f"## {md_inline(item.titel)} {{#interventie-{item.id}}}\n")
        facts: list[tuple[str, str]] = []
        if item.ambitie and agenda.ambition(item.ambitie):
            amb = agenda.ambition(item.ambitie)
            assert amb is not None
            facts.append((fmt.capital(view.word), view.a(ambition_page(amb.id), amb.titel)))
        facts.append(("Doel", md(item.doel)))
        if item.doelgroep:
            ages = f" ({esc(item.doelgroep.leeftijden)})" if item.doelgroep.leeftijden else ""
            facts.append(("Doelgroep", prose(item.doelgroep.omschrijving) + ages))
        if item.betrokken_partijen:
            facts.append(("Betrokken partijen", parties(agenda, item.betrokken_partijen, view.link)))
        if item.planning:
            facts.append(("Planning", esc(item.planning)))
        if item.locatie:
            facts.append(("Locatie", prose(view.whole_area_named if item.locatie.hele_gemeente else ", ".join(item.locatie.names()))))
        if item.activiteiten:
            facts.append(("Activiteiten", ul(prose(a) for a in item.activiteiten)))
        if item.monitoring:
            facts.append(("Monitoring en evaluatie", md(item.monitoring)))
        if item.kosten is not None and fmt.amount(item.kosten):
            facts.append(("Totale kosten", esc(fmt.amount(item.kosten))))
        if item.financiering:
            facts.append(("Financiering", ul(prose(fmt.funding(f, unstated=True) + (f". {f.toelichting}" if f.toelichting else ""))
                                             for f in item.financiering)))
        if item.informatie:
            facts.append(("Meer informatie", f'<a href="{esc(item.informatie)}">{esc(item.informatie)}</a>'))
        goal = agenda.ambition(item.ambitie) if item.ambitie else None
        facts.append(("Contact", contact_html(agenda, resolve(agenda, item.contact, goal))))
        out.append(dl(facts) + view.edit(item, item.titel) + "\n")
    return "\n".join(out)

