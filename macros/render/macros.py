"""The macros that pages in docs/ can call, with a documented example each.

``MACROS`` is the single list: ``macros/__init__.py`` registers it, and a test
checks that every name and example appears in the README.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .paths import part_number
from . import format as fmt
from . import family, figures, governance, overview, pages, parents
from .charts import indicator_chart, indicator_summary, indicator_table
from .html import esc, md_inline
from .pages import View
from .paths import all_actions
from .tables import actions_table as _actions_table
from .tables import year_budget as _year_budget


@dataclass(frozen=True)
class Macro:
    render: Callable[..., str]
    example: str
    help: str
    sizes: bool = False  # shows the size of a PDF, so waits for Typst in lea build (see waits_for_pdfs)


def agenda_title(view: View) -> str:
    """The agenda's title, escaped for a Markdown heading."""
    return md_inline(view.agenda.info.titel)


def pdf_link(view: View, naam: str, tekst: str) -> str:
    """A paragraph linking to ``downloads/<naam>.pdf`` when this build made it (``lea build``; not ``lea serve``)."""
    target = f"downloads/{naam}.pdf"
    if target not in view.downloads:
        return ""
    said = ""
    current = f"downloads/voortgang-{view.current}.pdf" if naam == "voortgang" and view.current else None
    if current in view.downloads:  # voortgang.pdf is the current year's report: say so, and link it once
        said = " " + esc(f"Dit is de rapportage van {view.this_year}{f' ({view.current})' if view.now else ''}.")
    out = f'<p class="lea-download">{_with_size(view, target, tekst)}{said}</p>'
    if naam == "agenda":  # a very large agenda is in parts (lea_site.exports.volumes): every part is linked
        parts = sorted((n, p) for p in view.downloads if (n := part_number(p)) is not None)
        if len(parts) > 1:
            out += (f'<p>De agenda is te groot voor één PDF en staat in {len(parts)} delen:</p><ul class="lea-downloads">'
                    + "".join(f"<li>{_with_size(view, p, f'Deel {n} (PDF)')}</li>" for n, p in parts) + "</ul>")
    if naam == "voortgang":  # every school year's report, so last year's is linked too
        years = sorted((p for p in view.downloads if p.startswith("downloads/voortgang-") and p != current), reverse=True)
        if years:
            head = ("De rapportage van elk schooljaar" if current not in view.downloads
                    else "Eerdere schooljaren" if all(p < current for p in years) else "Andere schooljaren")
            out += (f'<p>{head}:</p><ul class="lea-downloads">'
                    + "".join(f'<li>{_with_size(view, p, "Schooljaar " + p[len("downloads/voortgang-"):-4] + " (PDF)")}</li>' for p in years)
                    + "</ul>")
    return out


def _with_size(view: View, target: str, text: str) -> str:
    """A link to a file, its kind and size after it when the build knows them ('(PDF, 412 kB)')."""
    facts = view.files.get(target)
    return view.a(target, text) + (f" ({esc(fmt.size(facts.size))})" if facts else "")


def documents(view: View) -> str:
    """The page Documenten: reports of every school year, the agenda, open data and feeds, each with date and size."""
    from .documents import documents_page

    return documents_page(view, view.files)


def current_report(view: View) -> str:
    """The current progress report (PDF) and the way to every other document, for the top of a page."""
    from .documents import PAGE, REPORT_PDF

    name = f"Voortgangsrapportage schooljaar {view.current} (PDF)" if view.agenda.jaarplannen and view.current else "Voortgangsrapportage (PDF)"
    report = f"<strong>Actueel:</strong> {_with_size(view, REPORT_PDF, name)}. " if REPORT_PDF in view.downloads else ""
    return f'<p class="lea-download">{report}Alle rapportages, ook van eerdere schooljaren, en de agenda staan op de pagina {view.a(PAGE, "Documenten")}.</p>'


def goal_words(view: View) -> str:
    """The agenda's word for its goals, plural ('ambities', 'actielijnen'), for a heading."""
    return md_inline(view.agenda.naming(0).meervoud)


