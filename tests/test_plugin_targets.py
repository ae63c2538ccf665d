"""Class 6 of issue 24: plain ``mkdocs build -d X`` (the plugin ``lea``) refuses the same site folders as
``lea build -d X``: the data, the pages, the site folder itself, a repository, a folder of someone else's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURE_TODAY, FIXTURES
from .sitebuild import lea, site_folder

TARGETS = ["data", "data/ambities", "docs", ".", "..", "build", "build/lea", "eigen-map", "pages-repo", "nieuw", "vorige-site"]


def _folder(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "westland", tmp_path / "data")
    folder = site_folder(tmp_path, tmp_path / "data")
    (folder / "docs").mkdir()
    (folder / "docs" / "eigen.md").write_text("# Eigen pagina\n", encoding="utf-8")
    (folder / "eigen-map").mkdir()
    (folder / "eigen-map" / "belangrijk.txt").write_text("niet weggooien", encoding="utf-8")
    (folder / "pages-repo" / ".git").mkdir(parents=True)
    (folder / "pages-repo" / "index.html").write_text("<p>oud</p>", encoding="utf-8")
    (folder / "pages-repo" / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (folder / "vorige-site").mkdir()  # a site MkDocs made before: replaced
    (folder / "vorige-site" / "index.html").write_text("<p>oud</p>", encoding="utf-8")
    (folder / "vorige-site" / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    return folder


def _state(tmp_path: Path) -> dict[str, bytes]:
    """Every file of the folder but the generate step's build/ (written before the plugin refuses)."""
    return {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*")
            if p.is_file() and "build" not in p.relative_to(tmp_path).parts}


@pytest.mark.parametrize("target", TARGETS)
def test_mkdocs_build_refuses_what_lea_build_refuses(tmp_path: Path, target: str):
    folder = _folder(tmp_path)
    before = _state(tmp_path)
    data_before = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file()}
    env = {**os.environ, "LEA_TODAY": FIXTURE_TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", target], cwd=folder, env=env, capture_output=True, text=True)
    said = plain.stdout + plain.stderr
    data_after = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file()}
    assert data_after == data_before, "the data is never touched"
    ours = lea("build", "-d", target, cwd=folder, today=FIXTURE_TODAY)
    assert (plain.returncode == 0) == (ours.returncode == 0), (said, ours.stderr)
    if target in ("nieuw", "vorige-site"):
        assert plain.returncode == 0 and (folder / target / "index.html").is_file(), said
    else:
        # refused by the plugin, or before it by MkDocs itself (a site folder around docs/)
        why = "wordt bij elke bouw helemaal vervangen" in said or "'docs_dir' should not be within the 'site_dir'" in said
        assert plain.returncode != 0 and why and "Traceback" not in said, said
        assert _state(tmp_path) == before
