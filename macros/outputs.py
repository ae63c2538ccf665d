"""Every path the build writes that follows from the data, and who claims it: no two may be the same.

An id becomes part of a file name (``ambities/<id>.md``, ``feeds/<id>.xml``, ``hoofdstukken/<id>.md``),
so an id can take the name of another output: the goal ``agenda`` would get the feed
``feeds/agenda.xml``, which is the whole agenda's feed. :func:`collisions` finds such pairs
(also when they differ only in capitals, which is one file on Windows and macOS, and a page ``x.md``
against ``x/index.md``, which are one web address); ``lea check`` reports them naming both
(:mod:`lea_site.checks`), and the generate step refuses two outputs of one path (:func:`merge`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .model import Agenda
from .render.paths import age_groups, age_page, ambition_page, chapter_page, year_page


@dataclass(frozen=True)
class Claim:
    path: str  # docs-relative
    what: str  # in words: "de feed van ambitie 'agenda'"
    where: tuple[Any, ...] | None = None  # the raw tree path of the id that made it (None: a fixed name)


class OutputClash(Exception):
    """Two outputs of the build would be written to one path."""


def key(path: str) -> str:
    """One key per file a host serves: capitals ignored, ``x.md`` and ``x/index.md`` the same page."""
    low = path.lower()
    if low.endswith("/index.md"):
        low = low[: -len("/index.md")] + ".md"
    return low


def fixed_claims() -> list[Claim]:
    """The outputs whose names are the product's own: its pages and files, the feeds, open data, PDFs."""
    from .exports import changes, feeds, opendata
    from .generate import product_folder

    out = [Claim(feeds.AGENDA_FEED, "de feed van de hele agenda"), Claim(changes.PAGE, "de pagina Wijzigingen"),
           Claim("open-data.md", "de pagina Open data"), Claim(opendata.JSON, "de open data"),
           Claim(opendata.SCHEMA, "de open data"), Claim(opendata.XLSX, "de open data"),
           Claim("downloads/agenda.pdf", "de PDF van de agenda"), Claim("downloads/voortgang.pdf", "het voortgangsverslag")]
    docs = product_folder("docs")
    out += [Claim(p.relative_to(docs).as_posix(), f"de pagina {p.relative_to(docs).as_posix()} van de site")
            for p in sorted(docs.rglob("*.md"))]
    return out


def data_claims(agenda: Agenda, at: Mapping[str, list[int]]) -> list[Claim]:
    """The outputs named after an id or school year; ``at``: the raw index of each model item per section."""
    from .exports import feeds

    out = []
    for i, goal in enumerate(agenda.ambities):
        where = ("ambities", at["ambities"][i], "id")
        out += [Claim(ambition_page(goal.id), f"de pagina van ambitie '{goal.id}'", where),
                Claim(feeds.goal_feed(goal.id), f"de feed van ambitie '{goal.id}'", where)]
    for i, plan in enumerate(agenda.jaarplannen):
        where = ("jaarplannen", at["jaarplannen"][i], "schooljaar")
        out += [Claim(year_page(plan.schooljaar), f"de pagina van schooljaar {plan.schooljaar}", where),
                Claim(f"downloads/voortgang-{plan.schooljaar}.pdf", f"het verslag van schooljaar {plan.schooljaar}", where)]
    if agenda.info is not None:
        for k, chapter in enumerate(agenda.info.hoofdstukken):
            if chapter.plek == "pagina":
                out.append(Claim(chapter_page(chapter.id), f"de pagina van hoofdstuk '{chapter.id}'",
                                 ("agenda", "hoofdstukken", k, "id")))
        out += [Claim(age_page(group), f"de pagina voor leeftijd {group}") for group, _, _ in age_groups(agenda)]
    return out


def collisions(claims: Iterable[Claim]) -> list[tuple[Claim, Claim]]:
    """Each claim that takes a path an earlier one has (fixed names first), with that earlier claim.
    Two claims by the same item on the same path (none today) are one output."""
    first: dict[str, Claim] = {}
    out = []
    for claim in sorted(claims, key=lambda c: c.where is not None):  # a fixed name keeps its path
        earlier = first.setdefault(key(claim.path), claim)
        if earlier is not claim and earlier.where != claim.where or (earlier is not claim and claim.where is None):
            out.append((claim, earlier))
    return out


def merge(into: dict[str, Any], more: Mapping[str, Any], what: str) -> None:
    """Add ``more`` to the outputs ``into``; :class:`OutputClash` when a path is taken already."""
    taken = {key(p): p for p in into}
    for path in more:
        if key(path) in taken:
            raise OutputClash(f"{what} zou {path} schrijven, maar daar staat al {taken[key(path)]}; "
                              "twee uitvoerbestanden kunnen niet hetzelfde pad hebben")
        taken[key(path)] = path
    into.update(more)


__all__ = ["Claim", "OutputClash", "collisions", "data_claims", "fixed_claims", "key", "merge"]
