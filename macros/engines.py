"""The engines that turn the generated folder into a site: MkDocs + Material today, Zensical tomorrow.

Both read ``build/lea/mkdocs.yml`` as :mod:`lea_site.generate` wrote it.
``lea build`` runs the engine in its own process (:func:`build`): the model is
imported and the data loaded once, and the macros get the agenda the check just
validated (:func:`lea_site.site.load_site` keeps it). ``lea serve`` runs the
engine's own server as a process of its own, which it restarts when needed.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import shutil
import sys
from pathlib import Path

ENGINES = ("mkdocs", "zensical")


class EngineMissing(Exception):
    pass


def _zensical() -> str:
    if importlib.util.find_spec("zensical") is None:
        raise EngineMissing("Zensical is niet geïnstalleerd; installeer het met: pip install 'lea-site[zensical]'")
    beside = Path(sys.executable).parent / "zensical"
    return str(beside) if beside.exists() else (shutil.which("zensical") or "zensical")


def serve_engine() -> str:
    """The engine of ``lea serve`` when none is named: Zensical when it is installed. Only Zensical shows a
    saved change within the targets (benchmarks/serve_latency.py, 2026-12-07: demo 0.7 s, 1,000 actions
    1.6-2.3 s; MkDocs 1.4-1.7 s and 3.1 s, as its theme and search plugin cost more per full rebuild)."""
    return "zensical" if importlib.util.find_spec("zensical") is not None else "mkdocs"


def available(engine: str) -> None:
    """:class:`EngineMissing` when the engine is not installed."""
    if engine == "zensical":
        _zensical()


@contextlib.contextmanager
def _in(folder: Path):
    """Relative paths in the config are relative to its folder, as when the engine's command runs there."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def build(engine: str, config: Path, *, strict: bool, verbose: bool = False) -> int:
    """Build the site that ``config`` describes in this process; the exit status (0: built). The engine's own
    progress lines (MkDocs', mkdocs-macros') only with ``verbose``: its warnings and errors always."""
    available(engine)
    with _in(config.parent):
        try:
            if engine == "zensical":
                import zensical

                # clean: Zensical's cache does not know that pages depend on the data and on today.
                zensical.build(str(config), {"clean": True, "strict": strict})
                from .search import add_rows_to_zensical

                add_rows_to_zensical(config)  # each activity findable with its row (lea_site.search)
                return 0
            return _mkdocs_build(config, strict=strict, verbose=verbose)
        except SystemExit as stop:  # an engine that gives up the way its command line does
            code = stop.code if isinstance(stop.code, int) else 1
            if stop.code and not isinstance(stop.code, int):
                print(stop.code, file=sys.stderr)
            return code
        except Exception as err:  # noqa: BLE001 - the engine's own failure, said in one line
            print(f"{engine}: {err}", file=sys.stderr)
            return 1


def _mkdocs_build(config: Path, *, strict: bool, verbose: bool = False) -> int:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .mkdocs_plugin import _BuildSteps

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    log = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log.addHandler(handler)
    level, log.level = log.level, logging.INFO if verbose else logging.WARNING
    try:
        site = load_config(str(config), strict=strict)
        site.plugins["lea-build"] = _BuildSteps()  # Material's search, linear on long pages
        mkdocs_build(site)
        return 0
    except MkDocsException as err:
        print(f"mkdocs: {err}", file=sys.stderr)
        return 1
    finally:
        log.removeHandler(handler)
        log.setLevel(level)


def serve_command(engine: str, config: Path, address: str, verbose: bool = False) -> list[str]:
    if engine == "zensical":
        return [_zensical(), "serve", "-f", str(config), "-a", address]
    # --quiet: MkDocs' and mkdocs-macros' progress lines only when asked (lea serve prints its own line)
    return [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", address, *([] if verbose else ["--quiet"])]
