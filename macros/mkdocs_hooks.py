"""MkDocs hooks (``hooks:`` in mkdocs.yml): stop on bad data, add generated pages and navigation.

A thin shell: which pages exist and what the navigation holds is decided by
:mod:`macros.render.nav`; the pages' content is rendered by the macros.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files

from macros.blocks import STASH, BlockError
from macros.render.nav import build_nav
from macros.render.paths import generated_pages
from macros.site import Site, data_dir, load_site

log = logging.getLogger("mkdocs.plugins.lea")


def _site(config, report: bool = False) -> Site:
    loaded = load_site(data_dir(config.config_file_path, config.extra))
    if isinstance(loaded, Site):
        for problem in loaded.result.warnings if report else ():
            log.info("lea: %s", problem)
        return loaded
    for problem in loaded.problems:
        (log.error if problem.is_error else log.warning)("%s", problem)
    raise Abort(f"De agendadata bevat {len(loaded.errors)} fout(en); de site is niet gebouwd (zie hierboven, of draai 'lea check').")


def on_config(config):
    site = _site(config, report=True)  # before anything is written to site/
    docs = {str(p.relative_to(config.docs_dir)).replace("\\", "/") for p in __import__("pathlib").Path(config.docs_dir).rglob("*.md")}
    config.nav = build_nav(site.agenda, docs | set(generated_pages(site.agenda)))
    config.extra["lea_voorbeeld"] = site.agenda.info.voorbeeld
    config.extra["lea_titel"] = site.agenda.info.titel
    return config


def on_files(files: Files, config) -> Files:
    site = _site(config)
    for src, content in generated_pages(site.agenda).items():
        if files.get_file_from_path(src) is None:  # a hand-written page of the same name wins
            files.append(File.generated(config, src, content=content))
    return files


def on_pre_page(page, config, files):
    STASH.start(page.file.src_uri)
    return page


def on_page_content(html: str, page, config, files) -> str:
    """Put back the HTML blocks the macros kept out of the Markdown pass."""
    try:
        return STASH.restore(page.file.src_uri, html)
    except BlockError as error:
        raise PluginError(str(error)) from None
