"""Class 3 of issue 24: a symbolic link in the site's own docs/ (or theme folder, or data) that leaves its folder
or points into .git is refused: the repository's settings (a token in the remote's address) never reach the site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lea_site.load import load

from .conftest import FIXTURE_TODAY, FIXTURES
from .sitebuild import lea, site_folder

SECRET = "url = https://x-access-token:geheim123@example.nl/lea.git"


def _site(tmp_path: Path) -> Path:
    """A site folder that is a git repository with a remote holding a token, its data inside."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copytree(FIXTURES / "westland", site / "data")
    site_folder(site, site / "data")
    (site / "docs").mkdir(exist_ok=True)
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    with open(site / ".git" / "config", "a", encoding="utf-8") as config:
        config.write(f'[remote "origin"]\n\t{SECRET}\n')
    return site


def _all_text(folder: Path) -> str:
    return "".join(p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*") if p.is_file()) if folder.exists() else ""


LINKS = {
    "into .git": ("docs/instellingen.txt", "../.git/config"),
    "into .git, a folder": ("docs/repo", "../.git"),
    "out of docs, in the site": ("docs/mkdocs.txt", "../mkdocs.yml"),
    "out of the site": ("docs/wachtwoorden.txt", "/etc/passwd"),
    "theme folder into .git": ("overrides/config.html", "../.git/config"),
}


@pytest.mark.parametrize("name", list(LINKS))
@pytest.mark.parametrize("command", ["lea", "mkdocs"])
def test_a_link_out_of_docs_or_into_git_is_refused(tmp_path, name, command):
    site = _site(tmp_path)
    link, target = LINKS[name]
    (site / link).parent.mkdir(exist_ok=True)
    os.symlink(target, site / link)
    if link.startswith("overrides"):
        config = site / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "theme:\n  name: material\n  custom_dir: overrides\n", encoding="utf-8")
    if command == "lea":
        run = lea("build", cwd=site, today=FIXTURE_TODAY)
    else:
        env = {**os.environ, "LEA_TODAY": FIXTURE_TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
        run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=site, env=env, capture_output=True, text=True)
    assert run.returncode != 0, run.stderr
    said = run.stdout + run.stderr  # MkDocs prints its Abort on stdout
    assert "symbolische link" in said and "Traceback" not in said, said
    assert "geheim123" not in _all_text(site / "site") + _all_text(site / "build" / "lea")


def test_a_link_within_docs_is_published(tmp_path):
    site = _site(tmp_path)
    (site / "docs" / "bijlage.txt").write_text("de bijlage\n", encoding="utf-8")
    os.symlink("bijlage.txt", site / "docs" / "ook-bijlage.txt")
    run = lea("build", cwd=site, today=FIXTURE_TODAY)
    assert run.returncode == 0, run.stderr
    assert (site / "site" / "ook-bijlage.txt").read_text(encoding="utf-8") == "de bijlage\n"


def test_a_data_file_linking_into_git_is_not_read(tmp_path):
    site = _site(tmp_path)
    os.symlink("../.git/config", site / "data" / "extra.yml")
    problems = load(site / "data", today=FIXTURE_TODAY).errors
    assert [p for p in problems if "extra.yml" in p.file and ".git" in p.message]
    assert not any("geheim123" in str(p) for p in problems)
