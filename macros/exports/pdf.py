"""The agenda and its progress reports as PDF, made from the same data at build time (issue 14).

Two kinds of document, each composed as one HTML string from the renderers the site
uses (so every text from the data is escaped in the one place that does that,
:mod:`lea_site.render.html`), then typeset by WeasyPrint with ``pdf.css`` (CSS Paged
Media: page numbers, running headers, bookmarks from the headings):

* ``downloads/agenda.pdf``: cover, contents, the agenda's chapters, every goal with
  pillars, open questions, activities and figures, the school-year plans with their
  budgets, the governance diagram and text, the key figures and the partners;
* ``downloads/voortgang-<schooljaar>.pdf`` for every school year with a plan that has begun, and
  ``downloads/voortgang.pdf`` (the current one): a progress report for the council and the
  steering group. An agenda without year plans gets one report on its activities.

The renderers return Markdown headings between blocks of finished HTML; here the
headings become HTML (shifted to their level in the document) and the finished blocks
are passed on unchanged, never parsed again. Links to pages of the site point inside
the PDF where that page is in it, else to the site's address (``site_url``), else nowhere.

Typesetting (:mod:`.typeset`) is cached by a hash of each document and runs in worker
processes: ``lea serve`` makes no PDFs, and a second build of the same data costs nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Callable

from ..glossary import agenda_glossary, agenda_names
from ..model import SECTOR_LABELS, STATUSES, Action, Agenda, Ambition, AmbitionPlan, YearPlan
from ..verdicts import NOT_REPORTED, goal_spending, spending_sentence, written_status, year_spending
from ..render import format as fmt
from ..render.charts import restart_ids, with_unit
from ..render.figures import indicator_block, key_figures
from ..render.governance import governance_diagram, governance_text
from ..render.html import dl, esc, md, parties, table, ul
from ..render.pages import View, course_badge, interventions
from ..render.paths import ambition_page, year_page
from ..render.tables import action_cell, budget_cell, room_sentence, year_budget
from ..terms import PageState, page_terms, resolve
from ..values import school_year_bounds, school_year_of
from .typeset import PdfError, Typesetting, render_pdf, write_atomic

AGENDA = "downloads/agenda.pdf"
REPORT = "downloads/voortgang.pdf"
# --- from the renderers' Markdown headings to HTML ------------------------------------------

_HEADING = re.compile(r"(#{1,6}) (.*?)(?: \{#([A-Za-z0-9_.:-]+)\})?\s*$")
_UNESCAPE = re.compile(r"\\([\\`*_\[\]{}()#+\-.!|])")


class Document:
    """Collects the body of one PDF, with the headings for its contents page and unique ids."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.toc: list[tuple[int, str, str]] = []  # (level, id, escaped text)
        self.ids: set[str] = set()
        self._n = 0

    def _id(self, wanted: str | None) -> str:
        if wanted and wanted not in self.ids:
            self.ids.add(wanted)
            return wanted
        self._n += 1
        return f"k{self._n}"

    def heading(self, level: int, text_html: str, wanted_id: str | None = None, cls: str | None = None) -> None:
        """A heading; ``text_html`` is escaped HTML. Levels 1 and 2 go into the contents."""
        level = max(1, min(6, level))
        hid = self._id(wanted_id)
        if level <= 2:
            self.toc.append((level, hid, text_html))
        klass = f' class="{esc(cls)}"' if cls else ""
        self.parts.append(f'<h{level} id="{esc(hid)}"{klass}>{text_html}</h{level}>')

    def html(self, block: str) -> None:
        if block:
            self.parts.append(block)

    def rendered(self, markdown: str, shift: int = 0) -> None:
        """A renderer's output: Markdown headings (shifted ``shift`` levels down) between finished HTML blocks."""
        for chunk in markdown.split("\n\n"):
            chunk = chunk.strip("\n")
            if not chunk:
                continue
            if chunk.startswith("<"):
                self.parts.append(chunk)  # finished HTML: passed on as it is
                continue
            for line in chunk.split("\n"):
                heading = _HEADING.fullmatch(line)
                if heading:
                    self.heading(len(heading[1]) + shift, _UNESCAPE.sub(r"\1", heading[2]), heading[3])
                elif line.startswith("<"):
                    self.parts.append(line)
                elif line.strip():  # a renderer's own words, escaped for Markdown: shown as text
                    self.parts.append("<p>" + _UNESCAPE.sub(r"\1", line) + "</p>")

    def contents(self) -> str:
        items = []
        for level, hid, text in self.toc:
            items.append(f'<li class="toc-{level}"><a href="#{esc(hid)}">{text}</a></li>')
        return ('<nav class="toc" aria-labelledby="inhoud"><h1 id="inhoud" class="toc-title">Inhoud</h1>'
                f'<ul>{"".join(items)}</ul></nav>') if items else ""


