"""The MkDocs plugin ``lea`` (``plugins: [lea]`` in mkdocs.yml): plain ``mkdocs build`` and
``mkdocs serve`` in any LEA site folder, as MkDocs users expect.

A thin shell around the generate step that ``lea build`` runs too. ``on_config``
checks the data (stopping before anything is written), writes ``build/lea/``
(:mod:`lea_site.generate`) and hands MkDocs the config found there, so both ways
build the very same site: same pages, navigation, theme, plugins and extensions.
From the command line it keeps only what MkDocs users set there (``-d``,
``--strict``, ``-a``, the address ``mkdocs serve`` serves on).

What the build itself adds, under the name ``lea-build`` in that config's plugins:

* the site is built aside and replaces the old one only when the whole build
  succeeded (:mod:`lea_site.staging`); ``mkdocs serve`` with broken data keeps
  showing the last good site, with a notice;
* Material's search looks up headings through a table instead of walking the
  table of contents per heading (quadratic on long pages);
* the search index gets one entry per activity that links to its row
  (:mod:`lea_site.search`): searching "peuteropvang" finds the row, not just the page;
* the PDFs are typeset by Typst and put into the site at the end; a failed PDF keeps
  the last good site (``--dirty``, which writes the site in place, typesets them before
  MkDocs begins).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.utils import CountHandler

from . import staging
from .exports.pdf import PdfError, Typesetting
from .generate import BUILD, PACKAGE, ConfigError, generate, product_folder, read_config
from .load import LoadResult
from .render.macros import waits_for_pdfs
from .site import data_dir

log = logging.getLogger("mkdocs.plugins.lea")


class _Build:
    """What one process knows across builds: the command, whether a build succeeded, where the site goes."""

    command = "build"
    dirty = False
    good_once = False  # a build of this process succeeded (mkdocs serve has a last good site)
    site_dir = ""
    stage = ""
    hold: LoadResult | None = None  # serve: broken data, keep showing the last good site
    typesetting: Typesetting | None = None  # the PDFs, typeset while MkDocs builds; put in the site at the end


def _report(loaded: LoadResult, warnings_as_info: bool = False) -> None:
    for problem in loaded.problems:
        if problem.is_error:
            log.error("%s", problem)
        else:
            (log.info if warnings_as_info else log.warning)("lea: %s", problem)


class LeaPlugin(BasePlugin):
    """``plugins: [lea]``: the site's own mkdocs.yml stays short; the product supplies the rest."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        _Build.command, _Build.dirty = command, dirty

    @event_priority(-100)  # last: the config handed on is the generated one
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        own = Path(config.config_file_path).resolve()
        # mkdocs serve watches this (the site's own) config: the data, and the product's pages,
        # theme and code too (they change while working on this repository).
        watched = {Path(w).resolve() for w in config.watch}
        for folder in (data_dir(str(own), config.extra), product_folder("docs"), product_folder("overrides"), PACKAGE):
            if folder not in watched and folder.is_dir():
                config.watch.append(str(folder))
        try:  # the folder the site replaces as a whole: the same refusals as lea build (staging.unsafe_target)
            unsafe = staging.unsafe_target(Path(config.site_dir), own, read_config(own))
        except ConfigError as err:
            raise Abort(str(err)) from None
        if unsafe:
            raise Abort(f"mkdocs {_Build.command}: {unsafe}")
        try:
            # The PDFs are typeset and put into the staged site at the end; a dirty build writes the site in
            # place, so it typesets them first (a failed PDF then changes nothing).
            made = generate(own, pdf=False if _Build.command == "serve" else None, pdf_later=not _Build.dirty)
        except ConfigError as err:
            raise Abort(str(err)) from None
        generated = own.parent / BUILD / "mkdocs.yml"
        if isinstance(made, LoadResult):
            if not (_Build.command == "serve" and _Build.good_once and generated.is_file()):
                _report(made)
                raise Abort(f"De agendadata bevat {len(made.errors)} fout(en); de site is niet gebouwd "
                            "(zie hierboven, of draai 'lea check').")
            # Keep serving the last good site: a failed rebuild would leave browsers waiting.
            _report(made, warnings_as_info=True)  # a warning would fail `serve --strict`
            log.error("lea: de agendadata bevat %d fout(en); u ziet de laatste goede versie van de site", len(made.errors))
            _Build.hold = made
        else:
            _Build.hold = None
            _Build.typesetting = made.typesetting
            for problem in made.site.result.warnings:
                log.info("lea: %s", problem)
        try:
            return _inner_config(config, generated)
        except BaseException:  # MkDocs tells only the outer config's plugins: stop the workers, drop the stage
            _abandon()
            raise


