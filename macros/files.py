"""Writing a file of the site whole, with the mode any other file of the site has.

:func:`tempfile.mkstemp` creates its file readable by its owner only (0600), on purpose; a file
renamed into place keeps that mode, and a site copied to a web root with ``cp -a`` then answers
403 for it. So a file written here gets what ``open(path, "w")`` would give: 0666 less the umask
(0644 under the usual umask 022).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def umask() -> int:
    """The process's umask, read without changing it where Linux shows it (os.umask sets it to read it,
    which another thread could see for a moment)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def write_atomic(path: Path, content: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename: never a half file, and the usual mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            os.fchmod(out.fileno(), 0o666 & ~umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def link_leaves(path: Path, folder: Path) -> str | None:
    """Why the file ``path`` in ``folder`` may not be published, when a symbolic link makes it another file:
    one outside ``folder`` (``../../.git/config`` would put the repository's settings, with a token in the
    remote's address, on the site), or one inside a ``.git`` folder. ``None``: it is the folder's own file."""
    try:
        real, home = path.resolve(strict=True), folder.resolve(strict=True)
    except (OSError, RuntimeError):  # a loop of links, a link to nothing
        return f"{path} is een symbolische link die nergens heen wijst"
    if not real.is_relative_to(home):
        return f"{path} is een symbolische link naar {real}, buiten {folder}"
    if ".git" in real.relative_to(home).parts:
        return f"{path} is een symbolische link naar {real}, in de map .git van de repository"
    return None
