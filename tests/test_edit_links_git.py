"""Class 7 of issue 24: 'Wijziging voorstellen' links work, whichever way the site is built.

`lea build` ran the engine in build/lea and wrote 'build/lea/data/...' into every link, and both builds
took MkDocs's own default branch ('master'). Each link must open the file in the repository (its path
from the repository's root, also when the site is a folder inside it) on the branch the README names
(main, or the one edit_uri names), and lea build, plain mkdocs build and Zensical must write the same
links. Checked against real repositories with a remote: every linked file and line exists there."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lea_site.init import init_site

from .sitebuild import lea

TODAY = "2026-11-22"


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "GIT_CONFIG_GLOBAL": "/dev/null"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


def _repository(tmp_path: Path, site_in: str, branch: str, settings: str) -> tuple[Path, Path]:
    """A remote (bare) and a clone holding a site from lea init at ``site_in``, pushed to ``branch``."""
    remote, repo = tmp_path / "remote.git", tmp_path / "werkmap"
    _git(tmp_path, "init", "-q", "--bare", "-b", branch, str(remote))
    _git(tmp_path, "clone", "-q", str(remote), str(repo))
    site = repo / site_in if site_in else repo
    init_site(site, name="Veendam", today=__import__("datetime").date.fromisoformat(TODAY))
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + settings, encoding="utf-8")
    _git(repo, "checkout", "-q", "-b", branch)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "de site")
    _git(repo, "push", "-q", "origin", branch)
    return remote, site


def _edit_links(site_dir: Path) -> list[str]:
    return sorted(a["href"] for page in site_dir.rglob("*.html")
                  for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a.lea-edit"))


def _builds(site: Path, monkeypatch, engines: tuple[str, ...] = ("mkdocs",)) -> dict[str, list[str]]:
    monkeypatch.setenv("LEA_PDF", "nee")  # the PDFs are not what this is about
    out = {}
    for engine in engines:
        run = lea("build", "--engine", engine, "-d", f"site-{engine}", cwd=site, today=TODAY)
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
        out[f"lea build --engine {engine}"] = _edit_links(site / f"site-{engine}")
    env = {**os.environ, "LEA_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", "site-plain"], cwd=site, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    out["mkdocs build"] = _edit_links(site / "site-plain")
    return out


def _check_against_the_remote(links: list[str], pattern: str, remote: Path, branch: str) -> set[str]:
    """Each link's file exists on the remote's branch, and its line starts the item the link is for."""
    files = set()
    for href in links:
        match = re.fullmatch(pattern, href)
        assert match, href
        assert match["branch"] == branch, href
        text = subprocess.run(["git", "--git-dir", str(remote), "show", f"{branch}:{match['path']}"],
                              capture_output=True, text=True)
        assert text.returncode == 0, f"{href}: {match['path']} is not on {branch} in the remote"
        line = text.stdout.splitlines()[int(match["line"]) - 1]
        assert re.match(r"\s*(- )?(id|schooljaar):", line), f"{href}: line {match['line']} is {line!r}"
        files.add(match["path"])
    return files


def test_the_site_at_the_repositorys_root_on_main(tmp_path, monkeypatch):
    remote, site = _repository(tmp_path, "", "main", "repo_url: https://github.com/gemeente-veendam/lea\n")
    builds = _builds(site, monkeypatch, ("mkdocs", "zensical"))
    links = builds["mkdocs build"]
    assert len(links) > 5 and all(found == links for found in builds.values()), {k: v[:2] for k, v in builds.items()}
    files = _check_against_the_remote(links, r"https://github\.com/gemeente-veendam/lea/edit/(?P<branch>[^/]+)/(?P<path>[^#]+)#L(?P<line>\d+)",
                                       remote, "main")
    assert {"data/partners.yml", "data/organisatie.yml"} <= files and not any("build" in f for f in files)


def test_a_site_in_a_folder_of_the_repository_on_the_branch_edit_uri_names(tmp_path, monkeypatch):
    remote, site = _repository(tmp_path, "sites/veendam", "productie",
                               "repo_url: https://github.com/gemeente-veendam/websites\nedit_uri: edit/productie/docs/\n")
    builds = _builds(site, monkeypatch)
    links = builds["mkdocs build"]
    assert links and builds["lea build --engine mkdocs"] == links
    files = _check_against_the_remote(links, r"https://github\.com/gemeente-veendam/websites/edit/(?P<branch>[^/]+)/(?P<path>[^#]+)#L(?P<line>\d+)",
                                       remote, "productie")
    assert all(f.startswith("sites/veendam/data/") for f in files)


def test_gitlab_on_main(tmp_path, monkeypatch):
    remote, site = _repository(tmp_path, "lea", "main", "repo_url: https://gitlab.com/gemeente-veendam/lea\n")
    builds = _builds(site, monkeypatch)
    links = builds["mkdocs build"]
    assert links and builds["lea build --engine mkdocs"] == links
    _check_against_the_remote(links, r"https://gitlab\.com/gemeente-veendam/lea/-/edit/(?P<branch>[^/]+)/(?P<path>[^#]+)#L(?P<line>\d+)",
                              remote, "main")


def test_the_generated_config_names_the_branch(tmp_path, monkeypatch):
    """MkDocs's own default (edit/master/docs/) never reaches the engine: the generate step writes the branch."""
    _, site = _repository(tmp_path, "", "main", "repo_url: https://github.com/gemeente-veendam/lea\n")
    monkeypatch.setenv("LEA_PDF", "nee")
    assert lea("build", cwd=site, today=TODAY).returncode == 0
    assert "edit_uri: edit/main/docs/" in (site / "build" / "lea" / "mkdocs.yml").read_text(encoding="utf-8")
