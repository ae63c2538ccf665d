"""Where each generated page lives, and relative links between pages."""

from __future__ import annotations

import functools
import json
import posixpath
import re

from ..model import Agenda
from ..values import AgeRange
from ..verdicts import all_actions, goals_with_work  # all_actions: re-exported for the renderers

AGE_GROUPS: list[tuple[str, AgeRange, str]] = [
    ("0-4", AgeRange(0, 4), "Baby's, dreumesen en peuters (0 tot 4 jaar)"),
    ("4-12", AgeRange(4, 12), "Kinderen op de basisschool (4 tot 12 jaar)"),
    ("12-18", AgeRange(12, 18), "Jongeren op het voortgezet onderwijs (12 tot 18 jaar)"),
    ("18-23", AgeRange(18, 23), "Jongvolwassenen (18 tot 23 jaar)"),
]


def ambition_page(ambition_id: str) -> str:
    return f"ambities/{ambition_id}.md"


def year_page(school_year: str) -> str:
    return f"schooljaren/{school_year}.md"


def chapter_page(chapter_id: str) -> str:
    return f"hoofdstukken/{chapter_id}.md"


def age_page(group: str) -> str:
    return f"ouders/{group}.md"


def place_page(place_id: str) -> str:
    return f"plaatsen/{place_id}.md"


# Anchors of items on their pages, prefixed so that no id from the data can equal an id of
# the page itself (the diagram's lea-arrow) or of another kind of item.
def body_anchor(body_id: str) -> str:
    return f"organisatie.md#orgaan-{body_id}"


def intervention_anchor(intervention_id: str) -> str:
    return f"interventies.md#interventie-{intervention_id}"


def partner_anchor(partner_id: str) -> str:
    return f"partners.md#partner-{partner_id}"


def age_groups(agenda: Agenda) -> list[tuple[str, AgeRange, str]]:
    """The age groups the agenda covers (all of them when it does not say)."""
    ages = agenda.info.leeftijden
    if ages is None:
        return AGE_GROUPS
    return [g for g in AGE_GROUPS if ages.low < g[1].high and ages.high > g[1].low or (ages.low == ages.high == g[1].low)]


def generated_pages(agenda: Agenda) -> dict[str, str]:
    """Docs-relative path -> Markdown source (a macro call) of every generated page, with a
    description of its own (meta description and Open Graph: what a shared link previews)."""
    word = agenda.naming(0).enkelvoud
    followed = {g.id for g in goals_with_work(agenda)}  # the goals with a feed (lea_site.exports.feeds)
    pages = {ambition_page(a.id): _described(f"{a.titel}. {a.samenvatting}", f'ambition_page("{a.id}")',
                                             feed=f"feeds/{a.id}.xml" if a.id in followed else None) for a in agenda.ambities}
    pages.update({year_page(y.schooljaar): _described(
        f"Het jaarplan voor schooljaar {y.schooljaar}: wat de partners dat jaar samen doen, met de doelen en acties per {word}.",
        f'year_page("{y.schooljaar}")') for y in agenda.year_plans_sorted()})
    pages.update({age_page(g): _described(
        f"{label}: wat de agenda voor deze leeftijdsgroep doet, en welke acties ervoor bedoeld zijn.",
        f'age_page("{g}")') for g, _, label in age_groups(agenda)})
    pages.update({chapter_page(c.id): _described(f"{c.titel}. {_plain(c.tekst)}", f'chapter_page("{c.id}")')
                  for c in agenda.info.hoofdstukken if c.plek == "pagina"})
    if agenda.info.plaatsen:  # 'in mijn wijk': a page per place (issue 29 item 8)
        pages["plaatsen/index.md"] = _described(
            "In mijn wijk: kies uw wijk, kern of gemeente en zie wat de agenda daar doet voor kinderen en jongeren.",
            "places_index()", title="In mijn wijk")
        pages.update({place_page(p.id): _described(
            f"{p.naam}: wat de agenda hier doet voor kinderen en jongeren. {p.samenvatting or ''}", f'place_page("{p.id}")')
            for p in agenda.info.plaatsen})
    return pages