def _link_for(agenda: Agenda, site_url: str | None, inside: dict[str, str]):
    """Links of the renderers (docs-relative paths) as links in the PDF."""
    from ..render.paths import url_of

    base = (site_url or "").rstrip("/")

    def link(target: str) -> str:
        page, _, anchor = target.partition("#")
        if anchor and page in inside:
            return f"#{anchor}"
        if page in inside and not anchor:
            return f"#{inside[page]}"
        if anchor and page in ("organisatie.md", "partners.md") and page in inside:
            return f"#{anchor}"
        if base:
            return f"{base}/{url_of(target)}"
        return "#" + (anchor or "omslag")

    return link


def _cover(view: View, kind: str, title: str, extra: list[tuple[str, str]], made: bool = True) -> str:
    info = view.agenda.info
    region = info.regio.gemeenten
    facts = [
        ("Gemeente" if len(region) == 1 else "Gemeenten", esc(", ".join(region))),
        ("Looptijd", esc(f"{info.periode.van} tot en met {info.periode.tot}")),
        ("Status", esc(fmt.adoption(info.vaststelling))),
        *extra,
        *([("Gemaakt op", esc(fmt.day(view.today)))] if made else []),
    ]
    sample = '<p class="cover-note">Dit is een voorbeeld met verzonnen gegevens.</p>' if info.voorbeeld else ""
    motto = f'<p class="cover-motto">{esc(info.motto)}</p>' if info.motto else ""
    return (f'<section class="cover" id="omslag"><p class="cover-kind">{esc(kind)}</p>'
            f'<p class="cover-title" role="heading" aria-level="1">{esc(title)}</p>{motto}'
            f'{dl(facts, "cover-facts")}{sample}</section>')


def _page(title: str, subject: str, view: View, body: str, made: bool = True) -> str:
    info = view.agenda.info
    created = f'<meta name="dcterms.created" content="{view.today.isoformat()}">' if made else ""
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title>"
        f'<meta name="author" content="{esc(", ".join(info.regio.gemeenten))}">'
        f'<meta name="description" content="{esc(subject)}">'
        f'<meta name="keywords" content="Lokale Educatieve Agenda, LEA, onderwijs">'
        f'<meta name="generator" content="lea-site">{created}'
        f'</head><body><p class="running-title">{esc(title)}</p>{body}</body></html>'
    )


# --- the whole agenda --------------------------------------------------------------------------


def _goal_tree(agenda: Agenda) -> list[Ambition]:
    out: list[Ambition] = []
    todo = list(reversed(agenda.children(None)))
    while todo and len(out) <= len(agenda.ambities):  # bounded: the load step refuses cycles
        goal = todo.pop()
        out.append(goal)
        todo.extend(reversed(agenda.children(goal)))
    return out


