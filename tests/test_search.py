"""Search finds an activity's row, not just its page (issue 15): one index entry per activity, from the
data model, pointing at the row id the tables render (lea_site.search); Dutch stemming on both engines."""

from __future__ import annotations

import json
from pathlib import Path

from lea_site.load import load
from lea_site.search import Entry, extend_index, extend_zensical_index, location, row_entries

from .conftest import DATA, DEMO_TODAY


def _demo():
    agenda = load(DATA, DEMO_TODAY).agenda
    assert agenda is not None
    return agenda


def test_every_activity_is_in_the_index_with_its_row(built_site):
    site = built_site("demo").site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]  # Dutch stemming: 'thuiszitters' finds 'thuiszitter'
    docs = {d["location"]: d for d in index["docs"]}
    agenda = _demo()
    entries = row_entries(agenda, DEMO_TODAY)
    every = [a.id for y in agenda.jaarplannen for _, a in y.actions()] + [a.id for g in agenda.ambities for a in g.activiteiten]
    assert len(entries) == len(every) > 0  # each activity once
    pages: dict[str, str] = {}
    for entry in entries:
        where = location(entry)
        assert where in docs, where
        assert docs[where]["title"]
        page = where.split("#")[0]
        html = pages.setdefault(page, (site / page / "index.html").read_text(encoding="utf-8"))
        assert f'id="{entry.anchor}"' in html, where  # the row is there to land on


def test_dutch_words_and_titles_find_the_row(built_site):
    index = json.loads((built_site("demo").site / "search" / "search_index.json").read_text(encoding="utf-8"))
    rows = [d for d in index["docs"] if "#actie-" in d["location"]]
    for word in ("peuteropvang", "thuiszitters", "Taalcafé voor ouders in alle wijken"):
        found = [d["location"] for d in rows if word.lower() in (d["title"] + " " + d["text"]).lower()]
        assert found and all("/#actie-" in f for f in found), word
    current = next(d for d in rows if d["title"].startswith("Consultatiebureau verwijst actief door"))
    assert current["location"].startswith("ambities/vroeg-en-voorschool/#actie-")


def test_entries_are_added_once_and_escaped(tmp_path: Path):
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps({"config": {"lang": ["nl"]}, "docs": [{"location": "ambities/a/", "title": "A", "text": ""}]}))
    entry = Entry("ambities/a.md", "actie-2026-2027-x", "<script>VVE</script>", "tekst & meer")
    assert extend_index(index, [entry]) == 1 and extend_index(index, [entry]) == 0
    docs = json.loads(index.read_text())["docs"]
    assert docs[-1] == {"location": "ambities/a/#actie-2026-2027-x", "title": "&lt;script&gt;VVE&lt;/script&gt;", "text": "tekst &amp; meer"}
    assert location(entry, use_directory_urls=False) == "ambities/a.html#actie-2026-2027-x"


def test_zensical_index_gets_the_rows_beside_their_page(tmp_path: Path):
    index = tmp_path / "search.json"
    items = [{"location": "ambities/a/", "level": 1, "title": "A", "text": "", "path": ["Ambities", "A"], "tags": []},
             {"location": "ambities/a/#kop", "level": 2, "title": "Kop", "text": "", "path": ["Ambities", "A"], "tags": []},
             {"location": "partners/", "level": 1, "title": "Partners", "text": "", "path": ["Partners"], "tags": []}]
    index.write_text(json.dumps({"config": {"lang": ["nl"]}, "items": items}))
    entries = [Entry("ambities/a.md", "actie-x", "Actie X", "peuteropvang"), Entry("ambities/uitgesloten.md", "actie-y", "Y", "")]
    assert extend_zensical_index(index, entries) == 1  # a page the engine did not index gets no rows either
    out = json.loads(index.read_text())["items"]
    assert [i["location"] for i in out] == ["ambities/a/", "ambities/a/#kop", "ambities/a/#actie-x", "partners/"]
    assert out[2]["path"] == ["Ambities", "A"] and out[2]["text"] == "peuteropvang"


def test_the_accessibility_check_leaves_out_exactly_the_search_index(built_site):
    """lea toegankelijkheid does not fetch the search box's index (24 MB for a 10 MB agenda, parsed on every
    page): the pattern names Material's index where the built site has it, and no other file of the site."""
    from lea_site.accessibility import SEARCH_INDEX
    from lea_site.search import MKDOCS_INDEX, ZENSICAL_INDEX

    site = built_site("demo").site
    assert (site / MKDOCS_INDEX).is_file()
    base = "http://127.0.0.1:8000/"
    matched = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
               and SEARCH_INDEX.match(base + p.relative_to(site).as_posix())]
    assert matched == [MKDOCS_INDEX]
    assert SEARCH_INDEX.match(base + ZENSICAL_INDEX) and SEARCH_INDEX.match(base + MKDOCS_INDEX + "?v=2")
