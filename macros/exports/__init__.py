"""What the site offers besides its pages, made at build time from the validated agenda.

:func:`export_files` is called by the generate step (:mod:`lea_site.generate`), which writes
what it returns into ``build/lea/docs`` (only when a file changed), so both engines copy the
files as they are and plain ``mkdocs build`` (the plugin ``lea``) gets them too:

* ``open-data.md`` and ``opendata/``: ``agenda.json`` with its schema, CSV tables, one spreadsheet
  (:mod:`.opendata`), and their description in DCAT for data.overheid.nl (:mod:`.dcat`);
* ``feeds/``: Atom feeds of the progress notes and status changes, for the agenda and per goal (:mod:`.feeds`);
* ``wijzigingen.md``: what changed and when, from the repository's history (:mod:`.changes`);
* ``sitemaps/`` and ``robots.txt``: the agenda and the progress reports (``pdfs``) for the Woo index,
  with DiWoo metadata (:mod:`.woo`; only with the site's address).

A page of the same name in the product's or the site's own ``docs/`` wins over these.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..model import Agenda
from ..verdicts import goals_with_work
from . import changes, dcat, feeds, opendata, woo


def export_files(agenda: Agenda, today: date, data_dir: Path, cache_dir: Path | None = None,
                 site_url: str | None = None, directory_urls: bool = True, pdfs: list[str] | tuple[str, ...] = (),
                 dated: dict[str, date] | None = None, changed: dict[str, dict] | None = None,
                 downloads: bool = True) -> dict[str, str | bytes]:
    """Docs-relative path -> content (text for pages, bytes for files). ``dated``, when given, gets the day
    each open-data file and feed is of (the data's last change; a feed's newest entry), for the page Documenten;
    ``changed`` when the data of each page of a goal, school year, the budget and the organisation last changed
    ({datum: ISO day or None when unknown, anker: its section on the page Wijzigingen}; nothing without a history).
    ``downloads=False``: only the pages (``*.md``), not the files to download (``lea serve`` after its start:
    they cost more than all pages together, 1 s of 1.4 s at 1,000 actions)."""
    all_tables = opendata.tables(agenda, today)
    out: dict[str, str | bytes] = {}
    out["open-data.md"] = opendata.page(agenda, all_tables, [(g.id, g.titel) for g in goals_with_work(agenda)])
    beside_build = cache_dir / "wijzigingen.json" if cache_dir else None
    history = changes.history(data_dir, changes.cache_file(data_dir) or beside_build, today=today)
    out[changes.PAGE] = changes.page(history)
    if changed is not None:
        changed.update({path: {"datum": last.day.isoformat() if last.day else None,
                               "anker": history.anchor(last.commit) if last.commit else None}
                        for path, last in changes.pages_changed(history, agenda).items()})
    if not downloads:
        return out
    data_files = opendata.files(agenda, all_tables, today)
    out.update(data_files)
    # Modified: when the data last changed in the repository (the newest commit), else the day of this build.
    modified = next((c.day for c in history.changes if c.day is not None), today)
    out.update(dcat.files(agenda, data_files, site_url, modified, directory_urls=directory_urls, tables=all_tables))
    feed_files = feeds.files(agenda, today, site_url, directory_urls, history.status)
    out.update(feed_files)
    if dated is not None:
        dated.update(dict.fromkeys(data_files, modified))
        dated.update({path: feeds.updated(content) for path, content in feed_files.items()})
    out.update(woo.files(agenda, list(pdfs), today, site_url))
    return out
