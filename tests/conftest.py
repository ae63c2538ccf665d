"""Shared test helpers: paths and the fixed 'today' the data is checked against."""

from __future__ import annotations

import fcntl
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from .sitebuild import build

# Site builds in the tests skip the PDFs (seconds each, for every new data set); tests/test_pdf.py
# makes them itself, and builds a site with them (LEA_PDF=ja) to see that lea build links them.
os.environ.setdefault("LEA_PDF", "nee")
# The builds of the tests cache PDFs and Wijzigingen in a folder of their own, not in the user's.
os.environ.setdefault("LEA_CACHE", str(Path(tempfile.gettempdir()) / f"lea-test-cache-{os.getuid()}"))

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = ROOT / "tests" / "fixtures"
DEMO_TODAY = date(2026, 11, 22)  # the demo data's "now": the current school year is 2026-2027
FIXTURE_TODAY = date(2022, 6, 1)
# The smallest valid agenda section, for tests that build a data folder of their own.
MINIMAL_AGENDA = """\
agenda:
  titel: Testagenda
  regio: {naam: Testdorp, gemeenten: [Testdorp]}
  periode: {van: 2021, tot: 2024}
  vaststelling: {status: concept}
"""


@pytest.fixture
def root() -> Path:
    return ROOT


# --- sites built once per run --------------------------------------------------------------

SITE_DATA = {"demo": (DATA, DEMO_TODAY)} | {
    p.name: (p, FIXTURE_TODAY) for p in sorted(FIXTURES.iterdir()) if p.is_dir()}


@dataclass(frozen=True)
class BuiltSite:
    name: str
    site: Path  # the built site (read it, never change it: other tests share it)
    stderr: str  # what the build printed (warnings)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Callable[[str], BuiltSite]:
    """name -> the demo or a fixture built once with plain ``mkdocs build --strict`` (the default settings).

    Many test files only read such a site; building it once per run instead of once per file saves
    minutes in CI. Under pytest-xdist the workers share one folder and take turns with a file lock
    (fcntl: Linux, as CI), so each site is built by the first worker that needs it.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = shared / "lea-built-sites"
    folder.mkdir(exist_ok=True)
    cache: dict[str, BuiltSite] = {}

    def get(name: str) -> BuiltSite:
        if name not in cache:
            data, today = SITE_DATA[name]
            out = folder / name
            with open(folder / f"{name}.lock", "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                log = out / "build.log"
                if not log.exists():
                    run = build(data, out, today.isoformat())
                    assert run.returncode == 0, run.stderr
                    log.write_text(run.stderr, encoding="utf-8")
            cache[name] = BuiltSite(name, out / "site", log.read_text(encoding="utf-8"))
        return cache[name]

    return get