def _action_blocks(view: View, actions: list[Action], money: bool, progress: bool = True) -> str:
    """Actions one below the other, at the page's full width: a table with the descriptions in its cells
    makes rows pages high (and costs most of the typesetting time).

    The facts go on one line with bold labels and names without links: every element is a box that
    WeasyPrint styles, lays out line by line and tags, so the site's nested spans (a label span in a
    fact span, a hidden icon in each status) cost a quarter of a 1,000-action agenda's time. The
    partners' full names are in the partner table at the end. Without ``progress`` the latest progress note
    is left out: the report of a school year that has begun has it."""
    agenda = view.agenda
    out = []
    for nr, action in enumerate(actions, 1):
        facts = [("Wie", parties(agenda, action.participants()) or "—"), ("Planning", esc(fmt.planning(action.planning))),
                 *([("Begroting", budget_cell(action.begroting))] if money else []), ("Status", _status_word(written_status(action)))]
        line = "&emsp;".join(f"<b>{esc(label)}:</b> {value}" for label, value in facts)
        cell = _unfolded(action_cell(action, progress=progress))
        out.append(f'<div class="pdf-action"><b class="pdf-nr">{nr}.</b> {cell}<p class="pdf-facts">{line}</p></div>')
    return '<div class="pdf-actions">' + "".join(out) + "</div>"


_FOLD = '<details class="lea-details"><summary>Meer over deze actie</summary>'


def _unfolded(cell: str) -> str:
    """The site folds an action's description away; on paper it is open, and without the fold's two
    elements (5% of a 1,000-action agenda's typesetting). Should the fold's markup change, the stylesheet
    still hides its summary."""
    if _FOLD not in cell:
        return cell
    head, _, rest = cell.replace(_FOLD, '<div class="lea-details">', 1).rpartition("</details>")  # the fold's own end is the last
    return f"{head}</div>{rest}"


def _status_word(status: str | None) -> str:
    """The status as a bordered word: :func:`status_badge` without its icon, which only screens show."""
    word = status or NOT_REPORTED
    return f'<span class="lea-status lea-status--{esc(word.replace(" ", "-"))}">{esc(word)}</span>'


def _partners(view: View) -> str:
    """Every partner with sector and what it does in the agenda (how often it leads or takes part)."""
    agenda = view.agenda
    leads, joins = Counter(), Counter()
    actions = [a for plan in agenda.jaarplannen for _, a in plan.actions()] + [a for g in agenda.ambities for a in g.activiteiten]
    for action in actions:
        if action.trekker and action.trekker.partner:
            leads[action.trekker.partner] += 1
        for p in action.partners:
            if p.partner:
                joins[p.partner] += 1
    rows = [[f'<span id="partner-{esc(p.id)}">{esc(p.naam)}</span>' + (f" ({esc(p.afkorting)})" if p.afkorting else ""),
             esc(", ".join(SECTOR_LABELS[s] for s in p.all_sectors())), esc(leads[p.id]), esc(joins[p.id])]
            for p in agenda.partners]
    return table(["Partner", "Sector", "Trekker van", "Doet mee aan"], rows, caption="De partners van de agenda", numeric=[2, 3])


def _year_section(doc: Document, view: View, plan: YearPlan, reported: list[str]) -> None:
    agenda = view.agenda
    money = agenda.has_money()
    state = "" if plan.vaststelling.status == "vastgesteld" else " (concept)"
    doc.heading(2, f"Schooljaar {esc(plan.schooljaar)}{state}", f"jaar-{plan.schooljaar}")
    doc.html(f"<p>Dit jaarplan is {esc(fmt.adoption(plan.vaststelling))}.</p>")
    doc.html(md(plan.inleiding))
    if money:
        doc.heading(3, "Begroting")
        doc.html(year_budget(agenda, plan, view.link))
    for amb_plan in plan.ambities:
        amb = agenda.ambition(amb_plan.ambitie)
        doc.heading(3, esc(amb.titel if amb else amb_plan.ambitie))
        for label, value in (("Jaardoel", amb_plan.jaardoel), ("Huidige situatie", amb_plan.huidige_situatie), ("Aanpak", amb_plan.aanpak)):
            if value:
                doc.html(f'<div class="lea-block"><p class="lea-block__label">{esc(label)}</p>{md(value)}</div>')
        # A begun year's report has each action's progress (the latest note in 'Status per actie'): the agenda
        # is the plan, without the notes (a tenth of a large agenda's pages).
        blocks = _action_blocks(view, amb_plan.acties, money, progress=plan.schooljaar not in reported) if amb_plan.acties else ""
        doc.html(blocks or '<p class="lea-muted">Geen acties.</p>')


