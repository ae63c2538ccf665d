"""Class 2 of issue 24: every file of a built site is readable by all (0644) and every folder 0755 under the
usual umask 022, with the PDFs too: a site copied to a web root with ``cp -a`` serves every download."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lea_site.files import write_atomic

from .conftest import FIXTURE_TODAY, FIXTURES
from .sitebuild import site_folder


def _modes(site: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path in [site, *site.rglob("*")]:
        mode = oct(stat.S_IMODE(path.lstat().st_mode))
        out.setdefault(mode + (" map" if path.is_dir() else ""), set()).add(path.relative_to(site).as_posix())
    return out


def _build(tmp_path: Path, command: list[str]) -> Path:
    site = site_folder(tmp_path / "site", FIXTURES / "westland")
    (site / "docs").mkdir(exist_ok=True)
    own = site / "docs" / "bijlage.txt"  # a file of the site's own, readable by its owner only in the checkout
    own.write_text("bijlage\n", encoding="utf-8")
    own.chmod(0o600)
    env = {**os.environ, "LEA_TODAY": FIXTURE_TODAY.isoformat(), "LEA_PDF": "ja", "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", *command], cwd=site, env=env, capture_output=True, text=True,
                         preexec_fn=lambda: os.umask(0o022))
    assert run.returncode == 0, run.stderr
    return site / "site"


@pytest.mark.parametrize("command", [["lea_site.cli", "build"], ["mkdocs", "build"], ["lea_site.cli", "build", "--engine", "zensical"]],
                         ids=["lea-build", "mkdocs-build", "zensical"])
def test_every_file_of_a_built_site_is_0644_and_every_folder_0755(tmp_path, command):
    site = _build(tmp_path, command)
    modes = _modes(site)
    assert any(p.endswith(".pdf") for p in modes.get("0o644", ())), "the PDFs are part of this build"
    assert "bijlage.txt" in modes["0o644"]
    assert set(modes) == {"0o644", "0o755 map"}, {m: sorted(p)[:5] for m, p in modes.items()}


def test_write_atomic_gives_the_mode_open_would(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "a.bin", b"x")
        (tmp_path / "b.bin").write_bytes(b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.bin").stat().st_mode) == stat.S_IMODE((tmp_path / "b.bin").stat().st_mode) == 0o640
