"""Search that finds an activity's row, not just its page.

Both engines index a page by its headings: a search for "peuteropvang" or for an activity's title
finds the goal page, and the reader still has to look for the row. The rows of the actions tables
carry an id (``actie-2026-2027-vve-bereik``, ``actie-looptijd-<goal>-<id>``, see
``render.tables.action_cell``); this module adds one search entry per activity that points there,
built from the data model, never from the finished HTML:

* :func:`row_entries`: every activity with the page and the row id where the site shows it;
* MkDocs + Material: :func:`extend_index` adds them to ``search/search_index.json`` after the
  search plugin wrote it (``lea_site.mkdocs_plugin``, post-build);
* Zensical builds its index in its Rust core, with no hook for Python: :func:`add_rows_to_zensical`
  adds them to the ``search.json`` it wrote (``lea build --engine zensical``, :mod:`lea_site.engines`).

The Dutch stemming comes from the engines: Material's ``plugins: search: lang: nl``
(``defaults.yml``), Zensical's from ``theme: language: nl``.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .model import Action, Agenda
from .verdicts import NOT_REPORTED, written_status
from .render import format as fmt
from .render.paths import ambition_page, generated_pages, url_of, year_page

MKDOCS_INDEX = "search/search_index.json"  # where Material's search plugin writes its index, in the built site
ZENSICAL_INDEX = "search.json"  # where Zensical writes its index


@dataclass(frozen=True)
class Entry:
    """One activity as a search result: where its row is and what a reader may type to find it."""

    page: str  # docs-relative source path, 'ambities/vve.md'
    anchor: str  # the row's id on that page
    title: str  # plain text
    text: str  # plain text
    boost: float = 1.0  # Material's document boost: the current school year's rows come first (year_boost)


# Material's search multiplies a document's score by its boost: a search for 'thuiszitters' shows this school
# year's plan before last year's, which says the same words about work that is over.
CURRENT_BOOST, PAST_BOOST = 3.0, 0.001


def year_boost(year: str, current: str | None) -> float:
    """The boost of a school year's pages and rows: the current year up, earlier years down, later ones as they are."""
    if current is None:
        return 1.0
    return CURRENT_BOOST if year == current else PAST_BOOST if year < current else 1.0


def year_boosts(agenda: Agenda, today: date) -> dict[str, float]:
    """Docs-relative path of each school year's page -> its boost (only those that differ from 1)."""
    current = agenda.current_school_year(today)
    boosts = {year_page(plan.schooljaar): year_boost(plan.schooljaar, current) for plan in agenda.jaarplannen}
    return {page: boost for page, boost in boosts.items() if boost != 1.0}


def _plain(markdown: str | None) -> str:
    """Markdown as one line of plain text: link text without its target, no markup characters."""
    if not markdown:
        return ""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"(?m)^\s{0,3}(#+|[-*+>]|\d+[.)])\s+", "", text)
    return " ".join(re.sub(r"[*_`|]", "", text).split())


def _who(agenda: Agenda, action: Action) -> str:
    names = []
    for party in action.participants():
        partner = agenda.partner(party.partner) if party.partner else None
        body = agenda.body(party.orgaan) if party.orgaan else None
        names += [n for n in (party.rol, partner.naam if partner else None, partner.afkorting if partner else None,
                              body.naam if body else None) if n]
    return ", ".join(dict.fromkeys(names))


def _entry(agenda: Agenda, page: str, anchor: str, action: Action, goal: str, figures: dict[str, str], boost: float = 1.0) -> Entry:
    parts = [_plain(action.beschrijving)]
    if action.voor_ouders is not None:
        offer = action.voor_ouders
        parts += [offer.wat, offer.voor_wie or "", offer.kosten.regel or "" if offer.kosten else "", offer.wanneer or "",
                  *(f"{place.naam} {place.adres or ''}" for place in offer.plaatsen)]
    if action.locatie is not None:
        parts.append(", ".join(action.locatie.names()))
    parts += [_who(agenda, action), fmt.planning(action.planning), written_status(action) or NOT_REPORTED, goal, _plain(action.resultaat)]
    parts += [figures[i] for i in action.indicatoren if i in figures]
    last = action.last_note()
    if last is not None:
        parts.append(last.tekst)
    return Entry(page, anchor, " ".join(action.titel.split()), " ".join(" ".join(p for p in parts if p).split()), boost)