def actions_table(view: View, ambition: str, year: str | None = None) -> str:
    """The actions table of one ambition in one school year (default: the current one)."""
    school_year = year or view.current
    plan = view.agenda.year_plan(school_year) if school_year else None
    amb_plan = next((p for p in plan.ambities if p.ambitie == ambition), None) if plan else None
    if amb_plan is None:
        raise KeyError(f"geen acties voor ambitie '{ambition}' in schooljaar {school_year}")
    amb = view.agenda.ambition(ambition)
    return _actions_table(view.agenda, amb_plan, school_year, view.link, caption=f"Acties voor {amb.titel if amb else ambition}, schooljaar {school_year}", edit=view.edit, as_of=view.as_of)


def year_budget(view: View, year: str | None = None) -> str:
    """Budget table, room-left sentence and bar chart of one school year."""
    school_year = year or view.current
    plan = view.agenda.year_plan(school_year) if school_year else None
    if plan is None:
        raise KeyError(f"geen jaarplan voor schooljaar {school_year}")
    return _year_budget(view.agenda, plan, view.link)


def indicator(view: View, id: str) -> str:  # noqa: A002 - the data calls it id
    """Chart and table of one indicator (of a goal, or one of the agenda's key figures)."""
    found = next((i for i in [*(i for _, i in view.agenda.indicators()), *view.agenda.info.kerncijfers] if i.id == id), None)
    if found is None:
        raise KeyError(f"onbekende indicator '{id}'")
    return f'<figure class="lea-figure">{indicator_chart(found)}<figcaption>{esc(indicator_summary(found))}</figcaption></figure>\n\n{indicator_table(found)}'


def key_figures(view: View, kop: str | None = "Kerncijfers") -> str:
    """The agenda's key figures (kerncijfers), each with facts, chart and table; nothing without them."""
    return figures.key_figures(view.agenda, view.edit, kop)


def key_figures_summary(view: View, kop: str | None = "Kerncijfers") -> str:
    """The key figures' latest values, linking to their section on the progress page; nothing without them."""
    return figures.key_figures_summary(view.agenda, view.link, kop)


def build_info(view: View) -> str:
    """When the site was built, and the latest progress note."""
    notes = [n.datum for a in all_actions(view.agenda) for n in a.voortgang if n.datum <= view.today]
    text = f"Deze site is gebouwd op {fmt.day(view.today)}."
    if notes:
        text += f" De laatste voortgangsnotitie is van {fmt.day(max(notes))}."
    return f"<p>{esc(text)}</p>"


def contact_info(view: View) -> str:
    """Whom to contact about the agenda and this site: a role, never a person."""
    from .contact import contact_html

    if view.agenda.info.contact is None:
        return f"<p>Neem contact op met {contact_html(view.agenda, None)}.</p>"
    return f"<p>{contact_html(view.agenda, view.agenda.info.contact)}</p>"


def governance_diagram(view: View) -> str:
    """The governance structure as an SVG diagram."""
    return governance.governance_figure(view.agenda)


def governance_text(view: View) -> str:
    """Every body with level, chair, members, frequency, tasks and relations."""
    return governance.governance_text(view.agenda, view.link, view.edit)


def glossary_page(view: View) -> str:
    """The abbreviations the site uses (the standard ones met in the data, and the agenda's own) and the words
    of the trade it prints (the product's and the agenda's own woorden), each with its meaning."""
    from ..glossary import agenda_words, glossary_md, page_glossary

    return glossary_md(page_glossary(view.agenda), agenda_words(view.agenda))


def changes_since_quarter(view: View, kop: str | None = None) -> str:
    """What changed since the previous quarter began: progress notes, and the data's history in git (or that there is none)."""
    source = view.history
    return overview.changes_since_quarter(view, kop, source() if source else None)


def last_changed(view: View, pagina: str) -> str:
    """When the data of this page last changed ('Laatst gewijzigd op ...', linked to that change), from the git history."""
    from .changed import changed_html

    return changed_html(view, pagina if pagina.endswith(".md") else f"{pagina}.md")


def accessibility_results(view: View) -> str:
    """This site's own accessibility status and last check (lea toegankelijkheid), or that it has not been checked."""
    from ..accessibility import statement

    return statement(view)


