"""mkdocs-macros entry point: a thin shell that registers the page macros.

Loading and validation happen in :mod:`macros.site` (the hook in
``mkdocs_hooks.py`` has already stopped the build if the data is wrong); every
macro is a pure renderer from :mod:`macros.render.macros`, given the agenda,
'today' and a function that makes links relative to the current page.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    from .render.macros import MACROS
    from .render.pages import View
    from .render.paths import relative, url_of
    from .site import Site, data_dir, load_site
    from .render.html import no_edit
    from .sources import Forge
    from .blocks import STASH

    checks = _recorded_checks(env.conf.docs_dir)

    def view() -> View:
        site = load_site(data_dir(env.conf.config_file_path, env.conf.extra))
        if not isinstance(site, Site):  # pragma: no cover - the hook aborts first
            raise RuntimeError("agendadata bevat fouten; draai 'lea check'")
        page_url = env.page.url if env.page is not None else ""
        directory_urls = env.conf.use_directory_urls
        forge = Forge.from_config(env.conf.repo_url, env.conf.edit_uri)
        edit = site.edit_links(forge, env.conf.config_file_path) if forge else None
        link = lambda target: relative(page_url, url_of(target, directory_urls))  # noqa: E731
        return View(site.agenda, site.today, link, edit or no_edit, checks)

    def hide(markdown: str) -> str:
        # Finished HTML skips the Markdown pass; the hook puts it back (see macros.blocks).
        return STASH.hide(env.page.file.src_uri, markdown) if env.page is not None else markdown

    for name, spec in MACROS.items():
        env.macro(_bind(spec.render, view, hide), name)


def _recorded_checks(docs_dir: str) -> dict:
    """Browser-test outcomes recorded by tests/browser, shown in the accessibility statement."""
    import json
    from pathlib import Path

    path = Path(docs_dir) / "assets" / "toegankelijkheid.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _bind(render, view, hide):
    def macro(*args: Any, **kwargs: Any) -> str:
        return hide(render(view(), *args, **kwargs))

    macro.__doc__ = render.__doc__
    return macro
