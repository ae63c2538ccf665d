"""Browser fixtures: Debian's chromium driven by Playwright, and the built sites served on localhost.

Without chromium these tests skip with how to install it; with ``CI`` set they fail instead.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

from ..conftest import DATA, DEMO_TODAY, SITE_DATA
from lea_site.accessibility import page_urls  # noqa: F401 - the browser tests visit the pages the command visits

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).parent.parent / "js" / "node_modules" / "axe-core" / "axe.min.js"
SITES = SITE_DATA  # name -> (data folder, today): the demo and each fixture


def _missing(what: str, how: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} ontbreekt in CI: {how}")
    pytest.skip(f"{what} ontbreekt; installeer met: {how}")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _missing("chromium", "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        _missing("axe-core", "npm ci --prefix tests/js")
    return AXE.read_text(encoding="utf-8")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A server for the browser: a page that stops loading a file (a download, a next page) is no error."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def sites(built_site) -> dict[str, tuple[str, Path]]:
    """name -> (base URL, site folder) for the demo and each fixture, served on 127.0.0.1."""
    served = {}
    servers = []
    for name in SITES:
        root = built_site(name).site
        server = QuietServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        served[name] = (f"http://127.0.0.1:{server.server_address[1]}/", root)
    yield served
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def demo_first_ambition() -> str:
    from lea_site.load import load

    agenda = load(DATA, DEMO_TODAY).agenda
    assert agenda is not None
    return agenda.ambities[0].id
