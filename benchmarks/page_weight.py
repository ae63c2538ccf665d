"""Bytes each page transfers, gzip-compressed, excluding the search index (prints a table).

    python benchmarks/page_weight.py [site/]

Counts the page's HTML plus every local stylesheet, script, image and font it
loads (each gzip-compressed at level 6, as a static host would serve it). The
search index (search/search_index.json) is fetched by the search script only
when someone searches, so it is left out. Budget: 150 KB per page.
"""

from __future__ import annotations

import gzip
import sys
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

BUDGET = 150 * 1024


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & {"stylesheet", "icon", "preload", "modulepreload"}:
            self.refs.append(a["href"])
        elif tag in ("script", "img", "source", "iframe") and a.get("src"):
            self.refs.append(a["src"])


@lru_cache(maxsize=None)
def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def page_weights(site: Path) -> list[tuple[str, int]]:
    out = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        url = "/" + rel
        parser = _Refs()
        parser.feed(html.read_text(encoding="utf-8"))
        total = gzipped(html)
        seen = set()
        for ref in parser.refs:
            target = urlparse(urljoin(url, ref))
            if target.scheme or target.netloc:
                continue  # not ours; the privacy tests make sure there are none
            path = site / target.path.lstrip("/")
            if path.is_file() and path not in seen and "search_index" not in path.name:
                seen.add(path)
                total += gzipped(path)
        out.append((rel, total))
    return out


def main(site: Path) -> int:
    if not any(site.rglob("*.html")):
        print(f"geen gebouwde site in {site}/; bouw eerst met: mkdocs build", file=sys.stderr)
        return 2
    weights = sorted(page_weights(site), key=lambda item: item[1], reverse=True)
    over = [w for w in weights if w[1] > BUDGET]
    print(f"{'pagina':<50} {'KB (gzip)':>10}")
    for rel, size in weights:
        print(f"{rel:<50} {size / 1024:>10.1f}")
    largest = weights[0]
    print(f"\n{len(weights)} pagina's; grootste: {largest[0]} met {largest[1] / 1024:.1f} KB; budget {BUDGET // 1024} KB; boven budget: {len(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