def _goal_section(doc: Document, view: View, amb: Ambition) -> None:
    agenda = view.agenda
    level = 2 + min(agenda.level(amb), 3)
    word = fmt.capital(view.word_of(amb))
    doc.heading(level, esc(amb.titel), f"doel-{amb.id}")
    parent = agenda.parent(amb)
    lead = f'<p class="lea-muted">{esc(word)}' + (f" van de {esc(view.word_of(parent))} {esc(parent.titel)}" if parent else "") + "</p>"
    doc.html(lead + f'<p class="lea-lead">{esc(amb.samenvatting)}</p>')
    if amb.leeftijden:
        doc.html(f'<p class="lea-muted">{esc(fmt.capital(fmt.for_ages(amb.leeftijden)))} {esc(amb.leeftijden)}.</p>')
    doc.html(course_badge(view, amb, reasons=True))
    doc.html(md(amb.beschrijving))
    sub = level + 1
    for label, items in (("Pijlers", amb.pijlers), ("Beoogde resultaten", amb.resultaten), ("Open vragen", amb.vraagstukken)):
        if items:
            doc.heading(sub, esc(label))
            doc.html(ul(esc(i) for i in items))
    if amb.eigenaars:
        doc.heading(sub, "Eigenaars")
        doc.html(ul(parties(agenda, [o], view.link) for o in amb.eigenaars))
    if amb.eigenaarschap:
        doc.html(f"<p>{esc(amb.eigenaarschap)}</p>")
    if amb.activiteiten:
        doc.heading(sub, "Activiteiten")
        doc.html(_action_blocks(view, amb.activiteiten, agenda.has_money()))
    if amb.indicatoren:
        doc.heading(sub, "Indicatoren")
        for ind in amb.indicatoren:
            doc.rendered(indicator_block(ind, level=min(6, sub + 1)))


def agenda_html(view: View, site_url: str | None = None) -> str:
    """The whole agenda as one HTML document for the PDF."""
    restart_ids()
    agenda = view.agenda
    info = agenda.info
    plans = agenda.year_plans_sorted()
    inside = {ambition_page(a.id): f"doel-{a.id}" for a in agenda.ambities}
    inside |= {year_page(p.schooljaar): f"jaar-{p.schooljaar}" for p in plans}
    if agenda.organen:
        inside["organisatie.md"] = "organisatie"
    if agenda.partners:
        inside["partners.md"] = "partners"
    view = View(agenda, view.today, _link_for(agenda, site_url, inside), checks=view.checks)
    doc = Document()

    doc.heading(1, "Over de agenda", "over")
    if info.samenvatting:
        doc.html(f'<p class="lea-lead">{esc(info.samenvatting)}</p>')
    if info.visie:
        doc.heading(2, "Visie")
        doc.html(md(info.visie))
    if info.principes:
        doc.heading(2, "Leidende principes")
        doc.html(ul(f"<strong>{esc(p.titel)}</strong>" + (f": {esc(p.toelichting)}" if p.toelichting else "") for p in info.principes))
    for chapter in info.hoofdstukken:
        doc.heading(2, esc(chapter.titel), f"hoofdstuk-{chapter.id}")
        doc.html(md(chapter.tekst))

    goals = _goal_tree(agenda)
    if goals:
        doc.heading(1, esc(fmt.capital(view.words)), "doelen")
        for amb in goals:
            _goal_section(doc, view, amb)

    if plans:
        doc.heading(1, "Schooljaarplannen", "schooljaren")
        reported = report_years(agenda, view.today)
        for plan in plans:
            _year_section(doc, view, plan, reported)

    if agenda.interventies:
        doc.heading(1, "Interventies", "interventies")
        doc.rendered(interventions(view), shift=1)

    if agenda.organen:
        doc.heading(1, "Organisatie", "organisatie")
        diagram = governance_diagram(agenda)
        if diagram:
            doc.html(f'<figure class="lea-figure lea-diagram">{diagram}</figure>')
        doc.rendered(governance_text(agenda, view.link), shift=1)

    if info.kerncijfers:
        doc.heading(1, "Kerncijfers", "kerncijfers")
        doc.rendered(key_figures(agenda, kop=None))

    if agenda.partners:
        doc.heading(1, "Partners", "partners")
        doc.html(_partners(view))

    cover = _cover(view, "Lokale Educatieve Agenda", info.titel, [])
    body = cover + doc.contents() + '<main>' + "\n".join(doc.parts) + "</main>"
    return _page(info.titel, f"De Lokale Educatieve Agenda {info.titel}, van {info.periode.van} tot en met {info.periode.tot}", view, body)


