"""Read the data folder as it was at a git revision, into a temporary folder.

The files are read the way a build of that revision reads them: from the tree
(``git ls-tree``) and the blobs (``git cat-file --batch``), so ``.gitattributes``
(``export-ignore``, ``export-subst``) cannot hide or rewrite a file, as it could
with ``git archive``.

Symbolic links (mode 120000: the blob is the target) follow the same rule as the
build, which reads ``data/`` with ``Path.rglob`` on a checkout:

- a link whose target leaves the repository (an absolute path, or ``..`` that
  climbs above the repository root, also through another link) is an error
  (:class:`UnsafeLink`), never followed, whatever the target is;
- a link to a file within the repository is read as that file, resolved in the
  tree of the same revision (links to links are followed, at most 40; more, or
  a loop, is an error);
- a link to a folder, or to nothing, is skipped: ``rglob`` does not descend into
  linked folders and ``is_file()`` is false for a dangling link.

Submodules (mode 160000) are skipped: a checkout without submodules has an empty
folder there. Errors in what the data holds are :class:`DataError` (``lea diff``
exits with 1), errors in reaching git or the revision :class:`GitError` (2).
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

MAX_LINKS = 40  # as the kernel's limit on nested symbolic links


class GitError(Exception):
    pass


class DataError(GitError):
    """The version can be read, but what it holds cannot be used as data (exit code 1, not 2)."""


class UnsafeLink(DataError):
    """A symbolic link in the data that points outside the repository."""


@dataclass(frozen=True)
class _Entry:
    mode: str
    kind: str  # blob, tree, commit
    oid: str


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    try:
        run = subprocess.run(["git", *args], cwd=cwd, capture_output=True, input=stdin)
    except FileNotFoundError:
        raise GitError("git is niet geïnstalleerd (of staat niet in PATH)") from None
    if run.returncode != 0:
        raise GitError(run.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} mislukte")
    return run.stdout


def shown(text: str) -> str:
    """A file name or link target for a message: control characters visible, so a name
    with a newline cannot start a line of its own (in a CI log, '::' starts a command)."""
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", text)


def export(revision: str, data_dir: Path, target: Path) -> Path:
    """Write ``data_dir`` as it is at ``revision`` under ``target``; return the exported folder.

    The returned folder does not exist when the revision has no such folder.
    """
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
    rel = "" if rel == "." else rel
    if revision.startswith("-"):  # never an option to git
        raise GitError("onbekende versie: geen branch, tag of commit met die naam")
    try:
        commit = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top).decode().strip()
    except GitError:
        raise GitError("onbekende versie: geen branch, tag of commit met die naam") from None
    out = target / revision.replace("/", "_")
    out.mkdir(parents=True, exist_ok=True)
    snapshot = _Snapshot(top, commit, rel)
    files = snapshot.files()
    if files is None:
        return out / rel
    blobs = snapshot.blobs(sorted(set(files.values())))
    folder = out / rel
    folder.mkdir(parents=True, exist_ok=True)
    for name, oid in files.items():
        path = folder.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(blobs[oid])
    return folder


class _Outside(Exception):
    """A path climbed above the repository root (turned into :class:`UnsafeLink` by the link that did it)."""


class _Snapshot:
    """The tree of one commit, and the rules above for reading the data folder from it."""

    def __init__(self, top: Path, commit: str, rel: str):
        self.top, self.rel = top, rel
        self.tree: dict[str, _Entry] = {}
        listing = _git(["ls-tree", "-r", "-t", "-z", "--full-tree", commit], top)
        for record in listing.split(b"\0"):
            if record:
                meta, _, name = record.partition(b"\t")
                mode, kind, oid = meta.decode().split(" ")
                self.tree[name.decode("utf-8", "surrogateescape")] = _Entry(mode, kind, oid)
        self._targets: dict[str, str] = {}

    def files(self) -> dict[str, str] | None:
        """The files the build reads in the data folder: name relative to it -> blob id.

        None when the revision has no such folder.
        """
        try:
            root = self._resolve(self.rel) if self.rel else ""
        except _Outside:  # only a link can climb out, and that raises UnsafeLink
            return None
        if root is None or (root and self.tree[root].kind != "tree"):
            return None
        prefix = f"{root}/" if root else ""
        files: dict[str, str] = {}
        for path, entry in self.tree.items():
            if not path.startswith(prefix) or entry.kind != "blob":
                continue  # folders are made as needed; submodules (commit) are skipped
            name = path[len(prefix):]
            if any(part in ("", ".", "..") or part.lower() == ".git" for part in name.split("/")):
                raise DataError(f"{shown(path)}: ongeldige bestandsnaam in de git-boom")
            if entry.mode != "120000":
                files[name] = entry.oid
                continue
            resolved = self._resolve(path)
            if resolved is not None and self.tree[resolved].kind == "blob":
                files[name] = self.tree[resolved].oid
            # a link to a folder, a submodule or nothing is not read, as the build does not read it
        return files

    def _resolve(self, path: str, depth: int = 0) -> str | None:
        """Where ``path`` leads in the tree, following links in every component; None if nowhere."""
        done: list[str] = []
        for part in path.split("/"):
            if part in ("", "."):
                continue
            if part == "..":
                if not done:
                    raise _Outside
                done.pop()
                continue
            done.append(part)
            here = "/".join(done)
            entry = self.tree.get(here)
            if entry is None:
                return None
            if entry.mode != "120000":
                continue
            if depth >= MAX_LINKS:
                raise DataError(f"{shown(here)}: te veel symbolische links na elkaar (of een kring van links)")
            target = self._target(here)
            try:
                if target.startswith("/"):
                    raise _Outside
                resolved = self._resolve(posixpath.join(posixpath.dirname(here), target), depth + 1)
            except _Outside:
                where = f"{self.rel}/" if self.rel else "de repository"
                raise UnsafeLink(f"{shown(here)}: is een symbolische link naar {shown(target)}, buiten de repository; "
                                 f"zet het bestand zelf in {shown(where)}") from None
            if resolved is None:
                return None
            done = resolved.split("/") if resolved else []
        return "/".join(done)

    def _target(self, link: str) -> str:
        if link not in self._targets:
            oid = self.tree[link].oid
            self._targets[link] = self.blobs([oid])[oid].decode("utf-8", "surrogateescape")
        return self._targets[link]

    def blobs(self, oids: list[str]) -> dict[str, bytes]:
        """The contents of blobs, through one ``git cat-file --batch`` (no filters, no attributes)."""
        if not oids:
            return {}
        raw = _git(["cat-file", "--batch"], self.top, stdin="".join(f"{oid}\n" for oid in oids).encode())
        blobs: dict[str, bytes] = {}
        pos = 0
        for oid in oids:
            end = raw.index(b"\n", pos)
            header = raw[pos:end].decode().split(" ")
            if len(header) != 3 or header[1] != "blob":
                raise GitError(f"git cat-file: onverwacht antwoord voor {oid}: {' '.join(header)}")
            size = int(header[2])
            blobs[oid] = raw[end + 1:end + 1 + size]
            pos = end + 1 + size + 1  # the content is followed by a newline
        return blobs