def _inner_config(config: MkDocsConfig, generated: Path) -> MkDocsConfig:
    """The generated config, loaded with what MkDocs users set on the command line, as the build's own."""
    inner = load_config(str(generated), site_dir=config.site_dir, strict=config.strict,
                        dev_addr=str(config.dev_addr), use_directory_urls=config.use_directory_urls)
    inner.site_url = config.site_url or inner.site_url  # mkdocs serve sets its own address
    if _Build.hold is not None:
        inner.nav = []
    inner.plugins["lea-build"] = _BuildSteps()
    inner.plugins.on_startup(command=_Build.command, dirty=_Build.dirty)
    if not _Build.dirty or _Build.hold is not None:  # a dirty build updates the site in place
        _Build.site_dir, _Build.stage = inner.site_dir, staging.stage_for(inner.site_dir)
        inner.site_dir = _Build.stage
    return inner.plugins.on_config(inner)


class _BuildSteps(BasePlugin):
    """Steps of the build of the generated config (MkDocs runs the events of that config's plugins)."""

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if _Build.hold is not None:
            return Files([])
        if Typesetting.announced is None:
            return files
        # MkDocs renders the pages in this order (the root folder's first). A page that shows a PDF's size
        # waits for Typst, so it comes last: the other pages are built while the PDFs are typeset.
        return Files(sorted(files, key=lambda f: f.is_documentation_page() and waits_for_pdfs(f.content_string)))

    @event_priority(100)  # before the search plugin reads the page
    def on_page_context(self, context, page, config, nav):
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

    @event_priority(-100)  # after Material's search plugin wrote its index; publishing comes last
    def on_post_build(self, config: MkDocsConfig) -> None:
        if _Build.hold is None:
            _search_rows(config)
        _put_in_pdfs(config)
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
        (Path(stage) / staging.MARK).write_text("Gebouwd door lea; deze map wordt bij elke bouw vervangen.\n", encoding="utf-8")
        staging.publish(stage, _Build.site_dir)
        config.site_dir = _Build.site_dir
        _Build.good_once = True

    def on_build_error(self, *, error: Exception) -> None:
        _abandon()


def _abandon() -> None:
    """A build that failed: the PDF workers stop, the staged site goes; the last good site stays."""
    if _Build.typesetting is not None:
        _Build.typesetting.close()
        _Build.typesetting = None
    if _Build.stage:
        staging.discard(_Build.stage)
        _Build.stage = ""


def _put_in_pdfs(config: MkDocsConfig) -> None:
    """The PDFs, typeset by Typst, into the (staged) site. A failed
    PDF stops the build before the site is replaced: the last good site stays."""
    typesetting, _Build.typesetting = _Build.typesetting, None
    if typesetting is None:
        return
    try:
        typesetting.write_into(Path(config.site_dir))
    except PdfError as err:
        raise Abort(f"PDF: {err}; de vorige site staat er nog") from None


def _search_rows(config: MkDocsConfig) -> None:
    """Each activity in Material's search index, linking to its row (lea_site.search)."""
    from .search import MKDOCS_INDEX, extend_index, row_entries, year_boosts
    from .site import Site, load_site

    index = Path(config.site_dir) / MKDOCS_INDEX
    site = load_site(data_dir(str(config.config_file_path), config.extra))
    if index.is_file() and isinstance(site, Site):
        extend_index(index, row_entries(site.agenda, site.today), config.use_directory_urls, year_boosts(site.agenda, site.today))


def _strict_warnings() -> int:
    """Warnings MkDocs counted for --strict so far (it aborts after on_post_build when there are any)."""
    handlers = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    return sum(count for h in handlers for _, count in h.get_counts())