# --- the progress report -----------------------------------------------------------------------


def report_years(agenda: Agenda, today: date) -> list[str]:
    """The school years that get a report: every one with a plan that has begun. A finished year's report
    does not depend on 'today' (see :func:`progress_html`), so the cache (by a hash of each document)
    typesets it again only when its own data changed: a change costs the current year's report, not all."""
    now = school_year_of(today)
    return [p.schooljaar for p in agenda.year_plans_sorted() if p.schooljaar <= now]


def _pairs(view: View, plan: YearPlan | None) -> list[tuple[AmbitionPlan | Ambition, Action]]:
    if plan is not None:
        return list(plan.actions())
    return [(amb, a) for amb in _goal_tree(view.agenda) for a in amb.activiteiten]


def _goal_of(agenda: Agenda, owner: AmbitionPlan | Ambition) -> Ambition | None:
    return owner if isinstance(owner, Ambition) else agenda.ambition(owner.ambitie)


def _goal_name(agenda: Agenda, owner: AmbitionPlan | Ambition) -> str:
    goal = _goal_of(agenda, owner)
    return goal.titel if goal else owner.ambitie  # type: ignore[union-attr]


def _status_table(pairs: list, caption: str) -> str:
    counts = Counter(written_status(a) or NOT_REPORTED for _, a in pairs)
    rows = [[_status_word(s), esc(counts[s])] for s in (*STATUSES, NOT_REPORTED) if counts[s]]
    return table(["Status", "Aantal"], rows, caption=caption, numeric=[1], footer=[["Totaal", esc(len(pairs))]])


def _status_on(action: Action, day: date) -> str | None:
    """The status an action had on ``day`` by its notes (None: no note with a status before then)."""
    notes = sorted((n for n in action.voortgang if n.status and n.datum <= day), key=lambda n: n.datum)
    return notes[-1].status if notes else None


def _with_sub(action: Action, sub: str) -> str:
    """An action's title with a small line under it (HTML): one column of the report's tables instead of
    several (narrow columns broke words in the middle and pushed a status over its neighbour)."""
    return f'{action_cell(action, with_details=False)}<br><span class="pdf-sub">{sub}</span>'


def _titled(agenda: Agenda, owner: AmbitionPlan | Ambition, action: Action) -> str:
    """An action's title with its goal under it."""
    return _with_sub(action, esc(_goal_name(agenda, owner)))


def _per_goal(agenda: Agenda, pairs: list) -> dict[str, list[Action]]:
    """The actions by the name of their goal, in the order of ``pairs``."""
    groups: dict[str, list[Action]] = {}
    for owner, action in pairs:
        groups.setdefault(_goal_name(agenda, owner), []).append(action)
    return groups


def _by_goal(agenda: Agenda, pairs: list, text) -> str:
    """Actions as a list per goal: the goal's name once, then the actions (``text`` of each) after it."""
    return ul(f"<strong>{esc(goal)}</strong>: " + "; ".join(text(a) for a in actions)
              for goal, actions in _per_goal(agenda, pairs).items())


