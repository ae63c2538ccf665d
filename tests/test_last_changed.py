"""'Laatst gewijzigd op ...' on the pages of a goal, a school year, the budget and the organisation (issue 27,
item 5): the date of the last commit that changed the data that page shows, from a real git repository; never
another file's date, and unknown (never a wrong date) when it cannot be known."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from lea_site.exports import changes
from lea_site.exports.lastchanged import BUDGET, ORGANISATION, LastChanged, last_changed
from lea_site.load import load
from lea_site.render.changed import PageChange, changed_html, read_changed
from lea_site.render.pages import View
from lea_site.render.paths import ambition_page, year_page

from .conftest import DEMO_TODAY
from .test_changes import _git as git

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 12, 31)


def _git(repo: Path, *args: str, when: str | None = None) -> None:
    git(repo, *args, date=when)  # one way of making a dated commit (tests/test_changes.py)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _repo(tmp_path: Path) -> Path:
    """The demo committed on 10 January 2026; on 5 March one goal's file changes, on 20 April a file outside the
    data, on 9 June the organisation, on 2 September one action's budget in the 2026-2027 plan."""
    repo = tmp_path / "site"
    shutil.copytree(ROOT / "data", repo / "data")
    (repo / "README.md").write_text("leesmij\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "eerste", when="2026-01-10T12:00:00+01:00")
    _edit(repo / "data" / "ambities" / "doorgaande-lijn.yml", "    - Brede brugklassen\n", "    - Brede brugklassen\n    - Huiswerkbegeleiding\n")
    _git(repo, "commit", "-q", "-am", "doel", when="2026-03-05T12:00:00+01:00")
    (repo / "README.md").write_text("anders\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "geen data", when="2026-04-20T12:00:00+02:00")
    _edit(repo / "data" / "organisatie.yml", "naam: Bestuurlijk overleg LEA", "naam: Bestuurlijk overleg LEA Lindeveen")
    _git(repo, "commit", "-q", "-am", "organisatie", when="2026-06-09T12:00:00+02:00")
    _edit(repo / "data" / "jaarplannen" / "2026-2027.yml", "begroting: {kosten: 6000}", "begroting: {kosten: 6000, besteed: 1000, besteed_op: 2026-09-01}")
    _git(repo, "commit", "-q", "-am", "begroting", when="2026-09-02T12:00:00+02:00")
    return repo


def _pages(repo: Path, tmp_path: Path, **kwargs) -> dict[str, LastChanged]:
    agenda = load(repo / "data", DEMO_TODAY).agenda
    assert agenda is not None
    history = changes.history(repo / "data", tmp_path / "cache.json", today=kwargs.pop("today", TODAY), **kwargs)
    return changes.pages_changed(history, agenda)


def test_each_page_has_the_date_of_the_last_commit_that_changed_its_data(tmp_path):
    repo = _repo(tmp_path)
    pages = _pages(repo, tmp_path)
    days = {page: last.day for page, last in pages.items()}
    assert days[ambition_page("doorgaande-lijn")] == date(2026, 3, 5)  # its own file; not the README's 20 April
    assert days[ORGANISATION] == date(2026, 6, 9)
    assert days[BUDGET] == date(2026, 9, 2)
    assert days[year_page("2026-2027")] == date(2026, 9, 2)
    demo = load(ROOT / "data", DEMO_TODAY).agenda
    goal = next(p.ambitie for p in demo.year_plan("2026-2027").ambities for a in p.acties if a.begroting and a.begroting.kosten == 6000)
    assert days[ambition_page(goal)] == date(2026, 9, 2)  # the goal whose action's budget changed follows that commit
    # pages whose data never changed since the first commit: that commit's day (the history is complete)
    assert days[year_page("2025-2026")] == date(2026, 1, 10)
    assert days[ambition_page("vroeg-en-voorschool")] == date(2026, 1, 10)
    assert days[ambition_page("doorgaande-lijn")] != date(2026, 4, 20)
    # the link goes to that change's own section on the page Wijzigingen
    history = changes.history(repo / "data", tmp_path / "cache.json", today=TODAY)
    anchor = history.anchor(pages[ORGANISATION].commit)
    assert anchor and f"{{ #{anchor} }}" in changes.page(history)
    head = subprocess.run(["git", "log", "-1", "--format=%H", "--", "data/organisatie.yml"], cwd=repo, capture_output=True, text=True).stdout.strip()
    assert pages[ORGANISATION].commit == head


def test_an_uncommitted_change_or_a_cut_history_makes_the_date_unknown(tmp_path):
    repo = _repo(tmp_path)
    _edit(repo / "data" / "organisatie.yml", "naam: Bestuurlijk overleg LEA Lindeveen", "naam: Bestuurlijk overleg")
    pages = _pages(repo, tmp_path)
    assert pages[ORGANISATION].day is None  # built from data that is not committed: when is not known
    assert pages[BUDGET].day == date(2026, 9, 2)
    # only the last two commits read: a page unchanged within them has no known date, never the oldest one read
    cut = _pages(repo, tmp_path, limit=2)
    assert cut[year_page("2025-2026")].day is None
    assert cut[BUDGET].day == date(2026, 9, 2)


def test_a_commit_date_that_cannot_be_right_is_unknown(tmp_path):
    repo = _repo(tmp_path)
    pages = _pages(repo, tmp_path, today=date(2026, 8, 1))  # the last commit is 'after' the build day
    assert pages[BUDGET].day is None
    assert pages[ORGANISATION].day == date(2026, 6, 9)


def test_a_version_with_errors_between_makes_the_change_unknown():
    versions = [("c", date(2026, 3, 1), {"p": "new"}), ("b", date(2026, 2, 1), None), ("a", date(2026, 1, 1), {"p": "old"})]
    assert last_changed({"p": "new"}, versions, complete=True)["p"] == LastChanged(None)
    same = [("c", date(2026, 3, 1), {"p": "x"}), ("b", date(2026, 2, 1), None), ("a", date(2026, 1, 1), {"p": "x"})]
    assert last_changed({"p": "x"}, same, complete=True)["p"] == LastChanged(date(2026, 1, 1), "a")
    assert last_changed({"p": "x"}, [], complete=True) == {}


def test_the_line_says_the_date_or_that_it_is_unknown_and_without_history_nothing():
    agenda = load(ROOT / "data", DEMO_TODAY).agenda
    view = View(agenda, DEMO_TODAY, lambda target: target)
    assert changed_html(view, BUDGET) == ""
    view.changed = read_changed({BUDGET: {"datum": "2026-11-03", "anker": "wijziging-abc123"}, ORGANISATION: {"datum": None, "anker": None},
                                 "x.md": {"datum": "3 november", "anker": "\" onclick=\""}})
    line = BeautifulSoup(changed_html(view, BUDGET), "html.parser")
    assert line.get_text() == "Laatst gewijzigd op 3 november 2026. Wat er veranderde."
    assert line.find("time")["datetime"] == "2026-11-03" and line.find("a")["href"] == "wijzigingen.md#wijziging-abc123"
    assert "niet bekend" in changed_html(view, ORGANISATION)
    assert view.changed["x.md"] == PageChange(None, None)  # an unreadable date is unknown, an odd anchor is dropped


def test_the_demo_site_says_it_on_every_page_of_a_goal_school_year_budget_and_organisation(built_site):
    site = built_site("demo").site
    rels = ([f"ambities/{p.name}/index.html" for p in sorted((site / "ambities").iterdir()) if p.is_dir()]
            + [f"schooljaren/{p.name}/index.html" for p in sorted((site / "schooljaren").iterdir()) if p.is_dir()]
            + ["begroting/index.html", "organisatie/index.html"])
    assert len(rels) > 4
    changes_page = BeautifulSoup((site / "wijzigingen" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for rel in rels:
        line = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser").select_one("article p.lea-changed")
        assert line is not None, rel
        link = line.find("a")
        assert link["href"].startswith("../../wijzigingen/") or link["href"].startswith("../wijzigingen/"), rel
        if line.find("time") is not None and "#" in link["href"]:
            section = changes_page.find(id=link["href"].split("#")[1])
            # one heading per day (review 7): the anchor is on the change itself, under the heading of its day
            day = section.find_previous("h2") if section is not None else None
            assert day is not None and line.find("time").get_text(strip=True) in day.get_text(), rel
