"""The engines that turn the generated folder into a site: MkDocs + Material today, Zensical tomorrow.

Both read ``build/lea/mkdocs.yml`` as :mod:`lea_site.generate` wrote it. Each runs
in a process of its own, so its logging and caches stay its own.
"""

from __future__ import annotations

import importlib.util
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


def build_command(engine: str, config: Path, *, strict: bool) -> list[str]:
    if engine == "zensical":
        # --clean: Zensical's cache does not know that pages depend on the data and on today.
        return [_zensical(), "build", "-f", str(config), "--clean", *(["--strict"] if strict else [])]
    return [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "--clean", *(["--strict"] if strict else [])]


def serve_command(engine: str, config: Path, address: str) -> list[str]:
    if engine == "zensical":
        return [_zensical(), "serve", "-f", str(config), "-a", address]
    return [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", address]