def _changes(doc: Document, view: View, pairs: list, previous: list, start: date, end: date, noun: str) -> None:
    agenda = view.agenda
    doc.heading(1, "Wat is er veranderd", "veranderd")
    doc.html(f"<p>Sinds de vorige rapportage: van {esc(fmt.day(start))} tot en met {esc(fmt.day(end))}.</p>")
    rows = []
    for owner, action in pairs:
        for note in sorted(action.voortgang, key=lambda n: n.datum):
            if note.status and start <= note.datum <= end:
                before = _status_on(action, date.fromordinal(note.datum.toordinal() - 1))
                change = f"van {_status_word(before)} naar {_status_word(note.status)}" if before else _status_word(note.status)
                rows.append((note.datum, [_titled(agenda, owner, action), esc(fmt.day(note.datum)), change, esc(note.tekst)]))
    rows.sort(key=lambda r: r[0])
    doc.heading(2, "Veranderde status")
    doc.html(table([noun, "Datum", "Status", "Toelichting"], [r for _, r in rows],
                   caption="Statuswijzigingen in deze periode", cls="lea-table pdf-changes") if rows else '<p class="lea-muted">Geen statuswijzigingen gemeld in deze periode.</p>')
    if previous:
        before_ids = {a.id for _, a in previous}
        now_ids = {a.id for _, a in pairs}
        new = [(o, a) for o, a in pairs if a.id not in before_ids]
        carried = [(o, a) for o, a in pairs if a.id in before_ids or a.doorgeschoven_van]
        gone = [(o, a) for o, a in previous if a.id not in now_ids]
        doc.heading(2, "Acties ten opzichte van het vorige schooljaar")
        doc.html(dl([
            ("Nieuw", _by_goal(agenda, new, lambda a: esc(a.titel)) or "geen"),
            ("Doorgeschoven of voortgezet", _by_goal(agenda, carried, lambda a: esc(a.titel)) or "geen"),
            ("Niet meer in het plan", _by_goal(agenda, gone, lambda a: f"{esc(a.titel)} ({esc(written_status(a) or NOT_REPORTED)})") or "geen"),
        ]))


def _notes(doc: Document, view: View, pairs: list, start: date, end: date, noun: str) -> None:
    doc.heading(1, "Voortgang in deze periode", "voortgang")
    rows = []
    for owner, action in pairs:
        for note in action.voortgang:
            if start <= note.datum <= end:
                status = f"{_status_word(note.status)} " if note.status else ""
                rows.append((note.datum, [_titled(view.agenda, owner, action), esc(fmt.day(note.datum)), status + esc(note.tekst)]))
    rows.sort(key=lambda r: r[0])
    doc.html(table([noun, "Datum", "Voortgang"], [r for _, r in rows], caption="Voortgangsnotities", cls="lea-table pdf-notes")
             if rows else '<p class="lea-muted">Geen voortgang gemeld in deze periode.</p>')


def _actions(doc: Document, view: View, pairs: list, noun: str, money: bool, start: date, end: date) -> None:
    """Per goal a table of four columns (three without money): who leads and when go under the title."""
    agenda = view.agenda
    doc.heading(1, f"Status per {noun.lower()}", "status")
    for name, group in _per_goal(agenda, pairs).items():
        doc.heading(2, esc(name))
        rows = []
        for a in group:
            facts = f"Trekker: {parties(agenda, [a.trekker]) or '—'} · Planning: {esc(fmt.planning(a.planning))}"
            rows.append([_with_sub(a, facts), _status_word(written_status(a)),
                         *([budget_cell(a.begroting)] if money else []), _last_note(a, start, end)])  # the budget with what was spent
        headers = [noun, "Status", *(["Begroting"] if money else []), "Laatste voortgang"]
        plural = "Acties" if noun == "Actie" else "Activiteiten"
        doc.html(table(headers, rows, caption=f"{plural} voor {name}", numeric=[2] if money else [],
                       cls="lea-table pdf-status" + (" pdf-money" if money else "")))


def _last_note(action: Action, start: date, end: date) -> str:
    """The latest note's date, and its text when it is older than the period: a note of the period is in
    the table 'Voortgang in deze periode' already (twice the same text made the report a third longer)."""
    last = action.last_note()
    if last is None:
        return "—"
    if start <= last.datum <= end:
        return f"{esc(fmt.day(last.datum))} (zie Voortgang in deze periode)"
    return f"{esc(fmt.day(last.datum))}: {esc(last.tekst)}"


