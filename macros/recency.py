"""Which data files were added or changed last: git's word when the data is in a repository, else the clock.

An editor who copies an ambition file as a template and forgets to change its id makes two files with
one id. The duplicate-id message belongs on the copy (where the change is, and where a pull request
shows it), and the copy is the file changed last: not committed yet, or committed later than the other.
Asked only for the few files that hold a duplicate, so a clean check runs no git at all.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Iterable

MAX_FILES = 50  # more files with duplicates than this: ask git nothing (the order of the files decides)
GIT_TIMEOUT = 10  # seconds per git command

# (0 no git, 1 committed, 2 not committed yet; the commit's time; the file's modification time): larger is
# newer. The modification time is weaker evidence than git (a copy made in Finder or Explorer keeps the
# original's), so a caller may weigh other signs between the two.
Age = tuple[int, float, float]


class FileAges:
    """``ages(names)``: how recently each data file (by its name in messages) was added or changed."""

    def __init__(self, paths: dict[str, Path]):
        self.paths = paths
        self._known: dict[str, Age] = {}

    def ages(self, names: Iterable[str]) -> dict[str, Age]:
        wanted = [n for n in dict.fromkeys(names) if n not in self._known and n in self.paths]
        if wanted:
            self._known.update(_ages({n: self.paths[n] for n in wanted[:MAX_FILES]}))
        return {n: self._known.get(n, (0, 0.0, 0.0)) for n in names}


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        run = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=GIT_TIMEOUT,
                             env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except (OSError, subprocess.SubprocessError):
        return None
    return run.stdout if run.returncode == 0 else None


def _ages(paths: dict[str, Path]) -> dict[str, Age]:
    folder = next(iter(paths.values())).parent
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top is None:
        return {name: (0, 0.0, _mtime(path)) for name, path in paths.items()}
    root = Path(top.strip()).resolve()
    inside = {name: path.resolve() for name, path in paths.items() if path.resolve().is_relative_to(root)}
    relative = {name: path.relative_to(root).as_posix() for name, path in inside.items()}
    status = _git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *relative.values()], root) or ""
    changed = {entry[3:] for entry in status.split("\0") if len(entry) > 3}
    out: dict[str, Age] = {}
    for name, path in paths.items():
        rel = relative.get(name)
        when = _git(["log", "-1", "--format=%ct", "--", rel], root) if rel is not None and rel not in changed else ""
        if rel is None or rel in changed or not (when or "").strip():
            out[name] = (2, 0.0, _mtime(path))  # not committed as it is: the newest
        else:
            out[name] = (1, float(when.strip()), _mtime(path))  # type: ignore[union-attr]
    return out
