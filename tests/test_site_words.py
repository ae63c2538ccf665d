"""What a visitor, a chat app and the search box read on the demo, on both engines (issue 17):
no English from the theme, a description and Open Graph title and description of its own on
every page, and no chart text run together in the search index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import DATA, DEMO_TODAY
from .sitebuild import lea, site_folder

ENGINES = ["mkdocs", "zensical"]
# Material's (and Zensical's) English UI strings, as they appear when a Dutch translation is missing.
ENGLISH = [
    "Not found", "Header", "Footer", "Skip to content", "Back to top", "Search", "Previous", "Next",
    "Table of contents", "Initializing search", "Type to start searching", "Copy to clipboard", "Copied to clipboard",
    "Made with", "Last update", "Navigation", "Share", "Clear", "No matching documents", "Edit this page",
    "View source of this page", "Go to repository", "Loading", "Copy as Markdown", "Could not copy", "Missing",
    "Select version", "Tabs", "Contributors",
    "pull request",  # GitHub's word; the site's own pages say it in Dutch (review item 25)
]
PATTERN = re.compile(r"\b(" + "|".join(re.escape(s) for s in ENGLISH) + r")\b")


@pytest.fixture(scope="module", params=ENGINES)
def built(request, tmp_path_factory) -> tuple[str, Path]:
    if request.param == "zensical":
        pytest.importorskip("zensical", reason="pip install -e '.[zensical]'")
    folder = site_folder(tmp_path_factory.mktemp(f"woorden-{request.param}"), DATA)
    run = lea("build", "--engine", request.param, cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 0, run.stderr[-3000:]
    return request.param, folder / "site"


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _english(html: str) -> list[str]:
    """English UI strings in what a visitor sees or hears: text, aria-label, title, placeholder, alt,
    and the translations the theme's script shows (search results, copy buttons)."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    config = soup.select_one("script#__config")
    if config is not None:
        found += [f"script: {v}" for v in json.loads(config.string).get("translations", {}).values() if PATTERN.search(v)]
    for node in soup(["script", "style"]):
        node.decompose()
    found += [f"tekst: {m}" for m in PATTERN.findall(" ".join(soup.get_text(" ").split()))]
    for node in soup.find_all(True):
        for attr in ("aria-label", "title", "placeholder", "alt", "aria-description"):
            value = node.get(attr)
            if isinstance(value, str) and PATTERN.search(value):
                found.append(f"{attr}={value!r}")
    return found


def test_no_english_ui_text_on_any_page(built):
    engine, site = built
    problems = {p.relative_to(site).as_posix(): e for p in _pages(site) if (e := _english(p.read_text(encoding="utf-8")))}
    assert problems == {}, f"{engine}: {problems}"


def test_the_english_scan_really_finds_english():
    assert _english('<nav aria-label="Header"></nav>') and _english("<h1>404 - Not found</h1>")
    assert _english('<input placeholder="Search">') and _english('<a title="Back to top">x</a>')
    assert not _english('<nav aria-label="Paginakop"><p>Zoeken, vorige, volgende</p></nav>')


def test_the_404_page_is_dutch(built):
    _, site = built
    page = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert " ".join(page.select_one("h1").get_text().split()) == "Pagina niet gevonden"


def _meta(soup: BeautifulSoup, **attrs) -> str | None:
    node = soup.find("meta", attrs=attrs)
    return node.get("content") if node else None


def test_every_page_has_its_own_description_and_open_graph(built):
    engine, site = built
    seen: dict[str, str] = {}
    for path in _pages(site):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        description = _meta(soup, name="description")
        assert description and len(description) >= 40, (engine, rel, description)
        assert description not in seen, f"{engine}: {rel} en {seen.get(description)} hebben dezelfde beschrijving: {description}"
        seen[description] = rel
        assert _meta(soup, property="og:description") == description, (engine, rel)
        title = _meta(soup, property="og:title")
        assert title and title == " ".join(soup.title.get_text().split()), (engine, rel, title)
        assert _meta(soup, property="og:type") == "website" and _meta(soup, property="og:locale") == "nl_NL"
        assert _meta(soup, property="og:site_name")
        assert "<" not in description and "{{" not in description


def _search_texts(engine: str, site: Path) -> list[str]:
    if engine == "mkdocs":
        return [d["text"] for d in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]]
    return [d["text"] for d in json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]]


def test_chart_text_stays_out_of_the_search_index(built):
    engine, site = built
    texts = _search_texts(engine, site)
    assert any("Nulmeting" in t for t in texts)  # the indicators are searchable, in words
    for text in texts:
        # the facts list of an indicator, read as one word: 'Nulmeting72% (2023)Laatste meting79%'
        assert not re.search(r"(Nulmeting|Laatste meting|Doel|Beter is|Bron)\d", text), (engine, text[:300])
        # the SVG chart's axis ticks, labels and legend: '02550751002023202420252026202779%doel 90%gemetenprognosedoel'
        assert "gemetenprognose" not in text and not re.search(r"0255075100", text), (engine, text[:300])
        assert not re.search(r"\d{4}\d{4}\d{4}", text), (engine, text[:300])  # years of an axis, or table cells, run together
