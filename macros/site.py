"""The agenda as the website sees it: loaded once per build, plus 'today'.

Both MkDocs entry points (``__init__.define_env`` for mkdocs-macros and
the generate step and the plugin ``lea``) ask this module, so the data is read
and validated once per build, and again only when a data file changed (``mkdocs serve``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING
from datetime import date
from pathlib import Path

from .load import LoadResult, data_files, load
from .model import Agenda

if TYPE_CHECKING:
    from .sources import Forge  # noqa: F401


@dataclass
class Site:
    agenda: Agenda
    today: date
    result: LoadResult

    def edit_links(self, forge: "Forge", config_file: str | None):
        """A function giving each item's 'Wijziging voorstellen' link (file and line in the repository)."""
        from .render.html import edit_link
        from .sources import positions

        where = positions(self.result)
        # Absolute paths from the load: the positions' names are relative to the folder the data was
        # loaded from, and `lea build` runs the engine in build/lea (a relative name would gain that).
        paths = self.result.paths
        first = next(iter(paths.values()), None)
        root = _repository_root(first.resolve().parent if first else Path.cwd(), config_file)

        def edit(item: object, label: str) -> str:
            pos = where.get(id(item))
            if pos is None or pos.file not in paths:
                return ""
            try:
                path = paths[pos.file].resolve().relative_to(root).as_posix()
            except ValueError:  # data outside the repository: no link rather than a wrong one
                return ""
            return edit_link(forge.edit_url(path, pos.line), label)

        return edit


_cache: dict[str, tuple[tuple, Site | LoadResult]] = {}
_good: dict[str, Site] = {}  # the last valid load of each folder in this process (lea serve shows it while the data is broken)


def _repository_root(start: Path, config_file: str | None) -> Path:
    """The folder holding .git above the data (edit links are relative to it), else mkdocs.yml's folder."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return Path(config_file).resolve().parent if config_file else Path.cwd()


def today() -> date:
    """The build's 'today'; ``LEA_TODAY=2026-11-22`` fixes it for tests and screenshots."""
    value = os.environ.get("LEA_TODAY")
    return date.fromisoformat(value) if value else date.today()


def data_dir(config_file: str | None, extra: dict) -> Path:
    base = Path(config_file).parent if config_file else Path.cwd()
    configured = (extra.get("lea") or {}).get("data", "data")
    return (base / configured).resolve()


def display_root(directory: Path) -> str:
    """The data folder as a path relative to the working directory when possible."""
    try:
        return os.path.relpath(directory)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(directory)


def load_site(directory: Path) -> Site | LoadResult:
    """A :class:`Site`, or the :class:`LoadResult` with the problems when the data has errors."""
    day = today()
    files = data_files(directory) if directory.is_dir() else []
    signature = (day, tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))
    key = str(directory)
    cached = _cache.get(key)
    if cached and cached[0] == signature:
        return cached[1]
    result = load(display_root(directory), day)
    value: Site | LoadResult = Site(result.agenda, day, result) if result.agenda is not None else result
    _cache[key] = (signature, value)
    if isinstance(value, Site):
        _good[key] = value
    return value


def last_good(directory: Path) -> Site | None:
    """The last valid agenda this process loaded from ``directory`` (``lea serve`` renders it, with the
    errors on top of every page, while the data has errors); None when there was none."""
    return _good.get(str(directory))