def _figures(doc: Document, view: View, goals: list[Ambition]) -> None:
    agenda = view.agenda
    measured = [(g, i) for g in goals for i in g.indicatoren] + [(None, i) for i in agenda.info.kerncijfers]
    if not measured:
        return
    doc.heading(1, "Cijfers en doelen", "cijfers")
    rows = []
    for goal, ind in measured:
        series = [m for m in ind.series() if m.soort == "gemeten"]
        first, last = (series[0], series[-1]) if series else (None, None)
        target = "—"
        if ind.doel is not None and ind.doel.waarde is not None:
            target = with_unit(ind, ind.doel.waarde) + (f" in {ind.doel.uiterlijk}" if ind.doel.uiterlijk else "")
        rows.append([esc(ind.titel), esc(goal.titel if goal else "Kerncijfer"),
                     esc(f"{with_unit(ind, first.waarde)} ({first.periode})") if first else "—",
                     esc(f"{with_unit(ind, last.waarde)} ({last.periode})") if last and last is not first else "—",
                     esc(target), esc(f"hoe {ind.beter}, hoe beter") if ind.beter else "—"])
    doc.html(table(["Indicator", "Doel", "Eerste meting", "Laatste meting", "Streefwaarde", "Richting"], rows,
                   caption="Indicatoren tegen hun streefwaarde", cls="lea-table pdf-figures"))
    for goal in goals:
        badge = course_badge(view, goal, reasons=True)
        if badge:
            doc.heading(2, esc(goal.titel))
            doc.html(badge)


def _budget(doc: Document, view: View, plan: YearPlan | None, pairs: list) -> None:
    agenda = view.agenda
    if not agenda.has_money():
        return
    doc.heading(1, "Begroting en besteding", "begroting")
    if plan is not None:
        doc.html(year_budget(agenda, plan, view.link))  # with the sentence on the room left (or the overrun)
        rows = []
        for amb_plan in plan.ambities:
            s = goal_spending(amb_plan, _goal_name(agenda, amb_plan))
            rows.append([esc(_goal_name(agenda, amb_plan)), esc(fmt.money(s.planned)),
                         esc(fmt.money(s.spent)) if s.spent is not None else "nog niet gemeld",
                         esc(fmt.percent(s.share)) if s.share is not None else "—"])
        doc.html(table(["Doel", "Begroot", "Besteed", "Deel besteed"], rows, caption=f"Besteding per doel, schooljaar {plan.schooljaar}",
                       numeric=[1, 2, 3]))
    else:
        rows = [[esc(a.titel), budget_cell(a.begroting),
                 esc(fmt.money(a.begroting.besteed)) if a.begroting and a.begroting.besteed is not None else "—"]
                for _, a in pairs if a.begroting is not None]
        if rows:
            doc.html(table(["Activiteit", "Begroot", "Besteed"], rows, caption="Begroting van de activiteiten", numeric=[1, 2]))


