"""Build into a fresh folder and put it in place only when the whole build succeeded.

A crash while rendering, or a ``--strict`` warning after pages were written, would
otherwise leave ``site/`` half replaced. The engine writes to a sibling folder
(``site.lea-nieuw``); :func:`publish` swaps it in at the end, :func:`discard`
throws it away. Under ``mkdocs serve`` a rebuild with broken data keeps serving
the last good site with a notice on every page (:func:`mark_stale`), instead of
leaving the browser waiting for a build that never comes.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

STAGE_SUFFIX = ".lea-nieuw"
OLD_SUFFIX = ".lea-oud"
_NOTICE = re.compile(r"<!--lea-melding-->.*?<!--/lea-melding-->", re.S)


def stage_for(site_dir: str) -> str:
    """A clean sibling folder to build into (same file system, so the swap is a rename)."""
    stage = Path(site_dir.rstrip("/\\") + STAGE_SUFFIX)
    shutil.rmtree(stage, ignore_errors=True)
    return str(stage)


MARK = ".lea-site"  # written into every site lea build makes: only such a folder is ever replaced


def unsafe_target(target: Path, config: Path, own: dict) -> str | None:
    """Why ``target`` cannot be the site folder, or None. The site folder is replaced as a whole, so it is only
    ever a new or empty folder, or one that a build made; never the data, the pages, the site folder itself.
    ``lea build`` and the plugin ``lea`` (plain ``mkdocs build -d``) both ask this."""
    from .generate import BUILD
    from .site import data_dir

    root = config.resolve().parent
    theme = own.get("theme") if isinstance(own.get("theme"), dict) else {}
    sources = [root / BUILD, data_dir(str(config), own.get("extra") or {}), root / str(own.get("docs_dir", "docs"))]
    if theme.get("custom_dir"):
        sources.append(root / str(theme["custom_dir"]))
    target = target.resolve()
    replaced = "die wordt bij elke bouw helemaal vervangen"
    if target.exists() and not target.is_dir():
        return f"{target} is een bestand; geef een map voor de site ({replaced})"
    for folder in [root, Path.home(), *sources]:  # the site folder may not hold any of these ...
        if folder.resolve().is_relative_to(target):
            return f"{target} kan niet de map voor de site zijn: {replaced}, en daarin staat {folder.resolve()}"
    for folder in sources:  # ... nor lie inside the data, the pages or the build folder
        if target.is_relative_to(folder.resolve()):
            return f"{target} kan niet de map voor de site zijn: {replaced}, en ligt in {folder.resolve()}"
    if target.is_dir() and any(target.iterdir()) and not (target / MARK).is_file():
        if (target / ".git").exists():
            return f"{target} is een git-repository; de site kan daar niet in ({replaced})"
        built_by_mkdocs = (target / "index.html").is_file() and (target / "sitemap.xml").is_file() and not (target / "data").exists()
        if not built_by_mkdocs:
            return (f"{target} bestaat al en is geen site die lea build of MkDocs maakte; "
                    f"kies een lege of nieuwe map ({replaced})")
    return None


def publish(stage: str, site_dir: str) -> None:
    """Put the finished build in place of the old site; on any failure the old site is back."""
    final = Path(site_dir)
    beside, old = Path(site_dir.rstrip("/\\") + STAGE_SUFFIX), Path(site_dir.rstrip("/\\") + OLD_SUFFIX)
    if Path(stage).resolve() != beside.resolve():  # another folder, maybe another file system: copy next to the site first
        shutil.rmtree(beside, ignore_errors=True)
        shutil.copytree(stage, beside)
        shutil.rmtree(stage, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    moved = False
    try:
        if final.exists():
            final.rename(old)
            moved = True
        beside.rename(final)
    except OSError:
        if moved and not final.exists():
            old.rename(final)
        shutil.rmtree(beside, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


def discard(stage: str) -> None:
    shutil.rmtree(stage, ignore_errors=True)


def mark_stale(site_dir: str, problems: list[str]) -> int:
    """Show on every page of the last good site that it is out of date, and why. Returns pages marked."""
    shown = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems[:20])
    more = f"<p>En nog {len(problems) - 20} melding(en); zie de terminal.</p>" if len(problems) > 20 else ""
    notice = ('<!--lea-melding--><div class="admonition failure" role="alert"><p class="admonition-title">'
              "Deze pagina is niet bijgewerkt</p><p>De agendadata bevat fouten, daarom ziet u de laatste goede versie. "
              f"Los deze problemen op (of draai <code>lea check</code>); de pagina ververst dan vanzelf.</p><ul>{shown}</ul>{more}</div>"
              "<!--/lea-melding-->")
    count = 0
    for page in Path(site_dir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        marked = _NOTICE.sub(lambda _: notice, text, count=1)
        if marked != text:
            page.write_text(marked, encoding="utf-8")
            count += 1
    return count
