"""Atom feeds of the progress notes: one for the whole agenda, one per goal.

Every progress note (``voortgang``) of an action or activity is an entry; a note that
sets a status is a status change and says so in its title. A status changed without such a
note is an entry too, dated by the commit that changed it (:mod:`.changes` finds these in the
repository's history; without history there are none). Entries have a stable id
(a ``tag:`` URI from the site's address, or the region's name when the site has none,
with school year, goal, action and the note's date and place among that day's notes),
the note's date, the goal and the action as categories, and a link to the action on
its page. Notes dated after today are not news yet and are left out. Each feed holds
at most :data:`MAX_ENTRIES` entries, the newest first.

All text is written through :mod:`xml.sax.saxutils` (escaped, control characters
removed), so nothing from the data can become markup in a feed reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timezone
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from ..model import Action, Agenda, Ambition
from ..render import format as fmt
from ..render.paths import ambition_page, relative, url_of, year_page
from ..verdicts import goals_with_work
from .changes import StatusChange

FOLDER = "feeds"
AGENDA_FEED = f"{FOLDER}/agenda.xml"
MAX_ENTRIES = 200
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def goal_feed(goal_id: str) -> str:
    return f"{FOLDER}/{goal_id}.xml"


@dataclass
class Entry:
    id: str
    day: date
    title: str
    text: str
    goal: Ambition
    action: Action
    page: str  # docs-relative page path with anchor
    stamp: str = ""  # the moment in Atom's form, when known (a commit's); else the day at midnight

    @property
    def updated(self) -> str:
        return self.stamp or self.day.isoformat() + "T00:00:00Z"


def _text(value: object) -> str:
    return escape(_CONTROL.sub("", str(value)))


def _attr(value: object) -> str:
    return quoteattr(_CONTROL.sub("", str(value)))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "lea"


def _authority(agenda: Agenda, site_url: str | None) -> str:
    host = urlsplit(site_url).hostname if site_url else None
    return f"{host or _slug(agenda.info.regio.naam) + '.lea.invalid'},{agenda.info.periode.van}"


def _work(agenda: Agenda) -> list[tuple[str, str, Action, str]]:
    """(school year or 'looptijd', goal id, action, page with anchor) for every action and activity."""
    work = [(plan.schooljaar, ap.ambitie, a, f"{year_page(plan.schooljaar)}#actie-{plan.schooljaar}-{a.id}")
            for plan in agenda.year_plans_sorted() for ap, a in plan.actions()]
    return work + [("looptijd", goal.id, a, f"{ambition_page(goal.id)}#actie-looptijd-{goal.id}-{a.id}")
                   for goal in agenda.ambities for a in goal.activiteiten]


def entries(agenda: Agenda, today: date, authority: str, status: list[StatusChange] = ()) -> list[Entry]:
    """Every progress note up to today, and every status change without one, newest first."""
    out: list[Entry] = []
    work = _work(agenda)
    for year, goal_id, action, page in work:
        goal = agenda.ambition(goal_id)
        if goal is None:
            continue
        seen: dict[date, int] = {}
        for note in action.voortgang:
            n = seen[note.datum] = seen.get(note.datum, 0) + 1
            if note.datum > today:
                continue
            title = f"{action.titel}: status {note.status}" if note.status else f"{action.titel}: voortgang"
            out.append(Entry(f"tag:{authority}:{year}/{goal_id}/{action.id}/{note.datum.isoformat()}/{n}",
                             note.datum, title, note.tekst, goal, action, page))
    out += _status_entries(agenda, today, authority, work, status)
    out.sort(key=lambda e: (e.updated, e.id), reverse=True)
    return out


def _status_entries(agenda: Agenda, today: date, authority: str, work: list, status: list[StatusChange]) -> list[Entry]:
    """A status change from the history, for an action that is still in the agenda (its page is where the
    link goes). The id names the commit, so it stays the same in every later build."""
    where = {(year if year != "looptijd" else f"looptijd:{goal_id}", action.id): (year, goal_id, action, page)
             for year, goal_id, action, page in work}
    out = []
    for change in status:
        found = where.get((change.year, change.action))
        goal = agenda.ambition(found[1]) if found else None
        moment = change.when.astimezone(timezone.utc)
        if found is None or goal is None or moment.date() > today:
            continue
        year, goal_id, action, page = found
        text = f"De status veranderde van {change.old} in {change.new}, zonder voortgangsnotitie."
        out.append(Entry(f"tag:{authority}:{year}/{goal_id}/{action.id}/status/{change.commit[:12]}", moment.date(),
                         f"{action.titel}: status {change.new}", text, goal, action, page,
                         moment.strftime("%Y-%m-%dT%H:%M:%SZ")))
    return out


def _feed(agenda: Agenda, path: str, title: str, page: str, items: list[Entry], today: date, authority: str,
          site_url: str | None, directory_urls: bool) -> bytes:
    def href(target: str) -> str:
        url = url_of(target, directory_urls)
        return site_url.rstrip("/") + "/" + url if site_url else relative(path, url)

    updated = max((e.updated for e in items), default=today.isoformat() + "T00:00:00Z")
    about = ("Voortgangsnotities en statuswijzigingen van de acties, de nieuwste eerst." if _work(agenda) else
             "Deze agenda heeft nog geen acties of activiteiten; er is dus nog geen voortgang om te volgen.")
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
             f"  <id>tag:{_text(authority)}:{_text(path)}</id>", f"  <title>{_text(title)}</title>",
             f"  <subtitle>{_text(about)}</subtitle>",
             f"  <updated>{updated}</updated>", f"  <link rel=\"alternate\" type=\"text/html\" href={_attr(href(page))}/>",
             f"  <link rel=\"self\" type=\"application/atom+xml\" href={_attr(site_url.rstrip('/') + '/' + path if site_url else path.split('/')[-1])}/>",
             f"  <author><name>{_text(agenda.info.regio.naam)}</name></author>", "  <generator>lea build</generator>"]
    if agenda.info.licentie:
        lines.append(f"  <rights>{_text(agenda.info.licentie)}</rights>")
    for e in items[:MAX_ENTRIES]:
        stamp = e.updated
        summary = f"{e.text} ({agenda.naming(agenda.level(e.goal)).enkelvoud} {e.goal.titel}; {fmt.day(e.day)})"
        lines += ["  <entry>", f"    <id>{_text(e.id)}</id>", f"    <title>{_text(e.title)}</title>",
                  f"    <updated>{stamp}</updated>", f"    <published>{stamp}</published>",
                  f"    <link rel=\"alternate\" type=\"text/html\" href={_attr(href(e.page))}/>",
                  f"    <category term={_attr(e.goal.id)} label={_attr(e.goal.titel)} scheme=\"doel\"/>",
                  f"    <category term={_attr(e.action.id)} label={_attr(e.action.titel)} scheme=\"actie\"/>",
                  f"    <summary type=\"text\">{_text(summary)}</summary>", "  </entry>"]
    lines.append("</feed>\n")
    return "\n".join(lines).encode("utf-8")


def updated(feed: bytes) -> date:
    """The day of a feed's own ``<updated>`` (its newest entry, or the day it was made when it has none)."""
    found = re.search(rb"<updated>(\d{4}-\d{2}-\d{2})", feed)
    return date.fromisoformat(found[1].decode()) if found else date.min


def files(agenda: Agenda, today: date, site_url: str | None = None, directory_urls: bool = True,
          status: list[StatusChange] = ()) -> dict[str, bytes]:
    """The feeds by their path under docs/; ``status``: the status changes from the history (:mod:`.changes`)."""
    authority = _authority(agenda, site_url)
    items = entries(agenda, today, authority, status)
    out = {AGENDA_FEED: _feed(agenda, AGENDA_FEED, f"Voortgang: {agenda.info.titel}", "voortgang.md", items, today,
                              authority, site_url, directory_urls)}
    mine: dict[str, list[Entry]] = {goal.id: [] for goal in agenda.ambities}
    for e in items:  # each note in the feed of its goal and of every goal above it (newest first, as items)
        current, depth = e.goal, 0
        while current is not None and depth <= 5:
            mine.setdefault(current.id, []).append(e)
            current, depth = agenda.parent(current), depth + 1
    for goal in goals_with_work(agenda):  # a goal without any work has no progress to follow: no feed
        out[goal_feed(goal.id)] = _feed(agenda, goal_feed(goal.id), f"Voortgang: {goal.titel}", ambition_page(goal.id),
                                        mine[goal.id], today, authority, site_url, directory_urls)
    return out
