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
    from .sources import Forge

    def view() -> View:
        site = load_site(data_dir(env.conf.config_file_path, env.conf.extra))
        if not isinstance(site, Site):  # pragma: no cover - the hook aborts first
            raise RuntimeError("agendadata bevat fouten; draai 'lea check'")
        page_url = env.page.url if env.page is not None else ""
        directory_urls = env.conf.use_directory_urls
        forge = Forge.from_config(env.conf.repo_url, env.conf.edit_uri)
        edit = site.edit_links(forge, env.conf.config_file_path) if forge else None
        link = lambda target: relative(page_url, url_of(target, directory_urls))  # noqa: E731
        return View(site.agenda, site.today, link, edit) if edit else View(site.agenda, site.today, link)

    for name, spec in MACROS.items():
        env.macro(_bind(spec.render, view), name)


def _bind(render, view):
    def macro(*args: Any, **kwargs: Any) -> str:
        return render(view(), *args, **kwargs)

    macro.__doc__ = render.__doc__
    return macro