def row_entries(agenda: Agenda, today: date) -> list[Entry]:
    """Every activity once, on the page that shows it with its row id: the goal page for the goal's
    activities and for the actions of this and later school years, the year page for earlier years
    (the goal page shows those as results, without row ids) and when there is no current year."""
    pages = generated_pages(agenda)
    current = agenda.current_school_year(today)
    figures = {i.id: i.titel for _, i in agenda.indicators()}  # once: per entry it was rows x indicators
    out: list[Entry] = []
    for goal in agenda.ambities:
        if ambition_page(goal.id) in pages:
            out += [_entry(agenda, ambition_page(goal.id), f"actie-looptijd-{goal.id}-{a.id}", a, goal.titel, figures) for a in goal.activiteiten]
    for plan in agenda.year_plans_sorted():
        year = plan.schooljaar
        for amb_plan in plan.ambities:
            goal = agenda.ambition(amb_plan.ambitie)
            on_goal_page = goal is not None and current is not None and year >= current and ambition_page(goal.id) in pages
            page = ambition_page(amb_plan.ambitie) if on_goal_page else year_page(year)
            if page not in pages:
                continue
            boost = year_boost(year, current)
            out += [_entry(agenda, page, f"actie-{year}-{a.id}", a, goal.titel if goal else amb_plan.ambitie, figures, boost)
                    for a in amb_plan.acties]
    return out


def location(entry: Entry, use_directory_urls: bool = True) -> str:
    """The entry's address from the site root, as the search index writes it: 'ambities/vve/#actie-...'."""
    return f"{url_of(entry.page, use_directory_urls)}#{entry.anchor}"


def _escaped(entry: Entry) -> dict[str, str]:
    """Title and text as both engines' indexes hold them: HTML-escaped (their results show them as HTML)."""
    return {"title": html.escape(entry.title, quote=False), "text": html.escape(entry.text, quote=False)}


def extend_index(index_file: Path, entries: list[Entry], use_directory_urls: bool = True, boosts: dict[str, float] | None = None) -> int:
    """Add the entries to Material's ``search_index.json`` (text escaped as the plugin escapes it), and give
    the pages in ``boosts`` (docs-relative path -> boost; :func:`year_boosts`) and all their sections that boost;
    how many entries were added. Entries already there (a dirty rebuild) are not added twice."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    docs = index.setdefault("docs", [])
    have = {d.get("location") for d in docs}
    added = 0
    by_url = {url_of(page, use_directory_urls): boost for page, boost in (boosts or {}).items()}
    boosted = 0
    for doc in docs:
        boost = by_url.get(str(doc.get("location", "")).split("#")[0])
        if boost is not None and doc.get("boost") != boost:
            doc["boost"] = boost
            boosted += 1
    for entry in entries:
        where = location(entry, use_directory_urls)
        if where in have:
            continue
        docs.append({"location": where, **_escaped(entry), **({"boost": entry.boost} if entry.boost != 1.0 else {})})
        added += 1
    if added or boosted:
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return added


def extend_zensical_index(index_file: Path, entries: list[Entry], use_directory_urls: bool = True) -> int:
    """Add the entries to Zensical's ``search.json`` (``{"config", "items"}``), each after the items of
    its page and with that page's menu path; how many were added.

    One pass over the items and one over the entries (8,000 rows once took 19 s, inserting one by one)."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    items = index.get("items")
    if not isinstance(items, list):
        return 0
    have = {i.get("location") for i in items if isinstance(i, dict)}
    last: dict[str, int] = {}  # page -> position of its last item
    paths: dict[str, list] = {}  # page -> its menu path (from its first item)
    for n, item in enumerate(items):
        if isinstance(item, dict):
            page = str(item.get("location", "")).split("#")[0]
            last[page] = n
            paths.setdefault(page, item.get("path") or [])
    after: dict[int, list[dict]] = {}
    added = 0
    for entry in entries:
        page, where = url_of(entry.page, use_directory_urls), location(entry, use_directory_urls)
        if where in have or page not in last:
            continue  # already there (a rebuild), or a page the engine did not index (excluded from search)
        have.add(where)
        after.setdefault(last[page], []).append({"location": where, "level": 3, **_escaped(entry), "path": paths[page], "tags": []})
        added += 1
    if added:
        index["items"] = [row for n, item in enumerate(items) for row in (item, *after.get(n, ()))]
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return added


def add_rows_to_zensical(config: Path) -> int:
    """After Zensical built the site of the generated ``config``: its search index gets the rows.

    Zensical (0.0.73 and later) builds the index in its Rust core from the rendered pages, with no
    hook for Python; the file it writes is the one place to add to."""
    from .generate import read_config
    from .site import Site, data_dir, load_site

    own = read_config(config)
    index = config.parent / str(own.get("site_dir") or "site") / ZENSICAL_INDEX
    site = load_site(data_dir(str(config), own.get("extra") or {}))
    if not index.is_file() or not isinstance(site, Site):
        return 0
    return extend_zensical_index(index, row_entries(site.agenda, site.today), own.get("use_directory_urls", True) is not False)