def _plain(markdown: str) -> str:
    """Markdown as one line of plain text, for a description: no headings, emphasis or link targets."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"(?m)^\s{0,3}(#+|[-*+]|\d+[.)])\s+", "", text)
    return re.sub(r"[*_`>|]", "", text)


def _described(description: str, call: str, feed: str | None = None, title: str | None = None) -> str:
    """A page that is one macro call, with front matter ``description:`` from the data.

    The text is made safe for YAML front matter: one line, printable characters only, as a
    double-quoted (JSON) string, at most about 200 characters; and no Jinja can start in it.
    """
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in description).split())
    if len(text) > 200:
        text = text[:200].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    text = re.sub(r"([{])([{%#])", r"\1 \2", text)
    feed_line = f"lea_feed: {json.dumps(feed)}\n" if feed else ""  # the goal's Atom feed (lea_site.exports.feeds); ids are [a-z0-9-]
    heading = f"# {title}\n\n" if title else ""  # a fixed title of the product's own, never from data
    return f"---\ndescription: {json.dumps(text, ensure_ascii=False)}\n{feed_line}---\n\n{heading}{{{{ {call} }}}}\n"


def pages_without_content(agenda: Agenda) -> set[str]:
    """The product's pages about something this agenda does not have: not built, not in the menu, not linked."""
    out = set()
    if not agenda.jaarplannen:
        out.add("schooljaren/index.md")
    if not agenda.has_money():
        out.add("begroting.md")
    if not agenda.interventies:
        out.add("interventies.md")
    if not agenda.organen:
        out.add("organisatie.md")
    if not agenda.partners:
        out.add("partners.md")
    if not any(a.locatie is not None for a in all_actions(agenda)):
        out.add("ouders/locaties.md")
    return out


def url_of(src_path: str, use_directory_urls: bool = True) -> str:
    """The site URL (relative to the site root) that MkDocs gives a docs file."""
    path, _, anchor = src_path.partition("#")
    if path and not path.endswith(".md"):  # a file beside the pages (a PDF, a CSV): its own address
        return path + (f"#{anchor}" if anchor else "")
    stem = path[:-3] if path.endswith(".md") else path
    if use_directory_urls:
        if stem == "index" or stem.endswith("/index"):
            url = stem[: -len("index")]
        else:
            url = stem + "/"
    else:
        url = stem + ".html"
    return url + (f"#{anchor}" if anchor else "")


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at ``from_url`` to ``to_url`` (both relative to the site root)."""
    to_path, hash_, anchor = to_url.partition("#")
    base = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url) + "/"
    return _relative_path(to_path, base) + (hash_ + anchor if hash_ else "")


@functools.lru_cache(maxsize=4096)
def _relative_path(to_path: str, base: str) -> str:
    """Pages link to a few pages thousands of times (each action's row): relpath once per pair.
    An empty path is the site's root (url_of gives "" for index.md), never the page itself: a link
    to the home page from documenten/ was href="" and only reloaded the page."""
    rel = posixpath.relpath("/" + to_path, "/" + base)
    if (to_path.endswith("/") or not to_path) and rel != "." and not rel.endswith("/"):
        rel += "/"
    if rel == ".":
        rel = "./"
    return rel


# --- the agenda's PDF, in parts when it is very large (lea_site.exports.volumes) ------------------------

AGENDA_PDF = "downloads/agenda.pdf"


def volume_path(number: int) -> str:
    """Part 1 is the agenda's usual file (every link to it still works); the others are numbered."""
    return AGENDA_PDF if number == 1 else f"downloads/agenda-deel-{number}.pdf"


def part_number(path: str) -> int | None:
    """1 for the agenda's file, N for ``downloads/agenda-deel-N.pdf``, None for any other path."""
    if path == AGENDA_PDF:
        return 1
    prefix, suffix = "downloads/agenda-deel-", ".pdf"
    middle = path[len(prefix):-len(suffix)] if path.startswith(prefix) and path.endswith(suffix) else ""
    return int(middle) if middle.isdigit() and middle[0] != "0" and int(middle) > 1 else None