def progress_html(view: View, school_year: str | None, site_url: str | None = None) -> str:
    """The progress report of one school year (None: of the activities of an agenda without year plans)."""
    restart_ids()
    agenda = view.agenda
    inside: dict[str, str] = {}
    view = View(agenda, view.today, _link_for(agenda, site_url, inside), checks=view.checks)
    plan = agenda.year_plan(school_year) if school_year else None
    pairs = _pairs(view, plan)
    noun = "Actie" if plan is not None else "Activiteit"
    if school_year:
        start, end = school_year_bounds(school_year)
    else:
        start, end = school_year_bounds(school_year_of(view.today))
    # A finished year's report is the same on every later day (its period, its notes, the last status of
    # each action), so it names no 'today' and the cache keeps it until its own data changes.
    finished = school_year is not None and end < view.today
    end = min(end, view.today)
    if start > end:
        start = end
    years = [p.schooljaar for p in agenda.year_plans_sorted()]
    previous_plan = agenda.year_plan(years[years.index(school_year) - 1]) if school_year in years and years.index(school_year) else None
    previous = _pairs(view, previous_plan) if previous_plan is not None else []
    if plan is not None:
        goals = [g for g in (agenda.ambition(p.ambitie) for p in plan.ambities) if g is not None]
    else:
        goals = _goal_tree(agenda)

    doc = Document()
    doc.heading(1, "Samenvatting", "samenvatting")
    when = f"schooljaar {school_year}" if school_year else "de activiteiten van de agenda"
    if finished:
        doc.html(f"<p>Deze rapportage is voor de gemeenteraad en de stuurgroep. Zij laat zien hoe {esc(when)} is verlopen, "
                 "met de laatst gemelde status van elke actie.</p>")
    else:
        doc.html(f"<p>Deze rapportage is voor de gemeenteraad en de stuurgroep. Zij laat zien hoe het staat met {esc(when)} "
                 f"op {esc(fmt.day(view.today))}.</p>")
    if plan is not None:
        doc.html(f"<p>Het jaarplan is {esc(fmt.adoption(plan.vaststelling))}.</p>")
    doc.html(_status_table(pairs, f"{noun.replace('Actie', 'Acties').replace('Activiteit', 'Activiteiten')} per status")
             if pairs else '<p class="lea-muted">Er zijn geen acties of activiteiten opgenomen.</p>')
    if plan is not None and agenda.has_money():
        sentence = spending_sentence(year_spending(plan, agenda), fmt.money, fmt.day)
        doc.html(f"<p>{esc(room_sentence(plan))}</p>" + (f"<p>{esc(sentence)}</p>" if sentence else "<p>Er is nog geen besteding gemeld.</p>"))
    _changes(doc, view, pairs, previous, start, end, noun)
    _actions(doc, view, pairs, noun, agenda.has_money(), start, end)
    _budget(doc, view, plan, pairs)
    _figures(doc, view, goals)
    _notes(doc, view, pairs, start, end, noun)

    title = f"Voortgangsrapportage {when}"
    extra = [("Rapportage", esc(fmt.capital(when))), ("Periode", esc(f"{fmt.day(start)} tot en met {fmt.day(end)}"))]
    if finished:
        extra.append(("Stand", "afgesloten schooljaar; per actie de laatst gemelde status"))
    cover = _cover(view, "Voortgangsrapportage", agenda.info.titel, extra, made=not finished)
    body = cover + doc.contents() + "<main>" + "\n".join(doc.parts) + "</main>"
    return _page(f"{title}: {agenda.info.titel}", f"Voortgang van de Lokale Educatieve Agenda {agenda.info.titel}, {when}", view, body,
                 made=not finished)


# --- which PDFs, typeset where ---------------------------------------------------------------


def documents(agenda: Agenda, today: date, site_url: str | None = None) -> dict[str, str]:
    """Every PDF of the site as HTML, by its path under docs/: the agenda and the progress reports
    (a few tenths of a second; the typesetting is what costs)."""
    from ..render.html import no_edit

    view = View(agenda, today, lambda target: target, no_edit)
    meanings, names = agenda_glossary(agenda), agenda_names(agenda)

    def explained(make: Callable[[], str]) -> str:
        """Each glossary term explained at its first use in the document, as a page of the site does
        (:mod:`lea_site.terms`: marked where data text is escaped, resolved once the document is whole)."""
        with page_terms(meanings, names):
            document = make()
        return resolve(document, PageState(meanings=dict(meanings)))

    out = {AGENDA: explained(lambda: agenda_html(view, site_url))}
    years = report_years(agenda, today) if agenda.jaarplannen else []
    for year in years:
        out[f"downloads/voortgang-{year}.pdf"] = explained(lambda: progress_html(view, year, site_url))
    current = agenda.current_school_year(today)
    out[REPORT] = (out[f"downloads/voortgang-{current}.pdf"] if current in years
                   else explained(lambda: progress_html(view, None, site_url)))
    return out


def start(agenda: Agenda, today: date, site_url: str | None = None) -> Typesetting:
    """Begin typesetting every PDF (from the cache, or in worker processes); ``.wait()`` gives the files."""
    return Typesetting(documents(agenda, today, site_url))


def downloads(agenda: Agenda, today: date, site_url: str | None = None) -> dict[str, bytes]:
    """Every PDF of the site, by its path under docs/."""
    return start(agenda, today, site_url).wait()


__all__ = ["AGENDA", "REPORT", "PdfError", "Typesetting", "agenda_html", "documents", "downloads", "progress_html",
           "render_pdf", "report_years", "start", "write_atomic"]
