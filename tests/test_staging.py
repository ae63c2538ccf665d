"""A failed build leaves the last good site untouched; `mkdocs serve` keeps serving it when the data breaks."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import DATA, DEMO_TODAY, ROOT
from .sitebuild import build, write_config


@pytest.fixture
def good_site(tmp_path: Path):
    """A site folder with a copy of docs/ as its own pages, data/, and a site built from them."""
    docs, data = tmp_path / "out" / "docs", tmp_path / "data"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copytree(DATA, data)
    run = build(data, tmp_path / "out", DEMO_TODAY.isoformat())
    assert run.returncode == 0, run.stderr
    site = tmp_path / "out" / "site"
    return docs, data, site, {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")}


def _unchanged(site: Path, before: dict) -> None:
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")}
    assert after == before
    assert not list(site.parent.glob("site.lea-*")), "no half-built folder is left behind"


def test_a_crash_while_rendering_leaves_the_site_untouched(good_site, tmp_path: Path):
    docs, data, site, before = good_site
    (docs / "kapot.md").write_text('# Kapot\n\n{{ ambition_page("bestaat-niet") }}\n', encoding="utf-8")
    run = build(data, tmp_path / "out", DEMO_TODAY.isoformat())
    assert run.returncode != 0
    _unchanged(site, before)


def test_a_strict_warning_leaves_the_site_untouched(good_site, tmp_path: Path):
    docs, data, site, before = good_site
    (docs / "over.md").write_text((docs / "over.md").read_text(encoding="utf-8") + "\n[weg](bestaat-niet.md)\n", encoding="utf-8")
    run = build(data, tmp_path / "out", DEMO_TODAY.isoformat())
    assert run.returncode != 0 and "strict" in run.stderr
    _unchanged(site, before)


def test_invalid_data_leaves_the_site_untouched(good_site, tmp_path: Path):
    docs, data, site, before = good_site
    (data / "partners.yml").write_text("partners:\n  - id: x\n    naam: [\n", encoding="utf-8")
    run = build(data, tmp_path / "out", DEMO_TODAY.isoformat())
    assert run.returncode != 0 and "partners.yml" in run.stderr
    _unchanged(site, before)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 20) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # a hanging server fails here
        return response.read().decode("utf-8")


def _wait_for(condition, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_serve_keeps_the_last_good_site_when_the_data_breaks(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    config = write_config(data, tmp_path / "cfg", watch=[str(data)])
    port = _free_port()
    env = {**os.environ, "LEA_TODAY": DEMO_TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/partners/"
    try:
        def up() -> bool:
            try:
                return "Partners" in _get(url, 5)
            except OSError:
                return False

        _wait_for(up)
        partners = data / "partners.yml"
        good = partners.read_text(encoding="utf-8")
        partners.write_text(good.replace("partners:", "partners:\n  - id: Kapot Partner\n    naam: x\n", 1), encoding="utf-8")
        _wait_for(lambda: "niet bijgewerkt" in _get(url))
        page = _get(url)
        assert "ongeldig id" in page and "Kapot Partner" in page  # the problem, escaped, on the page
        assert "Jeugdgezondheidszorg" in page or "<table" in page  # and the last good content
        partners.write_text(good, encoding="utf-8")
        _wait_for(lambda: "niet bijgewerkt" not in _get(url))
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "Traceback" not in output, output[-3000:]
