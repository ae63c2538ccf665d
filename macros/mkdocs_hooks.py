"""MkDocs hooks (``hooks:`` in mkdocs.yml): stop on bad data, add generated pages and navigation,
and replace the site only when the whole build succeeded.

A thin shell: which pages exist and what the navigation holds is decided by
:mod:`macros.render.nav`; the pages' content is rendered by the macros; the
build-aside-and-swap is :mod:`macros.staging`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import CountHandler

from lea_site import staging
from lea_site.load import LoadResult
from lea_site.render.nav import build_nav
from lea_site.render.paths import generated_pages
from lea_site.site import Site, data_dir, load_site

log = logging.getLogger("mkdocs.plugins.lea")


class _Build:
    """What one process knows across builds: the command, where the site goes, whether it is on hold."""

    command = "build"
    dirty = False
    good_once = False  # a build of this process succeeded (mkdocs serve has a last good site)
    site_dir = ""
    stage = ""
    hold: LoadResult | None = None  # serve: broken data, keep showing the last good site


def _report(loaded: LoadResult, warnings_as_info: bool = False) -> None:
    for problem in loaded.problems:
        if problem.is_error:
            log.error("%s", problem)
        else:
            (log.info if warnings_as_info else log.warning)("lea: %s", problem)


def _site(config, report: bool = False) -> Site:
    loaded = load_site(data_dir(config.config_file_path, config.extra))
    if isinstance(loaded, Site):
        for problem in loaded.result.warnings if report else ():
            log.info("lea: %s", problem)
        return loaded
    _report(loaded)
    raise Abort(f"De agendadata bevat {len(loaded.errors)} fout(en); de site is niet gebouwd (zie hierboven, of draai 'lea check').")


def on_startup(command: str, dirty: bool) -> None:
    _Build.command, _Build.dirty = command, dirty


@event_priority(100)  # before the search plugin reads the page
def on_page_context(context, page, config, nav):
    """Material's search plugin looks each section up by walking the whole table of contents,
    which is quadratic in the headings of a page (a page of 40,000 interventions takes hours).
    Material is in maintenance mode, so that method will not change: give it a lookup table."""
    search = config.plugins.get("material/search")
    index = getattr(search, "search_index", None)
    if index is not None and hasattr(index, "_find_toc_by_id"):
        by_id: dict = {}
        stack = list(page.toc or [])
        while stack:
            item = stack.pop()
            by_id.setdefault(item.id, item)
            stack.extend(item.children)
        index._find_toc_by_id = lambda toc, id: by_id.get(id)  # noqa: A002 - Material's signature
    return context


def on_config(config):
    loaded = load_site(data_dir(config.config_file_path, config.extra))
    if not isinstance(loaded, Site) and _Build.command == "serve" and _Build.good_once:
        # Keep serving the last good site: a failed rebuild would leave browsers waiting.
        _report(loaded, warnings_as_info=True)  # a warning would fail `serve --strict` and leave browsers waiting
        log.error("lea: de agendadata bevat %d fout(en); u ziet de laatste goede versie van de site", len(loaded.errors))
        _Build.hold = loaded
        _Build.site_dir, _Build.stage = config.site_dir, staging.stage_for(config.site_dir)
        config.site_dir = _Build.stage
        config.nav = []
        return config
    site = _site(config, report=True)  # before anything is written
    _Build.hold = None
    docs = {str(p.relative_to(config.docs_dir)).replace("\\", "/") for p in Path(config.docs_dir).rglob("*.md")}
    config.nav = build_nav(site.agenda, docs | set(generated_pages(site.agenda)))
    config.extra["lea_voorbeeld"] = site.agenda.info.voorbeeld
    config.extra["lea_titel"] = site.agenda.info.titel
    if not _Build.dirty:  # a dirty build updates the site in place, by definition
        _Build.site_dir, _Build.stage = config.site_dir, staging.stage_for(config.site_dir)
        config.site_dir = _Build.stage
    return config


def on_files(files: Files, config) -> Files:
    if _Build.hold is not None:
        return Files([])
    site = _site(config)
    for src, content in generated_pages(site.agenda).items():
        if files.get_file_from_path(src) is None:  # a hand-written page of the same name wins
            files.append(File.generated(config, src, content=content))
    return files


def _strict_warnings() -> int:
    """Warnings MkDocs counted for --strict so far (it aborts after on_post_build when there are any)."""
    handlers = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    return sum(count for h in handlers for _, count in h.get_counts())


def on_post_build(config) -> None:
    if not _Build.stage:
        return
    stage, _Build.stage = _Build.stage, ""
    if _Build.hold is not None:
        staging.discard(stage)
        staging.mark_stale(_Build.site_dir, [str(p) for p in _Build.hold.errors])
        return
    if config.strict and _strict_warnings():
        staging.discard(stage)  # MkDocs aborts next; the last good site stays
        log.error("lea: de site is niet vervangen: er waren waarschuwingen en --strict staat aan")
        return
    staging.publish(stage, _Build.site_dir)
    config.site_dir = _Build.site_dir
    _Build.good_once = True


def on_build_error(error: Exception) -> None:
    if _Build.stage:
        staging.discard(_Build.stage)
        _Build.stage = ""
