"""Compare two built sites page by page, and check that every link in a site's content resolves."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def pages(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")}


def _article(root: Path, rel: str):
    soup = BeautifulSoup((root / rel).read_text(encoding="utf-8"), "html.parser")
    return soup, soup.select_one("article") or soup


def summary(root: Path, rel: str) -> dict:
    """What a reader gets from a page: its headings, tables (their cells' text), figures and link targets."""
    soup, art = _article(root, rel)
    chart_ids = re.compile(r"lea-chart-([a-z0-9-]+)-\d+")  # a per-build counter, not content
    for node in art.select("[data-search-exclude]"):  # Zensical's search drops the marker once it has used it
        del node["data-search-exclude"]
    return {
        "title": soup.title.get_text() if soup.title else None,
        "headings": [(h.name, " ".join(h.get_text(" ").split())) for h in art.find_all(re.compile(r"^h[1-6]$"))],
        "tables": [" ".join(t.get_text(" ").split()) for t in art.find_all("table")],
        "figures": len(art.find_all("figure")),
        "svg": [chart_ids.sub(r"lea-chart-\1", str(s)) for s in art.find_all("svg")],
        "leftovers": str(soup).count("LEABLOK") + str(soup).count("LEAOPEN") + str(soup).count("LEAEND"),
    }


def broken_links(root: Path) -> list[str]:
    """Every relative link in the content of every page that does not lead to a page (and anchor) of the site."""
    ids: dict[Path, set[str]] = {}
    out = []
    for rel in sorted(pages(root)):
        _, art = _article(root, rel)
        for a in art.find_all("a", href=True):
            href = a["href"]
            if not href.strip():  # href="" reloads the page: a link that leads nowhere
                out.append(f"{rel}: a link '{a.get_text(' ', strip=True)}' with an empty href")
                continue
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            path = unquote(parts.path)
            if path.startswith("/"):  # from the site root (the 404 page is served at any depth)
                target = posixpath.normpath(path.lstrip("/") or ".")
            else:
                target = rel if not path else posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
            if target.startswith(".."):
                out.append(f"{rel}: {href} leaves the site")
                continue
            if not target.endswith(".html") and not (root / target).is_file():
                target = posixpath.join(target, "index.html")
            file = root / target
            if not file.is_file():
                out.append(f"{rel}: {href} -> {target} missing")
            elif parts.fragment and target.endswith(".html"):
                if file not in ids:
                    ids[file] = set(re.findall(r'\bid="([^"]+)"', file.read_text(encoding="utf-8")))
                if parts.fragment not in ids[file]:
                    out.append(f"{rel}: {href} has no anchor #{parts.fragment}")
    return out