MACROS: dict[str, Macro] = {
    "agenda_title": Macro(agenda_title, "# {{ agenda_title() }}", "titel van de agenda"),
    "pdf_link": Macro(pdf_link, '{{ pdf_link("agenda", "De hele agenda als PDF") }}', "link naar een PDF van de site (agenda, voortgang; bij voortgang welk schooljaar het is en de rapportages van de andere schooljaren), als die gemaakt is", sizes=True),
    "documents": Macro(documents, "{{ documents() }}", "de pagina Documenten: elke rapportage (ook van eerdere schooljaren), de agenda, open data en feeds, met datum en grootte, het nieuwste eerst", sizes=True),
    "current_report": Macro(current_report, "{{ current_report() }}", "de voortgangsrapportage van dit moment (PDF) en een link naar alle documenten", sizes=True),
    "goal_words": Macro(goal_words, "# Alle {{ goal_words() }}", "het woord van de agenda voor haar doelen (meervoud)"),
    "home_intro": Macro(pages.home_intro, "{{ home_intro() }}", "samenvatting, looptijd, gemeenten, status"),
    "ambition_cards": Macro(pages.ambition_cards, "{{ ambition_cards() }}", "een kaart per ambitie met voortgang in één oogopslag"),
    "vision": Macro(pages.vision, "{{ vision() }}", "de gedeelde visie"),
    "principles": Macro(pages.principles, "{{ principles() }}", "de leidende principes"),
    "year_links": Macro(pages.year_links, "{{ year_links() }}", "lijst van schooljaren met status; met begroting=true een verwijzing naar de pagina Begroting"),
    "chapters": Macro(pages.chapters, '{{ chapters(plek="home") }}', "de eigen hoofdstukken van het document voor een plek (home, over)"),
    "chapter_page": Macro(pages.chapter_page_md, '{{ chapter_page("inleiding") }}', "de hele pagina van een hoofdstuk"),
    "document_facts": Macro(pages.document_facts, '{{ document_facts(kop="Over het document") }}', "datum, auteurs, bron, bijlagen, evaluatie, communicatie, totstandkoming, financiering"),
    "ambition_page": Macro(pages.ambition_page_md, '{{ ambition_page("gelijke-kansen") }}', "de hele pagina van een ambitie"),
    "year_page": Macro(pages.year_page_md, '{{ year_page("2026-2027") }}', "de hele pagina van een schooljaar"),
    "age_page": Macro(parents.age_page_md, '{{ age_page("4-12") }}', "de hele pagina voor een leeftijdsgroep: eerst wat ouders kunnen doen of gebruiken"),
    "actions_table": Macro(actions_table, '{{ actions_table(ambition="gelijke-kansen", year="2026-2027") }}', "acties van een ambitie in een schooljaar"),
    "year_budget": Macro(year_budget, '{{ year_budget(year="2026-2027") }}', "begroting van een schooljaar"),
    "budget_overview": Macro(pages.budget_overview, "{{ budget_overview() }}", "begroting van alle schooljaren"),
    "progress_summary": Macro(pages.progress_summary, "{{ progress_summary() }}", "aantal acties per status, huidig schooljaar"),
    "actions_by_status": Macro(pages.actions_by_status, "{{ actions_by_status() }}", "alle acties van het huidige schooljaar per status"),
    "timeline": Macro(pages.timeline, "{{ timeline() }}", "tijdlijn van het huidige schooljaar per kwartaal"),
    "recent_changes": Macro(pages.recent_changes, "{{ recent_changes(limit=10) }}", "de laatste voortgangsnotities"),
    "governance_diagram": Macro(governance_diagram, "{{ governance_diagram() }}", "organisatieschema (SVG)"),
    "governance_text": Macro(governance_text, "{{ governance_text() }}", "organisatie als tekst"),
    "partners_overview": Macro(pages.partners_overview, "{{ partners_overview() }}", "rolverdeling per partner"),
    "places_index": Macro(family.places_index, "{{ places_index() }}", "In mijn wijk: alle plaatsen (kernen, wijken, gemeenten) met een link naar hun pagina"),
    "place_page": Macro(family.place_page_md, '{{ place_page("oosterwijk") }}', "de hele pagina van een plaats: prioriteiten, wat er gebeurt, de wijken erin"),
    "related_agendas": Macro(family.related_agendas, '{{ related_agendas(kop="Eerdere en verwante agenda\'s") }}', "de vorige agenda, addenda en de regionale of lokale agenda's, met wat er veranderde en de gedeelde doelen"),
    "related_notice": Macro(family.related_notice, "{{ related_notice() }}", "op de voorpagina: welke agenda deze opvolgt, welke addenda en bij welke agenda ze hoort"),
    "age_groups_list": Macro(pages.age_groups_list, "{{ age_groups_list() }}", "links naar de pagina's per leeftijd"),
    "parents_block": Macro(parents.parents_block, "{{ parents_block() }}", "blok voor ouders op de voorpagina: de leeftijden als grote knoppen"),
    "parents_overview": Macro(parents.parents_overview, "{{ parents_overview() }}", "per leeftijd wat ouders en kinderen kunnen doen of gebruiken (pagina Voor ouders)"),
    "professionals_link": Macro(overview.professionals_link, "{{ professionals_link() }}", "link naar het overzicht voor professionals en raadsleden"),
    "contacts_by_role": Macro(overview.contacts_by_role, '{{ contacts_by_role(kop="Wie kunt u waarvoor benaderen?") }}', "contact per rol: de agenda, elk doel (eigenaars, trekkers), elk overleg"),
    "changes_since_quarter": Macro(changes_since_quarter, '{{ changes_since_quarter(kop="Wat is er veranderd?") }}', "voortgang en wijzigingen sinds het begin van het vorige kwartaal"),
    "goals_needing_attention": Macro(overview.goals_needing_attention, '{{ goals_needing_attention(kop="Wat vraagt aandacht?") }}', "doelen die achterlopen of aandacht vragen, en vertraagde acties"),
    "parents_by_place": Macro(parents.places_page, "{{ parents_by_place() }}", "per wijk, school of plek wat ouders er kunnen doen of gebruiken, de programma's daar, en hoeveel andere acties er zijn (pagina Per wijk of school)"),
    "actions_by_location": Macro(pages.actions_by_location, "{{ actions_by_location() }}", "acties per wijk, school of locatie"),
    "interventions": Macro(pages.interventions, "{{ interventions() }}", "interventies in GKA-format"),
    "indicator": Macro(indicator, '{{ indicator(id="vve-bereik") }}', "grafiek en tabel van één indicator"),
    "key_figures": Macro(key_figures, '{{ key_figures(kop="Kerncijfers") }}', "kerncijfers van de hele agenda: grafiek, tabel, vergelijking"),
    "key_figures_summary": Macro(key_figures_summary, '{{ key_figures_summary(kop="Kerncijfers") }}', "korte lijst van de kerncijfers, met links"),
    "contact_info": Macro(contact_info, "{{ contact_info() }}", "contact voor vragen over de agenda (een rol)"),
    "build_info": Macro(build_info, "{{ build_info() }}", "bouwdatum en laatste voortgang"),
    "begrippen": Macro(glossary_page, "{{ begrippen() }}", "de afkortingen en woorden die de site gebruikt, met hun betekenis"),
    "last_changed": Macro(last_changed, '{{ last_changed("begroting") }}', "wanneer de gegevens van een pagina (begroting, organisatie) het laatst veranderden, met een link naar die wijziging; de pagina's van doelen en schooljaren zeggen het zelf"),
    "accessibility_results": Macro(accessibility_results, "{{ accessibility_results() }}", "status en laatste toegankelijkheidstest van deze site (lea toegankelijkheid), voor de toegankelijkheidsverklaring"),
}

__all__ = ["MACROS", "Macro"]


_SIZE_CALL = re.compile(r"\{\{-?\s*(?:" + "|".join(name for name, m in MACROS.items() if m.sizes) + r")\s*\(")


def waits_for_pdfs(markdown: str) -> bool:
    """Whether a page calls a macro that shows a PDF's size: in ``lea build`` such a page waits for Typst,
    so the engine builds it after the others (lea_site.mkdocs_plugin)."""
    return _SIZE_CALL.search(markdown) is not None
