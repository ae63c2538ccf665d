"""Read the data folder as it was at a git revision, into a temporary folder."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class GitError(Exception):
    pass


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        run = subprocess.run(["git", *args], cwd=cwd, capture_output=True)
    except FileNotFoundError:
        raise GitError("git is niet geïnstalleerd (of staat niet in PATH)") from None
    if run.returncode != 0:
        raise GitError(run.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} mislukte")
    return run.stdout


def export(revision: str, data_dir: Path, target: Path) -> Path:
    """Write ``data_dir`` as it is at ``revision`` under ``target``; return the exported folder."""
    data_dir = data_dir.resolve()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], data_dir if data_dir.is_dir() else Path.cwd()).decode().strip())
    except GitError as err:
        if "not a git repository" in str(err):
            raise GitError(f"de map {data_dir} staat niet in een git-repository") from None
        raise
    if not data_dir.is_relative_to(top):
        raise GitError(f"de map {data_dir} staat niet in de git-repository {top}")
    rel = data_dir.relative_to(top).as_posix()
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top)
    except GitError:
        raise GitError("onbekende versie: geen branch, tag of commit met die naam") from None
    archive = _git(["archive", "--format=tar", revision, "--", rel], top) if _has_path(top, revision, rel) else b""
    out = target / revision.replace("/", "_")
    out.mkdir(parents=True, exist_ok=True)
    if archive:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(out, filter="data")
    return out / rel


def _has_path(top: Path, revision: str, rel: str) -> bool:
    return bool(_git(["ls-tree", "--name-only", revision, "--", rel], top).strip())
