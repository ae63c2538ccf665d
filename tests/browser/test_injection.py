"""Every page of a site whose every text field holds script payloads, opened in Chromium: no dialog fires."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from ..conftest import DATA, DEMO_TODAY
from ..injection import PAYLOADS, SINGLE, inject
from ..sitebuild import build
from .conftest import QuietServer, _Quiet, page_urls

pytestmark = pytest.mark.browser

# Marks a script could leave besides a dialog.
PROBE = "() => [document.title, window.__lea_pwned || null, document.querySelectorAll('[onfocus],[onerror],[onload],[onclick]').length]"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    inject(DATA, tmp / "data", PAYLOADS["all"], SINGLE)
    run = build(tmp / "data", tmp / "out", DEMO_TODAY.isoformat(), strict=False)
    assert run.returncode == 0, run.stderr[-3000:]
    root = tmp / "out" / "site"
    server = QuietServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", root
    server.shutdown()
    server.server_close()


def test_no_dialog_on_any_page(hostile_site, browser):
    base, root = hostile_site
    dialogs: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    pages = page_urls(root)
    assert len(pages) > 15
    for path in pages:
        page.goto(base + path)
        page.wait_for_load_state("load")
        for _ in range(5):  # focus moves: onfocus handlers would fire now
            page.keyboard.press("Tab")
        _, pwned, handlers = page.evaluate(PROBE)
        assert handlers == 0 and pwned is None, path
    page.close()
    assert not dialogs, dialogs
