"""The site's navigation: fixed sections, generated pages in data order, then any other page.

Actions are never pages and never in the navigation, so it stays small however
large the agenda grows.
"""

from __future__ import annotations

import html
from typing import Any

from ..model import Agenda
from .format import capital
from .paths import AGE_GROUPS, age_page, ambition_page, year_page


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

    def section(title: str, children: list[dict[str, str] | None]) -> dict[str, list] | None:
        kept = [c for c in children if c]
        return {nav_title(title): kept} if kept else None

    words = agenda.info.benaming.meervoud
    nav = [
        entry("Home", "index.md"),
        section(capital(words), [entry("Overzicht", "ambities/index.md")] + [entry(a.titel, ambition_page(a.id)) for a in agenda.ambities]),
        section("Schooljaren", [entry("Overzicht", "schooljaren/index.md")] + [entry(f"Schooljaar {y.schooljaar}", year_page(y.schooljaar)) for y in agenda.year_plans_sorted()]),
        entry("Voortgang", "voortgang.md"),
        entry("Begroting", "begroting.md"),
        entry("Organisatie", "organisatie.md"),
        entry("Partners", "partners.md"),
        section("Voor ouders", [entry("Overzicht", "ouders/index.md")] + [entry(f"{g} jaar", age_page(g)) for g, _, _ in AGE_GROUPS] + [entry("Per wijk of school", "ouders/locaties.md")]),
        entry("Interventies", "interventies.md") if agenda.interventies else None,
    ]
    about = [entry("Over deze site", "over.md"), entry("Toegankelijkheid", "toegankelijkheid.md")]
    if not agenda.interventies:
        used.add("interventies.md")
    rest = [{p[:-3].split("/")[-1].replace("-", " ").capitalize(): p} for p in sorted(pages - used - {"over.md", "toegankelijkheid.md"})]
    nav += rest
    nav.append(section("Over deze site", about))
    return [n for n in nav if n]
