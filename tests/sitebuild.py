"""Build a real site from any data folder with the project's docs/ and theme."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def write_config(data: Path, out: Path, **overrides) -> Path:
    """A site folder ``out`` as ``lea init`` makes one (the product's pages and theme come from the
    package through the plugin ``lea``), with this repository's settings and ``data``."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_dir"] = str(out / "site")
    config["watch"] = []
    config["extra"]["lea"]["data"] = str(data)
    config.update(overrides)
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)  # MkDocs wants the site's own docs_dir to exist
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build(data: Path, out: Path, today: str, strict: bool = True, **overrides) -> subprocess.CompletedProcess:
    config = write_config(data, out, **overrides)
    env = {**os.environ, "LEA_TODAY": today, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)] + (["--strict"] if strict else [])
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)


def site_folder(tmp: Path, data: Path) -> Path:
    """A site folder as a municipality has it for `lea build`: its own mkdocs.yml (this repository's
    settings) and a data folder."""
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "data: data", f"data: {data}"), encoding="utf-8")
    return tmp


def lea(*args: str, cwd: Path, today) -> subprocess.CompletedProcess:
    """Run the lea command as a user does, with a fixed 'today'."""
    env = {**os.environ, "LEA_TODAY": str(today), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "lea_site.cli", *args], cwd=cwd, env=env, capture_output=True, text=True)
