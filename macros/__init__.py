"""mkdocs-macros entry point, for MkDocs (the plugin) and Zensical (its macros extension).

A thin shell that registers the page macros. Loading and validation happen in
:mod:`lea_site.site` (``lea build`` and the generate step have already stopped on
bad data); every macro is a pure renderer from :mod:`lea_site.render.macros`, given
the agenda, 'today' and a function that makes links relative to the current page.

Engine-neutral: the config is read by key (MkDocs' config is a mapping, Zensical
passes a plain dict), and finished HTML is only *marked* here; the Markdown
extension :mod:`lea_site.blocks` keeps it out of Markdown and puts it back.
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    # The one version is pyproject.toml's; installed (also editable), the package metadata carries it.
    __version__ = version("lea-site")
except PackageNotFoundError:  # pragma: no cover - imported from a checkout that was never installed
    __version__ = "0+onbekend"


def _root(conf: Any) -> str:
    """The site folder: Zensical sets ``root_dir``, MkDocs knows ``config_file_path``."""
    root = conf.get("root_dir")
    if root:
        return str(root)
    path = conf.get("config_file_path")
    return os.path.dirname(path) if path else os.getcwd()


def define_env(env: Any) -> None:
    from .blocks import mark
    from .exports.typeset import size_of
    from .render.changed import read_changed
    from .render.documents import read_facts
    from .render.html import no_edit
    from .render.macros import MACROS
    from .render.pages import View
    from .render.paths import relative, url_of
    from .site import Site, data_dir, last_good, load_site
    from .sources import Forge

    conf = env.conf
    root = _root(conf)
    config_file = conf.get("config_file_path") or os.path.join(root, "mkdocs.yml")
    docs_dir = os.path.join(root, conf.get("docs_dir") or "docs")  # absolute under MkDocs: join keeps it
    checks = _recorded_checks(docs_dir)

    made_for: list = [object(), None]  # the page the last view was made for, and that view

    def view() -> View:
        # One view per page, not per macro call: a page calls several macros, and making a view looks at
        # every data file (has one changed?) and reads the edit positions.
        if made_for[0] is env.page:
            return made_for[1]
        data = data_dir(config_file, conf.get("extra") or {})
        site = load_site(data)
        if not isinstance(site, Site) and (conf.get("extra") or {}).get("lea_fouten"):
            site = last_good(data)  # lea serve: the last good pages, under the errors it put in the config
        if not isinstance(site, Site):  # pragma: no cover - the generate step stops first
            raise RuntimeError("agendadata bevat fouten; draai 'lea check'")
        page_url = _link_base(env.page)
        directory_urls = conf.get("use_directory_urls", True)
        forge = Forge.from_config(conf.get("repo_url"), conf.get("edit_uri"))
        edit = site.edit_links(forge, config_file) if forge else None
        link = lambda target: relative(page_url, url_of(target, directory_urls))  # noqa: E731
        made = View(site.agenda, site.today, link, edit or no_edit, checks)
        made.downloads = frozenset((conf.get("extra") or {}).get("lea_downloads") or ())
        made.files = read_facts((conf.get("extra") or {}).get("lea_documenten"), size_of)  # a PDF's size waits for it
        made.changed = read_changed((conf.get("extra") or {}).get("lea_gewijzigd"))
        made.history = lambda: _history(data, root)
        made_for[:] = [env.page, made]
        return made

    for name, spec in MACROS.items():
        env.macro(_bind(spec.render, view, mark), name)


def _history(data: Any, root: str) -> Any:
    """The data's git history, read with the cache the generate step wrote (cheap: no old version is loaded
    again). The same cache file as the generate step's (lea_site.exports.export_files): in the user's cache,
    else beside the build."""
    from pathlib import Path

    from .exports.changes import cache_file, history

    from .site import today

    return history(data, cache_file(data) or Path(root) / "wijzigingen.json", today=today())


def _link_base(page: Any) -> str:
    """The URL that relative links in the page's HTML are resolved against.

    MkDocs leaves raw HTML alone: links are relative to the page's own URL
    (``ambities/vve/``). Zensical rewrites every relative link after rendering, raw
    HTML included, as if it were written relative to the source file
    (``ambities/vve.md``); so there, links start from the source file's folder.
    """
    if page is None:
        return ""
    if getattr(page, "file", None) is not None:  # MkDocs
        return page.url
    folder = os.path.dirname(getattr(page, "path", "") or "").replace("\\", "/")  # Zensical: docs-relative path
    return folder + "/" if folder else ""


def _recorded_checks(docs_dir: str) -> dict:
    """Browser-test outcomes recorded by tests/browser, shown in the accessibility statement."""
    import json
    from pathlib import Path

    path = Path(docs_dir) / "assets" / "toegankelijkheid.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _bind(render, view, mark):
    from .glossary import agenda_glossary, agenda_names
    from .terms import page_terms

    def macro(*args: Any, **kwargs: Any) -> str:
        made = view()
        # Glossary terms in the data text are marked here and explained once the page is whole
        # (lea_site.terms; the Markdown extension lea_site.blocks resolves them in page order).
        with page_terms(agenda_glossary(made.agenda), agenda_names(made.agenda)):
            return mark(render(made, *args, **kwargs))

    macro.__doc__ = render.__doc__
    return macro
