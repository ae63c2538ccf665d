"""Class 5 of issue 24: repo_url and site_url become links in every page, the feeds and the PDFs, so only
https:// (and http:// on this computer) is accepted, by lea check, lea build and plain mkdocs build."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from lea_site.housestyle import address_problem

from .conftest import FIXTURE_TODAY, FIXTURES
from .sitebuild import lea, site_folder


@pytest.mark.parametrize("value", [
    "javascript://example.nl/%0Aalert(document.domain)", "JavaScript:alert(1)", "data:text/html,<script>x</script>",
    "http://www.example.nl/", "https://gebruiker:token@github.com/gemeente/lea", "vbscript://x", "ftp://example.nl/",
    "https://example.nl/\" onmouseover=\"x", "https://exa mple.nl", "//example.nl/lea/", "https://example.nl/\u202e",
])
def test_an_address_that_is_not_https_is_refused(value):
    assert address_problem(value)


@pytest.mark.parametrize("value", ["https://www.example.nl/lea/", "https://github.com/gemeente/lea", "http://localhost:8000/",
                                   "http://127.0.0.1:8000/lea/", "https://GITLAB.example.nl:8443/a/b"])
def test_https_and_a_local_preview_are_accepted(value):
    assert address_problem(value) is None


def _site(tmp_path, key: str, value: str):
    site = site_folder(tmp_path / "site", FIXTURES / "westland")
    (site / "docs").mkdir(exist_ok=True)
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + f"{key}: '{value}'\n", encoding="utf-8")
    return site, text.count("\n") + 1


@pytest.mark.parametrize("key", ["repo_url", "site_url"])
def test_check_and_both_builds_refuse_a_javascript_address_naming_the_line(tmp_path, key):
    site, line = _site(tmp_path, key, "javascript://example.nl/%0Aalert(1)")
    checked = lea("check", str(FIXTURES / "westland"), "-f", "mkdocs.yml", cwd=site, today=FIXTURE_TODAY)
    assert checked.returncode == 1 and f"mkdocs.yml:{line}: {key}: " in checked.stdout, checked.stdout
    built = lea("build", cwd=site, today=FIXTURE_TODAY)
    assert built.returncode != 0 and key in built.stderr and not (site / "site").exists()
    env = {**os.environ, "LEA_TODAY": FIXTURE_TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=site, env=env, capture_output=True, text=True)
    assert plain.returncode != 0 and key in plain.stdout + plain.stderr and not (site / "site").exists()


def test_an_address_from_the_environment_is_checked_too(tmp_path, monkeypatch):
    site = site_folder(tmp_path / "site", FIXTURES / "westland")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_url: !ENV [LEA_TEST_ADRES, 'https://www.example.nl/']\n",
                      encoding="utf-8")
    monkeypatch.setenv("LEA_TEST_ADRES", "javascript:alert(1)")
    built = lea("build", cwd=site, today=FIXTURE_TODAY)
    assert built.returncode != 0 and "site_url" in built.stderr
