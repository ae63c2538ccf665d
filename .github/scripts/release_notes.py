"""The release notes of a version tag: its section of CHANGELOG.md, after checking that the tag names
the version in pyproject.toml. Used by .github/workflows/release.yml; standard library only.

    python .github/scripts/release_notes.py v0.1.0 > notes.md

Exit code 1, with the reason on stderr, when the tag is not ``v`` + pyproject's version, or
CHANGELOG.md has no section ``## [X.Y.Z] - YYYY-MM-DD`` for it, or that section is empty.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class ReleaseError(Exception):
    pass


def package_version(root: Path = ROOT) -> str:
    with open(root / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def section(changelog: str, version: str) -> str:
    """The text under ``## [version] - date`` up to the next ``## `` heading (or link references), stripped."""
    heading = re.compile(rf"^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}[ \t]*$", re.M)
    found = heading.search(changelog)
    if found is None:
        raise ReleaseError(f"CHANGELOG.md heeft geen sectie '## [{version}] - JJJJ-MM-DD'")
    rest = changelog[found.end():]
    end = re.search(r"^(## |\[[^\]]+\]: )", rest, re.M)
    text = (rest[:end.start()] if end else rest).strip()
    if not text:
        raise ReleaseError(f"de sectie van {version} in CHANGELOG.md is leeg")
    return text + "\n"


def notes(tag: str, root: Path = ROOT) -> str:
    version = package_version(root)
    if tag != f"v{version}":
        raise ReleaseError(f"de tag {tag!r} hoort bij een andere versie dan pyproject.toml ({version}): verwacht v{version}")
    return section((root / "CHANGELOG.md").read_text(encoding="utf-8"), version)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("gebruik: release_notes.py vX.Y.Z", file=sys.stderr)
        return 2
    try:
        sys.stdout.write(notes(argv[0]))
    except ReleaseError as err:
        print(f"release: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
