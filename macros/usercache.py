"""The user's cache folder for what a build can reuse from an earlier one: typeset PDFs
(:mod:`lea_site.exports.typeset`) and the comparisons behind the page Wijzigingen
(:mod:`lea_site.exports.changes`).

``LEA_CACHE`` names the folder (empty: no cache); by default ``$XDG_CACHE_HOME/lea-site``
or ``~/.cache/lea-site``. It lives outside the site folder on purpose: the publish
workflows keep it between runs with ``actions/cache``, where ``build/lea/`` is new each time.
"""

from __future__ import annotations

import os
from pathlib import Path


def user_cache(kind: str) -> Path | None:
    """The folder for one kind of cached thing, made if needed; None when caching is off or impossible."""
    configured = os.environ.get("LEA_CACHE")
    if configured == "":
        return None
    base = Path(configured) if configured else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lea-site"
    try:
        (base / kind).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base / kind


def keep_newest(folder: Path, pattern: str, keep: int) -> None:
    """Delete all but the ``keep`` most recently used files of ``folder`` matching ``pattern``."""
    for stale in sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)[keep:]:
        stale.unlink(missing_ok=True)
