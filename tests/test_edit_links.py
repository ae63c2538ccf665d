"""'Wijziging voorstellen' links: each one opens the forge editor at the file and line of its item."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from bs4 import BeautifulSoup

from lea_site.load import load

from .conftest import DATA, DEMO_TODAY, ROOT
from .sitebuild import build

REPO = "https://github.com/voorbeeld/lea"


def _names_by_id() -> dict[str, set[str]]:
    agenda = load(DATA, DEMO_TODAY).agenda
    names: dict[str, set[str]] = defaultdict(set)
    for p in agenda.partners:
        names[p.id].add(p.naam)
    for b in agenda.organen:
        names[b.id].add(b.naam)
    for i in agenda.interventies:
        names[i.id].add(i.titel)
    for _, ind in agenda.indicators():
        names[ind.id].add(ind.titel)
    for y in agenda.jaarplannen:
        for _, a in y.actions():
            names[a.id].add(a.titel)
    return names


def test_every_edit_link_points_at_its_item(tmp_path: Path):
    out = tmp_path / "out"
    run = build(DATA, out, DEMO_TODAY.isoformat(), repo_url=REPO, edit_uri="edit/main/docs/")
    assert run.returncode == 0, run.stderr
    names = _names_by_id()
    links = 0
    kinds = set()
    for page in (out / "site").rglob("*.html"):
        for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a.lea-edit"):
            match = re.fullmatch(re.escape(REPO) + r"/edit/main/(data/[^#]+)#L(\d+)", a["href"])
            assert match, a["href"]
            path, line = ROOT / match[1], int(match[2])
            text = path.read_text(encoding="utf-8").splitlines()[line - 1]
            item = re.search(r"id: ([a-z0-9-]+)", text)
            assert item, f"{match[1]}:{line} is not the start of an item: {text!r}"
            label = a.select_one(".lea-sr").get_text().removeprefix(" voor ")
            assert label in names[item[1]], f"{a['href']} -> {item[1]}, but the link is for {label!r}"
            links += 1
            kinds.add(match[1].split("/")[1])
    assert links > 50
    assert {"partners.yml", "organisatie.yml", "interventies.yml", "ambities", "jaarplannen"} <= kinds


def test_no_edit_links_without_a_repository(built_site):
    html = "".join(p.read_text(encoding="utf-8") for p in built_site("demo").site.rglob("*.html"))
    assert "lea-edit" not in html
