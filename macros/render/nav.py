"""The site's navigation: fixed sections, generated pages in data order, then any other page.

Actions are never pages and never in the navigation, so it stays small however
large the agenda grows.
"""

from __future__ import annotations

import html
from typing import Any

from ..model import Agenda, Ambition
from .format import capital
from .paths import AGE_GROUPS, age_page, ambition_page, chapter_page, place_page, year_page


def nav_title(text: str) -> str:
    """A title from the data, safe in the theme (which does not escape titles) and in
    mkdocs-macros (which renders page titles as Jinja): HTML and braces as entities."""
    return html.escape(text).replace("{", "&#123;").replace("}", "&#125;")


def build_nav(agenda: Agenda, pages: set[str]) -> list[Any]:
    """MkDocs ``nav`` from the agenda and the set of docs-relative page paths that exist."""
    used: set[str] = set()

    def entry(title: str, path: str) -> dict[str, str] | None:
        if path not in pages:
            return None
        used.add(path)
        return {nav_title(title): path}

    def section(title: str, children: list[Any]) -> dict[str, list] | None:
        kept = [c for c in children if c]
        return {nav_title(title): kept} if kept else None

    def goal(amb: Ambition, depth: int = 0) -> dict | None:
        """A goal, with the goals under it in a section of their own (the tree, as deep as the agenda's)."""
        below = agenda.children(amb) if depth < 4 else []
        if not below:
            return entry(amb.titel, ambition_page(amb.id))
        # The goal's own page first, under its own title; then the goals under it.
        return section(amb.titel, [entry(amb.titel, ambition_page(amb.id)), *(goal(c, depth + 1) for c in below)])

    words = agenda.naming(0).meervoud
    chapters = [c for c in agenda.info.hoofdstukken if c.plek == "pagina"]
    nav = [
        entry("Home", "index.md"),
        # The readers' own ways in first: parents, then professionals and councillors.
        section("Voor ouders", [entry("Kies de leeftijd", "ouders/index.md")] + [entry(f"{r.low} tot {r.high} jaar", age_page(g)) for g, r, _ in AGE_GROUPS] + [entry("Per wijk of school", "ouders/locaties.md")]
                + [section("In mijn wijk", [entry("Kies uw wijk", "plaatsen/index.md")] + [entry(p.naam, place_page(p.id)) for p in agenda.info.plaatsen])]),
        entry("Voor professionals en raadsleden", "professionals.md"),
        section(capital(words), [entry(f"Alle {words}", "ambities/index.md")] + [goal(a) for a in agenda.children(None)]),
        section("Schooljaren", [entry("Alle schooljaren", "schooljaren/index.md")] + [entry(f"Schooljaar {y.schooljaar}", year_page(y.schooljaar)) for y in agenda.year_plans_sorted()]),
        entry("Voortgang", "voortgang.md"),
        entry("Begroting", "begroting.md"),
        entry("Organisatie", "organisatie.md"),
        entry("Partners", "partners.md"),
        entry("Interventies", "interventies.md"),
    ]
    about = [entry("Over deze site", "over.md"), *(entry(c.titel, chapter_page(c.id)) for c in chapters),
             entry("Documenten", "documenten.md"), entry("Wijzigingen", "wijzigingen.md"), entry("Open data", "open-data.md"), entry("Begrippen", "begrippen.md"),
             entry("Toegankelijkheid", "toegankelijkheid.md")]
    rest = [{p[:-3].split("/")[-1].replace("-", " ").capitalize(): p} for p in sorted(
        pages - used - {"over.md", "documenten.md", "wijzigingen.md", "open-data.md", "begrippen.md", "toegankelijkheid.md"} - {chapter_page(c.id) for c in chapters})]
    nav += rest
    nav.append(section("Over de agenda" if chapters else "Over deze site", about))
    return [n for n in nav if n]
